"""Victims are whom the incident harmed (issue 16, item 4): not its own attackers, not the
fighters of a clash, not a tally of a period, and a title's named holder rather than the
title; a negated statement of involvement is a `denied` perpetrator claim with its source
(issue 15, item 4). Every article here is invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event, Extraction


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _roles(event: Event, role: str) -> set[str]:
    return {a.text.lower() for a in event.arguments if a.role == role}


def _only_event(result: Extraction) -> Event:
    (event,) = result.events
    return event


def _perpetrators(event: Event) -> set[tuple[str, str, str | None]]:
    return {(a.entity, a.certainty, a.source) for a in event.arguments if a.role == "perpetrator"}


def _claims(event: Event) -> set[tuple[str, str, str | None]]:
    return {(a.text, a.certainty, a.source) for a in event.arguments if a.role == "perpetrator"}


# Its own attackers -------------------------------------------------------------------------------


def test_officers_who_shoot_the_assailant_are_no_perpetrators(extractor: Extractor) -> None:
    text = (
        "A man with a rifle opened fire on diners at a cafe in Tarvos on Friday, killing two "
        "people. Officers then shot dead the assailant."
    )
    event = _only_event(_run(extractor, text))
    assert _roles(event, "victim") == {"people"}
    assert not any("officers" in p for p in _roles(event, "perpetrator"))


def test_police_who_shoot_protesters_stay_perpetrators(extractor: Extractor) -> None:
    """Counterexample: security forces who harm unarmed people carry out the attack."""
    text = "Police shot dead two protesters at a rally in Tarvos on Friday."
    event = next(e for e in _run(extractor, text).events if _roles(e, "victim"))
    assert _roles(event, "victim") == {"protesters"}
    assert _roles(event, "perpetrator") == {"police"}


def test_one_of_the_raiders_killed_by_guards_is_no_victim(extractor: Extractor) -> None:
    text = (
        "Three gunmen raided a bank in Tarvos on Monday and shot dead a cashier. One of the "
        "gunmen was killed by guards."
    )
    event = _only_event(_run(extractor, text))
    assert _roles(event, "victim") == {"cashier"}
    assert _roles(event, "perpetrator") == {"gunmen"}


def test_a_fighter_who_died_attacking_is_its_perpetrator_not_its_victim(
    extractor: Extractor,
) -> None:
    text = "A militant died on Sunday while attacking a border post near Tarvos, officials said."
    event = _only_event(_run(extractor, text))
    assert _roles(event, "victim") == set()
    assert _roles(event, "perpetrator") == {"militant"}


def test_people_abducted_and_then_killed_stay_victims(extractor: Extractor) -> None:
    """Counterexample: a passive coordinated with a passive tells two harms to the same
    people, not an attack they made."""
    text = (
        "Two farmers were abducted and later killed by rebels near Tarvos on Monday, the "
        "governor said."
    )
    victims = set().union(*(_roles(e, "victim") for e in _run(extractor, text).events))
    assert victims == {"farmers"}


# Fighters of a clash, tallies of a period ---------------------------------------------------------


def test_fighters_a_clash_killed_are_no_victims(extractor: Extractor) -> None:
    text = "Troops clashed with rebels near Tarvos on Monday, killing six rebels."
    event = _only_event(_run(extractor, text))
    assert event.type == "ArmedClash"
    assert _roles(event, "victim") == set()
    assert event.fatalities == 6


def test_a_tally_of_years_told_through_a_harm_verb_names_no_victims(
    extractor: Extractor,
) -> None:
    text = (
        "Gunmen attacked a courthouse in Tarvos on Monday, wounding a clerk. Four prosecutors "
        "have been murdered in the region during the past two years."
    )
    victims = set().union(*(_roles(e, "victim") for e in _run(extractor, text).events))
    assert victims == {"clerk"}


def test_a_perfect_of_the_incident_keeps_its_victims(extractor: Extractor) -> None:
    """Counterexample: a perfect without a period tells the incident itself."""
    text = "Two judges have been murdered in Tarvos, police said on Monday."
    victims = set().union(*(_roles(e, "victim") for e in _run(extractor, text).events))
    assert victims == {"two judges"}


# A title and its holder ---------------------------------------------------------------------------


def test_the_holder_named_beside_a_title_is_the_victim(extractor: Extractor) -> None:
    text = "Gunmen shot dead the mayor of Tarvos, Pedro Alvarado, on Monday."
    event = _only_event(_run(extractor, text))
    assert {(a.entity, a.text) for a in event.arguments if a.role == "victim"} == {
        ("pedro-alvarado", "Pedro Alvarado")
    }


def test_a_title_without_a_named_holder_stays_the_victim(extractor: Extractor) -> None:
    """Counterexample: with no name beside it, the title is all the text says of him."""
    text = "Gunmen shot dead the mayor of Tarvos on Monday."
    event = _only_event(_run(extractor, text))
    assert _roles(event, "victim") == {"mayor of tarvos"}


# Denials ------------------------------------------------------------------------------------------

BLAST = "A bomb exploded at a bus depot in Quetta on Monday, killing five passengers. "


def test_saying_it_was_not_responsible_is_a_denial(extractor: Extractor) -> None:
    event = _only_event(_run(extractor, BLAST + "The Baloch Liberation Army said it was not "
                             "responsible."))  # fmt: skip
    assert _perpetrators(event) == {
        ("balochistan-liberation-army", "denied", "The Baloch Liberation Army")
    }


def test_the_group_not_involved_denies_beside_the_allegation(extractor: Extractor) -> None:
    text = BLAST + (
        "Police blamed the Baloch Liberation Army. The group said it was not involved in the "
        "attack."
    )
    assert _perpetrators(_only_event(_run(extractor, text))) == {
        ("balochistan-liberation-army", "alleged", "Police"),
        ("balochistan-liberation-army", "denied", "Balochistan Liberation Army"),
    }


def test_nothing_to_do_with_the_blast_is_a_denial(extractor: Extractor) -> None:
    text = BLAST + "The Baloch Liberation Army said it had nothing to do with the blast."
    assert _perpetrators(_only_event(_run(extractor, text))) == {
        ("balochistan-liberation-army", "denied", "The Baloch Liberation Army")
    }


def test_an_exoneration_is_a_denial_on_the_word_of_who_gives_it(extractor: Extractor) -> None:
    text = BLAST + "Police said the Baloch Liberation Army was not behind the bombing."
    assert _perpetrators(_only_event(_run(extractor, text))) == {
        ("balochistan-liberation-army", "denied", "Police")
    }


def test_an_affirmed_involvement_is_no_denial(extractor: Extractor) -> None:
    """Counterexample: without the negation the statement alleges."""
    text = BLAST + "Police said the Baloch Liberation Army was behind the bombing."
    assert _perpetrators(_only_event(_run(extractor, text))) == {
        ("balochistan-liberation-army", "alleged", "Police")
    }


def test_not_responsible_for_something_else_is_no_denial(extractor: Extractor) -> None:
    """Counterexample: what the group disowns is not the incident."""
    text = BLAST + (
        "The Baloch Liberation Army said it was not responsible for the security of the depot."
    )
    assert _perpetrators(_only_event(_run(extractor, text))) == set()


# Who is said to have done it ---------------------------------------------------------------------


def test_the_work_of_a_group_is_its_alleged_attack(extractor: Extractor) -> None:
    text = BLAST + "Police said it was the work of the Red Hand Front."
    assert _perpetrators(_only_event(_run(extractor, text))) == {
        ("red-hand-front", "alleged", "Police")
    }


def test_it_standing_for_something_else_is_no_incidents_work(extractor: Extractor) -> None:
    """Counterexample: "it" is the bridge the bomb destroyed, not the bombing."""
    text = (
        "A bomb destroyed a bridge near Tarvos on Monday, police said. The bridge had opened "
        "in 2019; it was the work of Chinese engineers."
    )
    assert _perpetrators(_only_event(_run(extractor, text))) == set()


def test_the_hallmarks_of_a_group_only_hedge(extractor: Extractor) -> None:
    text = BLAST + "The bombing bore the hallmarks of the Red Hand Front."
    assert {(e, c) for e, c, _ in _perpetrators(_only_event(_run(extractor, text)))} == {
        ("red-hand-front", "hedged")
    }


def test_the_work_of_people_who_are_no_incident_is_no_claim(extractor: Extractor) -> None:
    """Counterexample: the subject is no incident, so its author did not carry one out."""
    text = BLAST + "The inquiry was the work of the Red Hand Front's former lawyers."
    assert _perpetrators(_only_event(_run(extractor, text))) == set()


def test_a_group_calling_itself_by_a_name_is_that_group(extractor: Extractor) -> None:
    text = BLAST + (
        "A group calling itself the Black Dawn Brigade claimed responsibility for the attack."
    )
    (event,) = [e for e in _run(extractor, text).events if e.type == "Bombing"]
    assert {e for e, _, _ in _perpetrators(event)} == {"black-dawn-brigade"}


def test_a_place_called_by_a_name_names_no_actor(extractor: Extractor) -> None:
    """Counterexample: a farm's name is no actor, whatever noun it follows."""
    text = "Gunmen shot dead a farmer at a ranch called La Vega near Tarvos on Monday."
    event = _only_event(_run(extractor, text))
    assert _roles(event, "perpetrator") == {"gunmen"}


