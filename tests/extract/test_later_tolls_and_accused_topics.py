"""Two readings of a follow-up's sentences about an incident told before them:

- a toll the incident's deaths have reached by a later day ("By Monday the death toll had
  reached 21") is its fatalities, as a toll given "on Monday" is; a toll reached by the end
  of a period ("by the end of the year") counts other incidents too;
- whoever is accused of an act that is only about the incident ("accused X of spreading
  rumours about the attack") is not thereby its alleged perpetrator; accused of carrying it
  out or of being behind it, X is.

The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Event, Extractor

RAID = "Gunmen attacked a cattle market in Dorvale on Saturday, killing 12 traders. "


def _raid(extractor: Extractor, text: str) -> Event:
    extraction = extractor.extract(ArticleInput("invented", text))
    (event,) = [e for e in extraction.events if e.type == "Attack"]
    return event


def _alleged(event: Event) -> set[str]:
    return {a.text for a in event.arguments if a.role == "perpetrator" and a.certainty == "alleged"}


def test_a_toll_reached_by_a_later_day_is_the_incidents(extractor: Extractor) -> None:
    later = "By Monday the death toll had reached 21, the provincial governor said."
    assert _raid(extractor, RAID + later).fatalities == 21


def test_a_toll_reached_by_the_end_of_a_period_is_not(extractor: Extractor) -> None:
    """Counterexample: by the end of the year the toll counts the year's incidents."""
    later = "By the end of the year the death toll in the province had reached 340."
    assert _raid(extractor, RAID + later).fatalities == 12


@pytest.mark.parametrize(
    "statement",
    [
        "The army accused the Tarn Valley Brigade of spreading rumours about the attack.",
        "Officials blamed the Tarn Valley Brigade for lying about the attack.",
    ],
)
def test_accused_of_an_act_about_the_incident_is_no_perpetrator(
    extractor: Extractor, statement: str
) -> None:
    event = _raid(extractor, RAID + statement)
    assert "Tarn Valley Brigade" not in _alleged(event)
    assert not any("Tarn Valley" in a.text for a in event.arguments)


@pytest.mark.parametrize(
    "statement",
    [
        "The army accused the Tarn Valley Brigade of carrying out the attack.",
        "The army accused the Tarn Valley Brigade of being behind the attack.",
    ],
)
def test_accused_of_the_incident_itself_is_alleged(extractor: Extractor, statement: str) -> None:
    """Counterexamples: carrying out the attack, or being behind it, is the attack's act."""
    assert "Tarn Valley Brigade" in _alleged(_raid(extractor, RAID + statement))


def test_a_toll_dated_to_a_full_day_with_its_year_is_the_incidents(extractor: Extractor) -> None:
    """A day given with its year ("on 3 March 2024") is the day the toll was reached, not a
    period; a bare year ("by 2025") still is."""
    text = (
        "A car bomb exploded outside a bank in Orrin on 1 March 2024. The death toll rose to "
        "12 on 3 March 2024."
    )
    (event,) = extractor.extract(ArticleInput("invented", text)).events
    assert event.fatalities == 12
