"""Resolving date expressions against the article's own date, with an honest precision.

News text says "on Sunday" and "last month"; an analyst needs 2021-11-07 (day) and 2021-10
(month). Without an anchor date relative expressions stay unresolved rather than guessed.

An article may say no year anywhere: a dateline "KIRKUK, March 15 (Reuters) -" and "March 3"
in the text. A month and day without a year are then kept as such, `--03-03` at precision
`month-day` (XML Schema's gMonthDay), and "yesterday" counts back from the dateline's day;
a year is never invented, and a weekday ("on Friday") needs a year to be placed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import ArticleMeta
from .article import dateline_date

__all__ = ["MonthDay", "ResolvedDate", "article_anchor", "resolve_date"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


MONTH_DAY = "month-day"
"""Precision of a month and day whose year nobody said (value `--MM-DD`)."""


@dataclass(frozen=True, slots=True)
class MonthDay:
    """An anchor day without its year: a dateline's "March 15" when the article says no
    year."""

    month: int
    day: int


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    value: str
    """ISO form at its precision: 2021-11-07, 2021-10, 2021, or --11-07 without a year."""
    precision: str
    """day, week, month, year or month-day (a week is given as the ISO date of its
    Monday)."""

    def contains(self, other: ResolvedDate) -> bool:
        """Whether `other` may be the same time as, or lie within, this date. A month-day
        may be any year's: it fits a day with the same month and day, a month with the same
        month, and any year."""
        if MONTH_DAY in (self.precision, other.precision):
            return _month_day_fits(self, other) or _month_day_fits(other, self)
        return other.value.startswith(self.value)


def _month_day_fits(month_day: ResolvedDate, other: ResolvedDate) -> bool:
    if month_day.precision != MONTH_DAY:
        return False
    month, day = month_day.value[2:4], month_day.value[5:7]
    if other.precision == MONTH_DAY:
        return other.value == month_day.value
    if other.precision in ("day", "week"):
        return other.value[5:7] == month and (other.precision == "week" or other.value[8:] == day)
    if other.precision == "month":
        return other.value[5:7] == month
    return other.precision == "year"


def _month_day(month: int, day: int) -> ResolvedDate | None:
    """--MM-DD, checked against a leap year so that --02-29 stays possible."""
    if _safe_date(2000, month, day) is None:
        return None
    return ResolvedDate(f"--{month:02d}-{day:02d}", MONTH_DAY)


def _day(value: date) -> ResolvedDate:
    return ResolvedDate(value.isoformat(), "day")


def _month(year: int, month: int) -> ResolvedDate:
    return ResolvedDate(f"{year:04d}-{month:02d}", "month")


def _shift_month(anchor: date, months: int) -> tuple[int, int]:
    index = anchor.year * 12 + anchor.month - 1 + months
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_date(expression: str, anchor: date | MonthDay | None) -> ResolvedDate | None:
    """Resolve a date expression; None when it names no date or needs a missing anchor.

    A month and day without a year take the anchor's year, or the year before when that
    would put them after the article (news reports the past); with no year to take (no
    anchor, or one without a year) they stay a month-day.
    """
    text = " ".join(expression.lower().replace("’", "'").split())
    text = re.sub(r"^(on|in|since|by|during|from|until|of|the)\s+", "", text)
    text = re.sub(r"'s$", "", text).strip()
    dated = _without_weekday(text)
    if dated is not None:
        # "Sunday, March 1, 2026": the written date says the day; the weekday only repeats it.
        found = resolve_date(dated, anchor)
        if found is not None:
            return found

    if not isinstance(anchor, date):
        absolute = _absolute(text, None)
        if absolute is None:
            absolute = _yearless(text, anchor)
        return absolute
    absolute = _absolute(text, anchor)
    if absolute is not None:
        return absolute
    return _relative(text, anchor)


def _without_weekday(text: str) -> str | None:
    """The date written after its weekday ("sunday, march 1, 2026" -> "march 1, 2026"), or
    None when the text does not begin with a weekday followed by more than a part of the
    day ("sunday night" stays a weekday)."""
    found = re.fullmatch(r"(?:" + "|".join(_WEEKDAYS) + r")\b,?\s+(.*\d.*)", text)
    return found[1] if found else None


def _month_and_day(text: str) -> tuple[int, int] | None:
    """ "March 3", "3rd of March": (month, day)."""
    found = re.fullmatch(rf"{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?", text) or re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}", text
    )
    if not found:
        return None
    first, second = found.groups()
    month_name, day_text = (first, second) if first in _MONTHS else (second, first)
    return _MONTHS[month_name], int(day_text)


_DAYS_BACK = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
              "this evening": 0, "yesterday": 1, "last night": 1, "overnight": 1}  # fmt: skip


def _yearless(text: str, anchor: MonthDay | None) -> ResolvedDate | None:
    """A month and day said without a year, and days counted back from a dateline's day
    without a year ("yesterday", "two days ago")."""
    month_day = _month_and_day(text)
    if month_day is not None:
        return _month_day(*month_day)
    if anchor is None:
        return None
    back = _DAYS_BACK.get(text)
    if back is None and (m := re.fullmatch(r"(\w+)\s+days?\s+ago", text)):
        back = _NUMBER_WORDS.get(m[1]) or (int(m[1]) if m[1].isdigit() else None)
    if back is None or back > 27:
        return None
    # Count back within a leap and a common year: where they disagree (around 29
    # February) the day cannot be told without the year.
    days = {
        start - timedelta(days=back)
        for start in (
            _safe_date(2000, anchor.month, anchor.day),
            _safe_date(2001, anchor.month, anchor.day),
        )
        if start is not None
    }
    if len({(d.month, d.day) for d in days}) != 1:
        return None
    (day,) = {(d.month, d.day) for d in days}
    return _month_day(*day)


def _absolute(text: str, anchor: date | None) -> ResolvedDate | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        day = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return _day(day) if day else None
    if m := re.fullmatch(rf"{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", text):
        day = _safe_date(int(m[3]), _MONTHS[m[1]], int(m[2]))
        return _day(day) if day else None
    if m := re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})", text):
        day = _safe_date(int(m[3]), _MONTHS[m[2]], int(m[1]))
        return _day(day) if day else None
    if m := re.fullmatch(rf"{_MONTH},?\s+(\d{{4}})", text):
        return _month(int(m[2]), _MONTHS[m[1]])
    if m := re.fullmatch(r"(?:the\s+)?(?:year\s+)?((?:19|20)\d{2})", text):
        return ResolvedDate(m[1], "year")
    month_day = re.fullmatch(rf"{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?", text) or re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}", text
    )
    if month_day and anchor is not None:
        groups = month_day.groups()
        month_name, day_text = (groups[0], groups[1]) if groups[0] in _MONTHS else groups[::-1]
        day = _safe_date(anchor.year, _MONTHS[month_name], int(day_text))
        if day and day > anchor:
            day = _safe_date(anchor.year - 1, _MONTHS[month_name], int(day_text))
        return _day(day) if day else None
    if (m := re.fullmatch(_MONTH, text)) and anchor is not None and len(text) > 3:
        year = anchor.year if _MONTHS[m[1]] <= anchor.month else anchor.year - 1
        return _month(year, _MONTHS[m[1]])
    return None


def _relative(text: str, anchor: date) -> ResolvedDate | None:
    if text in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return _day(anchor)
    if text in ("yesterday", "last night", "overnight"):
        return _day(anchor - timedelta(days=1))
    if text in ("this month",):
        return _month(anchor.year, anchor.month)
    if text in ("last month", "a month ago", "one month ago", "previous month"):
        return _month(*_shift_month(anchor, -1))
    if text in ("this year",):
        return ResolvedDate(f"{anchor.year:04d}", "year")
    if text in ("last year", "a year ago", "previous year"):
        return ResolvedDate(f"{anchor.year - 1:04d}", "year")
    if text in ("this week",):
        monday = anchor - timedelta(days=anchor.weekday())
        return ResolvedDate(monday.isoformat(), "week")
    if text in ("last week", "a week ago", "previous week"):
        monday = anchor - timedelta(days=anchor.weekday() + 7)
        return ResolvedDate(monday.isoformat(), "week")
    weekday = re.fullmatch(r"(?:last\s+)?(" + "|".join(_WEEKDAYS) + r")(?:\s+\w+)?", text)
    if weekday:
        target = _WEEKDAYS.index(weekday[1])
        back = (anchor.weekday() - target) % 7
        if text.startswith("last") and back == 0:
            back = 7
        return _day(anchor - timedelta(days=back))
    if m := re.fullmatch(r"(\w+)\s+(day|week|month|year)s?\s+ago", text):
        count = _NUMBER_WORDS.get(m[1]) or (int(m[1]) if m[1].isdigit() else None)
        if count is None:
            return None
        if m[2] == "day":
            return _day(anchor - timedelta(days=count))
        if m[2] == "week":
            monday = anchor - timedelta(days=anchor.weekday() + 7 * count)
            return ResolvedDate(monday.isoformat(), "week")
        if m[2] == "month":
            return _month(*_shift_month(anchor, -count))
        return ResolvedDate(f"{anchor.year - count:04d}", "year")
    return None


def article_anchor(meta: ArticleMeta, text: str) -> date | MonthDay | None:
    """The day relative dates count from: the publication date (metadata, a `date:` header
    line, a dateline with a year), else a full date the text states as its own (see
    `_stated_date`), else the dateline's month and day without a year."""
    if meta.published:
        try:
            return date.fromisoformat(meta.published[:10])
        except ValueError:
            pass
    found = dateline_date(text)
    if found is None or found[0] is None:
        stated = _stated_date(text)
        if stated is not None:
            return stated
    if found is None:
        return None
    year, month, day = found
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return MonthDay(month, day)


