"""Score the extractor on the development evaluation data in ../shared/eval/, per half.

    .venv/bin/python benchmarks/eval_extraction.py [--only wikievents,rams,muc4,case]
        [--half tune|held-out|all] [--limit N] [--json FILE] [--no-details]

The data is read at run time and never copied into the repository (its README forbids it).
A missing file is skipped with a message; with none present the script exits 0.

Every dev set is split in two by the document id (`eval_split`: sha256 of the id, first byte
even -> tune, odd -> held-out). Every figure is printed for the tune half, the held-out half
and all documents; the error lists (missed words, wrong fillers) only for the tune half, so
that tuning never reads the held-out documents' mistakes. Rules are tuned on the tune half
only; a change that lifts it and not the held-out half is overfitting and is taken back.

The extraction is the real `Extractor`, read in the shape of the JSON contract
(`conflict-kg extract --format json`). What each dataset measures and how is in the
docstrings of `eval_wikievents.py` (attack triggers, roles, named entities), `eval_rams.py`
(violent trigger recall, typing, arguments), `eval_muc4.py` (role fillers, incident detection)
and `eval_case.py` (ACLED sub-event typing). The run ends with one summary table (measure x
tune / held-out / all) and the issue targets checked against the held-out half.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import DEFAULT_EVAL_DIR, add_json_option, write_json
from eval_case import CASE_FILE, case_labels_of_classes, report_case, score_case
from eval_common import (
    PRF,
    PRF_HEADER,
    JsonDict,
    extract_json,
    overlaps,
    prf_row,
    print_table,
    read_jsonl,
)
from eval_muc4 import MUC4_FILE, report_muc4, score_muc4
from eval_rams import RAMS_FILE, report_rams, score_rams
from eval_split import ALL, COLUMNS, SPLIT_RULE, TUNE, half_of, split_indices
from eval_wikievents import (
    GOLD_ATTACK_PREFIX,
    PRONOUNS,
    WIKIEVENTS_FILE,
    report_wikievents,
    score_wikievents,
)

__all__ = [  # what eval_resolution.py and others import from here
    "CASE_FILE",
    "DEFAULT_EVAL_DIR",
    "GOLD_ATTACK_PREFIX",
    "PRF",
    "PRF_HEADER",
    "PRONOUNS",
    "WIKIEVENTS_FILE",
    "main",
    "overlaps",
    "prf_row",
    "print_table",
    "read_jsonl",
]

Scorer = Callable[[Sequence[JsonDict], Sequence[JsonDict]], Any]
Reporter = Callable[[Any, str, int, bool], None]


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    file: str
    unit: str
    score: Scorer
    report: Reporter


def _score_case(records: Sequence[JsonDict], outputs: Sequence[JsonDict]) -> Any:
    return score_case(records, outputs, case_labels_of_classes())


DATASETS = (
    Dataset("wikievents", WIKIEVENTS_FILE, "documents", score_wikievents, report_wikievents),
    Dataset("rams", RAMS_FILE, "windows", score_rams, report_rams),
    Dataset("muc4", MUC4_FILE, "documents", score_muc4, report_muc4),
    Dataset("case", CASE_FILE, "snippets", _score_case, report_case),
)


# Summary ---------------------------------------------------------------------------------------


def _prf(d: dict[str, Any]) -> str:
    return f"{d['precision']:.2f}/{d['recall']:.2f}/{d['f1']:.2f}"


def _share(d: dict[str, Any]) -> str:
    return f"{d['value']:.2f} ({d['count']}/{d['of']})" if d["of"] else "n/a"


def _acc(value: float, right: int, total: int) -> str:
    return f"{value:.2f} ({right}/{total})" if total else "n/a"


SUMMARY: tuple[tuple[str, str, Callable[[dict[str, Any]], str]], ...] = (
    ("WikiEvents attack triggers P/R/F1", "wikievents", lambda f: _prf(f["attack_triggers"])),
    (
        "  incidents' mentions only",
        "wikievents",
        lambda f: _prf(f["attack_triggers_incidents"]),
    ),
    ("WikiEvents roles micro P/R/F1 (4 roles)", "wikievents", lambda f: _prf(f["roles_micro"])),
    *[
        (f"  role {r} P/R/F1", "wikievents", lambda f, r=r: _prf(f["roles"][r]))
        for r in ("perpetrator", "target", "place", "instrument", "victim")
    ],
    ("WikiEvents typed named entities P/R/F1", "wikievents", lambda f: _prf(f["ne_typed"])),
    ("  one KAIROS type per class", "wikievents", lambda f: _prf(f["ne_typed_narrow"])),
    ("RAMS violent trigger recall", "rams", lambda f: _share(f["violent_trigger_recall"])),
    (
        "  incidents only",
        "rams",
        lambda f: _share(f["violent_trigger_recall_incidents"]),
    ),
    (
        "  lenient (family event spans it)",
        "rams",
        lambda f: _share(f["violent_trigger_recall_lenient"]),
    ),
    ("RAMS typing accuracy (family, of found)", "rams", lambda f: _share(f["typing_accuracy"])),
    ("RAMS ACLED typing accuracy (of found)", "rams", lambda f: _share(f["acled_typing_accuracy"])),
    ("RAMS arguments P/R/F1", "rams", lambda f: _prf(f["arguments"])),
    ("  lenient (target ~ victim)", "rams", lambda f: _prf(f["arguments_lenient"])),
    ("MUC-4 role fillers P/R/F1 (4 roles)", "muc4", lambda f: _prf(f["roles_micro"])),
    *[
        (f"  role {r} P/R/F1", "muc4", lambda f, r=r: _prf(f["roles"][r]))
        for r in ("perpetrator", "target", "victim", "weapon")
    ],
    ("MUC-4 incident detection P/R/F1 (docs)", "muc4", lambda f: _prf(f["incident_detection"])),
    (
        "MUC-4 template docs yielding no violent event",
        "muc4",
        lambda f: _share(f["template_docs_without_violent_event"]),
    ),
    (
        "CASE 2021 typing accuracy",
        "case",
        lambda f: _acc(f["accuracy"], f["correct"], f["snippets"]),
    ),
    ("CASE 2021 accuracy, ACLED labels only", "case", lambda f: f"{f['acled_accuracy']:.2f}"),
    ("Non-conflict docs yielding a conflict event:", "", lambda f: ""),
    (
        "  MUC-4 docs without template",
        "muc4",
        lambda f: _share(f["no_template_docs_with_violent_event"]),
    ),
    (
        "  CASE disaster/diplomacy/other snippets",
        "case",
        lambda f: _share(f["non_conflict_yielding_violent_event"]),
    ),
    (
        "  RAMS non-violent gold trigger typed violent",
        "rams",
        lambda f: _share(f["non_violent_trigger_typed_violent"]),
    ),
    ("  WikiEvents (all 17 are conflict documents)", "", lambda f: "n/a"),
)

AT_LEAST, AT_MOST = ">=", "<="


def _share_value(share: dict[str, Any]) -> float | None:
    """A share's value, or None when it is a share of nothing (a slice with no such
    document: `--limit`, `--only`), which meets no goal and misses none."""
    return share["value"] if share["of"] else None


TARGETS: tuple[tuple[str, str, Callable[[dict[str, Any]], float | None], str, float], ...] = (
    ("WikiEvents trigger F1", "wikievents", lambda f: f["attack_triggers"]["f1"], AT_LEAST, 0.65),
    ("WikiEvents roles F1", "wikievents", lambda f: f["roles_micro"]["f1"], AT_LEAST, 0.55),
    ("WikiEvents typed NE F1", "wikievents", lambda f: f["ne_typed"]["f1"], AT_LEAST, 0.83),
    (
        "RAMS violent trigger recall",
        "rams",
        lambda f: f["violent_trigger_recall"]["value"],
        AT_LEAST,
        0.60,
    ),
    ("RAMS argument F1", "rams", lambda f: f["arguments"]["f1"], AT_LEAST, 0.35),
    ("MUC-4 role F1", "muc4", lambda f: f["roles_micro"]["f1"], AT_LEAST, 0.42),
    ("CASE accuracy", "case", lambda f: f["accuracy"], AT_LEAST, 0.72),
    (
        "CASE non-conflict -> conflict",
        "case",
        lambda f: _share_value(f["non_conflict_yielding_violent_event"]),
        AT_MOST,
        0.20,
    ),
    (
        "MUC-4 no template -> violent",
        "muc4",
        lambda f: _share_value(f["no_template_docs_with_violent_event"]),
        AT_MOST,
        0.20,
    ),
)
"""The 'unseen' goals of issues 15 and 16, checked on the held-out half (the unseen proxy).
Issue 15's "non-conflict documents that yield a conflict event: at most 1 of 5" is read on
two sets: CASE's disaster, diplomacy and other snippets (news with no conflict event), and
MUC-4's documents without a template, a harder proxy: many of them report fighting between
armies and guerrillas, which MUC-4 gives no template and an ACLED coder would record."""


def summary_rows(figures: dict[str, Any], columns: Sequence[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    for name, dataset, cell in SUMMARY:
        if dataset and dataset not in figures:
            continue
        rows.append([name, *[cell(figures[dataset][c]) if dataset else cell({}) for c in columns]])
    return rows


def summary_json(figures: dict[str, Any], columns: Sequence[str]) -> dict[str, dict[str, str]]:
    """The summary's cells keyed by "dataset: measure" (the table's names repeat per set)."""
    table: dict[str, dict[str, str]] = {}
    for name, dataset, cell in SUMMARY:
        if dataset in figures:
            table[f"{dataset}: {name.strip()}"] = {c: cell(figures[dataset][c]) for c in columns}
    return table


def target_rows(figures: dict[str, Any], column: str) -> list[list[object]]:
    rows: list[list[object]] = []
    for name, dataset, value_of, direction, goal in TARGETS:
        if dataset not in figures or column not in figures[dataset]:
            continue
        value = value_of(figures[dataset][column])
        if value is None:
            rows.append([name, "n/a", f"{direction} {goal:.2f}", "n/a"])
            continue
        met = value >= goal if direction == AT_LEAST else value <= goal
        rows.append([name, value, f"{direction} {goal:.2f}", "met" if met else "NOT MET"])
    return rows


# Main ------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Score the extractor on WikiEvents dev, RAMS dev, MUC-4 train and CASE 2021 "
        "(read from ../shared/eval/), per half of each set by document id.",
    )
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=DEFAULT_EVAL_DIR,
        help=f"directory holding the evaluation files (default: {DEFAULT_EVAL_DIR})",
    )
    parser.add_argument(
        "--only",
        default=",".join(d.name for d in DATASETS),
        help="comma-separated datasets to score (default: all of wikievents,rams,muc4,case)",
    )
    parser.add_argument(
        "--half",
        choices=COLUMNS,
        default=ALL,
        help="extract and score one half only (tuning runs use --half tune); default: all",
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="read only the first N records of each file"
    )
    parser.add_argument("--no-details", action="store_true", help="no error lists")
    add_json_option(parser)
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    parser.add_argument("--top", type=int, default=10, help="rows in the error lists")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = sorted(set(names) - {d.name for d in DATASETS})
    if unknown:
        parser.error(f"unknown dataset(s) in --only: {', '.join(unknown)}")
    args.only = names
    return args


def run_dataset(dataset: Dataset, args: argparse.Namespace, figures: dict[str, Any]) -> None:
    path = args.eval_dir / dataset.file
    if not path.is_file():
        print(f"\n{path} not found; skipping {dataset.name}.")
        return
    records = read_jsonl(path, args.limit)
    if args.half != ALL:
        records = [r for r in records if half_of(str(r["id"])) == args.half]
    split = split_indices(records)
    columns = COLUMNS if args.half == ALL else (args.half,)
    counts = {c: len(split[c]) for c in columns}
    figures["split"]["counts"][dataset.name] = counts
    started = time.perf_counter()
    outputs = extract_json(records, args.batch_size, dataset.name)
    seconds = time.perf_counter() - started
    print(
        f"\n== {dataset.name}: {path.name}, "
        + ", ".join(f"{c} {n}" for c, n in counts.items())
        + f" {dataset.unit}; extraction {seconds:.1f} s"
    )
    figures[dataset.name] = {}
    for column in columns:
        chosen = split[column]
        scores = dataset.score([records[i] for i in chosen], [outputs[i] for i in chosen])
        dataset.report(scores, column, args.top, column == TUNE and not args.no_details)
        figures[dataset.name][column] = scores.figures()
    figures["seconds_extraction"][dataset.name] = round(seconds, 1)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    wanted = [d for d in DATASETS if d.name in args.only]
    if not any((args.eval_dir / d.file).is_file() for d in wanted):
        print(f"evaluation data not found in {args.eval_dir}; skipping.")
        return 0
    print(f"split rule: {SPLIT_RULE}")
    figures: dict[str, Any] = {
        "eval_dir": str(args.eval_dir),
        "limit": args.limit,
        "half": args.half,
        "split": {"rule": SPLIT_RULE, "counts": {}},
        "seconds_extraction": {},
    }
    started = time.perf_counter()
    for dataset in wanted:
        run_dataset(dataset, args, figures)
    columns = COLUMNS if args.half == ALL else (args.half,)
    counts = figures["split"]["counts"]
    print_table(
        "Documents per half (" + SPLIT_RULE + ")",
        ("dataset", *columns),
        [[name, *[c[col] for col in columns]] for name, c in counts.items()],
    )
    rows = summary_rows(figures, columns)
    print_table("Summary", ("measure", *columns), rows)
    figures["summary"] = summary_json(figures, columns)
    goal_column = columns[1] if args.half == ALL else columns[0]
    targets = target_rows(figures, goal_column)
    print_table(
        f"Issue 15/16 goals for unseen text, checked on the {goal_column} half",
        ("figure", "value", "goal", "status"),
        targets,
    )
    figures["targets"] = {
        row[0]: {"column": goal_column, "value": row[1], "goal": row[2], "status": row[3]}
        for row in targets
    }
    elapsed = time.perf_counter() - started
    figures["seconds"] = round(elapsed, 1)
    print(f"\n(extraction and scoring took {elapsed:.1f} s)")
    write_json(args.json, figures, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
