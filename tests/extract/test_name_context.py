"""The NER label the words around a name correct (extract/entities/name_context.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from conflict_kg.extract import ArticleInput, Extractor, load_lexicon
from conflict_kg.extract.entities.name_context import (
    facility_after,
    person_by_context,
    place_by_context,
    reporter_by_context,
    unlabelled_facilities,
)
from conflict_kg.extract.entities.resolution import resolve_entities


def _span(extractor: Extractor, text: str, name: str, label: str | None = None) -> Span:
    """`name` in the parsed `text`; with `label`, the Doc's only entity is `name` with it."""
    doc: Doc = extractor.nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    if label is not None:
        doc.ents = [Span(doc, span.start, span.end, label=label)]
    return span


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Dmitri Orlanov, 31, faces one count of obstruction.", "Dmitri Orlanov", True),
        ('"It is over," said Ramona Velasquez, an opposition leader.', "Ramona Velasquez", True),
        ('"I heard a bang," said Ilse, a 17-year-old student.', "Ilse", True),
        ("Police arrested Ines Montalvo, wife of the playwright.", "Ines Montalvo", True),
        ("Tomasz Wieland and his wife Beatriz Serrano were wounded.", "Beatriz Serrano", True),
        ("They were charged over the assassination of Jorge Ruiz.", "Jorge Ruiz", True),
        ("Aid reached the city after Nadia Farouk's husband called.", "Nadia Farouk", True),
        ("The Halvorsen administration imposed new sanctions.", "Halvorsen", True),
        ("The Red Crescent, a relief agency, sent aid.", "Red Crescent", False),
        ("The Kessler Group, 40, said nothing.", "Kessler Group", False),
        ("The NLF government fell in March.", "NLF", False),
        ("Shares of Norvik Shipping fell sharply.", "Norvik Shipping", False),
        ("Later in Harlowe, a suicide bomber blew himself up.", "Harlowe", False),
    ],
)
def test_person_by_context(extractor: Extractor, text: str, name: str, expected: bool) -> None:
    assert person_by_context(_span(extractor, text, name)) is expected


def test_a_name_listed_with_persons_is_a_person(extractor: Extractor) -> None:
    text = "The dead were Omar Haddad, Ruben Castell and Layla Nasser."
    doc: Doc = extractor.nlp(text)
    spans = [doc.char_span(text.index(n), text.index(n) + len(n)) for n in
             ("Omar Haddad", "Ruben Castell", "Layla Nasser")]  # fmt: skip
    assert all(s is not None for s in spans)
    labels = ("PERSON", "ORG", "PERSON")
    doc.ents = [Span(doc, s.start, s.end, label=lab) for s, lab in zip(spans, labels, strict=True)]
    castell = doc.char_span(text.index("Ruben Castell"), text.index(" and"))
    assert castell is not None
    assert person_by_context(castell) is True


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Two soldiers were killed in Harlowe on Monday.", "Harlowe", True),
        ("The army moved into the town of Harlowe.", "Harlowe", True),
        ("Fighters died in Wadi Sahir and Wadi Tamra last week.", "Wadi Tamra", True),
        ("Officials met near Harlowe at dawn.", "Harlowe", True),
        ("Harlowe said the road was closed.", "Harlowe", False),
        ("The rumour spread in Harlowe's office.", "Harlowe", False),
        ("The army praised Harlowe for the raid.", "Harlowe", False),
    ],
)
def test_place_by_context(extractor: Extractor, text: str, name: str, expected: bool) -> None:
    assert place_by_context(_span(extractor, text, name)) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("A bomb exploded on a street in the city of Harlowe.", "Harlowe", True),
        ("Soldiers were killed in attacks in Kunduz and Harlowe.", "Harlowe", True),
        ("The bill stalled in Parliament last year.", "Parliament", False),
        ("A rift opened in NATO last year.", "NATO", False),
        ("Police in Harlowe said the road was closed.", "Harlowe", True),
    ],
)
def test_place_by_context_of_an_organisation(
    extractor: Extractor, text: str, name: str, expected: bool
) -> None:
    """`label` "ORG": a place noun, a listed place, or "in" before one capitalised word that
    is no body's head and no acronym makes an organisation a place."""
    span = _span(extractor, text, name)
    if "Kunduz" in text:
        doc = span.doc
        kunduz = doc.char_span(text.index("Kunduz"), text.index("Kunduz") + 6)
        assert kunduz is not None
        doc.ents = [
            Span(doc, kunduz.start, kunduz.end, label="GPE"),
            Span(doc, span.start, span.end, label="ORG"),
        ]
    assert place_by_context(span, "ORG") is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("A guard stood outside Greenfield mosque in the city.", "Greenfield", "Greenfield mosque"),
        ("They closed the Bellmont metro stations.", "Bellmont", "Bellmont metro stations"),
        ("Diners were in the La Palmera restaurant.", "La Palmera", "La Palmera restaurant"),
        ("Troops fought gunmen in the Harlowe area.", "Harlowe", "Harlowe area"),
        ("Rebels shelled a Vanguard camp overnight.", "Vanguard", None),
        ("Greenfield said the mosque was closed.", "Greenfield", None),
    ],
)
def test_facility_after(extractor: Extractor, text: str, name: str, expected: str | None) -> None:
    extended = facility_after(_span(extractor, text, name))
    assert (extended.text if extended is not None else None) == expected


