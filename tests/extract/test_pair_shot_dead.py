"""A pair noun the parser reads as an adverb (issue 16 item 4): in "gunmen shot dead the
couple" the parse hangs "the couple" on the verb as an adverbial noun (as it would "the
day"), so no frame read it as the object and the pair was no victim and no count
(extract/roles/casualties.py `misparsed_objects`). A noun of time there stays a time.
Every text here is invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _harm(extractor: Extractor, text: str) -> list[tuple[list[str], int | None]]:
    result = extractor.extract(ArticleInput("invented", text))
    return [
        ([a.text for a in e.arguments if a.role == "victim"], e.fatalities) for e in result.events
    ]


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        ("Gunmen shot dead the couple outside their shop in Brisk.", [(["couple"], 2)]),
        ("Gunmen shot dead the pair outside their shop in Brisk.", [(["pair"], 2)]),
        ("Gunmen shot dead the couple on Tuesday outside their shop in Brisk.",
         [(["couple"], 2)]),
    ],
)  # fmt: skip
def test_a_pair_shot_dead_is_the_victim_and_counts_two(
    extractor: Extractor, text: str, harm: list[tuple[list[str], int | None]]
) -> None:
    assert _harm(extractor, text) == harm


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        # a noun of time after the verb tells when, and the object is its own
        ("Gunmen shot dead two guards the night before in Brisk.", [(["guards"], 2)]),
        # "a couple of" is a loose few: the farmers are the victims, with no count
        ("Gunmen shot dead a couple of farmers in Brisk.", [(["farmers"], None)]),
        # nobody was shot: no event, no victim
        ("Gunmen did not shoot dead the couple outside their shop in Brisk.", []),
    ],
)  # fmt: skip
def test_a_time_or_a_loose_few_is_no_pair_victim(
    extractor: Extractor, text: str, harm: list[tuple[list[str], int | None]]
) -> None:
    assert _harm(extractor, text) == harm
