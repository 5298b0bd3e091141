"""CASE 2021 Task 2 (`case2021_typing_dev.jsonl`): one ACLED-style sub-event label a snippet.

An event's label is its ``acled`` code; an event without one takes the CASE 2021 label its
class is mapped to in the ontology (``skos:closeMatch`` to a concept of ``cket:case2021`` in
``ontologies/event-types.ttl``: Accident -> MAN_MADE_DISASTER, NaturalDisaster and Epidemic ->
NATURAL_DISASTER, Sanction -> DIPLO, ClaimOfResponsibility -> ATTRIB, OrganisedCrime ->
ORG_CRIME), read from the ontology; an event with neither has no label. An event that another
labelled event ``concerns`` (the bombing a claim of responsibility names) steps aside. Among
the remaining labelled events the lowest tier wins, then the earliest trigger. Tier 0: a
violent event (`eval_common.Families.is_violent`) of a class more specific than ``Attack``;
tier 1: ``Attack`` itself; tier 2: anything else labelled. No such event: ``OTHER``.

Also counted: snippets whose gold label is no conflict at all (NATURAL_DISASTER,
MAN_MADE_DISASTER, DIPLO, OTHER) but that yield a violent event.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from eval_common import PRF, JsonDict, families, print_table, ratio

CASE_FILE = "case2021_typing_dev.jsonl"
NO_LABEL = "OTHER"
NON_ACLED_LABELS = frozenset(
    {"MAN_MADE_DISASTER", "NATURAL_DISASTER", "DIPLO", "ATTRIB", "ORG_CRIME", "OTHER"}
)
"""CASE labels outside ACLED's sub-event typology (the eval README lists them as such)."""
NON_CONFLICT_LABELS = frozenset({"MAN_MADE_DISASTER", "NATURAL_DISASTER", "DIPLO", "OTHER"})
"""Snippets that report no conflict event at all: a violent event there is a false alarm."""


def case_tier(event: JsonDict) -> int:
    if event["type"] == "Attack":
        return 1
    return 0 if families().is_violent(event) else 2


def case_labels_of_classes() -> dict[str, str]:
    """Event class local name -> the CASE 2021 label (not an ACLED code) it is mapped to with
    skos:closeMatch in the ontology; the alphabetically first when there are several."""
    from rdflib.namespace import SKOS

    from conflict_kg.ontologies import CK, CKET, load_ontology

    onto = load_ontology()
    labels: dict[str, str] = {}
    for cls, concept in sorted(onto.subject_objects(SKOS.closeMatch)):
        if str(cls).startswith(str(CK)) and (concept, SKOS.inScheme, CKET.case2021) in onto:
            labels.setdefault(str(cls)[len(str(CK)) :], str(onto.value(concept, SKOS.notation)))
    return labels


def case_label(output: JsonDict, class_labels: dict[str, str]) -> str:
    """The documented rule: labelled events only, minus the events another labelled event
    concerns; lowest tier, then earliest trigger."""
    labelled = [(ev, ev.get("acled") or class_labels.get(ev["type"])) for ev in output["events"]]
    candidates = [(ev, label) for ev, label in labelled if label]
    concerned = {ev.get("concerns") for ev, _ in candidates if ev.get("concerns")}
    candidates = [(ev, label) for ev, label in candidates if ev["id"] not in concerned]
    if not candidates:
        return NO_LABEL
    _, best = min(candidates, key=lambda pair: (case_tier(pair[0]), pair[0]["trigger"]["start"]))
    return str(best)


