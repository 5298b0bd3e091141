"""The ACLED sub-event of an incident, from what happened to whom.

A trigger gives a first class ("attack", "protest"); ACLED's codebook splits further by what
the incident did and to whom, and so does this stage, once the incident's roles are settled:

- the weapon decides among explosions and remote violence (a drone attack is an air strike, a
  grenade attack GRENADE, a gas attack CHEM_WEAP), whoever was hit;
- organised violence against unarmed people (villagers, a councillor, a school) is an attack
  on civilians, never a clash; violence against armed people (soldiers, a police checkpoint,
  fighters) is an armed clash; the sides are read from the incident's victims and targets,
  and only when it has none from the words of its sentence outside its perpetrators;
- violence by protesters is a violent demonstration; force by state forces against a protest
  is FORCE_AGAINST_PROTEST when it kills or wounds or uses more than crowd-control means, and
  PROTEST_WITH_INTER when it only disperses, breaks up or detains: read from the parse (who is
  the doer, whom the act is aimed at) and the incident's casualties;
- territory taken by state forces is GOV_REGAINS_TERIT, by a non-state group
  NON_STATE_ACTOR_OVERTAKES_TER.

A code that names a subclass of the incident's class gives that class ("Attack" coded CHEM_WEAP
is a `ChemicalAttack`, see `ClassTree.coded_class`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..language import REPORTING_VERBS, Lexicon, WeaponRecord, doers_of
from ..model import Entity
from .event_classes import class_tree
from .shared import (
    AIMING_PREPOSITIONS,
    ARMED_ACTORS,
    ARMED_WORDS,
    ATTACK_FAMILY,
    CAPTURES,
    CROWD_CLASSES,
    CROWD_CONTROL,
    CROWD_NOUNS,
    DEMONSTRATORS,
    HARM_LEMMAS,
    STATE_FORCE_WORDS,
    STATE_SIDE,
)

if TYPE_CHECKING:
    from ..entities.table import EntityTable
    from ..language import RoleFinding
    from .coref import EventCluster

__all__ = ["refine", "refine_subevent"]

WEAPON_CLASS_ORDER = ("AirOrDroneStrike", "Shelling", "Bombing")
UNARMED_ACTORS = frozenset({"CommunalGroup", "Person", "Organization"})
"""Actor types of people who carry no arms as such: villagers, a councillor, an aid agency."""
CIVILIAN_WORDS = frozenset(
    {"civilians", "civilian", "villagers", "residents", "worshippers", "students", "women",
     "children", "passengers", "farmers", "journalists", "shoppers", "pilgrims", "market",
     "mosque", "church", "school", "hospital", "wedding", "funeral", "refugees", "aid"}
)  # fmt: skip
CIVILIAN_PHRASE_WORDS = CIVILIAN_WORDS | {"displaced", "marketplace", "people", "unarmed"}
ARMED_PHRASE_WORDS = ARMED_WORDS | {"military", "barracks", "base", "bases"}
"""Words that make a victim's or a target's phrase armed: "Burundian troops", "a military
camp", "an army base"."""
MOB_WORDS = CROWD_NOUNS | {"mob", "mobs"}
"""Nouns that name a crowd without saying it demonstrates."""
CROWD_WORDS = DEMONSTRATORS | MOB_WORDS
"""Nouns for the people of a demonstration, whichever demonstration the text told."""
PROTEST_WORDS = DEMONSTRATORS | {"protest", "protests", "demonstration", "demonstrations"}
"""Words for a demonstration or its people."""
RETAKING_VERBS = frozenset({"recapture", "retake", "regain", "liberate", "reclaim"})
FORCE_CUES = ("opened fire on", "fired on", "shot dead", "live ammunition", "killed protesters",
              "killing protesters", "shot protesters", "fired at protesters", "excessive force",
              "violently dispersed", "violently broke up", "protesters died",
              "protesters were killed", "demonstrators were killed", "demonstrators died",
              "beat protesters", "beat demonstrators", "beating protesters")  # fmt: skip
