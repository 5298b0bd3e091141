"""Who did it when the text names no group: a crowd that does violence, one private person
who does it, the owner of the weapon that did it, and names at the end of a way
(extract/roles/phrases.py, extract/roles/described.py, extract/entities/name_context.py).
All texts are invented; each rule has a counterexample that must not fire."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Entity, Extraction


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("t", text))


def _doers(result: Extraction) -> dict[str, Entity]:
    """Perpetrator argument text -> its entity."""
    entities = {e.id: e for e in result.entities}
    return {
        a.text: entities[a.entity]
        for e in result.events
        for a in e.arguments
        if a.role == "perpetrator" and a.entity in entities
    }


def _types(result: Extraction) -> dict[str, str]:
    return {e.name: e.type for e in result.entities}


# Crowds ---------------------------------------------------------------------------------------


def test_a_crowd_that_beat_people_to_death_is_their_killer(extractor: Extractor) -> None:
    text = "In Parvel, two herders were beaten to death by a crowd on Sunday, police said."
    doers = _doers(_extract(extractor, text))
    assert set(doers) == {"crowd"}
    crowd = doers["crowd"]
    assert (crowd.name, crowd.type, crowd.acled_category) == (
        "Rioters",
        "CommunalGroup",
        "Rioters",
    )


def test_a_mob_that_attacked_a_bus_is_its_attacker(extractor: Extractor) -> None:
    text = "An angry mob attacked a bus in Gessin on Friday, injuring four passengers."
    result = _extract(extractor, text)
    assert {k: (v.name, v.type) for k, v in _doers(result).items()} == {
        "mob": ("Rioters", "CommunalGroup")
    }
    assert result.events[0].acled == "MOB_VIOL"


def test_a_crowd_acted_on_is_no_doer(extractor: Extractor) -> None:
    """Counterexample: the crowd is what the police fired at, not who did it."""
    text = "Police fired rubber bullets at a crowd in Tarrow on Monday, wounding three people."
    doers = _doers(_extract(extractor, text))
    assert "crowd" not in doers
    assert "Rioters" not in {e.name for e in doers.values()}


# One private person ---------------------------------------------------------------------------


def test_a_woman_who_stabbed_two_shoppers_is_their_attacker(extractor: Extractor) -> None:
    text = "A woman stabbed two shoppers at a market in Ostrel on Thursday, police said."
    doers = _doers(_extract(extractor, text))
    assert {k: (v.name, v.type) for k, v in doers.items()} == {
        "woman": ("Unidentified woman", "Person")
    }


def test_a_student_who_attacked_a_teacher_is_a_person(extractor: Extractor) -> None:
    text = "A student attacked a teacher with a knife at a school in Vallo on Monday."
    doers = _doers(_extract(extractor, text))
    assert {k: v.type for k, v in doers.items()} == {"student": "Person"}


def test_a_woman_who_was_stabbed_is_no_attacker(extractor: Extractor) -> None:
    """Counterexample: the same noun as the one harmed."""
    text = "A woman was stabbed at a market in Ostrel on Thursday, police said."
    result = _extract(extractor, text)
    assert _doers(result) == {}
    assert {a.text for e in result.events for a in e.arguments if a.role == "victim"} == {"woman"}


# The owner of the weapon ----------------------------------------------------------------------


def test_coalition_warplanes_make_the_coalition_the_doer(extractor: Extractor) -> None:
    text = "Coalition warplanes struck a fuel depot near Harrun on Tuesday."
    doers = _doers(_extract(extractor, text))
    assert {k: (v.name, v.type) for k, v in doers.items()} == {
        "Coalition": ("Coalition forces", "ArmedGroup")
    }


def test_government_aircraft_make_government_forces_the_doer(extractor: Extractor) -> None:
    text = "Government aircraft bombed a market in Sellat on Friday, residents said."
    doers = _doers(_extract(extractor, text))
    assert {k: (v.name, v.type) for k, v in doers.items()} == {
        "Government": ("Government forces", "StateForce")
    }


def test_a_weapon_of_a_kind_names_no_owner(extractor: Extractor) -> None:
    """Counterexample: "fighter" and "suicide" say what the weapon is, not whose."""
    text = "Fighter jets and suicide drones struck a fuel depot near Harrun on Tuesday."
    assert _doers(_extract(extractor, text)) == {}


def test_a_named_doer_wins_over_the_owner_noun(extractor: Extractor) -> None:
    """Counterexample: where the text names who flew them, the owner noun adds no doer."""
    text = (
        "Government aircraft bombed a market in Sellat on Friday. "
        "The Tessan Air Command said it had carried out the raid."
    )
    doers = _doers(_extract(extractor, text))
    assert "Government forces" not in {e.name for e in doers.values()}


# Names at the end of a way, and people with no arms ------------------------------------------


def test_a_name_travelled_to_is_a_place(extractor: Extractor) -> None:
    text = "The envoy travelled to Tovin on Monday to meet the rebels."
    assert _types(_extract(extractor, text)).get("Tovin") == "Place"


def test_a_name_convoys_go_into_is_a_place(extractor: Extractor) -> None:
    text = "The two sides agreed to a truce to allow aid convoys into Mornell."
    assert _types(_extract(extractor, text)).get("Mornell") == "Place"


def test_a_name_spoken_or_written_to_stays_a_person(extractor: Extractor) -> None:
    """Counterexample: "to" after a verb of saying or sending names who receives."""
    result = _extract(extractor, "The minister spoke to Varek on Monday.")
    assert _types(result).get("Varek") == "Person"
    result = _extract(extractor, "The envoy travelled to Dorrany to meet President Ostan Varek.")
    assert _types(result).get("Ostan Varek") == "Person"


def test_fans_with_no_arms_are_no_armed_group(extractor: Extractor) -> None:
    text = "Fans attacked a team bus outside the stadium in Rimsby on Saturday."
    doers = _doers(_extract(extractor, text))
    assert {k: (v.type, v.acled_category) for k, v in doers.items()} == {
        "Fans": ("CommunalGroup", "Rioters")
    }


def test_men_with_rifles_stay_an_armed_group(extractor: Extractor) -> None:
    """Counterexample: men the text says nothing of, or armed men, are an armed group."""
    doers = _doers(_extract(extractor, "Two men shot dead a judge in Corvel on Monday."))
    assert {v.type for v in doers.values()} == {"ArmedGroup"}
    text = "A group of armed men attacked a police post in Teshan on Monday."
    doers = _doers(_extract(extractor, text))
    assert {v.type for v in doers.values()} == {"ArmedGroup"}


# The crowd of a protest -----------------------------------------------------------------------


def _participants(result: Extraction) -> dict[str, Entity]:
    entities = {e.id: e for e in result.entities}
    return {
        a.text: entities[a.entity]
        for e in result.events
        for a in e.arguments
        if a.role == "participant" and a.entity in entities
    }


def test_students_who_protested_are_the_protesters(extractor: Extractor) -> None:
    text = "Students protested outside the education ministry in Vandor on Thursday."
    participants = _participants(_extract(extractor, text))
    assert {k: (v.name, v.type, v.acled_category) for k, v in participants.items()} == {
        "Students": ("Protesters", "CommunalGroup", "Protesters")
    }


def test_hundreds_of_farmers_who_marched_are_the_protesters(extractor: Extractor) -> None:
    text = "Hundreds of farmers marched in Kellan on Monday against new water fees."
    assert set(_participants(_extract(extractor, text))) == {"farmers"}


def test_police_at_a_protest_and_one_man_are_no_protesters(extractor: Extractor) -> None:
    """Counterexample: the police who act on a protest are no protesters, nor is one man."""
    text = "Police fired tear gas at a crowd of marchers in Kellan on Monday."
    assert "Protesters" not in {e.name for e in _participants(_extract(extractor, text)).values()}
    text = "A man protested alone outside the ministry in Vandor on Thursday."
    assert _participants(_extract(extractor, text)) == {}


def test_the_marchers_police_broke_up_are_its_protesters(extractor: Extractor) -> None:
    """The police who broke the march up are no protesters; the nurses it was by are."""
    text = (
        "Police fired tear gas on Friday to break up a march by hundreds of nurses outside "
        "the health ministry in Dovra. The nurses were protesting against pay cuts."
    )
    participants = _participants(_extract(extractor, text))
    assert {k: v.name for k, v in participants.items()} == {"nurses": "Protesters"}


def test_riot_police_beside_a_march_leave_its_protesters(extractor: Extractor) -> None:
    """Police who are a side of the protest are no party that takes part by name: the
    teachers are still its protesters."""
    text = (
        "Riot police fired tear gas and water cannon on Sunday to break up a march by dozens "
        "of teachers in Omrel, and detained ten of them, witnesses said. The teachers were "
        "protesting over unpaid wages."
    )
    participants = _participants(_extract(extractor, text))
    assert {k: v.name for k, v in participants.items()} == {
        "Riot police": "Security forces",
        "teachers": "Protesters",
    }
