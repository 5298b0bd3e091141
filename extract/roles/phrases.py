"""Who a noun phrase denotes: named actors, the owners of offices and premises, and the
unnamed actors news describes ("gunmen", "civilians", "soldiers").

Shared by the role rules (`extract.roles.roles`), the casualty rules
(`extract.roles.casualties`) and the relation rules (`extract.roles.relations`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..entities import FORCE_HEADS, PARTY_HEADS, PERSON_NOUNS, STATE_HEADS, EntityTable
from ..model import Entity
from ..nlp import TRIGGERS_KEY, WEAPON

__all__ = [
    "ACTING_TYPES",
    "ATTACKER_NOUNS",
    "CIVILIAN_NOUNS",
    "CROWD_HEADS",
    "DESCRIBED_KEY",
    "GROUP_NOUNS",
    "LEADER_NOUNS",
    "PREMISES_NOUNS",
    "PRIVATE_PERSONS",
    "QUANTITY_WORDS",
    "REFERRING_NOUNS",
    "SECURITY_NOUNS",
    "UNSPECIFIED_PERSONS",
    "actors_in_phrase",
    "conjuncts",
    "counted",
    "denoted_actors",
    "group_antecedent",
    "mention_span",
    "modifies_office",
    "pronoun_antecedent",
    "unnamed_actor",
    "weapon_spans",
    "with_examples",
]

DESCRIBED_KEY = "ck_described"
"""`doc.user_data` key of the ids of the entities made from descriptions, over which a name
of the incident's doer wins (`extract.roles.described.named_first`)."""
LEADER_NOUNS = frozenset(
    {"commander", "leader", "head", "chief", "spokesman", "spokeswoman", "members", "member",
     "fighters", "supporters", "militants", "troops", "forces", "officials", "official"}
)  # fmt: skip
OFFICE_NOUNS = frozenset(
    {"governor", "mayor", "minister", "official", "officials", "envoy", "ambassador",
     "president", "lawmaker", "lawmakers", "judge", "prosecutor", "commander", "chief",
     "spokesman", "spokeswoman", "leader", "deputy", "senator", "councillor", "councilor",
     "candidate", "mp", "general", "prefect", "consul", "diplomat", "diplomats"}
)  # fmt: skip
"""Nouns for a person by office: a place before them ("the Kirkuk governor") says whose
office it is, not who was attacked."""
PREMISES_NOUNS = frozenset(
    {"office", "offices", "headquarters", "home", "house", "residence", "compound",
     "convoy", "motorcade", "car", "vehicle", "palace", "villa"}
)  # fmt: skip
"""Places and things that stand for their owner as a target: "the office of governor X"."""


