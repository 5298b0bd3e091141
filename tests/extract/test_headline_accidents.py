"""A headline's explosion that names no weapon, no attacker and no other violent act is the
accident the body then tells, not a bombing; the harmed named in a headline ("5 rebels
killed in blasts") are no attacker. Every article here is invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> list[str]:
    return [e.type for e in extractor.extract(ArticleInput("t", text)).events]


BODY = (
    "TARSA, May 2 (Agency) -- Five rebels were killed in two accidental explosions in the "
    "northern province on Friday night, the provincial police office confirmed on Saturday."
)


def test_a_headline_blast_over_an_accidental_explosion_is_the_accident(
    extractor: Extractor,
) -> None:
    text = "5 rebels killed in blasts in northern province\n" + BODY
    assert _types(extractor, text) == ["Accident", "Accident"]


def test_a_headline_bomb_blast_stays_a_bombing(extractor: Extractor) -> None:
    text = (
        "Bomb blast kills 5 in northern province\n"
        "TARSA, May 2 (Agency) -- A bomb exploded at a market in the northern province on "
        "Friday, killing five people, police said."
    )
    assert _types(extractor, text) == ["Bombing"]


def test_a_headline_blast_set_off_by_rebels_stays_a_bombing(extractor: Extractor) -> None:
    text = (
        "Rebels kill 5 in blast in northern province\n"
        "TARSA, May 2 (Agency) -- Rebels set off an explosion at a market in the northern "
        "province on Friday, killing five people. On Saturday a gas cylinder exploded "
        "accidentally at a bakery in the same town."
    )
    assert _types(extractor, text) == ["Bombing", "Accident"]
