"""Verb triggers ("bombed", "clashed", "expelled") found by one vectorised lookup per doc.

The trigger lexicon's verbs match on lemma and part of speech. As token patterns in the
span ruler's Matcher they cost a pattern walk at every token for every verb, about a sixth
of the whole pipeline's time; here the doc's lemma and POS columns are read once as arrays
and tested against one set of hashes. The spans are the ones the Matcher made: one per
(verb token, lexicon row), labelled by event class with the row's index as their id, merged
into `doc.spans[TRIGGERS_KEY]` in the span ruler's sorted order.
"""

from __future__ import annotations

from collections import defaultdict

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import NOUN, PROPN, VERB
from spacy.tokens import Doc, Span

from ..language import Lexicon, load_lexicon
from .spans import TRIGGERS_KEY

__all__ = ["VERB_LIKE_NOUNS", "VerbTriggers", "noun_forms"]

VERB_LIKE_NOUNS = frozenset(
    {"deal", "deals", "talks", "trip", "trips", "rally", "visit", "visits", "murder", "murders",
     "slaughter", "slaughters", "torture", "tortures", "flogging", "floggings"}
)  # fmt: skip
"""Trigger nouns that are also common verbs ("deal with", "he talks"): matched only when
tagged as nouns, by the same lookup as the verbs."""


class VerbTriggers:
    """The component: built once from the lexicon, then a few array operations per doc."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        strings = nlp.vocab.strings
        # string hash of a verb lemma (or a noun form) -> [(event class, lexicon row), ...]
        self._verbs: dict[int, list[tuple[str, str]]] = defaultdict(list)
        self._nouns: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for index, trigger in enumerate(lexicon.triggers):
            for verb in trigger.verbs:
                self._verbs[strings.add(verb)].append((trigger.event_class, str(index)))
            for noun in trigger.nouns:
                for form in noun_forms(noun):
                    if form in VERB_LIKE_NOUNS:
                        self._nouns[strings.add(form)].append((trigger.event_class, str(index)))
        self._verb_hashes = numpy.array(sorted(self._verbs), dtype=numpy.uint64)
        self._noun_hashes = numpy.array(sorted(self._nouns), dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([LEMMA, LOWER, POS])
        lemmas, lowers, pos = columns[:, 0], columns[:, 1], columns[:, 2]
        verbs = numpy.flatnonzero(numpy.isin(lemmas, self._verb_hashes) & (pos == VERB))
        nouns = numpy.flatnonzero(
            numpy.isin(lowers, self._noun_hashes) & ((pos == NOUN) | (pos == PROPN))
        )
        found: list[Span] = []
        for table, column, indices in (
            (self._verbs, lemmas, verbs),
            (self._nouns, lowers, nouns),
        ):
            for i in indices.tolist():
                for label, row in table[int(column[i])]:
                    found.append(Span(doc, i, i + 1, label=label, span_id=row))
        if found:
            existing = list(doc.spans[TRIGGERS_KEY]) if TRIGGERS_KEY in doc.spans else []
            doc.spans[TRIGGERS_KEY] = sorted(set(existing) | set(found))
        return doc


def noun_forms(noun: str) -> tuple[str, ...]:
    """A trigger noun and its plural, so that phrase matching needs no lemmatiser."""
    lowered = noun.lower()
    if lowered.endswith("s") or " " in lowered or not lowered.isalpha():
        return (noun,)
    if lowered.endswith("y") and lowered[-2:-1] not in "aeiou":
        return (noun, noun[:-1] + "ies")
    if lowered.endswith(("x", "ch", "sh")):
        return (noun, noun + "es")
    return (noun, noun + "s")


@Language.factory("conflict_kg_verb_triggers", default_config={"extra_frames": []})
def make_verb_triggers(nlp: Language, name: str, extra_frames: list[str]) -> VerbTriggers:
    """The component over the lexicon's frames and `extra_frames` (more `frames.jsonl`
    lines, as `load_nlp` passes them)."""
    return VerbTriggers(nlp, load_lexicon(tuple(extra_frames)))
