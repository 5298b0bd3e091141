"""A toll given for an incident named with its day ("the toll from Friday's bombing rose to
17") is that incident's; a toll counted over a period is not (extract/roles/casualties.py,
`_toll_figure`)."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _fatalities(extractor: Extractor, text: str) -> list[int | None]:
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    return [e.fatalities for e in extraction.events]


def test_the_day_of_the_incident_is_no_period(extractor: Extractor) -> None:
    text = (
        "The death toll from Friday's suicide bombing at a bus station in Marek rose to 17 on "
        "Sunday, officials said."
    )
    assert _fatalities(extractor, text) == [17]


def test_a_toll_over_this_year_counts_no_incident(extractor: Extractor) -> None:
    text = "The death toll from the bombing campaign in Marek rose to 400 this year."
    assert 400 not in _fatalities(extractor, text)
