"""Facilities an attack is aimed at: "attacked a checkpoint", "an attack on the market",
"the blast targeted a petrol station", "the bombing of the embassy".

An analyst counting attacks on places of worship, schools, markets or bases needs the
building as the attack's `target`; recording it only as where the attack happened would
put "the mosque" on the same footing as "in Kabul". Only a phrase in a target position
(the rules of `extract.roles.roles` and `extract.roles.targets`) is read here; a facility
in a locative phrase ("a blast at the market") stays a place, and towns and regions
are never targets.

A facility the article names ("Camp Dorrel", already a `Place` in the entity table) is
used as it is; one it only describes ("a clinic") becomes an article-scoped `Place`, as
unnamed attackers become article-scoped actors (`extract.roles.phrases.unnamed_actor`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..entities import EntityTable
from ..model import Entity
from .phrases import PREMISES_NOUNS, actors_in_phrase, conjuncts, mention_span

__all__ = ["DETONATION_VERBS", "FACILITY_NOUNS", "facilities_in_phrase", "is_facility"]

FACILITY_NOUNS = frozenset(
    {"mosque", "church", "synagogue", "temple", "shrine", "school", "university", "college",
     "hospital", "clinic", "market", "marketplace", "bazaar", "bakery", "cafe", "café",
     "restaurant", "hotel", "shop", "supermarket", "mall", "bank", "building", "embassy",
     "consulate", "station", "checkpoint", "outpost", "base", "airbase", "camp", "barracks",
     "airport", "airfield", "prison", "jail", "courthouse", "ministry", "parliament",
     "headquarters", "factory", "refinery", "pipeline", "stadium", "nightclub", "theatre",
     "theater", "office", "compound", "garrison", "depot", "port", "bridge", "post",
     "store", "warehouse", "plant", "substation", "tower", "installation", "facility", "dam",
     "house", "home", "residence", "vehicle", "car", "bus", "truck", "train", "aircraft",
     "helicopter", "plane", "ambulance", "minibus", "van", "lorry",
     "boat", "ship", "vessel", "ferry", "tanker", "stall", "kiosk", "pylon", "mast",
     "antenna", "transformer", "generator", "farm", "ranch", "plantation", "barn", "shed",
     "hut", "apartment", "mansion", "dwelling", "library", "museum", "cinema", "pharmacy",
     "dealership", "garage", "jeep", "motorcycle", "tractor", "pickup", "taxi", "locomotive"}
)  # fmt: skip
"""Nouns (singular) for buildings, installations and vehicles that an attack can be aimed at
(MUC-4's and ACLED's physical targets)."""
NOT_FACILITY_COMPOUNDS = frozenset(
    {"box office", "stock market", "black market", "job market", "labour market",
     "labor market", "housing market", "fan base", "customer base", "tax base",
     "power base", "nation building", "capacity building", "river bank"}
)  # fmt: skip
"""Compounds whose head is a facility noun but that name no building ("the film bombed at
the box office", "guns sold on the black market")."""
PLACE_NAME_LABELS = frozenset({"GPE", "LOC"})
"""Entity labels of towns and regions: a facility noun inside their name ("West Bank",
"Port Harcourt") makes no facility of them."""
DETONATION_VERBS = frozenset({"explode", "detonate", "blow", "go", "burst"})
"""Verbs of a bomb going off: their "at" phrase ("exploded at a bus station") says where, so a
facility there is the place, not the target."""


def is_facility(token: Token) -> bool:
    """Whether a noun names a facility ("clinic", "churches", "Camp" in "Camp Dorrel"); a
    word of a town's or region's name ("Bank" in "West Bank") and a compound that names
    no building ("box office") do not."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.pos_ == "PROPN" and token.ent_type_ in PLACE_NAME_LABELS:
        return False
    lemma = token.lemma_.lower()
    if lemma not in FACILITY_NOUNS and token.lower_ not in FACILITY_NOUNS:
        return False  # the form itself for "barracks", "headquarters" (lemma "barrack")
    return not any(
        f"{child.lower_} {lemma}" in NOT_FACILITY_COMPOUNDS
        for child in token.lefts
        if child.dep_ == "compound"
    )


def facilities_in_phrase(head: Token, table: EntityTable) -> list[tuple[Entity, Span]]:
    """The facilities a noun phrase in a target position denotes, one per coordinated
    noun: a named place whose name holds a facility noun ("Camp Dorrel"), or a described
    facility ("the night market", "a police checkpoint")."""
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
            start -= 1  # "the night market", "a busy police checkpoint"
        span = noun.doc[start : noun.i + 1]
        label = span.text[0].upper() + span.text[1:]
        found.append((table.add_unnamed(span, label, "Place", None), span))
    return found
