"""Trigger and weapon phrasings of the lexicon (extract/data/*.jsonl), each on a sentence
written for the test: inflections and synonyms news uses for the same incident."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two attackers blow themselves up outside a court in the city.", ("Bombing", "SUIC_BOMB")),
        ("Militants set off suicide bombs near the police headquarters.", ("Bombing", "SUIC_BOMB")),
        (
            "Aerial bombardments on rebel positions left many dead.",
            ("AirOrDroneStrike", "AIR_STRIKE"),
        ),
        (
            "A shoot-out between smugglers and soldiers lasted an hour.",
            ("ArmedClash", "ARMED_CLASH"),
        ),
        ("Unknown men gunned down a judge outside his home.", ("Attack", "ATTACK")),
        ("Residents said the shells contained poison gas.", ("ChemicalAttack", "CHEM_WEAP")),
        ("Police said the sexual assaults happened last month.", ("SexualViolence", "SEX_VIOL")),
        ("A man molested a girl on the bus, police said.", ("SexualViolence", "SEX_VIOL")),
        ("The exchange of prisoners took place at the border.", ("Agreement", "AGREEMENT")),
        # what was seized or found stands before a passive verb as often as after an active one
        ("Pistols and rifles were seized at a checkpoint.", ("DisruptedWeaponsUse", "DISR_WEAP")),
        ("Two explosive devices were found in a canal.", ("DisruptedWeaponsUse", "DISR_WEAP")),
    ],
)
def test_phrasing_gives_class_and_acled(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    result = extractor.extract(ArticleInput("t", text))
    assert [(e.type, e.acled) for e in result.events] == [expected]


def test_a_find_of_no_weapons_is_no_event(extractor: Extractor) -> None:
    result = extractor.extract(ArticleInput("t", "Two bodies were found in a canal."))
    assert result.events == []
