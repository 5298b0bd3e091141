"""Within-article event coreference (issue 15): one incident, one event, whatever the style.

Every article here is invented. Each behaviour has a story that must merge and a
counterexample that must not: two attacks on different days or in different towns, a
bombing and the arrest that followed it, a separate attack, an incident set before another.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Literal

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event, Extraction
from conflict_kg.extract.triples import article_graph
from conflict_kg.graph.validate import validate_graph
from conflict_kg.ontologies import CK, PROV, RDF
from tests.support import run_cli

DRONE = (
    "Drone attack on provincial governor kills two guards\n"
    "DHAMAR, Yemen, March 4 (Agency) - An armed drone struck the convoy of Dhamar governor "
    "Faisal al-Mahdi on Tuesday, killing two of his guards, security officials said.\n"
    "The governor survived the assassination attempt with minor injuries and was taken to "
    "hospital.\n"
    "Local officials said the strike was the first on an official in the province this year.\n"
)
CLASH = (
    "Soldiers and rebels fight all day near Tessalit\n"
    "BAMAKO, June 12 (Agency) - Malian soldiers clashed with fighters of the Islamic State "
    "Sahel Province outside the northern town of Tessalit on Saturday, the army said.\n"
    "Troops battled the militants from dawn until nightfall and exchanged fire with them "
    "along the road to the airport.\n"
    "Fourteen people were killed in the fighting, including three soldiers, a military "
    "source said.\n"
)
FOLLOW_UP = (
    "The death toll from Sunday's suicide bombing at a wedding hall in Kabul rose to 63 on "
    "Tuesday, health officials said.\n"
    "The attack, claimed by Islamic State, was the deadliest in the capital this year. The "
    "bomber blew himself up among the guests.\n"
)
TWO_DAYS = (
    "Gunmen attacked a police checkpoint in Hawija on Monday, killing two policemen, "
    "officials said.\n"
    "On Wednesday, gunmen attacked an army patrol in Hawija, wounding three soldiers.\n"
)
TWO_TOWNS = (
    "KIRKUK, Iraq, May 9 (Agency) - A roadside bomb exploded near an army patrol in Daquq, "
    "wounding three soldiers, police said.\n"
    "A second bomb exploded near a market in Tuz Khurmatu, killing a civilian.\n"
)
ARREST = (
    "Police arrest suspect over bus station bombing\n"
    "KANO, Nigeria, Oct 3 (Agency) - Police in Kano said on Thursday they had arrested a man "
    "suspected of planting the bomb that killed six people at a bus station on Sunday.\n"
    "The bombing also wounded 20 people. The suspect was detained at a checkpoint on the "
    "edge of the city, a police spokesman said.\n"
)
SEPARATE = (
    "Gunmen stormed the village of Kadawa in Zamfara state on Friday, shooting residents and "
    "setting homes on fire, police said. At least 11 villagers were killed in the raid.\n"
    "In a separate attack on Saturday, gunmen killed four farmers near Gusau.\n"
    "Nobody has claimed responsibility for either attack.\n"
)
BACK_REFERENCE = (
    "Rockets struck the Ain al-Asad air base in Anbar province on Sunday, the coalition "
    "said.\n"
    "On Monday, gunmen attacked a police checkpoint in Mosul, killing three officers.\n"
    "The rocket attack on Ain al-Asad caused no damage, a coalition spokesman said.\n"
)
SEQUENCED = (
    "Rockets struck the Ain al-Asad air base in Anbar province on Sunday night, the "
    "coalition said.\n"
    "Sunday's attack came hours after an air strike killed two Kataib Hezbollah fighters "
    "near the Syrian border.\n"
)


def _run(extractor: Extractor, text: str, published: str | None = None) -> Extraction:
    return extractor.extract(ArticleInput("invented.txt", text, published=published))


def _texts(event: Event) -> list[str]:
    return [m.text for m in event.mentions]


def _roles(event: Event, role: str) -> set[str]:
    return {a.entity for a in event.arguments if a.role == role}


def _violent(result: Extraction) -> list[Event]:
    violent = {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash"}
    return [e for e in result.events if e.type in violent | {"Assassination", "Abduction"}]


# ---------------------------------------------------------------- one incident, one event


def test_headline_lead_and_back_references_are_one_targeted_drone_strike(
    extractor: Extractor,
) -> None:
    """Wire copy: the headline's "drone attack", the lead's "struck", "the assassination
    attempt" and "the strike" are one event, typed by its means and flagged targeted."""
    result = _run(extractor, DRONE)
    (strike,) = _violent(result)
    assert strike.type == "AirOrDroneStrike" and strike.acled == "AIR_STRIKE"
    assert strike.targeted is True
    assert _texts(strike) == ["Drone attack", "assassination attempt", "struck", "strike"]
    assert strike.trigger.text == "Drone attack" == strike.mentions[0].text
    assert [m.type for m in strike.mentions] == [
        "AirOrDroneStrike",
        "Assassination",
        "Attack",
        "Attack",
    ]
    assert "faisal-al-mahdi" in _roles(strike, "target")
    assert "drone" in _roles(strike, "instrument")
    assert strike.fatalities == 2


