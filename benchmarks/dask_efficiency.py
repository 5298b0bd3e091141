"""Dask parallel efficiency, side by side in one run: whole `conflict-kg ingest --workers 1`
and `--workers 2` runs over the same corpus of invented wire reports
(benchmarks/scale_corpus.py), each into a new store.

Each run's wall time counts everything a user waits for: the CLI's start, the cluster's,
each worker's pipeline load, extraction, the writer, resolution and the cluster's close.
Efficiency is T1 / (2 x T2): 1.0 would be two workers exactly twice as fast as one. The
runs alternate (1, 2, 1, 2, ...) so that a change in the machine's load falls on both; the
load average before each run and the CPU seconds of the run's processes are printed beside
it, since on a shared machine the wall times say little alone: all of them (the CLI and its
workers), and the CLI's own until resolution starts ("driver") and in resolution ("resolve").
On 2 cores the driver's CPU while the workers extract is taken from them.

    python benchmarks/dask_efficiency.py --articles 2400 --pairs 2
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale_corpus import write_corpus

DRIVER = """
import resource, sys
import conflict_kg.cli.ingesting as ingesting

def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

resolve = ingesting.resolve_articles

def timed(store, seen):
    start = cpu()
    try:
        return resolve(store, seen)
    finally:
        print(f"driver CPU {start:.3f} {cpu() - start:.3f}", file=sys.stderr)

ingesting.resolve_articles = timed
from conflict_kg.cli import app
app(sys.argv[1:], prog_name="conflict-kg")
"""
"""`conflict-kg` with its resolution timed: the CLI process's own CPU seconds when resolution
starts and in it, on stderr (the command is otherwise the installed one)."""


def children_cpu() -> float:
    """CPU seconds of this process's finished children (and theirs, once reaped)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ingest(corpus: Path, workers: int, store: Path) -> tuple[float, float, str, str]:
    """One whole run: its wall seconds, its CPU seconds, the CLI's (until resolution, in
    it) and its summary line."""
    shutil.rmtree(store, ignore_errors=True)
    cpu, started = children_cpu(), time.perf_counter()
    command = ["ingest", "--workers", str(workers), str(corpus)]
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, "--store", f"oxigraph:{store}", *command],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ingest --workers {workers} failed:\n{done.stdout}{done.stderr}")
    marks = [line.split() for line in done.stderr.splitlines() if line.startswith("driver CPU")]
    driver = (
        f"{float(marks[-1][2]):7.1f} {float(marks[-1][3]):7.1f}" if marks else "      ?       ?"
    )
    return seconds, children_cpu() - cpu, driver, done.stdout.splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2400, help="corpus size")
    parser.add_argument("--pairs", type=int, default=2, help="runs of 1 and 2 workers")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="conflict-kg-dask-"))
    try:
        corpus = write_corpus(work / "corpus.jsonl.gz", options.articles)
        print(f"{options.articles:,} articles; {os.cpu_count()} cores")
        print(
            f"{'pair':>4} {'workers':>7} {'load before':>16} {'wall s':>7} {'CPU s':>7} "
            f"{'driver':>7} {'resolve':>7}  summary"
        )
        ratios = []
        for pair in range(1, options.pairs + 1):
            walls = {}
            for workers in (1, 2):
                load = " ".join(f"{x:.2f}" for x in os.getloadavg())
                wall, cpu, driver, summary = ingest(corpus, workers, work / f"w{workers}")
                walls[workers] = wall
                print(
                    f"{pair:>4} {workers:>7} {load:>16} {wall:>7.2f} {cpu:>7.1f} {driver}  "
                    f"{summary}",
                    flush=True,
                )
            ratios.append(walls[1] / (2 * walls[2]))
            print(f"{pair:>4} efficiency T1 / (2 x T2) = {ratios[-1]:.2f}", flush=True)
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"efficiency per pair: {', '.join(f'{r:.2f}' for r in ratios)}; load after {load}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
