"""Is the extraction still the same? Dump what the extractor finds in a fixed corpus before a
change, dump it again after, and compare: a refactoring must give identical output.

    .venv/bin/python benchmarks/same_extraction.py dump /tmp/before.jsonl
    (change the code)
    .venv/bin/python benchmarks/same_extraction.py dump /tmp/after.jsonl
    .venv/bin/python benchmarks/same_extraction.py compare /tmp/before.jsonl /tmp/after.jsonl

The corpus: `examples/*.txt`, then the first documents of each evaluation file in
../shared/eval (read at run time, never copied: the dump holds their texts, so it is refused
inside the repository), then the example and the WikiEvents documents again, cut into windows
of `--window-chars` characters, so that the windowed path is compared too. Each line is one
article's `Extraction.to_json()` (the `conflict-kg extract --format json` contract) with every
event's mentions and warnings, and its article graph as sorted N-Triples (`--no-triples`
leaves the graphs out).

`compare` prints the first article that differs, and where, and exits 1; 0 when every line
is the same.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import DEFAULT_EVAL_DIR, ROOT

EVAL_PICKS = {
    "wikievents_dev.jsonl": 17,
    "case2021_typing_dev.jsonl": 95,
    "rams_dev.jsonl": 95,
    "muc4_train.jsonl": 93,
}
"""How many documents of each evaluation file, from its start: 300 in all."""
WINDOWED = 18
"""Articles extracted a second time in windows: the example and the WikiEvents documents."""


def eval_documents(eval_dir: Path) -> Iterator[tuple[str, str]]:
    """(source, text) of the first documents of each evaluation file that is present."""
    for name, count in EVAL_PICKS.items():
        path = eval_dir / name
        if not path.is_file():
            print(f"{path} absent: skipped", file=sys.stderr)
            continue
        taken = 0
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if taken >= count:
                    break
                if line.strip():
                    record = json.loads(line)
                    yield f"{name}:{record['id']}", record["text"]
                    taken += 1


def _lines(outcomes: Iterable[Any], tag: str, triples: bool) -> Iterator[str]:
    from conflict_kg.extract import Extraction, article_graph

    for outcome in outcomes:
        if not isinstance(outcome, Extraction):
            yield json.dumps({"tag": tag, "error": str(outcome)}, ensure_ascii=False)
            continue
        data = outcome.to_json()
        data["tag"] = tag
        data["_mentions"] = [[asdict(m) for m in e.mentions] for e in outcome.events]
        data["_warnings"] = outcome.warnings
        if triples:
            _, graph = article_graph(outcome)
            data["_triples"] = sorted(graph.serialize(format="nt").splitlines())
        yield json.dumps(data, ensure_ascii=False, sort_keys=True)


def dump(target: Path, eval_dir: Path, window_chars: int, triples: bool) -> int:
    from conflict_kg.extract import ArticleInput, Extractor, read_inputs

    if target.resolve().is_relative_to(ROOT):
        raise SystemExit(
            f"error: {target} is inside the repository; the dump holds evaluation texts, "
            "write it elsewhere (/tmp)"
        )
    examples = [i for i in read_inputs(ROOT / "examples") if isinstance(i, ArticleInput)]
    documents = [ArticleInput(source=s, text=t) for s, t in eval_documents(eval_dir)]
    extractor = Extractor()
    windowed = Extractor(extractor.nlp, window_chars=window_chars)
    started = time.perf_counter()
    count = 0
    with target.open("w", encoding="utf-8") as handle:
        for tag, runner, items in (
            ("examples", extractor, examples),
            ("eval", extractor, documents),
            ("windowed", windowed, (examples + documents)[:WINDOWED]),
        ):
            for line in _lines(runner.outcomes(items), tag, triples):
                handle.write(line + "\n")
                count += 1
    elapsed = time.perf_counter() - started
    print(f"{count} extractions written to {target} ({elapsed:.0f} s)")
    return 0


def _first_difference(a: Any, b: Any, path: str = "") -> str:
    """Where two JSON values first differ, as a path ("events[2].arguments[0].text")."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(a.keys() | b.keys()):
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), f"{path}.{key}")
    if isinstance(a, list) and isinstance(b, list):
        for index, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return _first_difference(x, y, f"{path}[{index}]")
        if len(a) != len(b):
            return f"{path}: {len(a)} items against {len(b)}"
    return f"{path}: {json.dumps(a)[:200]} against {json.dumps(b)[:200]}"


def compare(before: Path, after: Path) -> int:
    for path in (before, after):
        if not path.is_file():
            raise SystemExit(f"error: no dump at {path}: make one with `dump {path}`")
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines()
    if len(old) != len(new):
        print(f"different: {len(old)} extractions in {before}, {len(new)} in {after}")
        return 1
    for number, (a, b) in enumerate(zip(old, new, strict=True), start=1):
        if a != b:
            x, y = json.loads(a), json.loads(b)
            where = _first_difference(x, y)
            print(f"different: line {number} ({x.get('tag')} {x.get('source')}) at {where}")
            return 1
    events = sum(len(json.loads(line).get("events", [])) for line in old)
    print(f"same: {len(old)} extractions, {events} events, identical line for line")
    return 0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    dumping = verbs.add_parser("dump", help="extract the corpus into a JSON-lines file")
    dumping.add_argument("target", type=Path, help="the file to write (outside the repository)")
    dumping.add_argument(
        "--eval-dir", type=Path, default=DEFAULT_EVAL_DIR, help="where the evaluation files are"
    )
    dumping.add_argument(
        "--window-chars",
        type=int,
        default=1500,
        help="window size of the windowed pass (default 1500: several windows an article)",
    )
    dumping.add_argument(
        "--no-triples", action="store_true", help="leave the article graphs out (faster)"
    )
    comparing = verbs.add_parser("compare", help="compare two dumps line for line")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.verb == "dump":
        return dump(args.target, args.eval_dir, args.window_chars, not args.no_triples)
    return compare(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
