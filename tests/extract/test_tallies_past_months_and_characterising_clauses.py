"""Background told by number, date, aspect and mood: a count of ten or more events, a
round multiple or "the number of" with no day is a record, not an incident ("officials
counted 45 kidnappings"); an event dated only to "last February" in a text of no known
day is history; a present relative clause says what its antecedent does as a rule ("the
bandits who raid farms"); an infinitive as subject is an act considered ("to shell the
town would be a crime"). A small count, a day, a past tense or a finite clause keep the
incident. Every article here is invented."""

from __future__ import annotations

from events_and_reasons import events_and_reasons as _read

from conflict_kg.extract import Extractor


def test_a_count_of_many_kidnappings_is_a_record(extractor: Extractor) -> None:
    text = "Officials counted 45 kidnappings in Varnok."
    assert _read(extractor, text) == ([], [("kidnappings", "background")])


def test_the_number_of_kidnappings_is_a_record(extractor: Extractor) -> None:
    text = "Officials said the number of kidnappings in Varnok was high."
    assert _read(extractor, text) == ([], [("kidnappings", "background")])


def test_two_explosions_on_a_day_are_incidents(extractor: Extractor) -> None:
    text = "Two explosions hit the market in Varnok on Monday."
    assert _read(extractor, text) == (["Bombing"], [])


def test_many_attacks_on_a_day_are_incidents(extractor: Extractor) -> None:
    text = "Militants carried out 12 attacks across Varnok province on Sunday."
    assert _read(extractor, text) == (["ArmedClash"], [])


def test_a_raid_last_february_is_history(extractor: Extractor) -> None:
    text = "The militia took part in the raid on Tamsk last February."
    assert _read(extractor, text) == ([], [("raid", "background")])


def test_a_raid_last_february_in_a_march_story_is_news(extractor: Extractor) -> None:
    text = "TAMSK, March 3 (Wire) - The militia took part in the raid on Tamsk last February."
    events, background = _read(extractor, text)
    assert events == ["ArmedClash"]
    assert background == []


def test_a_raid_on_monday_is_news(extractor: Extractor) -> None:
    text = "The militia took part in the raid on Tamsk on Monday."
    assert _read(extractor, text) == (["ArmedClash"], [])


def test_a_present_relative_clause_tells_a_habit(extractor: Extractor) -> None:
    text = "The governor spoke about the bandits who raid farms in Ollan."
    assert _read(extractor, text) == ([], [("raid", "habitual")])


def test_a_present_relative_clause_on_a_named_group_tells_a_habit(
    extractor: Extractor,
) -> None:
    text = "The militia, which attacks convoys on the Ollan road, is led by a former officer."
    assert _read(extractor, text) == ([], [("attacks", "habitual")])


def test_a_past_relative_clause_tells_an_incident(extractor: Extractor) -> None:
    text = "The gunmen who attacked the post in Ollan on Monday fled to the hills."
    assert _read(extractor, text)[0] == ["Attack"]


def test_an_infinitive_as_subject_is_an_act_considered(extractor: Extractor) -> None:
    text = "To shell the town would be a crime, the mayor of Tamsk said."
    assert _read(extractor, text) == ([], [("shell", "hypothetical")])


def test_a_finite_shelling_is_an_incident(extractor: Extractor) -> None:
    text = "Rebels shelled the town of Tamsk on Monday."
    assert _read(extractor, text) == (["Shelling"], [])
