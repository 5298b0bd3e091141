"""The ACLED sub-event of an incident, from what the text says around its triggers.

A trigger gives a first class ("attack", "protest"); ACLED splits further by weapon (a
drone attack is an air strike, a grenade attack is GRENADE), by who fights whom (an attack
on soldiers is an armed clash; ACLED's ATTACK is violence against civilians), by who takes
territory, and by how a protest went (dispersed with tear gas, fired upon, turned violent).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..language import Lexicon
from ..model import Entity
from .shared import ARMED_WORDS

if TYPE_CHECKING:
    from ..language import RoleFinding
    from .coref import EventCluster

__all__ = ["refine", "refine_subevent"]

WEAPON_CLASS_ORDER = ("AirOrDroneStrike", "Shelling", "Bombing")
ARMED_ACTORS = frozenset({"ArmedGroup", "StateForce"})
STATE_SIDE = frozenset({"StateForce", "State", "Government"})
CIVILIAN_WORDS = frozenset(
    {"civilians", "civilian", "villagers", "residents", "worshippers", "students", "women",
     "children", "passengers", "farmers", "journalists", "shoppers", "pilgrims", "market",
     "mosque", "church", "school", "hospital", "wedding", "funeral", "refugees", "aid"}
)  # fmt: skip
PROTEST_WORDS = frozenset(
    {"protesters", "protestors", "demonstrators", "protest", "protests", "demonstration",
     "demonstrations", "rioters", "marchers"}
)  # fmt: skip
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


def refine(doc: Doc) -> None:
    """Stage `subevents`: each incident's (class, ACLED code), refined once its roles are
    settled, as `doc._.ck_subevents` (by `id(cluster)`)."""
    ext = doc._
    roles = ext.ck_roles
    lexicon = ext.ck_lexicon
    ext.ck_subevents = {
        id(cluster): _refined(cluster, roles.get(id(cluster), []), lexicon)
        for cluster in ext.ck_clusters
    }


def _refined(
    cluster: EventCluster, findings: list[RoleFinding], lexicon: Lexicon
) -> tuple[str, str | None]:
    return refine_subevent(
        cluster.event_class,
        cluster.acled or lexicon.class_to_acled.get(cluster.event_class),
        plural=cluster.first.plural,
        trigger_lemmas=[m.head.lemma_.lower() for m in cluster.mentions],
        weapons=[f.weapon for f in findings if f.role == "instrument" and f.weapon],
        perpetrators=[f.entity for f in findings if f.role == "perpetrator" and f.entity],
        targets=[f.entity for f in findings if f.role in ("target", "victim") and f.entity],
        context=" ".join(dict.fromkeys(m.sentence.text for m in cluster.mentions)),
        lexicon=lexicon,
    )


def refine_subevent(
    event_class: str,
    acled: str | None,
    *,
    plural: bool,
    trigger_lemmas: Iterable[str],
    weapons: Iterable[str],
    perpetrators: Iterable[Entity],
    targets: Iterable[Entity],
    context: str,
    lexicon: Lexicon,
) -> tuple[str, str | None]:
    """(class, ACLED code) refined from the weapons, sides and context of one incident."""
    records = [lexicon.weapons[w] for w in weapons if w in lexicon.weapons]
    weapon_acled = {r.acled for r in records}
    text = context.lower()
    words = set(text.replace(",", " ").replace(".", " ").split())

    if event_class in ("Attack", "ArmedClash") and words & PROTEST_WORDS:
        # Protesters clashing with police: ACLED codes the protest, not a battle.
        if any(cue in text for cue in FORCE_CUES):
            return "Protest", "FORCE_AGAINST_PROTEST"
        return "Riot", "VIOL_DEMONSTR"
    if event_class == "Attack" and acled in (None, "ATTACK"):
        if "CHEM_WEAP" in weapon_acled:
            return "Attack", "CHEM_WEAP"
        if not plural:
            classes = {r.event_class for r in records}
            for candidate in WEAPON_CLASS_ORDER:
                if candidate in classes:
                    code = next(r.acled for r in records if r.event_class == candidate)
                    return candidate, code
        target_types = {t.type for t in targets}
        armed = bool(target_types & ARMED_ACTORS) or bool(words & ARMED_WORDS)
        if armed and not words & CIVILIAN_WORDS:
            return "ArmedClash", "ARMED_CLASH"
        return event_class, "ATTACK"
    if event_class == "Bombing" and acled == "REM_EXPLOS":
        if "AIR_STRIKE" in weapon_acled and not plural:
            # "warplanes bombed the town": bombs dropped from the air are an air strike.
            return "AirOrDroneStrike", "AIR_STRIKE"
        for code in ("SUIC_BOMB", "GRENADE"):
            if code in weapon_acled:
                return event_class, code
    if acled in ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"):
        sides = {p.type for p in perpetrators}
        if sides & STATE_SIDE:
            return event_class, "GOV_REGAINS_TERIT"
        if "ArmedGroup" in sides:
            return event_class, "NON_STATE_ACTOR_OVERTAKES_TER"
        if set(trigger_lemmas) & RETAKING_VERBS:
            return event_class, "GOV_REGAINS_TERIT"
        return event_class, "NON_STATE_ACTOR_OVERTAKES_TER"
    if event_class == "Arrest" and words & PROTEST_WORDS:
        # ACLED codes protesters detained at their protest as the protest, met by force;
        # the arrest stays an arrest (the protest is its own event), under that code.
        return "Arrest", "PROTEST_WITH_INTER"
    if event_class in ("Protest", "Riot") and acled in ("PEACE_PROTEST", "VIOL_DEMONSTR"):
        if any(cue in text for cue in FORCE_CUES):
            return "Protest", "FORCE_AGAINST_PROTEST"
        if event_class == "Protest" and any(cue in text for cue in VIOLENT_CUES):
            return "Riot", "VIOL_DEMONSTR"
        if event_class == "Protest" and any(cue in text for cue in INTERVENTION_CUES):
            return "Protest", "PROTEST_WITH_INTER"
    return event_class, acled
