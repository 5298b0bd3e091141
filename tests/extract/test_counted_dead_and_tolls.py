"""How many died: two counted groups killed together are both counted, even where the parser
gives the verb two subjects instead of one coordinated phrase (`casualty_clauses`); a toll
given for an incident named with its day ("the toll from Friday's bombing rose to 17") is
that incident's, and a toll counted over a period is not (`_toll_figure`); both in
extract/roles/casualties.py."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _fatalities(extractor: Extractor, text: str) -> list[int | None]:
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    return [e.fatalities for e in extraction.events]


def test_both_groups_killed_in_the_fighting_are_counted(extractor: Extractor) -> None:
    text = (
        "Loyalist forces regained the river port of Azmar on Monday after two days of fighting "
        "in which forty insurgents and six soldiers were killed, officials said."
    )
    assert _fatalities(extractor, text) == [46]


def test_the_doers_count_is_not_added_to_the_dead(extractor: Extractor) -> None:
    assert _fatalities(extractor, "Two gunmen killed three herders near Osk on Tuesday.") == [3]


def test_the_day_of_the_incident_is_no_period(extractor: Extractor) -> None:
    text = (
        "The death toll from Friday's suicide bombing at a bus station in Marek rose to 17 on "
        "Sunday, officials said."
    )
    assert _fatalities(extractor, text) == [17]


def test_a_toll_over_this_year_counts_no_incident(extractor: Extractor) -> None:
    text = "The death toll from the bombing campaign in Marek rose to 400 this year."
    assert 400 not in _fatalities(extractor, text)


def test_a_toll_from_this_years_attacks_counts_no_incident(extractor: Extractor) -> None:
    text = "The death toll from this year's attacks in Marek rose to 400."
    assert 400 not in _fatalities(extractor, text)