def modifies_office(token: Token) -> bool:
    """True for a name that only modifies a person noun ("Kirkuk" in "Kirkuk governor",
    also through another modifier: "Kirkuk provincial governor")."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("compound", "amod", "nmod"):
            return False
        node = node.head
        if node.lower_ in OFFICE_NOUNS:
            return True
    return False


def actors_in_phrase(head: Token, table: EntityTable) -> Iterator[tuple[Entity, Span]]:
    """Named actors a noun phrase denotes: the head's own entity, conjuncts and compounds.

    Prepositional and relative clauses are not followed ("officials of X" is not X), except
    after leader nouns ("the commander of the Quds Force" acts for the Quds Force), after
    attackers ("gunmen from X" are X's) and
    premises ("the office of governor X" is X's). A place or state that only modifies an
    office ("the Kirkuk governor") is no actor of the phrase.
    """
    seen: set[str] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        entity = table.at(token)
        if (
            entity is not None
            and entity.id not in seen
            and entity.type != "Place"
            and not (entity.also_place and (modifies_office(token) or _owns_person(token, table)))
        ):
            seen.add(entity.id)
            yield entity, _with_group_noun(token, mention_span(token, table))
        for child in token.children:
            if child.dep_ in ("compound", "conj", "appos", "nmod", "amod", "poss", "cc"):
                stack.append(child)
            elif child.dep_ == "prep" and (
                (child.lower_ in ("of", "for") and token.lower_ in LEADER_NOUNS)
                or (child.lower_ in ("of", "from") and token.lower_ in ATTACKER_NOUNS)
                or (child.lower_ == "of" and token.lower_ in PREMISES_NOUNS)
            ):
                stack.extend(c for c in child.children if c.dep_ == "pobj")


def _owns_person(token: Token, table: EntityTable) -> bool:
    """ "Venezuela's President X": a state in the possessive of a person says whose
    president X is; the state is not an actor of the phrase."""
    if token.dep_ != "poss":
        return False
    owner = table.at(token.head)
    return owner is not None and owner.type == "Person"


def _with_group_noun(token: Token, span: Span) -> Span:
    """ "Taliban gunmen", "the IRA's Belfast brigade": a name that modifies the noun for
    its men is mentioned by the whole phrase, so the evidence reaches the noun."""
    group = token.head
    if token.dep_ not in ("compound", "amod", "nmod", "poss") or group.lower_ not in GROUP_NOUNS:
        return span
    if group.i < span.end or group.i - span.end > 3:
        return span
    return token.doc[span.start : group.i + 1]


def conjuncts(head: Token) -> list[Token]:
    """The head of a coordination and every noun coordinated with it."""
    found = [head]
    for child in head.children:
        if child.dep_ == "conj":
            found.extend(conjuncts(child))
    return found


COUNTING_WORDS = frozenset(
    {"dozens", "hundreds", "thousands", "millions", "scores", "tens", "number", "dozen",
     "hundred", "thousand", "million", "handful", "couple", "total"}
)  # fmt: skip
"""Words that count the noun of their "of" phrase ("hundreds of protesters", "a number of
villagers"): a closed class of English, not a list of actors."""
QUANTITY_WORDS = COUNTING_WORDS | frozenset(
    {"some", "many", "several", "most", "all", "both", "each", "none", "few", "majority",
     "rest"}
)  # fmt: skip
"""The counting words and the quantifiers ("some of", "most of"): none of them is a count
of one ("a number of villagers")."""
PARTITIVE_WORDS = QUANTITY_WORDS - {"none"}
"""Heads whose "of" phrase names who is meant: "some of his bodyguards" are bodyguards, as
"five of the soldiers" are soldiers; "none of" names nobody (`casualties.none_quantified`)."""


def counted(head: Token) -> Token:
    """The noun a quantity phrase counts: "five of the soldiers" and "hundreds of thousands
    of villagers" denote soldiers and villagers, "some of his bodyguards" bodyguards; any
    other phrase denotes its own head."""
    node = head
    for _ in range(3):
        if not (node.like_num or node.pos_ == "NUM" or node.lower_ in PARTITIVE_WORDS):
            break
        counted_noun = next(
            (
                o
                for p in node.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children
                if o.dep_ == "pobj"
            ),
            None,
        )
        if counted_noun is None:
            break
        node = counted_noun
    return node


def denoted_actors(head: Token, role: str, table: EntityTable) -> list[tuple[Entity, Span]]:
    """Named actors of the phrase, and an unnamed actor for each coordinated noun that
    names nobody: "Taliban gunmen and suicide bombers" are the Taliban and unidentified
    bombers; "two soldiers and a civilian" state forces and civilians. A quantity phrase
    denotes what it counts ("five of the soldiers": `counted`)."""
    head = counted(head)
    found = list(actors_in_phrase(head, table))
    named = {t.i for _, span in found for t in span}
    for noun in conjuncts(head):
        own = [noun, *(c for c in noun.children if c.dep_ in MODIFIER_DEPS)]
        if noun.lower_ in GROUP_NOUNS:  # "fighters of X", "gunmen from X" are X's men
            own += [
                o
                for p in noun.children
                if p.dep_ == "prep" and p.lower_ in ("of", "from")
                for o in p.children
                if o.dep_ == "pobj"
            ]
        if not any(t.i in named for t in own):
            found.extend(unnamed_actor(noun, role, table))
    return found


MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
ATTACKER_NOUNS = frozenset(
    {"gunmen", "gunman", "bomber", "bombers", "attacker", "attackers", "militants", "militant",
     "insurgents", "assailant", "assailants", "jihadists", "terrorists", "terrorist", "rebels",
     "fighters", "kidnappers", "abductors", "raiders", "guerrillas", "guerrilla", "commandos",
     "paramilitaries", "militiamen", "separatists", "bandits", "shooter", "shooters", "snipers",
     "sniper", "insurgent", "jihadist", "extremists", "rebel"}
)  # fmt: skip
CIVILIAN_NOUNS = frozenset(
    {"civilians", "people", "villagers", "worshippers", "students", "children", "women",
     "pilgrims", "passengers", "residents", "shoppers", "farmers", "journalists", "schoolgirls",
     "schoolchildren", "spectators", "runners", "tourists", "bystanders", "protesters", "fans",
     "civilian", "journalist", "student", "resident", "farmer", "passenger", "tourist"}
)  # fmt: skip
SECURITY_NOUNS = frozenset(
    {"soldiers", "soldier", "troops", "police", "policemen", "policeman", "officers",
     "guards", "servicemen", "peacekeepers", "personnel", "forces", "gendarmes",
     "marines", "sailors", "guardsmen", "policewoman", "policewomen", "officer", "army",
     "military", "units"}
)  # fmt: skip


GROUP_NOUNS = ATTACKER_NOUNS | SECURITY_NOUNS | frozenset(
    {"brigade", "brigades", "unit", "units", "cell", "cells", "members", "forces", "squad",
     "squads", "commandos", "battalion", "battalions", "militiamen", "loyalists", "wing"}
)  # fmt: skip
"""Nouns for an actor's men, which a name before them owns ("Hamas fighters")."""


UNSPECIFIED_PERSONS = frozenset(
    {"man", "person", "individual", "youth", "stranger", "intruder", "perpetrator",
     "culprit", "killer", "hitman", "assassin"}
)  # fmt: skip
"""Singular nouns for one person that say nothing of who he is ("a man", "an unknown
individual") or only that he did the act ("the killer"). As the doer a frame slot gives ("a
man opened fire on the checkpoint") he is an unnamed attacker: a person, unless the text calls
him armed or he kills by trade, which ACLED codes as an unidentified armed group; elsewhere
such a noun is no actor. Plurals ("armed men", "two individuals")
are described actors of their own (`extract.roles.described`)."""


def unnamed_actor(head: Token, role: str, table: EntityTable) -> list[tuple[Entity, Span]]:
    """ "gunmen opened fire", "killing 12 civilians", "an attack on soldiers", "troops
    retook the town": actors the article describes without naming, as ACLED codes them
    (unidentified armed group, civilians, state forces on either side)."""
    word = head.lower_
    span = head.doc[head.i : head.i + 1]
    if role == "perpetrator" and word in ATTACKER_NOUNS:
        label = f"Unidentified {word if word.endswith('s') or word == 'gunmen' else word + 's'}"
        return [(table.add_unnamed(span, label, "ArmedGroup", "Political militias"), span)]
    if (
        role == "perpetrator"
        and _lone_person(head)
        and not _denied_noun(head)
        and not _named_after(head)
    ):
        label = f"Unidentified {word}"
        if word in HIRED_KILLER_NOUNS or _called_armed(head):
            return [(table.add_unnamed(span, label, "ArmedGroup", "Political militias"), span)]
        return [(table.add_unnamed(span, label, "Person", None), span)]
    if role in ("perpetrator", "participant") and _crowd(head):
        # "beaten to death by a crowd", "an angry mob attacked a bus", "rioters burned cars":
        # the crowd that does violence is one actor, coded as ACLED codes it
        return [(table.add_unnamed(span, "Rioters", "CommunalGroup", "Rioters"), span)]
    if role in ("target", "victim") and word in CIVILIAN_NOUNS:
        return [(table.add_unnamed(span, "Civilians", "CommunalGroup", "Civilians"), span)]
    if word in SECURITY_NOUNS:
        return [(table.add_unnamed(span, "Security forces", "StateForce", "State forces"), span)]
    if role == "perpetrator" and _weapon_owner(head):
        return _owner_forces(head, table)
    if role in ("target", "victim"):
        return communal_group(head, table)
    return []


CROWD_HEADS = frozenset(
    {"crowd", "crowds", "mob", "mobs", "rioters", "looters", "protesters", "protestors",
     "demonstrators", "marchers"}
)  # fmt: skip
"""Head nouns for people acting as one crowd: the collective nouns of English for a crowd,
and the plural nouns for those who make up a demonstration or a riot. As the doer of a
violent act ("beaten by a crowd", "rioters stormed the ministry") the crowd is one unnamed
actor of the article, of ACLED's category "Rioters" (violent demonstrators and mobs alike);
it is no armed group."""
SEX_AND_AGE_NOUNS = frozenset(
    {"woman", "man", "boy", "girl", "teenager", "teen", "child", "adolescent", "juvenile",
     "minor", "adult", "pensioner", "schoolboy", "schoolgirl", "neighbour", "neighbor"}
)  # fmt: skip
"""Nouns that say of one person only their sex, their age or that they live nearby."""
PRIVATE_PERSONS = (SEX_AND_AGE_NOUNS | PERSON_NOUNS) - (
    OFFICE_NOUNS | LEADER_NOUNS | frozenset(
        {"militant", "fighter", "soldier", "officer", "ringleader", "bomber", "gunman",
         "victim", "witness", "recruiter"}
    )
)  # fmt: skip
"""Nouns for one person by their sex, age, kin or trade ("a woman", "a teenager", "a
student", "a taxi driver"), less offices, leaders, armed men and those an act befalls: one of
them who does violence is a private person, as ACLED codes a lone attacker the text never
calls armed."""


def _lone_person(noun: Token) -> bool:
    """Whether the noun is one unnamed person who may do an act: a noun that says nothing
    of him (`UNSPECIFIED_PERSONS`), or a singular noun for a private person
    (`PRIVATE_PERSONS`: "a woman stabbed two shoppers")."""
    word = noun.lower_
    if word in UNSPECIFIED_PERSONS:
        return True
    return word in PRIVATE_PERSONS and "Plur" not in noun.morph.get("Number")


OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
"""How a word before a weapon's noun hangs on it: "the army's drones", "coalition jets"."""


def _weapon_owner(noun: Token) -> bool:
    """Whether the noun is the owner before a weapon's noun that no name gives: a noun for
    a body that acts as one party ("coalition warplanes", "government aircraft", "the
    regime's jets"), not a word of the weapon's own kind ("suicide drones", "fighter jets")
    nor one that only refers back to a group named before ("the group's rockets")."""
    word = noun.lower_
    if noun.dep_ not in OWNER_DEPS or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if word not in STATE_HEADS | PARTY_HEADS or word in REFERRING_NOUNS:
        return False
    weapons = weapon_spans(noun.doc)
    if any(s.start <= noun.i < s.end for s in weapons):
        return False
    return any(s.start <= noun.head.i < s.end for s in weapons)


def weapon_spans(doc: Doc) -> list[Span]:
    """The weapon words the pipeline found in the text ("warplanes", "a rifle")."""
    return [s for s in doc.spans.get(TRIGGERS_KEY, ()) if s.label_ == WEAPON]


def _owner_forces(noun: Token, table: EntityTable) -> list[tuple[Entity, Span]]:
    """The unnamed forces whose weapon did the act: a state's by a noun through which a
    state acts ("government aircraft": government forces; "air force jets": the air force),
    an armed group's by any other party noun ("coalition warplanes": coalition forces). A
    description: a name given for the incident's doer wins over it
    (`described.named_first`)."""
    word = noun.lower_
    start = noun.i
    while (
        start > 0
        and noun.doc[start - 1].dep_ == "compound"
        and noun.doc[start - 1].head.i == noun.i
    ):
        start -= 1
    span = noun.doc[start : noun.i + 1]
    label = span.text[0].upper() + span.text[1:].lower()
    if word not in FORCE_HEADS:
        label += " forces"
    if word in STATE_HEADS or word == "force":
        entity = table.add_unnamed(span, label, "StateForce", "State forces")
    else:
        entity = table.add_unnamed(span, label, "ArmedGroup", "Political militias")
    noun.doc.user_data.setdefault(DESCRIBED_KEY, set()).add(entity.id)
    return [(entity, span)]


def _crowd(noun: Token) -> bool:
    """Whether the noun is a crowd no word before it gives an owner: "a crowd", "an angry
    mob", "rioters"; not "the X hordes" or "party rioters", whose name or noun before them
    says whose men they are (read as a description, `extract.roles.described`), nor "no
    crowd"."""
    if noun.lower_ not in CROWD_HEADS or _denied_noun(noun):
        return False
    return not any(c.dep_ in ("compound", "nmod", "poss") for c in noun.children)


HIRED_KILLER_NOUNS = frozenset({"hitman", "assassin"})
"""Nouns of `UNSPECIFIED_PERSONS` that say a man kills for a living: armed by trade, as ACLED
codes a contract killer (an unidentified armed group), not a private person."""


def _called_armed(noun: Token) -> bool:
    """Whether the text calls the one unnamed doer armed: "an armed man", "a man armed with
    a rifle". A lone man, woman or neighbour it never calls so is a person, as ACLED codes
    a private killing, not an unidentified armed group."""
    return any(
        child.lower_ == "armed" and child.dep_ in ("amod", "acl", "relcl")
        for child in noun.children
    )


def _named_after(noun: Token) -> bool:
    """Whether the text names the person right after the noun in a way that makes the name
    the doer: an apposition ("the man, Tomas Vell, 34, stabbed") or a naming participle the
    parser closes early, making the name the clause's subject ("a man identified as Tomas
    Vell opened fire"). "a man" is then no second, unnamed doer beside the name."""
    for child in noun.children:
        if child.dep_ == "appos" and any(t.pos_ == "PROPN" for t in child.subtree):
            return True
        if child.dep_ == "acl" and any(
            t.pos_ == "PROPN" and t.dep_ == "nsubj" and t.head.i == noun.head.i
            for t in noun.doc[child.i + 1 : noun.head.i]
        ):
            return True
    return False


def _denied_noun(noun: Token) -> bool:
    """Whether "no" (or "not") determines the noun or the noun it is coordinated with: "no
    organization or individual has claimed the attack" names nobody."""
    node = noun
    for _ in range(4):
        if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in node.children):
            return True
        if node.dep_ != "conj":
            return False
        node = node.head
    return False


COMMUNITY_NOUNS = frozenset(
    {"families", "communities", "minorities", "tribes", "clans", "tribesmen", "settlers",
     "migrants", "refugees", "households", "congregations", "believers", "minority",
     "community", "tribe", "clan", "population", "populations"}
)  # fmt: skip
"""Nouns for people as a community or a kin group, which a nation, faith or ethnicity before
them names ("Shia families", "the Yazidi minority"). Not "groups" or "men", which name armed
bands as often ("Islamist groups", "Kurdish armed groups")."""


def communal_group(head: Token, table: EntityTable) -> list[tuple[Entity, Span]]:
    """People named by their nation, faith or ethnicity and a plural noun ("an assault on
    Kurdish families", "attacks against Shia communities") as a communal group of the article;
    none where the noun is an armed or security one ("Kurdish fighters": who they fight
    for is not said), a place or a thing ("Kurdish positions"), or where nothing before it
    names a people."""
    if head.pos_ != "NOUN" or head.lower_ not in COMMUNITY_NOUNS:
        return []
    peoples = [c.i for c in head.lefts if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"]
    if not peoples:
        return []
    span = head.doc[min(peoples) : head.i + 1]
    label = span.text[0].upper() + span.text[1:]
    return [(table.add_unnamed(span, label, "CommunalGroup", None), span)]


def mention_span(token: Token, table: EntityTable) -> Span:
    entity_id = table.token_entity.get(token.i)
    doc = token.doc
    start = token.i
    while start > 0 and table.token_entity.get(start - 1) == entity_id:
        start -= 1
    end = token.i + 1
    while end < len(doc) and table.token_entity.get(end) == entity_id:
        end += 1
    return doc[start:end]


def with_examples(noun: Token) -> list[Token]:
    """A noun and the examples it introduces ("militias, including X", "groups such as Y",
    or an apposition)."""
    heads = [noun]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("including", "like", "as"):
            heads.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ == "appos":
            heads.append(child)
    return heads


REFERRING_NOUNS = frozenset(
    {"group", "militia", "organisation", "organization", "movement", "faction", "rebels",
     "militants", "insurgents", "outfit", "network", "militias"}
)  # fmt: skip
"""Definite nouns that refer back to a named armed group ("the group said ...")."""
ANTECEDENT_WINDOW = 80
"""Tokens back in which "the group" looks for the armed group it refers to."""


def group_antecedent(head: Token, table: EntityTable) -> Token | None:
    """The last named armed group before a definite group noun ("the group", "the
    militia"), within `ANTECEDENT_WINDOW` tokens: what the noun refers back to."""
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
    if head.lower_ not in REFERRING_NOUNS or not determiners & {"the", "this", "that", "its"}:
        return None
    doc = head.doc
    for i in range(head.i - 1, max(-1, head.i - ANTECEDENT_WINDOW), -1):
        entity = table.at(doc[i])
        if entity is not None and entity.type == "ArmedGroup":
            if not entity.name.startswith("Unidentified"):
                return doc[i]
    return None


ACTING_TYPES = frozenset({"ArmedGroup", "StateForce", "Government", "State"})
"""Entity types that act: whose name before an attack noun makes them its author, and what
"it" or "they" that attacks can stand for."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def pronoun_antecedent(pronoun: Token, table: EntityTable) -> Token | None:
    """What "it" or "they" that acts stands for: the nearest acting party (an armed group,
    a force, a government, a state) that is the subject of a clause before it, in its own
    sentence or the one before ("The militia has grown this year. On Monday it ambushed a
    convoy."); "it" takes a singular one only. None for any other word, or where no such
    subject comes before."""
    word = pronoun.lower_
    if word not in ("it", "they") or pronoun.pos_ != "PRON":
        return None
    doc = pronoun.doc
    sentence = pronoun.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    for i in range(pronoun.i - 1, start - 1, -1):
        entity = table.at(doc[i])
        if entity is None or entity.type not in ACTING_TYPES:
            continue
        root = mention_span(doc[i], table).root
        if root.dep_ not in SUBJECT_DEPS or root.i != i:
            continue
        if word == "it" and "Plur" in root.morph.get("Number"):
            continue
        return root
    return None
