"""A strike whose strikers are named as workers ("the strike by hospital employees", "the
nurses' strike") is a work stoppage, a protest; a strike by warplanes, or one aimed at
something ("a strike by the crews on a camp"), stays violent. Police raids stay raids: a
rule that read a police raid with no harm in its sentence as a search was taken back, as it
dropped raids told with beatings, fires or a gunfight (below). Invented places."""

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


def test_a_strike_aimed_at_a_camp_is_no_stoppage(extractor: Extractor) -> None:
    """Pilots may strike for pay or strike a camp: the "on" phrase says which."""
    classes = _classes(
        extractor, "The pilots' strike on a rebel camp near Marvel killed nine fighters."
    )
    assert classes and classes[0] != "Protest"


@pytest.mark.parametrize(
    "text",
    [
        "Police raided a farm in Velmar on Tuesday, killing two gunmen.",
        "Gunmen raided a farm in Velmar on Tuesday and stole cattle.",
        "Riot police raided a camp of displaced people outside Velmar on Friday, beating "
        "residents and setting tents on fire, witnesses said.",
    ],
)
def test_a_deadly_police_raid_or_a_raid_by_gunmen_stays(extractor: Extractor, text: str) -> None:
    classes = _classes(extractor, text)
    assert classes and classes[0] in ("Attack", "ArmedClash", "Looting")