def test_every_mention_of_a_name_follows_the_one_its_context_types(
    extractor: Extractor,
) -> None:
    """The NER's ORG for "Ines Montalvo" twice; the age beside one mention makes both a
    person."""
    text = "Ines Montalvo, 44, was arrested. Later Ines Montalvo was freed."
    doc: Doc = extractor.nlp(text)
    first = text.index("Ines Montalvo")
    second = text.rindex("Ines Montalvo")
    spans = [doc.char_span(s, s + len("Ines Montalvo")) for s in (first, second)]
    doc.ents = [Span(doc, s.start, s.end, label="ORG") for s in spans if s is not None]
    table = resolve_entities(doc, load_lexicon(), "k")
    person = table.entities["ines-montalvo"]
    assert person.type == "Person"
    assert sorted(m.start for m in person.mentions) == [first, second]


def test_a_person_the_text_puts_somewhere_is_a_place(extractor: Extractor) -> None:
    text = "Gunmen attacked a checkpoint in Harlowe. Harlowe has been quiet since."
    doc: Doc = extractor.nlp(text)
    spans = [doc.char_span(s, s + 7) for s in (text.index("Harlowe"), text.rindex("Harlowe"))]
    doc.ents = [Span(doc, s.start, s.end, label="PERSON") for s in spans if s is not None]
    table = resolve_entities(doc, load_lexicon(), "k")
    assert table.entities["harlowe"].type == "Place"
    assert len(table.entities["harlowe"].mentions) == 2


def test_a_facility_noun_after_a_person_label_makes_a_place(extractor: Extractor) -> None:
    text = "A guard stood outside Greenfield mosque in the city."
    span = _span(extractor, text, "Greenfield", "PERSON")
    table = resolve_entities(span.doc, load_lexicon(), "k")
    place = table.entities["greenfield-mosque"]
    assert (place.type, place.mentions[0].text) == ("Place", "Greenfield mosque")


def test_extraction_types_an_aged_name_as_a_person(extractor: Extractor) -> None:
    text = "Dmitri Orlanov, 31, faces one count of obstruction of justice in the bombing case."
    result = extractor.extract(ArticleInput(source="t", text=text))
    types = {e.name: e.type for e in result.entities}
    assert types.get("Dmitri Orlanov") == "Person"


def test_unlabelled_proper_nouns_before_a_facility_noun_name_the_facility(
    extractor: Extractor,
) -> None:
    doc: Doc = extractor.nlp("Police removed the cordon on Marlowe Bragg street at dawn.")
    doc.ents = []
    assert [s.text for s in unlabelled_facilities(doc)] == ["Marlowe Bragg street"]


def test_a_labelled_name_or_a_common_noun_before_a_facility_noun_is_left_alone(
    extractor: Extractor,
) -> None:
    text = "The Harlowe mosque and the old market were closed."
    doc: Doc = extractor.nlp(text)
    harlowe = doc.char_span(text.index("Harlowe"), text.index("Harlowe") + 7)
    assert harlowe is not None
    doc.ents = [Span(doc, harlowe.start, harlowe.end, label="GPE")]
    assert unlabelled_facilities(doc) == []


@pytest.mark.parametrize(
    ("text", "name", "surnames", "expected"),
    [
        ("The convoy was hit near the border, Al-Rased reported.", "Al-Rased", set(), True),
        ("The convoy was hit, Whitcombe reported.", "Whitcombe", {"whitcombe"}, False),
        ("The convoy was hit, Whitcombe said.", "Whitcombe", set(), False),
        ("The convoy was hit, Dana Whitcombe reported.", "Dana Whitcombe", set(), False),
    ],
)
def test_reporter_by_context(
    extractor: Extractor, text: str, name: str, surnames: set[str], expected: bool
) -> None:
    assert reporter_by_context(_span(extractor, text, name), surnames) is expected


def test_a_one_word_person_that_reports_is_an_organisation(extractor: Extractor) -> None:
    text = "The convoy was hit near the border, Al-Rased reported."
    span = _span(extractor, text, "Al-Rased", "PERSON")
    table = resolve_entities(span.doc, load_lexicon(), "k")
    assert table.entities["al-rased"].type == "Organization"


def test_a_place_listed_with_a_person_stays_a_place(extractor: Extractor) -> None:
    """ "the villages of A, B and C": the NER's PERSON for C makes no person of B."""
    text = "Fighters recaptured the villages of Tarvesh, Bolvara and Hamid on Friday."
    doc: Doc = extractor.nlp(text)
    spans = [doc.char_span(text.index(n), text.index(n) + len(n)) for n in
             ("Tarvesh", "Bolvara", "Hamid")]  # fmt: skip
    labels = ("GPE", "GPE", "PERSON")
    doc.ents = [
        Span(doc, s.start, s.end, label=lab)
        for s, lab in zip(spans, labels, strict=True)
        if s is not None
    ]
    table = resolve_entities(doc, load_lexicon(), "k")
    assert table.entities["bolvara"].type == "Place"
    assert table.entities["hamid"].type == "Place"  # "the villages of" lists places