def test_a_victim_named_after_a_description_is_the_named_person(extractor: Extractor) -> None:
    text = "A tourist named Erik Lindqvist was killed in a bomb attack in Tarvos on Monday."
    event = _only_event(_run(extractor, text))
    assert {a.entity for a in event.arguments if a.role == "victim"} == {"erik-lindqvist"}


def test_the_involvement_of_soldiers_in_the_killing_alleges_them(extractor: Extractor) -> None:
    text = (
        "Six farmers were shot dead in Tarvos on Monday. The minister confirmed the "
        "involvement of soldiers in the killing of the farmers."
    )
    (event,) = [e for e in _run(extractor, text).events if _roles(e, "victim")]
    assert _claims(event) == {("soldiers", "alleged", "The minister")}


def test_denying_the_involvement_of_soldiers_is_a_denial(extractor: Extractor) -> None:
    text = BLAST + "The minister denied the involvement of soldiers in the bombing."
    event = _only_event(_run(extractor, text))
    assert _claims(event) == {("soldiers", "denied", "The minister")}


def test_taking_part_in_something_else_implicates_nobody(extractor: Extractor) -> None:
    """Counterexamples: no incident is named, or only a description of nobody in
    particular is."""
    for after in (
        "The minister praised the participation of soldiers in the rescue.",
        "Police are looking for the people involved in the bombing.",
    ):
        assert _perpetrators(_only_event(_run(extractor, BLAST + after))) == set(), after


