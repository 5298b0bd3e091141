"""Victims named by a word for armed people ("gunmen", "militants", "security force
members") are an armed side whatever type the entity table gave them, so killing them is a
clash, not an attack on civilians (`ARMED_PHRASE_WORDS` in extract/events/subevents.py).
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
            "Rebel fighters attacked an outpost near Tarn on Monday, killing nine security"
            " force members.",
            ("ArmedClash", "ARMED_CLASH", "attacked"),
        ),
        (
            "The army killed scores of terrorists in the hills near Tarn on Monday.",
            ("ArmedClash", "ARMED_CLASH", "killed"),
        ),
        # the near miss: members of an unarmed body stay civilians
        (
            "Gunmen killed nine members of a farming cooperative near Tarn on Monday.",
            ("Attack", "ATTACK", "killed"),
        ),
    ],
)
def test_victims_named_armed_make_a_clash(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert _typed(extractor, text) == [expected]
