"""Events that are not political violence: accidents, natural disasters, epidemics, organised
crime, diplomatic sanctions and claims of responsibility (extract/events/senses.py, the trigger
lexicon, extract/events/mentions.py), and the negative cases that must stay attacks.

Every sentence here is invented for the test."""

from __future__ import annotations

import pytest
from rdflib import RDF

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event, Extraction
from conflict_kg.extract.triples import article_graph
from conflict_kg.graph.validate import validate_graph
from conflict_kg.ontologies import CK, CKID


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("t", text, title="Test report"))


def _typed(result: Extraction) -> list[tuple[str, str | None, str]]:
    return [(e.type, e.acled, e.trigger.text) for e in result.events]


def _only(result: Extraction, event_class: str) -> Event:
    (event,) = [e for e in result.events if e.type == event_class]
    return event


# --------------------------------------------------------------------------- accidents


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Five workers were hurt when a storage tank exploded at a fertiliser plant.", "exploded"),
        ("A furnace at the steel mill blew up on Tuesday night, injuring two men.", "blew up"),
        ("Nine people died when a fireworks depot exploded outside the town.", "exploded"),
        ("An explosion at a paint factory injured eleven employees on Friday.", "explosion"),
        ("One man was hurt as the gas cylinder in his kitchen exploded.", "exploded"),
    ],
)
def test_an_industrial_explosion_is_an_accident(
    extractor: Extractor, text: str, trigger: str
) -> None:
    assert _typed(_run(extractor, text)) == [("Accident", None, trigger)]


def test_the_explosion_after_an_accidental_one_is_the_same_accident(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "Two workers were hurt when a boiler at a textile plant exploded on Monday. "
        "The explosion was heard across the valley.",
    )
    (accident,) = result.events
    assert accident.type == "Accident"
    assert [m.text for m in accident.mentions] == ["exploded", "explosion"]


def test_a_later_blast_elsewhere_is_not_the_accident(extractor: Extractor) -> None:
    """An accidental explosion colours only the next definite "the blast" that refers back
    to it, not one set on another day or at another place."""
    result = _run(
        extractor,
        "A gas tanker exploded on the highway on Monday. "
        "On Tuesday the blast at the army checkpoint killed four soldiers.",
    )
    assert [(e.type, e.trigger.text) for e in result.events] == [
        ("Accident", "exploded"),
        ("Bombing", "blast"),
    ]
    assert ("victim", "soldiers") in {(a.role, a.text) for a in result.events[1].arguments}


def test_an_explosion_during_a_crash_or_a_fire_is_part_of_the_accident(
    extractor: Extractor,
) -> None:
    crash = _run(
        extractor, "A lorry driver was hurt in a collision and explosion at the toll gate."
    )
    (accident,) = crash.events
    assert (accident.type, [m.text for m in accident.mentions]) == (
        "Accident",
        ["collision", "explosion"],
    )
    fire = _run(extractor, "Several propane bottles exploded during a fire in a barn.")
    assert [e.type for e in fire.events] == ["Accident"]


def test_a_bomb_at_a_factory_stays_a_bombing(extractor: Extractor) -> None:
    bomb = _run(
        extractor, "A bomb exploded at a textile factory in the city, killing three guards."
    )
    assert _typed(bomb) == [("Bombing", "REM_EXPLOS", "exploded")]
    militants = _run(extractor, "Militants blew up a gas pipeline near the border on Sunday.")
    assert [(e.type, e.acled) for e in militants.events] == [("Bombing", "REM_EXPLOS")]
    plain = _run(extractor, "A powerful explosion hit a crowded market in the capital.")
    assert [(e.type, e.acled) for e in plain.events] == [("Bombing", "REM_EXPLOS")]


@pytest.mark.parametrize(
    "text",
    [
        "A Ukrainian tank exploded after hitting a mine near the river crossing.",
        "An explosion destroyed a Russian tank outside the village.",
        "A roadside explosion hit an oil tanker convoy escorted by troops.",
        "A tanker truck exploded at a checkpoint after being hit by gunfire.",
    ],
)
def test_a_tank_or_tanker_exploding_in_war_is_a_bombing(extractor: Extractor, text: str) -> None:
    types = [(e.type, e.acled) for e in _run(extractor, text).events]
    assert ("Bombing", "REM_EXPLOS") in types
    assert "Accident" not in [t for t, _ in types]


