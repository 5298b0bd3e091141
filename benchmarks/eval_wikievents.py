"""WikiEvents dev (`wikievents_dev.jsonl`): attack triggers, role fillers and named entities.

- Attack triggers. Gold: triggers of events whose type starts with ``Conflict.Attack``.
  Predicted: every mention (``mentions``, or the trigger when an event has none) of every
  attack-family event (`eval_common.Families`), and every non-specific mention of an attack
  class (``nonspecific``: WikiEvents annotates generic, negated and irrealis attack words as
  triggers too; `eval_common.told_events`). A predicted mention is right when its span
  overlaps a gold trigger; precision is over predicted mentions, recall over gold triggers.
  The same figure over incidents' mentions alone is printed beside.
- Role fillers, document level, roles perpetrator / target / place / instrument. Gold:
  arguments of ``Conflict.Attack.*`` events only (Attacker, Killer, Injurer, Jailer ->
  perpetrator; Target -> target; Place -> place; Instrument, ExplosiveDevice -> instrument);
  the unit is the coreference cluster of the argument's entity (an entity in no cluster is
  its own cluster). Predicted: arguments of our attack-family events, except those with
  certainty ``denied``. A prediction is right when its span overlaps any mention of a gold
  cluster filling that role in that document (`eval_common.match_units`). The micro figure
  is over these four roles.
- Victims, reported beside the four roles and outside their micro figure. KAIROS gives
  ``Conflict.Attack`` events no Victim role: the people an attack kills or wounds are the
  Victims of ``Life.Die`` / ``Life.Injure`` events. Our ``victim`` role is scored against
  those. The *wide* reading (printed beside) folds them into target on both sides.
- Named entities. Gold: mentions of type PER, ORG, GPE, LOC, FAC whose text starts with an
  uppercase letter and is not a pronoun. Predicted: every mention of every extracted entity
  except article-scoped ones ("gunmen", "a clinic": `extract.is_article_scoped`),
  typed by the KAIROS (ACE) entity guidelines: Person -> PER; ArmedGroup, StateForce,
  Organization -> ORG; Government -> ORG or GPE (ACE tags a state's government as a GPE
  in its government role: "the Syrian government", "Damascus said"); CommunalGroup -> ORG
  or PER (a group of people defined by nationality, ethnicity or religion, "the Kurds", is
  PER.Group); State -> GPE; Place -> GPE, LOC or FAC. Typed match: overlapping span and
  compatible type; untyped: overlapping span. The figure with one KAIROS type per class
  (Government and CommunalGroup -> ORG only, the mapping before 2026-12-06) is printed beside.

Every dev document is a conflict document (``conflict_relevant``), so "non-conflict
documents yielding a conflict event" cannot be measured here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from eval_common import (
    DENIED,
    PRF,
    PRF_HEADER,
    JsonDict,
    Mention,
    event_mentions,
    families,
    match_units,
    overlaps,
    prf_row,
    print_table,
    span_overlap,
    told_events,
)

WIKIEVENTS_FILE = "wikievents_dev.jsonl"
GOLD_ATTACK_PREFIX = "Conflict.Attack"
ROLES = ("perpetrator", "target", "place", "instrument")
"""The roles of the micro figure."""
VICTIM = "victim"
SCORED_ROLES = (*ROLES, VICTIM)
GOLD_ROLE_MAP = {
    "Attacker": "perpetrator",
    "Killer": "perpetrator",
    "Injurer": "perpetrator",
    "Jailer": "perpetrator",
    "Target": "target",
    "Place": "place",
    "Instrument": "instrument",
    "ExplosiveDevice": "instrument",
}
"""Roles of gold ``Conflict.Attack`` events (which have no Victim role)."""
GOLD_CASUALTY_PREFIXES = ("Life.Die", "Life.Injure")
WIDE_GOLD_ROLE_MAP = {**GOLD_ROLE_MAP, "Victim": "target"}
OUR_ROLE_MAP = {r: r for r in SCORED_ROLES}
NE_GOLD_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "FAC"})
NARROW_NE_TYPE_MAP: dict[str, frozenset[str]] = {
    "Person": frozenset({"PER"}),
    "ArmedGroup": frozenset({"ORG"}),
    "StateForce": frozenset({"ORG"}),
    "Government": frozenset({"ORG"}),
    "Organization": frozenset({"ORG"}),
    "CommunalGroup": frozenset({"ORG"}),
    "State": frozenset({"GPE"}),
    "Place": frozenset({"GPE", "LOC", "FAC"}),
}
"""One KAIROS type per class but Place: the mapping before 2026-12-06, printed beside."""
NE_TYPE_MAP: dict[str, frozenset[str]] = {
    **NARROW_NE_TYPE_MAP,
    "Government": frozenset({"ORG", "GPE"}),
    "CommunalGroup": frozenset({"ORG", "PER"}),
}
"""The KAIROS/ACE reading of our classes (module docstring): what the typed figure uses."""
PRONOUNS = frozenset(
    """i me my mine myself we us our ours ourselves you your yours yourself yourselves he him
    his himself she her hers herself it its itself they them their theirs themselves who whom
    whose which what that this these those one""".split()
)


@dataclass(slots=True)
class WikiEventsScores:
    documents: int = 0
    triggers: PRF = field(default_factory=PRF)
    triggers_incidents: PRF = field(default_factory=PRF)
    """The trigger figure over the mentions of incidents alone (no non-specific mention)."""
    roles: dict[str, PRF] = field(default_factory=lambda: {r: PRF() for r in SCORED_ROLES})
    roles_wide: PRF = field(default_factory=PRF)
    ne_typed: PRF = field(default_factory=PRF)
    ne_typed_narrow: PRF = field(default_factory=PRF)
    """Typed with `NARROW_NE_TYPE_MAP`."""
    ne_untyped: PRF = field(default_factory=PRF)
    missed_triggers: Counter[str] = field(default_factory=Counter)
    false_triggers: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(our event type, what the gold has there) for wrong trigger mentions."""
    false_trigger_words: Counter[tuple[str, str]] = field(default_factory=Counter)
    false_trigger_kinds: Counter[str] = field(default_factory=Counter)
    """What kind of mention each wrong one is (`wrong_trigger_kind`): printed for the tune
    half only, to tell extraction errors from questions of the mapping to KAIROS."""
    role_fp: Counter[str] = field(default_factory=Counter)
    ne_fp_kind: Counter[str] = field(default_factory=Counter)
    ne_type_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    ne_missed_types: Counter[str] = field(default_factory=Counter)
    ne_confused_names: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    """(our type, gold type, gold text) of typing mistakes: printed for the tune half only."""

    @property
    def roles_micro(self) -> PRF:
        total = PRF()
        for role in ROLES:
            total.add(self.roles[role])
        return total

    def figures(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "attack_triggers": self.triggers.as_dict(),
            "attack_triggers_incidents": self.triggers_incidents.as_dict(),
            "roles": {role: self.roles[role].as_dict() for role in SCORED_ROLES},
            "roles_micro": self.roles_micro.as_dict(),
            "roles_wide": self.roles_wide.as_dict(),
            "ne_typed": self.ne_typed.as_dict(),
            "ne_typed_narrow": self.ne_typed_narrow.as_dict(),
            "ne_untyped": self.ne_untyped.as_dict(),
        }