def test_a_day_of_fighting_told_through_four_verbs_is_one_clash(extractor: Extractor) -> None:
    """Dateline wire copy: the headline's "fight", "clashed", "battled", "exchanged fire"
    and "the fighting" are one clash carrying both sides and the death toll."""
    result = _run(extractor, CLASH)
    (clash,) = _violent(result)
    assert clash.type == "ArmedClash"
    assert _texts(clash) == ["fight", "clashed", "battled", "exchanged fire", "fighting"]
    assert "islamic-state-sahel-province" in _roles(clash, "target")
    assert "mali" in _roles(clash, "perpetrator")
    assert clash.fatalities == 14


def test_a_follow_up_report_keeps_one_bombing(extractor: Extractor) -> None:
    """A follow-up: "Sunday's suicide bombing", "the attack, claimed by ..." and "blew
    himself up" are the one bombing, with the claimed perpetrator and the place."""
    result = _run(extractor, FOLLOW_UP)
    (bombing,) = _violent(result)
    assert (bombing.type, bombing.acled) == ("Bombing", "SUIC_BOMB")
    assert sorted(_texts(bombing)) == ["attack", "blew himself up", "suicide bombing"]
    assert bombing.trigger.text == "suicide bombing"
    assert "islamic-state" in _roles(bombing, "perpetrator")
    assert "kabul" in _roles(bombing, "place")


def test_the_sample_strike_gathers_all_its_mentions(sample: Extraction) -> None:
    (strike,) = [e for e in sample.events if e.type == "AirOrDroneStrike"]
    assert _texts(strike)[:3] == ["drone strike"] * 3
    assert set(_texts(strike)[3:]) == {"attack"} and len(strike.mentions) == 11


def test_a_back_reference_finds_its_incident_past_a_later_one(extractor: Extractor) -> None:
    """ "The rocket attack on Ain al-Asad" skips the checkpoint attack told since: it names
    the base the rockets struck."""
    result = _run(extractor, BACK_REFERENCE)
    rockets, checkpoint = _violent(result)
    assert rockets.type == "Shelling"
    assert sorted(_texts(rockets)) == ["rocket attack", "struck"]
    assert _texts(checkpoint) == ["gunmen attacked"]
    assert "mosul" in _roles(checkpoint, "place") and "mosul" not in _roles(rockets, "place")


# ---------------------------------------------------------------- incidents that stay apart


@pytest.mark.parametrize("published", [None, "2024-05-09"], ids=["no-year", "dated"])
def test_two_attacks_on_different_days_stay_apart(
    extractor: Extractor, published: str | None
) -> None:
    """Same town, same kind of attackers: "on Monday" and "on Wednesday" are two days,
    whether or not the article's date lets them resolve."""
    result = _run(extractor, TWO_DAYS, published)
    first, second = _violent(result)
    assert (_texts(first), _texts(second)) == (["Gunmen attacked"], ["gunmen attacked"])
    assert (first.fatalities, second.injuries) == (2, 3)
    if published:
        assert (first.date, second.date) == ("2024-05-06", "2024-05-08")


def test_two_bombs_in_different_towns_stay_apart(extractor: Extractor) -> None:
    result = _run(extractor, TWO_TOWNS)
    first, second = _violent(result)
    assert _roles(first, "place") == {"daquq"} and _roles(second, "place") == {"tuz-khurmatu"}
    assert (first.injuries, second.fatalities_reported) == (3, True)


