"""Verbs of struggle ("battled", "skirmished") are armed clashes only between armed sides."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def events(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    return [(e.type, e.trigger.text) for e in extraction.events]


def test_troops_battling_fighters_clash(extractor: Extractor) -> None:
    extraction = extractor.extract(
        ArticleInput(source="t.txt", text="Troops battled Taliban fighters near Kunduz.")
    )
    (clash,) = extraction.events
    assert (clash.type, clash.acled, clash.trigger.text) == ("ArmedClash", "ARMED_CLASH", "battled")
    roles = {(a.role, a.text) for a in clash.arguments}
    assert ("perpetrator", "Troops") in roles
    assert ("target", "Taliban fighters") in roles


def test_skirmishing_with_rebels_is_a_clash(extractor: Extractor) -> None:
    assert events(extractor, "Police skirmished with rebels near Goma.") == [
        ("ArmedClash", "skirmished")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "She battled cancer for years.",
        "The two parties battled for votes in the capital.",
        "Doctors battled to save the wounded.",
    ],
)
def test_battles_without_an_armed_side_are_no_clash(extractor: Extractor, text: str) -> None:
    assert events(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Troops battled a fire at the base for hours.",
        "Soldiers battled floods in the lowlands.",
        "Police skirmished with the flames outside the depot.",
    ],
)
def test_armed_men_battling_a_hazard_is_no_clash(extractor: Extractor, text: str) -> None:
    assert "ArmedClash" not in [kind for kind, _ in events(extractor, text)]


def test_armed_sides_joined_as_subjects_clash(extractor: Extractor) -> None:
    extraction = extractor.extract(
        ArticleInput(source="t.txt", text="Troops and rebels battled near the dam.")
    )
    (clash,) = extraction.events
    assert (clash.type, clash.trigger.text) == ("ArmedClash", "battled")
    assert {("perpetrator", "Troops"), ("perpetrator", "rebels")} <= {
        (a.role, a.text) for a in clash.arguments
    }
