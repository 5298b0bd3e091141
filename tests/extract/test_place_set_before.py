"""Where the story's first incident happened when its own sentence names no place: the one
place the sentence just before it names in a locative phrase, which sets the scene; not two
places, not a sentence that tells an event of its own, not an incident told after another,
and never over a dateline. Every article here is invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event


def _events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(ArticleInput("t", text)).events


def _places(event: Event) -> list[str]:
    return [a.text for a in event.arguments if a.role == "place"]


STRIKE = "On Monday an air strike hit a crowded market, killing nine people."


def test_the_scene_set_just_before_the_incident_is_its_place(extractor: Extractor) -> None:
    text = "Tension has been rising in the province of Velmora for weeks. " + STRIKE
    (event,) = _events(extractor, text)
    assert event.type == "AirOrDroneStrike"
    assert _places(event) == ["Velmora"]


def test_two_places_before_say_nothing_of_where(extractor: Extractor) -> None:
    text = "Bread prices have been rising in Velmora and Ostrand for weeks. " + STRIKE
    (event,) = _events(extractor, text)
    assert _places(event) == []


def test_a_place_two_sentences_back_is_not_the_scene(extractor: Extractor) -> None:
    text = (
        "Tension has been rising in the province of Velmora for weeks. Few shops open "
        "before noon. " + STRIKE
    )
    (event,) = _events(extractor, text)
    assert _places(event) == []


def test_a_place_of_an_earlier_incident_stays_with_it(extractor: Extractor) -> None:
    text = (
        "Rebels ambushed an army convoy near Ostrand on Sunday. Tension has been rising "
        "in the province of Velmora for weeks. " + STRIKE
    )
    strike = next(e for e in _events(extractor, text) if e.type == "AirOrDroneStrike")
    assert _places(strike) == []


def test_the_own_place_of_the_incident_wins(extractor: Extractor) -> None:
    text = (
        "Tension has been rising in the province of Velmora for weeks. On Monday an air "
        "strike hit a crowded market in Ostrand, killing nine people."
    )
    (event,) = _events(extractor, text)
    assert _places(event) == ["Ostrand"]