def is_named(text: str) -> bool:
    """Capitalised and no pronoun; an all-capitals word of two letters or more is an acronym
    ("US" the country, "IT" the industry), not the pronoun it spells."""
    stripped = text.strip()
    if not stripped or not stripped[0].isupper():
        return False
    acronym = len(stripped) > 1 and stripped.isupper()
    return acronym or stripped.lower() not in PRONOUNS


def score_wikievents(records: Sequence[JsonDict], outputs: Sequence[JsonDict]) -> WikiEventsScores:
    scores = WikiEventsScores()
    for record, output in zip(records, outputs, strict=True):
        scores.documents += 1
        score_triggers(record, output, scores)
        score_roles(record, output, scores)
        score_entities(record, output, scores)
    return scores


def attack_mentions(
    output: JsonDict, incidents_only: bool = False
) -> list[tuple[str, int, int, str]]:
    """(type, start, end, text) of every mention of every attack-family event, and of every
    non-specific mention of an attack class unless `incidents_only`, deduplicated."""
    seen: set[tuple[int, int]] = set()
    found: list[tuple[str, int, int, str]] = []
    for event in output["events"] if incidents_only else told_events(output):
        if not families().is_attack(event):
            continue
        for start, end, text in event_mentions(event):
            if (start, end) not in seen:
                seen.add((start, end))
                found.append((event["type"], start, end, text))
    return found


