"""The roles of each incident: from its mentions' own sentences, and from the sentences
after them that go on telling it (a weapon, victims, casualty counts without a trigger).

The `incident_roles` stage leaves them on the Doc as `doc._.ck_roles` (by `id(cluster)`), and
sets each incident's casualty counts; later stages (responsibility, the dateline's place)
settle them further.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..entities import EntityTable
from ..events import (
    ATTACK_FAMILY,
    HAZARD_CLASSES,
    STATEMENTS,
    VIOLENT,
    EventCluster,
    EventMention,
)
from ..language import Attribution, Lexicon, RoleFinding
from ..nlp import TRIGGERS_KEY, WEAPON
from .casualties import casualty_clauses, tally
from .locatives import places_on
from .roles import place_near_weapons, salient_roles, victim_roles, weapon_users, weapons_in

__all__ = ["CARRIER_RULE", "PLACE_BEFORE_RULE", "gather", "incident_roles", "places_before"]


def gather(doc: Doc) -> None:
    """Stage `incident_roles`: the roles of each incident of `doc._.ck_clusters`."""
    ext = doc._
    # The longest weapon name wins: "suicide bomber" is no "bomber", "improvised explosive
    # device" no second "explosive device".
    weapon_spans = filter_spans([s for s in doc.spans.get(TRIGGERS_KEY, []) if s.label_ == WEAPON])
    ext.ck_roles = incident_roles(
        doc,
        ext.ck_clusters,
        ext.ck_entities,
        ext.ck_lexicon,
        weapon_spans,
        ext.ck_mention_roles,
    )
    if ext.ck_dateline is None:
        # A dateline says where the story happened (`place_at_dateline`); without one, the
        # sentence before the story's first incident may.
        places_before(doc, ext.ck_clusters, ext.ck_entities, ext.ck_roles)


WEAPON_REACH = 2
"""Sentences after the incident's last trigger in which a weapon named without a trigger
is still its instrument ("The drones were dropped at his home."); further on, a weapon is
background ("grenades are easy to buy"), not the incident's. The same reach holds for the
victims of a casualty clause without a trigger ("Three passengers were killed.")."""


def incident_roles(
    doc: Doc,
    clusters: list[EventCluster],
    table: EntityTable,
    lexicon: Lexicon,
    weapon_spans: list[Span],
    own_roles: dict[int, list[RoleFinding]],
) -> dict[int, list[RoleFinding]]:
    """Roles per cluster: from each mention's sentence, and from trigger-less sentences that
    continue the story of the last violent incident."""
    findings: dict[int, list[RoleFinding]] = {id(c): [] for c in clusters}
    by_sentence: dict[int, list[tuple[EventCluster, EventMention]]] = {}
    for cluster in clusters:
        for mention in cluster.mentions:
            findings[id(cluster)].extend(own_roles[id(mention)])
            by_sentence.setdefault(mention.sentence.start, []).append((cluster, mention))
    salient: EventCluster | None = None
    harm_before: EventCluster | None = None
    """A riot or an abduction told in the sentence just before this one."""
    casualty_slots: dict[int, list[int | bool | None]] = {}
    # People a flood or a crash killed are no attack's victims: hazards cause no victims here.
    triggers = {
        t.i
        for c in clusters
        if c.event_class not in HAZARD_CLASSES
        for m in c.mentions
        for t in m.span
    }
    carriers = lexicon.weapon_carriers
    # Sentences that tell a violent act as background, history or a threat, and no incident
    # of the article's: their counts and victims are that act's ("In 2024 the group killed
    # 40 soldiers"), never the last incident's, as a sentence with no event word would be.
    told_elsewhere = {
        m.sentence.start
        for m, _ in (doc._.ck_nonspecific or ())
        if m.event_class in ATTACK_FAMILY
    }
    since_salient = 0
    for sentence in doc.sents:
        since_salient += 1
        # A claim of responsibility speaks about the incident: its sentence still
        # continues the incident's story ("X claimed responsibility" names the perpetrator).
        here = [
            (c, m)
            for c, m in by_sentence.get(sentence.start, [])
            if c.event_class not in STATEMENTS
        ]
        violent_here = [c for c, _ in here if c.event_class in ATTACK_FAMILY]
        if not here and sentence.start in told_elsewhere:
            harm_before = None
            continue
        if not here and harm_before is not None and salient is None:
            # "Fighters looted shops ... No one was hurt": the count of a riot or an
            # abduction told in the sentence right after it
            clauses = casualty_clauses(sentence)
            if clauses:
                _add_casualties(casualty_slots, id(harm_before), clauses)
        harm_before = next((c for c, _ in here if _may_harm(c)), None)
        if not violent_here and harm_before is not None:
            # "Rioters hurled rocks at police, injuring nine officers": with no attack in
            # the sentence, its casualty clauses count the riot's (or abduction's) hurt
            clauses = casualty_clauses(sentence)
            if clauses:
                _add_casualties(casualty_slots, id(harm_before), clauses)
        if not violent_here and (salient is None or here):
            continue  # nothing here for an incident: skip the per-sentence rules
        weapons = weapons_in(sentence, weapon_spans)
        continuing = not here and since_salient <= WEAPON_REACH
        victims = victim_roles(sentence, table, triggers, continuing=continuing)
        if violent_here:
            salient = violent_here[0]
            since_salient = 0
            if all(c is salient for c, _ in here):
                findings[id(salient)].extend(salient_roles(sentence, table, salient))
            used = [(w.root, f) for w in weapons for f in weapon_users(w, table)]
            served = {w.start: findings[id(_nearest_attack(here, w.root))] for w in weapons}
            for weapon in weapons:
                served[weapon.start].append(_weapon_finding(weapon, carriers))
            for token, finding in used + victims:
                findings[id(_nearest_attack(here, token))].append(finding)
            for weapon in weapons:
                # "killed when a grenade was thrown into a cafe in X": where the weapon was
                # used is where the incident was, when nothing else has placed it
                if not any(f.role == "place" for f in served[weapon.start]):
                    served[weapon.start].extend(place_near_weapons(sentence, [weapon], table))
        elif salient is not None and not here:
            findings[id(salient)].extend(salient_roles(sentence, table, salient))
            findings[id(salient)].extend(finding for _, finding in victims)
            if weapons and since_salient <= WEAPON_REACH:
                findings[id(salient)].extend(_weapon_finding(w, carriers) for w in weapons)
                findings[id(salient)].extend(f for w in weapons for f in weapon_users(w, table))
                findings[id(salient)].extend(place_near_weapons(sentence, weapons, table))
        if salient is not None and (violent_here or not here):
            # A sentence telling two incidents ("came hours after an air strike killed
            # two") gives each casualty clause to the incident nearest to it in the tree.
            by_cluster: dict[int, list[tuple[Token, str, int | None]]] = {}
            for clause in casualty_clauses(sentence):
                owner = (
                    _nearest_attack(here, clause[0])
                    if len({id(c) for c in violent_here}) > 1
                    else salient
                )
                by_cluster.setdefault(id(owner), []).append(clause)
            for owner_id, clauses in by_cluster.items():
                _add_casualties(casualty_slots, owner_id, clauses)
    for cluster in clusters:
        cluster_slot = casualty_slots.get(id(cluster))
        if cluster_slot:
            cluster.casualties = (
                cluster_slot[0],  # type: ignore[arg-type]
                bool(cluster_slot[1]),
                cluster_slot[2],  # type: ignore[arg-type]
                bool(cluster_slot[3]),
            )
    return findings


INTERVENED = frozenset({"PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST"})
"""ACLED's codes of a demonstration met with force."""


