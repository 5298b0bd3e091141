"""The texts every benchmark measures on: the example articles and, when present, the
evaluation texts read from ../shared/eval at run time (never copied into the repository)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = ROOT.parent / "shared" / "eval"
EVAL_FILES = ("wikievents_dev.jsonl", "case2021_typing_dev.jsonl")


def load_texts(examples: Path, eval_dir: Path) -> tuple[list[str], list[str]]:
    """The distinct texts, in reading order, and a note per source read."""
    texts: list[str] = []
    notes: list[str] = []
    files = sorted(examples.glob("*.txt"))
    texts.extend(f.read_text(encoding="utf-8") for f in files)
    notes.append(f"{len(files)} example article(s)")
    for name in EVAL_FILES:
        path = eval_dir / name
        if not path.is_file():
            notes.append(f"{path} absent: skipped")
            continue
        count = 0
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text") if line.strip() else None
                if isinstance(text, str) and text.strip():
                    texts.append(text)
                    count += 1
        notes.append(f"{count} texts from {path}")
    return list(dict.fromkeys(texts)), notes


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """`--json FILE`: every benchmark can hand its figures to another tool."""
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        metavar="FILE",
        help="also write the figures as JSON to FILE ('-' for stdout)",
    )


def write_json(target: Path | None, figures: dict[str, Any], sort_keys: bool = False) -> None:
    """Write `figures` where `--json` said: nowhere, stdout ('-') or a file."""
    if target is None:
        return
    text = json.dumps(figures, indent=2, sort_keys=sort_keys)
    if str(target) == "-":
        print(text)
    else:
        target.write_text(text + "\n", encoding="utf-8")
        print(f"figures written to {target}")
