"""A verb of striking whose doer is a weapon, or of killing whose doer is armed, reports an
attack."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


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


def test_gunmen_who_killed_villagers_attacked_them(extractor: Extractor) -> None:
    extraction = extractor.extract(
        ArticleInput(source="t.txt", text="Gunmen killed 10 villagers in Zamfara state on Sunday.")
    )
    (attack,) = extraction.events
    assert (attack.type, attack.acled, attack.trigger.text) == ("Attack", "ATTACK", "killed")
    assert attack.fatalities == 10
    roles = {(a.role, a.text) for a in attack.arguments}
    assert {("perpetrator", "Gunmen"), ("victim", "villagers")} <= roles
    assert "target" not in {role for role, _ in roles}  # whom they killed, not aimed at


def test_killed_by_fighters_in_the_passive(extractor: Extractor) -> None:
    ((kind, _, trigger, roles),) = events(
        extractor, "Five civilians were killed by Boko Haram fighters in Borno."
    )
    assert (kind, trigger) == ("Attack", "killed")
    assert ("perpetrator", "Boko Haram fighters") in roles


def test_killing_by_no_armed_doer_is_no_attack(extractor: Extractor) -> None:
    assert events(extractor, "Cancer killed him last year.") == []


def test_a_man_who_kills_his_neighbour_attacks_him(extractor: Extractor) -> None:
    """Issue 16: a death a person caused is an attack unless the text gives a better type
    (it was no attack before: only armed doers counted)."""
    ((kind, _, trigger, roles),) = events(
        extractor, "A man killed his neighbour in a dispute over land."
    )
    assert (kind, trigger) == ("Attack", "killed")
    assert ("victim", "neighbour") in roles
