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

from ..entities import PARTY_HEADS, STATE_HEADS, EntityTable
from ..language import RoleFinding
from ..model import Entity
from ..nlp import TRIGGERS_KEY
from .phrases import (
    ATTACKER_NOUNS,
    CIVILIAN_NOUNS,
    DESCRIBED_KEY,
    GROUP_NOUNS,
    PRIVATE_PERSONS,
    REFERRING_NOUNS,
    UNSPECIFIED_PERSONS,
    conjuncts,
    counted,
    mention_span,
    weapon_spans,
)

__all__ = ["DESCRIBED_KEY", "DESCRIBED_ROLES", "described_actor", "described_actors", "named_first"]


DESCRIBED_ROLES = frozenset({"perpetrator", "victim"})
"""Roles whose slot, when it holds an unnamed description, makes the description an actor."""
NOT_ACTOR_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "GPE", "LOC", "FAC"}
)
"""Entity labels of the parser that are never a person or a group."""
NAMING_DEPS = frozenset({"appos", "compound", "nmod", "amod", "poss"})
"""Dependents of a noun through which a name in them names the noun's referent."""
LEADING_DROPS = frozenset({"det", "poss", "predet", "punct", "cc", "case"})
ARMED_CLUE_WORDS = PARTY_HEADS | ATTACKER_NOUNS | GROUP_NOUNS | frozenset({"armed"})
"""Words of a perpetrator phrase that make its people armed men: a body that fights, a noun
for attackers or for a force's men, or "armed" itself."""


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
    if role == "victim":
        # "killed three members of the union", "the leader of X was shot": the harmed are
        # the people; the body they belong to is not harmed with them
        named = [(e, span) for e, span in named if not _body_of(span.root, head)]
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
        # "the mayor of Oskel, Pedro Ramirez", "a tourist named X": the name is the actor,
        # also where the noun alone made one ("a tourist": civilians); a name the phrase
        # already gave stands beside the noun's actor, as it did
        names = (
            _holders(noun, table)
            or _self_styled(noun, role, table)
            or _named_apposition(noun, role, table)
        )
        if names and not {e.id for e, _ in names} & {e.id for e, _ in found}:
            found = [(e, span) for e, span in found if span.root != noun or len(span) > 1]
            found.extend(names)
        elif not own & covered:
            found.extend(described_actor(noun, role, table))
        elif role == "perpetrator":
            found.extend(_owning_group(noun, table, covered))
    return found


def _body_of(token: Token, head: Token) -> bool:
    """Whether `token` lies in the "of" phrase of a common noun of the phrase `head`
    ("members of X", "the leader of X"): it names the body they belong to."""
    nouns = {n.i for n in conjuncts(head) if n.pos_ == "NOUN"}
    node = token
    while node.head.i != node.i and node.i not in nouns:
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.i in nouns:
            return True
        node = node.head
    return False


def _holders(noun: Token, table: EntityTable) -> list[tuple[Entity, Span]]:
    """The named people an apposition gives as the holders of a title or the bearers of a
    description: "the mayor of Oskel, Pedro Ramirez" (the parser may hang the name on the
    place of the title), "two reporters, A and B". Only people the entity rules know."""
    places = [
        o
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj" and (table.at(o) is None or table.at(o).type != "Person")
    ]
    found: list[tuple[Entity, Span]] = []
    for owner in (noun, *places):
        for apposition in (c for c in owner.children if c.dep_ == "appos"):
            for name in conjuncts(apposition):
                entity = table.at(name)
                if entity is not None and entity.type == "Person":
                    found.append((entity, mention_span(name, table)))
    return found


NAMING_VERBS = frozenset({"call", "name", "know", "style", "identify"})
"""Verbs of a participle that gives a group's own name: "a group calling itself X", "a
militia called X", "a cell known as X", "a self-styled front"; or a person's, "the man,
identified as X"."""
PERSON_NAMING = frozenset({"name", "identify"})
"""Naming verbs that give one's own name whatever the noun: "a trader named X", "the man,
identified as X" (where "people called ..." may give a farm's)."""


def _named_apposition(noun: Token, role: str, table: EntityTable) -> list[tuple[Entity, Span]]:
    """The name a participle gives in the noun's apposition: "the victim, a trader named
    X" is X, whom the apposition describes and names."""
    found: list[tuple[Entity, Span]] = []
    for apposition in (c for c in noun.children if c.dep_ == "appos"):
        found.extend(_self_styled(apposition, role, table))
    return found


