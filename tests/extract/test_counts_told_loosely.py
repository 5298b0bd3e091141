"""Casualty counts told in ways the clauses missed (issue 16 items 3 and 4): "lost their
lives" says its subject died; coordinated clauses each with a subject and a count of their
own count different people and add up; a riot's own sentence counts its hurt. Each with a
counterexample. Every text here is invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _counts(extractor: Extractor, text: str) -> list[tuple[str, int | None, int | None]]:
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    return [(e.type, e.fatalities, e.injuries) for e in extraction.events]


def test_dead_of_two_coordinated_clauses_add_up(extractor: Extractor) -> None:
    text = (
        "Nine rebels were killed and three policemen lost their lives in a gun battle in "
        "Harbek on Monday."
    )
    assert _counts(extractor, text) == [("ArmedClash", 12, None)]


def test_dead_named_twice_are_not_added(extractor: Extractor) -> None:
    text = "Gunmen killed nine people in Harbek on Monday, among them four children."
    assert _counts(extractor, text) == [("Attack", 9, None)]


def test_losing_a_job_is_no_death(extractor: Extractor) -> None:
    text = "Gunmen attacked a bank in Harbek on Monday, and three clerks lost their jobs."
    assert _counts(extractor, text) == [("Attack", None, None)]


def test_a_riot_counts_the_hurt_of_its_own_sentence(extractor: Extractor) -> None:
    text = "Rioters hurled rocks at police in Vellan on Friday, injuring 9 officers."
    assert _counts(extractor, text) == [("Riot", None, 9)]


def test_a_riot_with_no_hurt_counts_none(extractor: Extractor) -> None:
    text = "Rioters hurled rocks at police in Vellan on Friday after a disputed match."
    assert _counts(extractor, text) == [("Riot", None, None)]