def score_triggers(record: JsonDict, output: JsonDict, scores: WikiEventsScores) -> None:
    gold = [ev["trigger"] for ev in record["events"] if ev["type"].startswith(GOLD_ATTACK_PREFIX)]
    other_gold = [
        (ev["type"], ev["trigger"])
        for ev in record["events"]
        if not ev["type"].startswith(GOLD_ATTACK_PREFIX)
    ]
    golds = [(int(g["start"]), int(g["end"])) for g in gold]
    incidents = attack_mentions(output, incidents_only=True)
    scores.triggers_incidents.add(_overlap_prf([(s, e) for _, s, e, _ in incidents], golds))
    predicted = attack_mentions(output)
    scores.triggers.add(_overlap_prf([(s, e) for _, s, e, _ in predicted], golds))
    for event_type, start, end, text in predicted:
        if not any(overlaps(start, end, *g) for g in golds):
            there = next(
                (t for t, g in other_gold if overlaps(start, end, g["start"], g["end"])),
                "no gold event",
            )
            scores.false_triggers[(event_type, there)] += 1
            scores.false_trigger_words[(event_type, text.lower())] += 1
    for g in gold:
        if not any(overlaps(s, e, g["start"], g["end"]) for _, s, e, _ in predicted):
            scores.missed_triggers[g["text"].lower()] += 1
    seen: set[tuple[int, int]] = set()
    for event in told_events(output):
        if not families().is_attack(event):
            continue
        mentions = sorted(event_mentions(event))
        right = [any(overlaps(s, e, *g) for g in golds) for s, e, _ in mentions]
        for index, (start, end, _) in enumerate(mentions):
            if (start, end) in seen or right[index]:
                continue
            seen.add((start, end))
            there = [t for t, g in other_gold if overlaps(start, end, g["start"], g["end"])]
            kind = wrong_trigger_kind(event, index, any(right[:index]), there)
            scores.false_trigger_kinds[kind] += 1


TERRITORY_CODES = frozenset(
    {"GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER"}
)


def wrong_trigger_kind(
    event: JsonDict, index: int, earlier_right: bool, gold_there: Sequence[str]
) -> str:
    """The kind of a wrong attack mention, most telling first: a casualty word the gold
    makes its own Life.Die / Life.Injure event (our attack's mention by the mapping), a
    word under another gold event, a territory code (ACLED battles, no KAIROS attack), a
    non-specific mention, a later mention of an event the gold has at an earlier one (an
    unannotated back-reference), a later mention of an event the gold has nowhere, or an
    event's first mention with no gold event at all."""
    if any(t.startswith(GOLD_CASUALTY_PREFIXES) for t in gold_there):
        return "casualty word (gold: Life.Die/Life.Injure)"
    if gold_there:
        return f"under another gold event ({gold_there[0].split('.')[0]})"
    if event.get("acled") in TERRITORY_CODES:
        return "territory taken (ACLED battle, no KAIROS attack)"
    if event.get("nonspecific"):
        return f"non-specific mention ({event['nonspecific']})"
    if index > 0:
        return (
            "later mention; gold has the event at an earlier one"
            if earlier_right
            else "later mention of an event the gold lacks"
        )
    return "first mention of an event the gold lacks"


