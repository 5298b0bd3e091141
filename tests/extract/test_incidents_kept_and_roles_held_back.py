"""Counterexamples to rules that tell background from incidents and find roles away from the
trigger: a rare incident is no campaign, a planned attack that killed is no hypothesis, a
place where someone spoke is not where the bombing was, and a denied planting names no
perpetrator. Every article is invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction

VIOLENT = frozenset(
    {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination"}
)


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _violent(extraction: Extraction) -> list[tuple[str, int | None]]:
    return [(e.type, e.fatalities) for e in extraction.events if e.type in VIOLENT]


def test_the_first_strike_in_years_is_an_incident_not_a_campaign(extractor: Extractor) -> None:
    text = (
        "Fighter jets have struck the port of Maravel for the first time since 2009, killing "
        "four dock workers, harbour officials said on Thursday."
    )
    assert [fatalities for _, fatalities in _violent(_run(extractor, text))] == [4]


def test_shelling_for_months_is_still_a_campaign(extractor: Extractor) -> None:
    text = "Artillery units have shelled the hills above Maravel for months, residents said."
    assert _violent(_run(extractor, text)) == []


def test_a_planned_ambush_that_killed_took_place(extractor: Extractor) -> None:
    text = "The carefully planned ambush killed seven soldiers near Toska on Friday, the army said."
    assert [fatalities for _, fatalities in _violent(_run(extractor, text))] == [7]


def test_a_possible_ambush_did_not(extractor: Extractor) -> None:
    text = "Commanders warned of a possible ambush on the road to Toska, the army said."
    assert _violent(_run(extractor, text)) == []


def _fillers(extraction: Extraction, role: str) -> set[str]:
    """Entities in `role` of the violent events, denied claims left out."""
    return {
        a.entity
        for e in extraction.events
        if e.type in VIOLENT
        for a in e.arguments
        if a.role == role and a.certainty != "denied"
    }


def test_where_a_speaker_is_is_not_where_the_bombing_was(extractor: Extractor) -> None:
    text = "The envoy in Brantov condemned Sunday's bombing of a bus depot in Kelmar."
    assert _fillers(_run(extractor, text), "place") == {"kelmar"}


def test_the_clause_of_a_bombing_still_gives_its_place(extractor: Extractor) -> None:
    text = "A bombing by the Silver Fist militia inside Kelmar killed three traders on Sunday."
    assert _fillers(_run(extractor, text), "place") == {"kelmar"}


def test_a_bomb_not_planted_by_a_militia_names_no_perpetrator(extractor: Extractor) -> None:
    text = (
        "A car bomb exploded outside the court in Kelmar on Monday, killing two guards. "
        "Investigators said the bomb had not been planted by the Silver Fist militia."
    )
    assert "silver-fist-militia" not in _fillers(_run(extractor, text), "perpetrator")


def test_a_bomb_planted_by_a_militia_names_it(extractor: Extractor) -> None:
    text = (
        "A car bomb exploded outside the court in Kelmar on Monday, killing two guards. "
        "Investigators said the bomb had been planted by the Silver Fist militia."
    )
    assert "silver-fist-militia" in _fillers(_run(extractor, text), "perpetrator")