def test_a_bombing_and_the_arrest_that_followed_are_two_events(extractor: Extractor) -> None:
    result = _run(extractor, ARREST)
    types = {e.type: _texts(e) for e in result.events}
    assert types == {
        "Arrest": ["arrest", "arrested", "detained"],
        "Bombing": ["bombing", "bombing", "killed"],  # "the bomb that killed six"
    }


def test_a_separate_attack_is_its_own_event_and_either_attack_adds_none(
    extractor: Extractor,
) -> None:
    result = _run(extractor, SEPARATE)
    village, farms = _violent(result)
    assert _texts(village) == ["stormed", "shooting", "raid"]
    assert "kadawa" in _roles(village, "place") and village.fatalities == 11
    assert _texts(farms)[:2] == ["attack", "killed"] and farms.fatalities == 4
    assert len(_violent(result)) == 2  # "either attack" names both, opens no third


def test_an_incident_set_before_another_is_kept_apart_with_its_own_toll(
    extractor: Extractor,
) -> None:
    """ "came hours after an air strike killed two": the strike is another incident, and
    its two dead are not the rocket attack's."""
    result = _run(extractor, SEQUENCED)
    rockets, strike = _violent(result)
    assert (rockets.type, _texts(rockets)) == ("Shelling", ["struck", "attack"])
    assert (strike.type, _texts(strike)) == ("AirOrDroneStrike", ["air strike"])
    assert (rockets.fatalities, strike.fatalities) == (None, 2)


# ---------------------------------------------------------------- claims after merging


@pytest.mark.parametrize(
    "text", [DRONE, CLASH, FOLLOW_UP, ARREST, SEPARATE], ids=lambda t: t.split()[0]
)
def test_no_actor_twice_in_one_role_with_the_same_certainty_and_source(
    extractor: Extractor, text: str
) -> None:
    result = _run(extractor, text)
    for event in result.events:
        keys = [(a.role, a.entity, a.certainty, a.source) for a in event.arguments]
        assert len(keys) == len(set(keys)), event.type


# ---------------------------------------------------------------- the contract


def test_json_events_carry_their_mentions(tmp_path: Path) -> None:
    """`conflict-kg extract --format json`: `mentions` most specific first, `trigger` the
    first of them, offsets into the file's text."""
    path = tmp_path / "drone.txt"
    path.write_text(DRONE, encoding="utf-8")
    completed = run_cli(["extract", "--format", "json", str(path)])
    assert completed.returncode == 0, completed.stderr
    (event,) = json.loads(completed.stdout)["events"]
    assert event["trigger"] == event["mentions"][0]
    assert [m["text"] for m in event["mentions"]] == [
        "Drone attack",
        "assassination attempt",
        "struck",
        "strike",
    ]
    for mention in event["mentions"]:
        assert set(mention) == {"start", "end", "text"}
        assert DRONE[mention["start"] : mention["end"]] == mention["text"]
    assert event["targeted"] is True


def test_rdf_mentions_have_span_sentence_class_rank_and_source(extractor: Extractor) -> None:
    result = _run(extractor, DRONE)
    article, graph = article_graph(result)
    assert validate_graph(graph) == []
    (strike,) = _violent(result)
    node = next(graph.subjects(CK.trigger, Literal(strike.trigger.text)))
    assert (node, CK.targeted, Literal(True)) in graph
    mentions = sorted(
        graph.objects(node, CK.mention), key=lambda m: int(graph.value(m, CK.mentionRank))
    )
    assert len(mentions) == len(strike.mentions) == 4
    for rank, (iri, mention) in enumerate(zip(mentions, strike.mentions, strict=True), 1):
        assert (iri, RDF.type, CK.Mention) in graph
        assert int(graph.value(iri, CK.mentionRank)) == rank
        assert int(graph.value(iri, CK.start)) == mention.start
        assert str(graph.value(iri, CK.evidenceText)) == mention.text
        assert graph.value(iri, CK.mentionClass) == CK[mention.type]
        assert mention.text in str(graph.value(iri, CK.sentence))
        assert graph.value(iri, PROV.wasDerivedFrom) == article
    assert str(graph.value(mentions[1], CK.sentence)).startswith("The governor survived")