def test_men_charged_with_carrying_out_the_bombing_are_alleged(extractor: Extractor) -> None:
    text = BLAST + "Two men were charged with carrying out the bombing."
    event = _only_event(_run(extractor, text))
    assert {(a.text, a.certainty) for a in event.arguments if a.role == "perpetrator"} == {
        ("Two men", "alleged")
    }


def test_a_tally_of_a_year_gives_the_incident_no_toll(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked a bus near Tarvos on Monday, killing four passengers. More than 300 "
        "people have been killed in the province in 2023."
    )
    event = _only_event(_run(extractor, text))
    assert event.fatalities == 4
    assert _roles(event, "victim") == {"passengers"}


def test_a_year_that_dates_an_attack_noun_is_no_tally(extractor: Extractor) -> None:
    """Counterexample: "in the 2023 attack" names an incident, not a period."""
    text = (
        "Gunmen attacked a bus near Tarvos on Monday, killing four passengers. Two guards "
        "have been wounded in the 2023 attack on the depot."
    )
    victims = set().union(*(_roles(e, "victim") for e in _run(extractor, text).events))
    assert "guards" in victims


def test_a_description_ends_before_a_phrase_hung_on_its_of_noun(extractor: Extractor) -> None:
    text = "Gunmen killed the brother of a local councillor in Tarvos on Monday."
    assert _roles(_only_event(_run(extractor, text)), "victim") == {
        "brother of a local councillor"
    }


def test_a_description_keeps_the_of_phrases_that_name_it(extractor: Extractor) -> None:
    """Counterexample: "of" phrases of "of" phrases are still the description."""
    text = "Members of the front of the southern highlands attacked a bus near Tarvos on Monday."
    assert _roles(_only_event(_run(extractor, text)), "perpetrator") == {
        "members of the front of the southern highlands"
    }


# A body is not harmed with its members ------------------------------------------------------------


def test_members_of_a_union_are_the_victims_not_the_union(extractor: Extractor) -> None:
    result = _run(extractor, "Gunmen killed three members of the Tarvos Teachers Union on Monday.")
    event = _only_event(result)
    assert _roles(event, "victim") == {"three members of the tarvos teachers union"}
    union = result.entity("tarvos-teachers-union")
    assert union is not None and union.type == "Organization"


def test_members_of_a_front_who_attack_make_it_armed_and_the_attacker(
    extractor: Extractor,
) -> None:
    """Counterexample: members who attack are the front's armed men, and the front acts."""
    text = "Members of the Tarvos Liberation Front attacked a police post on Monday."
    result = _run(extractor, text)
    event = _only_event(result)
    assert {a.entity for a in event.arguments if a.role == "perpetrator"} == {
        "tarvos-liberation-front"
    }
    front = result.entity("tarvos-liberation-front")
    assert front is not None and front.type == "ArmedGroup"


def test_a_group_saying_it_was_responsible_claims_the_attack(extractor: Extractor) -> None:
    text = BLAST + "The Baloch Liberation Army said it was responsible."
    assert _perpetrators(_only_event(_run(extractor, text))) == {
        ("balochistan-liberation-army", "alleged", "The Baloch Liberation Army")
    }


def test_a_plural_speaker_and_it_is_no_claim(extractor: Extractor) -> None:
    """Counterexamples: "it" is not the police; a responsibility for something else."""
    for after in (
        "Police said it was responsible.",
        "The Baloch Liberation Army said it was responsible for the security of the depot.",
    ):
        assert _perpetrators(_only_event(_run(extractor, BLAST + after))) == set(), after
