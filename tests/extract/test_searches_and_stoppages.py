"""Senses of two trigger words that name no attack: a strike whose strikers are named as
workers ("the strike by hospital employees", "the nurses' strike") is a work stoppage, a
protest; a raid by the police is a search, unless its sentence tells that someone was killed
or hurt. A strike by warplanes and a raid by gunmen stay violent. Invented places."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _classes(extractor: Extractor, text: str) -> list[str]:
    return [
        e["type"] for e in extractor.extract(ArticleInput("invented", text)).to_json()["events"]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The strike by hospital employees in Marvel County entered its third day on Tuesday.",
        "The nurses' strike in Marvel County was declared illegal on Tuesday.",
    ],
)
def test_a_strike_by_workers_is_a_stoppage(extractor: Extractor, text: str) -> None:
    classes = _classes(extractor, text)
    assert "Attack" not in classes and "AirOrDroneStrike" not in classes
    assert classes == ["Protest"]


def test_a_strike_by_warplanes_stays_an_air_strike(extractor: Extractor) -> None:
    classes = _classes(
        extractor, "A strike by government warplanes killed four fighters near Marvel on Tuesday."
    )
    assert classes == ["AirOrDroneStrike"]


@pytest.mark.parametrize(
    "text",
    [
        "Police and customs officers launched further raids early Monday in the north of Velmar.",
        "Detectives raided two flats in Velmar on Tuesday, a spokesman said.",
    ],
)
def test_a_police_raid_is_no_attack(extractor: Extractor, text: str) -> None:
    assert _classes(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police raided a farm in Velmar on Tuesday, killing two gunmen.",
        "Gunmen raided a farm in Velmar on Tuesday and stole cattle.",
    ],
)
def test_a_deadly_police_raid_or_a_raid_by_gunmen_stays(extractor: Extractor, text: str) -> None:
    classes = _classes(extractor, text)
    assert classes and classes[0] in ("Attack", "ArmedClash", "Looting")
