"""Where an event happened: the places of the locative phrases on its trigger or verb.

Shared by the role rules of `extract.roles.roles` (the trigger's own phrases, the places of a
casualty clause, the clause that moves a weapon).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..entities import (
    HOLD_NOUNS,
    LOCATIVE_PREPS,
    PLACE_NOUNS_BEFORE_OF,
    STATE_HEADS,
    EntityTable,
)
from ..language import objects_of
from ..model import Entity
from .facilities import facilities_in_phrase, is_facility
from .phrases import (
    CIVILIAN_NOUNS,
    GROUP_NOUNS,
    LEADER_NOUNS,
    MODIFIER_DEPS,
    mention_span,
    modifies_office,
)

__all__ = [
    "facilities_on",
    "places_attacked",
    "places_in_clause",
    "places_of_the_struck",
    "places_on",
    "places_struck",
]

PLACE_PATH_DEPS = frozenset({"conj", "appos", "compound", "nmod", "npadvmod", "poss"})
"""Dependencies that stay within a locative phrase's places: "in A and B", "in A, B",
"in A's B province"."""
PEOPLE_HEADS = GROUP_NOUNS | CIVILIAN_NOUNS | LEADER_NOUNS
"""Nouns for people: a state that modifies them ("U.S. forces", "Afghan civilians") says
whose they are, not where the event was."""
NESTING_PREPS = frozenset({"in", "at", "near", "of", "on", "outside"})
"""Prepositions that nest one place in another: "on a street in the city of Lyon"."""


def places_on(anchor: Token, table: EntityTable) -> Iterator[tuple[Entity, Span]]:
    """Places in locative phrases attached to the anchor ("at his Baghdad residence"), with
    the places coordinated, apposed or nested in them ("in Helmand Province, Afghanistan",
    "in A and B", "on a street in the city of Lyon"): each is where the event happened."""
    for prep in anchor.children:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                yield from _places_in_phrase(pobj, table)


def _places_in_phrase(pobj: Token, table: EntityTable) -> Iterator[tuple[Entity, Span]]:
    """Distinct places of one locative phrase, in the order the text names them."""
    seen: set[str] = set()
    stack = [pobj]
    tokens: list[Token] = []
    while stack:
        token = stack.pop()
        tokens.append(token)
        for child in token.children:
            if child.dep_ in PLACE_PATH_DEPS:
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ in NESTING_PREPS:
                stack.extend(c for c in child.children if c.dep_ == "pobj")
    for token in sorted(tokens, key=lambda t: t.i):
        entity = table.at(token)
        if entity is None or entity.id in seen or modifies_office(token):
            continue
        if token.dep_ in MODIFIER_DEPS and token.head.lower_ in PEOPLE_HEADS:
            continue  # "an attack on members of the U.S. forces"
        span = mention_span(token, table)
        if span[-1].lower_ in PEOPLE_HEADS | STATE_HEADS:
            continue  # "fire on Iraqi soldiers": the state acting through its men
        if entity.type == "Place" or entity.also_place:
            seen.add(entity.id)
            yield entity, span


def places_attacked(verb: Token, table: EntityTable) -> Iterator[tuple[Entity, Span]]:
    """The places a trigger verb acts on ("shelled Harlowe", "bombed the town of X"): its
    object is where the event happened, not an actor it targeted. An object that is a
    facility ("stormed the checkpoint", "attacked Camp X") is a target
    (`extract.roles.facilities`); a facility noun that only qualifies it ("the market town of
    X") is not."""
    for obj in verb.children:
        if obj.dep_ == "dobj":
            yield from places_struck(obj, table)


HOLD_PREPS = frozenset({"of", "over"})
"""What a noun of hold holds: "control of X", "control over X"."""


def places_struck(phrase: Token, table: EntityTable) -> Iterator[tuple[Entity, Span]]:
    """The places a phrase an attack acts on names ("Harlowe", "the town of X", "the
    neighbourhood of X", "control of X"): where the attack happened. None for a facility
    ("the checkpoint", "Camp X"), which is a target."""
    if is_facility(phrase):
        return
    if phrase.lower_ in HOLD_NOUNS:
        # "took control of X", "regained full control of the town of X"
        for pobj in objects_of(phrase, HOLD_PREPS):
            yield from places_struck(pobj, table)
        return
    entity = table.at(phrase)
    if entity is not None and any(is_facility(t) for t in mention_span(phrase, table)):
        return  # a named facility: "Camp X"
    named_place = entity is not None and entity.type == "Place"
    if named_place or phrase.lower_ in PLACE_NOUNS_BEFORE_OF:
        yield from _places_in_phrase(phrase, table)


STATIC_PREPS = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "around", "throughout", "within"}
)
"""Prepositions of where something is (not of a path: "from", "to", "toward")."""


