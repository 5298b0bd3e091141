"""What a capture took, what a police raid was, and when a fight is a new one (issues 15 and
16): people (a reporter, "she") seized by armed men are abducted, ground captured is
still territory taken; a raid by police that ends in arrests, with nobody hurt, is the
arrest operation and not an attack; a state invading is a war act; "a gunfight" after a
story's background clashes is a new incident. Every article here is invented for the
test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event


def _events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(ArticleInput("invented", text)).events


def _summary(event: Event) -> tuple[str, str | None, list[str]]:
    return (event.type, event.acled, [m.text for m in event.mentions])


# Captures -----------------------------------------------------------------------------------


def test_armed_men_seizing_a_reporter_abduct_her(extractor: Extractor) -> None:
    (event,) = _events(
        extractor,
        "Fighters loyal to the colonel seized a radio reporter near the ferry landing on Friday.",
    )
    assert _summary(event) == ("Abduction", "ABDUCT_DISSAP", ["seized"])
    victims = {a.text for a in event.arguments if a.role == "victim"}
    assert victims == {"radio reporter"}


def test_a_pronoun_seized_by_rebels_is_a_person_taken(extractor: Extractor) -> None:
    (event,) = _events(
        extractor, "Her family said she was seized by the rebels on the morning of 4 May."
    )
    assert _summary(event) == ("Abduction", "ABDUCT_DISSAP", ["seized"])
    assert {a.text for a in event.arguments if a.role == "perpetrator"} == {"rebels"}


def test_captured_ground_is_still_territory_taken(extractor: Extractor) -> None:
    """Counterexample: the object is a town, not people."""
    (event,) = _events(extractor, "Rebels captured the town of Dorval on Friday.")
    assert _summary(event) == ("ArmedClash", "NON_STATE_ACTOR_OVERTAKES_TER", ["captured"])
    (event,) = _events(
        extractor, "Allied militias captured the group’s last remaining territory in May."
    )
    assert _summary(event) == ("ArmedClash", "NON_STATE_ACTOR_OVERTAKES_TER", ["captured"])


def test_ground_people_are_driven_from_is_taken(extractor: Extractor) -> None:
    (event,) = _events(extractor, "Soldiers ousted the militants from a hilltop hamlet near Orsk.")
    assert event.type == "ArmedClash"
    assert event.acled == "GOV_REGAINS_TERIT"


# Raids that end in arrests ------------------------------------------------------------------


def test_a_police_raid_that_ends_in_arrests_is_the_arrest(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Soldiers raided a farm outside Kessa on Monday and arrested three men suspected of "
        "hiding weapons.",
    )
    assert [(e.type, e.acled) for e in events if e.type != "OrganisedCrime"] == [
        ("Arrest", "ARREST")
    ]
    assert [m.text for m in events[0].mentions] == ["raided", "arrested"]


def test_raids_told_before_the_detentions_are_no_attack(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Police and counter-terrorism officers carried out raids in the northern suburbs of "
        "Lemra early on Tuesday. A police spokesman said four people had been detained.",
    )
    assert events and {e.type for e in events} == {"Arrest"}


def test_a_raid_that_kills_stays_an_attack(extractor: Extractor) -> None:
    """Counterexample: someone was shot dead in the raid."""
    events = _events(
        extractor,
        "Police raided a house in Kessa on Monday, shooting dead two suspects. Three others "
        "were arrested.",
    )
    assert [e.type for e in events] == ["Attack", "Arrest"]
    assert [m.text for m in events[0].mentions] == ["raided", "shooting"]


def test_a_raid_by_gunmen_stays_an_attack_whoever_is_arrested(extractor: Extractor) -> None:
    """Counterexamples: armed men raid, the army arrests them later; or nobody is
    arrested."""
    events = _events(
        extractor,
        "Gunmen raided a village near Kessa overnight. The army later said it had arrested "
        "two of the attackers on Thursday.",
    )
    assert [e.type for e in events] == ["Attack", "Arrest"]
    (event,) = _events(
        extractor, "Militants raided a police post near Kessa on Monday. No arrests were made."
    )
    assert event.type == "ArmedClash"


# A new fight --------------------------------------------------------------------------------


def test_a_gunfight_with_its_own_sides_is_not_the_earlier_clashes(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "The teacher moved to the capital after ethnic clashes in her home province. Her "
        "brother died in a gunfight with police two days after the robbery.",
    )
    fights = [[m.text for m in e.mentions] for e in events if e.type == "ArmedClash"]
    assert fights == [["clashes"], ["gunfight"]]


def test_a_battle_naming_no_side_goes_on_telling_the_clash(extractor: Extractor) -> None:
    """Counterexample: "a fierce battle" right after the clash, with no side of its own."""
    (event,) = _events(
        extractor,
        "Troops clashed with rebels near Goma on Monday. A fierce battle raged for six hours, "
        "witnesses said.",
    )
    assert [m.text for m in event.mentions] == ["clashed", "battle"]


# A headline that runs into its dateline -----------------------------------------------------


def test_a_headline_run_into_its_dateline_is_still_a_headline(extractor: Extractor) -> None:
    """The headline's blasts are the accidental explosions the body tells, although no line
    break ends the headline."""
    events = _events(
        extractor,
        "5 rebels killed in blasts in Norland KORVA, Norland, March 4 (Agency) -- Five rebels "
        "were killed in two accidental explosions at a camp in the hills on Friday, police "
        "said on Saturday.",
    )
    assert {e.type for e in events} == {"Accident"}


def test_a_bomb_blast_headline_run_into_its_dateline_stays_a_bombing(
    extractor: Extractor,
) -> None:
    """Counterexample: the headline names a bomb."""
    events = _events(
        extractor,
        "Bomb blast kills 5 in Norland KORVA, Norland, March 4 (Agency) -- Five soldiers were "
        "killed in two explosions at a camp in the hills on Friday, police said on Saturday.",
    )
    assert {e.type for e in events} == {"Bombing"}


# Invasions ----------------------------------------------------------------------------------


def test_a_state_invading_a_state_is_a_war_act(extractor: Extractor) -> None:
    (event,) = _events(extractor, "Iraq invaded Kuwait in August 1990, and the emir fled.")
    assert _summary(event) == ("ArmedClash", "ARMED_CLASH", ["invaded"])
    assert {a.text for a in event.arguments if a.role == "perpetrator"} == {"Iraq"}


def test_an_invasion_is_found_as_a_verb_of_troops_and_a_noun_of_a_state(
    extractor: Extractor,
) -> None:
    (event,) = _events(extractor, "The family fled when Kessian troops invaded the borderland.")
    assert event.type == "ArmedClash"
    (event,) = _events(extractor, "The 1990 invasion of Kuwait by Iraq shocked the region.")
    assert [m.text for m in event.mentions] == ["invasion"]
    assert {a.text for a in event.arguments if a.role == "perpetrator"} == {"Iraq"}


def test_invading_a_pitch_or_farmland_is_no_war(extractor: Extractor) -> None:
    """Counterexamples: neither the doer is armed nor the object ground."""
    assert _events(extractor, "Fans invaded the pitch after the final whistle.") == []
    assert _events(extractor, "Locusts invaded the region's farmland last summer.") == []
