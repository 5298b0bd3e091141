"""The NER label a name's own words correct (extract/entities/name_labels.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from conflict_kg.extract import Extractor, load_lexicon
from conflict_kg.extract.entities.name_labels import corrected_label
from conflict_kg.extract.entities.resolution import resolve_entities


def _span(extractor: Extractor, text: str, name: str) -> Span:
    doc: Doc = extractor.nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    return span


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        ("A bomb went off in Harbour Road on Monday.", "Harbour Road", "ORG", "FAC"),
        ("Guests fled the Nile Cafe after the blast.", "Nile Cafe", "PERSON", "FAC"),
        ("The Riverside Cabinet met again.", "Riverside Cabinet", "PERSON", "ORG"),
        ("Marchers remembered Bloody Sunday in the city.", "Bloody Sunday", "ORG", None),
        ("They called it Black Friday last year.", "Black", "PERSON", None),
        ("==References== follow below.", "==References==", "PERSON", None),
        ("Omar Haddad said the road was closed.", "Omar Haddad", "PERSON", "PERSON"),
        ("He drove the truck to Hollins Lake.", "Hollins Lake", "PERSON", "FAC"),
        ("He checked into the Starlight Motel.", "Starlight Motel", "ORG", "FAC"),
        ("The Red Crescent sent aid.", "Red Crescent", "ORG", "ORG"),
        ("Fighting spread to Harbour Road.", "Harbour Road", "GPE", "GPE"),
        ("Rockets hit the Airfield at dawn.", "Airfield", "PERSON", "FAC"),
        ("Rockets hit the Airfield at dawn.", "Airfield", "ORG", "ORG"),
        ("WHY IS THE ROAD CLOSED", "IS", "ArmedGroup", None),
        ("The file is 1.5 MB in size.", "MB", "ORG", None),
        ("It went off at 1530 UTC on Friday.", "UTC", "ORG", None),
        ("Police want armed UAVs to stop drones.", "UAVs", "ORG", None),
        ("The UN said 12 NGOs had left.", "UN", "ORG", "ORG"),
        ("Officials said IS fighters withdrew.", "IS", "ArmedGroup", "ArmedGroup"),
    ],
)
def test_corrected_label(
    extractor: Extractor, text: str, name: str, label: str, expected: str | None
) -> None:
    assert corrected_label(_span(extractor, text, name), label) == expected


def test_a_street_typed_as_an_organisation_becomes_a_place(extractor: Extractor) -> None:
    road = _span(extractor, "A bomb went off in Harbour Road on Monday.", "Harbour Road")
    doc = road.doc
    doc.ents = [Span(doc, road.start, road.end, label="ORG")]
    table = resolve_entities(doc, load_lexicon(), "k")
    assert table.entities["harbour-road"].type == "Place"
