"""Adjectives of places the article names (extract/entities/place_adjectives.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from conflict_kg.extract import Extractor, load_lexicon
from conflict_kg.extract.entities import EntityTable
from conflict_kg.extract.entities.resolution import resolve_entities


def _resolve(extractor: Extractor, text: str, labels: dict[str, str]) -> EntityTable:
    """Resolve `text` with exactly the entities `labels` gives (first occurrence of each)."""
    doc: Doc = extractor.nlp(text)
    ents = []
    for name, label in labels.items():
        span = doc.char_span(text.index(name), text.index(name) + len(name))
        assert span is not None
        ents.append(Span(doc, span.start, span.end, label=label))
    doc.ents = sorted(ents, key=lambda s: s.start)
    return resolve_entities(doc, load_lexicon(), "k")


def test_an_adjective_sharing_a_named_places_stem_mentions_it(extractor: Extractor) -> None:
    text = "Rebels from Varnesia crossed the border. Varnesian fighters took two villages."
    table = _resolve(extractor, text, {"Varnesia": "GPE", "Varnesian": "NORP"})
    place = table.entities["varnesia"]
    assert sorted(m.text for m in place.mentions) == ["Varnesia", "Varnesian"]


def test_an_adjective_used_for_one_person_or_a_group_is_no_place(extractor: Extractor) -> None:
    text = "Rebels from Varnesia crossed. A Varnesian was hurt and Varnesians fled."
    table = _resolve(
        extractor, text, {"Varnesia": "GPE", "Varnesian": "NORP", "Varnesians": "NORP"}
    )
    assert [m.text for m in table.entities["varnesia"].mentions] == ["Varnesia"]


def test_an_adjective_of_a_short_or_unrelated_stem_is_no_place(extractor: Extractor) -> None:
    text = "Rebels from Varnesia crossed. Tolvan fighters took two villages."
    table = _resolve(extractor, text, {"Varnesia": "GPE", "Tolvan": "NORP"})
    assert [m.text for m in table.entities["varnesia"].mentions] == ["Varnesia"]
