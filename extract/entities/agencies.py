"""Bodies the NER does not find as names: a state's own that begin with the state's name,
and the political bodies an article names in lowercase by their role.

Named bodies of a state that begin with the state's name: "U.S. Air Force", "United
States Treasury Department", "U.S. Air Force Office of Special Investigations".

The gazetteer ruler runs before the statistical NER and claims "U.S." for the state, so the
NER never gets to see the longer organisation name. The words after a country name are
read here instead: capitalised words up to the last one that names a body (Force,
Ministry, Department ...), plus an "of ..." complement of capitalised words.

Political bodies named by their role (`add_political_bodies`): wire copy names the sides
of a country's politics by their role, not their name, once the country is known: "the
ruling party blamed the opposition for the bombing", "the junta denied it". No NER labels
such a phrase, so without an entity of its own the blame and the denial have nobody to
hold. Each phrase is an entity of its article only (another article's "opposition" is
another country's), typed by its head noun and its modifiers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..language import positions

if TYPE_CHECKING:
    from .table import EntityTable

__all__ = ["MILITARY_WORDS", "add_political_bodies", "agency_after_state"]

MILITARY_WORDS = frozenset(
    {"force", "forces", "army", "navy", "corps", "marines", "guard", "command", "military"}
)
"""Last words of a state's armed body (typed StateForce)."""
BODY_WORDS = MILITARY_WORDS | frozenset(
    {"ministry", "department", "office", "agency", "embassy", "consulate", "treasury",
     "bureau", "administration", "service", "council", "congress", "senate", "court",
     "mission", "police", "intelligence", "directorate"}
)  # fmt: skip
"""Last words of a state's body (typed Government unless military)."""
CONNECTORS = frozenset({"of", "for", "and"})
MAX_WORDS = 8


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text) and not text.isupper()


def agency_after_state(state: Span) -> tuple[Span, str] | None:
    """(the body's whole name, its type: StateForce or Government) when a country name is
    followed by the name of one of its bodies; None otherwise (a title-case headline that
    runs on, "U.S. Strikes Hit Syria", names no body)."""
    doc = state.doc
    end = state.end
    last_body: int | None = None
    while end < len(doc) and end - state.end < MAX_WORDS:
        token = doc[end]
        if _capitalised(token.text):
            if token.lower_ in BODY_WORDS:
                last_body = end
        elif not (
            token.lower_ in CONNECTORS and end + 1 < len(doc) and _capitalised(doc[end + 1].text)
        ):
            break
        end += 1
    if last_body is None:
        return None
    stop = last_body + 1
    if stop < end and doc[stop].lower_ == "of":  # "Office of Special Investigations"
        stop = end
    name = doc[state.start : stop]
    kind = "StateForce" if doc[last_body].lower_ in MILITARY_WORDS else "Government"
    return name, kind

STANDALONE_BODIES = frozenset({"opposition", "junta"})
"""Nouns that name one side of a country's politics by themselves: "the opposition"."""
QUALIFIED_BODIES = frozenset({"party", "coalition", "alliance", "bloc", "wing"})
"""Nouns that name one only with a word saying which ("the ruling party", "the rebels'
political wing"); bare, they refer back to a name ("the party said")."""
RULING_BODIES = frozenset({"junta"})
"""Bodies that are the government of the day: ACLED codes a junta as the state's."""
ARMED_MODIFIERS = frozenset({"armed", "military", "militant"})
"""Modifiers that make the body a group of fighters: "its armed wing"."""
ACTION_PREPOSITIONS = frozenset({"to", "of"})
"""Prepositions after "opposition" that make it the act of opposing ("opposition to the
plan"), not a side."""
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
PARTY_PREPOSITIONS = frozenset({"by", "against", "with", "between"})
"""Prepositions whose object is a party to the act they hang on: "an attack by", "a raid
against", "talks with", "clashes between"."""
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
DEFINITE = frozenset({"the", "its", "their", "his", "her"})


def _modifiers(noun: Token) -> list[Token]:
    """Lowercase words before the noun that say which body it is ("ruling", "rebels'");
    not a name (a capitalised modifier makes it a named body, the NER's business), nor a
    participle of what befell it ("the injured party")."""
    return [
        c
        for c in noun.lefts
        if c.dep_ in MODIFIER_DEPS
        and c.text[:1].islower()
        and (c.pos_ in ("ADJ", "NOUN") or c.tag_ == "VBG")
    ]


def _body_phrase(noun: Token) -> Span | None:
    """The phrase that names a political body by its role, or None: the noun must head its
    phrase (not "opposition leaders"), be definite, and, unless it names a side alone,
    be qualified."""
    if noun.pos_ != "NOUN" or not noun.text.islower() or noun.dep_ in MODIFIER_DEPS:
        return None
    if noun.tag_ in ("NNS", "NNPS"):
        return None  # "opposition parties" are several, no one body
    words = _modifiers(noun)
    determiners = [c for c in noun.lefts if c.dep_ in ("det", "poss") and c.lower_ in DEFINITE]
    possessors = [c for c in words if c.dep_ == "poss"]
    if not determiners and not possessors:
        return None
    if noun.lower_ in QUALIFIED_BODIES and not any(not w.is_stop for w in words):
        return None  # "the other party", "the only party" say no more than "the party"
    if any(c.dep_ == "prep" and c.lower_ in ACTION_PREPOSITIONS for c in noun.children):
        return None  # "the opposition of the church to the plan" is an act of opposing
    start = min((w.left_edge.i for w in words), default=noun.i)
    return noun.doc[start : noun.i + 1]


def _kind(phrase: Span) -> tuple[str, str | None]:
    """(type, ACLED category) the phrase's head and modifiers give."""
    if phrase.root.lower_ in RULING_BODIES:
        return "Government", "State forces"
    if any(t.lower_ in ARMED_MODIFIERS for t in phrase):
        return "ArmedGroup", "Political militias"
    return "Organization", None


def _acts(noun: Token) -> bool:
    """Whether the body is a party to what the clause tells: the subject or the object of a
    verb ("the opposition denied", "blamed the ruling party"), or whom an act is by or
    against. Not a phrase that only places a person ("a leader of the ruling party"),
    which is the person's description."""
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ in ACTING_DEPS:
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in PARTY_PREPOSITIONS


def add_political_bodies(table: EntityTable, doc: Doc) -> None:
    """Enter every political body named by its role that acts in some sentence as an
    entity of the article, with all its mentions, their tokens resolving to it, unless a
    name the article already has covers them."""
    phrases = []
    for index in positions(doc, STANDALONE_BODIES | QUALIFIED_BODIES):
        phrase = _body_phrase(doc[index])
        if phrase is not None and not any(t.i in table.token_entity for t in phrase):
            phrases.append(phrase)
    acting = {_label(p) for p in phrases if _acts(p.root)}
    for phrase in phrases:
        label = _label(phrase)
        if label in acting:
            kind, category = _kind(phrase)
            table.add_unnamed(phrase, label, kind, category, resolve=True)


def _label(phrase: Span) -> str:
    text = phrase.text
    return text[0].upper() + text[1:]