def _overlap_prf(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> PRF:
    """Predicted spans right when they overlap a gold span; gold spans found when a
    prediction overlaps them."""
    return PRF(
        sum(any(overlaps(*p, *g) for g in gold) for p in predicted),
        len(predicted),
        sum(any(overlaps(*p, *g) for p in predicted) for g in gold),
        len(gold),
    )


def _clusters(record: JsonDict) -> tuple[dict[str, int], dict[int, list[Mention]]]:
    """Entity id -> cluster id, and cluster id -> mention spans."""
    clusters = record.get("coref_clusters") or []
    cluster_of_index: dict[int, int] = {}
    for number, cluster in enumerate(clusters):
        for index in cluster:
            cluster_of_index.setdefault(int(index), number)
    next_id = len(clusters)
    cluster_of_id: dict[str, int] = {}
    spans: dict[int, list[Mention]] = defaultdict(list)
    for index, entity in enumerate(record["entities"]):
        if index not in cluster_of_index:
            cluster_of_index[index] = next_id
            next_id += 1
        cluster = cluster_of_index[index]
        cluster_of_id[entity["id"]] = cluster
        spans[cluster].append((entity["start"], entity["end"], entity["text"]))
    return cluster_of_id, spans


Predicted = dict[str, dict[str, list[Mention]]]


def _role_sets(
    record: JsonDict,
    output: JsonDict,
    gold_maps: Sequence[tuple[str | tuple[str, ...], Mapping[str, str]]],
    our_map: Mapping[str, str],
    roles: Sequence[str],
) -> tuple[dict[str, dict[int, list[Mention]]], Predicted]:
    """One document's gold clusters (with their mentions) and our predicted entities per
    role. `gold_maps` pairs gold event-type prefixes with their role map (the first prefix
    that matches decides); our denied roles are no prediction."""
    cluster_of_id, spans = _clusters(record)
    gold: dict[str, dict[int, list[Mention]]] = {role: {} for role in roles}
    extra = -1
    for event in record["events"]:
        role_map = next((m for prefix, m in gold_maps if event["type"].startswith(prefix)), None)
        if role_map is None:
            continue
        for arg in event["arguments"]:
            role = role_map.get(arg["role"])
            if role is None:
                continue
            cluster = cluster_of_id.get(arg.get("entity_id") or "")
            if cluster is None:  # an argument without an entity record: its own cluster
                cluster, extra = extra, extra - 1
            spans[cluster].append((arg["start"], arg["end"], arg["text"]))
            gold[role][cluster] = spans[cluster]
    predicted: Predicted = {role: {} for role in roles}
    for event in output["events"]:
        if not families().is_attack(event):
            continue
        for arg in event["arguments"]:
            if arg.get("certainty") == DENIED:
                continue  # "X denied any role" says X is not the perpetrator
            role = our_map.get(arg["role"])
            if role in predicted:
                mention = (arg["start"], arg["end"], arg["text"])
                predicted[role].setdefault(arg["entity"], []).append(mention)
    return gold, predicted


def score_roles(record: JsonDict, output: JsonDict, scores: WikiEventsScores) -> None:
    gold, predicted = _role_sets(
        record,
        output,
        [(GOLD_ATTACK_PREFIX, GOLD_ROLE_MAP), (GOLD_CASUALTY_PREFIXES, {"Victim": VICTIM})],
        OUR_ROLE_MAP,
        SCORED_ROLES,
    )
    for role in SCORED_ROLES:
        prf, wrong = match_units(gold[role], predicted[role], span_overlap)
        for entity_id in wrong:
            scores.role_fp[f"{role}: {entity_id}"] += 1
        scores.roles[role].add(prf)
    scores.roles_wide.add(score_roles_wide(record, output))


def score_roles_wide(record: JsonDict, output: JsonDict) -> PRF:
    """The four roles under the widest reading of the suggested mapping: the gold also takes
    the arguments of Life.Die and Life.Injure events (Victim -> target), and our victims
    count as targets. Printed beside the micro figure so that neither reading hides the
    other."""
    gold, predicted = _role_sets(
        record,
        output,
        [((GOLD_ATTACK_PREFIX, *GOLD_CASUALTY_PREFIXES), WIDE_GOLD_ROLE_MAP)],
        {**OUR_ROLE_MAP, VICTIM: "target"},
        ROLES,
    )
    total = PRF()
    for role in ROLES:
        total.add(match_units(gold[role], predicted[role], span_overlap)[0])
    return total


def score_entities(record: JsonDict, output: JsonDict, scores: WikiEventsScores) -> None:
    from conflict_kg.extract import is_article_scoped

    gold_all = [e for e in record["entities"] if e["type"] in NE_GOLD_TYPES]
    gold = [e for e in gold_all if is_named(e["text"])]
    article = output["article"]["id"]
    predicted = [
        (m["start"], m["end"], NE_TYPE_MAP.get(entity["type"], frozenset()), entity["type"])
        for entity in output["entities"]
        if not is_article_scoped(entity["id"], article)
        for m in entity["mentions"]
    ]
    typed, untyped, narrow = scores.ne_typed, scores.ne_untyped, scores.ne_typed_narrow
    for prf in (typed, untyped, narrow):
        prf.n_pred += len(predicted)
        prf.n_gold += len(gold)
    for start, end, types, our_type in predicted:
        hits = [g for g in gold if overlaps(start, end, g["start"], g["end"])]
        untyped.tp_pred += bool(hits)
        narrow_types = NARROW_NE_TYPE_MAP.get(our_type, frozenset())
        narrow.tp_pred += any(g["type"] in narrow_types for g in hits)
        if any(g["type"] in types for g in hits):
            typed.tp_pred += 1
        elif hits:
            scores.ne_type_confusion[(our_type, hits[0]["type"])] += 1
            scores.ne_confused_names[(our_type, hits[0]["type"], hits[0]["text"])] += 1
        elif any(overlaps(start, end, g["start"], g["end"]) for g in gold_all):
            scores.ne_fp_kind["overlaps only a nominal/pronoun gold mention"] += 1
        elif any(overlaps(start, end, g["start"], g["end"]) for g in record["entities"]):
            scores.ne_fp_kind["overlaps only a gold mention of another type (WEA, VEH...)"] += 1
        else:
            scores.ne_fp_kind["overlaps no gold mention"] += 1
    for g in gold:
        hits = [p for p in predicted if overlaps(p[0], p[1], g["start"], g["end"])]
        untyped.tp_gold += bool(hits)
        narrow.tp_gold += any(
            g["type"] in NARROW_NE_TYPE_MAP.get(p[3], frozenset()) for p in hits
        )
        if any(g["type"] in p[2] for p in hits):
            typed.tp_gold += 1
        else:
            scores.ne_missed_types[g["type"] if not hits else f"{g['type']} (wrong type)"] += 1


def report_wikievents(scores: WikiEventsScores, column: str, top: int, details: bool) -> None:
    rows = [
        prf_row("attack triggers (every mention)", scores.triggers),
        prf_row("  incidents' mentions only", scores.triggers_incidents),
    ]
    rows += [prf_row(f"role {role}", scores.roles[role]) for role in ROLES]
    rows.append(prf_row("roles micro (4 roles)", scores.roles_micro))
    rows.append(prf_row("role victim (Life.Die/Injure, not in micro)", scores.roles[VICTIM]))
    rows.append(prf_row("roles micro, wide (victims as targets)", scores.roles_wide))
    rows.append(prf_row("named entities, typed", scores.ne_typed))
    rows.append(prf_row("  one KAIROS type per class", scores.ne_typed_narrow))
    rows.append(prf_row("named entities, untyped", scores.ne_untyped))
    print_table(f"WikiEvents dev [{column}]: {scores.documents} documents", PRF_HEADER, rows)
    if not details:
        return
    print_table(
        f"WikiEvents [{column}]: top wrong trigger mentions (our type -> gold event there)",
        ("our type -> gold there", "count"),
        [(f"{ours} -> {there}", n) for (ours, there), n in scores.false_triggers.most_common(top)],
    )
    print_table(
        f"WikiEvents [{column}]: top wrong trigger mentions (our type: text)",
        ("our type: text", "count"),
        [(f"{ours}: {text}", n) for (ours, text), n in scores.false_trigger_words.most_common(top)],
    )
    print_table(
        f"WikiEvents [{column}]: wrong trigger mentions by kind",
        ("kind", "count"),
        scores.false_trigger_kinds.most_common(),
    )
    print_table(
        f"WikiEvents [{column}]: top missed gold attack triggers",
        ("trigger word", "count"),
        scores.missed_triggers.most_common(top),
    )
    print_table(
        f"WikiEvents [{column}]: top role false positives (role: our entity id)",
        ("role: entity", "docs"),
        scores.role_fp.most_common(top),
    )
    print_table(
        f"WikiEvents [{column}]: named-entity errors",
        ("kind", "count"),
        [
            *[(f"false positive: {k}", n) for k, n in scores.ne_fp_kind.most_common()],
            *[
                (f"type confusion: our {ours} on gold {gold}", n)
                for (ours, gold), n in scores.ne_type_confusion.most_common(top)
            ],
            *[(f"missed gold {k}", n) for k, n in scores.ne_missed_types.most_common()],
        ],
    )
    print_table(
        f"WikiEvents [{column}]: names typed wrong (our type -> gold type: gold text)",
        ("our -> gold: text", "mentions"),
        [
            (f"{ours} -> {gold}: {text}", n)
            for (ours, gold, text), n in scores.ne_confused_names.most_common(top)
        ],
    )
