"""Force by state forces aimed at one of a protest's people ("beat a protester") is force
against the protest, as force aimed at the crowd is (`_crowd_person` in
extract/events/subevents.py); gunmen shooting a protester stay an attack on a civilian.
Sentences are invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _typed(extractor: Extractor, text: str) -> list[tuple[str, str | None, str]]:
    result = extractor.extract(ArticleInput("t", text))
    return [(e.type, e.acled, e.trigger.text) for e in result.events]


def test_police_beating_a_protester_is_force_against_the_protest(extractor: Extractor) -> None:
    text = "Police officers beat a protester during a protest outside the ministry in Tarn."
    assert _typed(extractor, text) == [
        ("Protest", "FORCE_AGAINST_PROTEST", "beat"),
        ("Protest", "FORCE_AGAINST_PROTEST", "protest"),
    ]


def test_gunmen_shooting_a_protester_is_an_attack(extractor: Extractor) -> None:
    text = "Gunmen shot a protester during a protest outside the ministry in Tarn."
    assert _typed(extractor, text) == [
        ("Attack", "ATTACK", "shot"),
        ("Protest", "PEACE_PROTEST", "protest"),
    ]
