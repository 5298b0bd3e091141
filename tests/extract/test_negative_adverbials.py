"""Specific incidents only (issue 15): a prepositional phrase with "no" and a noun of
English's negative adverbials ("at no time", "in no way", "under no circumstances") denies
its clause as "not" does; "with no warning" denies only the warning, and the act stays an
incident. Invented places and people."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _told(extractor: Extractor, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The incidents' classes, and (word, reason) of the non-specific mentions."""
    data = extractor.extract(ArticleInput("invented", text)).to_json()
    return (
        [e["type"] for e in data["events"]],
        [(m["text"], m["reason"]) for m in data.get("nonspecific", [])],
    )


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The army said its aircraft at no time bombed the villages near Mount Karel.", "bombed"),
        (
            "At no time did the militia attack the convoy, its commander told reporters in Velna "
            "on Monday.",
            "attack",
        ),
        ("The commander said his men had in no way shelled the market in Orvela.", "shelled"),
    ],
)
def test_a_negative_adverbial_denies_the_act(extractor: Extractor, text: str, word: str) -> None:
    events, nonspecific = _told(extractor, text)
    assert events == []
    assert (word, "negated") in nonspecific


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "With no warning, gunmen opened fire on the market in Dorva on Friday, killing six "
            "traders.",
            "Attack",
        ),
        ("The aircraft bombed the villages near Mount Karel on Monday, killing four farmers.",
         "AirOrDroneStrike"),
    ],
)  # fmt: skip
def test_no_on_another_noun_leaves_the_incident(extractor: Extractor, text: str, kind: str) -> None:
    events, _ = _told(extractor, text)
    assert events == [kind]
