"""A verb of striking whose doer is a weapon reports that weapon's attack."""

from __future__ import annotations

import pytest

from extract.article import ArticleInput
from extract.pipeline import Extractor


def events(extractor: Extractor, text: str) -> list[tuple[str, str | None, str, set]]:
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    return [
        (e.type, e.acled, e.trigger.text, {(a.role, a.text) for a in e.arguments})
        for e in extraction.events
    ]


def test_a_car_bomb_that_hit_a_checkpoint_is_a_bombing(extractor: Extractor) -> None:
    ((kind, acled, trigger, roles),) = events(
        extractor, "A car bomb hit a checkpoint in Mogadishu."
    )
    assert (kind, acled, trigger) == ("Bombing", "REM_EXPLOS", "hit")
    assert {("instrument", "car bomb"), ("target", "checkpoint"), ("place", "Mogadishu")} <= roles


def test_the_weapon_may_be_the_agent_of_a_passive(extractor: Extractor) -> None:
    ((kind, _, trigger, roles),) = events(extractor, "The checkpoint was hit by a roadside bomb.")
    assert (kind, trigger) == ("Bombing", "hit")
    assert ("instrument", "roadside bomb") in roles


def test_rockets_that_landed_are_shelling(extractor: Extractor) -> None:
    ((kind, acled, trigger, _),) = events(extractor, "Two mortar rounds landed near the airport.")
    assert (kind, acled, trigger) == ("Shelling", "ART_MISS_ATTACK", "landed")


@pytest.mark.parametrize(
    "text",
    [
        "The storm hit the coast on Monday.",
        "He hit the ball over the fence.",
        "Prices hit a record high.",
    ],
)
def test_no_weapon_no_attack(extractor: Extractor, text: str) -> None:
    assert events(extractor, text) == []
