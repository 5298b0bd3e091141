"""An event noun owned by a period longer than a week is background (2026-12-07): "last
year's election", "last month's marches" place the event in a span the article looks
back on; "last week's raid" or "Sunday's attack" still pin the article's incident."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _told(extractor: Extractor, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    result = extractor.extract(ArticleInput("invented.txt", text)).to_json()
    events = [e["type"] for e in result["events"]]
    return events, [(n["text"], n["reason"]) for n in result["nonspecific"]]


def test_an_event_of_last_year_is_background(extractor: Extractor) -> None:
    events, others = _told(
        extractor, "Voters in Korvel remember last year's election as a tense one.\n"
    )
    assert events == []
    assert others == [("election", "background")]


def test_an_event_of_last_week_is_still_the_incident(extractor: Extractor) -> None:
    events, _ = _told(extractor, "Last week's raid on the Korvel market killed six traders.\n")
    assert events == ["Attack"]
