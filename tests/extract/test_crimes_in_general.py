"""A killing noun that names the crime in general ("the homicide rate", "charged with
murder", "accused of genocide") is a generic background mention, never an incident; one
that names an act ("the murder of a judge", "two homicides") is an incident. Every article
here is invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _read(extractor: Extractor, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    extraction = extractor.extract(ArticleInput("t", text))
    return [e.type for e in extraction.events], [
        (m.text, m.reason) for m in extraction.nonspecific
    ]


def test_a_homicide_rate_is_a_generic_mention(extractor: Extractor) -> None:
    text = "The homicide rate in the province fell sharply last year."
    assert _read(extractor, text) == ([], [("homicide", "generic")])


def test_an_accusation_of_genocide_is_no_incident(extractor: Extractor) -> None:
    text = "The tribunal accused the former general of genocide."
    assert _read(extractor, text) == ([], [("genocide", "generic")])


def test_the_murder_of_a_judge_is_an_incident(extractor: Extractor) -> None:
    text = "The murder of a judge in Tarsa on Monday shocked the city."
    assert _read(extractor, text) == (["Attack"], [])


def test_two_homicides_are_incidents(extractor: Extractor) -> None:
    events, background = _read(extractor, "Two homicides were reported in Tarsa on Sunday.")
    assert events == ["Attack"]
    assert background == []
