"""What someone is accused of inciting is a charge, not an incident, unless the text tells
the act itself: a relative clause on the noun saying what it did ("riots that left five
dead") makes it an incident whose instigator is alleged. Texts are invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, int | None]]:
    extraction = extractor.extract(ArticleInput("incited.txt", text))
    return [(e.type, e.fatalities) for e in extraction.events]


def test_incited_riots_with_a_toll_of_their_own_are_an_incident(extractor: Extractor) -> None:
    text = (
        "The governor accused the opposition of inciting riots that left five people dead "
        "in Pesk last week."
    )
    assert _events(extractor, text) == [("Riot", 5)]


def test_unrest_someone_is_only_accused_of_inciting_stays_a_charge(
    extractor: Extractor,
) -> None:
    text = "The governor accused the opposition of inciting unrest in Pesk last week."
    assert _events(extractor, text) == []