def test_what_a_tank_holds_still_makes_it_industrial(extractor: Extractor) -> None:
    result = _run(extractor, "A fuel tank exploded at a bus depot, injuring two mechanics.")
    assert _typed(result) == [("Accident", None, "exploded")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fire at the refinery was started by militants.", ("Riot", "PROPERTY_DISTRUCT")),
        (
            "Officials blamed militants for the fire that destroyed the warehouse.",
            ("Riot", "PROPERTY_DISTRUCT"),
        ),
        (
            "A Russian drone crashed into an apartment block in Kyiv.",
            ("AirOrDroneStrike", "AIR_STRIKE"),
        ),
        ("A military helicopter crashed after being hit by rebel fire.", ("Attack", "ATTACK")),
    ],
)
def test_a_fire_or_crash_an_attacker_caused_is_no_accident(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    assert [(e.type, e.acled) for e in _run(extractor, text).events] == [expected]


def test_a_deadly_arson_is_an_attack_with_its_perpetrator(extractor: Extractor) -> None:
    (event,) = _run(extractor, "Ten people died in a fire set by militants.").events
    assert event.type in ("Attack", "ArmedClash")
    assert ("perpetrator", "militants") in {(a.role, a.text) for a in event.arguments}


def test_fighters_who_die_in_a_crash_do_not_make_it_an_attack(extractor: Extractor) -> None:
    crash = _run(extractor, "Three militants died when their car crashed on the highway.")
    assert _typed(crash) == [("Accident", None, "crashed")]
    truck = _run(extractor, "A military truck crashed near the border, killing two soldiers.")
    assert _typed(truck) == [("Accident", None, "crashed")]


def test_a_bomb_going_off_in_its_makers_hands_is_a_bombing(extractor: Extractor) -> None:
    premature = _run(
        extractor,
        "Two militants were killed when the bomb they were planting exploded accidentally.",
    )
    assert [(e.type, e.acled) for e in premature.events] == [("Bombing", "REM_EXPLOS")]
    kitchen = _run(extractor, "A gas cylinder exploded accidentally in a restaurant kitchen.")
    assert _typed(kitchen) == [("Accident", None, "exploded")]


def test_arson_by_militants_stays_property_destruction(extractor: Extractor) -> None:
    result = _run(extractor, "Militants set fire to a school in the village overnight.")
    assert _typed(result) == [("Riot", "PROPERTY_DISTRUCT", "set fire to")]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Chlorine gas leaked from a water treatment plant, sending 30 people to hospital.",
         "Chlorine gas"),
        ("Residents were evacuated after a toxic gas leak at the fertiliser factory.",
         "toxic gas"),
        ("A tanker spilled crude oil off the northern coast on Monday.", "spilled"),
    ],
)  # fmt: skip
def test_a_leak_is_an_accident_not_a_chemical_attack(
    extractor: Extractor, text: str, trigger: str
) -> None:
    assert _typed(_run(extractor, text)) == [("Accident", None, trigger)]


def test_a_leaked_document_and_a_market_crash_are_no_accidents(extractor: Extractor) -> None:
    assert _typed(_run(extractor, "The newspaper leaked the report to opposition lawmakers.")) == []
    assert _typed(_run(extractor, "The stock market crash wiped out their savings.")) == []


def test_a_chemical_attack_stays_a_chemical_attack(extractor: Extractor) -> None:
    result = _run(extractor, "Government aircraft dropped chlorine gas on the rebel-held town.")
    assert ("ChemicalAttack", "CHEM_WEAP") in {(e.type, e.acled) for e in result.events}


def test_crashes_collisions_and_fires_are_accidents(extractor: Extractor) -> None:
    crash = _run(extractor, "Two people died in a collision between a bus and a truck.")
    assert _typed(crash) == [("Accident", None, "collision")]
    fire = _run(extractor, "A fire broke out in a garment warehouse on Saturday night.")
    assert _typed(fire) == [("Accident", None, "fire broke out")]
    blaze = _run(extractor, "Three children died in a fire at their apartment block.")
    assert _typed(blaze) == [("Accident", None, "fire")]
    gunfire = _run(extractor, "The convoy came under fire near the checkpoint.")
    assert "Accident" not in [e.type for e in gunfire.events]


# --------------------------------------------------------------------------- natural hazards


