"""Property an incident damaged is its target: vehicles and houses "destroyed" or
"damaged following the explosion" (also where the parser makes the second participle the
complement of its "was"), pylons, stalls and farms as well as buildings. A facility named
only as where a bomb went off stays its place. The articles are invented."""

from __future__ import annotations

import pytest
from argument_texts import argument_texts

from conflict_kg.extract import Extractor


def test_property_damaged_following_a_blast_is_its_target(extractor: Extractor) -> None:
    text = (
        "Two taxis were destroyed and a clinic was badly damaged following a car bomb "
        "explosion in Sorvale on Tuesday evening."
    )
    assert "taxis" in argument_texts(extractor, text, "target")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Rebels blew up three power pylons near Sorvale on Monday, causing a blackout.",
         "power pylons"),
        ("A car bomb exploded in Sorvale on Monday, destroying three market stalls and a pharmacy.",
         "market stalls"),
        ("Rebels attacked a farm near Sorvale on Monday, killing two workers.", "farm"),
    ],
)  # fmt: skip
def test_pylons_and_farms_are_targets(extractor: Extractor, text: str, target: str) -> None:
    assert target in argument_texts(extractor, text, "target")


def test_a_farm_where_a_bomb_went_off_is_the_place(extractor: Extractor) -> None:
    """Counterexample: "exploded near a farm" says where, not what was hit."""
    text = "A bomb exploded near a farm outside Sorvale on Monday, killing two farmers."
    assert "farm" not in argument_texts(extractor, text, "target")
