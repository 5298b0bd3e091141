"""A raid by state forces whose outcome is a detention by the same forces, with no armed
opponent and no fire told, is what ACLED codes as Arrests (extract/events/mentions.py,
`_detaining_raids`); a raid met with fire stays a clash, a raid by gunmen stays an attack.
Sentences are invented for the test."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _typed(extractor: Extractor, text: str) -> list[tuple[str, str | None, str]]:
    result = extractor.extract(ArticleInput("t", text))
    return [(e.type, e.acled, e.trigger.text) for e in result.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police raided three houses in the old quarter of Varna and detained eleven"
            " suspects on Tuesday.",
            [("Arrest", "ARREST", "raided")],
        ),
        (
            "Police raided a warehouse in Tesk on Monday, detaining two men.",
            [("Arrest", "ARREST", "raided")],
        ),
        (
            "In a police raid on a farm near Tesk, officers detained two men on Monday.",
            [("Arrest", "ARREST", "raid")],
        ),
    ],
)
def test_a_raid_that_detains_is_an_arrest(
    extractor: Extractor, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _typed(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fire exchanged and an armed side raided: a clash
        (
            "Troops raided a rebel hideout near Varna on Tuesday, killing four fighters in a"
            " firefight.",
            [("ArmedClash", "ARMED_CLASH", "firefight")],
        ),
        # the raiders are no state force: an attack, and a detention of its own
        (
            "Gunmen raided a farm near Tesk and detained two men on Monday.",
            [("Attack", "ATTACK", "raided"), ("Arrest", "ARREST", "detained")],
        ),
    ],
)
def test_a_raid_with_fire_or_by_gunmen_is_no_arrest(
    extractor: Extractor, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _typed(extractor, text) == expected
