"""The lead after a dateline with no agency is a sentence of its own: "KESHVAR, Norland,
March 3 - Gunmen killed four villagers" tells a killing by gunmen, and the capitals of the
dateline are no part of it. The articles are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, int | None, list[str]]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [
        (e.type, e.fatalities, sorted(a.text for a in e.arguments if a.role == "perpetrator"))
        for e in extraction.events
    ]


def test_the_lead_after_a_bare_dateline_tells_its_incident(extractor: Extractor) -> None:
    text = (
        "SORRENTA, Valmark, June 9 - Gunmen shot dead five fishermen at a landing site near "
        "the port on Tuesday, a coast guard officer said.\n"
    )
    assert _events(extractor, text) == [("Attack", 5, ["Gunmen"])]


def test_a_lead_opening_with_its_doer_keeps_it(extractor: Extractor) -> None:
    text = "SORRENTA, June 9 - Rebels attacked a police post on Tuesday, killing two officers.\n"
    ((_, fatalities, perpetrators),) = _events(extractor, text)
    assert (fatalities, perpetrators) == (2, ["Rebels"])


def test_a_line_with_a_comma_and_a_dash_is_no_dateline(extractor: Extractor) -> None:
    """Counterexample: a first line that is no capitalised place and date stays a line."""
    text = "Later, on June 9 - talks resumed in Sorrenta between the two parties.\n"
    article = extractor.extract(ArticleInput("invented", text)).to_json()["article"]
    assert article["dateline"] is None


def test_a_bare_dateline_names_its_place(extractor: Extractor) -> None:
    text = "SORRENTA, June 9 - Rebels attacked a police post on Tuesday, killing two officers.\n"
    article = extractor.extract(ArticleInput("invented", text)).to_json()["article"]
    assert (article["dateline"], article["publisher"]) == ("Sorrenta", None)


def test_a_dateline_with_the_day_before_the_month_is_a_dateline(extractor: Extractor) -> None:
    """ "SERNIK, 14 June 2025 -": the day may come first; the capitals are then the
    dateline's place, never the lead's doer, and "on Friday" is the Friday before."""
    text = (
        "SERNIK, 14 June 2025 - Gunmen shot dead four farmers near the village of Dalo on "
        "Friday, police said.\n"
    )
    extraction = extractor.extract(ArticleInput("invented", text))
    assert extraction.to_json()["article"]["dateline"] == "Sernik"
    assert _events(extractor, text) == [("Attack", 4, ["Gunmen"])]
    assert [e.date for e in extraction.events] == ["2025-06-13"]


def test_a_sentence_opening_with_a_day_and_month_is_no_dateline(extractor: Extractor) -> None:
    """Counterexample: a name not in capitals, then a day and month, opens a sentence."""
    text = "Later, 14 June - talks resumed in Sorrenta between the two parties.\n"
    article = extractor.extract(ArticleInput("invented", text)).to_json()["article"]
    assert article["dateline"] is None
