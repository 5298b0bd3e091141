"""Score the extractor on the development evaluation data in ../shared/eval/.

    .venv/bin/python benchmarks/eval_extraction.py [--eval-dir DIR] [--limit N] [--json FILE]

The data is read at run time and never copied into the repository (its README forbids it).
When the directory is absent the script says so and exits 0.

(a) WikiEvents dev (`wikievents_dev.jsonl`)

- Attack triggers. Gold: triggers of events whose type starts with ``Conflict.Attack``.
  Predicted: every mention (``Event.mentions``, or the trigger when an event has none) of
  every event whose type is in the attack family. A predicted mention is right when its
  span overlaps a gold trigger; precision is over predicted mentions, recall over gold
  triggers.
- Role fillers, document level, roles perpetrator / target / place / instrument. Gold:
  arguments of ``Conflict.Attack.*`` events only (Attacker, Killer, Injurer -> perpetrator;
  Target, Victim -> target; Place -> place; Instrument, ExplosiveDevice -> instrument); the
  unit is the coreference cluster of the argument's entity (an entity in no cluster is its
  own cluster). Predicted: arguments of our attack-family events, except those with certainty
  ``denied`` ("X denied any role" says X is not the perpetrator). A prediction is right when
  its span overlaps any mention of a gold cluster filling that role in that document. True
  positives are the distinct (role, cluster) pairs matched; false positives are the distinct
  (role, our entity id) pairs none of whose spans matched anything; recall is over the gold
  (role, cluster) pairs. The micro figure is over these four roles.
- Victims, reported beside the four roles and outside their micro figure. KAIROS gives
  ``Conflict.Attack`` events no Victim role: the people an attack kills or wounds are the
  Victims of ``Life.Die`` / ``Life.Injure`` events (of the 61 such clusters in the dev set,
  one is also an attack Target). Our ``victim`` role (casualty clauses: "killing 12
  people") is therefore scored against those Victims, not folded into ``target``, which
  would count every correctly found casualty as a wrong target.
- Named entities. Gold: mentions of type PER, ORG, GPE, LOC, FAC whose text starts with an
  uppercase letter and is not a pronoun. Predicted: every mention of every extracted entity,
  typed Person -> PER; ArmedGroup, StateForce, Government, Organization, CommunalGroup ->
  ORG; State -> GPE; Place -> GPE, LOC or FAC. Typed match: overlapping span and compatible
  type; untyped: overlapping span. Precision over predicted mentions, recall over gold
  named mentions. Entities the article only describes are no named-entity predictions and
  are left out: the article-scoped ones (``extract.entities.is_article_scoped``: "gunmen",
  "civilians", and the facility a target phrase describes, "a clinic", "the checkpoint"),
  which the gold scores, if at all, as nominal mentions outside this figure.

(b) CASE 2021 Task 2 (`case2021_typing_dev.jsonl`)

Each snippet gets one label. An event's label is its ``acled`` code; an event without one
takes the CASE 2021 label its class is mapped to in the ontology (``skos:closeMatch`` to a
concept of ``cket:case2021`` in ``ontologies/event-types.ttl``: Accident ->
MAN_MADE_DISASTER, NaturalDisaster and Epidemic -> NATURAL_DISASTER, Sanction -> DIPLO,
ClaimOfResponsibility -> ATTRIB, OrganisedCrime -> ORG_CRIME), read from the ontology, not
from this script; an event with neither has no label. An event that another labelled event
``concerns`` (the bombing that a claim of responsibility names: the statement's trigger
governs the event's trigger) is what that event is about, not what the snippet reports, so
it steps aside. Among the remaining labelled events the lowest tier wins, then the earliest
trigger. Tier 0: a specific violent class (AirOrDroneStrike, Bombing, Shelling, ArmedClash,
Assassination, Abduction, Riot); tier 1: the generic Attack; tier 2: any other labelled
class (Protest, Arrest, Agreement, Accident, Sanction ...). No such event: ``OTHER``.
Reported: accuracy, accuracy on the snippets whose gold label is an ACLED sub-event type
(CASE also labels disasters, diplomacy, organised crime, attribution and OTHER),
support-weighted F1 over the gold labels, the top error pairs and a per-gold-label
breakdown.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Score this checkout's `extract`, not whichever copy an editable install points at.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import DEFAULT_EVAL_DIR, add_json_option, write_json

WIKIEVENTS_FILE = "wikievents_dev.jsonl"
CASE_FILE = "case2021_typing_dev.jsonl"

ATTACK_FAMILY = frozenset(
    {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination"}
)
GOLD_ATTACK_PREFIX = "Conflict.Attack"
ROLES = ("perpetrator", "target", "place", "instrument")
"""The roles of the micro figure."""
VICTIM = "victim"
DENIED = "denied"
"""A role claim with this certainty says the actor is *not* in the role: no prediction."""
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
"""Gold events whose ``Victim`` arguments our ``victim`` role is scored against."""
WIDE_GOLD_ROLE_MAP = {**GOLD_ROLE_MAP, "Victim": "target"}
"""The suggested mapping read widely (`_score_roles_wide`)."""
OUR_ROLE_MAP = {
    "perpetrator": "perpetrator",
    "target": "target",
    "victim": VICTIM,
    "place": "place",
    "instrument": "instrument",
}
NE_GOLD_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "FAC"})
NE_TYPE_MAP: dict[str, frozenset[str]] = {
    "Person": frozenset({"PER"}),
    "ArmedGroup": frozenset({"ORG"}),
    "StateForce": frozenset({"ORG"}),
    "Government": frozenset({"ORG"}),
    "Organization": frozenset({"ORG"}),
    "CommunalGroup": frozenset({"ORG"}),
    "State": frozenset({"GPE"}),
    "Place": frozenset({"GPE", "LOC", "FAC"}),
}
PRONOUNS = frozenset(
    """i me my mine myself we us our ours ourselves you your yours yourself yourselves he him
    his himself she her hers herself it its itself they them their theirs themselves who whom
    whose which what that this these those one""".split()
)
CASE_TIER_SPECIFIC = frozenset(
    {"AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination", "Abduction", "Riot"}
)
NO_LABEL = "OTHER"
NON_ACLED_LABELS = frozenset(
    {"MAN_MADE_DISASTER", "NATURAL_DISASTER", "DIPLO", "ATTRIB", "ORG_CRIME", "OTHER"}
)
"""CASE labels outside ACLED's sub-event typology (the eval README lists them as such)."""

