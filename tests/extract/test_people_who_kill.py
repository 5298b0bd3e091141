"""A verb of killing is an attack when people kill people, armed or not (issue 16;
extract/events/mentions.py `_people_kill_people`), and no attack when a hazard, an illness,
a road user or a figure of speech kills, or what was killed is no one. Sentences are written
for the test, about invented places and people."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    result = extractor.extract(ArticleInput("t", text))
    return [(e.type, sorted((a.role, a.text) for a in e.arguments)) for e in result.events]


def test_a_group_of_individuals_who_kill_a_trader_attack_him(extractor: Extractor) -> None:
    text = "A group of unidentified individuals killed a trader in Morvale on Tuesday."
    assert _events(extractor, text) == [
        (
            "Attack",
            [
                ("perpetrator", "group of unidentified individuals"),
                ("place", "Morvale"),
                ("victim", "trader"),
            ],
        )
    ]


def test_men_on_a_motorbike_who_kill_a_lawyer_attack_him(extractor: Extractor) -> None:
    text = "Men on a motorbike killed a lawyer outside his office in Brenk on Monday."
    assert _events(extractor, text) == [
        ("Attack", [("perpetrator", "Men"), ("place", "Brenk"), ("victim", "lawyer")])
    ]


def test_herders_said_to_kill_people_attack_them(extractor: Extractor) -> None:
    text = "Residents said armed herders killed four people in Ulama on Sunday."
    assert _events(extractor, text) == [
        ("Attack", [("perpetrator", "armed herders"), ("place", "Ulama"), ("victim", "people")])
    ]


def test_a_migrant_killed_by_youths_was_attacked(extractor: Extractor) -> None:
    text = "A migrant was killed by a group of youths in Ferro late on Friday."
    assert _events(extractor, text) == [
        ("Attack", [("perpetrator", "group of youths"), ("place", "Ferro"), ("victim", "migrant")])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The virus killed thousands of people in Morvale last year.",
        "A storm killed four fishermen off the coast of Brenk.",
        "He killed time at the station in Varno.",
        "Senators killed the bill in committee on Tuesday.",
        "The striker killed the game with a late goal.",
        "Lions killed two goats in the village of Obra.",
        "The drunk driver killed a cyclist in Pellam on Monday.",
        "The engineers killed the power to the building in Varno.",
        "Two hunters killed an elephant near Obra on Sunday.",
        "The doctors killed the infection with new drugs.",
    ],
)
def test_killing_by_no_one_or_of_no_one_is_no_attack(extractor: Extractor, text: str) -> None:
    assert _events(extractor, text) == []


def test_a_pronoun_that_kills_may_stand_for_a_hazard(extractor: Extractor) -> None:
    text = "Floods swept the valley of Brenk on Monday. They killed three villagers."
    assert [kind for kind, _ in _events(extractor, text)] == ["NaturalDisaster"]
