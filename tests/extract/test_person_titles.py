"""A title before a person's name is a mention of that person, and a full name listed with
persons is one more (extract/entities/persons.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.entities.persons import listed_names, title_before
from conflict_kg.extract.entities.titles import is_title_only


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The raid was led by Special Agent Dana Whitcomb.", "Dana Whitcomb", "Special Agent"),
        ("He spoke to Col. Arno Vestergaard on Monday.", "Arno Vestergaard", "Col"),
        ("French Interior Minister Paul Derain visited.", "Paul Derain", "Interior Minister"),
        ("Magistrate Judge Ellen Thorpe ordered him held.", "Ellen Thorpe", "Magistrate Judge"),
        ("Mr Arthur Penrose attended the meeting.", "Arthur Penrose", None),
        ("Yesterday Arthur Penrose attended the meeting.", "Arthur Penrose", None),
    ],
)
def test_title_before(extractor: Extractor, text: str, name: str, expected: str | None) -> None:
    doc = extractor.nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    title = title_before(span)
    assert (title.text if title is not None else None) == expected


def test_the_title_is_a_mention_of_the_person_and_the_demonym_of_the_country(
    extractor: Extractor,
) -> None:
    text = "French Interior Minister Paul Derain said the attack in Lyon was planned."
    result = extractor.extract(ArticleInput(source="t", text=text))
    by_name = {e.name: e for e in result.entities}
    derain = by_name["Paul Derain"]
    assert derain.type == "Person"
    assert sorted(m.text for m in derain.mentions) == ["Interior Minister", "Paul Derain"]
    assert [m.text for m in by_name["France"].mentions] == ["French"]


def test_an_unlabelled_full_name_listed_with_persons_is_a_person(extractor: Extractor) -> None:
    text = "The accused include Rafael Ortiz, Colonel Mateo Barrios and Lucia Ferrer."
    doc = extractor.nlp(text)
    persons = []
    for name in ("Rafael Ortiz", "Lucia Ferrer"):
        span = doc.char_span(text.index(name), text.index(name) + len(name))
        assert span is not None
        persons.append(Span(doc, span.start, span.end, label="PERSON"))
    doc.ents = persons
    assert [s.text for s in listed_names(persons)] == ["Mateo Barrios"]


def test_a_single_capitalised_word_in_the_list_is_no_new_person(extractor: Extractor) -> None:
    text = "Rafael Ortiz and Reuters reported the raid."
    doc = extractor.nlp(text)
    span = doc.char_span(0, len("Rafael Ortiz"))
    assert span is not None
    doc.ents = [Span(doc, span.start, span.end, label="PERSON")]
    assert listed_names([doc.ents[0]]) == []


def test_an_office_is_a_mention_but_not_a_name(extractor: Extractor) -> None:
    """Many hold an office: "Interior Minister" is recorded where it refers to the person,
    but never as one of their names (skos:altLabel), which resolution would compare."""
    text = "French Interior Minister Paul Derain said the attack in Lyon was planned."
    result = extractor.extract(ArticleInput(source="t", text=text))
    derain = next(e for e in result.entities if e.name == "Paul Derain")
    assert "Interior Minister" in {m.text for m in derain.mentions}
    assert derain.aliases == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President", True),
        ("Prime Minister", True),
        ("the Vice President", True),
        ("Head of State", True),
        ("U.S. President", True),
        ("the American president", True),
        ("United States Secretary of State", True),
        ("Staff General", True),
        ("Derain", False),
        ("Minister Derain", False),
        ("Iraqi", False),
        ("American Derain", False),
    ],
)
def test_is_title_only(text: str, expected: bool) -> None:
    assert is_title_only(text) is expected


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        (
            "President Dana Whitcomb spoke on Monday. The U.S. president said the strike was "
            "justified.",
            "Dana Whitcomb",
            "The U.S. president",
        ),
        (
            "President Dana Whitcomb spoke on Monday. The United States president said the "
            "strike was justified.",
            "Dana Whitcomb",
            "The United States president",
        ),
        (
            "Army Chief of Staff General Arlo Brenning said the raid on Harlowe failed.",
            "Arlo Brenning",
            "Staff General",
        ),
    ],
)
def test_an_office_with_its_country_is_a_mention_but_not_a_name(
    extractor: Extractor, text: str, name: str, mention: str
) -> None:
    """The country or demonym before an office says whose office it is: "the U.S.
    president" is still held by many, one after another."""
    result = extractor.extract(ArticleInput(source="t", text=text))
    person = next(e for e in result.entities if e.name == name)
    assert person.type == "Person"
    assert mention in {m.text for m in person.mentions}
    assert person.aliases == []


def test_a_surname_is_still_a_name_beside_an_office(extractor: Extractor) -> None:
    text = "U.S. President Dana Whitcomb spoke on Monday. Whitcomb said the strike was justified."
    result = extractor.extract(ArticleInput(source="t", text=text))
    person = next(e for e in result.entities if e.name == "Dana Whitcomb")
    assert person.aliases == ["Whitcomb"]
