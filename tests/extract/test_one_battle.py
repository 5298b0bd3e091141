"""One battle, one event (issue 15 item 2, issue 16 items 3-4): a battle told through several
verbs over consecutive sentences ("fought", "exchanged artillery fire", "the fighting") is
one armed clash, typed by its two armed sides, with both sides as participants; incidents of
other kinds, places or days stay apart. Every article here is invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Event, Extraction, Extractor

VIOLENT = frozenset(
    {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination",
     "Abduction"}
)  # fmt: skip

BATTLE = (
    "MOPTI, Mali, July 6, 2026 (Agency) - Malian soldiers fought fighters of the Katiba "
    "Macina near the town of Djenne on Sunday, the army said.\n"
    "The two sides exchanged artillery fire for several hours, and 11 soldiers and 20 "
    "militants were killed, a military source said.\n"
    "The fighting ended at nightfall.\n"
)


def _violent(extractor: Extractor, text: str) -> list[Event]:
    result: Extraction = extractor.extract(ArticleInput("invented", text))
    return [e for e in result.events if e.type in VIOLENT]


def test_a_battle_told_through_three_verbs_is_one_clash(extractor: Extractor) -> None:
    (battle,) = _violent(extractor, BATTLE)
    assert (battle.type, battle.acled) == ("ArmedClash", "ARMED_CLASH")
    assert [m.text for m in battle.mentions] == ["fought", "fighting", "artillery fire"]
    assert (battle.date, battle.fatalities) == ("2026-07-05", 31)
    participants = {a.entity for a in battle.arguments if a.role == "participant"}
    assert participants == {"mali", "katiba-macina"}


def test_artillery_fire_without_a_battle_stays_shelling(extractor: Extractor) -> None:
    """Counterexample: one side firing at the other's positions, with no clash told."""
    (shelling,) = _violent(
        extractor, "The army shelled rebel positions in the hills near Kidal on Saturday."
    )
    assert shelling.type == "Shelling"
    assert [a for a in shelling.arguments if a.role == "participant"] == []


def test_shelling_on_another_day_is_another_event(extractor: Extractor) -> None:
    """Counterexample: the same sides, but the fire is told on another day."""
    events = _violent(
        extractor,
        "Troops clashed with rebels near Kidal on Saturday. On Monday, the army shelled the "
        "town of Anefis.",
    )
    assert [e.type for e in events] == ["ArmedClash", "Shelling"]


def test_a_kidnapping_told_the_same_day_is_no_part_of_a_battle(extractor: Extractor) -> None:
    """Counterexample: sharing a day makes no kidnapping part of a battle elsewhere."""
    events = _violent(
        extractor,
        "Soldiers battled Boko Haram fighters in Gwoza on Monday. Separately, gunmen abducted "
        "12 farmers in Katsina state on Monday.",
    )
    assert sorted(e.type for e in events) == ["Abduction", "ArmedClash"]


def test_an_attack_on_soldiers_keeps_its_attacker_and_target(extractor: Extractor) -> None:
    """Counterexample: one side's attack on another (typed a clash, as ACLED does) is told
    as an attack, so its sides stay attacker and target, not participants."""
    (clash,) = _violent(extractor, "Gunmen opened fire on Iraqi soldiers in Mosul on Monday.")
    assert clash.type == "ArmedClash"
    assert [a for a in clash.arguments if a.role == "participant"] == []
    assert {a.role for a in clash.arguments} >= {"perpetrator", "target"}
