"""Verb triggers ("bombed", "clashed", "expelled") found by one vectorised lookup per doc.

The trigger lexicon's verbs match on lemma and part of speech. As token patterns in the
span ruler's Matcher they cost a pattern walk at every token for every verb, about a sixth
of the whole pipeline's time; here the doc's lemma and POS columns are read once as arrays
and tested against one set of hashes. The spans are the ones the Matcher made: one per
(verb token, lexicon row), labelled by event class with the row's index as their id, merged
into `doc.spans[TRIGGERS_KEY]` in the span ruler's sorted order.

The model's lemmatiser knows the irregular forms of "take" but not of "retake": "retook" keeps
itself as its lemma (and a present tag). Before the lookup, a lexicon verb made of a prefix
and an irregular verb ("retake", "overrun", "withdraw") lends its prefix to the irregular
forms of its base ("took", "taken") and those tokens get their lemma back, so a trigger and
every later rule that reads lemmas see "retake". Those forms are past ones, so the token's
tag and morphology become the past tense's (the participle's after "have" or "be"): the
tagger read "retook" as a present, which made the retaking habitual.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import NOUN, PROPN, VERB
from spacy.tokens import Doc, Span

from ..language import Lexicon, load_lexicon
from .spans import TRIGGERS_KEY

__all__ = ["VERB_LIKE_NOUNS", "VerbTriggers", "noun_forms", "prefixed_irregular_forms"]

VERB_PREFIXES = ("re", "over", "out", "under", "with", "mis", "up", "fore")
"""Prefixes that make a verb of a verb ("retake", "overrun", "outgun")."""

VERB_LIKE_NOUNS = frozenset(
    {"deal", "deals", "talks", "trip", "trips", "rally", "visit", "visits", "killing", "killings",
     "murder", "murders", "slaughter", "slaughters", "torture", "tortures", "flogging",
     "floggings"}
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
        # irregular prefixed form -> its lemma ("retook" -> "retake"), as string hashes
        exceptions: dict[str, list[str]] = {}
        if "lemmatizer" in nlp.pipe_names:
            lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
            if lookups.has_table("lemma_exc"):
                exceptions = lookups.get_table("lemma_exc").get("verb", {})
        verbs = {verb for trigger in lexicon.triggers for verb in trigger.verbs}
        self._relemma = {
            strings.add(form): strings.add(lemma)
            for form, lemma in prefixed_irregular_forms(verbs, exceptions).items()
        }
        self._relemma_hashes = numpy.array(sorted(self._relemma), dtype=numpy.uint64)
        self._noun_hashes = numpy.array(sorted(self._nouns), dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([LEMMA, LOWER, POS])
        lemmas, lowers, pos = columns[:, 0], columns[:, 1], columns[:, 2]
        misread = numpy.flatnonzero(
            numpy.isin(lowers, self._relemma_hashes) & (lemmas == lowers) & (pos == VERB)
        )
        for i in misread.tolist():
            lemma = self._relemma[int(lowers[i])]
            token = doc[i]
            token.lemma = lemma
            lemmas[i] = lemma
            participle = any(c.dep_ in ("aux", "auxpass") for c in token.children)
            token.tag_ = "VBN" if participle else "VBD"
            token.set_morph("Tense=Past|VerbForm=Part" if participle else "Tense=Past|VerbForm=Fin")
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


def prefixed_irregular_forms(
    verbs: Iterable[str], exceptions: Mapping[str, Sequence[str]]
) -> dict[str, str]:
    """The irregular forms of prefixed `verbs` the lemmatiser's `exceptions` (form -> its
    lemmas, of the unprefixed verbs) miss: "retake" with "took" and "taken" among the forms
    of "take" gives {"retook": "retake", "retaken": "retake"}. Only past forms: not the
    base with "-s" or "-ing" ("overruns", "overrunning"), which the model tags well."""
    forms_of: dict[str, set[str]] = defaultdict(set)
    for form, lemmas in exceptions.items():
        for lemma in lemmas:
            forms_of[lemma].add(form)
    found: dict[str, str] = {}
    for verb in verbs:
        for prefix in VERB_PREFIXES:
            base = verb[len(prefix) :]
            if verb.startswith(prefix) and len(base) > 2:
                for form in forms_of.get(base, ()):
                    if not form.endswith(("s", "ing")):
                        found.setdefault(prefix + form, verb)
    return found


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