_RANGE_START = r"(?:\d{1,2}\s*[-–]\s*)?"
_DAY_FIRST = (
    rf"{_RANGE_START}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.replace("(", "(?P<month1>", 1)
)
_MONTH_FIRST = _MONTH.replace("(", "(?P<month2>", 1) + rf"\s+{_RANGE_START}(?P<day2>\d{{1,2}})"
_FULL_DATE = (
    rf"(?:(?:{'|'.join(_WEEKDAYS)}),?\s+)?(?:{_DAY_FIRST}|{_MONTH_FIRST}(?:st|nd|rd|th)?),?"
    r"\s+(?P<year>(?:19|20)\d{2})"
)
_HEADER_DATE = re.compile(rf"(?:^|[,:|–—-])[ \t]*{_FULL_DATE}[ \t]*(?=$|[.:|–—\n-])", re.I | re.M)
"""A full date that closes a heading ("PRESS RELEASE - Ministry of X, 12 June 2024.",
"Weekly round-up, 8-14 September 2025:"): after a comma, dash or colon or at a line's start,
and ending its segment. A date in the lead's own prose ("attacked on 3 May 2020, killing")
follows a preposition and is the event's date, not the report's."""
_TODAY_IS = re.compile(rf"\btoday\s+is\s+{_FULL_DATE}", re.I)
"""A text that says which day it is ("Today is Thursday, 13 March 2025"), wherever it says it."""
HEADER_CHARS = 300
"""How far into the text a heading's date is looked for."""


def _stated_date(text: str) -> date | None:
    """The day a text without a dated dateline gives itself: a full date closing its heading
    (the last day of a range "8-14 September": weekdays of the week count back from it), or
    a statement of today's date anywhere. A year is never taken from a date that is not
    whole."""
    found = _HEADER_DATE.search(text[:HEADER_CHARS]) or _TODAY_IS.search(text)
    if found is None:
        return None
    month = found["month1"] or found["month2"]
    day = found["day"] or found["day2"]
    return _safe_date(int(found["year"]), _MONTHS[month.lower().rstrip(".")], int(day))
