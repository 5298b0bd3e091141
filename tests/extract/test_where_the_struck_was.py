"""Places of an attack told on what it hit (issue 16, item 4): a present participle that
describes the attack verb's object or passive subject tells where that object was when it
was hit ("struck a lorry travelling near X"), so its static phrase is the attack's place
when nothing nearer the verb names one. A goal ("carrying aid to X"), a relative clause of
another time ("a trader who lived in X") and two places named at once give none.
Invented places and people."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _places(extractor: Extractor, text: str) -> list[list[str]]:
    """The place arguments' texts of each attack (a journey's verb may tell a visit)."""
    data = extractor.extract(ArticleInput("invented", text)).to_json()
    return [
        [a["text"] for a in e["arguments"] if a["role"] == "place"]
        for e in data["events"]
        if e["type"] != "Meeting"
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "A drone struck a lorry travelling near the hamlet of Virelle on Monday, "
            "the district governor said.",
            "Virelle",
        ),
        (
            "A drone hit a van carrying two officers of the Red Dune brigade near the village of "
            "Kastro on Friday, killing both.",
            "Kastro",
        ),
        (
            "A patrol waiting at Halvik was ambushed by fighters, its commander said.",
            "Halvik",
        ),
    ],
)
def test_the_place_of_what_was_hit_is_the_attacks(
    extractor: Extractor, text: str, place: str
) -> None:
    assert _places(extractor, text) == [[place]]


@pytest.mark.parametrize(
    "text",
    [
        # a goal of movement, not where the lorry was
        "A drone struck a lorry carrying flour to Virelle on Monday, the governor said.",
        # a relative clause tells a fact of another time
        "Gunmen shot a trader who lived in Kastro for twenty years, his family said.",
        # two places at once: the participle does not say which one
        "A drone struck a lorry moving between Virelle and Kastro on Monday.",
    ],
)
def test_goals_other_times_and_two_places_give_no_place(
    extractor: Extractor, text: str
) -> None:
    assert _places(extractor, text) == [[]]
