"""Resolving date expressions against the article's own date, with an honest precision.

News text says "on Sunday" and "last month"; an analyst needs 2021-11-07 (day) and 2021-10
(month). Without an anchor date relative expressions stay unresolved rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["ResolvedDate", "resolve_date"]

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


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    value: str
    """ISO form at its precision: 2021-11-07, 2021-10 or 2021."""
    precision: str
    """day, week, month or year (a week is given as the ISO date of its Monday)."""

    def contains(self, other: ResolvedDate) -> bool:
        return other.value.startswith(self.value)


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


def resolve_date(expression: str, anchor: date | None) -> ResolvedDate | None:
    """Resolve a date expression; None when it names no date or needs a missing anchor.

    A month and day without a year take the anchor's year, or the year before when that
    would put them after the article (news reports the past).
    """
    text = " ".join(expression.lower().replace("’", "'").split())
    text = re.sub(r"^(on|in|since|by|during|from|until|of|the)\s+", "", text)
    text = re.sub(r"'s$", "", text).strip()

    absolute = _absolute(text, anchor)
    if absolute is not None or anchor is None:
        return absolute
    return _relative(text, anchor)


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
