"""Roles the frame reader finds in the trigger's own sentence (issue 16): the "to" of "set
fire to", a "by" phrase the parser hangs on a noun inside the event noun's phrases, and an
unnamed person as the doer a frame slot gives. Invented sentences, one positive and one
counterexample each."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _roles(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    result = extractor.extract(ArticleInput("t", text))
    return {(a.role, a.text) for e in result.events for a in e.arguments}


def test_what_was_set_fire_to_is_the_target(extractor: Extractor) -> None:
    roles = _roles(
        extractor, "Rebels of the Ostral Front set fire to the police station in Brenmoor."
    )
    assert ("target", "police station") in roles
    assert ("perpetrator", "Ostral Front") in roles


def test_set_fire_to_the_ground_names_no_target(extractor: Extractor) -> None:
    roles = _roles(extractor, "The Ostral Front set fire to the ground near Brenmoor on Monday.")
    assert not {r for r in roles if r[0] == "target"}


def test_a_by_phrase_hung_on_the_attacked_post_names_the_attackers(extractor: Extractor) -> None:
    roles = _roles(
        extractor,
        "Two herders died in an attack on an army post in Brenmoor by Ostral Front fighters.",
    )
    assert ("perpetrator", "Ostral Front fighters") in roles
    assert ("target", "army post") in roles
    roles = _roles(extractor, "Four people died in the bombing of a bus depot by the Ostral Front.")
    assert ("perpetrator", "Ostral Front") in roles


def test_a_by_phrase_of_place_names_no_attacker(extractor: Extractor) -> None:
    roles = _roles(
        extractor, "Two herders died in an attack on an army post by the Brenmoor river."
    )
    assert not {r for r in roles if r[0] == "perpetrator"}


def test_an_unnamed_man_who_opened_fire_is_the_perpetrator(extractor: Extractor) -> None:
    roles = _roles(extractor, "A man opened fire on a checkpoint in Brenmoor on Sunday.")
    assert ("perpetrator", "man") in roles
    roles = _roles(
        extractor,
        "The raid on the depot in Brenmoor was carried out by an unknown individual, police said.",
    )
    assert ("perpetrator", "individual") in roles


def test_a_man_killed_in_an_attack_is_no_perpetrator(extractor: Extractor) -> None:
    roles = _roles(extractor, "A man was killed in an attack on a checkpoint in Brenmoor.")
    assert not {r for r in roles if r[0] == "perpetrator"}
    assert ("victim", "man") in roles


def test_a_phrase_on_the_verb_that_launched_the_attacks_is_the_attacks(
    extractor: Extractor,
) -> None:
    roles = _roles(
        extractor, "The Ostral Front staged raids on Monday against police stations in Brenmoor."
    )
    assert ("target", "police stations") in roles
    assert ("perpetrator", "Ostral Front") in roles


def test_a_phrase_on_a_verb_of_harm_is_not_the_attacks(extractor: Extractor) -> None:
    roles = _roles(extractor, "A bomb attack killed five people on a bus in Brenmoor on Monday.")
    assert not {r for r in roles if r[0] == "target"}


def test_a_by_phrase_set_off_after_a_passive_clause_names_the_doer(extractor: Extractor) -> None:
    roles = _roles(
        extractor,
        "The mayor of Brenmoor, who was kidnapped on Monday, apparently by Ostral Front "
        "rebels, was found dead.",
    )
    assert ("perpetrator", "Ostral Front rebels") in roles
    assert ("victim", "mayor of Brenmoor") in roles


def test_a_by_phrase_of_place_after_a_passive_clause_names_nobody(extractor: Extractor) -> None:
    roles = _roles(
        extractor, "The mayor, who was kidnapped in Brenmoor by the lake, was found dead."
    )
    assert not {r for r in roles if r[0] == "perpetrator"}


def test_who_resumed_or_stepped_up_the_attacks_made_them(extractor: Extractor) -> None:
    roles = _roles(extractor, "The Ostral Front resumed its attacks in Brenmoor on Monday.")
    assert ("perpetrator", "Ostral Front") in roles
    roles = _roles(extractor, "The army intensified its shelling of rebel positions near Brenmoor.")
    assert ("perpetrator", "army") in roles


def test_who_halted_the_attack_did_not_make_it(extractor: Extractor) -> None:
    roles = _roles(extractor, "Troops halted the attack on Brenmoor on Monday.")
    assert not {r for r in roles if r[0] == "perpetrator"}


def test_who_investigates_the_attack_did_not_make_it(extractor: Extractor) -> None:
    roles = _roles(extractor, "Police launched an investigation into the attack in Brenmoor.")
    assert not {r for r in roles if r[0] == "perpetrator"}
    roles = _roles(extractor, "The Ostral Front carried out a wave of attacks in Brenmoor.")
    assert ("perpetrator", "Ostral Front") in roles


def test_no_individual_is_no_perpetrator(extractor: Extractor) -> None:
    roles = _roles(
        extractor,
        "No organization or individual has claimed responsibility for the attack in Brenmoor.",
    )
    assert not {r for r in roles if r[0] == "perpetrator"}