VIOLENT_CUES = ("clashed", "stones", "rocks", "torched", "set fire", "petrol bomb", "molotov",
                "burned tyres", "burned tires", "looted", "vandalised", "vandalized", "broke into",
                "stormed", "bottles", "smashed", "tore down", "pulled down", "pull down",
                "aggressive")  # fmt: skip
INTERVENTION_CUES = ("tear gas", "teargas", "dispersed", "disperse", "dispersing", "water cannon",
                     "rubber bullets", "batons", "arrested", "detained", "cracked down",
                     "suppressed", "broke up", "break up")  # fmt: skip
"""Words of a protest's sentence that tell how it went when the parse names no act."""


@dataclass(frozen=True, slots=True)
class Act:
    """A violent act told in a protest's sentence, read from the parse: who did it to whom."""

    by_protesters: bool
    """Its doer is the protest's crowd ("protesters stormed the office")."""
    at_protest: bool
    """It is aimed at a protest's crowd ("fired on demonstrators")."""
    at_riot: bool
    """It is aimed at rioters ("fired at youths who threw stones")."""
    by_state: bool
    """Its doer is a state force ("police", "soldiers", a recognised army)."""
    harmful: bool
    """It killed or wounded, or used more than crowd-control means."""
    by_mob: bool = False
    """Its doer is a crowd the text does not call demonstrators ("a crowd", "a mob") and
    no demonstration is told in its sentence, the one before, or its own mentions."""


def refine(doc: Doc) -> None:
    """Stage `subevents`: each incident's (class, ACLED code), refined once its roles are
    settled, as `doc._.ck_subevents` (by `id(cluster)`)."""
    ext = doc._
    roles = ext.ck_roles
    lexicon = ext.ck_lexicon
    clusters: list[EventCluster] = ext.ck_clusters
    protest_tokens = _class_tokens(clusters, frozenset({"Protest"}))
    riot_tokens = _class_tokens(clusters, frozenset({"Riot"}))
    crowds = _crowds_by_sentence(clusters)
    acts = {
        id(c): _act(c, roles.get(id(c), []), ext.ck_entities, protest_tokens, riot_tokens, crowds)
        for c in clusters
        if c.event_class in ATTACK_FAMILY
    }
    subevents = {}
    tree = class_tree()
    for cluster in clusters:
        findings = roles.get(id(cluster), [])
        event_class, code = _refined(cluster, findings, lexicon)
        if cluster.event_class in ATTACK_FAMILY | CROWD_CLASSES | {"Arrest"}:
            event_class, code = _protest_reading(
                cluster, event_class, code, acts, clusters, ext.ck_entities, protest_tokens, crowds
            )
        subevents[id(cluster)] = (tree.coded_class(event_class, code), code)
    ext.ck_subevents = subevents


def _class_tokens(clusters: Iterable[EventCluster], classes: frozenset[str]) -> set[int]:
    return {
        t.i for c in clusters for m in c.mentions if m.event_class in classes for t in m.span
    }


def _refined(
    cluster: EventCluster, findings: list[RoleFinding], lexicon: Lexicon
) -> tuple[str, str | None]:
    harmed = [f for f in findings if f.role in ("target", "victim") and f.entity]
    perpetrators = [f for f in findings if f.role == "perpetrator" and f.entity]
    return refine_subevent(
        cluster.event_class,
        cluster.acled or lexicon.class_to_acled.get(cluster.event_class),
        plural=cluster.first.plural,
        trigger_lemmas=[m.head.lemma_.lower() for m in cluster.mentions],
        weapons=[f.weapon for f in findings if f.role == "instrument" and f.weapon],
        perpetrators=[(f.entity, f.span) for f in perpetrators if f.entity],
        targets=[(f.entity, f.span) for f in harmed if f.entity],
        sentences=list(dict.fromkeys(m.sentence for m in cluster.mentions)),
        lexicon=lexicon,
    )


