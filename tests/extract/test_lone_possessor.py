"""The owner of an act noun with no "of" phrase is who underwent the act ("the judge's
assassination"), unless it names armed men ("the rebels' kidnapping"); with an "of"
phrase the owner is the doer ("the group's kidnapping of two nurses"). Frames say so with
a `lone_possessor` role (extract/data/frames.jsonl, extract/roles/frames.py). Sentences
are written for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _roles(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    result = extractor.extract(ArticleInput("t", text))
    return sorted(
        (a.role, a.text) for e in result.events for a in e.arguments if a.role != "place"
    )


def test_the_owner_of_an_assassination_is_its_victim(extractor: Extractor) -> None:
    text = "Police said Judge Anna Velka's assassination was ordered by the Black Wolf gang."
    assert _roles(extractor, text) == [
        ("perpetrator", "Black Wolf gang"),
        ("target", "Judge Anna Velka"),
        ("victim", "Judge Anna Velka"),
    ]


def test_the_owner_of_a_kidnapping_is_its_victim(extractor: Extractor) -> None:
    text = "The journalists' kidnapping in Tarsa on Sunday drew wide condemnation."
    assert _roles(extractor, text) == [("victim", "journalists")]


def test_armed_owners_and_owners_with_an_of_phrase_did_it(extractor: Extractor) -> None:
    text = "The rebels' kidnapping in Tarsa on Sunday drew wide condemnation."
    assert _roles(extractor, text) == [("perpetrator", "rebels")]
    text = "The Black Wolf gang's kidnapping of two nurses in Tarsa drew wide condemnation."
    assert _roles(extractor, text) == [
        ("perpetrator", "Black Wolf gang"),
        ("victim", "two nurses"),
    ]
