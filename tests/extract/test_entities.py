"""Entity resolution rules on real pipeline output, with the NER's mistakes reproduced."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from conflict_kg.extract import ArticleInput, Extractor, load_lexicon
from conflict_kg.extract.entities import EntityTable
from conflict_kg.extract.entities.resolution import resolve_entities


def _full_name_and_later_surname(
    extractor: Extractor, text: str, full_name: str, surname_label: str
) -> EntityTable:
    """Resolve `text` after the NER typed the full name PERSON and the later lone surname
    `surname_label`: the mistakes reproduced whatever the model does today."""
    doc = extractor.nlp(text)
    full = next(e for e in doc.ents if e.text == full_name)
    last = full_name.split()[-1]
    surname = next(t for t in doc if t.text == last and t.i > full.end)
    doc.ents = [full, Span(doc, surname.i, surname.i + 1, label=surname_label)]
    return resolve_entities(doc, load_lexicon(), "k")


@pytest.mark.parametrize(
    ("text", "full_name", "surname_label"),
    [
        # the NER's misreading of a surname as a place
        (
            "Police questioned Ruslan Matanov. Investigators said Matanov called.",
            "Ruslan Matanov",
            "GPE",
        ),
        # a surname that is also a large city's name is no city when it is a named person's
        (
            "Police questioned Tom Jackson on Monday. Jackson denied the charges.",
            "Tom Jackson",
            "PERSON",
        ),
    ],
)
def test_a_lone_surname_joins_the_person_named_in_full(
    extractor: Extractor, text: str, full_name: str, surname_label: str
) -> None:
    table = _full_name_and_later_surname(extractor, text, full_name, surname_label)
    surname = full_name.split()[-1]
    person = table.entities[full_name.lower().replace(" ", "-")]
    assert person.type == "Person"
    assert [m.text for m in person.mentions] == [full_name, surname]
    assert surname.lower() not in table.entities


def test_a_place_that_is_no_surname_stays_a_place(extractor: Extractor) -> None:
    doc = extractor.nlp("Police questioned Ruslan Matanov in Kano.")
    table = resolve_entities(doc, load_lexicon(), "k")
    assert table.entities["kano"].type == "Place"
    assert table.entities["ruslan-matanov"].type == "Person"


def test_a_demonym_mentions_its_country_without_making_it_an_actor(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        ArticleInput("t", "Gunmen attacked British tourists at a hotel, a French official said.")
    )
    uk, france = result.entity("united-kingdom"), result.entity("france")
    assert uk is not None and france is not None
    assert (uk.type, [m.text for m in uk.mentions]) == ("State", ["British"])
    assert [m.text for m in france.mentions] == ["French"]
    (event,) = result.events
    assert {a.entity for a in event.arguments} & {"united-kingdom", "france"} == set()


def test_a_large_city_the_ner_typed_as_a_person_is_a_place(extractor: Extractor) -> None:
    doc = extractor.nlp("Lyon will host the final, organisers said.")
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    table = resolve_entities(doc, load_lexicon(), "k")
    assert table.entities["lyon"].type == "Place"


def test_lone_is_is_the_islamic_state_except_in_a_line_of_capitals(
    extractor: Extractor,
) -> None:
    text = "WHY IS THE BORDER CLOSED\nEight soldiers were killed in IS attacks near Palmyra."
    result = extractor.extract(ArticleInput("t", text))
    (group,) = [e for e in result.entities if e.id == "islamic-state"]
    assert [(m.text, m.start) for m in group.mentions] == [("IS", text.index("IS attacks"))]


def test_a_state_body_named_after_the_state_is_not_cut_to_the_state(
    extractor: Extractor,
) -> None:
    result = extractor.extract(
        ArticleInput(
            "t",
            "Agents of the U.S. Air Force Office of Special Investigations met the United "
            "States Air Force commander, while the U.S. Treasury Department said U.S. "
            "Strikes Hit Targets.",
        )
    )
    found = {(e.name, e.type) for e in result.entities}
    assert found == {
        ("U.S. Air Force Office of Special Investigations", "Government"),
        ("United States Air Force", "StateForce"),
        ("U.S. Treasury Department", "Government"),
        ("United States", "State"),
    }


def test_a_compass_word_before_a_country_makes_a_region(extractor: Extractor) -> None:
    result = extractor.extract(
        ArticleInput(
            "t",
            "Traders from Latin America and South American exporters met Iranian officials "
            "in northern Syria.",
        )
    )
    found = {(e.name, e.type) for e in result.entities}
    assert ("Latin America", "Place") in found
    assert "United States" not in {e.name for e in result.entities}
    assert {("Iran", "State"), ("Syria", "State")} <= found


def test_a_bare_surname_the_ner_left_unlabelled_is_the_person(extractor: Extractor) -> None:
    text = (
        "Colonel Brian Whitcombe led the patrol. Whitcombe told reporters the convoy was hit twice."
    )
    result = extractor.extract(ArticleInput("t", text))
    (person,) = [e for e in result.entities if e.type == "Person"]
    assert (person.name, sorted(m.start for m in person.mentions)) == (
        "Brian Whitcombe",
        [0, text.index("Brian"), text.index("Whitcombe told")],  # "Colonel" is his title
    )