def _words(text: str) -> set[str]:
    """The lowercase words of `text`, split at spaces, commas and full stops."""
    return set(text.lower().replace(",", " ").replace(".", " ").split())


def _sides(targets: Iterable[tuple[Entity, Span]]) -> tuple[bool, bool]:
    """(armed, unarmed): whether the incident's victims and targets include armed people
    (soldiers, "African Union forces", an army post, a military camp) and unarmed ones
    (villagers, a councillor, a school). An actor is armed by its type or by the head of
    its phrase; a facility by whose it is."""
    armed = unarmed = False
    for entity, span in targets:
        # The whole phrase: "a camp for displaced people" is not the camp of an army; less
        # where it stands: "a boy at a checkpoint" is no armed man.
        words = {t.lower_ for t in _own_words(span.root)}
        if words & CIVILIAN_PHRASE_WORDS:
            unarmed = True
        elif entity.type in ARMED_ACTORS or words & ARMED_PHRASE_WORDS:
            armed = True
        elif entity.type in UNARMED_ACTORS:
            unarmed = True
    return armed, unarmed


def _own_words(head: Token) -> list[Token]:
    """The words of a victim's or a target's phrase, less the locative phrases that say
    where it was ("a boy at a checkpoint", "two men in the army's camp")."""
    hidden = {
        t.i
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in LOCATING_PREPS
        for t in prep.subtree
    }
    return [t for t in head.subtree if t.i not in hidden]


LOCATING_PREPS = frozenset({"at", "in", "near", "outside", "inside", "on"})
"""Prepositions whose phrase on a victim says where it was, not what it was."""


def _told(sentence: Span) -> str:
    """The sentence's words less those of who tells it ("Police said the shooting left one
    man dead": the police speak, they are no side of the shooting)."""
    speakers = {
        t.i
        for verb in sentence
        if verb.lemma_.lower() in REPORTING_VERBS and not _tells_of_itself(verb)
        for subject in verb.children
        if subject.dep_ == "nsubj"
        for t in subject.subtree
    }
    return " ".join(t.text for t in sentence if t.i not in speakers)


