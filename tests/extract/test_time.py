from __future__ import annotations

from datetime import date

import pytest

from conflict_kg.extract.inputs import resolve_date

MONDAY = date(2021, 11, 8)


@pytest.mark.parametrize(
    ("expression", "value", "precision"),
    [
        ("on Sunday", "2021-11-07", "day"),
        ("Monday", "2021-11-08", "day"),
        ("last Monday", "2021-11-01", "day"),
        ("last month", "2021-10", "month"),
        ("last month's", "2021-10", "month"),
        ("October 10", "2021-10-10", "day"),
        ("Nov 8", "2021-11-08", "day"),
        ("December 25", "2020-12-25", "day"),
        ("10 October 2019", "2019-10-10", "day"),
        ("March 3, 2020", "2020-03-03", "day"),
        ("October 2021", "2021-10", "month"),
        ("this year", "2021", "year"),
        ("last year", "2020", "year"),
        ("2019", "2019", "year"),
        ("yesterday", "2021-11-07", "day"),
        ("two days ago", "2021-11-06", "day"),
        ("last week", "2021-11-01", "week"),
        ("2021-11-07", "2021-11-07", "day"),
    ],
)
def test_resolves_against_article_date(expression: str, value: str, precision: str) -> None:
    resolved = resolve_date(expression, MONDAY)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize("expression", ["weeks", "the past", "recent days", "February 30"])
def test_vague_or_impossible_dates_stay_unresolved(expression: str) -> None:
    assert resolve_date(expression, MONDAY) is None


def test_relative_dates_need_an_anchor() -> None:
    assert resolve_date("on Sunday", None) is None
    absolute = resolve_date("10 October 2019", None)
    assert absolute is not None and absolute.value == "2019-10-10"
