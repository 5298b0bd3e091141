"""A trigger word that classifies a weapon names a kind of weapon, not an event
(2026-12-07): "seized two strike drones" tells a seizure and no drone strike, although the
lexicon names only "drones" as a weapon (the trigger lies outside the weapon's span). The
weapon used in an incident, or a trigger that a weapon word modifies ("a drone attack"),
still gives the incident."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, list[str]]]:
    result = extractor.extract(ArticleInput("invented", text)).to_json()
    return [(e["type"], [m["text"] for m in e["mentions"]]) for e in result["events"]]


def test_a_trigger_modifying_a_weapon_word_gives_no_event(extractor: Extractor) -> None:
    assert _events(
        extractor, "Soldiers near Brennick seized six attack drones hidden in a lorry."
    ) == [("DisruptedWeaponsUse", ["seized"])]


def test_the_weapon_in_use_and_a_weapon_modifying_a_trigger_keep_their_incident(
    extractor: Extractor,
) -> None:
    assert _events(
        extractor, "An attack drone hit a grain silo outside Brennick on Sunday."
    ) == [("AirOrDroneStrike", ["hit"])]
    assert _events(
        extractor, "A drone attack wounded two herders outside Brennick on Sunday."
    ) == [("AirOrDroneStrike", ["drone attack"])]


def test_a_weapon_word_qualifying_a_target_keeps_the_attack(extractor: Extractor) -> None:
    """Counterexample: in a headline's "attack missile battery" the weapon word qualifies
    what was attacked; the attack stays."""
    result = extractor.extract(
        ArticleInput("t", "Rebels attack missile battery near Kessarine, killing three soldiers")
    )
    assert [e.fatalities for e in result.events] == [3]
