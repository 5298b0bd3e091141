"""A verb of sending through the air ("throw", "hurl", "lob", "launch") whose thing sent is a
weapon and that names where it was aimed reports an attack with that weapon, in the active and
the passive alike (issue 15: "A grenade was thrown at the convoy" gave no event); a ball, a
flare or a product sent anywhere, and weapons thrown without a target, do not. Every text here
is invented for the test."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def events(extractor: Extractor, text: str) -> list[tuple[str, str | None, str, set]]:
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    return [
        (e.type, e.acled, e.trigger.text, {(a.role, a.text) for a in e.arguments})
        for e in extraction.events
    ]


def test_a_grenade_thrown_at_a_convoy_is_a_grenade_attack(extractor: Extractor) -> None:
    ((kind, acled, trigger, roles),) = events(
        extractor, "A grenade was thrown at the convoy near Tal Harun on Monday."
    )
    assert (kind, acled, trigger) == ("Bombing", "GRENADE", "thrown")
    assert ("instrument", "grenade") in roles


def test_counted_grenades_lobbed_by_assailants(extractor: Extractor) -> None:
    ((kind, acled, trigger, roles),) = events(
        extractor,
        "Unknown assailants lobbed two grenades into a crowded market in the old town, "
        "wounding six people.",
    )
    assert (kind, acled, trigger) == ("Bombing", "GRENADE", "lobbed")
    assert ("perpetrator", "assailants") in roles


def test_rockets_launched_towards_an_airport_are_shelling(extractor: Extractor) -> None:
    ((kind, acled, trigger, roles),) = events(
        extractor, "Rockets were launched towards the airport from the hills."
    )
    assert (kind, acled, trigger) == ("Shelling", "ART_MISS_ATTACK", "launched")
    assert ("target", "airport") in roles


def test_a_pipe_bomb_hurled_at_a_police_post(extractor: Extractor) -> None:
    ((kind, _, trigger, roles),) = events(
        extractor, "Youths hurled a pipe bomb at the police post on Saturday night."
    )
    assert (kind, trigger) == ("Bombing", "hurled")
    assert ("perpetrator", "Youths") in roles


@pytest.mark.parametrize(
    "text",
    [
        "The ball was thrown at the goalkeeper in the last minute.",
        "Fans threw flares onto the pitch during the derby.",
        "The company launched a new phone at the trade fair.",
        "The fleeing soldiers tossed their rifles aside and ran.",
        "The grenades were thrown away by the retreating troops.",
        "She tossed the keys onto the table and sat down.",
        "Shares dropped sharply on Tuesday after the results.",
        "The grenades were thrown away by the retreating troops on Monday.",
        "The fleeing soldiers tossed their rifles aside on Tuesday.",
        "The navy launched a ballistic missile into the sea on Friday in a test.",
        "Police divers threw the seized grenades into the lake.",
    ],
)
def test_nothing_sent_that_is_a_weapon_aimed_anywhere(extractor: Extractor, text: str) -> None:
    assert events(extractor, text) == []


def test_petrol_bombs_thrown_by_protesters_are_a_riot(extractor: Extractor) -> None:
    """The crowd decides the type, as for stones: a violent demonstration, not a bombing."""
    found = events(extractor, "Protesters threw petrol bombs at police in the capital on Saturday.")
    thrown = [(kind, acled) for kind, acled, trigger, _ in found if trigger == "threw"]
    assert thrown == [("Riot", "VIOL_DEMONSTR")]
    assert not any(kind == "Bombing" for kind, *_ in found)
