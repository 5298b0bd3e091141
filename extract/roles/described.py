"""Actors a frame slot describes without naming them: "a group of armed men", "alleged rebel
members", "three peasants", "a local judge".

Conflict reports often name nobody: the perpetrator is "unidentified individuals", the victims
are "three peasants" or "a taxi driver". When the frame reader (`extract.roles.frames`) has put
such a phrase in the perpetrator or victim slot of a violent trigger and no named or known
unnamed actor (`extract.roles.phrases.denoted_actors`) stands in it, the phrase itself is the
actor, kept per article like "Unidentified gunmen". The slot says what the phrase is (the
subject of "attacked", the object of "killed"); what makes it an actor and not a thing, a time
or another event is read off the phrase: a common or proper noun, no entity of another kind
(a place, a date), no trigger or weapon word, and for a perpetrator a plural common noun or
a collective of plurals ("a group of armed men"). Where the incident also has a named
perpetrator, the name wins over the description (`named_first`, applied when responsibility
is settled).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..entities import EntityTable
from ..language import RoleFinding
from ..model import Entity
from ..nlp import TRIGGERS_KEY
from .phrases import conjuncts, counted

__all__ = ["DESCRIBED_KEY", "DESCRIBED_ROLES", "described_actor", "described_actors", "named_first"]

DESCRIBED_KEY = "ck_described"
"""`doc.user_data` key of the ids of the entities this module made from descriptions."""

DESCRIBED_ROLES = frozenset({"perpetrator", "victim"})
"""Roles whose slot, when it holds an unnamed description, makes the description an actor."""
NOT_ACTOR_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "GPE", "LOC", "FAC"}
)
"""Entity labels of the parser that are never a person or a group."""
NAMING_DEPS = frozenset({"appos", "compound", "nmod", "amod", "poss"})
"""Dependents of a noun through which a name in them names the noun's referent."""
LEADING_DROPS = frozenset({"det", "poss", "predet", "punct", "cc", "case"})


def described_actors(
    head: Token, role: str, table: EntityTable, named: list[tuple[Entity, Span]]
) -> list[tuple[Entity, Span]]:
    """`named` (the actors `denoted_actors` found in the phrase) and a described actor for
    each coordinated noun that none of them covers: "a soldier and a tailor" are state
    forces and a tailor."""
    if role not in DESCRIBED_ROLES:
        return named
    if role != "perpetrator":
        head = counted(head)  # "five of the soldiers"; "two of the devices" acts as nobody
    covered = {t.i for _, span in named for t in span}
    found = list(named)
    for noun in conjuncts(head):
        # "the alleged attacker, X", "fighters of X": the apposition or "of" names them
        own = {noun.i} | {
            t.i
            for c in noun.children
            if c.dep_ in NAMING_DEPS or (c.dep_ == "prep" and c.lower_ in ("of", "from"))
            for t in c.subtree
        }
        if not own & covered:
            found.extend(described_actor(noun, role, table))
    return found


def described_actor(head: Token, role: str, table: EntityTable) -> list[tuple[Entity, Span]]:
    """The described actor of a phrase in a perpetrator or victim slot, or none: the phrase
    must be a noun (not a pronoun or a bare number), name nothing the table knows (a place,
    a state), hold no trigger or weapon word ("the explosion killed", "a bomb wounded"), and
    be no date. Its label is the phrase up to its head, less determiners ("the three
    peasants" -> "three peasants")."""
    if role not in DESCRIBED_ROLES or head.pos_ not in ("NOUN", "PROPN"):
        return []
    if head.ent_type_ in NOT_ACTOR_LABELS or head.like_num or table.at(head) is not None:
        return []
    if any(s.start <= head.i < s.end for s in head.doc.spans.get(TRIGGERS_KEY, ())):
        return []
    if role == "perpetrator" and not _people(head):
        return []
    span = _phrase(head)
    if span is None:
        return []
    entity_type = "ArmedGroup" if role == "perpetrator" else _victim_type(head)
    # The ACLED category as for "Unidentified gunmen" (`phrases.unnamed_actor`); it also
    # marks the actor as described, which cross-article resolution never merges.
    category = "Political militias" if role == "perpetrator" else "Civilians"
    label = span.text
    entity = table.add_unnamed(span, label[0].upper() + label[1:], entity_type, category)
    head.doc.user_data.setdefault(DESCRIBED_KEY, set()).add(entity.id)
    return [(entity, span)]


def named_first(doc: Doc, findings: list[RoleFinding]) -> list[RoleFinding]:
    """An incident's findings less its described perpetrators when another perpetrator is
    claimed for it: a specific name wins over a description of the same actor (the
    headline's "armed men" and the body's named group)."""
    described: set[str] = doc.user_data.get(DESCRIBED_KEY, set())
    if not described:
        return findings
    if not any(
        f.role == "perpetrator"
        and f.entity is not None
        and f.entity.id not in described
        and f.attribution.certainty != "denied"
        for f in findings
    ):
        return findings
    return [
        f
        for f in findings
        if not (f.role == "perpetrator" and f.entity is not None and f.entity.id in described)
    ]


def _people(head: Token) -> bool:
    """Whether a perpetrator phrase can stand for people who act: a plural ("terrorists",
    "urban guerrillas") or a collective of plurals ("a group of armed men"). A proper noun
    the entity rules did not resolve is left alone: in a title-case headline every word is
    one ("Drone Attack Hits Governor's Home")."""
    if "Plur" in head.morph.get("Number"):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(
            o.dep_ == "pobj" and "Plur" in o.morph.get("Number") for o in c.children
        )
        for c in head.children
    )


def _victim_type(head: Token) -> str:
    return "CommunalGroup" if "Plur" in head.morph.get("Number") else "Person"


def _phrase(head: Token) -> Span | None:
    """The head and its modifiers before it, less leading determiners and possessive
    pronouns, and the "of" phrase of a collective head ("a group of armed men"); None where
    nothing but punctuation is left."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].head.i == head.i and doc[start - 1].dep_ not in (
        LEADING_DROPS
    ):
        start -= 1
    end = head.i + 1
    if "Plur" not in head.morph.get("Number"):
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == end:
                end = prep.right_edge.i + 1
    span = doc[start:end]
    if any(t.is_punct and t.text not in ("-", "'") for t in span):
        span = doc[head.i : head.i + 1]
    return span if span.text.strip() else None