def places_in_clause(head: Token, table: EntityTable) -> list[tuple[Entity, Span]]:
    """The place of the locative phrases of the trigger's clause that the parse hangs on
    another word than the trigger ("airstrikes by X inside Syria killed 40", "the bombing
    campaign against Y in Syria"): where they name one place, it is where the event
    happened; where they name two or more ("in Iraq and Syria", "in A, near B"), none is
    chosen, since the clause does not say which one the event was in. The clause is
    the nearest verb above the trigger (or the trigger verb) with what hangs on it, less
    the clauses of other verbs inside it; where the trigger is in the clause's subject and
    the clause tells something else than what the event did, only the subject's own
    phrases count ("the incident sparked tensions in X" says where the tensions are); and
    where the trigger is not in the subject, the subject's own phrases say where someone
    else is ("the envoy in Geneva condemned the bombing", "mourners in X buried its
    victims"), unless the trigger is the clause's verb: then the subject did the act where
    it was ("police in X arrested two men", "gunmen in X killed three farmers")."""
    clause = _clause_verb(head)
    subject = _subject_holding(head, clause)
    others = [
        c
        for c in clause.children
        if c.dep_ in ("nsubj", "nsubjpass") and not c.is_ancestor(head) and c.i != head.i
    ]
    if clause.i == head.i:
        others = []  # "police in X arrested ...": who did it was there when doing it
    found: dict[str, tuple[Entity, Span]] = {}
    for token in head.sent:
        if token.dep_ != "prep" or token.lower_ not in STATIC_PREPS:
            continue
        if _clause_verb(token.head).i != clause.i or _in_a_path(token):
            continue
        if subject is not None and not subject.is_ancestor(token):
            continue  # "the incident sparked tensions in Iraq": where the effects are
        if any(other.is_ancestor(token) for other in others):
            continue  # "the envoy in Geneva condemned the bombing": where the envoy is
        for pobj in token.children:
            if pobj.dep_ == "pobj":
                for entity, span in _places_in_phrase(pobj, table):
                    found.setdefault(entity.id, (entity, span))
    return list(found.values()) if len(found) == 1 else []


STRUCK_DEPS = frozenset({"dobj", "nsubjpass"})
"""What a verb of attack acts on: its object, or the subject of its passive."""


def places_of_the_struck(verb: Token, table: EntityTable) -> list[tuple[Entity, Span]]:
    """Where what the attack hit was when it was hit: the place of a present participle that
    describes the verb's object or passive subject ("struck a car carrying two commanders
    near X", "a bus travelling outside X was ambushed"). A participle tells what its noun
    was doing at the time of the verb, so its static phrase ("near", "in", "outside") is
    where the attack happened; a phrase of movement ("carrying aid to X") names a goal, a
    relative clause ("a man who lived in X") a fact of another time, and neither counts.
    Like `places_in_clause`, only where the participles name exactly one place."""
    found: dict[str, tuple[Entity, Span]] = {}
    for struck in verb.children:
        if struck.dep_ not in STRUCK_DEPS:
            continue
        for participle in struck.children:
            if participle.dep_ != "acl" or participle.tag_ != "VBG":
                continue
            for pobj in objects_of(participle, STATIC_PREPS):
                for entity, span in _places_in_phrase(pobj, table):
                    found.setdefault(entity.id, (entity, span))
    return list(found.values()) if len(found) == 1 else []


HARM_VERBS = frozenset(
    {"kill", "injure", "wound", "hurt", "destroy", "damage", "leave", "claim"}
)  # fmt: skip
"""Verbs whose subject, an event, did in their clause what they say ("airstrikes killed 40
in a northern town", "the blast left two dead in the market")."""


def _subject_holding(head: Token, clause: Token) -> Token | None:
    """The subject of `clause` that holds the trigger, where the clause says something else
    about the event than what it did ("the attack sparked tensions in X"); None where the
    trigger is no part of the subject, or the clause verb tells what the event did."""
    if clause.lemma_.lower() in HARM_VERBS:
        return None
    node = head
    for _ in range(12):
        if node.head.i == clause.i:
            return node if node.dep_ in ("nsubj", "nsubjpass") else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


PATH_PREPS = frozenset({"to", "into", "toward", "towards", "from", "onto"})


def _in_a_path(prep: Token) -> bool:
    """Whether a locative phrase sits inside a phrase of movement, saying where its goal or
    source is ("taken to a hospital in X"), not where the clause happened."""
    node = prep.head
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ in PATH_PREPS:
            return True
        node = node.head
    return False


def _clause_verb(token: Token) -> Token:
    """The verb whose clause holds the token: the token itself when it is a verb, else the
    nearest verb above it (the sentence's root where none is)."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


WITHIN_PREPS = frozenset({"in", "at", "inside", "within"})
"""Prepositions that put an event inside a facility, not beside it ("near a market")."""


def facilities_on(anchor: Token, table: EntityTable) -> list[tuple[Entity, Span]]:
    """The facilities of the locative phrases on the anchor that put the event inside them
    ("exploded at the bus station", "a shooting inside a nightclub"): where it happened.
    "near a market" says where it was not quite."""
    found: list[tuple[Entity, Span]] = []
    for prep in anchor.children:
        if prep.dep_ != "prep" or prep.lower_ not in WITHIN_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                found += facilities_in_phrase(pobj, table)
    return found
