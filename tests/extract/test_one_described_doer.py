"""A singular noun that can only stand for a person ("a young man", "an individual") in a
perpetrator slot is the doer, as a plural noun for people is; a singular noun for a body
or a thing ("a convoy") is not. The articles are invented."""

from __future__ import annotations

from argument_texts import argument_texts

from conflict_kg.extract import Extractor


def test_a_young_man_who_placed_the_bomb_is_its_perpetrator(extractor: Extractor) -> None:
    text = (
        "A bomb exploded outside a bank in Sorvale on Monday. The bomb was placed by a "
        "young man who fled on a motorbike, police said."
    )
    assert "young man" in argument_texts(extractor, text, "perpetrator")


def test_a_young_man_who_shot_a_judge_is_the_perpetrator(extractor: Extractor) -> None:
    text = "A young man shot dead a judge outside her home in Sorvale on Monday."
    assert "young man" in argument_texts(extractor, text, "perpetrator")


def test_a_thing_in_the_slot_is_no_perpetrator(extractor: Extractor) -> None:
    """Counterexample: a singular noun for no person is left alone."""
    text = "A bomb exploded outside a bank in Sorvale on Monday. It was placed by a wall."
    assert "wall" not in argument_texts(extractor, text, "perpetrator")
