"""The frame lexicon (extract/data/frames.jsonl) and its reader (extract/roles/frames.py), on
sentences written for the tests: a trigger word is a line of data, and one reader finds its
roles in actives, passives, relative clauses, participles, coordination, control, support
verbs and what a speaker says of itself."""

from __future__ import annotations

import json

import pytest

from conflict_kg.extract import ArticleInput, Extractor, load_lexicon
from conflict_kg.extract.nlp import TRIGGERS_KEY
from conflict_kg.extract.roles.frames import fillers

INVENTED_FRAME = json.dumps(
    {
        "frame": "Zorbling",
        "class": "Attack",
        "acled": "ATTACK",
        "verbs": ["zorble"],
        "nouns": ["zorblement"],
        "verb_roles": {
            "subject": "perpetrator",
            "object": "victim",
            "passive_subject": "victim",
            "agent": "perpetrator",
        },
        "noun_roles": {"possessor": "perpetrator", "of": "victim"},
    }
)
"""A frame for a verb no dictionary has, so that only the line can make it a trigger."""


@pytest.fixture(scope="module")
def zorbling() -> Extractor:
    return Extractor(extra_frames=[INVENTED_FRAME])


def _arguments(extractor: Extractor, text: str) -> list[tuple[str, str, set[tuple[str, str]]]]:
    result = extractor.extract(ArticleInput("t", text))
    return [
        (e.type, e.trigger.text, {(a.role, a.text) for a in e.arguments}) for e in result.events
    ]


def test_a_frame_line_makes_an_invented_verb_a_trigger_with_its_roles(zorbling: Extractor) -> None:
    (active,) = _arguments(zorbling, "Hamas fighters zorbled three soldiers near Rafah on Tuesday.")
    assert active[1] == "zorbled"
    assert ("perpetrator", "Hamas fighters") in active[2]
    assert ("victim", "soldiers") in active[2]
    (passive,) = _arguments(zorbling, "Three soldiers were zorbled by Hezbollah on Tuesday.")
    assert {("victim", "soldiers"), ("perpetrator", "Hezbollah")} <= passive[2]


def test_without_the_line_the_invented_verb_is_no_trigger(extractor: Extractor) -> None:
    assert (
        _arguments(extractor, "Hamas fighters zorbled three soldiers near Rafah on Tuesday.") == []
    )


def test_frame_lines_with_an_unknown_slot_or_role_are_refused() -> None:
    bad_slot = json.dumps(
        {"frame": "X", "class": "Attack", "verbs": ["x"], "verb_roles": {"Subj": "perpetrator"}}
    )
    bad_role = json.dumps(
        {"frame": "X", "class": "Attack", "verbs": ["x"], "verb_roles": {"subject": "hero"}}
    )
    with pytest.raises(ValueError, match="unknown slot 'Subj'"):
        load_lexicon((bad_slot,))
    with pytest.raises(ValueError, match="unknown role 'hero'"):
        load_lexicon((bad_role,))


def test_a_line_without_roles_takes_its_frames() -> None:
    line = json.dumps({"frame": "Attack", "class": "Attack", "acled": "ATTACK", "verbs": ["zap"]})
    lexicon = load_lexicon((line,))
    zap = lexicon.verb_frames["zap"]
    assert zap.verb_roles["subject"] == "perpetrator"
    assert zap.verb_roles["object"] == "target"
    # every trigger word of the lexicon comes from frames.jsonl, one list
    assert lexicon.verb_frames["kill"].frame == "Killing"
    assert lexicon.verb_frames["kill"].verb_roles["object"] == "victim"


def _slots(extractor: Extractor, text: str, trigger: str) -> set[tuple[str, str]]:
    doc = extractor.nlp(text)
    (head,) = [t for t in doc if t.text == trigger]
    frame = load_lexicon().verb_frames["attack"]
    return {(f.slot, f.phrase.text) for f in fillers(head, frame)}


def test_the_reader_shares_subjects_in_coordination_and_control(extractor: Extractor) -> None:
    assert ("subject", "forces") in _slots(
        extractor, "Government forces shelled and bombed the town overnight.", "bombed"
    )
    assert ("subject", "fighters") in _slots(
        extractor, "Rebel fighters tried to storm the prison on Thursday.", "storm"
    )
    # a verb with its own subject keeps it: no borrowing across two clauses
    slots = _slots(
        extractor, "Rebels shelled the town and the army attacked the rebels' camp.", "attacked"
    )
    assert ("subject", "army") in slots
    assert ("subject", "Rebels") not in slots


def test_the_reader_reads_relative_clauses_and_participles(extractor: Extractor) -> None:
    assert ("subject", "gunmen") in _slots(
        extractor, "The gunmen who stormed the hotel fled in a car.", "stormed"
    )
    # whom a relative clause is about was attacked: it is the passive subject, no attacker
    attacked = _slots(
        extractor, "The soldiers who were attacked on Monday have recovered.", "attacked"
    )
    assert ("passive_subject", "soldiers") in attacked
    assert not any(slot == "subject" for slot, _ in attacked)
    assert ("passive_subject", "man") in _slots(
        extractor, "A man shot by police on Tuesday died in hospital.", "shot"
    )


def test_a_support_verb_gives_the_attack_noun_its_author(extractor: Extractor) -> None:
    (event,) = _arguments(
        extractor,
        "Hayat Tahrir al-Sham carried out an attack on an army checkpoint near Idlib on Monday.",
    )
    assert ("perpetrator", "Hayat Tahrir al-Sham") in event[2]
    # condemning an attack is no carrying it out
    (condemned,) = _arguments(
        extractor,
        "Hayat Tahrir al-Sham condemned the attack on an army checkpoint near Idlib on Monday.",
    )
    assert not any(role == "perpetrator" for role, _ in condemned[2])