def _tells_of_itself(verb: Token) -> bool:
    """ "Police said they opened fire": the speaker is the doer a pronoun of what it says
    refers back to."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PRON"
        for clause in verb.children
        if clause.dep_ in ("ccomp", "xcomp")
        for t in clause.subtree
    )


def refine_subevent(
    event_class: str,
    acled: str | None,
    *,
    plural: bool,
    trigger_lemmas: Iterable[str],
    weapons: Iterable[str],
    perpetrators: Iterable[tuple[Entity, Span]],
    targets: Iterable[tuple[Entity, Span]],
    sentences: Sequence[Span],
    lexicon: Lexicon,
) -> tuple[str, str | None]:
    """(class, ACLED code) refined from the weapons and sides of one incident, whose
    `sentences` are read only when nobody harmed is named."""
    records = [lexicon.weapons[w] for w in weapons if w in lexicon.weapons]
    weapon_acled = {r.acled for r in records}

    if event_class == "Assassination" and acled in (None, "ATTACK") and not plural:
        # "a drone dropped explosives on the police chief's convoy ... the second attempt
        # on his life": an attempt made with a drone is a (targeted) drone strike
        by_weapon = _weapon_class(records)
        if by_weapon is not None:
            return by_weapon
    if event_class == "Attack" and acled in (None, "ATTACK"):
        if "CHEM_WEAP" in weapon_acled:
            return "Attack", "CHEM_WEAP"
        by_weapon = _weapon_class(records) if not plural else None
        if by_weapon is not None:
            return by_weapon
        armed, unarmed = _sides(targets)
        if not (armed or unarmed):
            # Nobody harmed is named: the words of its sentence ("the army killed scores
            # of terrorists" is a battle; "gunmen shot dead a farmer" is not).
            words = _words(" ".join(_told(sentence) for sentence in sentences))
            armed = bool(words & ARMED_WORDS)
            unarmed = bool(words & CIVILIAN_WORDS)
        if armed and not unarmed:
            return "ArmedClash", "ARMED_CLASH"
        return event_class, "ATTACK"
    if event_class == "Bombing" and acled == "REM_EXPLOS":
        if "AIR_STRIKE" in weapon_acled and not plural:
            # "warplanes bombed the town": bombs dropped from the air are an air strike.
            return "AirOrDroneStrike", "AIR_STRIKE"
        for code in ("SUIC_BOMB", "GRENADE"):
            if code in weapon_acled:
                return event_class, code
    if acled in CAPTURES:
        sides = {entity.type for entity, _ in perpetrators}
        if sides & STATE_SIDE:
            return event_class, "GOV_REGAINS_TERIT"
        if "ArmedGroup" in sides:
            return event_class, "NON_STATE_ACTOR_OVERTAKES_TER"
        if set(trigger_lemmas) & RETAKING_VERBS:
            return event_class, "GOV_REGAINS_TERIT"
        return event_class, "NON_STATE_ACTOR_OVERTAKES_TER"
    return event_class, acled


def _weapon_class(records: Sequence[WeaponRecord]) -> tuple[str, str] | None:
    """The class and code the incident's weapons give, the remotest first (a drone before a
    mortar before a bomb); None when no weapon decides."""
    classes = {r.event_class for r in records}
    for candidate in WEAPON_CLASS_ORDER:
        if candidate in classes:
            return candidate, next(r.acled for r in records if r.event_class == candidate)
    return None


# Protests ---------------------------------------------------------------------------------


def _aimed_at(head: Token) -> list[Token]:
    """Whom the act is aimed at: its object or passive subject, the object of "at/on/
    against...", and the object of a purpose clause ("fired tear gas to disperse them")."""
    aimed = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in AIMING_PREPOSITIONS:
            aimed += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("advcl", "xcomp") and child.pos_ == "VERB":
            aimed += [g for g in child.children if g.dep_ == "dobj"]
    return aimed


def _within(tokens: Iterable[Token], indices: set[int]) -> bool:
    """Whether one of the noun phrases headed by `tokens` holds one of `indices` ("hundreds
    of teachers protesting" holds the protest trigger "protesting")."""
    return any(t.i in indices for token in tokens for t in token.subtree)


def _state_force(tokens: Iterable[Token], table: EntityTable) -> bool:
    for token in tokens:
        entity = table.entities.get(table.token_entity.get(token.i, ""))
        if entity is not None and entity.type in STATE_SIDE:
            return True
        if token.lower_ in STATE_FORCE_WORDS:
            return True
    return False


def _harmful(cluster: EventCluster, findings: list[RoleFinding], head: Token) -> bool:
    """The act killed or wounded (casualties, victims, a verb of harm in its clause), or
    used more than the crowd-control means of an intervention."""
    casualties = cluster.casualties
    if casualties is not None and any(casualties):
        return True
    if any(f.role == "victim" for f in findings):
        return True
    clause = [head, *head.children, *(g for c in head.children for g in c.children)]
    if any(t.lemma_.lower() in HARM_LEMMAS for t in clause):
        return True
    means = " ".join(
        t.text.lower()
        for c in head.children
        if c.dep_ in ("dobj", "prep")
        for t in c.subtree
    )
    return not any(m in means for m in CROWD_CONTROL)


DEMONSTRATION_CODES = frozenset({"PEACE_PROTEST", "PROTEST_WITH_INTER", "VIOL_DEMONSTR"})


