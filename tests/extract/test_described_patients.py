"""Who a victim or target is, said in an apposition, is neither (issue 16 item 4): the
party of "X, leader of the Y party" or the owner of "the hotel, the headquarters of Y"
says who or what was hit, and was not hit itself, also where the tagger missed the
victim's name in lower-case text (extract/roles/casualties.py `_in_description_of`). A
party named outside an apposition ("the offices of Y") is still aimed at. Every text here
is invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _hit(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    result = extractor.extract(ArticleInput("invented", text))
    return {
        (a.role, a.text.lower())
        for e in result.events
        for a in e.arguments
        if a.role in ("victim", "target")
    }


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("gunmen assassinated tomas vell colindres, leader of the green union movement, in "
         "brisk on monday.", "green union movement"),
        ("Gunmen attacked the Tessel Hotel, the headquarters of the Green Union Movement, in "
         "Brisk on Monday.", "green union movement"),
    ],
)  # fmt: skip
def test_a_party_in_a_description_is_not_hit(extractor: Extractor, text: str, party: str) -> None:
    assert not {hit for hit in _hit(extractor, text) if party in hit[1]}


def test_the_described_target_stays(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked the Tessel Hotel, the headquarters of the Green Union Movement, in "
        "Brisk on Monday."
    )
    assert _hit(extractor, text) == {("target", "tessel hotel")}


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        # counterexamples: the party whose offices were attacked was aimed at; the
        # apposition itself names the people killed
        ("Gunmen attacked the offices of the Green Union Movement in Brisk on Monday.",
         ("target", "green union movement in brisk")),
        ("Gunmen killed two reporters, Rosa Vell and Tomas Grane, in Brisk on Monday.",
         ("victim", "two reporters")),
    ],
)  # fmt: skip
def test_a_party_or_a_victim_outside_a_description_stays(
    extractor: Extractor, text: str, hit: tuple[str, str]
) -> None:
    assert hit in _hit(extractor, text)
