"""Dates the text itself gives (issue 15, item 6): a weekday before a written date keeps the
day, and a full date closing the heading, or a statement of today's date, anchors relative
days. Every article here is invented for the test."""

from __future__ import annotations

from datetime import date

import pytest

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.events import VIOLENT
from conflict_kg.extract.inputs import MonthDay, article_anchor
from conflict_kg.extract.model import ArticleMeta, Event, Extraction


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _dates(extraction: Extraction) -> list[tuple[str | None, str | None]]:
    events: list[Event] = [e for e in extraction.events if e.type in VIOLENT]
    return [(e.date, e.date_precision) for e in sorted(events, key=lambda e: e.trigger.start)]


# A weekday, a comma and a date are one date -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked the hamlet of Orvel on Sunday, 9 March 2025, killing four farmers.",
         ("2025-03-09", "day")),
        ("On Tuesday, 4 February 2025, soldiers raided the camp at Nesh.",
         ("2025-02-04", "day")),
        ("Militia fighters stormed a market in Tavek on the night of 2 August 2024.",
         ("2024-08-02", "day")),
        # Counterexample: a month and year alone stay a month, a number before them that
        # counts something is no day of theirs.
        ("Rebels shelled Kiro twice in March 2025.", ("2025-03", "month")),
    ],
)  # fmt: skip
def test_weekday_and_day_number_join_the_date(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    assert _dates(_run(extractor, text)) == [expected]


# A date the text states anchors relative days ----------------------------------------------


def _anchor(text: str) -> date | MonthDay | None:
    return article_anchor(ArticleMeta(id="invented"), text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NOTICE - Interior Office of Bralia, 12 June 2024. Police today arrested ten.",
         date(2024, 6, 12)),
        ("Relief bulletin No. 4 (Oska district), 22 January 2025: fighting went on.",
         date(2025, 1, 22)),
        # A range gives its last day, from which the week's weekdays count back.
        ("Weekly digest, 3-9 November 2025. On Tuesday a bomb went off.", date(2025, 11, 9)),
        ("Last night raiders burned a granary. Today is Friday, 21 February 2025.",
         date(2025, 2, 21)),
        # Counterexamples: a date in the lead's prose is the event's, not the report's; a
        # dateline without a year stays a month and day.
        ("Rebels attacked Kesh on 3 May 2020, killing four.", None),
        ("HOLLIN, March 4 (Agency) - Raiders struck in 2019 and again yesterday.",
         MonthDay(3, 4)),
    ],
)  # fmt: skip
def test_a_stated_date_is_the_anchor(text: str, expected: date | MonthDay | None) -> None:
    assert _anchor(text) == expected


def test_stated_date_dates_relative_days(extractor: Extractor) -> None:
    text = (
        "Weekly digest, 3-9 November 2025. On Tuesday, a car bomb struck a police checkpoint "
        "near Olvar, killing two officers. On Friday, gunmen kidnapped a teacher in Brask."
    )
    assert _dates(_run(extractor, text)) == [("2025-11-04", "day"), ("2025-11-07", "day")]
    stated = "This is Radio Dunne. Last night, militiamen burned the granary at Hollin. "
    assert _dates(_run(extractor, stated + "Today is Friday, 21 February 2025.")) == [
        ("2025-02-20", "day")
    ]
    # Counterexample: without the statement "last night" has nothing to count from.
    assert _dates(_run(extractor, stated)) == [(None, None)]


# A line's heading is no part of the speaker's name -----------------------------------------


def _sources(extraction: Extraction) -> set[str | None]:
    return {
        a.source for e in extraction.events if e.type in VIOLENT for a in e.arguments
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:15 - Witnesses say soldiers shot dead two men near the mill in Porvo.",
         {"Witnesses"}),
        ("UPDATE - Police said rebels ambushed a convoy near Ferrin, killing three guards.",
         {"Police"}),
        # Counterexample: a dash inside a name, with no space around it, is the name's.
        ("Al-Nur Brigade commanders said rebels ambushed a convoy near Mossa.",
         {"Al-Nur Brigade commanders"}),
    ],
)  # fmt: skip
def test_a_line_heading_is_not_the_source(
    extractor: Extractor, text: str, expected: set[str]
) -> None:
    assert _sources(_run(extractor, text)) == expected


# The saying verb's date is not the incident's when the incident's clause has its own ------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date: 2025-05-20\nOfficials in Norvik said on 19 May 2025 that militiamen looted "
         "the market of Pell last week.", ("2025-05-12", "week")),
        # Without an article date the report's day is what "last week" counts from.
        ("The mission in Sarvia said on 19 November 2024 that soldiers looted shops during a "
         "raid on the village of Okke last week.", ("2024-11-11", "week")),
        # Counterexample: a clause with no date of its own takes the report's day.
        ("date: 2025-05-20\nOfficials in Norvik said on 19 May 2025 that militiamen looted "
         "the market of Pell.", ("2025-05-19", "day")),
    ],
)  # fmt: skip
def test_own_clause_date_wins_over_the_saying(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    assert _dates(_run(extractor, text))[0] == expected
