"""Names on a line set in capitals, and the line break the NER takes into a name.

A headline or rubric in capitals ("GUNMEN KILL FIVE IN NORTHERN VARN", "DAILY ROUND-UP")
makes the NER read its words as names: "GUNMEN" and "DAILY" became organisations. Such a
line's NER labels are left; the gazetteer's names on it stay. A name closing a headline in
mixed case was taken with the line break after it ("Varn\\n\\n").
"""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction

BODY = "Gunmen shot dead five villagers in the northern district of Varn on Sunday, police said.\n"


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented.txt", text))


def test_a_headline_in_capitals_gives_no_organisations(extractor: Extractor) -> None:
    result = _run(extractor, "GUNMEN KILL FIVE VILLAGERS IN NORTHERN VARN\n\n" + BODY)
    assert sorted((e.name, e.type) for e in result.entities) == [
        ("Civilians", "CommunalGroup"),
        ("Varn", "Place"),
    ]


def test_a_rubric_in_capitals_gives_no_organisation(extractor: Extractor) -> None:
    result = _run(
        extractor, "DAILY ROUND-UP\n\nTroops shelled rebel positions near Osk on Monday.\n"
    )
    assert sorted((e.name, e.type) for e in result.entities) == [
        ("Osk", "Place"),
        ("Security forces", "StateForce"),
    ]


def test_the_gazetteer_still_reads_a_line_in_capitals(extractor: Extractor) -> None:
    """Counterexample: a country on a capitals line is still the state."""
    result = _run(extractor, "NIGERIA: TROOPS RESCUE 20 HOSTAGES\n\n" + BODY)
    assert ("Nigeria", "State") in {(e.name, e.type) for e in result.entities}


def test_an_acronym_in_a_mixed_line_is_still_read(extractor: Extractor) -> None:
    """Counterexample: an acronym in a sentence is a name the NER reads."""
    result = _run(extractor, "Fighters of the KDF attacked a checkpoint in Varn.\n")
    assert ("KDF", "Organization") in {(e.name, e.type) for e in result.entities}


def test_a_headline_name_is_read_without_the_line_break(extractor: Extractor) -> None:
    result = _run(extractor, "Gunmen kill five villagers in northern Varn\n\n" + BODY)
    assert {e.name for e in result.entities if e.type == "Place"} == {"Varn"}
    places = {a.text for e in result.events for a in e.arguments if a.role == "place"}
    assert places == {"Varn"}
