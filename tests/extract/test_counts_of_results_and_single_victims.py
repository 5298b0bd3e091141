"""Counts told loosely: "left one dead and 12 wounded" gives 1 dead and 12 wounded (the
second numeral has no noun of its own and goes with the second participle); a single
victim "stabbed to death" is one dead, a counted one keeps its count and a couple is two
(`test_coordinated_and_pair_counts.py`). The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _tolls(extractor: Extractor, text: str) -> list[tuple[str, int | None, int | None]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [(e.type, e.fatalities, e.injuries) for e in extraction.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast at the bus depot in Marrow left one dead and 12 wounded.", (1, 12)),
        ("The explosion near the mill in Tesk left two dead and five injured.", (2, 5)),
        # counterexample: each numeral has its own noun, nothing to move
        ("A mortar attack on Peln left 3 soldiers dead and 9 wounded.", (3, 9)),
    ],
)
def test_a_bare_numeral_after_left_is_its_own_count(
    extractor: Extractor, text: str, expected: tuple[int, int]
) -> None:
    assert [t[1:] for t in _tolls(extractor, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("A masked man stabbed his landlord to death in Quell on Thursday.", 1),
        ("Gunmen beat him to death in Ostrava on Friday.", 1),
        # counterexamples: a counted victim keeps its count, a couple is no single one
        ("Militants hacked three farmers to death in Gelva.", 3),
        ("A mob stoned the couple to death in Urvik.", 2),
    ],
)
def test_a_single_victim_killed_by_blows_counts_one(
    extractor: Extractor, text: str, dead: int | None
) -> None:
    assert [t[1] for t in _tolls(extractor, text)] == [dead]
