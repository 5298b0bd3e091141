"""A verb that borrows the subject of the verb it is coordinated with reads that subject in
its own voice: in "the fighters crossed the river and were ambushed", the fighters were
attacked, so they are no perpetrator. Sentences are invented for the test; the near miss
(both verbs active) must keep its perpetrator."""

from __future__ import annotations

from conflict_kg.extract import Extractor
from tests.extract.test_roles_in_more_constructions import _roles


def test_a_passive_verb_makes_the_shared_subject_its_undergoer(extractor: Extractor) -> None:
    text = (
        "Kelsan Liberation Front fighters crossed the river and were ambushed by the army "
        "near Dorval."
    )
    assert _roles(extractor, text, "perpetrator", "target") == {
        ("perpetrator", "army", "Security forces"),
        ("target", "Kelsan Liberation Front fighters", "Kelsan Liberation Front"),
    }


def test_soldiers_shot_after_leaving_their_base_are_no_perpetrators(extractor: Extractor) -> None:
    text = "Two soldiers left the base and were shot dead near Dorval."
    assert _roles(extractor, text, "perpetrator") == set()
    assert ("victim", "soldiers", "Security forces") in _roles(extractor, text, "victim")


def test_an_active_verb_keeps_the_shared_subject_as_its_doer(extractor: Extractor) -> None:
    text = (
        "Kelsan Liberation Front fighters crossed the river and ambushed an army patrol "
        "near Dorval."
    )
    assert _roles(extractor, text, "perpetrator") == {
        ("perpetrator", "Kelsan Liberation Front fighters", "Kelsan Liberation Front")
    }
