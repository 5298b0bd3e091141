"""Later bare mentions of a name the article typed (extract/entities/repeats.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from conflict_kg.extract import Extractor, load_lexicon
from conflict_kg.extract.entities import EntityTable
from conflict_kg.extract.entities.resolution import resolve_entities


def _table_with_first_labelled(
    extractor: Extractor, text: str, name: str, label: str
) -> EntityTable:
    """Resolve `text` with only the first occurrence of `name` labelled `label`."""
    doc: Doc = extractor.nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    doc.ents = [Span(doc, span.start, span.end, label=label)]
    return resolve_entities(doc, load_lexicon(), "k")


def test_a_bare_repeat_of_a_typed_place_is_a_mention_of_it(extractor: Extractor) -> None:
    text = "Rebels entered Varnesk in May. Varnesk sees frequent raids on its roads."
    table = _table_with_first_labelled(extractor, text, "Varnesk", "GPE")
    place = table.entities["varnesk"]
    assert place.type == "Place"
    assert sorted(m.start for m in place.mentions) == [
        text.index("Varnesk"),
        text.rindex("Varnesk"),
    ]


def test_a_repeat_inside_a_longer_name_or_before_a_facility_noun_is_not(
    extractor: Extractor,
) -> None:
    text = "Rebels entered Varnesk. Greater Varnesk Police and the Varnesk mosque were hit."
    table = _table_with_first_labelled(extractor, text, "Varnesk", "GPE")
    assert [m.start for m in table.entities["varnesk"].mentions] == [text.index("Varnesk")]


def test_a_capitalised_common_noun_is_not_repeated(extractor: Extractor) -> None:
    """The NER's ORG for a sentence's first word "Gunmen" makes no name of it."""
    text = "Gunmen attacked a post. Gunmen fled later."
    table = _table_with_first_labelled(extractor, text, "Gunmen", "ORG")
    (entity,) = [e for e in table.entities.values() if e.name == "Gunmen"]
    assert [m.start for m in entity.mentions] == [0]


def test_a_repeat_next_to_another_name_is_still_a_mention(extractor: Extractor) -> None:
    """ "the Harlowe Varnesk leaders": "Harlowe" is a name of its own, not part of one."""
    text = "Rebels entered Varnesk. The Harlowe Varnesk leaders met."
    doc: Doc = extractor.nlp(text)
    spans = [doc.char_span(text.index(n), text.index(n) + 7) for n in ("Varnesk", "Harlowe")]
    doc.ents = [Span(doc, s.start, s.end, label="GPE") for s in spans if s is not None]
    table = resolve_entities(doc, load_lexicon(), "k")
    starts = sorted(m.start for m in table.entities["varnesk"].mentions)
    assert starts == [text.index("Varnesk"), text.rindex("Varnesk")]


def test_a_nationality_label_on_a_place_name_the_article_has_is_the_place(
    extractor: Extractor,
) -> None:
    text = "Rebels entered Varnesk in May. Varnesk became a republic later."
    doc: Doc = extractor.nlp(text)
    first, second = text.index("Varnesk"), text.rindex("Varnesk")
    spans = [doc.char_span(s, s + 7) for s in (first, second)]
    labels = ("GPE", "NORP")
    doc.ents = [
        Span(doc, s.start, s.end, label=lab)
        for s, lab in zip(spans, labels, strict=True)
        if s is not None
    ]
    table = resolve_entities(doc, load_lexicon(), "k")
    place = table.entities["varnesk"]
    assert (place.type, sorted(m.start for m in place.mentions)) == ("Place", [first, second])