@dataclass(slots=True)
class CaseScores:
    pairs: list[tuple[str, str]] = field(default_factory=list)
    """(gold label, predicted label) per snippet."""
    non_conflict: int = 0
    non_conflict_violent: int = 0

    @property
    def accuracy(self) -> float:
        return sum(g == p for g, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    @property
    def acled_pairs(self) -> list[tuple[str, str]]:
        return [(g, p) for g, p in self.pairs if g not in NON_ACLED_LABELS]

    @property
    def acled_accuracy(self) -> float:
        pairs = self.acled_pairs
        return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0

    def per_label(self) -> dict[str, PRF]:
        table: dict[str, PRF] = {}
        for label in sorted({g for g, _ in self.pairs}):
            right = sum(g == p == label for g, p in self.pairs)
            table[label] = PRF(
                tp_pred=right,
                n_pred=sum(p == label for _, p in self.pairs),
                tp_gold=right,
                n_gold=sum(g == label for g, _ in self.pairs),
            )
        return table

    @property
    def weighted_f1(self) -> float:
        table = self.per_label()
        total = sum(prf.n_gold for prf in table.values())
        return sum(prf.f1 * prf.n_gold for prf in table.values()) / total if total else 0.0

    def figures(self) -> dict[str, Any]:
        return {
            "snippets": len(self.pairs),
            "accuracy": round(self.accuracy, 4),
            "correct": sum(g == p for g, p in self.pairs),
            "acled_accuracy": round(self.acled_accuracy, 4),
            "acled_snippets": len(self.acled_pairs),
            "weighted_f1": round(self.weighted_f1, 4),
            "non_conflict_yielding_violent_event": ratio(
                self.non_conflict_violent, self.non_conflict
            ),
            "per_label": {k: v.as_dict() for k, v in self.per_label().items()},
        }


def score_case(
    records: Sequence[JsonDict], outputs: Sequence[JsonDict], class_labels: dict[str, str]
) -> CaseScores:
    scores = CaseScores()
    for record, output in zip(records, outputs, strict=True):
        gold = str(record["label"])
        scores.pairs.append((gold, case_label(output, class_labels)))
        if gold in NON_CONFLICT_LABELS:
            scores.non_conflict += 1
            scores.non_conflict_violent += any(families().is_violent(ev) for ev in output["events"])
    return scores


def report_case(scores: CaseScores, column: str, top: int, details: bool) -> None:
    print_table(
        f"CASE 2021 [{column}]: sub-event typing",
        ("", "value"),
        [
            ("snippets", len(scores.pairs)),
            ("accuracy", scores.accuracy),
            (
                f"accuracy, ACLED-labelled snippets ({len(scores.acled_pairs)})",
                scores.acled_accuracy,
            ),
            ("weighted F1 (gold labels)", scores.weighted_f1),
            (
                "non-conflict snippets yielding a violent event",
                f"{scores.non_conflict_violent}/{scores.non_conflict}",
            ),
        ],
    )
    report_labels(scores, column, details)
    if not details:
        return
    errors = Counter((g, p) for g, p in scores.pairs if g != p)
    print_table(
        f"CASE 2021 [{column}]: top-{top} error pairs",
        ("gold -> predicted", "count"),
        [(f"{g} -> {p}", n) for (g, p), n in errors.most_common(top)],
    )


def report_labels(scores: CaseScores, column: str, details: bool) -> None:
    """Per gold label: count, right, precision and F1, on every half; what a label is most
    often taken for only with `details` (the tune half), as it lists mistakes."""
    by_gold: dict[str, Counter[str]] = defaultdict(Counter)
    for g, p in scores.pairs:
        by_gold[g][p] += 1
    table = scores.per_label()
    rows = []
    for label, predictions in sorted(by_gold.items(), key=lambda kv: -sum(kv[1].values())):
        count = sum(predictions.values())
        wrong = [(p, n) for p, n in predictions.most_common() if p != label]
        row = [label, count, predictions[label], table[label].precision, table[label].f1]
        if details:
            row.append(f"{wrong[0][0]} ({wrong[0][1]})" if wrong else "-")
        rows.append(row)
    header = ("gold label", "count", "correct", "P", "F1")
    if details:
        header += ("top wrong prediction",)
    print_table(f"CASE 2021 [{column}]: per gold label", header, rows)
