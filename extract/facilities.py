"""Facilities an attack is aimed at: "attacked a checkpoint", "an attack on the market",
"the blast targeted a bakery", "the bombing of the embassy".

An analyst counting attacks on places of worship, schools, markets or bases needs the
building as the attack's `target`; recording it only as where the attack happened would
put "the mosque" on the same footing as "in Kabul". Only a phrase in a target position
(the rules of `extract.roles` and `extract.targets`) is read here; a facility in a locative
phrase ("a blast at the market") stays a place, and towns and regions are never targets.

A facility the article names ("Camp Shorabak", already a `Place` in the entity table) is
used as it is; one it only describes ("a bakery") becomes an article-scoped `Place`, as
unnamed attackers become article-scoped actors (`extract.phrases.unnamed_actor`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .entities import EntityTable
from .model import Entity
from .phrases import PREMISES_NOUNS, actors_in_phrase, conjuncts, mention_span

__all__ = ["DETONATION_VERBS", "FACILITY_NOUNS", "facilities_in_phrase", "is_facility"]

FACILITY_NOUNS = frozenset(
    {"mosque", "church", "synagogue", "temple", "shrine", "school", "university", "college",
     "hospital", "clinic", "market", "marketplace", "bazaar", "bakery", "cafe", "café",
     "restaurant", "hotel", "shop", "supermarket", "mall", "bank", "building", "embassy",
     "consulate", "station", "checkpoint", "outpost", "base", "airbase", "camp", "barracks",
     "airport", "airfield", "prison", "jail", "courthouse", "ministry", "parliament",
     "headquarters", "factory", "refinery", "pipeline", "stadium", "nightclub", "theatre",
     "theater", "office", "compound", "garrison", "depot", "port", "bridge"}
)  # fmt: skip
"""Nouns (singular) for buildings and installations that an attack can be aimed at."""
DETONATION_VERBS = frozenset({"explode", "detonate", "blow", "go", "burst"})
"""Verbs of a bomb going off: their "at" phrase ("exploded at a bakery") says where, so a
facility there is the place, not the target."""
PLURALS = {"barracks": "barracks", "headquarters": "headquarters"}


def _singular(word: str) -> str:
    lowered = word.lower()
    if lowered in PLURALS:
        return PLURALS[lowered]
    if lowered.endswith("ies"):
        return lowered[:-3] + "y"
    if lowered.endswith("s") and not lowered.endswith("ss"):
        return lowered[:-1]
    return lowered


def is_facility(token: Token) -> bool:
    """Whether a noun names a facility ("bakery", "checkpoints")."""
    return token.pos_ in ("NOUN", "PROPN") and _singular(token.text) in FACILITY_NOUNS


def facilities_in_phrase(head: Token, table: EntityTable) -> list[tuple[Entity, Span]]:
    """The facilities a noun phrase in a target position denotes, one per coordinated
    noun: a named place whose name holds a facility noun ("Camp Shorabak"), or a described
    facility ("the Christmas market", "a police checkpoint")."""
    found: list[tuple[Entity, Span]] = []
    for noun in conjuncts(head):
        entity = table.at(noun)
        if entity is not None:
            span = mention_span(noun, table)
            if entity.type == "Place" and any(is_facility(t) for t in span):
                found.append((entity, span))
            continue
        if not is_facility(noun):
            continue
        if noun.lower_ in PREMISES_NOUNS and next(actors_in_phrase(noun, table), None):
            continue  # "the office of governor X": X is the target (extract.phrases)
        start = noun.i
        while (
            start > 0
            and noun.doc[start - 1].head.i == noun.i
            and (noun.doc[start - 1].dep_ in ("compound", "amod", "nmod"))
        ):
            start -= 1  # "the Christmas market", "a busy police checkpoint"
        span = noun.doc[start : noun.i + 1]
        label = span.text[0].upper() + span.text[1:]
        found.append((table.add_unnamed(span, label, "Place", None), span))
    return found
