"""A noun of harm under "no" is a toll of zero, whatever verb tells it: "no deaths were
reported" says nobody died as plainly as "there were no casualties" does, while "deaths
were reported" says some did without a count. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Event, Extractor

SHELLING = "Insurgents shelled the market town of Ravo on Tuesday, local officials said."


def _event(extractor: Extractor, text: str) -> Event:
    extraction = extractor.extract(ArticleInput("invented", text))
    (event,) = [e for e in extraction.events if e.type == "Shelling"]
    return event


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        ("No deaths were reported.", ("fatalities", 0)),
        ("No injuries were recorded by the hospital.", ("injuries", 0)),
        ("Officials reported no casualties.", ("fatalities", 0)),
    ],
)
def test_no_deaths_reported_is_a_zero(
    extractor: Extractor, sentence: str, toll: tuple[str, int]
) -> None:
    event = _event(extractor, f"{SHELLING} {sentence}")
    field, count = toll
    assert getattr(event, field) == count


def test_deaths_reported_is_no_zero(extractor: Extractor) -> None:
    """Counterexample: deaths reported without "no" are casualties without a count."""
    event = _event(extractor, f"{SHELLING} Deaths were reported in two districts.")
    assert (event.fatalities, event.fatalities_reported) == (None, True)