def test_an_earthquake_that_struck_is_no_attack(extractor: Extractor) -> None:
    result = _run(extractor, "A powerful earthquake struck the coastal province, killing 12.")
    assert _typed(result) == [("NaturalDisaster", None, "earthquake")]
    storm = _run(extractor, "A cyclone and a tidal surge hit the delta on Sunday.")
    assert [e.type for e in storm.events] == ["NaturalDisaster"]


def test_a_storm_of_rockets_is_shelling_not_a_storm(extractor: Extractor) -> None:
    result = _run(extractor, "A storm of rockets struck the city overnight.")
    assert [(e.type, e.acled) for e in result.events] == [("Shelling", "ART_MISS_ATTACK")]
    assert _typed(_run(extractor, "A cyclone of violence hit the region.")) == []
    quake = _run(extractor, "An earthquake of magnitude 6.1 struck the province.")
    assert _typed(quake) == [("NaturalDisaster", None, "earthquake")]


def test_a_battle_against_wildfires_is_no_armed_clash(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "Firefighters were losing their battle to contain the forest fires near the resort.",
    )
    assert _typed(result) == [("NaturalDisaster", None, "forest fires")]
    battle = _run(extractor, "Rebels and soldiers fought a fierce battle for the hilltop town.")
    assert [e.type for e in battle.events] == ["ArmedClash"]


def test_floods_and_epidemics(extractor: Extractor) -> None:
    flood = _run(extractor, "Floods forced 2,000 families from their homes in the river valley.")
    assert _typed(flood) == [("NaturalDisaster", None, "Floods")]
    outbreak = _run(extractor, "A cholera outbreak has spread through the refugee camp.")
    assert _typed(outbreak) == [("Epidemic", None, "cholera outbreak")]


# --------------------------------------------------------------------------- organised crime


def test_smuggling_rackets_and_drug_seizures_are_organised_crime(extractor: Extractor) -> None:
    seizure = _run(extractor, "Police seized 40 kilograms of heroin hidden in a lorry.")
    assert _typed(seizure) == [("OrganisedCrime", None, "seized")]
    racket = _run(extractor, "Shopkeepers said the gang ran an extortion racket in the market.")
    assert _typed(racket) == [("OrganisedCrime", None, "extortion")]
    smuggling = _run(extractor, "The coast guard stopped a fuel smuggling operation at dawn.")
    assert [e.type for e in smuggling.events] == ["OrganisedCrime"]


def test_a_gang_is_an_actor_not_an_event(extractor: Extractor) -> None:
    clash = _run(extractor, "The army clashed with a criminal gang near the port.")
    assert [e.type for e in clash.events] == ["ArmedClash"]
    attack = _run(extractor, "Gunmen from an armed gang attacked the village at night.")
    assert [(e.type, e.trigger.text) for e in attack.events] == [("Attack", "attacked")]


def test_a_weapons_seizure_stays_a_disrupted_weapons_use(extractor: Extractor) -> None:
    result = _run(extractor, "Soldiers seized nine pistols and two rifles in the raid's aftermath.")
    assert ("DisruptedWeaponsUse", "DISR_WEAP") in {(e.type, e.acled) for e in result.events}
    assert "OrganisedCrime" not in [e.type for e in result.events]


# --------------------------------------------------------------------------- diplomacy


def test_expelling_diplomats_and_closing_a_consulate_are_sanctions(extractor: Extractor) -> None:
    result = _run(extractor, "The government expelled four diplomats and shut the consulate.")
    assert [(e.type, e.acled) for e in result.events] == [("Sanction", None)]
    closure = _run(extractor, "Ministers announced the closure of the embassy in the capital.")
    assert _typed(closure) == [("Sanction", None, "closure")]


def test_expelled_students_and_a_closed_road_are_no_sanctions(extractor: Extractor) -> None:
    assert _typed(_run(extractor, "The university expelled three students last week.")) == []
    assert _typed(_run(extractor, "The council closed the bridge for repairs.")) == []


def test_closing_ones_own_embassy_is_no_sanction(extractor: Extractor) -> None:
    own = "The United States closed its embassy in Kabul as the Taliban advanced."
    assert _typed(_run(extractor, own)) == []
    other = _run(extractor, "The United States closed the Russian consulate in Seattle.")
    assert [e.type for e in other.events] == ["Sanction"]


