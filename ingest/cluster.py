"""Extraction on a Dask cluster: `conflict-kg ingest --workers N` or `--scheduler URL`.

Extraction (spaCy) is nearly all of an ingest's time and parallel by article; writing is
not (one store, one writer). So batches of articles go to Dask workers, each of which loads
the spaCy pipeline once and answers a batch with its articles' quads as N-Quads bytes, and
the process that holds the store writes them, batch by batch in submission order, each in
one transaction. Dask itself reschedules the task of a worker that dies (the scheduler's
`allowed-failures`) and an exception is retried (`RETRIES`); the writer takes each batch's
answer from its future exactly once, so a batch is never lost and never written twice (and
a write is idempotent anyway: an article's graph is named by its text's hash).

Nothing here is imported unless a cluster is asked for: a plain `ingest` never loads Dask.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from conflict_kg.extract import ArticleInput
from conflict_kg.ingest.batches import Extracted, outcome_of

__all__ = ["RETRIES", "DaskError", "DaskRunner", "extract_batch"]

RETRIES = 2
"""Reruns of a batch whose task raised (a worker killed mid-batch is rescheduled by Dask
itself, up to the scheduler's `distributed.scheduler.allowed-failures`, 3 by default)."""
_CONNECT_TIMEOUT = "30s"

_extractors: dict[float | None, Any] = {}
"""The worker process's pipelines, by budget: loaded once per worker, not per batch."""


class DaskError(Exception):
    """The cluster cannot be started or reached, or a batch failed on every try."""


def _extractor(budget: float | None) -> Any:
    if budget not in _extractors:
        from conflict_kg.extract import Extractor

        _extractors[budget] = Extractor(budget=budget)
    return _extractors[budget]


def warm(budget: float | None) -> bool:
    """Load the pipeline on a worker before the first batch (run on every worker)."""
    _extractor(budget)
    return True


def extract_batch(items: list[ArticleInput], budget: float | None) -> list[Extracted]:
    """The task a worker runs: one outcome per article, in order, quads as N-Quads."""
    return [outcome_of(e, serialise=True) for e in _extractor(budget).outcomes(items)]


class DaskRunner:
    """A `BatchRunner` over a `dask.distributed.Client`: keeps `in_flight` batches queued
    on the cluster (enough to keep every worker busy while the writer writes) and yields
    their outcomes in submission order, so memory holds those batches and no more."""

    def __init__(self, client: Any, budget: float | None, in_flight: int | None = None) -> None:
        self.client = client
        self.budget = budget
        threads = sum(client.nthreads().values()) or 1
        self.in_flight = in_flight or 2 * threads

    @classmethod
    @contextmanager
    def connect(
        cls,
        workers: int | None = None,
        scheduler: str | None = None,
        budget: float | None = None,
        in_flight: int | None = None,
    ) -> Iterator[DaskRunner]:
        """A runner on a new LocalCluster of `workers` processes (one thread each: spaCy
        holds the GIL), or on the running cluster whose scheduler is `scheduler`. Every
        worker loads the pipeline before the first batch is sent."""
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as error:  # pragma: no cover - dask is a dependency
            raise DaskError(f"Dask is not installed: {error}") from error
        cluster = None
        try:
            if scheduler is None:
                cluster = LocalCluster(
                    n_workers=workers or 1,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                client = Client(cluster)
            else:
                client = Client(scheduler, timeout=_CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as error:
            if cluster is not None:
                cluster.close()
            where = scheduler or f"a local cluster of {workers} worker(s)"
            raise DaskError(f"cannot start or reach {where}: {error}") from error
        try:
            client.run(warm, budget)
            yield cls(client, budget, in_flight)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def run(self, batches: Iterable[list[ArticleInput]]) -> Iterator[list[Extracted]]:
        queued: deque[Any] = deque()
        for batch in batches:
            queued.append(self._submit(batch))
            while len(queued) >= self.in_flight:
                yield self._result(queued.popleft())
        while queued:
            yield self._result(queued.popleft())

    def _submit(self, batch: list[ArticleInput]) -> Any:
        if not batch:
            return None
        return self.client.submit(extract_batch, batch, self.budget, pure=False, retries=RETRIES)

    def _result(self, future: Any) -> list[Extracted]:
        if future is None:
            return []
        try:
            result: list[Extracted] = future.result()
        except Exception as error:  # KilledWorker, CommClosedError, a task's own error
            raise DaskError(
                f"a batch failed on every try ({type(error).__name__}: {error}); "
                "the batches before it are stored, rerun to resume"
            ) from error
        finally:
            future.release()
        return result
