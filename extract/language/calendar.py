"""Names of days and months, as every stage reads them: lower-case words a token's `lower_`
is looked up in ("since Monday", "LAGOS, Monday, March 9 (AFP) -", "in April 2023")."""

from __future__ import annotations

__all__ = ["MONTH_NAMES", "WEEKDAYS"]

WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip
MONTH_NAMES = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip
"""Full and abbreviated month names ("may" is also the modal verb: read it beside a number
or inside a date phrase, not alone)."""
