"""The verb-trigger component: lemma and part of speech read as arrays, with the same spans
the span ruler's token patterns used to make."""

from __future__ import annotations

from conflict_kg.extract import Extractor, load_lexicon
from conflict_kg.extract.nlp import TRIGGERS_KEY


def triggers(extractor: Extractor, text: str) -> list[tuple[str, str, str]]:
    doc = extractor.nlp(text)
    rows = load_lexicon().triggers
    return [
        (span.text, span.label_, rows[int(span.id_)].event_class)
        for span in doc.spans.get(TRIGGERS_KEY, [])
        if span.label_ != "WEAPON"
    ]


def test_verbs_match_by_lemma_only_as_verbs(extractor: Extractor) -> None:
    found = triggers(extractor, "Militants bombed the bridge and clashed with troops.")
    assert ("bombed", "Bombing", "Bombing") in found
    assert ("clashed", "ArmedClash", "ArmedClash") in found
    # "bomb" as a noun is the noun trigger's business, never the verb row's.
    nouns = triggers(extractor, "The bomb was found.")
    assert [t for t in nouns if t[0] == "bomb"] == []


def test_verb_like_nouns_match_only_as_nouns(extractor: Extractor) -> None:
    as_noun = triggers(extractor, "The talks in Doha ended on Monday.")
    assert ("talks", "Meeting", "Meeting") in as_noun
    as_verb = triggers(extractor, "He talks to reporters every day.")
    assert [t for t in as_verb if t[0] == "talks"] == []


def test_spans_stay_sorted_and_unique(extractor: Extractor) -> None:
    doc = extractor.nlp("Gunmen attacked a convoy, then attacked it again and fled.")
    spans = list(doc.spans[TRIGGERS_KEY])
    assert spans == sorted(set(spans))
    verbs = [(s.start, s.text) for s in spans if s.label_ == "Attack" and len(s) == 1]
    assert verbs == [(1, "attacked"), (6, "attacked")]


def test_an_empty_doc_has_no_triggers(extractor: Extractor) -> None:
    assert list(extractor.nlp("").spans.get(TRIGGERS_KEY, [])) == []
