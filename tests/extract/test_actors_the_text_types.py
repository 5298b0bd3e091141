"""Actors the text names but whose type the NER or a blanket rule got wrong (issue 16 items
4-5, issue 15 item 4): a lone unnamed killer is a person, a one-word name after "in" is a
place, a side of a fight with an army is armed, a mention set beside a person's trade is a
person though another mention is a town, and lowercase political bodies ("the opposition")
are actors blame and denial can hold. Sentences are written for the test, about invented
places and people."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("t", text))


def _types(result: Extraction) -> dict[str, set[str]]:
    types: dict[str, set[str]] = {}
    for entity in result.entities:
        types.setdefault(entity.name, set()).add(entity.type)
    return types


def _perpetrator_type(result: Extraction) -> str | None:
    for event in result.events:
        for argument in event.arguments:
            if argument.role == "perpetrator":
                entity = result.entity(argument.entity)
                return entity.type if entity is not None else None
    return None


def test_a_lone_man_who_kills_is_a_person(extractor: Extractor) -> None:
    result = _run(extractor, "A man shot dead a shopkeeper in Brisna on Wednesday, officers said.")
    assert _types(result)["Unidentified man"] == {"Person"}
    assert _perpetrator_type(result) == "Person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "An armed man shot dead a shopkeeper in Brisna on Wednesday, officers said.",
            "Unidentified man",
        ),
        (
            "Gunmen shot dead a shopkeeper in Brisna on Wednesday, officers said.",
            "Unidentified gunmen",
        ),
    ],
)
def test_an_armed_man_or_gunmen_stay_an_armed_group(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _types(_run(extractor, text))[name] == {"ArmedGroup"}


def test_a_one_word_name_after_in_is_a_place(extractor: Extractor) -> None:
    result = _run(
        extractor, "The opposition to the new tax grew on Monday after a bomb attack in Lentor."
    )
    assert _types(result)["Lentor"] == {"Place"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The deputy lost his seat in Parliament on Friday after a bomb hoax.", "Parliament"),
        ("Divisions in NATO deepened on Friday.", "North Atlantic Treaty Organization"),
    ],
)
def test_a_body_or_an_acronym_after_in_stays_an_organisation(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _types(_run(extractor, text))[name] == {"Organization"}


def test_a_side_of_a_fight_with_the_army_is_armed(extractor: Extractor) -> None:
    text = "Clashes between the army and the Norran People's Front left nine dead near Kelsin."
    assert _types(_run(extractor, text))["Norran People's Front"] == {"ArmedGroup"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Talks between the government and the Norran People's Front ended on Saturday in Kelsin.",
         "Norran People's Front"),
        ("Clashes between police and the Dock Workers' Union left nine injured in Kelsin.",
         "Dock Workers' Union"),
        # a union or an association is no armed group even against the army
        ("Clashes between the army and the Kelsin Miners Union erupted at a pit on Thursday.",
         "Kelsin Miners Union"),
        ("Clashes between troops and the Orra Farmers Association left two dead in Kelsin.",
         "Orra Farmers Association"),
    ],
)  # fmt: skip
def test_talks_with_a_government_or_a_scuffle_with_police_arm_nobody(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _types(_run(extractor, text))[name] == {"Organization"}


def test_a_name_set_beside_a_trade_is_a_person_beside_the_town(extractor: Extractor) -> None:
    text = (
        "Ships left the harbour of Mallory on Tuesday after a blast. Mallory, the harbour "
        "director, said two sailors were hurt."
    )
    result = _run(extractor, text)
    assert _types(result)["Mallory"] == {"Place", "Person"}
    person = next(e for e in result.entities if e.name == "Mallory" and e.type == "Person")
    assert [m.start for m in person.mentions] == [text.index("Mallory, the")]


def test_a_town_set_beside_a_place_noun_stays_one_place(extractor: Extractor) -> None:
    text = (
        "Ships left the harbour of Mallory on Tuesday after a blast. Mallory, the provincial "
        "capital, was calm on Wednesday."
    )
    assert _types(_run(extractor, text))["Mallory"] == {"Place"}


BLAME_AND_DENIAL = (
    "The governing coalition accused the opposition of the arson attack on its headquarters "
    "in Tamberg on Friday. The opposition rejected the accusation."
)


def test_a_lowercase_opposition_is_blamed_and_denies(extractor: Extractor) -> None:
    result = _run(extractor, BLAME_AND_DENIAL)
    types = _types(result)
    assert types["Opposition"] == {"Organization"}
    assert types["Governing coalition"] == {"Organization"}
    claims = sorted(
        (a.certainty, a.source)
        for e in result.events
        for a in e.arguments
        if a.role == "perpetrator" and a.text == "opposition"
    )
    assert ("denied", "The opposition") in claims


@pytest.mark.parametrize(
    "text",
    [
        "The opposition to the new tax grew on Monday after a bomb attack in Lentor.",
        "The other party said a bomb damaged its office in Lentor on Monday.",
    ],
)
def test_opposing_a_tax_or_an_unqualified_party_is_no_body(extractor: Extractor, text: str) -> None:
    names = set(_types(_run(extractor, text)))
    assert not any("opposition" in n.lower() or "party" in n.lower() for n in names)