REFLEXIVE = ("self", "selves")


def _self_styled(noun: Token, role: str, table: EntityTable) -> list[tuple[Entity, Span]]:
    """The name a participle gives the noun's referent: "a group calling itself the Black
    Dawn Brigade", "an outfit known as X" are that group, by its name (which stays beside
    any other name, as names do)."""
    found: list[tuple[Entity, Span]] = []
    for verb in noun.children:
        if verb.dep_ != "acl" or verb.lemma_.lower() not in NAMING_VERBS:
            continue
        # the name must be a group's or a person's own: "a group called X", "calling itself
        # X", "a foreigner named X" (not "people called ...", where the parser may hang a
        # farm's name on the wrong noun)
        own_name = (
            noun.lower_ in REFERRING_NOUNS | PARTY_HEADS
            or verb.lemma_.lower() in PERSON_NAMING
            or any(c.dep_ == "dobj" and c.lower_.endswith(REFLEXIVE) for c in verb.children)
        )
        if not own_name:
            continue
        for child in verb.children:
            for name in [child] if child.dep_ == "oprd" else _as_objects(child):
                entity = table.at(name)
                if entity is None:
                    found.extend(described_actor(name, role, table, description=False))
                elif entity.type not in ("Place", "State"):
                    found.append((entity, mention_span(name, table)))
    return found


def _as_objects(child: Token) -> list[Token]:
    """ "known as X": the object of the participle's "as"."""
    if child.dep_ != "prep" or child.lower_ != "as":
        return []
    return [o for o in child.children if o.dep_ == "pobj"]


def _owning_group(noun: Token, table: EntityTable, covered: set[int]) -> list[tuple[Entity, Span]]:
    """ "guerrillas of the red dawn front", "members of the armed forces": the men are an
    actor already (unnamed), and the group they belong to, named by its head noun only, is
    the perpetrator too."""
    found: list[tuple[Entity, Span]] = []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
            continue
        for group in prep.children:
            if group.dep_ == "pobj" and group.lower_ in PARTY_HEADS and group.i not in covered:
                # the group's name, not a description of the men: it stays beside names
                found.extend(described_actor(group, "perpetrator", table, description=False))
    return found


def described_actor(
    head: Token, role: str, table: EntityTable, *, description: bool = True
) -> list[tuple[Entity, Span]]:
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
    if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in head.children):
        return []  # "no group claimed responsibility": nobody is meant
    span = _phrase(head)
    if span is None:
        return []
    entity_type = "ArmedGroup" if role == "perpetrator" else _victim_type(head)
    # The ACLED category as for "Unidentified gunmen" (`phrases.unnamed_actor`); it also
    # marks the actor as described, which cross-article resolution never merges.
    category = "Political militias" if role == "perpetrator" else "Civilians"
    if role == "perpetrator" and _state_force(head):
        entity_type, category = "StateForce", "State forces"  # "the air force", "army units"
    elif role == "perpetrator" and _civil_people(head, span):
        # "fans", "villagers", "students": people the text names by their civil life who
        # act together are a crowd, as ACLED codes rioters, not an armed group
        entity_type, category = "CommunalGroup", "Rioters"
    label = span.text
    entity = table.add_unnamed(span, label[0].upper() + label[1:], entity_type, category)
    if description:  # `named_first` lets a name win over it
        head.doc.user_data.setdefault(DESCRIBED_KEY, set()).add(entity.id)
    return [(entity, span)]


