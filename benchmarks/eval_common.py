"""What every dataset scorer of `eval_extraction.py` shares: reading the gold, running the real
extractor into the JSON contract, precision/recall counts, span and head matching, the event
families, and the plain-text tables.

The scorers read the extractor's output in the shape `conflict-kg extract --format json`
prints (`Extraction.to_json()`), so the figures measure what a user gets.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

# Score this checkout's `extract`, not whichever copy an editable install points at.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

JsonDict = dict[str, Any]
Mention = tuple[int, int, str]
"""(start, end, text) of a span in a document."""
DENIED = "denied"
"""A role claim with this certainty says the actor is *not* in the role: no prediction."""


# Counts ----------------------------------------------------------------------------------------


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


def ratio(part: int, whole: int) -> dict[str, float | int]:
    """A share with its counts, for the JSON figures."""
    return {"value": round(part / whole, 4) if whole else 0.0, "count": part, "of": whole}


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


# Heads -----------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_HEAD_STOPS = frozenset(
    "of in from at on with by for near to among including who which that whose , (".split()
)


def head_word(text: str) -> str | None:
    """The head of a noun phrase, approximately: the last word before the first preposition
    or relative pronoun, lower-cased, less a plural "s" ("the two members of the front" ->
    "member"). Case is ignored on both sides, so lower-case gold (MUC-4) and mixed-case
    predictions compare, and "bomb" meets "bombs"."""
    words: list[str] = []
    for token in re.findall(r"\w+|[,(]", text.lower()):
        if token in _HEAD_STOPS and words:
            break
        if _WORD.fullmatch(token):
            words.append(token)
    if not words:
        return None
    head = words[-1]
    return head[:-1] if len(head) > 3 and head.endswith("s") and not head.endswith("ss") else head


def same_mention(predicted: Mention, gold: Mention) -> bool:
    """A predicted argument matches a gold mention when the spans overlap, or when both
    phrases have the same head word (another mention of the same name or noun elsewhere in
    the document: gold of MUC-4 gives each mention string's first occurrence only)."""
    if overlaps(predicted[0], predicted[1], gold[0], gold[1]):
        return True
    head = head_word(predicted[2])
    return head is not None and head == head_word(gold[2])


def span_overlap(predicted: Mention, gold: Mention) -> bool:
    """Offsets only: the rule where the gold lists every mention (WikiEvents clusters)."""
    return overlaps(predicted[0], predicted[1], gold[0], gold[1])


def match_units(
    gold: Mapping[Any, Sequence[Mention]],
    predicted: Mapping[str, Sequence[Mention]],
    same: Callable[[Mention, Mention], bool],
) -> tuple[PRF, list[str]]:
    """One role of one document. `gold` maps a gold unit (a coreference cluster, an argument)
    to its mentions, `predicted` our entity ids to their argument spans. Right predictions
    are the distinct gold units some entity matches (two of our entities on one gold unit
    count once); wrong ones our entities that match no unit; recall is over the gold units.
    Returns the counts and the wrong entity ids."""
    found: set[Any] = set()
    wrong: list[str] = []
    for entity_id, spans in predicted.items():
        matched = {
            unit
            for unit, mentions in gold.items()
            if any(same(p, g) for p in spans for g in mentions)
        }
        if matched:
            found |= matched
        else:
            wrong.append(entity_id)
    return PRF(len(found), len(found) + len(wrong), len(found), len(gold)), wrong


# Events of the JSON contract --------------------------------------------------------------------


def event_mentions(event: Mapping[str, Any]) -> list[Mention]:
    """Every trigger span of an event: its ``mentions``, or its trigger when it has none."""
    spans = event.get("mentions") or [event["trigger"]]
    return [(int(s["start"]), int(s["end"]), str(s["text"])) for s in spans]


def told_events(output: Mapping[str, Any]) -> list[JsonDict]:
    """The output's events, then each of its non-specific mentions (event words that tell no
    incident: negated, generic, habitual, hypothetical, background) as an event of its class
    with that one mention and the arguments its own sentence states. Trigger figures score
    every event word the extractor reports, as WikiEvents and RAMS annotate such words as
    triggers too, and RAMS annotates their arguments; incident figures (detection, false
    alarms, WikiEvents and MUC-4 roles) read `output["events"]` alone."""
    told: list[JsonDict] = list(output["events"])
    for mention in output.get("nonspecific", []):
        told.append(
            {
                "type": mention["type"],
                "acled": None,
                "trigger": mention,
                "mentions": [mention],
                "arguments": mention.get("arguments", []),
                "nonspecific": mention["reason"],
            }
        )
    return told


def event_extent(event: Mapping[str, Any]) -> tuple[int, int]:
    """From the first to the last character of the event's mentions and arguments."""
    points = [(s, e) for s, e, _ in event_mentions(event)]
    points += [(int(a["start"]), int(a["end"])) for a in event.get("arguments", [])]
    return min(s for s, _ in points), max(e for _, e in points)


@dataclass(frozen=True, slots=True)
class Families:
    """Event families read from the ontology, so that a class added under ``ck:Attack`` (or
    with an ACLED code under a violent category) is scored without touching this file."""

    attack_classes: frozenset[str]
    abduction_classes: frozenset[str]
    riot_classes: frozenset[str]
    protest_classes: frozenset[str]
    arrest_classes: frozenset[str]
    acled_category: Mapping[str, str]
    """ACLED sub-event code -> its event type (BATTLES, RIOTS ...)."""

    def family(self, event: Mapping[str, Any]) -> str:
        """attack, abduction, riot, protest, arrest or other.

        attack: ``ck:Attack`` and its subclasses except abduction, or an ACLED code under
        BATTLES, EXPLOSIONS_REMOTE_VIOLENCE or VIOLENCE_AGAINST_CIVILIANS (not
        ABDUCT_DISSAP); abduction: ``ck:Abduction`` or ABDUCT_DISSAP; riot: ``ck:Riot`` or
        RIOTS or PROPERTY_DISTRUCT; protest: ``ck:Protest`` or PROTESTS; arrest: ``ck:Arrest``
        or ARREST."""
        cls, acled = str(event.get("type")), event.get("acled") or ""
        category = self.acled_category.get(acled, "")
        if cls in self.abduction_classes or acled == "ABDUCT_DISSAP":
            return "abduction"
        if cls in self.attack_classes or category in VIOLENT_CATEGORIES:
            return "attack"
        if cls in self.riot_classes or category == "RIOTS" or acled == "PROPERTY_DISTRUCT":
            return "riot"
        if cls in self.protest_classes or category == "PROTESTS":
            return "protest"
        if cls in self.arrest_classes or acled == "ARREST":
            return "arrest"
        return "other"

    def is_attack(self, event: Mapping[str, Any]) -> bool:
        return self.family(event) == "attack"

    def is_violent(self, event: Mapping[str, Any]) -> bool:
        """A conflict incident: attack, abduction or riot (mob violence, looting, arson)."""
        return self.family(event) in VIOLENT_FAMILIES


VIOLENT_CATEGORIES = frozenset(
    {"BATTLES", "EXPLOSIONS_REMOTE_VIOLENCE", "VIOLENCE_AGAINST_CIVILIANS"}
)
VIOLENT_FAMILIES = frozenset({"attack", "abduction", "riot"})


@cache
def families() -> Families:
    from rdflib.namespace import RDFS, SKOS

    from conflict_kg.ontologies import CK, CKET, load_ontology

    onto = load_ontology()

    def tree(root: str) -> frozenset[str]:
        classes = onto.transitive_subjects(RDFS.subClassOf, CK[root])
        return frozenset(str(c)[len(str(CK)) :] for c in classes if str(c).startswith(str(CK)))

    categories: dict[str, str] = {}
    for concept, broader in onto.subject_objects(SKOS.broader):
        if (concept, SKOS.inScheme, CKET.acled) in onto and str(broader).startswith(str(CKET)):
            categories[str(concept)[len(str(CKET)) :]] = str(broader)[len(str(CKET)) :]
    abduction = tree("Abduction")
    return Families(
        attack_classes=tree("Attack") - abduction,
        abduction_classes=abduction,
        riot_classes=tree("Riot"),
        protest_classes=tree("Protest"),
        arrest_classes=tree("Arrest"),
        acled_category=categories,
    )


# Reading and extracting -------------------------------------------------------------------------


def read_jsonl(path: Path, limit: int | None) -> list[JsonDict]:
    records: list[JsonDict] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
                if limit is not None and len(records) >= limit:
                    break
    return records


@cache
def _extractor(batch_size: int) -> Any:
    """One pipeline for every dataset of a run (loading spaCy is the slow part)."""
    from conflict_kg.extract import Extractor

    return Extractor(batch_size=batch_size)


def extract_json(
    records: Sequence[Mapping[str, Any]], batch_size: int, label: str
) -> list[JsonDict]:
    """Run the real extractor over the records' texts; one JSON contract object each.

    Until the JSON contract carries ``mentions`` (issue 15), an event's mentions are taken
    from the `Event` it was printed from, which is what the contract will carry."""
    from conflict_kg.extract import ArticleInput

    extractor = _extractor(batch_size)
    items = [ArticleInput(source=str(r["id"]), text=r["text"]) for r in records]
    out: list[JsonDict] = []
    started = time.perf_counter()
    for number, extraction in enumerate(extractor.extract_many(items), 1):
        data = extraction.to_json()
        for event, printed in zip(extraction.events, data["events"], strict=True):
            if "mentions" not in printed:
                printed["mentions"] = [
                    {"start": m.start, "end": m.end, "text": m.text} for m in event.mentions
                ]
        out.append(data)
        if number % 200 == 0:
            elapsed = time.perf_counter() - started
            print(f"  {label}: {number}/{len(items)} extracted ({elapsed:.0f} s)", file=sys.stderr)
    return out


# Tables ----------------------------------------------------------------------------------------


def fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def print_table(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    cells = [[str(c) for c in header], *[[fmt(c) for c in row] for row in rows]]
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


PRF_HEADER = ("", "P", "R", "F1", "right/pred", "found/gold")


def prf_row(name: str, prf: PRF) -> list[object]:
    return [
        name,
        prf.precision,
        prf.recall,
        prf.f1,
        f"{prf.tp_pred}/{prf.n_pred}",
        f"{prf.tp_gold}/{prf.n_gold}",
    ]


def prf_cell(prf: PRF) -> str:
    """P/R/F1 in one summary cell."""
    return f"{prf.precision:.2f}/{prf.recall:.2f}/{prf.f1:.2f}"


def share_cell(part: int, whole: int) -> str:
    """A share in one summary cell, with its counts."""
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "n/a (0/0)"
