"""A name the NER typed as an organisation is a place when it is the object of a verb whose
object is ground ("entered X", "besieged X"): issue 16 item 5, a name typed by the verbs it
governs, not by a list (extract/entities/name_context.py `place_by_context`). Sentences are
written for the test."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.entities.name_context import place_by_context
from tests.extract.test_name_context import _span


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The fighters entered Ostrava Nova shortly before dawn.", "Ostrava Nova", True),
        ("Rebel units besieged Korvath for three weeks.", "Korvath", True),
        ("Artillery shelled Merevin throughout the night.", "Merevin", True),
        # the same verbs with the name elsewhere, and other verbs with it as object
        ("Korvath entered the talks with a new offer.", "Korvath", False),
        ("The ministry fined Merevin Holdings for late payments.", "Merevin Holdings", False),
    ],
)
def test_object_of_a_verb_of_ground(
    extractor: Extractor, text: str, name: str, expected: bool
) -> None:
    assert place_by_context(_span(extractor, text, name, "ORG"), "ORG") is expected


def test_a_person_captured_stays_a_person(extractor: Extractor) -> None:
    """Only an organisation moves: people are captured and seized as often as towns are."""
    span = _span(extractor, "Soldiers captured Velimir Dosko near the border.", "Velimir Dosko")
    assert place_by_context(span, "PERSON") is False


def test_every_mention_of_the_name_follows(extractor: Extractor) -> None:
    text = (
        "Militiamen entered Tarsovo on Monday after the garrison left. "
        "Residents of Tarsovo said the town was calm."
    )
    result = extractor.extract(ArticleInput("t", text))
    types = {e.type for e in result.entities if e.name == "Tarsovo"}
    assert types == {"Place"}
