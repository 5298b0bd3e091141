"""A response with crowd-control means only (tear gas, water cannon) against a crowd is a
protest met with intervention, as ACLED codes it, never an attack or a clash of its own
(2026-12-07): when the text tells no demonstration besides ("Police fired tear gas to disperse
the crowd"), when the demonstration is told in the sentence after the response, and when the
response is dated "on Saturday" (a date after "on" names no one it was aimed at). Force that
killed, or means aimed at fighters, stays violent. Invented places."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    result = extractor.extract(ArticleInput("invented", text))
    return [(e.type, e.acled) for e in result.events]


def test_tear_gas_to_disperse_a_crowd_is_a_protest_met_with_intervention(
    extractor: Extractor,
) -> None:
    text = "Police fired tear gas to disperse the crowd in Orlen on Sunday."
    assert _events(extractor, text) == [("Protest", "PROTEST_WITH_INTER")]


def test_a_response_told_before_its_demonstration_is_part_of_it(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Police fired water cannon on Sunday to break up a march by dock workers in Orlen. "
        "The workers were protesting against job cuts.",
    )
    assert events == [("Protest", "PROTEST_WITH_INTER")]


@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas at the crowd in Orlen on Sunday, killing two.",
        "Soldiers fired rubber bullets at rebels in the hills near Orlen on Sunday.",
    ],
)
def test_deadly_force_or_fire_at_fighters_stays_violent(extractor: Extractor, text: str) -> None:
    events = _events(extractor, text)
    assert events and events[0][0] != "Protest"


def test_no_one_hurt_after_a_dispersed_march_is_zero_injuries(extractor: Extractor) -> None:
    """The demonstration met with force is what "No one was hurt" speaks of."""
    result = extractor.extract(
        ArticleInput(
            "invented",
            "Police fired water cannon on Sunday to break up a march by dock workers in Orlen. "
            "The workers were protesting against job cuts. No one was hurt, a police "
            "spokesman said.",
        )
    )
    assert [(e.type, e.trigger.text, e.injuries) for e in result.events] == [
        ("Protest", "fired", 0)
    ]
