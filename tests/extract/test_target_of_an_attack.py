"""A building said to have been "the target of" an attack is that attack's target, also
where nobody was hurt; one that was the target of anything else ("the target of
criticism") is not. The articles are invented."""

from __future__ import annotations

from argument_texts import argument_texts

from conflict_kg.extract import Extractor


def test_the_target_of_a_bomb_attack_is_its_target(extractor: Extractor) -> None:
    text = (
        "Police said the customs warehouse at Sorvale harbour had been the target of an "
        "arson attack overnight; nobody was inside."
    )
    assert "customs warehouse" in argument_texts(extractor, text, "target")


def test_the_target_of_criticism_is_no_target(extractor: Extractor) -> None:
    """Counterexample: the warehouse was the target of complaints, not of the attack."""
    text = (
        "The customs warehouse at Sorvale harbour has been the target of complaints from "
        "traders since an arson attack on the fish market."
    )
    assert "customs warehouse" not in argument_texts(extractor, text, "target")