def _crowds_by_sentence(clusters: Iterable[EventCluster]) -> dict[int, str]:
    """For each sentence start, the class (Protest or Riot) of a demonstration told in that
    sentence or the one before it: the crowd an act in that sentence is aimed at."""
    crowds: dict[int, str] = {}
    for cluster in clusters:
        if cluster.event_class not in CROWD_CLASSES:
            continue
        for mention in cluster.mentions:
            for start in (mention.sentence.start, mention.sentence.end):
                crowds.setdefault(start, cluster.event_class)
    return crowds


def _act(
    cluster: EventCluster,
    findings: list[RoleFinding],
    table: EntityTable,
    protest_tokens: set[int],
    riot_tokens: set[int],
    crowds: dict[int, str],
) -> Act | None:
    """How the parse tells the incident's first verb trigger in a protest's sentence. An
    act aimed at "the crowd" or "the marchers" right after a demonstration is aimed at
    that demonstration ("Police fired at the marchers, killing one"); one done by a crowd
    ("demonstrators clashed with police") is the crowd's, whether or not the crowd noun
    is told as a protest of its own."""
    # the act itself before the crowd's own verbs ("protested ... the crowd beat a man")
    acts = sorted(cluster.mentions, key=lambda m: m.event_class not in ATTACK_FAMILY)
    for mention in acts:
        head = mention.head
        if head.pos_ != "VERB":
            continue
        # "a mob surrounded the bus and attacked its driver": the mob attacked
        doers = doers_of(head, shared="first", conjuncts=True)
        aimed = _aimed_at(head)
        state = _state_force(doers, table) or any(
            f.role == "perpetrator" and f.entity is not None and f.entity.type in STATE_SIDE
            for f in findings
        )
        crowd = crowds.get(mention.sentence.start)
        at_crowd = crowd is not None and any(t.lower_ in CROWD_WORDS for t in aimed)
        crowd_doing = any(t.lower_ in CROWD_WORDS for d in doers for t in d.subtree)
        return Act(
            by_protesters=_within(doers, protest_tokens | riot_tokens) or crowd_doing,
            at_protest=_within(aimed, protest_tokens) or (at_crowd and crowd == "Protest"),
            at_riot=_within(aimed, riot_tokens) or (at_crowd and crowd == "Riot"),
            by_state=state,
            harmful=_harmful(cluster, findings, head),
            by_mob=crowd is None
            and not any(m.acled in DEMONSTRATION_CODES for m in cluster.mentions)
            and any(t.lower_ in MOB_WORDS for d in doers for t in d.subtree)
            and not any(t.lower_ in DEMONSTRATORS for d in doers for t in d.subtree),
        )
    return None


def _sentences(cluster: EventCluster) -> set[int]:
    return {m.sentence.start for m in cluster.mentions}


