"""Roles read off the structure of the trigger's sentence (issue 16, "roles from the
structure of the sentence"): the object of the verb a trigger verb completes is its subject
("forced the militiamen to attack"). Sentences are invented for the test; the rule has a near
miss that must not fire."""

from __future__ import annotations

from conflict_kg.extract import Extractor
from tests.extract.test_roles_in_more_constructions import _roles


def test_whom_a_verb_makes_attack_is_who_attacked(extractor: Extractor) -> None:
    # object control: the militiamen attack, not the front that forced them to
    text = (
        "On Monday the Kuro Liberation Front forced the Dorv militiamen to attack the army "
        "barracks in Kesh."
    )
    assert _roles(extractor, text, "perpetrator") == {
        ("perpetrator", "Dorv militiamen", "Dorv")
    }


def test_a_verb_coordinated_under_the_infinitive_keeps_the_main_subject(
    extractor: Extractor,
) -> None:
    text = (
        "On Monday the Kuro Liberation Front forced the driver to stop and attacked the army "
        "barracks in Kesh."
    )
    assert _roles(extractor, text, "perpetrator") == {
        ("perpetrator", "Kuro Liberation Front", "Kuro Liberation Front")
    }
