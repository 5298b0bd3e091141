"""Every one of ACLED's 25 sub-event types is found by the extractor: for each, a sentence
written for this test that must give it and a near miss that must not; and every (class,
ACLED code) the lexicons can give is declared in the ontology."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib.namespace import RDFS, SKOS

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.events.event_classes import class_tree
from conflict_kg.ontologies import CK, CKET, load_ontology

DATA = Path(__file__).resolve().parents[2] / "extract" / "data"

SUB_EVENTS = [
    # (code, class, a sentence that gives it, a near miss that must not)
    (
        "ARMED_CLASH",
        "ArmedClash",
        "Government troops clashed with rebel fighters near the river crossing on Tuesday.",
        "Gunmen shot dead four villagers in their homes on Tuesday.",
    ),
    (
        "GOV_REGAINS_TERIT",
        "ArmedClash",
        "The army recaptured the town of Melka from the rebels after two days of fighting.",
        "Rebels seized the town of Melka from the army on Friday.",
    ),
    (
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "ArmedClash",
        "Rebels seized the town of Melka from the army on Friday.",
        "The army recaptured the town of Melka from the rebels after two days of fighting.",
    ),
    (
        "CHEM_WEAP",
        "ChemicalAttack",
        "Doctors said dozens were treated after a chlorine gas attack on the suburb.",
        "A chlorine leak at the water treatment plant forced residents to leave.",
    ),
    (
        "AIR_STRIKE",
        "AirOrDroneStrike",
        "A drone strike killed three militants in a car on Monday.",
        "The army shot down a drone over the border.",
    ),
    (
        "SUIC_BOMB",
        "Bombing",
        "A suicide bomber blew himself up at a checkpoint, killing five policemen.",
        "A roadside bomb killed five policemen.",
    ),
    (
        "ART_MISS_ATTACK",
        "Shelling",
        "Artillery shells hit a residential area of the city overnight.",
        "Police seized a cache of mortar shells in a warehouse.",
    ),
    (
        "REM_EXPLOS",
        "Bombing",
        "A roadside bomb exploded under a police vehicle, wounding three officers.",
        "A gas cylinder exploded in a restaurant kitchen, injuring three cooks.",
    ),
    (
        "GRENADE",
        "Bombing",
        "An attacker threw a grenade into a crowded bar, wounding eight people.",
        "Police found two grenades in the suspect's house.",
    ),
    (
        "SEX_VIOL",
        "SexualViolence",
        "Militiamen raped two women at a camp for displaced people.",
        "Parliament passed a law against sexual violence.",
    ),
    (
        "ATTACK",
        "Attack",
        "Gunmen shot dead four villagers in their homes on Tuesday.",
        "Troops and rebels exchanged fire for hours near the border.",
    ),
    (
        "ABDUCT_DISSAP",
        "Abduction",
        "Armed men kidnapped a priest from his parish on Sunday.",
        "Police arrested a priest suspected of fraud.",
    ),
    (
        "PEACE_PROTEST",
        "Protest",
        "Hundreds of teachers held a protest outside parliament on Monday.",
        "Police fired tear gas to disperse hundreds of teachers protesting outside parliament.",
    ),
    (
        "PROTEST_WITH_INTER",
        "Protest",
        "Police fired tear gas to disperse hundreds of teachers protesting outside parliament.",
        "Hundreds of teachers held a protest outside parliament on Monday.",
    ),
    (
        "FORCE_AGAINST_PROTEST",
        "Protest",
        "Soldiers fired live rounds at demonstrators in the square, wounding five.",
        "Protesters threw stones at police in the square.",
    ),
    (
        "VIOL_DEMONSTR",
        "Riot",
        "Protesters threw stones at police in the square.",
        "Soldiers fired live rounds at demonstrators in the square, wounding five.",
    ),
    (
        "MOB_VIOL",
        "Riot",
        "An angry mob lynched a man accused of stealing a goat.",
        "Villagers protested peacefully outside the district office.",
    ),
    (
        "AGREEMENT",
        "Agreement",
        "The two factions signed a ceasefire agreement in the capital on Thursday.",
        "Talks between the two factions resumed on Thursday.",
    ),
    (
        "ARREST",
        "Arrest",
        "Police arrested a priest suspected of fraud.",
        "Armed men kidnapped a priest from his parish on Sunday.",
    ),
    (
        "CHANGE_TO_GROUP_ACT",
        "StrategicDevelopment",
        "A rebel commander defected to the government with 200 fighters.",
        "The commander was killed in an ambush.",
    ),
    (
        "DISR_WEAP",
        "DisruptedWeaponsUse",
        "Soldiers defused a bomb planted near a school.",
        "A bomb planted near a school exploded.",
    ),
    (
        "HQ_ESTABLISHED",
        "StrategicDevelopment",
        "The militia established a new base outside the town.",
        "The company opened a new factory outside the town.",
    ),
    (
        "PROPERTY_DISTRUCT",
        "Riot",
        "Fighters pillaged the market and burned down shops.",
        "A fire destroyed several homes in the village after an electrical fault.",
    ),
    (
        "NON_VIOL_TERRIT_TRANSFER",
        "StrategicDevelopment",
        "Rebel forces withdrew from the town, handing it over to the army without a fight.",
        "The army recaptured the town of Melka from the rebels after two days of fighting.",
    ),
    (
        "OTHER",
        "StrategicDevelopment",
        "Authorities imposed a dusk-to-dawn curfew on the city.",
        "Residents complained about the curfew in a letter to the mayor.",
    ),
]


def _typed(extractor: Extractor, text: str) -> set[tuple[str, str | None]]:
    return {(e.type, e.acled) for e in extractor.extract(ArticleInput("t", text)).events}


def test_the_cases_cover_all_twenty_five_sub_events() -> None:
    onto = load_ontology()
    codes = {
        str(onto.value(c, SKOS.notation))
        for c in onto.subjects(SKOS.inScheme, CKET.acled)
        if onto.value(c, SKOS.broader) is not None
    }
    assert len(codes) == 25
    assert {code for code, *_ in SUB_EVENTS} == codes


@pytest.mark.parametrize(
    ("code", "event_class", "text"),
    [(code, cls, text) for code, cls, text, _ in SUB_EVENTS],
    ids=[code for code, *_ in SUB_EVENTS],
)
def test_sentence_gives_the_sub_event(
    extractor: Extractor, code: str, event_class: str, text: str
) -> None:
    assert (event_class, code) in _typed(extractor, text)


@pytest.mark.parametrize(
    ("code", "text"),
    [(code, near_miss) for code, _, _, near_miss in SUB_EVENTS],
    ids=[code for code, *_ in SUB_EVENTS],
)
def test_near_miss_does_not_give_it(extractor: Extractor, code: str, text: str) -> None:
    assert code not in {acled for _, acled in _typed(extractor, text)}


def _lexicon_pairs() -> set[tuple[str, str]]:
    pairs = set()
    for name in ("frames.jsonl", "weapons.jsonl"):
        for line in (DATA / name).read_text().splitlines():
            record = json.loads(line)
            if record.get("acled"):
                pairs.add((record["class"], record["acled"]))
    return pairs


def test_every_class_and_code_the_extractor_writes_is_declared_in_the_ontology() -> None:
    """A (class, ACLED code) a lexicon line or the subevent stage gives, with the class the
    code makes of it, is mapped in the ontology: the class or a superclass matches the code's
    concept (skos:closeMatch, narrowMatch, broadMatch or relatedMatch)."""
    onto = load_ontology()
    tree = class_tree()
    produced = _lexicon_pairs() | {
        ("Riot", "PROPERTY_DISTRUCT"),
        ("Protest", "FORCE_AGAINST_PROTEST"),
        ("Protest", "PROTEST_WITH_INTER"),
        ("Arrest", "PROTEST_WITH_INTER"),
        ("Riot", "VIOL_DEMONSTR"),
        ("ArmedClash", "ARMED_CLASH"),
        ("ArmedClash", "GOV_REGAINS_TERIT"),
    }
    assert len(produced) >= 25
    matches = (SKOS.closeMatch, SKOS.narrowMatch, SKOS.broadMatch, SKOS.relatedMatch)
    for cls, code in produced:
        coded = tree.coded_class(cls, code)
        chain = [CK[coded], *onto.transitive_objects(CK[coded], RDFS.subClassOf)]
        assert any((c, p, CKET[code]) in onto for c in chain for p in matches), (coded, code)
    assert tree.coded_class("Attack", "CHEM_WEAP") == "ChemicalAttack"
    assert tree.coded_class("Attack", "SEX_VIOL") == "SexualViolence"
    assert tree.coded_class("Attack", "ATTACK") == "Attack"
    assert tree.coded_class("Bombing", "GRENADE") == "Bombing"
