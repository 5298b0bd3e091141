"""How a protest went decides its ACLED sub-event (extract/events/subevents.py), on sentences
written for the test."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands of students held a protest in the capital on Monday.", "PEACE_PROTEST"),
        (
            "Police used excessive force against the protest outside the ministry.",
            "FORCE_AGAINST_PROTEST",
        ),
        ("Three protesters died after police broke up the protest.", "FORCE_AGAINST_PROTEST"),
        ("Protesters stormed the governor's office during the demonstration.", "VIOL_DEMONSTR"),
        ("Demonstrators threw bottles at the parliament during the protest.", "VIOL_DEMONSTR"),
        ("Police suppressed a peaceful demonstration in the port city.", "PROTEST_WITH_INTER"),
        ("Officers began dispersing the protest with water cannon.", "PROTEST_WITH_INTER"),
    ],
)
def test_protest_sub_event(extractor: Extractor, text: str, expected: str) -> None:
    result = extractor.extract(ArticleInput("t", text))
    assert {e.acled for e in result.events} == {expected}


def test_protesters_detained_at_their_protest_are_the_protest_met_by_force(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        ArticleInput("t", "Police detained dozens of protesters in the main square on Sunday.")
    )
    assert [(e.type, e.acled, e.trigger.text) for e in result.events] == [
        ("Arrest", "PROTEST_WITH_INTER", "detained"),
        ("Protest", "PROTEST_WITH_INTER", "protesters"),
    ]
    arrest = extractor.extract(ArticleInput("t", "Police detained two smugglers at the border."))
    assert [(e.type, e.acled) for e in arrest.events] == [("Arrest", "ARREST")]


def test_bombs_dropped_by_warplanes_are_an_air_strike(extractor: Extractor) -> None:
    result = extractor.extract(
        ArticleInput("t", "Warplanes bombed rebel-held towns east of the capital on Wednesday.")
    )
    assert [(e.type, e.acled, e.trigger.text) for e in result.events] == [
        ("AirOrDroneStrike", "AIR_STRIKE", "bombed")
    ]
    ground = extractor.extract(ArticleInput("t", "Militants bombed a bridge east of the capital."))
    assert [(e.type, e.acled) for e in ground.events] == [("Bombing", "REM_EXPLOS")]
