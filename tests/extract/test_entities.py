"""Entity resolution rules on real pipeline output, with the NER's mistakes reproduced."""

from __future__ import annotations

from spacy.tokens import Span

from extract.article import ArticleInput
from extract.entities import resolve_entities
from extract.lexicon import load_lexicon
from extract.pipeline import Extractor


def test_a_surname_the_ner_typed_as_a_place_joins_the_person(extractor: Extractor) -> None:
    doc = extractor.nlp("Police questioned Ruslan Matanov. Investigators said Matanov called.")
    full = next(e for e in doc.ents if e.text == "Ruslan Matanov")
    surname = next(t for t in doc if t.text == "Matanov" and t.i > full.end)
    doc.ents = [full, Span(doc, surname.i, surname.i + 1, label="GPE")]
    table = resolve_entities(doc, load_lexicon(), "k")
    person = table.entities["ruslan-matanov"]
    assert person.type == "Person"
    assert [m.text for m in person.mentions] == ["Ruslan Matanov", "Matanov"]
    assert "matanov" not in table.entities


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
