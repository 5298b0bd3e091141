"""Two readings of MUC-4 role errors (issue 16): "responsible" that the parser hangs after
the noun it describes ("investigators hold X responsible for the attack", "the men
responsible for the blast were X") blames X; and one of the doers harmed, told by their own
attacker noun, is their own dead, not a victim. Every article here is invented for the test."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event

ATTACKS = frozenset(
    {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination"}
)
CAR_BOMB = (
    "A car bomb went off outside the grain exchange in Ostrava Nova on Friday, killing three "
    "porters. "
)


def _incident(extractor: Extractor, text: str) -> Event:
    (event,) = [
        e for e in extractor.extract(ArticleInput("invented", text)).events if e.type in ATTACKS
    ]
    return event


def _role(event: Event, role: str) -> set[tuple[str, str]]:
    return {(a.text, a.certainty) for a in event.arguments if a.role == role}


def _texts(event: Event, role: str) -> set[str]:
    return {text for text, _ in _role(event, role)}


@pytest.mark.parametrize(
    "statement",
    [
        "Investigators hold the Marn Valley Brigade responsible for the attack on the exchange.",
        "The men responsible for the blast were fighters of the Marn Valley Brigade, the mayor "
        "told reporters.",
    ],
)
def test_responsible_after_the_noun_blames_the_group(extractor: Extractor, statement: str) -> None:
    event = _incident(extractor, CAR_BOMB + statement)
    assert _role(event, "perpetrator") == {("Marn Valley Brigade", "alleged")}


@pytest.mark.parametrize(
    "statement",
    [
        # "for" names no incident: the group answers for something else
        "Investigators hold the Marn Valley Brigade responsible for the power cuts.",
        "The people responsible for the exchange's guards are the city police, the mayor said.",
        # negated
        "Investigators do not hold the Marn Valley Brigade responsible for the attack on the "
        "exchange.",
    ],
)
def test_responsible_for_something_else_or_negated_blames_nobody(
    extractor: Extractor, statement: str
) -> None:
    event = _incident(extractor, CAR_BOMB + statement)
    assert _role(event, "perpetrator") == set()


def test_one_of_the_guerrillas_killed_in_their_raid_is_no_victim(extractor: Extractor) -> None:
    text = (
        "Police said armed guerrillas raided a post office in Kessel on Sunday, wounding two "
        "clerks. A guerrilla was killed in the raid."
    )
    event = _incident(extractor, text)
    assert _texts(event, "perpetrator") == {"guerrillas"}
    assert _texts(event, "victim") == {"two clerks"}


def test_a_guerrilla_set_apart_from_the_guerrillas_stays_a_victim(extractor: Extractor) -> None:
    text = (
        "Police said armed guerrillas raided a post office in Kessel on Sunday, wounding two "
        "clerks and a guerrilla who had deserted their ranks."
    )
    event = _incident(extractor, text)
    assert _texts(event, "victim") == {"two clerks", "guerrilla"}


def test_doers_killed_by_their_own_explosives_are_its_victims(extractor: Extractor) -> None:
    text = (
        "Officials said insurgents bombed a depot near Kessel on Sunday night, but six "
        "insurgents were killed when their explosives blew up too soon."
    )
    event = _incident(extractor, text)
    assert _texts(event, "perpetrator") == {"insurgents"}
    assert _texts(event, "victim") == {"six insurgents"}


def test_a_person_killed_by_unknown_persons_is_a_victim(extractor: Extractor) -> None:
    text = (
        "Unknown persons threw a grenade into a tram in Kessel on Sunday, killing a person and "
        "hurting four."
    )
    event = _incident(extractor, text)
    assert _texts(event, "perpetrator") == {"Unknown persons"}
    assert _texts(event, "victim") == {"person"}
