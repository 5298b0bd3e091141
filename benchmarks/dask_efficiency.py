"""Dask parallel efficiency, side by side in one run: whole `conflict-kg ingest --workers 1`
and `--workers 2` runs over the same corpus of invented wire reports
(benchmarks/scale_corpus.py), each into a new store.

Each run's wall time counts everything a user waits for: the CLI's start, the cluster's,
each worker's pipeline load, extraction, the writer, resolution and the cluster's close.
Efficiency is T1 / (2 x T2): 1.0 would be two workers exactly twice as fast as one. The
runs alternate (1, 2, 1, 2, ...) so that a change in the machine's load falls on both; the
load average before each run and the CPU seconds of the run's processes (the CLI and its
workers) are printed beside it, since on a shared machine the wall times say little alone.

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

CLI = Path(sys.executable).parent / "conflict-kg"


def children_cpu() -> float:
    """CPU seconds of this process's finished children (and theirs, once reaped)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ingest(corpus: Path, workers: int, store: Path) -> tuple[float, float, str]:
    """One whole run: its wall seconds, its CPU seconds and its summary line."""
    shutil.rmtree(store, ignore_errors=True)
    cpu, started = children_cpu(), time.perf_counter()
    command = ["ingest", "--workers", str(workers), str(corpus)]
    done = subprocess.run(
        [str(CLI), "--store", f"oxigraph:{store}", *command],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ingest --workers {workers} failed:\n{done.stdout}{done.stderr}")
    return seconds, children_cpu() - cpu, done.stdout.splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2400, help="corpus size")
    parser.add_argument("--pairs", type=int, default=2, help="runs of 1 and 2 workers")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="conflict-kg-dask-"))
    try:
        corpus = write_corpus(work / "corpus.jsonl.gz", options.articles)
        print(f"{options.articles:,} articles; {os.cpu_count()} cores")
        print(f"{'pair':>4} {'workers':>7} {'load before':>16} {'wall s':>7} {'CPU s':>7}  summary")
        ratios = []
        for pair in range(1, options.pairs + 1):
            walls = {}
            for workers in (1, 2):
                load = " ".join(f"{x:.2f}" for x in os.getloadavg())
                wall, cpu, summary = ingest(corpus, workers, work / f"w{workers}")
                walls[workers] = wall
                print(f"{pair:>4} {workers:>7} {load:>16} {wall:>7.2f} {cpu:>7.1f}  {summary}")
            ratios.append(walls[1] / (2 * walls[2]))
            print(f"{pair:>4} efficiency T1 / (2 x T2) = {ratios[-1]:.2f}", flush=True)
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"efficiency per pair: {', '.join(f'{r:.2f}' for r in ratios)}; load after {load}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
