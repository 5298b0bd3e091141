"""Counts told loosely (issue 16 item 4): in a coordination of people each singular noun is
one person ("its driver and a passenger" are 2), and a noun for a pair ("the couple") is 2.
A coordination with an uncounted plural ("several passengers") and "a couple of" (a loose
few) keep no count. Every text here is invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _dead(extractor: Extractor, text: str) -> list[int | None]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [e.fatalities for e in extraction.events]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Gunmen opened fire on a minibus near Orlo, killing its driver and a passenger.", [2]),
        ("Militants killed the mayor and his driver in Tobb on Sunday.", [2]),
        ("A bomb killed a soldier and his wife in Kesh on Monday.", [2]),
        # counterexamples: an uncounted plural in the coordination leaves the count open;
        # a lone definite noun is still no count
        ("Gunmen opened fire on a minibus near Orlo, killing its driver and several passengers.",
         [None]),
        ("Gunmen killed the mayor in Tobb on Sunday.", [None]),
    ],
)  # fmt: skip
def test_each_coordinated_singular_noun_counts_one(
    extractor: Extractor, text: str, dead: list[int | None]
) -> None:
    assert _dead(extractor, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("In Vessen, the couple were beaten to death by a crowd that accused them of theft.", [2]),
        ("A mob stoned the couple to death in Urvik.", [2]),
        # counterexample: "a couple of" counts loosely, not two
        ("A couple of villagers were killed when rebels shelled Dunmore on Monday.", [None]),
    ],
)
def test_a_pair_noun_counts_two(extractor: Extractor, text: str, dead: list[int | None]) -> None:
    assert _dead(extractor, text) == dead
