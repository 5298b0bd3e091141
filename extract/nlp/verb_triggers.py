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
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import AUX, NOUN, PRON, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from ..language import REPORTING_VERBS, Lexicon, load_lexicon
from .spans import TRIGGERS_KEY

__all__ = [
    "MISREAD_VERBS",
    "VERB_LIKE_NOUNS",
    "MisreadVerbs",
    "VerbTriggers",
    "noun_forms",
    "prefixed_irregular_forms",
]

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
        verbs = {verb for trigger in lexicon.triggers for verb in trigger.verbs}
        self._relemma = {
            strings.add(form): strings.add(lemma)
            for form, lemma in prefixed_irregular_forms(verbs, _verb_exceptions(nlp)).items()
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


def _verb_exceptions(nlp: Language) -> Mapping[str, Sequence[str]]:
    """The lemmatiser's irregular verb forms (form -> its lemmas: "shot" -> ["shoot"]), or
    none when the pipeline has no lemmatiser."""
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        if lookups.has_table("lemma_exc"):
            return lookups.get_table("lemma_exc").get("verb", {})
    return {}


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


MISREAD_VERBS = "conflict_kg_misread_verbs"
"""The component that gives a clause the small parser left without a verb its verb back."""

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
NOMINAL = frozenset({NOUN, PROPN, PRON})
OBJECT_DEPS = frozenset({"dobj", "npadvmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})

Plan = dict[int, tuple[int, str]]
"""New (head index, dependency label) by token index, for one repaired sentence."""


class MisreadVerbs:
    """Repairs a clause the small parser left without its verb, before triggers are read.

    "Two men on a motorbike shot dead a shopkeeper" is parsed with a noun compound
    ("motorbike shot") inside the subject and the adjective as the root: no verb, hence no
    trigger, subject or object. The signal is the clause's shape, not its words: a sentence
    whose root is no verb and that has no finite verb with a subject of its own, in which a
    token read as a noun or a participle has a past reading of a lexicon verb (the
    lemmatiser's irregular forms for a noun, the tagger's past tags for a participle), a
    nominal subject to its left and a direct object to its right. Such a token is the
    clause's finite verb: it becomes the root over that subject and object, and the noun it
    was fused with ("motorbike") takes back its place in the subject, as when the parser
    reads the clause well ("Two gunmen shot dead a shopkeeper"). The clause a reporting verb
    at the root reports (", police said") is read the same way, and its verb hangs under the
    reporting verb (`_clauses`). Headline fragments without an object ("Three killed in
    blast", "Soldiers wounded in ambush") keep their reading.
    """

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        verbs = {verb for trigger in lexicon.triggers for verb in trigger.verbs}
        # an irregular past of a lexicon verb -> the verb ("shot" -> "shoot")
        self._pasts = {
            form: lemmas[0]
            for form, lemmas in _verb_exceptions(nlp).items()
            if lemmas and lemmas[0] in verbs and form != lemmas[0] and not form.endswith("ing")
        }
        self._verbs = frozenset(nlp.vocab.strings.add(verb) for verb in verbs)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        repairs: list[tuple[Token, str, Plan]] = []
        for clause in (c for sentence in doc.sents for c in _clauses(sentence)):
            if clause.root.pos in (VERB, AUX) or not _verbless(clause):
                continue
            for token in clause:
                lemma = self._verb_reading(token)
                plan = None if lemma is None else _repair_plan(clause, token)
                if lemma is not None and plan is not None:
                    repairs.append((token, lemma, plan))
                    break
        if repairs:
            _apply(doc, repairs)
        return doc

    def _verb_reading(self, token: Token) -> str | None:
        """The lexicon verb `token` can be the past form of, whether read as a noun or as
        a participle."""
        if token.pos == NOUN:
            return self._pasts.get(token.lower_)
        if token.pos == VERB and token.tag_ in ("VBD", "VBN") and token.lemma in self._verbs:
            return token.lemma_
        return None


def _clauses(sentence: Span) -> list[Span]:
    """The sentence, and the clause a reporting verb at its root reports ("Two men on a
    motorbike shot dead a shopkeeper, police said"): wire copy tells most incidents so."""
    root = sentence.root
    if root.pos != VERB or root.lemma_.lower() not in REPORTING_VERBS:
        return [sentence]
    reported = [
        sentence.doc[c.left_edge.i : c.right_edge.i + 1]
        for c in root.children
        if c.dep_ == "ccomp" and c.pos not in (VERB, AUX)
    ]
    return [sentence, *reported]


def _verbless(sentence: Span) -> bool:
    """No auxiliary and no finite verb with its own subject: the sentence has no clause
    the parser read as one."""
    for token in sentence:
        if token.tag_ in FINITE_TAGS and token.pos in (VERB, AUX):
            if token.pos == AUX or any(c.dep_ in SUBJECT_DEPS for c in token.children):
                return False
    return True


def _subject_of(token: Token) -> Token | None:
    """The highest ancestor of `token` left of it, before the chain turns right: the noun
    phrase the misread verb was swallowed into ("men" in "men on a motorbike shot")."""
    subject = None
    node = token
    while node.head.i != node.i and node.head.i < token.i:
        node = node.head
        subject = node
    return subject


def _object_of(token: Token, root: Token) -> Token | None:
    """A direct object right of `token`: its own, or the adjective root's ("dead a
    shopkeeper")."""
    owners = [token] + ([root] if root.i > token.i and root.pos_ == "ADJ" else [])
    for owner in owners:
        for child in owner.rights:
            if (
                child.dep_ in OBJECT_DEPS
                and child.pos in NOMINAL
                and child.ent_type_ not in TIME_ENTITIES
            ):
                return child
    return None


def _repair_plan(sentence: Span, verb: Token) -> Plan | None:
    """The new heads that make `verb` the head of `sentence` (a sentence, or a clause a
    reporting verb reports: the verb takes the clause's place under it), or None when the
    clause lacks the subject or the object that only a finite transitive verb would have."""
    root = sentence.root
    if verb.i == root.i or (root.i > verb.i and root.pos_ != "ADJ"):
        return None
    subject = _subject_of(verb)
    fused = next(
        (c for c in reversed(list(verb.lefts)) if c.dep_ in NOUN_MODIFIER_DEPS
         and c.pos in NOMINAL),
        None,
    )  # fmt: skip
    if (subject is None and fused is None) or (subject is not None and subject.pos not in NOMINAL):
        return None
    if verb.pos == NOUN and fused is None and any(c.dep_ == "det" for c in verb.lefts):
        return None  # "the shot": a noun phrase of its own
    if _object_of(verb, root) is None:
        return None
    # the sentence's root, or the reported clause's place under its reporting verb
    plan: Plan = {verb.i: (verb.i, "ROOT") if root.head.i == root.i else (root.head.i, root.dep_)}
    if fused is not None:
        for child in verb.lefts:
            if child.i != fused.i:
                plan[child.i] = (fused.i, child.dep_)
        plan[fused.i] = (verb.head.i, verb.dep_) if subject is not None else (verb.i, "nsubj")
    if subject is not None:
        plan[subject.i] = (verb.i, "nsubj")
    if root.i > verb.i:
        plan[root.i] = (verb.i, "acomp")
        for child in root.children:
            plan.setdefault(child.i, (verb.i, child.dep_))
    for token in sentence:
        head, dep = plan.get(token.i, (token.head.i, token.dep_))
        if token.i != verb.i and head != verb.i and (head < verb.i) != (token.i < verb.i):
            plan[token.i] = (verb.i, dep)
    return plan


def _apply(doc: Doc, repairs: list[tuple[Token, str, Plan]]) -> None:
    """Writes the repaired heads in one pass, and gives each verb a finite past's tag,
    part of speech, morphology and lemma."""
    columns = doc.to_array([HEAD, DEP]).astype("int64")
    strings = doc.vocab.strings
    for _, _, plan in repairs:
        for i, (head, dep) in plan.items():
            columns[i, 0] = head - i
            columns[i, 1] = strings.add(dep)
    doc.from_array([HEAD, DEP], columns.astype("uint64"))
    for verb, lemma, _ in repairs:
        verb.tag_ = "VBD"
        verb.pos = VERB
        verb.set_morph("Tense=Past|VerbForm=Fin")
        verb.lemma_ = lemma


@Language.factory(MISREAD_VERBS, default_config={"extra_frames": []})
def make_misread_verbs(nlp: Language, name: str, extra_frames: list[str]) -> MisreadVerbs:
    """The component over the verbs of the lexicon and of `extra_frames`."""
    return MisreadVerbs(nlp, load_lexicon(tuple(extra_frames)))


@Language.factory("conflict_kg_verb_triggers", default_config={"extra_frames": []})
def make_verb_triggers(nlp: Language, name: str, extra_frames: list[str]) -> VerbTriggers:
    """The component over the lexicon's frames and `extra_frames` (more `frames.jsonl`
    lines, as `load_nlp` passes them)."""
    return VerbTriggers(nlp, load_lexicon(tuple(extra_frames)))
