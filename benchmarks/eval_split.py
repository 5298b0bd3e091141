"""Which half of a development set a document belongs to: the tuning half or the held-out one.

Rule: take the SHA-256 of the record's ``id`` (UTF-8); an even first byte puts the document in
the **tune** half, an odd one in the **held-out** half. The rule reads nothing but the id, so a
document keeps its half whatever else is in the file, in whatever order, and a script outside
the benchmarks can tell the halves apart with two lines of code. Rules are tuned on the tune
half only; a change that lifts the tune half and not the held-out one fits the dev documents,
not the language, and is taken back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

TUNE = "tune"
HELD_OUT = "held-out"
ALL = "all"
HALVES = (TUNE, HELD_OUT)
"""The two halves, in print order."""
COLUMNS = (TUNE, HELD_OUT, ALL)
"""Every figure is printed for these three document sets."""
SPLIT_RULE = "sha256(id) first byte even -> tune, odd -> held-out"


def half_of(doc_id: str) -> str:
    """``tune`` or ``held-out`` for a document id (see the module docstring)."""
    return TUNE if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else HELD_OUT


def split_indices(records: Iterable[Mapping[str, Any]]) -> dict[str, list[int]]:
    """Record positions per column: each half and ``all``, in file order."""
    columns: dict[str, list[int]] = {column: [] for column in COLUMNS}
    for index, record in enumerate(records):
        columns[half_of(str(record["id"]))].append(index)
        columns[ALL].append(index)
    return columns


def wanted_columns(half: str) -> tuple[str, ...]:
    """The columns a run restricted to `half` reports (``all`` reports the three)."""
    return COLUMNS if half == ALL else (half,)
