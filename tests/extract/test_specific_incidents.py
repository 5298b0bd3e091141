"""Specific incidents only (issue 15, item 3): generic, habitual, plural-background, negated,
future, hypothetical and conditional mentions yield no event, while an incident stated
plainly still does. Every article here is invented for the test."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction

VIOLENT = frozenset(
    {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination",
     "Abduction", "Riot"}
)  # fmt: skip


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _types(extraction: Extraction) -> list[str]:
    return [e.type for e in extraction.events]


def test_an_analysis_piece_reports_no_incident(extractor: Extractor) -> None:
    text = (
        "Why the truce in the hills keeps breaking down\n"
        "Analysts say ambushes on supply convoys have doubled over the past decade, and "
        "kidnappings of engineers remain a constant risk in the province.\n"
        "Raids of that kind are common near the border, where militias often attack "
        "checkpoints.\n"
        "If the militias attack the provincial capital, the army would strike back, a retired "
        "colonel warned. The governor has proposed talks with the militia leaders.\n"
    )
    types = _types(_run(extractor, text))
    assert not VIOLENT & set(types), types
    assert "Meeting" not in types, "a proposal of talks is no meeting"


def test_wire_copy_keeps_its_incident_and_drops_the_background(extractor: Extractor) -> None:
    text = (
        "KORVANE, Feb 9 (Reuters) - Gunmen shot dead a village elder in Korvane on Tuesday, "
        "police said.\n"
        "Police did not detain anyone. Officials said the gunmen could attack other elders in "
        "the coming weeks.\n"
        "Killings of that kind are rare in the district.\n"
    )
    result = _run(extractor, text)
    violent = [e for e in result.events if e.type in VIOLENT]
    assert [e.trigger.text for e in violent] == ["shot"]
    assert [m.text for m in violent[0].mentions] == ["shot"], "'could attack' joined the event"
    assert "Arrest" not in _types(result), "a negated detention is no arrest"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Police did not arrest anyone after the march.", "Arrest"),
        ("No one was abducted from the camp, the governor said.", "Abduction"),
        ("The rebels are going to attack the garrison.", "violent"),
        ("The militia plans to bomb the bridge over the river.", "violent"),
        ("Any attack on the dam would flood the valley.", "violent"),
        ("If the guerrillas shell the town, the army will respond.", "violent"),
        ("The army will launch an offensive against the rebels.", "violent"),
        ("Insurgents often ambush convoys on this road.", "violent"),
        ("Bombings have become rarer in the capital over the past decade.", "violent"),
        ("Such raids are common in the northern districts.", "violent"),
        ("The envoy proposed talks between the two factions.", "Meeting"),
        ("The opposition called for talks with the government.", "Meeting"),
        ("The opposition called for a truce and peace talks.", "Meeting"),
        ("Aid workers fear new attacks on the camps.", "violent"),
        ("The bomb failed to detonate, police said.", "violent"),
        ("The group used to attack convoys on this road.", "violent"),
    ],
)
def test_mentions_that_report_no_incident(extractor: Extractor, text: str, absent: str) -> None:
    types = set(_types(_run(extractor, text)))
    if absent == "violent":
        assert not types & VIOLENT, types
    else:
        assert absent not in types, types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants attacked a police post in Daramsk on Sunday, killing two officers.",
         "attacked"),
        ("Rebels may have shelled the market on Friday, officials said.", "shelled"),
        ("Air strikes hit rebel positions near Tarnak on Friday, a monitoring group said.",
         "Air strikes"),
        ("Two attackers blow themselves up outside a court in the city.", "blow themselves up"),
        ("Gunmen kill 12 in village raid\nGunmen killed 12 villagers in a night raid on "
         "Daramsk on Sunday.", "kill"),
        ("Militants tried to storm a police station but were repelled.", "storm"),
        ("Heavy clashes have erupted in the city since Friday, residents said.", "clashes"),
    ],
)  # fmt: skip
def test_a_specific_incident_stated_plainly_is_still_an_event(
    extractor: Extractor, text: str, expected: str
) -> None:
    events = [e for e in _run(extractor, text).events if e.type in VIOLENT]
    assert [e.trigger.text for e in events] == [expected]


def test_a_definite_incident_keeps_its_mentions_whatever_the_mood_of_their_clause(
    extractor: Extractor,
) -> None:
    """ "The attack could be a warning": the attack happened; only the comment is modal."""
    text = (
        "A car bomb exploded outside the ministry on Monday. The attack could be a warning "
        "to the government, analysts said."
    )
    (event,) = _run(extractor, text).events
    assert event.type == "Bombing"
    assert [m.text for m in event.mentions] == ["exploded", "attack"]


def test_a_compound_names_a_known_incident(extractor: Extractor) -> None:
    """ "the bombing suspect" speaks of a bombing that happened; "attack plans" of none."""
    known = _run(extractor, "Police arrested the bombing suspect in Harlowe on Monday.")
    assert "Bombing" in _types(known)
    planned = _run(extractor, "Police found attack plans in a flat in Harlowe on Monday.")
    assert not set(_types(planned)) & VIOLENT


def test_a_purpose_clause_is_as_real_as_what_was_done(extractor: Extractor) -> None:
    """ "marched to protest": the march is the protest; "plans to march to protest": none."""
    done = _run(extractor, "Thousands of people marched through the city to protest the law.")
    assert "Protest" in _types(done)
    planned = _run(extractor, "Unions plan to march through the city to protest the law.")
    assert "Protest" not in _types(planned)


def test_a_follow_up_in_the_present_still_names_its_incidents(extractor: Extractor) -> None:
    """A trial report speaks of past incidents in the present tense: they stay events, while
    a record over years in the same tense is background."""
    trial = _run(
        extractor,
        "The man is charged with bombings in Harlowe and an attack on a police station.",
    )
    assert {"Bombing"} <= set(_types(trial)) and len(set(_types(trial)) & VIOLENT) == 2
    record = _run(extractor, "The province has been the target of frequent bombings for years.")
    assert not set(_types(record)) & VIOLENT