TARGETS: tuple[tuple[str, str, float], ...] = (
    ("attack-trigger F1", "trigger_f1", 0.70),
    ("role-filler micro F1", "role_f1", 0.50),
    ("typed NE F1", "ne_typed_f1", 0.80),
    ("CASE accuracy", "case_accuracy", 0.65),
)


# Small helpers -------------------------------------------------------------------------------


@dataclass(slots=True)
class PRF:
    tp_pred: int = 0
    """Predictions that are right (precision numerator)."""
    n_pred: int = 0
    tp_gold: int = 0
    """Gold items that are found (recall numerator)."""
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct_predictions": self.tp_pred,
            "predictions": self.n_pred,
            "found_gold": self.tp_gold,
            "gold": self.n_gold,
        }


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def print_table(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    cells = [[str(c) for c in header], *[[_fmt(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    line = "  ".join("-" * w for w in widths)
    for number, row in enumerate(cells):
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if number == 0:
            print(line)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def prf_row(name: str, prf: PRF) -> list[object]:
    return [
        name,
        prf.precision,
        prf.recall,
        prf.f1,
        f"{prf.tp_pred}/{prf.n_pred}",
        f"{prf.tp_gold}/{prf.n_gold}",
    ]


PRF_HEADER = ("", "P", "R", "F1", "right/pred", "found/gold")


def read_jsonl(path: Path, limit: int | None) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
                if limit is not None and len(records) >= limit:
                    break
    return records


def extract_all(records: list[dict[str, Any]], batch_size: int) -> list[Any]:
    from extract.article import ArticleInput
    from extract.pipeline import Extractor

    extractor = Extractor(batch_size=batch_size)
    items = [ArticleInput(source=str(r["id"]), text=r["text"]) for r in records]
    return list(extractor.extract_many(items))


# (a) WikiEvents ------------------------------------------------------------------------------


@dataclass(slots=True)
class WikiEventsScores:
    triggers: PRF = field(default_factory=PRF)
    roles: dict[str, PRF] = field(default_factory=lambda: {r: PRF() for r in SCORED_ROLES})
    roles_wide: PRF = field(default_factory=PRF)
    """The four roles with Life.Die/Injure arguments in the gold (`_score_roles_wide`)."""
    ne_typed: PRF = field(default_factory=PRF)
    ne_untyped: PRF = field(default_factory=PRF)
    missed_triggers: Counter[str] = field(default_factory=Counter)
    false_triggers: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(our event type, what the gold has there) for wrong trigger mentions."""
    false_trigger_words: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(our event type, mention text) for wrong trigger mentions."""
    ne_fp_kind: Counter[str] = field(default_factory=Counter)
    ne_type_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    ne_missed_types: Counter[str] = field(default_factory=Counter)
    role_fp: Counter[str] = field(default_factory=Counter)

    @property
    def roles_micro(self) -> PRF:
        total = PRF()
        for role in ROLES:
            total.add(self.roles[role])
        return total


def is_named(text: str) -> bool:
    """Capitalised and no pronoun; an all-capitals word of two letters or more is an acronym
    ("US" the country, "IT" the industry), not the pronoun it spells."""
    stripped = text.strip()
    if not stripped or not stripped[0].isupper():
        return False
    acronym = len(stripped) > 1 and stripped.isupper()
    return acronym or stripped.lower() not in PRONOUNS


def score_wikievents(records: list[dict[str, Any]], extractions: list[Any]) -> WikiEventsScores:
    scores = WikiEventsScores()
    for record, extraction in zip(records, extractions, strict=True):
        _score_triggers(record, extraction, scores)
        _score_roles(record, extraction, scores)
        _score_entities(record, extraction, scores)
    return scores


def _attack_mentions(extraction: Any) -> list[tuple[str, int, int, str]]:
    """(type, start, end, text) of every mention of every attack-family event, deduplicated."""
    seen: set[tuple[int, int]] = set()
    mentions: list[tuple[str, int, int, str]] = []
    for event in extraction.events:
        if event.type not in ATTACK_FAMILY:
            continue
        for span in event.mentions or [event.trigger]:
            if (span.start, span.end) not in seen:
                seen.add((span.start, span.end))
                mentions.append((event.type, span.start, span.end, span.text))
    return mentions


def _score_triggers(record: dict[str, Any], extraction: Any, scores: WikiEventsScores) -> None:
    gold = [ev["trigger"] for ev in record["events"] if ev["type"].startswith(GOLD_ATTACK_PREFIX)]
    other_gold = [
        (ev["type"], ev["trigger"])
        for ev in record["events"]
        if not ev["type"].startswith(GOLD_ATTACK_PREFIX)
    ]
    predicted = _attack_mentions(extraction)
    prf = scores.triggers
    prf.n_pred += len(predicted)
    prf.n_gold += len(gold)
    for event_type, start, end, text in predicted:
        if any(overlaps(start, end, g["start"], g["end"]) for g in gold):
            prf.tp_pred += 1
        else:
            there = next(
                (t for t, g in other_gold if overlaps(start, end, g["start"], g["end"])),
                "no gold event",
            )
            scores.false_triggers[(event_type, there)] += 1
            scores.false_trigger_words[(event_type, text.lower())] += 1
    for g in gold:
        if any(overlaps(s, e, g["start"], g["end"]) for _, s, e, _ in predicted):
            prf.tp_gold += 1
        else:
            scores.missed_triggers[g["text"].lower()] += 1


def _clusters(record: dict[str, Any]) -> tuple[dict[str, int], dict[int, list[tuple[int, int]]]]:
    """Entity id -> cluster id, and cluster id -> mention spans."""
    entities = record["entities"]
    cluster_of_index: dict[int, int] = {}
    for number, cluster in enumerate(record.get("coref_clusters") or []):
        for index in cluster:
            cluster_of_index.setdefault(int(index), number)
    next_id = len(record.get("coref_clusters") or [])
    cluster_of_id: dict[str, int] = {}
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for index, entity in enumerate(entities):
        if index not in cluster_of_index:
            cluster_of_index[index] = next_id
            next_id += 1
        cluster = cluster_of_index[index]
        cluster_of_id[entity["id"]] = cluster
        spans[cluster].append((entity["start"], entity["end"]))
    return cluster_of_id, spans


Spans = dict[int, list[tuple[int, int]]]
Predicted = dict[str, dict[str, list[tuple[int, int]]]]


def _role_sets(
    record: dict[str, Any],
    extraction: Any,
    gold_maps: Sequence[tuple[str | tuple[str, ...], Mapping[str, str]]],
    our_map: Mapping[str, str],
    roles: Sequence[str],
) -> tuple[dict[str, set[int]], Predicted, Spans]:
    """One document's gold clusters and our predicted entities per role, and the spans of
    every gold cluster. `gold_maps` pairs gold event-type prefixes with their role map (the
    first prefix that matches decides); our denied roles are no prediction."""
    cluster_of_id, spans = _clusters(record)
    gold: dict[str, set[int]] = {role: set() for role in roles}
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
            spans[cluster].append((arg["start"], arg["end"]))
            gold[role].add(cluster)
    predicted: Predicted = {role: {} for role in roles}
    for event in extraction.events:
        if event.type not in ATTACK_FAMILY:
            continue
        for arg in event.arguments:
            if arg.certainty == DENIED:
                continue  # "X denied any role" says X is not the perpetrator
            role = our_map.get(arg.role)
            if role in predicted:
                predicted[role].setdefault(arg.entity, []).append((arg.start, arg.end))
    return gold, predicted, spans


def _score_roles(record: dict[str, Any], extraction: Any, scores: WikiEventsScores) -> None:
    gold, predicted, spans = _role_sets(
        record,
        extraction,
        [(GOLD_ATTACK_PREFIX, GOLD_ROLE_MAP), (GOLD_CASUALTY_PREFIXES, {"Victim": VICTIM})],
        OUR_ROLE_MAP,
        SCORED_ROLES,
    )
    for role in SCORED_ROLES:
        prf, wrong = _match(gold[role], predicted[role], spans)
        for entity_id in wrong:
            scores.role_fp[f"{role}: {entity_id}"] += 1
        scores.roles[role].add(prf)
    scores.roles_wide.add(_score_roles_wide(record, extraction))


def _match(
    gold: set[int],
    predicted: dict[str, list[tuple[int, int]]],
    spans: dict[int, list[tuple[int, int]]],
) -> tuple[PRF, list[str]]:
    """One role of one document: the gold clusters our entities' spans overlap, and our
    entities that overlap none (the false positives)."""
    found: set[int] = set()
    wrong: list[str] = []
    for entity_id, entity_spans in predicted.items():
        matched = {
            cluster
            for cluster in gold
            for gs, ge in spans[cluster]
            for ps, pe in entity_spans
            if overlaps(ps, pe, gs, ge)
        }
        if matched:
            found |= matched
        else:
            wrong.append(entity_id)
    return PRF(len(found), len(found) + len(wrong), len(found), len(gold)), wrong


def _score_roles_wide(record: dict[str, Any], extraction: Any) -> PRF:
    """The four roles under the widest reading of the suggested mapping: the gold also takes
    the arguments of Life.Die and Life.Injure events (Killer, Injurer -> perpetrator;
    Victim -> target; their Place and Instrument), and our victims count as targets. It
    rewards finding the casualties and punishes missing them; printed beside the micro
    figure so that neither reading hides the other."""
    gold, predicted, spans = _role_sets(
        record,
        extraction,
        [((GOLD_ATTACK_PREFIX, *GOLD_CASUALTY_PREFIXES), WIDE_GOLD_ROLE_MAP)],
        {**OUR_ROLE_MAP, VICTIM: "target"},
        ROLES,
    )
    total = PRF()
    for role in ROLES:
        total.add(_match(gold[role], predicted[role], spans)[0])
    return total


def _score_entities(record: dict[str, Any], extraction: Any, scores: WikiEventsScores) -> None:
    from extract.entities import is_article_scoped

    gold_all = [e for e in record["entities"] if e["type"] in NE_GOLD_TYPES]
    gold = [e for e in gold_all if is_named(e["text"])]
    predicted = [
        (mention.start, mention.end, NE_TYPE_MAP.get(entity.type, frozenset()), entity.type)
        for entity in extraction.entities
        if not is_article_scoped(entity.id, extraction.article.id)
        for mention in entity.mentions
    ]
    typed, untyped = scores.ne_typed, scores.ne_untyped
    for prf in (typed, untyped):
        prf.n_pred += len(predicted)
        prf.n_gold += len(gold)
    for start, end, types, our_type in predicted:
        hits = [g for g in gold if overlaps(start, end, g["start"], g["end"])]
        if hits:
            untyped.tp_pred += 1
        if any(g["type"] in types for g in hits):
            typed.tp_pred += 1
        elif hits:
            scores.ne_type_confusion[(our_type, hits[0]["type"])] += 1
        elif any(overlaps(start, end, g["start"], g["end"]) for g in gold_all):
            scores.ne_fp_kind["overlaps only a nominal/pronoun gold mention"] += 1
        elif any(overlaps(start, end, g["start"], g["end"]) for g in record["entities"]):
            scores.ne_fp_kind["overlaps only a gold mention of another type (WEA, VEH...)"] += 1
        else:
            scores.ne_fp_kind["overlaps no gold mention"] += 1
    for g in gold:
        hits = [p for p in predicted if overlaps(p[0], p[1], g["start"], g["end"])]
        if hits:
            untyped.tp_gold += 1
        if any(g["type"] in p[2] for p in hits):
            typed.tp_gold += 1
        else:
            scores.ne_missed_types[g["type"] if not hits else f"{g['type']} (wrong type)"] += 1


def report_wikievents(scores: WikiEventsScores, top: int) -> None:
    print_table(
        "WikiEvents: attack triggers (every mention of every attack-family event)",
        PRF_HEADER,
        [prf_row("attack trigger", scores.triggers)],
    )
    print_table(
        "WikiEvents: top wrong trigger mentions (our type -> gold event there)",
        ("our type -> gold there", "count"),
        [(f"{ours} -> {there}", n) for (ours, there), n in scores.false_triggers.most_common(top)],
    )
    print_table(
        "WikiEvents: top wrong trigger mentions (our type: mention text)",
        ("our type: text", "count"),
        [(f"{ours}: {text}", n) for (ours, text), n in scores.false_trigger_words.most_common(top)],
    )
    print_table(
        "WikiEvents: top missed gold attack triggers",
        ("trigger word", "count"),
        scores.missed_triggers.most_common(top),
    )
    rows = [prf_row(role, scores.roles[role]) for role in ROLES]
    rows.append(prf_row("micro (4 roles)", scores.roles_micro))
    rows.append(prf_row("victim (Life.Die/Injure, not in micro)", scores.roles[VICTIM]))
    rows.append(prf_row("micro, wide reading (victims as targets)", scores.roles_wide))
    print_table("WikiEvents: document-level role fillers (coreference clusters)", PRF_HEADER, rows)
    print_table(
        "WikiEvents: top role false positives (role: our entity id)",
        ("role: entity", "docs"),
        scores.role_fp.most_common(top),
    )
    print_table(
        "WikiEvents: named entities (PER ORG GPE LOC FAC, named gold mentions)",
        PRF_HEADER,
        [prf_row("typed", scores.ne_typed), prf_row("untyped", scores.ne_untyped)],
    )
    print_table(
        "WikiEvents: named-entity errors",
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


# (b) CASE 2021 -------------------------------------------------------------------------------


def case_tier(event_type: str) -> int:
    if event_type in CASE_TIER_SPECIFIC:
        return 0
    if event_type == "Attack":
        return 1
    return 2


def case_labels_of_classes() -> dict[str, str]:
    """Event class local name -> the CASE 2021 label (not an ACLED code) it is mapped to with
    skos:closeMatch in the ontology; the alphabetically first when there are several."""
    from rdflib.namespace import SKOS

    from ontologies import CK, CKET, load_ontology

    onto = load_ontology()
    labels: dict[str, str] = {}
    for cls, concept in sorted(onto.subject_objects(SKOS.closeMatch)):
        if str(cls).startswith(str(CK)) and (concept, SKOS.inScheme, CKET.case2021) in onto:
            labels.setdefault(str(cls)[len(str(CK)) :], str(onto.value(concept, SKOS.notation)))
    return labels


def case_label(extraction: Any, class_labels: dict[str, str]) -> str:
    """The documented rule: labelled events only, minus the events another labelled event
    concerns; lowest tier, then earliest trigger."""
    labelled = [(ev, ev.acled or class_labels.get(ev.type)) for ev in extraction.events]
    candidates = [(ev, label) for ev, label in labelled if label]
    concerned = {ev.concerns for ev, _ in candidates if ev.concerns}
    candidates = [(ev, label) for ev, label in candidates if ev.id not in concerned]
    if not candidates:
        return NO_LABEL
    _, best = min(candidates, key=lambda pair: (case_tier(pair[0].type), pair[0].trigger.start))
    return str(best)


@dataclass(slots=True)
class CaseScores:
    pairs: list[tuple[str, str]]

    @property
    def accuracy(self) -> float:
        return sum(g == p for g, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    @property
    def acled_pairs(self) -> list[tuple[str, str]]:
        """The snippets whose gold label is an ACLED sub-event type."""
        return [(g, p) for g, p in self.pairs if g not in NON_ACLED_LABELS]

    @property
    def acled_accuracy(self) -> float:
        pairs = self.acled_pairs
        return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0

    def per_label(self) -> dict[str, PRF]:
        labels = sorted({g for g, _ in self.pairs})
        table: dict[str, PRF] = {}
        for label in labels:
            table[label] = PRF(
                tp_pred=sum(g == p == label for g, p in self.pairs),
                n_pred=sum(p == label for _, p in self.pairs),
                tp_gold=sum(g == p == label for g, p in self.pairs),
                n_gold=sum(g == label for g, _ in self.pairs),
            )
        return table

    @property
    def weighted_f1(self) -> float:
        table = self.per_label()
        total = sum(prf.n_gold for prf in table.values())
        return sum(prf.f1 * prf.n_gold for prf in table.values()) / total if total else 0.0

    @property
    def macro_f1(self) -> float:
        table = self.per_label()
        return sum(prf.f1 for prf in table.values()) / len(table) if table else 0.0


def producible_labels(class_labels: dict[str, str]) -> set[str]:
    """Every label `case_label` can return: the lexicon's ACLED labels, the CASE labels of
    the classes its triggers produce, and OTHER."""
    from extract.lexicon import load_lexicon

    triggers = load_lexicon().triggers
    labels = {t.acled for t in triggers if t.acled}
    labels |= {class_labels[t.event_class] for t in triggers if t.event_class in class_labels}
    return labels | {NO_LABEL}


def report_case(scores: CaseScores, top: int, class_labels: dict[str, str]) -> None:
    producible = producible_labels(class_labels)
    reachable = sum(g in producible for g, _ in scores.pairs)
    print_table(
        "CASE 2021: sub-event typing",
        ("", "value"),
        [
            ("snippets", len(scores.pairs)),
            ("accuracy", scores.accuracy),
            (
                f"accuracy, ACLED-labelled snippets only ({len(scores.acled_pairs)})",
                scores.acled_accuracy,
            ),
            ("weighted F1 (gold labels)", scores.weighted_f1),
            ("macro F1 (gold labels)", scores.macro_f1),
            (
                f"predicted {NO_LABEL} (no labelled event)",
                sum(p == NO_LABEL for _, p in scores.pairs),
            ),
            (
                "ceiling: gold label is one we can output",
                f"{reachable} ({reachable / max(1, len(scores.pairs)):.3f})",
            ),
        ],
    )
    print("labels we can output: " + ", ".join(sorted(producible)))
    errors = Counter((g, p) for g, p in scores.pairs if g != p)
    print_table(
        f"CASE 2021: top-{top} error pairs",
        ("gold -> predicted", "count"),
        [(f"{g} -> {p}", n) for (g, p), n in errors.most_common(top)],
    )
    by_gold: dict[str, Counter[str]] = defaultdict(Counter)
    for g, p in scores.pairs:
        by_gold[g][p] += 1
    table = scores.per_label()
    rows = []
    for label, predictions in sorted(by_gold.items(), key=lambda kv: -sum(kv[1].values())):
        count = sum(predictions.values())
        correct = predictions[label]
        wrong = [(p, n) for p, n in predictions.most_common() if p != label]
        rows.append(
            [
                label,
                count,
                correct,
                count - correct,
                table[label].precision,
                table[label].f1,
                f"{wrong[0][0]} ({wrong[0][1]})" if wrong else "-",
            ]
        )
    print_table(
        "CASE 2021: per gold label (sorted by support)",
        ("gold label", "count", "correct", "wrong", "P", "F1", "top wrong prediction"),
        rows,
    )


# Main ----------------------------------------------------------------------------------------


def report_targets(figures: dict[str, Any]) -> None:
    rows = []
    for name, key, goal in TARGETS:
        value = figures.get(key)
        if value is None:
            rows.append([name, "n/a", f">= {goal:.2f}", "skipped"])
        else:
            rows.append([name, value, f">= {goal:.2f}", "met" if value >= goal else "NOT MET"])
    print_table("Targets", ("figure", "value", "target", "status"), rows)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Score the extractor on WikiEvents dev (attack triggers, role fillers, "
        "named entities) and CASE 2021 (ACLED sub-event typing), read from ../shared/eval/.",
    )
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=DEFAULT_EVAL_DIR,
        help=f"directory holding the evaluation files (default: {DEFAULT_EVAL_DIR})",
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="score only the first N records of each file"
    )
    add_json_option(parser)
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    parser.add_argument("--top", type=int, default=10, help="rows in the error tables")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    eval_dir: Path = args.eval_dir
    wiki_path, case_path = eval_dir / WIKIEVENTS_FILE, eval_dir / CASE_FILE
    if not wiki_path.is_file() and not case_path.is_file():
        print(
            f"evaluation data not found in {eval_dir} (expected {WIKIEVENTS_FILE} and/or "
            f"{CASE_FILE}); skipping."
        )
        return 0

    figures: dict[str, Any] = {"eval_dir": str(eval_dir), "limit": args.limit}
    started = time.perf_counter()
    if wiki_path.is_file():
        records = read_jsonl(wiki_path, args.limit)
        extractions = extract_all(records, args.batch_size)
        wiki = score_wikievents(records, extractions)
        print(
            f"WikiEvents dev: {len(records)} documents, "
            f"{sum(len(r['text']) for r in records)} characters"
        )
        report_wikievents(wiki, args.top)
        figures["wikievents"] = {
            "documents": len(records),
            "attack_triggers": wiki.triggers.as_dict(),
            "roles": {role: wiki.roles[role].as_dict() for role in SCORED_ROLES},
            "roles_micro": wiki.roles_micro.as_dict(),
            "roles_wide": wiki.roles_wide.as_dict(),
            "ne_typed": wiki.ne_typed.as_dict(),
            "ne_untyped": wiki.ne_untyped.as_dict(),
        }
        figures["trigger_f1"] = round(wiki.triggers.f1, 4)
        figures["role_f1"] = round(wiki.roles_micro.f1, 4)
        figures["ne_typed_f1"] = round(wiki.ne_typed.f1, 4)
    else:
        print(f"\n{wiki_path} not found; skipping WikiEvents.")

    if case_path.is_file():
        records = read_jsonl(case_path, args.limit)
        extractions = extract_all(records, args.batch_size)
        class_labels = case_labels_of_classes()
        case = CaseScores(
            [
                (str(r["label"]), case_label(x, class_labels))
                for r, x in zip(records, extractions, strict=True)
            ]
        )
        print(f"\nCASE 2021 dev: {len(records)} snippets")
        report_case(case, args.top, class_labels)
        figures["case"] = {
            "snippets": len(records),
            "accuracy": round(case.accuracy, 4),
            "acled_accuracy": round(case.acled_accuracy, 4),
            "weighted_f1": round(case.weighted_f1, 4),
            "macro_f1": round(case.macro_f1, 4),
            "per_label": {k: v.as_dict() for k, v in case.per_label().items()},
        }
        figures["case_accuracy"] = round(case.accuracy, 4)
    else:
        print(f"\n{case_path} not found; skipping CASE 2021.")

    report_targets(figures)
    elapsed = time.perf_counter() - started
    figures["seconds"] = round(elapsed, 2)
    print(f"\n(extraction and scoring took {elapsed:.1f} s)")
    write_json(args.json, figures, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