def _protest_reading(
    cluster: EventCluster,
    event_class: str,
    code: str | None,
    acts: dict[int, Act | None],
    clusters: list[EventCluster],
    table: EntityTable,
    protest_tokens: set[int],
    crowds: Mapping[int, str],
) -> tuple[str, str | None]:
    """ACLED's protest and riot codes: what protesters did, and what was done to them;
    `crowds` are the demonstrations by sentence (`_crowds_by_sentence`)."""
    if cluster.event_class in ATTACK_FAMILY:
        act = acts.get(id(cluster))
        if act is not None and (act.at_riot or (act.by_protesters and not act.by_state)):
            if any(m.acled == "MOB_VIOL" for m in cluster.mentions) or (
                act.by_mob and act.harmful
            ):
                # "an angry mob attacked a bus", "a crowd beat a man to death" with no
                # demonstration told: a mob's violence, not a violent demonstration
                return "Riot", "MOB_VIOL"
            return "Riot", "VIOL_DEMONSTR"
        if act is not None and act.at_protest and act.by_state:
            return "Protest", "FORCE_AGAINST_PROTEST" if act.harmful else "PROTEST_WITH_INTER"
        if act is not None and (act.at_protest or act.by_protesters):
            return event_class, code
        return _by_words(cluster, event_class, code, crowds)
    if cluster.event_class == "Arrest":
        aimed = [t for m in cluster.mentions if m.head.pos_ == "VERB" for t in _aimed_at(m.head)]
        if _within(aimed, protest_tokens):
            # ACLED codes protesters detained at their protest as the protest, met by
            # force; the arrest stays an arrest (the protest is its own event).
            return "Arrest", "PROTEST_WITH_INTER"
        return _by_words(cluster, event_class, code, crowds)
    if code not in ("PEACE_PROTEST", "VIOL_DEMONSTR"):
        return event_class, code
    sentences = _sentences(cluster)
    others = [c for c in clusters if c is not cluster and _sentences(c) & sentences]
    told = [a for a in (acts.get(id(c)) for c in others) if a is not None]
    if any((a.by_protesters and not a.by_state) or a.at_riot for a in told):
        return "Riot", "VIOL_DEMONSTR"  # the crowd's own violence makes it a riot
    against = [a for a in told if a.at_protest and a.by_state]
    if not against and any(a.at_protest for a in told):
        # Gunmen firing on a protest attack civilians; the protest itself stays peaceful.
        return event_class, code
    if against:
        harmful = any(a.harmful for a in against)
        return "Protest", "FORCE_AGAINST_PROTEST" if harmful else "PROTEST_WITH_INTER"
    arrests = [c for c in others if c.event_class == "Arrest"]
    if event_class == "Protest" and (
        _dispersed_by_state(cluster, table)
        or arrests
        or any(m.event_class == "Arrest" for m in cluster.mentions)
    ):
        harmed = cluster.casualties is not None and any(cluster.casualties)
        harmed = harmed or any(
            t.lemma_.lower() in HARM_LEMMAS and not any(c.dep_ == "neg" for c in t.children)
            for m in cluster.mentions
            for t in m.sentence
        )
        return "Protest", "FORCE_AGAINST_PROTEST" if harmed else "PROTEST_WITH_INTER"
    return _by_words(cluster, event_class, code, crowds)


def _dispersed_by_state(cluster: EventCluster, table: EntityTable) -> bool:
    """ "police broke up the sit-in", "the rally was dispersed by soldiers": the protest is
    the object of a state force's act."""
    for mention in cluster.mentions:
        head = mention.head
        if head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB":
            if _state_force(doers_of(head.head, shared="first", conjuncts=True), table):
                return True
    return False


def _by_words(
    cluster: EventCluster, event_class: str, code: str | None, crowds: Mapping[int, str]
) -> tuple[str, str | None]:
    """How a protest went when the parse names no act: the words of its sentences. An
    attack is read by them only where a demonstration is told as an incident in its
    sentence or the one before (`crowds`): "called for protests after the killing of three
    activists" tells no crowd at the killing."""
    text = " ".join(dict.fromkeys(m.sentence.text for m in cluster.mentions)).lower()
    words = _words(text)
    at_crowd = any(m.sentence.start in crowds for m in cluster.mentions)
    if event_class in ("Attack", "ArmedClash") and words & PROTEST_WORDS and at_crowd:
        # Protesters clashing with police: ACLED codes the protest, not a battle.
        if any(cue in text for cue in FORCE_CUES):
            return "Protest", "FORCE_AGAINST_PROTEST"
        return "Riot", "VIOL_DEMONSTR"
    if event_class == "Arrest" and words & PROTEST_WORDS:
        return "Arrest", "PROTEST_WITH_INTER"
    if event_class in ("Protest", "Riot") and code in ("PEACE_PROTEST", "VIOL_DEMONSTR"):
        if any(cue in text for cue in FORCE_CUES):
            return "Protest", "FORCE_AGAINST_PROTEST"
        if event_class == "Protest" and any(cue in text for cue in VIOLENT_CUES):
            return "Riot", "VIOL_DEMONSTR"
        if event_class == "Protest" and any(cue in text for cue in INTERVENTION_CUES):
            return "Protest", "PROTEST_WITH_INTER"
    return event_class, code
