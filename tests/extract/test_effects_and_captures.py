"""What an incident did is no second incident, and a capture won by fighting is one battle:
"the strike also destroyed a depot" is the strike's effect, "seized the town after a fierce
battle" one battle ending in a capture, and the losing side's withdrawal right after it is
part of that capture. The articles are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, str | None, list[str]]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [(e.type, e.acled, sorted(m.text for m in e.mentions)) for e in extraction.events]


def test_what_a_strike_destroyed_is_the_strikes_effect(extractor: Extractor) -> None:
    text = (
        "Warplanes bombed a rebel training ground outside Meru on Friday, a military "
        "statement said. The raid also destroyed a weapons cache and two pickup trucks."
    )
    events = _events(extractor, text)
    assert [(kind, code) for kind, code, _ in events] == [("AirOrDroneStrike", "AIR_STRIKE")]
    assert "destroyed" in events[0][2]


def test_troops_destroying_a_cache_they_found_is_its_own_event(extractor: Extractor) -> None:
    """Counterexample: the doer is an army, not an incident told before."""
    text = (
        "Warplanes bombed a rebel training ground outside Meru on Friday. On Sunday army "
        "engineers destroyed a weapons cache found in a cave near Ulam."
    )
    assert len(_events(extractor, text)) == 2


def test_a_capture_after_a_battle_is_one_battle(extractor: Extractor) -> None:
    text = (
        "Insurgents took control of the river port of Dassa on Tuesday after heavy fighting "
        "with the army. Government soldiers pulled out of the port before dawn."
    )
    events = _events(extractor, text)
    assert [(kind, code) for kind, code, _ in events] == [
        ("ArmedClash", "NON_STATE_ACTOR_OVERTAKES_TER")
    ]


def test_a_capture_told_after_its_fighting_keeps_the_capture_code(extractor: Extractor) -> None:
    text = "After heavy fighting with the army, insurgents took control of the port of Dassa."
    assert [(k, a) for k, a, _ in _events(extractor, text)] == [
        ("ArmedClash", "NON_STATE_ACTOR_OVERTAKES_TER")
    ]


def test_a_withdrawal_from_elsewhere_stays_its_own(extractor: Extractor) -> None:
    """Counterexample: ground given up at another named place, with no fighting told."""
    text = (
        "Insurgents took control of the river port of Dassa on Tuesday after heavy fighting "
        "with the army. Peacekeepers withdrew from the town of Ilori, 200 km to the south."
    )
    codes = sorted(code or "" for _, code, _ in _events(extractor, text))
    assert codes == ["NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER"]


def test_fighting_set_before_another_incident_stays_apart(extractor: Extractor) -> None:
    """Counterexample: 'after' between a clash and a bombing still sets two incidents."""
    text = "A car bomb exploded in Dassa on Tuesday after heavy fighting with the army."
    assert len(_events(extractor, text)) == 2
