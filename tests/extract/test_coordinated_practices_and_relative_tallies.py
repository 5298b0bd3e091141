"""Victims that are no one incident's (issue 16 item 4): each bare plural coordinated in the
"of" phrase of a practice ("kidnappings of reporters and judges") is a kind of people, not
who was harmed; the people of a relative clause that tallies a period ("the students who
have been kidnapped over the past two weeks") are the tally's. Counterexamples: counted
victims of the practice noun, and people an incident harmed in its own clause whatever
their relative clause tells. Every text here is invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _victims(extractor: Extractor, text: str) -> list[str]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return sorted(a.text for e in extraction.events for a in e.arguments if a.role == "victim")


def test_coordinated_bare_plurals_of_a_practice_are_no_victims(extractor: Extractor) -> None:
    text = "Police in Harvel blamed the Red Kite gang for kidnappings of reporters and judges."
    assert _victims(extractor, text) == []


def test_counted_victims_of_the_practice_noun_stay(extractor: Extractor) -> None:
    text = (
        "Police in Harvel blamed the Red Kite gang for the kidnappings of two reporters "
        "on Monday."
    )
    assert _victims(extractor, text) == ["two reporters"]


def test_people_of_a_relative_clause_tallying_a_period_are_no_victims(
    extractor: Extractor,
) -> None:
    text = (
        "Rebels kidnapped a teacher in Orlo on Monday. The teacher is among the nine students "
        "and teachers who have been kidnapped in Orlo over the past two weeks."
    )
    assert _victims(extractor, text) == ["teacher"]


def test_people_harmed_in_the_incidents_own_clause_stay(extractor: Extractor) -> None:
    text = "Rebels killed two students who had been kidnapped in Orlo since 2020, police said."
    assert _victims(extractor, text) == ["students"]
