"""Typing by what happened to whom, two general signals (issue 16); sentences are invented
for the test, and each rule has a near miss that must not fire.

- A raid by state forces whose outcome is a detention by the same forces, with no armed
  opponent and no fire told, is what ACLED codes as Arrests (`_detaining_raids` in
  extract/events/mentions.py); a raid met with fire stays a clash, one by gunmen an attack.
- A verb at the end of a chain of coordinated verbs with no doer of its own has the doer
  of the chain's first verb ("stormed the village, burned houses and killed ten").
"""

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


def test_the_last_verb_of_a_chain_has_the_first_verbs_doer(extractor: Extractor) -> None:
    text = "Militiamen surrounded the market of Dovra, looted shops and killed six traders."
    assert ("Attack", "ATTACK", "killed") in _typed(extractor, text)


def test_an_unarmed_first_doer_makes_no_attack(extractor: Extractor) -> None:
    text = "Traders from Dovra closed the market, crossed the river and killed six goats."
    assert _typed(extractor, text) == []
