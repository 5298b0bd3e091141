"""Invented records and outputs for the extraction benchmark's scorer tests, and the loader
of the benchmark modules (benchmarks/ is no package: its scripts run from that folder)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def bench(name: str) -> ModuleType:
    """Import benchmarks/<name>.py."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


def span(text: str, phrase: str, nth: int = 0) -> dict[str, Any]:
    """{start, end, text} of the nth occurrence of `phrase` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def argument(
    text: str, role: str, entity: str, phrase: str, certainty: str = "asserted", nth: int = 0
) -> dict[str, Any]:
    return {"role": role, "entity": entity, **span(text, phrase, nth), "certainty": certainty}


def event(
    text: str,
    type_: str,
    trigger: str,
    *arguments: dict[str, Any],
    acled: str | None = None,
    id_: str = "e-1",
) -> dict[str, Any]:
    """An event in the shape of the JSON contract (`Extraction.to_json()`)."""
    found = span(text, trigger)
    return {
        "id": id_,
        "type": type_,
        "acled": acled,
        "trigger": found,
        "mentions": [found],
        "arguments": list(arguments),
        "concerns": None,
    }


def output(*events: dict[str, Any], entities: list[dict[str, Any]] | None = None) -> dict:
    """A JSON-contract extraction holding `events` (and `entities`)."""
    return {
        "article": {"id": "0123456789abcdef"},
        "events": list(events),
        "entities": entities or [],
    }
