"""Deaths and injuries told with no attack word: violent when a weapon or a wound is their
cause or instrument, or a named person their doer; not when an illness, a hazard or an
accident is. Every article here is invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _told(extractor: Extractor, text: str) -> list[tuple[str, list[str]]]:
    events = extractor.extract(ArticleInput("t", text)).events
    return [(e.type, [m.text for m in e.mentions]) for e in events]


def test_dying_of_gunshot_wounds_is_violent(extractor: Extractor) -> None:
    told = _told(extractor, "Two herders died of gunshot wounds near Marsabit on Monday.")
    assert [mentions for _, mentions in told] == [["died"]]


def test_the_one_who_died_is_never_the_doer(extractor: Extractor) -> None:
    text = "Two soldiers died of gunshot wounds near Marsabit on Monday."
    (event,) = extractor.extract(ArticleInput("t", text)).events
    roles = [(a.role, a.text) for a in event.arguments]
    assert ("victim", "soldiers") in roles
    assert [a for a in event.arguments if a.role == "perpetrator"] == []


def test_dying_of_an_illness_is_no_attack(extractor: Extractor) -> None:
    assert _told(extractor, "A retired teacher died of cancer in Marsabit on Monday.") == []


def test_killing_with_a_machete_is_an_attack(extractor: Extractor) -> None:
    text = "A farmer killed his neighbour with a machete in Marsabit on Sunday."
    assert _told(extractor, text) == [("Attack", ["killed"])]


def test_killing_with_kindness_is_no_attack(extractor: Extractor) -> None:
    assert _told(extractor, "The aunt killed the visitors with kindness on Sunday.") == []


def test_a_named_person_killing_someone_is_an_attack(extractor: Extractor) -> None:
    text = "Peter Omondi killed his business partner in Marsabit on Sunday."
    assert _told(extractor, text) == [("Attack", ["killed"])]


def test_a_named_driver_killing_pedestrians_in_a_crash_is_an_accident(
    extractor: Extractor,
) -> None:
    text = "Peter Omondi killed two pedestrians in a car crash in Marsabit on Sunday."
    assert [event_type for event_type, _ in _told(extractor, text)] == ["Accident"]


def test_a_heat_wave_killing_people_is_no_attack(extractor: Extractor) -> None:
    assert _told(extractor, "The heat wave killed twelve people in Marsabit last week.") == []


def test_wounds_from_a_road_accident_are_no_attack(extractor: Extractor) -> None:
    text = "A motorcyclist died of head wounds near Isiolo on Monday after a road accident."
    assert [t for t, _ in _told(extractor, text)] == ["Accident"]


def test_stab_wounds_with_no_accident_stay_violent(extractor: Extractor) -> None:
    text = "A shopkeeper died of stab wounds near Isiolo on Monday."
    assert _told(extractor, text) == [("Attack", ["died"])]
