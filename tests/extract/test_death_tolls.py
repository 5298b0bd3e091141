"""A death toll given a figure ("the death toll rose to 21", "stood at 21") is the
incident's fatalities when it is higher than the first count; a toll over a period ("the
death toll this year has climbed to 400") or one only expected to rise counts more than the
incident, or nothing. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor

BLAST = "A truck bomb exploded outside a bank in Marvella on Tuesday, killing 9 people. "


def _fatalities(extractor: Extractor, text: str) -> int | None:
    extraction = extractor.extract(ArticleInput("invented", text))
    (event,) = [e for e in extraction.events if e.type == "Bombing"]
    return event.fatalities


@pytest.mark.parametrize(
    "later",
    [
        "The death toll rose to 14 on Thursday, a hospital director said.",
        "The death toll stood at 14 on Thursday night, police said.",
        "The death toll has climbed to 14.",
    ],
)
def test_a_toll_given_a_figure_is_the_incidents(extractor: Extractor, later: str) -> None:
    assert _fatalities(extractor, BLAST + later) == 14


@pytest.mark.parametrize(
    "later",
    [
        "The death toll from bombings this year has climbed to 140.",
        "The death toll is expected to rise.",
    ],
)
def test_a_toll_over_a_period_or_without_figure_is_not(extractor: Extractor, later: str) -> None:
    """Counterexamples: the year's toll counts other incidents; a toll expected to rise
    gives no figure."""
    assert _fatalities(extractor, BLAST + later) == 9
