"""Scale, side by side in one run: streaming ingest, Dask workers, bulk load, incremental
resolution.

On a corpus of invented wire reports (benchmarks/scale_corpus.py, written as .jsonl.gz):

1. end-to-end `conflict-kg ingest` of the first 1,000 articles and then of the rest up to
   `--articles` into the same store (the second run skips the first 1,000 by hash), serial:
   articles/s and the process's peak RSS;
2. `conflict-kg ingest --workers 1` and `--workers 2` (Dask LocalCluster) on the same
   `--dask-articles` articles: articles/s and parallel efficiency (rate with 2 / 2 x rate
   with 1; the pipeline loads once per worker, counted in);
3. quads/s into embedded Oxigraph through `Store.add_articles` (batches of 64 articles,
   the ingest's write path) against bare `pyoxigraph` `bulk_load` of the same N-Quads;
4. one more batch: the time to add the next 100 articles of the feed to a store of 1,000
   and of `--articles` articles, from a fresh process (`conflict-kg ingest` of them into a
   copy of each store: pipeline load, extraction, write, and incremental resolution with
   the table of entity facts read from the store), and in one process with the pipeline
   loaded (extraction+write, incremental resolution, a full rebuild of resolution): their
   ratios say whether the cost grows. `--only-batch` runs this part alone (with `--work`,
   on the stores a previous `--keep` run left there).

    python benchmarks/scale.py --articles 2000      # make bench-scale ARTICLES=10000
    python benchmarks/scale.py --articles 10000 --only-batch --work /tmp/scale --keep
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
from scale_corpus import articles, write_corpus

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).parent / "conflict-kg"
BASE = 1000
MORE = 100


_MEASURED = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(r.returncode)"
)
"""Runs a command and prints the peak RSS (KB) of the largest process under it."""


def run_cli(args: list[str], store: Path) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) of the CLI process (the largest one under it), and its output."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, str(CLI), "--store", f"oxigraph:{store}", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=6 * 3600,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"conflict-kg {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    rss = int(done.stderr.strip().splitlines()[-1]) / 1024
    return seconds, rss, done.stdout.strip()


def head(corpus: Path, count: int, target: Path) -> Path:
    with gzip.open(corpus, "rt", encoding="utf-8") as source:
        with gzip.open(target, "wt", encoding="utf-8") as out:
            for number, line in enumerate(source):
                if number >= count:
                    break
                out.write(line)
    return target


def article_quads(store_dir: Path, nquads: Path) -> tuple[dict[str, list[ox.Quad]], int]:
    """The article graphs of a built store, as N-Quads in a file and grouped by graph."""
    from conflict_kg.graph.store import open_store
    from conflict_kg.ontologies import RESOLUTION_GRAPH

    with open_store(f"oxigraph:{store_dir}") as store:
        data = store.export("nquads")
    by_graph: dict[str, list[ox.Quad]] = defaultdict(list)
    kept = []
    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        if str(quad.graph_name.value) == str(RESOLUTION_GRAPH):
            continue
        by_graph[quad.graph_name.value].append(quad)
        kept.append(quad)
    nquads.write_bytes(ox.serialize(kept, format=ox.RdfFormat.N_QUADS))
    return by_graph, len(kept)


def load_rates(by_graph: dict[str, list[ox.Quad]], total: int, nquads: Path, work: Path) -> str:
    from rdflib import URIRef

    from conflict_kg.graph.store import open_store

    graphs = list(by_graph.items())
    with open_store(f"oxigraph:{work / 'ours'}") as store:
        started = time.perf_counter()
        for start in range(0, len(graphs), 64):
            batch = graphs[start : start + 64]
            store.add_articles([(URIRef(iri), quads) for iri, quads in batch])
        ours = time.perf_counter() - started
    bare = ox.Store(str(work / "bare"))
    started = time.perf_counter()
    bare.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    bare.flush()
    theirs = time.perf_counter() - started
    assert len(bare) == total
    return (
        f"{total:,} quads: Store.add_articles {total / ours:,.0f} quads/s, "
        f"bare pyoxigraph bulk_load {total / theirs:,.0f} quads/s "
        f"(ours at {theirs / ours:.2f}x of bare)"
    )


def add_more(store_dir: Path, extra: Path, extractor: object) -> tuple[float, ...]:
    """Seconds to extract+write 100 articles, to resolve them incrementally (the table of
    entity facts read from the store, as a fresh process does: nothing is kept in memory),
    and to rebuild resolution whole."""
    from conflict_kg.graph.resolve import resolve, resolve_articles
    from conflict_kg.graph.store import open_store
    from conflict_kg.ingest import SerialRunner, ingest, stream_inputs
    from conflict_kg.ontologies import article_iri

    with open_store(f"oxigraph:{store_dir}") as store:
        started = time.perf_counter()
        results = list(
            ingest(stream_inputs([extra]), store, runner=SerialRunner(extractor))  # type: ignore[arg-type]
        )
        written = time.perf_counter() - started
        new = [article_iri(r.article_id) for r in results if r.added and r.article_id]
        assert len(new) == MORE, len(new)
        started = time.perf_counter()
        resolve_articles(store, new)
        incremental = time.perf_counter() - started
        started = time.perf_counter()
        resolve(store)
        rebuild = time.perf_counter() - started
    return written, incremental, rebuild


def with_table(store_dir: Path) -> str:
    """Make sure the store keeps its table of entity facts (one built before it was kept
    gets it, as its first incremental resolution would), before anything is timed."""
    from conflict_kg.graph.resolve import resolve
    from conflict_kg.graph.store import open_store
    from conflict_kg.graph.store.stamps import FACTS_GRAPH

    with open_store(f"oxigraph:{store_dir}") as store:
        if store.has_article(FACTS_GRAPH):
            return f"{store_dir.name}: table of entity facts in the store"
        started = time.perf_counter()
        resolve(store)
        return (
            f"{store_dir.name}: a store from before the table: rebuilt with it in "
            f"{time.perf_counter() - started:.1f} s (once)"
        )


def one_more_batch(work: Path, total: int) -> None:
    """Part 4: the next 100 articles into a store of 1,000 and of `total`, from a fresh
    process and in this one, side by side."""
    from conflict_kg.extract import Extractor
    from conflict_kg.graph.network.places import gazetteer

    extractor = Extractor()
    gazetteer()  # loaded once per process, before anything is timed
    fresh: dict[str, tuple[float, float]] = {}
    timings = {}
    for name, store, size in (("1,000", "s1k", BASE), (f"{total:,}", "sN", total)):
        print(with_table(work / store))
        extra = next_days(work / f"more-{size}.jsonl.gz", size)
        copy = work / f"{store}-more"  # the stores stay as they are, for another run
        for fresh_process in (True, False):
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(work / store, copy)
            if fresh_process:
                seconds, rss, _ = run_cli(["ingest", str(extra)], copy)
                fresh[name] = (seconds, rss)
            else:
                timings[name] = add_more(copy, extra, extractor)
        shutil.rmtree(copy, ignore_errors=True)
    print(f"\nadding {MORE} articles, the next days' news")
    print(
        f"{'store of':<10} {'fresh CLI s':>12} {'its peak RSS MB':>16} {'extract+write s':>16} "
        f"{'incremental resolution s':>25} {'full rebuild s':>15}"
    )
    for name, (written, incremental, rebuild) in timings.items():
        seconds, rss = fresh[name]
        print(
            f"{name:<10} {seconds:>12.2f} {rss:>16.0f} {written:>16.2f} {incremental:>25.2f} "
            f"{rebuild:>15.2f}"
        )
    (w1, i1, r1), (w2, i2, r2) = timings.values()
    (c1, _), (c2, _) = fresh.values()
    print(
        f"ratio {total:,} / 1,000: a fresh `conflict-kg ingest` {c2 / c1:.2f}x; pipeline "
        f"loaded, extract+write+incremental {(w2 + i2) / (w1 + i1):.2f}x, incremental "
        f"resolution alone {i2 / i1:.2f}x, full rebuild {r2 / r1:.2f}x"
    )


def build_stores(work: Path, total: int) -> Path:
    """The corpus and the stores of 1,000 and `total` articles (kept from an earlier run
    in `work` when there); part 1 times the same ingests."""
    corpus = work / "corpus.jsonl.gz"
    if not corpus.exists():
        write_corpus(corpus, total)
    if not (work / "s1k").exists():
        run_cli(["ingest", str(head(corpus, BASE, work / "first.jsonl.gz"))], work / "s1k")
    if not (work / "sN").exists():
        shutil.copytree(work / "s1k", work / "sN")
        run_cli(["ingest", str(corpus)], work / "sN")
    return corpus


def next_days(path: Path, first: int) -> Path:
    """The 100 articles that follow the first `first` of the feed: the next days' news."""
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for article in articles(MORE, seed=99, first=first):
            out.write(json.dumps(article) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (>= 1000)")
    parser.add_argument("--dask-articles", type=int, default=600, help="articles per Dask run")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument(
        "--only-batch",
        action="store_true",
        help="run only part 4, one more batch (building the stores first if --work has none)",
    )
    parser.add_argument(
        "--work", type=Path, help="work directory (default: a new temporary one)"
    )
    options = parser.parse_args()
    total = max(options.articles, BASE + 1)
    work = options.work or Path(tempfile.mkdtemp(prefix="conflict-kg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work directory {work}; {os.cpu_count()} cores")
    if options.only_batch:
        try:
            build_stores(work, total)
            one_more_batch(work, total)
        finally:
            if not options.keep and options.work is None:  # never a directory the user gave
                shutil.rmtree(work, ignore_errors=True)
        return
    try:
        started = time.perf_counter()
        corpus = write_corpus(work / "corpus.jsonl.gz", total)
        print(
            f"corpus: {total:,} articles, {corpus.stat().st_size / 1e6:.2f} MB gzipped, "
            f"written in {time.perf_counter() - started:.1f} s"
        )
        rows = []
        first = head(corpus, BASE, work / "first.jsonl.gz")
        seconds, rss, out = run_cli(["ingest", str(first)], work / "s1k")
        rows.append(("serial, first 1,000", BASE / seconds, rss, out.splitlines()[0]))
        shutil.copytree(work / "s1k", work / "sN")
        seconds, rss, out = run_cli(["ingest", str(corpus)], work / "sN")
        rows.append(
            (f"serial, the rest to {total:,}", (total - BASE) / seconds, rss, out.splitlines()[0])
        )
        sample = head(corpus, options.dask_articles, work / "dask.jsonl.gz")
        rates = {}
        for workers in (1, 2):
            seconds, rss, out = run_cli(
                ["ingest", "--workers", str(workers), str(sample)], work / f"w{workers}"
            )
            rates[workers] = options.dask_articles / seconds
            rows.append(
                (
                    f"Dask, {workers} worker(s), {options.dask_articles}",
                    rates[workers],
                    rss,
                    out.splitlines()[0],
                )
            )
        print("\nend-to-end ingest (spaCy load included; RSS of the CLI process, not of workers)")
        print(f"{'run':<34} {'articles/s':>10} {'peak RSS MB':>12}  summary")
        for name, rate, rss, summary in rows:
            print(f"{name:<34} {rate:>10.1f} {rss:>12.0f}  {summary}")
        print(f"parallel efficiency, 2 workers: {rates[2] / (2 * rates[1]):.2f}")

        by_graph, quads = article_quads(work / "sN", work / "articles.nq")
        print("\nwrite path: " + load_rates(by_graph, quads, work / "articles.nq", work))

        one_more_batch(work, total)
    finally:
        if not options.keep and options.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
