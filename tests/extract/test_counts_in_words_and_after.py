"""Counts as people write them: "twenty-three herders" are 23, "two hundred" 200, "the
five officers killed in the ambush" 5; and "No one was hurt" right after a looting is that
riot's zero injuries. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _counts(extractor: Extractor, text: str) -> list[tuple[int | None, int | None]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [(e.fatalities, e.injuries) for e in extraction.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bandits shot dead thirty-one miners at a gold pit near Vessa on Sunday.", (31, None)),
        ("Relatives named the six guards killed in Friday's raid on the Vessa depot.", (6, None)),
        ("Militiamen torched the market in Vessa on Sunday. No one was hurt, police said.",
         (None, 0)),
    ],
)  # fmt: skip
def test_counts_as_written(
    extractor: Extractor, text: str, expected: tuple[int | None, int | None]
) -> None:
    assert _counts(extractor, text) == [expected]


def test_a_zero_two_sentences_on_is_no_ones(extractor: Extractor) -> None:
    """Counterexample: a sentence between the looting and the zero breaks the thread."""
    text = (
        "Militiamen torched the market in Vessa on Sunday. The mayor said the town would "
        "rebuild it. No one was hurt."
    )
    assert _counts(extractor, text) == [(None, None)]
