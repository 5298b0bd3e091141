"""Extraction on a real Dask LocalCluster of two worker processes: the same graph as a
serial run, quad for quad, even when a worker is killed in the middle."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from scale_feed import sorted_nquads, write_corpus

from conflict_kg.graph.store import open_store
from conflict_kg.graph.store.stamps import INGEST_GRAPH
from conflict_kg.ingest import ingest, stream_inputs
from conflict_kg.ingest.cluster import DaskRunner

ARTICLES = 32


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "c.jsonl.gz", ARTICLES, seed=5)


@pytest.fixture(scope="module")
def serial(corpus: Path, extractor, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    url = f"oxigraph:{tmp_path_factory.mktemp('serial') / 'store'}"
    with open_store(url) as store:
        results = list(ingest(stream_inputs([corpus]), store, extractor, batch_size=4))
        assert sum(r.added for r in results) == ARTICLES
        return sorted_nquads(store)


@pytest.fixture(scope="module")
def runner() -> Iterator[DaskRunner]:
    # Batches of 4 written two at a time: the writer's joining of batches is exercised.
    with DaskRunner.connect(workers=2, write_articles=8) as started:
        yield started


def test_two_workers_give_the_serial_graph_quad_for_quad(corpus, serial, runner, tmp_path):
    assert len(runner.client.nthreads()) == 2
    before = datetime.now(UTC).replace(microsecond=0)  # ingest stamps are to the second
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        results = list(ingest(stream_inputs([corpus]), store, batch_size=4, runner=runner))
        assert [r.source for r in results] == [f"{corpus}:{n}" for n in range(1, ARTICLES + 1)]
        assert all(r.added and r.error is None for r in results)
        assert sorted_nquads(store) == serial
        # every article stamped when the writer stored it, in this process
        assert len(store.article_graph(INGEST_GRAPH)) == ARTICLES
        last = store.stats().last_ingest
    assert last is not None and before <= datetime.fromisoformat(last) <= datetime.now(UTC)


def test_a_killed_workers_batch_is_retried_never_lost_or_written_twice(
    corpus, serial, runner, tmp_path
):
    pids = runner.client.run(os.getpid)  # worker address -> its process id
    victim = next(iter(pids.values()))
    killed = False
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        results = []
        for result in ingest(stream_inputs([corpus]), store, batch_size=4, runner=runner):
            results.append(result)
            if len(results) == 4 and not killed:
                # Four batches are queued on the cluster: the victim is extracting one.
                os.kill(victim, signal.SIGKILL)
                killed = True
        assert killed
        assert len(results) == ARTICLES
        # Written once each: a batch written twice would come back as "already stored".
        assert [(r.added, r.error) for r in results] == [(True, None)] * ARTICLES
        assert sorted_nquads(store) == serial
    assert victim not in runner.client.run(os.getpid).values()


def test_the_runner_keeps_two_batches_per_worker_in_flight_and_holds_no_more_than_its_bound(
    corpus, runner
):
    items = list(stream_inputs([corpus]))
    batches = [items[n : n + 2] for n in range(0, ARTICLES, 2)]  # 16 batches of 2
    pulled = 0
    ahead = []  # batches taken from the input and not yet handed back, at each hand-back

    def source():
        nonlocal pulled
        for batch in batches:
            pulled += 1
            yield batch

    handed = []
    for outcomes in runner.run(source()):
        ahead.append(pulled - len(handed))
        handed.append([o.source for o in outcomes])
    assert handed == [[i.source for i in batch] for batch in batches]  # in input order
    assert runner.in_flight == 4 and runner.held == 8
    assert ahead[0] >= 4  # both workers busy, one batch queued behind each
    assert max(ahead) <= 8


def test_the_writer_side_of_a_dask_ingest_never_loads_spacy() -> None:
    """The CLI with --workers only reads, writes and schedules: loading spaCy there (a
    second of CPU on a core the workers need) is for the workers alone."""
    code = (
        "import sys\n"
        "import conflict_kg.cli.ingesting, conflict_kg.ingest, conflict_kg.ingest.cluster\n"
        "from conflict_kg.ingest.batches import outcome_of, extracted\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"
