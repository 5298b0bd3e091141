"""Typing by what happened to whom, as ACLED's codebook does (extract/events/subevents.py):
violence against unarmed people is an attack on civilians, two armed sides fighting an
armed clash, the weapon decides among remote violence, and at a protest the doer and the
aim of the act decide between a riot, excessive force and an intervention. Sentences are
written for the test; each rule has a near miss that must not fire."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _typed(extractor: Extractor, text: str) -> list[tuple[str, str | None, str]]:
    result = extractor.extract(ArticleInput("t", text))
    return [(e.type, e.acled, e.trigger.text) for e in result.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the victims' side decides, not the words around them ("army checkpoint", "police")
        (
            "Gunmen shot dead five villagers near an army checkpoint, police said.",
            ("Attack", "ATTACK", "shot"),
        ),
        (
            "Gunmen shot dead five soldiers near an army checkpoint, police said.",
            ("ArmedClash", "ARMED_CLASH", "shot"),
        ),
        # whose facility was attacked
        (
            "Fighters attacked a military camp outside the town.",
            ("ArmedClash", "ARMED_CLASH", "attacked"),
        ),
        (
            "Fighters attacked a camp for displaced people outside the town.",
            ("Attack", "ATTACK", "attacked"),
        ),
        # the weapon decides among remote violence, whoever was hit
        (
            "Militants fired rockets at a village overnight.",
            ("Shelling", "ART_MISS_ATTACK", "fired"),
        ),
        (
            "A drone attacked soldiers at a base near the border.",
            ("AirOrDroneStrike", "AIR_STRIKE", "attacked"),
        ),
    ],
)
def test_sides_and_weapons_decide(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert _typed(extractor, text) == [expected]


def test_soldiers_shooting_unarmed_farmers_is_no_clash(extractor: Extractor) -> None:
    assert _typed(extractor, "Soldiers shot dead three unarmed farmers in their fields.") == [
        ("Attack", "ATTACK", "shot")
    ]


def test_tear_gas_on_a_protest_is_an_intervention_not_a_clash(extractor: Extractor) -> None:
    text = "Police fired tear gas to disperse hundreds of teachers protesting outside parliament."
    assert _typed(extractor, text) == [("Protest", "PROTEST_WITH_INTER", "fired")]


def test_live_rounds_that_wound_protesters_are_excessive_force(extractor: Extractor) -> None:
    text = "Soldiers fired live rounds at demonstrators in the square, wounding five."
    assert {acled for _, acled, _ in _typed(extractor, text)} == {"FORCE_AGAINST_PROTEST"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police dispersed the rally with water cannon.", "PROTEST_WITH_INTER"),
        (
            "Police dispersed the rally with live ammunition, killing two protesters.",
            "FORCE_AGAINST_PROTEST",
        ),
        ("Riot police broke up a sit-in by students outside the university.", "PROTEST_WITH_INTER"),
    ],
)
def test_a_protest_broken_up_by_police(extractor: Extractor, text: str, expected: str) -> None:
    assert [(t, a) for t, a, _ in _typed(extractor, text)] == [("Protest", expected)]


def test_protesters_who_fight_make_a_riot(extractor: Extractor) -> None:
    text = "Protesters clashed with police outside the parliament."
    assert {(t, a) for t, a, _ in _typed(extractor, text)} == {("Riot", "VIOL_DEMONSTR")}


def test_gunmen_firing_on_a_protest_attack_civilians(extractor: Extractor) -> None:
    """Excessive force against protesters is the state's; an armed group that fires on a
    protest commits violence against civilians, and the protest stays peaceful."""
    text = "Gunmen opened fire on protesters in the square, killing three."
    assert _typed(extractor, text) == [
        ("Attack", "ATTACK", "opened fire"),
        ("Protest", "PEACE_PROTEST", "protesters"),
    ]
    police = "Police opened fire on protesters in the square, killing three."
    assert {a for _, a, _ in _typed(extractor, police)} == {"FORCE_AGAINST_PROTEST"}

