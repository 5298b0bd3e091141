"""Rules on sentences written for the tests: they must generalise beyond the sample."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _run(extractor: Extractor, text: str, published: str | None = None) -> Extraction:
    return extractor.extract(ArticleInput("t", text, published=published))


def test_state_acting_through_its_jets_and_weapon_refines_class(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "The IDF said Israeli jets struck a Hamas command post in Gaza City on Tuesday, "
        "killing 12 people.",
        published="2024-03-07",
    )
    assert {e.name for e in result.entities} >= {"Israel", "Hamas", "Gaza City"}
    assert "Israeli Air Force" not in {e.name for e in result.entities}
    (event,) = result.events
    assert (event.type, event.acled, event.fatalities) == ("AirOrDroneStrike", "AIR_STRIKE", 12)
    assert event.date == "2024-03-05"
    roles = {(a.role, a.entity) for a in event.arguments}
    assert {("perpetrator", "israel"), ("target", "hamas"), ("instrument", "aircraft")} <= roles


def test_missiles_make_shelling_and_speaker_makes_allegation(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "Houthi rebels fired ballistic missiles at a commercial ship in the Red Sea, "
        "the U.S. military said.",
    )
    (event,) = result.events
    assert (event.type, event.acled) == ("Shelling", "ART_MISS_ATTACK")
    perpetrators = [a for a in event.arguments if a.role == "perpetrator"]
    assert [(a.entity, a.certainty) for a in perpetrators] == [("houthis", "alleged")]
    assert ("place", "red-sea") in {(a.role, a.entity) for a in event.arguments}


def test_abduction_with_perpetrator_and_place(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "Boko Haram fighters abducted 30 schoolgirls from a school in Borno state, police said.",
    )
    (event,) = result.events
    assert event.type == "Abduction" and event.acled == "ABDUCT_DISSAP"
    roles = {(a.role, a.entity) for a in event.arguments}
    assert ("perpetrator", "boko-haram") in roles and ("place", "borno") in roles


def test_claim_of_responsibility_is_asserted_by_the_group(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "A car bomb exploded outside a police station in Mogadishu. "
        "Al-Shabaab claimed responsibility for the attack.",
    )
    bombings = [e for e in result.events if e.type == "Bombing"]
    assert len(bombings) == 1, [e.type for e in result.events]
    perpetrators = {a.entity for a in bombings[0].arguments if a.role == "perpetrator"}
    assert perpetrators == {"al-shabaab"}
    assert ("instrument", "car-bomb") in {(a.role, a.entity) for a in bombings[0].arguments}


def test_hypothetical_agreement_is_not_an_event(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "Militia leaders fear he could reach an agreement with the prime minister.",
    )
    assert [e.type for e in result.events] == []


def test_the_agency_in_a_dateline_is_never_an_actor(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "Rockets hit base\nKIRKUK, March 15 (Reuters) - Kataib Hezbollah fired rockets at an "
        "army base in Kirkuk, two officials said.\n",
        published="2024-03-15",
    )
    assert result.article.publisher == "Reuters" and result.article.dateline == "Kirkuk"
    (event,) = result.events  # the headline's "Rockets hit base" and the body's "fired"
    assert event.type == "Shelling" and event.trigger.text == "hit"
    perpetrators = {a.entity for a in event.arguments if a.role == "perpetrator"}
    assert perpetrators == {"kataib-hezbollah"}
    # Arguments come from the headline and the body, never from the dateline.
    assert {a.sentence.text.split()[0] for a in event.arguments if a.sentence} == {
        "Rockets",
        "Kataib",
    }
    assert "March" not in [e.trigger.text for e in result.events]


def test_unnamed_attackers_and_victims_are_article_scoped_actors(extractor: Extractor) -> None:
    result = _run(extractor, "Gunmen attacked worshippers at a mosque in Kano on Friday.")
    (event,) = result.events
    roles = {(a.role, a.entity) for a in event.arguments}
    key = result.article.id[:8]
    assert ("perpetrator", f"unidentified-gunmen-{key}") in roles
    assert ("target", f"civilians-{key}") in roles
    gunmen = result.entity(f"unidentified-gunmen-{key}")
    assert gunmen is not None and gunmen.type == "ArmedGroup"
    assert gunmen.acled_category == "Political militias"


def test_a_base_set_up_is_a_strategic_development(extractor: Extractor) -> None:
    result = _run(extractor, "Turkish forces have set up two new military bases near Zakho.")
    (event,) = result.events
    assert (event.type, event.acled) == ("StrategicDevelopment", "HQ_ESTABLISHED")
    no_base = _run(extractor, "Engineers set up a new water pump in the village.")
    assert [e.type for e in no_base.events] == []


def test_admitting_or_assuming_responsibility_names_the_perpetrator(
    extractor: Extractor,
) -> None:
    for verb, certainty in (("admitted", "alleged"), ("assumed", "asserted")):
        result = _run(
            extractor,
            f"A car bomb exploded in Kabul on Monday. The Taliban {verb} responsibility for it.",
        )
        (event,) = [e for e in result.events if e.type == "Bombing"]
        perpetrators = [(a.entity, a.certainty) for a in event.arguments if a.role == "perpetrator"]
        assert perpetrators == [("taliban", certainty)], verb
