"""Roles read off the structure of the trigger's sentence (issue 16, "roles from the
structure of the sentence"): the name of an "X-led" modifier of an event noun, or of the
body named in its "by" phrase, is who did it; the object of the verb a trigger verb
completes is its subject ("forced the militiamen to attack"). Sentences are invented for the
test; each rule has a near miss that must not fire."""

from __future__ import annotations

from conflict_kg.extract import Extractor
from tests.extract.test_roles_in_more_constructions import _roles


def test_the_leader_of_an_x_led_assault_is_its_perpetrator(extractor: Extractor) -> None:
    text = "A Hamas-led assault killed nine people in the town of Kesh on Monday."
    assert _roles(extractor, text, "perpetrator") == {("perpetrator", "Hamas", "Hamas")}


def test_the_leader_of_an_x_led_campaign_is_the_author_of_its_bombing(
    extractor: Extractor,
) -> None:
    text = "The Hamas-led bombing campaign against the Vendarian army posts went on in March."
    assert _roles(extractor, text, "perpetrator") == {("perpetrator", "Hamas", "Hamas")}


def test_the_leader_of_the_body_in_the_by_phrase_is_its_perpetrator(
    extractor: Extractor,
) -> None:
    text = "Air strikes by the Hamas-led coalition hit the town of Kesh on Monday."
    assert _roles(extractor, text, "perpetrator") == {("perpetrator", "Hamas", "Hamas")}


def test_the_backer_of_an_x_backed_assault_is_not_its_perpetrator(extractor: Extractor) -> None:
    # a sponsor is not who carried the attack out
    text = "A Hamas-backed assault killed nine people in the town of Kesh on Monday."
    assert _roles(extractor, text, "perpetrator") == set()


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
