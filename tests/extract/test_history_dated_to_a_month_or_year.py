"""Specific incidents only (issue 15): an event placed by its own time phrase in a month or a
year that ended well before the article's day is the history behind the news, not an incident
("the 1994 massacre" in a 2031 story); so is an earlier occurrence of the news's kind of event
("the previous round of talks"). A phrase that pins a day, the article's own month, or a year
in a text whose own day is unknown keeps the incident. Invented places and people."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor

PUBLISHED = "2031-06-14"


def _told(
    extractor: Extractor, text: str, published: str | None = None
) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The incidents' classes, and (class, word, reason) of the non-specific mentions."""
    extraction = extractor.extract(ArticleInput("invented", text, published=published))
    data = extraction.to_json()
    return (
        [e["type"] for e in data["events"]],
        [(m["type"], m["text"], m["reason"]) for m in data.get("nonspecific", [])],
    )


def test_future_talks_and_a_previous_failed_round_give_no_meeting(extractor: Extractor) -> None:
    events, nonspecific = _told(
        extractor,
        "Delegates of the Tarsel Front and the government of Omvia will meet in Brakka next "
        "month to discuss a truce, a mediator said. The previous round of talks broke down "
        "when each side blamed the other for breaking a ceasefire.",
    )
    assert "Meeting" not in events
    assert ("Meeting", "talks", "background") in nonspecific


def test_talks_that_broke_down_on_a_day_are_told(extractor: Extractor) -> None:
    events, _ = _told(
        extractor,
        "Talks between the Tarsel Front and the government of Omvia broke down in Brakka on "
        "Tuesday, a mediator said.",
    )
    assert events == ["Meeting"]


@pytest.mark.parametrize(
    "text",
    [
        "Survivors of the 1994 massacre of herders by militiamen in Kolvey still wait for "
        "compensation, a local chief said.",
        "Gunmen ambushed a convoy near Kolvey in 2019, the report recalled.",
        "Gunmen ambushed a convoy near Kolvey in February, the report recalled.",
    ],
)
def test_an_event_dated_to_a_past_month_or_year_is_history(extractor: Extractor, text: str) -> None:
    events, nonspecific = _told(extractor, text, published=PUBLISHED)
    assert not {"Attack", "ArmedClash", "MassKilling"} & set(events)
    assert any(reason == "background" for _, _, reason in nonspecific)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Gunmen ambushed a convoy near Kolvey on 3 June, police said.", PUBLISHED),
        ("Gunmen ambushed a convoy near Kolvey in June, police said.", PUBLISHED),
        ("Gunmen ambushed a convoy near Kolvey last week, police said.", PUBLISHED),
        ("Gunmen ambushed a convoy near Kolvey in 2019, police said.", None),
    ],
)
def test_an_event_on_a_day_in_the_articles_month_or_of_no_known_day_stays(
    extractor: Extractor, text: str, published: str | None
) -> None:
    events, _ = _told(extractor, text, published)
    assert events and events[0] in ("Attack", "ArmedClash")


def test_last_months_incident_in_a_follow_up_stays(extractor: Extractor) -> None:
    events, _ = _told(
        extractor,
        "Investigators said on Friday that last month's bombing of the market in Kolvey, which "
        "killed 14 people, was the work of a foreign cell.",
        published=PUBLISHED,
    )
    assert "Bombing" in events
