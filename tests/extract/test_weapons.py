"""Which weapon a sentence names: the longest name wins, and a bomber is a person unless
the words make it an aircraft."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event


def _event(extractor: Extractor, text: str) -> Event:
    (event,) = extractor.extract(ArticleInput("t", text)).events
    return event


def _instruments(event: Event) -> list[str]:
    return [a.entity for a in event.arguments if a.role == "instrument"]


def test_suicide_bomber_is_a_suicide_bombing_not_an_air_strike(extractor: Extractor) -> None:
    event = _event(extractor, "A suicide bomber attacked a market in Tikrit on Tuesday.")
    assert (event.type, event.acled) == ("Bombing", "SUIC_BOMB")
    # The phrase names the attacker; which device he carried is not said.
    assert _instruments(event) == []
    assert [(a.role, a.text) for a in event.arguments if a.role == "perpetrator"] == [
        ("perpetrator", "bomber")
    ]


def test_a_vest_the_bomber_wore_is_the_instrument(extractor: Extractor) -> None:
    text = "A suicide bomber detonated an explosive vest at a checkpoint in Harlowe."
    event = _event(extractor, text)
    assert (event.acled, _instruments(event)) == ("SUIC_BOMB", ["suicide-vest"])
    assert [a.text for a in event.arguments if a.role == "instrument"] == ["explosive vest"]


def test_improvised_explosive_device_is_one_instrument(extractor: Extractor) -> None:
    event = _event(extractor, "An improvised explosive device exploded near a patrol in Kandahar.")
    assert _instruments(event) == ["improvised-explosive-device"]


def test_strategic_bombers_are_aircraft(extractor: Extractor) -> None:
    event = _event(extractor, "Russian strategic bombers struck targets near Idlib.")
    assert (event.type, _instruments(event)) == ("AirOrDroneStrike", ["aircraft"])


def test_a_weapon_named_soon_after_the_incident_is_its_instrument(extractor: Extractor) -> None:
    text = "Militants attacked a checkpoint in Harlowe on Monday. They carried grenades."
    assert _instruments(_event(extractor, text)) == ["grenade"]


def test_a_weapon_named_sentences_later_is_background(extractor: Extractor) -> None:
    text = (
        "Militants attacked a checkpoint in Harlowe on Monday. Officials said the area was "
        "calm. Shops reopened on Tuesday. Traders said grenades are sold openly in markets."
    )
    assert _instruments(_event(extractor, text)) == []
