"""Weapons dropped on a target (2026-12-07): "a drone dropped explosives on the convoy" is
an air or drone strike, read by the frame line that already gave "launched rockets at": a
verb whose object is a weapon and whose "on"/"at" phrase is the target. "drop" is one
more verb of that line, so the same weapon condition keeps leaflets, food and charges out."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[dict]:
    return extractor.extract(ArticleInput("invented", text)).to_json()["events"]


def _roles(event: dict) -> set[tuple[str, str]]:
    return {(a["role"], a["text"]) for a in event["arguments"]}


def test_a_drone_dropping_explosives_on_a_convoy_is_a_drone_strike(
    extractor: Extractor,
) -> None:
    (event,) = _events(
        extractor,
        "A drone dropped explosives on the convoy of district governor Aline Poska near "
        "Vessary on Sunday. Poska was unhurt, but three of her bodyguards were wounded.",
    )
    assert (event["type"], event["acled"], event["injuries"]) == (
        "AirOrDroneStrike", "AIR_STRIKE", 3
    )
    assert {("target", "Aline Poska"), ("instrument", "drone"), ("victim", "bodyguards")} <= (
        _roles(event)
    )


def test_a_warplane_dropping_bombs_on_a_market_kills_its_victims(extractor: Extractor) -> None:
    (event,) = _events(
        extractor, "A warplane dropped two bombs on a crowded market in Oruva, killing nine people."
    )
    assert (event["type"], event["fatalities"]) == ("AirOrDroneStrike", 9)
    assert ("target", "crowded market") in _roles(event)


@pytest.mark.parametrize(
    "text",
    [
        "Army helicopters dropped leaflets over Oruva urging the fighters to surrender.",
        "Prosecutors dropped the charges against the militia commander on Monday.",
        "Cargo planes dropped food parcels on the besieged town of Oruva.",
        "The rebels dropped their demand for a prisoner exchange.",
    ],
)
def test_dropping_what_is_no_weapon_is_no_event(extractor: Extractor, text: str) -> None:
    assert _events(extractor, text) == []