def test_a_relative_clause_of_harm_on_an_attack_noun_names_victims(extractor: Extractor) -> None:
    (event,) = _arguments(
        extractor, "A blast which injured nine people ripped through a market in Quetta on Friday."
    )
    assert ("victim", "people") in event[2]


def test_it_in_what_a_group_said_is_the_group(extractor: Extractor) -> None:
    text = (
        "A bomb exploded at a crowded market in Peshawar on Friday, killing nine people. "
        "The Pakistani Taliban later said it had carried out the bombing."
    )
    (event,) = _arguments(extractor, text)
    assert ("perpetrator", "Pakistani Taliban") in event[2]
    # "the group" that says so is the armed group named before it
    text = (
        "A bomb exploded at a bus station in Jalalabad on Friday, killing nine people. "
        "Jaish al-Adl posted a statement on its website. "
        "The group said it had carried out the bombing."
    )
    (event,) = extractor.extract(ArticleInput("t", text)).events
    assert {a.entity for a in event.arguments if a.role == "perpetrator"} == {"jaish-al-adl"}


def test_they_in_quoted_words_is_not_the_speaker(extractor: Extractor) -> None:
    text = '"They attacked our homes at night," the mayor of Rafah said on Sunday.'
    events = _arguments(extractor, text)
    (roles,) = [roles for _, trigger, roles in events if trigger == "attacked"]
    assert not any(role == "perpetrator" for role, _ in roles)


def test_killing_and_harming_words_are_triggers_with_victims(extractor: Extractor) -> None:
    (butchered,) = _arguments(
        extractor, "Militiamen butchered four villagers near a well outside Kadugli on Saturday."
    )
    assert butchered[1] == "butchered"
    assert ("victim", "villagers") in butchered[2]
    (murder,) = _arguments(
        extractor, "The murder of Judge Amos Okello in Tororo on Monday shocked the town."
    )
    assert ("victim", "Judge Amos Okello") in murder[2]
    (stabbed,) = _arguments(
        extractor, "Rebels stabbed two villagers at a market in Bunia on Friday."
    )
    # the people stabbed are victims; the market is where, not whom, they were stabbed
    assert ("victim", "villagers") in stabbed[2]
    assert not any(role == "target" for role, _ in stabbed[2])


def test_killing_words_in_another_sense_or_unreal_are_no_events(extractor: Extractor) -> None:
    assert (
        _arguments(extractor, "He would butcher a goat for the feast, his neighbours said.") == []
    )
    # "murder" as a verb is the verb's trigger only, not also the noun's
    doc = extractor.nlp("Gunmen murder a farmer and flee.")
    rows = load_lexicon().triggers
    spans = [s for s in doc.spans[TRIGGERS_KEY] if s.text == "murder"]
    assert spans
    assert all("murder" in rows[int(s.id_)].verbs for s in spans)


def test_an_invasion_is_told_by_armed_invaders_only(extractor: Extractor) -> None:
    (invaded,) = _arguments(extractor, "Russian troops invaded the village of Dumba on Sunday.")
    assert invaded[0] == "ArmedClash"
    assert _arguments(extractor, "Tourists invaded the beaches of Mombasa on Sunday.") == []


LEAD = "Gunmen attacked a police post in Tillaberi on Monday, killing four officers. "


def _perpetrators(extractor: Extractor, text: str) -> set[str]:
    (event,) = extractor.extract(ArticleInput("t", text)).events
    return {a.entity for a in event.arguments if a.role == "perpetrator"}


@pytest.mark.parametrize(
    "later",
    [
        "The attackers, members of Islamic State Sahel Province, fled on motorbikes.",
        "Islamic State Sahel Province said in a statement that its fighters had attacked the post.",
        "In a statement, Islamic State Sahel Province said they had carried it out.",
    ],
)
def test_a_later_sentence_names_who_did_it(extractor: Extractor, later: str) -> None:
    assert "islamic-state-sahel-province" in _perpetrators(extractor, LEAD + later)


def test_a_group_named_as_habitual_attackers_is_not_the_incidents(extractor: Extractor) -> None:
    later = "Attackers from Islamic State Sahel Province often raid villages in the region."
    assert "islamic-state-sahel-province" not in _perpetrators(extractor, LEAD + later)


def test_the_name_of_a_crime_is_no_incident(extractor: Extractor) -> None:
    """Counterexample to "the murder of X": the crime in general ("murder rates", "charged
    with homicide") names no act."""
    assert _arguments(extractor, "Murder rates in the country have fallen, the report said.") == []
    assert _arguments(extractor, "The two men were charged with homicide on Monday.") == []


def test_vehicles_and_houses_attacked_are_targets(extractor: Extractor) -> None:
    (stormed,) = _arguments(extractor, "Commandos stormed the house of a judge in San Pedro.")
    assert ("target", "house") in stormed[2]
    assert ("perpetrator", "Commandos") in stormed[2]
    (bus,) = _arguments(extractor, "Militants attacked a bus on the road to Santa Rita.")
    assert ("target", "bus") in bus[2]


def test_a_vehicle_where_a_bomb_went_off_is_no_target(extractor: Extractor) -> None:
    (event,) = _arguments(extractor, "A bomb exploded near a bus on the road to Santa Rita.")
    assert not any(role == "target" for role, _ in event[2])
