"""Four behaviours found on invented wire copy (issue 15 items 4 and 5, issue 16 items 4 and
5): a common noun that opens a sentence is no name ("Riot police ..."); a bare dateline
without an agency is context, never an actor; a blamed or claiming group is the alleged
perpetrator of the incident its statement names, also through a weapon noun or a message;
detained people are the arrest's victims. Every article here is invented for the test, and
each behaviour has a counterexample that must not fire."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor, parse_article
from conflict_kg.extract.inputs import dateline_date
from conflict_kg.extract.model import Event, Extraction

VIOLENT = frozenset({"Attack", "Bombing", "Shelling", "ArmedClash", "Assassination"})


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _roles(events: list[Event], role: str) -> set[tuple[str, str]]:
    return {(a.text, a.certainty) for e in events for a in e.arguments if a.role == role}


def _of_type(extraction: Extraction, *types: str) -> list[Event]:
    return [e for e in extraction.events if e.type in types]


# A common noun opening a sentence ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Riot police fired tear gas at students in Tarvane on Sunday.", "Riot police"),
        ("Riot officers arrested two students outside the university in Tarvane on Monday.",
         "officers"),
    ],
)  # fmt: skip
def test_an_event_noun_opening_a_sentence_is_no_name(
    extractor: Extractor, text: str, doer: str
) -> None:
    result = _run(extractor, text)
    assert all("Riot" not in (entity.name, *entity.aliases) for entity in result.entities)
    types = {entity.id: entity.type for entity in result.entities}
    (event,) = result.events
    assert event.type != "Riot", "the police's modifier tells no riot"
    assert {(a.text, types[a.entity]) for a in event.arguments if a.role == "perpetrator"} == {
        (doer, "StateForce")
    }


def test_riot_police_in_mid_sentence_are_the_state_forces_not_a_riot(
    extractor: Extractor,
) -> None:
    result = _run(
        extractor, "On Sunday riot police fired tear gas at students in Tarvane, witnesses said."
    )
    types = {entity.id: entity.type for entity in result.entities}
    (event,) = result.events
    assert event.type != "Riot"
    assert {(a.text, types[a.entity]) for a in event.arguments if a.role == "perpetrator"} == {
        ("riot police", "StateForce")
    }


def test_a_riot_the_police_fought_is_still_a_riot(extractor: Extractor) -> None:
    """Counterexample: "riot" heading its own phrase tells the riot."""
    result = _run(
        extractor, "A riot broke out in Tarvane on Sunday and police fired tear gas at the crowd."
    )
    assert "Riot" in {e.type for e in result.events}


def test_a_weapon_noun_opening_a_sentence_stays_the_instrument(extractor: Extractor) -> None:
    result = _run(
        extractor, "Mortar fire hit the bus station in Tarvane on Sunday, wounding two porters."
    )
    (shelling,) = _of_type(result, "Shelling")
    assert {a.text for a in shelling.arguments if a.role == "instrument"} == {"Mortar"}
    assert all("Mortar" not in a.text for a in shelling.arguments if a.role != "instrument")


def test_the_same_word_as_a_name_of_its_own_stays_a_name(extractor: Extractor) -> None:
    """Counterexample: the word is a subject on its own, not a modifier of a common noun."""
    result = _run(extractor, "Riot said the police had fired tear gas at students in Tarvane.")
    assert any(entity.name == "Riot" for entity in result.entities)


# Bare datelines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "when"),
    [
        ("TARVIK, March 3 - Gunmen killed four villagers.", "Tarvik", (None, 3, 3)),
        ("TARVIK, Oskland, April 19 -- A bomb went off.", "Tarvik", (None, 4, 19)),
        # not datelines: a title-case word (no place in capitals), no date, a bare dash
        ("Gunmen, March 3 - killed four villagers.", None, None),
        ("Later, on May 2 - the army withdrew.", None, None),
        ("TARVIK - Gunmen killed four villagers.", None, None),
    ],
)
def test_a_dateline_without_an_agency(
    text: str, place: str | None, when: tuple[None, int, int] | None
) -> None:
    meta, _ = parse_article(ArticleInput("d", text))
    assert (meta.dateline, meta.publisher) == (place, None)
    assert dateline_date(text) == when


def test_a_bare_dateline_city_is_a_place_never_the_perpetrator(extractor: Extractor) -> None:
    result = _run(
        extractor, "TARVIK, March 3 - Gunmen killed four villagers in the hills on Friday.\n"
    )
    city = result.entity("tarvik")
    assert city is not None and city.type == "Place"
    (attack,) = _of_type(result, *VIOLENT)
    assert {a.entity for a in attack.arguments if a.role == "perpetrator"} != set()
    assert all(a.entity != "tarvik" for a in attack.arguments if a.role != "place")


def test_the_province_of_a_bare_dateline_is_context_not_an_actor(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "MORVAL, Oskland, March 3 - Rebels attacked an army base near Perrin on Friday, "
        "killing two soldiers.\n",
    )
    province = result.entity("oskland")
    assert province is not None and province.type == "Place"
    actors = {a.entity for e in result.events for a in e.arguments if a.role != "place"}
    assert {"morval", "oskland"}.isdisjoint(actors)


# Blame through a weapon noun, claims through a message ------------------------------------


def test_the_group_blamed_for_a_bomb_that_killed_is_its_alleged_perpetrator(
    extractor: Extractor,
) -> None:
    result = _run(
        extractor,
        "The army on Thursday blamed the Kolo Valley Front for the roadside bomb that killed "
        "three soldiers near Perrin on Tuesday.",
    )
    (bombing,) = _of_type(result, *VIOLENT)
    assert bombing.fatalities == 3
    (claim,) = [a for a in bombing.arguments if a.role == "perpetrator"]
    assert (claim.text, claim.certainty, claim.source) == (
        "Kolo Valley Front",
        "alleged",
        "The army",
    )


def test_blame_for_what_is_no_incident_adds_no_perpetrator(extractor: Extractor) -> None:
    """Counterexamples: a drought blamed for a crop failure; one group blamed for another
    incident of the article than the bombing."""
    drought = _run(
        extractor,
        "Farmers on Monday blamed the drought for the crop failure that killed livestock "
        "across the valley.",
    )
    assert _roles(drought.events, "perpetrator") == set()
    other = _run(
        extractor,
        "A roadside bomb killed three soldiers near Perrin on Tuesday. On Wednesday gunmen "
        "burned a school in Osk. The army on Thursday blamed the Kolo Valley Front for the "
        "burning of the school.",
    )
    bombing = [e for e in other.events if e.type == "Bombing"]
    assert bombing and ("Kolo Valley Front", "alleged") not in _roles(bombing, "perpetrator")


ATTACK = "Gunmen attacked a police post in Perrin on Monday, killing two officers. "


@pytest.mark.parametrize(
    "claim",
    [
        "Leaflets signed by the Kolo Valley Front claimed responsibility for the attack.",
        "The Kolo Valley Front later distributed leaflets claiming responsibility for the attack.",
        "A statement issued by the Kolo Valley Front claimed responsibility for the attack.",
    ],
)
def test_a_message_claims_for_its_author(extractor: Extractor, claim: str) -> None:
    result = _run(extractor, ATTACK + claim)
    (attack,) = _of_type(result, *VIOLENT)
    assert ("Kolo Valley Front", "alleged") in _roles([attack], "perpetrator")
    front = result.entity("kolo-valley-front")
    assert front is not None and front.type == "ArmedGroup"


@pytest.mark.parametrize(
    "sentence",
    [
        "Police found leaflets signed by the Kolo Valley Front in the market.",
        "Leaflets signed by the Kolo Valley Front did not claim responsibility for the attack.",
        "Leaflets claimed responsibility for the attack.",
    ],
)
def test_a_message_that_claims_nothing_or_for_nobody_adds_no_perpetrator(
    extractor: Extractor, sentence: str
) -> None:
    """Counterexamples: leaflets that claim nothing, a negated claim, a claim whose author
    is not told."""
    result = _run(extractor, ATTACK + sentence)
    perpetrators = {text for text, _ in _roles(_of_type(result, *VIOLENT), "perpetrator")}
    assert perpetrators <= {"Gunmen"}


# Detained people --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "detained"),
    [
        ("Police arrested Tomas Verho, a local radio presenter, at his home in Kesh on Monday.",
         "Tomas Verho"),
        ("Security forces detained opposition leader Anna Kirsi in Kesh on Monday.",
         "Anna Kirsi"),
        ("Anna Kirsi, an opposition leader, was detained by police in Kesh on Monday.",
         "Anna Kirsi"),
    ],
)  # fmt: skip
def test_the_detained_person_is_the_arrests_victim(
    extractor: Extractor, text: str, detained: str
) -> None:
    (arrest,) = _of_type(_run(extractor, text), "Arrest")
    assert {a.text for a in arrest.arguments if a.role == "victim"} == {detained}
    assert all(a.text != detained for a in arrest.arguments if a.role == "target")
    assert {a.role for a in arrest.arguments if a.text.lower() in ("police", "forces")} == {
        "perpetrator"
    }


def test_the_officer_who_arrests_is_no_victim(extractor: Extractor) -> None:
    """Counterexample: the named person makes the arrest."""
    result = _run(
        extractor,
        "Tomas Verho, a police commander, arrested two smugglers in Kesh on Monday.",
    )
    (arrest,) = _of_type(result, "Arrest")
    assert "Tomas Verho" not in {a.text for a in arrest.arguments if a.role == "victim"}


def test_a_statement_that_did_not_claim_adds_no_perpetrator(extractor: Extractor) -> None:
    """A negated claim through a message names no one, as "X did not claim" does not."""
    text = (
        "A bomb damaged the bridge at Ebi on Monday. A statement from the Kolo Valley Front "
        "did not claim responsibility for the attack."
    )
    result = _run(extractor, text)
    assert _roles(list(result.events), "perpetrator") == set()
