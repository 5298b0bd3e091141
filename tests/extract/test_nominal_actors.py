"""Actors news describes by a noun: "fighters", "suicide bombers", "policemen", "people"."""

from __future__ import annotations

import re

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event


def _event(extractor: Extractor, text: str) -> Event:
    (event,) = extractor.extract(ArticleInput("t", text)).events
    return event


def _args(event: Event, role: str) -> list[tuple[str, str]]:
    """(entity id without the article key unnamed actors carry, evidence text)."""
    return [
        (re.sub(r"-[0-9a-f]{8}$", "", a.entity), a.text) for a in event.arguments if a.role == role
    ]


def test_named_group_before_its_men_is_evidenced_by_the_whole_phrase(
    extractor: Extractor,
) -> None:
    event = _event(
        extractor, "Al-Shabaab fighters and suicide bombers stormed a hotel in Mogadishu."
    )
    assert _args(event, "perpetrator") == [
        ("al-shabaab", "Al-Shabaab fighters"),
        ("unidentified-bombers", "bombers"),
    ]


def test_people_killed_by_the_incident_are_its_victims(extractor: Extractor) -> None:
    event = _event(
        extractor,
        "A car bomb exploded outside a police station in Mogadishu, killing four policemen.",
    )
    assert _args(event, "victim") == [("security-forces", "policemen")]


def test_each_coordinated_victim_noun_is_its_own_actor(extractor: Extractor) -> None:
    event = _event(extractor, "A drone strike killed two soldiers and a civilian near Sanaa.")
    assert _args(event, "victim") == [("security-forces", "soldiers"), ("civilians", "civilian")]


def test_place_of_the_killing_the_incident_did_is_its_place(extractor: Extractor) -> None:
    event = _event(extractor, "A drone strike killed three soldiers in Marib on Monday.")
    assert _args(event, "place") == [("marib", "Marib")]


def test_deaths_the_incident_did_not_cause_are_no_victims(extractor: Extractor) -> None:
    text = "The drone strike hit a fuel depot in Hodeidah a week after floods killed 40 people."
    events = extractor.extract(ArticleInput("t", text)).events
    assert [e.type for e in events] == ["AirOrDroneStrike", "NaturalDisaster"]
    assert _args(events[0], "victim") == []


def test_security_forces_attacked_are_the_target(extractor: Extractor) -> None:
    event = _event(extractor, "Rebels attacked security forces in Goma.")
    assert _args(event, "target") == [("security-forces", "forces")]


def test_group_named_before_an_attack_noun_is_its_author_despite_the_tagger(
    extractor: Extractor,
) -> None:
    event = _event(extractor, "Twelve soldiers were killed in IS attacks near Palmyra on Friday.")
    assert _args(event, "perpetrator") == [("islamic-state", "IS")]
    assert event.arguments[0].rule == "name-before"


def test_where_the_incident_wounded_people_is_its_place(extractor: Extractor) -> None:
    event = _event(
        extractor,
        "A parcel bomb exploded on Friday, wounding 13 people on a busy street in the city "
        "of Lille.",
    )
    assert _args(event, "place") == [("lille", "Lille")]
    assert [a.rule for a in event.arguments if a.role == "place"] == ["casualty-place"]
