"""A second indefinite doer of the same kind is a second incident, also for people
(2026-12-07): "A gunman shot ... A gunman in a car shot ..." presents a second gunman,
so the nearness of a described actor ("gunman" in both) no longer joins the two clauses;
"The gunman then shot ..." goes on telling the first."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor

FIRST = "A gunman shot dead a money changer near the bus park in Pelt on Friday. "


def _attacks(extractor: Extractor, text: str) -> list[list[str]]:
    result = extractor.extract(ArticleInput("invented.txt", text))
    return [[m.text for m in e.mentions] for e in result.events if e.type == "Attack"]


def test_a_second_indefinite_gunman_tells_a_second_incident(extractor: Extractor) -> None:
    text = FIRST + "A gunman in a car shot a pharmacist outside his shop, witnesses said.\n"
    assert _attacks(extractor, text) == [["shot"], ["shot"]]


def test_the_gunman_again_goes_on_telling_the_first(extractor: Extractor) -> None:
    text = FIRST + "The gunman then shot a pharmacist outside his shop, witnesses said.\n"
    assert _attacks(extractor, text) == [["shot", "shot"]]
