"""Whoever puts an incident's weapon to use is its perpetrator (extract/roles/roles.py
`weapon_users`): "the bomb had been planted by X" in the sentence after a blast, "X placed a
bomb", "a grenade thrown by X". Finding, defusing or seizing a weapon is no use of it.
Sentences are written for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _perpetrators(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    result = extractor.extract(ArticleInput("t", text))
    names = {e.id: e.name for e in result.entities}
    return {
        (e.type, names.get(a.entity or "", ""))
        for e in result.events
        for a in e.arguments
        if a.role == "perpetrator"
    }


def test_who_planted_the_bomb_in_the_sentence_after_the_blast_is_its_perpetrator(
    extractor: Extractor,
) -> None:
    text = (
        "A bomb exploded outside the town hall of Velna on Monday, wounding two guards. "
        "Police said the bomb had been planted by members of the Red Hand militia."
    )
    assert _perpetrators(extractor, text) == {("Bombing", "Red Hand militia")}


def test_who_placed_a_bomb_that_went_off_is_its_perpetrator(extractor: Extractor) -> None:
    text = "Gunmen of the Red Hand militia placed a bomb that exploded at a market in Velna."
    assert ("Bombing", "Red Hand militia") in _perpetrators(extractor, text)


def test_who_found_or_defused_the_bomb_is_no_perpetrator(extractor: Extractor) -> None:
    text = (
        "A bomb exploded outside the town hall of Velna on Monday, wounding two guards. "
        "Soldiers of the Third Brigade later found a second bomb and defused it."
    )
    assert _perpetrators(extractor, text) == set()
