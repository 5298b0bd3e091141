"""A quantifier with an "of" phrase names who is meant: "some of his guards were hurt" makes
the guards victims, as "five of the soldiers" does (extract/roles/phrases.py `counted`);
"none of" names nobody. Sentences are written for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _victims(extractor: Extractor, text: str) -> list[tuple[str, str, int | None]]:
    result = extractor.extract(ArticleInput("t", text))
    names = {e.id: e.name for e in result.entities}
    return sorted(
        (a.text, names.get(a.entity or "", ""), e.injuries)
        for e in result.events
        for a in e.arguments
        if a.role == "victim"
    )


def test_some_of_the_guards_are_victims(extractor: Extractor) -> None:
    text = (
        "A bomb exploded under the car of a judge in Veltra on Tuesday. "
        "Several of his guards were wounded."
    )
    assert _victims(extractor, text) == [("guards", "Security forces", None)]


def test_most_of_the_passengers_are_victims_of_the_bombing(extractor: Extractor) -> None:
    text = "A roadside bomb hit a minibus near Orsk on Monday, and most of the passengers were "
    text += "hurt."
    assert _victims(extractor, text) == [("passengers", "Civilians", None)]


def test_none_of_the_guards_is_a_victim(extractor: Extractor) -> None:
    text = (
        "Gunmen opened fire on the car of a judge in Veltra on Tuesday. "
        "None of his guards were wounded."
    )
    assert _victims(extractor, text) == []
    (event,) = extractor.extract(ArticleInput("t", text)).events
    assert event.injuries == 0
