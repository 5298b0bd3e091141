"""Extraction on a Dask cluster: `conflict-kg ingest --workers N` or `--scheduler URL`.

Extraction (spaCy) is nearly all of an ingest's time and parallel by article; writing is
not (one store, one writer). So batches of articles go to Dask workers, each of which loads
the spaCy pipeline once and answers a batch with its articles' quads as N-Quads bytes, and
the process that holds the store writes them in submission order, consecutive batches
joined into one transaction of about a thousand articles (`WRITE_ARTICLES`), while the workers
go on with the batches queued behind them. Dask itself reschedules the task of a worker
that dies (the scheduler's `allowed-failures`) and an exception is retried (`RETRIES`); the
writer takes each batch's answer from its future exactly once, so a batch is never lost and
never written twice (and a write is idempotent anyway: an article's graph is named by its
text's hash).

Nothing here is imported unless a cluster is asked for: a plain `ingest` never loads Dask.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from conflict_kg.extract import ArticleInput
from conflict_kg.ingest.batches import Extracted, outcome_of

__all__ = ["RETRIES", "WRITE_ARTICLES", "DaskError", "DaskRunner", "extract_batch"]

RETRIES = 2
"""Reruns of a batch whose task raised (a worker killed mid-batch is rescheduled by Dask
itself, up to the scheduler's `distributed.scheduler.allowed-failures`, 3 by default)."""
_CONNECT_TIMEOUT = "30s"

WRITE_ARTICLES = 1024
"""Articles the writer joins into one transaction (about 120,000 quads of news reports, 32 MB
of N-Quads held: through the embedded store's bulk loader), from consecutive batches as they
come back. Each bulk load leaves RocksDB files that its background threads merge into the
rest, and that merging grows with the store: 9,600 articles bulk-loaded at an ingest's pace
cost about 12 CPU s of merging in loads of 256 articles, 4.5 s in loads of 1,024."""
_LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "200ms",
}
"""A local cluster's housekeeping, slowed down: the workers' sampling profiler (for the
dashboard, which is off) is stopped, and the system and memory monitors and the event loops'
ticks run a tenth as often. On two cores they took about a twentieth of a core from the
extraction (1.0 CPU s in 20 s of an idle cluster of 2 workers, 0.3 s with these)."""

_extractors: dict[float | None, Any] = {}
"""The worker process's pipelines, by budget: loaded once per worker, not per batch."""
_loading = threading.Lock()
"""One load per worker even if a worker of several threads runs `warm` and a batch at once."""


class DaskError(Exception):
    """The cluster cannot be started or reached, or a batch failed on every try."""


def _extractor(budget: float | None) -> Any:
    with _loading:
        if budget not in _extractors:
            from conflict_kg.extract import Extractor

            _extractors[budget] = Extractor(budget=budget)
        return _extractors[budget]


def warm(budget: float | None) -> bool:
    """Load the pipeline on a worker before the first batch (a task on every worker)."""
    _extractor(budget)
    return True


def extract_batch(items: list[ArticleInput], budget: float | None) -> list[Extracted]:
    """The task a worker runs: one outcome per article, in order, quads as N-Quads."""
    return [outcome_of(e, serialise=True) for e in _extractor(budget).outcomes(items)]


class DaskRunner:
    """A `BatchRunner` over a `dask.distributed.Client`.

    It keeps `in_flight` batches unfinished on the cluster (two per worker thread: one
    running, one queued behind it, so a worker that finishes never waits for the writer)
    and tops the queue up as soon as any batch finishes, not only the oldest; finished
    batches wait, at most `held` of them in all, to be yielded in submission order. The
    writer joins them into transactions of `write_articles` articles (the embedded store's
    bulk loader). Memory holds those batches and no more.
    """

    def __init__(
        self,
        client: Any,
        budget: float | None,
        in_flight: int | None = None,
        write_articles: int = WRITE_ARTICLES,
    ) -> None:
        self.client = client
        self.budget = budget
        threads = sum(client.nthreads().values()) or 1
        self.in_flight = in_flight or 2 * threads
        self.held = 2 * self.in_flight
        self.write_articles = write_articles
        self.warming: list[Any] = []
        """Each worker's pipeline load, kept so that Dask does not drop it."""

    @classmethod
    @contextmanager
    def connect(
        cls,
        workers: int | None = None,
        scheduler: str | None = None,
        budget: float | None = None,
        in_flight: int | None = None,
        write_articles: int = WRITE_ARTICLES,
    ) -> Iterator[DaskRunner]:
        """A runner on a new LocalCluster of `workers` processes (one thread each: spaCy
        holds the GIL), or on the running cluster whose scheduler is `scheduler`. Every
        worker starts loading the pipeline at once; the first batches are read and sent
        meanwhile and wait on the workers for it."""
        try:
            import dask
            from dask.distributed import Client, LocalCluster
        except ImportError as error:  # pragma: no cover - dask is a dependency
            raise DaskError(f"Dask is not installed: {error}") from error
        cluster = None
        try:
            if scheduler is None:
                with dask.config.set(_LOCAL_CONFIG):  # the nannies pass it to the workers
                    cluster = LocalCluster(
                        n_workers=workers or 1,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                # Results straight from the workers, not relayed by the scheduler, which
                # runs in this process: each batch's N-Quads cross its event loop once.
                client = Client(cluster, direct_to_workers=True)
            else:
                client = Client(scheduler, timeout=_CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as error:
            if cluster is not None:
                cluster.close()
            where = scheduler or f"a local cluster of {workers} worker(s)"
            raise DaskError(f"cannot start or reach {where}: {error}") from error
        try:
            started = cls(client, budget, in_flight, write_articles)
            # A task on each worker, not `client.run`, which would block the caller (or
            # the worker's event loop): the first batches queue behind it meanwhile.
            started.warming = [
                client.submit(warm, budget, workers=[address], pure=False)
                for address in client.nthreads()
            ]
            yield started
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def run(self, batches: Iterable[list[ArticleInput]]) -> Iterator[list[Extracted]]:
        from dask.distributed import wait

        source = iter(batches)
        queued: deque[Any] = deque()  # futures in submission order (None: an empty batch)
        more = True
        while True:
            while more and len(queued) < self.held and _unfinished(queued) < self.in_flight:
                batch = next(source, None)
                if batch is None:
                    more = False
                else:
                    queued.append(self._submit(batch))
            if not queued:
                return
            head = queued[0]
            if head is None or head.done() or not more or len(queued) >= self.held:
                yield self._result(queued.popleft())
            else:  # the oldest is still running: send another batch when any finishes
                running = [f for f in queued if f is not None and not f.done()]
                wait(running, return_when="FIRST_COMPLETED")

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


def _unfinished(queued: Iterable[Any]) -> int:
    return sum(1 for future in queued if future is not None and not future.done())