def _may_harm(cluster: EventCluster) -> bool:
    """A riot, an abduction, or a demonstration met with force ("Police fired tear gas to
    break up the march"), whose next sentence may count its hurt or tell that no one was."""
    if cluster.event_class in VIOLENT - ATTACK_FAMILY:
        return True
    return cluster.acled in INTERVENED


def _add_casualties(
    slots: dict[int, list[int | bool | None]],
    owner: int,
    clauses: list[tuple[Token, str, int | None]],
) -> None:
    """Fold casualty clauses into an incident's counts: the highest count of each kind."""
    fatal, killed, injured_n, injured = tally(clauses)
    slot = slots.setdefault(owner, [None, False, None, False])
    if killed:
        slot[0] = max(slot[0] or 0, fatal) if fatal is not None else slot[0]  # type: ignore[type-var]
        slot[1] = True
    if injured:
        slot[2] = max(slot[2] or 0, injured_n) if injured_n is not None else slot[2]  # type: ignore[type-var]
        slot[3] = True


PLACE_BEFORE_RULE = "place-sentence-before"


def places_before(
    doc: Doc,
    clusters: list[EventCluster],
    table: EntityTable,
    findings: dict[int, list[RoleFinding]],
) -> None:
    """The place of the story's first incident when its own sentences name none, from
    the sentence just before it, which tells no event and names one place in a locative
    phrase ("Tension has been rising in the province of Kesh. On Monday an air strike hit
    a market, killing nine"): the text sets the scene before it tells what happened
    there. Two places there, or none, say nothing of where; an incident told after others
    is in their story, not in the scene set before them."""
    told = {m.sentence.start for c in clusters for m in c.mentions}
    if not told:
        return
    opening = min(told)
    for cluster in clusters:
        found = findings.get(id(cluster))
        if found is None or cluster.event_class not in ATTACK_FAMILY:
            continue
        if any(f.role == "place" for f in found):
            continue
        first = min(m.sentence.start for m in cluster.mentions)
        if first == 0 or first != opening:
            continue
        before = doc[first - 1].sent  # tells no event: the first one is told after it
        places = {e.id: (e, span) for t in before for e, span in places_on(t, table)}
        if len(places) == 1:
            ((entity, span),) = places.values()
            attribution = Attribution("asserted", None)
            found.append(RoleFinding("place", entity, None, span, attribution, PLACE_BEFORE_RULE))


def _nearest_attack(here: list[tuple[EventCluster, EventMention]], token: Token) -> EventCluster:
    """The attack of the sentence whose trigger is nearest to `token` (a weapon, a victim)."""
    attacks = [(c, m) for c, m in here if c.event_class in ATTACK_FAMILY]
    return min(attacks, key=lambda pair: abs(pair[1].head.i - token.i))[0]


CARRIER_RULE = "weapon-carrier"
"""Rule of a weapon found through the noun for its carrier ("a suicide bomber"): it types
the incident (SUIC_BOMB) but is no instrument argument, since the phrase names the attacker
and the weapon itself (vest, belt, car) is not said."""


def _weapon_finding(weapon: Span, carriers: set[str]) -> RoleFinding:
    return RoleFinding(
        "instrument",
        None,
        weapon.id_ or weapon.text.lower(),
        weapon,
        Attribution("asserted", None),
        CARRIER_RULE if weapon.text.lower() in carriers else "weapon",
    )