def named_first(
    doc: Doc, findings: list[RoleFinding], claimed: frozenset[str] = frozenset()
) -> list[RoleFinding]:
    """An incident's findings less its described perpetrators when another perpetrator is
    claimed for it: a specific name wins over a description of the same actor (the
    headline's "armed men" and the body's named group). A definite body of men that a
    statement of blame names (a finding whose rule is in `claimed`: "police blamed the
    killing on the northern cartel") is a name in text without capitals, and stays."""
    described: set[str] = doc.user_data.get(DESCRIBED_KEY, set())
    described = described - {
        f.entity.id
        for f in findings
        if f.entity is not None and f.rule in claimed and _definite_body(f.span.root)
    }
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
    "urban guerrillas"), a collective of plurals ("a group of armed men"), or a definite
    body of men named by its head noun, in any case ("the Red Dawn Front", "the army of
    national liberation": `PARTY_HEADS`; "at least one militia" describes an unknown one).
    Another proper noun the entity rules did not resolve is left alone: in a title-case
    headline every word is one ("Drone Attack Hits Governor's Home")."""
    if "Plur" in head.morph.get("Number") or _definite_body(head):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(
            o.dep_ == "pobj" and "Plur" in o.morph.get("Number") for o in c.children
        )
        for c in head.children
    )


def _definite_body(head: Token) -> bool:
    """A body of men by its head noun with "the", no count, and words of its name: "the
    black hand gang"."""
    if head.lower_ not in PARTY_HEADS:
        return False
    before = head.doc[head.left_edge.i : head.i]  # the parser may hang "the" on a compound
    if any(t.dep_ == "nummod" for t in before):
        return False
    if not any(t.dep_ == "det" and t.lower_ == "the" for t in before):
        return False
    # a name's own words: "the red dawn front", "the army of national liberation"; not
    # only adjectives that describe ("the Iranian-backed militia")
    of = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    return of or any(t.dep_ in ("compound", "nmod") for t in before)


def _civil_people(head: Token, span: Span) -> bool:
    """Whether a perpetrator phrase names people by their civil life and says nothing that
    arms them: its head a noun for civilians or private persons ("fans", "villagers",
    "three students", `CIVILIAN_NOUNS`, `PRIVATE_PERSONS`), no word of the phrase for an
    armed or fighting body or its men ("armed students", "student militias"), and no weapon
    they carry ("villagers with machetes"). Any other plural ("contras", "cartels", "men")
    stays the armed group ACLED codes an unnamed band of attackers as."""
    words = {head.lower_, head.lemma_.lower()}
    if not words & (CIVILIAN_NOUNS | PRIVATE_PERSONS) or words & UNSPECIFIED_PERSONS:
        return False  # "two men", "individuals": who they are is not said
    if any({t.lower_, t.lemma_.lower()} & ARMED_CLUE_WORDS for t in span):
        return False
    weapons = weapon_spans(head.doc)
    inside = range(head.left_edge.i, head.right_edge.i + 1)
    return not any(s.start in inside for s in weapons)


def _state_force(head: Token) -> bool:
    """A phrase for a state's armed men: its head ("the army", "the air force") or a word
    before it ("army units", "police patrols") is one for them."""
    words = [head, *(c for c in head.lefts if c.dep_ in ("compound", "amod"))]
    return any(w.lower_ in STATE_HEADS or w.lower_ == "force" for w in words)


def _victim_type(head: Token) -> str:
    return "CommunalGroup" if "Plur" in head.morph.get("Number") else "Person"


def _phrase(head: Token) -> Span | None:
    """The head and its modifiers before it ("maoist red dawn guerrillas"), less leading
    determiners and possessive pronouns, and the "of" phrase of a collective head ("a group
    of armed men", "the army of national liberation") or of men of a group ("members of the
    armed forces"), up to a bracket or comma; None where nothing but punctuation is left."""
    doc = head.doc
    start = head.i
    for left in reversed(list(head.lefts)):
        if left.i != start - 1 and left.right_edge.i != start - 1:
            break
        start = left.left_edge.i
    while start < head.i and (doc[start].dep_ in LEADING_DROPS or doc[start].is_punct):
        start += 1
    end = head.i + 1
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == end and _of_group(head, prep):
            end = _of_end(prep)
    stops = [t.i for t in doc[head.i + 1 : end] if t.is_punct and t.text not in ("-", "'")]
    end = min(stops, default=end)
    span = doc[start:end]
    if any(t.is_punct and t.text not in ("-", "'") for t in span):
        span = doc[head.i : end]
    return span if span.text.strip() else None


def _of_end(prep: Token) -> int:
    """Where an "of" phrase of a description ends: after its noun and the "of" phrases
    that go on naming it ("the brother of a local councillor", "members of the army of
    national liberation"), before any other phrase the parser hangs on it ("in Tarvos")."""
    end = prep.i  # "accused the air force of bombing": no noun, no "of"
    for noun in (o for o in prep.children if o.dep_ == "pobj"):
        end = noun.i + 1
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
                end = _of_end(child)
    return end


def _of_group(head: Token, prep: Token) -> bool:
    """Whether the "of" phrase belongs in the description: after a singular head ("a group
    of armed men"), or naming the group a plural head's men belong to ("guerrillas of the
    Red Dawn Front", "members of the armed forces")."""
    if "Plur" not in head.morph.get("Number"):
        return True
    return any(
        o.dep_ == "pobj" and (o.lower_ in PARTY_HEADS or o.pos_ == "PROPN") for o in prep.children
    )
