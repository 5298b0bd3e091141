"""MUC-4 train (`muc4_train.jsonl`): document-level role fillers and incident detection.

The texts are lower-case (the README explains why): they measure event and role phrasing and
false alarms, never named-entity typing, and no rule may be fitted to them.

- **Role fillers** (document level, as in the GTT/GRIT evaluation), roles perpetrator
  (PerpInd and PerpOrg), target, victim, weapon. Gold: per document and role, the fillers of
  all its templates; a filler is a coreference cluster (``coref_mentions``), and fillers of
  two templates that share a mention string are one. Predicted: the distinct entities our
  violent events (`eval_common.Families.is_violent`: attack, abduction, riot) give the roles
  perpetrator, target, victim and instrument (-> weapon), less ``denied`` claims; our
  ``participant`` (a side of a clash) is left out. A prediction is right when it matches any
  mention of a gold filler of that role (`eval_common.same_mention`: overlapping span, or the
  same head word case-insensitively, since the gold gives only each mention string's first
  occurrence). Counting as `eval_common.match_units`; predictions in documents without a
  template are all wrong. A *lenient* row lets target and victim stand for each other.
- **Incident detection** (document level): a document with at least one template is
  detected when we extract a violent event from it; a document with none that yields a
  violent event is a false alarm.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from eval_common import (
    DENIED,
    PRF,
    PRF_HEADER,
    JsonDict,
    Mention,
    families,
    head_word,
    match_units,
    prf_row,
    print_table,
    ratio,
    same_mention,
)

MUC4_FILE = "muc4_train.jsonl"
ROLES = ("perpetrator", "target", "victim", "weapon")
GOLD_ROLE_MAP = {
    "PerpInd": "perpetrator",
    "PerpOrg": "perpetrator",
    "Target": "target",
    "Victim": "victim",
    "Weapon": "weapon",
}
OUR_ROLE_MAP = {
    "perpetrator": "perpetrator",
    "target": "target",
    "victim": "victim",
    "instrument": "weapon",
}
MERGED = "target+victim"


@dataclass(slots=True)
class MucScores:
    documents: int = 0
    roles: dict[str, PRF] = field(default_factory=lambda: {r: PRF() for r in ROLES})
    merged: PRF = field(default_factory=PRF)
    """Target and victim as one role (the lenient row)."""
    with_template: int = 0
    detected: int = 0
    without_template: int = 0
    false_alarms: int = 0
    templates: int = 0
    events_in_template_docs: int = 0
    type_total: Counter[str] = field(default_factory=Counter)
    type_detected: Counter[str] = field(default_factory=Counter)
    role_fp_heads: Counter[str] = field(default_factory=Counter)
    missed_heads: Counter[str] = field(default_factory=Counter)

    @property
    def micro(self) -> PRF:
        total = PRF()
        for role in ROLES:
            total.add(self.roles[role])
        return total

    @property
    def detection(self) -> PRF:
        predicted = self.detected + self.false_alarms
        return PRF(self.detected, predicted, self.detected, self.with_template)

    def figures(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "roles": {role: self.roles[role].as_dict() for role in ROLES},
            "roles_micro": self.micro.as_dict(),
            "roles_micro_target_victim_merged": self._lenient().as_dict(),
            "incident_detection": self.detection.as_dict(),
            "template_docs_without_violent_event": ratio(
                self.with_template - self.detected, self.with_template
            ),
            "no_template_docs_with_violent_event": ratio(self.false_alarms, self.without_template),
            "templates_in_template_docs": self.templates,
            "violent_events_in_template_docs": self.events_in_template_docs,
            "detection_by_template_type": {
                t: ratio(self.type_detected[t], n) for t, n in sorted(self.type_total.items())
            },
        }

    def _lenient(self) -> PRF:
        total = PRF()
        total.add(self.roles["perpetrator"])
        total.add(self.roles["weapon"])
        total.add(self.merged)
        return total


def gold_fillers(record: JsonDict, roles: dict[str, str]) -> dict[str, dict[int, list[Mention]]]:
    """Role -> filler id -> mentions, fillers that share a mention string merged."""
    gold: dict[str, dict[int, list[Mention]]] = {}
    for event in record["events"]:
        for arg in event["arguments"]:
            role = roles.get(arg["role"])
            if role is None:
                continue
            mentions = [
                (int(m["start"]), int(m["end"]), str(m["text"]))
                for m in arg.get("coref_mentions") or [arg]
            ]
            fillers = gold.setdefault(role, {})
            strings = {m[2].lower() for m in mentions}
            same = next(
                (k for k, ms in fillers.items() if strings & {m[2].lower() for m in ms}), None
            )
            if same is None:
                fillers[len(fillers)] = mentions
            else:
                fillers[same].extend(m for m in mentions if m not in fillers[same])
    return gold


def predicted_fillers(
    output: JsonDict, roles: dict[str, str]
) -> dict[str, dict[str, list[Mention]]]:
    """Role -> our entity id -> argument spans, from violent events."""
    predicted: dict[str, dict[str, list[Mention]]] = {}
    for event in output["events"]:
        if not families().is_violent(event):
            continue
        for arg in event["arguments"]:
            role = roles.get(arg["role"])
            if role is None or arg.get("certainty") == DENIED:
                continue
            mention = (int(arg["start"]), int(arg["end"]), str(arg["text"]))
            predicted.setdefault(role, {}).setdefault(str(arg["entity"]), []).append(mention)
    return predicted


def score_document(record: JsonDict, output: JsonDict, scores: MucScores) -> None:
    scores.documents += 1
    gold = gold_fillers(record, GOLD_ROLE_MAP)
    predicted = predicted_fillers(output, OUR_ROLE_MAP)
    for role in ROLES:
        prf, wrong = match_units(gold.get(role, {}), predicted.get(role, {}), same_mention)
        scores.roles[role].add(prf)
        for entity_id in wrong:
            text = predicted[role][entity_id][0][2]
            scores.role_fp_heads[f"{role}: {head_word(text)}"] += 1
        for mentions in gold.get(role, {}).values():
            if not any(
                same_mention(p, g)
                for spans in predicted.get(role, {}).values()
                for p in spans
                for g in mentions
            ):
                scores.missed_heads[f"{role}: {head_word(mentions[0][2])}"] += 1
    merged_roles = {k: MERGED if v in ("target", "victim") else v for k, v in GOLD_ROLE_MAP.items()}
    ours_merged = {k: MERGED if v in ("target", "victim") else v for k, v in OUR_ROLE_MAP.items()}
    scores.merged.add(
        match_units(
            gold_fillers(record, merged_roles).get(MERGED, {}),
            predicted_fillers(output, ours_merged).get(MERGED, {}),
            same_mention,
        )[0]
    )
    violent = [ev for ev in output["events"] if families().is_violent(ev)]
    if record["events"]:
        scores.with_template += 1
        scores.detected += bool(violent)
        scores.templates += len(record["events"])
        scores.events_in_template_docs += len(violent)
        for kind in {str(ev["type"]) for ev in record["events"]}:
            scores.type_total[kind] += 1
            scores.type_detected[kind] += bool(violent)
    else:
        scores.without_template += 1
        scores.false_alarms += bool(violent)


def score_muc4(records: Sequence[JsonDict], outputs: Sequence[JsonDict]) -> MucScores:
    scores = MucScores()
    for record, output in zip(records, outputs, strict=True):
        score_document(record, output, scores)
    return scores


def report_muc4(scores: MucScores, column: str, top: int, details: bool) -> None:
    rows = [prf_row(f"role {role}", scores.roles[role]) for role in ROLES]
    rows.append(prf_row("roles micro (4 roles)", scores.micro))
    rows.append(prf_row("  lenient (target ~ victim)", scores._lenient()))
    rows.append(prf_row("incident detection (documents)", scores.detection))
    print_table(f"MUC-4 train [{column}]: {scores.documents} documents", PRF_HEADER, rows)
    missed = scores.with_template - scores.detected
    print_table(
        f"MUC-4 train [{column}]: incidents",
        ("", "value"),
        [
            (
                "documents with templates yielding no violent event",
                f"{missed}/{scores.with_template}",
            ),
            (
                "documents without template yielding a violent event",
                f"{scores.false_alarms}/{scores.without_template}",
            ),
            (
                "templates / our violent events, in documents with templates",
                f"{scores.templates} / {scores.events_in_template_docs}",
            ),
            *[
                (
                    f"  detected, documents with a template of type {t}",
                    f"{scores.type_detected[t]}/{n}",
                )
                for t, n in sorted(scores.type_total.items(), key=lambda kv: -kv[1])
            ],
        ],
    )
    if not details:
        return
    print_table(
        f"MUC-4 [{column}]: top wrong fillers (role: head word)",
        ("role: head", "count"),
        scores.role_fp_heads.most_common(top),
    )
    print_table(
        f"MUC-4 [{column}]: top missed gold fillers (role: head word)",
        ("role: head", "count"),
        scores.missed_heads.most_common(top),
    )