# --------------------------------------------------------------------------- attribution


def test_a_claimed_bombing_keeps_its_bombing_and_perpetrator(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "The Northern Brigade claimed responsibility for the car bombing in Mosul that killed "
        "nine people.",
    )
    claim, bombing = result.events
    assert (claim.type, claim.acled, claim.trigger.text) == (
        "ClaimOfResponsibility",
        None,
        "claimed responsibility",
    )
    assert (bombing.type, bombing.acled) == ("Bombing", "REM_EXPLOS")
    assert claim.concerns == bombing.id
    assert ("participant", "northern-brigade") in {(a.role, a.entity) for a in claim.arguments}
    assert ("perpetrator", "northern-brigade") in {(a.role, a.entity) for a in bombing.arguments}


def test_suspicion_and_accusation_are_attribution(extractor: Extractor) -> None:
    suspected = _run(
        extractor, "Local militants are suspected to be behind the blast at the bus station."
    )
    claim = _only(suspected, "ClaimOfResponsibility")
    assert claim.concerns == _only(suspected, "Bombing").id
    accused = _run(extractor, "The army rejected accusations of shelling the village school.")
    assert _only(accused, "ClaimOfResponsibility").concerns == _only(accused, "Shelling").id
    crime = _run(extractor, "The mayor was accused of taking bribes from a builder.")
    assert "ClaimOfResponsibility" not in [e.type for e in crime.events]


def test_a_claim_nobody_made_is_no_claim(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "A roadside bomb exploded near a patrol. No group claimed responsibility for the attack.",
    )
    assert [e.type for e in result.events] == ["Bombing"]
    denied = _run(extractor, "The group did not claim responsibility for the kidnapping.")
    assert "ClaimOfResponsibility" not in [e.type for e in denied.events]


def test_a_threat_to_attack_is_no_attack(extractor: Extractor) -> None:
    result = _run(extractor, "The militia threatened to raid the airport if the talks failed.")
    assert [e.type for e in result.events if e.type in ("Attack", "ArmedClash")] == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Militants tried to storm a police station but were repelled.", "storm"),
        ("Insurgents sought to attack the base before dawn.", "attack"),
    ],
)
def test_an_attempted_attack_is_an_attack(extractor: Extractor, text: str, trigger: str) -> None:
    (event,) = _run(extractor, text).events
    assert (event.type, event.acled, event.trigger.text) == ("ArmedClash", "ARMED_CLASH", trigger)


# --------------------------------------------------------------------------- graph


def test_an_article_graph_with_the_new_classes_validates(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "The Northern Brigade claimed responsibility for the car bombing in Mosul. "
        "Separately, a storage tank exploded at a chemical plant near Basra. "
        "A strong earthquake struck the mountains on Monday. "
        "Police seized 12 kilograms of cocaine at the port. "
        "The government expelled two diplomats.",
    )
    assert [e.type for e in result.events] == [
        "ClaimOfResponsibility",
        "Bombing",
        "Accident",
        "NaturalDisaster",
        "OrganisedCrime",
        "Sanction",
    ]
    _, graph = article_graph(result)
    assert validate_graph(graph) == []
    claim, bombing = (CKID[f"incident/{e.id}"] for e in result.events[:2])
    assert (claim, CK.concerns, bombing) in graph
    assert (claim, RDF.type, CK.ClaimOfResponsibility) in graph
    accident = CKID[f"incident/{result.events[2].id}"]
    assert (accident, RDF.type, CK.Accident) in graph
    assert list(graph.objects(accident, CK.acledSubEventType)) == []


@pytest.mark.parametrize(
    ("denial", "group"),
    [
        ("Islamic State denied any role in the attack.", "Islamic State"),
        ("Islamic State denied responsibility.", "Islamic State"),
        ("The Taliban denied any involvement.", "Taliban"),
    ],
)
def test_a_denial_is_a_denied_perpetrator_not_a_claim(
    extractor: Extractor, denial: str, group: str
) -> None:
    text = f"A bomb exploded at a checkpoint in Kirkuk on Monday. {denial}"
    (bombing,) = _run(extractor, text).events
    assert bombing.type == "Bombing"
    perpetrators = [(a.text, a.certainty) for a in bombing.arguments if a.role == "perpetrator"]
    assert perpetrators == [(group, "denied")]
