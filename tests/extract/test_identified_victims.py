"""A sentence that says who the harmed were names the incident's victims: "the victims were
identified as A and B", "one of the injured passengers is A", "among the dead is A". A
sentence of the same shape about someone the incident did not harm ("the driver was A")
names no victim. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Event, Extractor

AMBUSH = "Gunmen ambushed a minibus near the village of Orvale on Friday, {harm} two passengers. "


def _victims(extractor: Extractor, text: str) -> set[str]:
    extraction = extractor.extract(ArticleInput("invented", text))
    events: list[Event] = [e for e in extraction.events if e.type == "Attack"]
    return {a.text for e in events for a in e.arguments if a.role == "victim"}


@pytest.mark.parametrize(
    ("harm", "identification"),
    [
        ("killing", "The victims were identified as Tomas Reyna and Lidia Sorel."),
        ("wounding", "One of the injured passengers is Tomas Reyna, a teacher from Orvale."),
        ("killing", "Among the dead is Tomas Reyna, a teacher."),
        ("killing", "Tomas Reyna and Lidia Sorel were the passengers killed."),
    ],
)
def test_the_harmed_named_are_victims(extractor: Extractor, harm: str, identification: str) -> None:
    victims = _victims(extractor, AMBUSH.format(harm=harm) + identification)
    assert "Tomas Reyna" in victims
    if "Lidia" in identification:
        assert "Lidia Sorel" in victims


@pytest.mark.parametrize(
    "sentence",
    [
        "The driver was Tomas Reyna, a local man who escaped.",
        "The victims were not Tomas Reyna and Lidia Sorel, police said later.",
    ],
)
def test_someone_else_named_is_no_victim(extractor: Extractor, sentence: str) -> None:
    """Counterexamples: the driver is named but not said to be harmed; a negated
    identification names nobody."""
    assert "Tomas Reyna" not in _victims(extractor, AMBUSH.format(harm="killing") + sentence)
