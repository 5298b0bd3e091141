"""A building said to have been "the target of" an attack is that attack's target, also
where nobody was hurt; one that was the target of anything else ("the target of
criticism") is not. The articles are invented."""

from __future__ import annotations

from argument_texts import argument_texts

from conflict_kg.extract import Extractor


def test_the_target_of_a_bomb_attack_is_its_target(extractor: Extractor) -> None:
    text = (
        "Last week the mayor's residence in Sorvale was the target of a bomb attack, "
        "though there were no casualties."
    )
    assert "residence" in argument_texts(extractor, text, "target")


def test_the_target_of_criticism_is_no_target(extractor: Extractor) -> None:
    """Counterexample: the residence was the target of criticism, not of the attack."""
    text = (
        "Last week the mayor's residence in Sorvale was the target of criticism after a "
        "bomb attack in the capital."
    )
    assert "residence" not in argument_texts(extractor, text, "target")
