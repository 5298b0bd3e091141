"""Specific incidents only (issue 15, item 3), on invented news: what an order or an appeal
asks for ("Cease all attacks on civilians", "Continue fighting!") and an act an aspect verb
carries into the future or a vow ("will keep shelling", "vowed to continue fighting") tell no
incident; a past "kept shelling", an act a terminative verb presupposes ("will not stop
bombing the city") and statements in the indicative still do. Ordinary imperatives give no
event."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _read(extractor: Extractor, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return (
        [e.type for e in extraction.events],
        [(m.text, m.reason) for m in extraction.nonspecific],
    )


@pytest.mark.parametrize(
    ("text", "word", "reason"),
    [
        ("Cease all killings and attacks on civilians, the bishop told the army.", "attacks",
         "hypothetical"),
        ("Continue fighting until the capital is free!", "fighting", "hypothetical"),
        ("The rebels will keep shelling the town, a commander said.", "shelling", "future"),
        ("Both sides vowed to continue fighting.", "fighting", "hypothetical"),
    ],
)  # fmt: skip
def test_orders_and_acts_carried_into_the_future_are_no_incident(
    extractor: Extractor, text: str, word: str, reason: str
) -> None:
    types, nonspecific = _read(extractor, text)
    assert types == []
    assert (word, reason) in nonspecific


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Rebels kept shelling the town of Kaya on Monday.", "Shelling"),
        # "stop" presupposes the bombing under way, whatever its own mood
        ("Russia will not stop bombing the city, the envoy said.", "Bombing"),
        ("Gunmen attacked a convoy on the highway on Monday, killing three drivers.", "Attack"),
        # a headline in the present has its subject
        ("Gunmen kill 12 in raid on village\n", "Attack"),
    ],
)
def test_the_counterexamples_still_give_their_incident(
    extractor: Extractor, text: str, present: str
) -> None:
    types, _ = _read(extractor, text)
    assert present in types


@pytest.mark.parametrize(
    "text",
    [
        "Come and see the game on Sunday, the coach told fans.",
        "Keep running until the whistle blows, the trainer shouted.",
        "Book early for the harvest festival, organisers urged visitors.",
    ],
)
def test_ordinary_imperatives_give_no_event(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text) == ([], [])
