"""A name set after its holder's title or beside an office is a person.

The small NER reads many unknown two-word names as organisations ("Musa Dantal" ORG). A
title before the name ("Governor X") or an office the parse sets the name beside ("the state
governor, X,") says it is a person, as "X, the state governor," already did.
"""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> dict[str, str]:
    result = extractor.extract(ArticleInput("invented.txt", text))
    return {e.name: e.type for e in result.entities}


@pytest.mark.parametrize(
    "text",
    [
        "Governor Musa Dantal ordered troops into the area on Friday.",
        "The state governor, Musa Dantal, ordered troops into the area on Friday.",
    ],
)
def test_a_name_after_a_title_or_beside_an_office_is_a_person(
    extractor: Extractor, text: str
) -> None:
    assert _types(extractor, text)["Musa Dantal"] == "Person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Arms maker General Dynamics said on Monday it would build a plant.", "General Dynamics"),
        ("The contractor, Dantal Logistics, said its convoy was attacked.", "Dantal Logistics"),
    ],
)
def test_a_company_after_a_title_word_or_a_trade_stays_one(
    extractor: Extractor, text: str, name: str
) -> None:
    """Counterexamples: a title word inside the name, and a trade that is no office."""
    assert _types(extractor, text)[name] == "Organization"
