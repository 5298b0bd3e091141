"""What a violent act retaliates for is another incident when the text dates it to a month
or a year of its own: "in revenge for the assassination of their leader last month,
militiamen shelled ..." tells one shelling, the assassination its background, never a
mention of the shelling. Dated to a day it is an incident of its own, and under an act of
no violence ("arrested over the killing in April") it is the one incident told and stays.
The articles are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, list[str]]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [(e.type, [m.text for m in e.mentions]) for e in extraction.events]


def test_a_reason_dated_last_month_is_background(extractor: Extractor) -> None:
    text = (
        "In revenge for the assassination of their leader last month, militiamen shelled "
        "the village of Brask on Saturday, killing three people."
    )
    assert _events(extractor, text) == [("Shelling", ["shelled"])]


def test_a_reason_dated_by_a_phrase_after_it_is_background(extractor: Extractor) -> None:
    text = "Rebels shelled the port of Gorran on Friday over the killing in April of a chief."
    assert _events(extractor, text) == [("Shelling", ["shelled"])]


def test_a_reason_dated_to_a_day_stays_an_incident(extractor: Extractor) -> None:
    """Counterexample: a day pins the earlier assassination as news of its own."""
    text = (
        "In revenge for the assassination of their leader on Friday, militiamen shelled "
        "the village of Brask on Saturday, killing three people."
    )
    assert sorted(t for t, _ in _events(extractor, text)) == ["Assassination", "Shelling"]


def test_what_an_arrest_is_over_stays_the_incident_told(extractor: Extractor) -> None:
    """Counterexample: no violent act of the day to keep apart from."""
    text = "Police in Gorran arrested a teenager over the murder of a bus driver in 2019."
    assert sorted(t for t, _ in _events(extractor, text)) == ["Arrest", "Attack"]
