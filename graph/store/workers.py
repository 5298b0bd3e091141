"""Time-limited queries on the embedded store, in child processes that can be killed.

pyoxigraph cannot interrupt a query once it runs (an aggregate computes everything before
its first row), and a thread cannot be killed. So a query with a deadline runs in a worker
process over a read-only *snapshot* of the store: a RocksDB checkpoint (hard links, cheap)
taken after the last write, which nobody writes to, so reading it from another process is
safe. Past the deadline the worker is killed — the work really stops — and a fresh one
takes its place for the next query.

Workers are forked from a fork server that imported pyoxigraph and the program's own
modules once. A spawned worker imports them again, and re-runs the main script, which in
`conflict-kg serve` means every command-line module: over a second under load, paid by the
query that follows a timeout, which then missed its own time limit. A fork from the server
takes milliseconds. The fork server opens no store and runs no thread, so forking is safe.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from io import BytesIO
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

from conflict_kg.graph.errors import InvalidQueryError, QueryTimeoutError, StoreError

__all__ = ["QueryWorkers"]

_CONTEXT = multiprocessing.get_context("forkserver")


def _preload() -> None:
    """Have the fork server import what this program has imported of conflict-kg (the main
    script a worker re-runs imports nothing else of weight), once, before it first forks.
    Python 3.11 drops the main script itself from the preload list, hence the modules."""
    loaded = sorted(name for name in sys.modules if name.split(".")[0] == "conflict_kg")
    _CONTEXT.set_forkserver_preload(["pyoxigraph", __name__, *loaded])


@dataclass(frozen=True, slots=True)
class _Job:
    snapshot: str
    sparql: str
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    max_rows: int | None


def _serve(connection: Connection) -> None:
    """The worker's loop: open snapshots read-only, answer queries as serialized results."""
    import pyoxigraph as ox

    from conflict_kg.graph.store.base import QueryOptions
    from conflict_kg.graph.store.results import to_result

    opened: dict[str, ox.Store] = {}
    connection.send(("ready", b""))
    while True:
        try:
            job: _Job = connection.recv()
        except EOFError:
            return
        try:
            if job.snapshot not in opened:
                opened.clear()
                opened[job.snapshot] = ox.Store.read_only(job.snapshot)
            dataset: dict[str, object] = {"use_default_graph_as_union": True}
            if job.default_graphs is not None:
                dataset = {"default_graph": [ox.NamedNode(g) for g in job.default_graphs]}
            if job.named_graphs is not None:
                dataset["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
            answer = opened[job.snapshot].query(job.sparql, **dataset)  # type: ignore[arg-type]
            result = to_result(answer, QueryOptions(max_rows=job.max_rows))
            if result.type == "CONSTRUCT":
                assert result.graph is not None
                connection.send(("graph", result.graph.serialize(format="nt", encoding="utf-8")))
            else:
                connection.send(("result", result.serialize(format="json", encoding="utf-8")))
        except SyntaxError as error:
            connection.send(("syntax", str(error)))
        except Exception as error:  # reported to the parent, which raises StoreError
            connection.send(("error", f"{type(error).__name__}: {error}"))


class _Worker:
    STARTUP_SECONDS = 60.0

    def __init__(self) -> None:
        parent, child = _CONTEXT.Pipe()
        self.connection = parent
        self.process: BaseProcess = _CONTEXT.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        # Starting a process (imports) is not the query's time: wait for it to be ready.
        if not parent.poll(self.STARTUP_SECONDS) or parent.recv()[0] != "ready":
            self.stop()
            raise StoreError("the query worker did not start")

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class QueryWorkers:
    """A small pool of query processes over snapshots of one embedded store."""

    def __init__(self, size: int = 2) -> None:
        _preload()
        self._idle: list[_Worker] = []
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self._root = Path(tempfile.mkdtemp(prefix="conflict-kg-snapshots-"))
        self._snapshot: Path | None = None
        self._generation = -1

    @property
    def pids(self) -> list[int]:
        """Process ids of the idle workers (for tests and diagnostics)."""
        return [w.process.pid for w in self._idle if w.process.pid is not None]

    def snapshot(self, generation: int, backup: object) -> Path:
        """The snapshot for this write generation, taken with `backup(path)` if missing."""
        with self._lock:
            if self._snapshot is None or generation != self._generation:
                path = self._root / f"gen-{generation}"
                if not path.exists():
                    backup(str(path))  # type: ignore[operator]
                previous, self._snapshot, self._generation = self._snapshot, path, generation
                if previous is not None:
                    # Workers reopen the new snapshot on their next job; the old one's files
                    # stay readable for a query still running on it (unlinked, not gone).
                    shutil.rmtree(previous, ignore_errors=True)
            return self._snapshot

    def run(
        self,
        snapshot: Path,
        sparql: str,
        default_graphs: tuple[str, ...] | None,
        named_graphs: tuple[str, ...] | None,
        max_rows: int | None,
        seconds: float,
    ) -> Result:
        started = time.monotonic()
        if not self._slots.acquire(timeout=max(seconds, 0.01)):
            raise QueryTimeoutError("every query worker stayed busy until the time limit")
        worker: _Worker | None = None
        try:
            with self._lock:
                worker = self._idle.pop() if self._idle else None
            if worker is None or not worker.process.is_alive():
                before = time.monotonic()
                worker = _Worker()
                started += time.monotonic() - before  # the start-up does not count
            remaining = seconds - (time.monotonic() - started)
            worker.connection.send(
                _Job(str(snapshot), sparql, default_graphs, named_graphs, max_rows)
            )
            if not worker.connection.poll(max(remaining, 0.01)):
                worker.stop()
                worker = None
                raise QueryTimeoutError("the query ran past its time limit and was stopped")
            kind, payload = worker.connection.recv()
        except (EOFError, OSError, BrokenPipeError) as error:
            if worker is not None:
                worker.stop()
                worker = None
            raise StoreError(f"the query worker failed: {error}") from error
        finally:
            if worker is not None:
                with self._lock:
                    self._idle.append(worker)
            self._slots.release()
        if kind == "syntax":
            raise InvalidQueryError(f"invalid SPARQL query: {payload}")
        if kind == "error":
            raise StoreError(f"query failed: {payload}")
        if kind == "graph":
            result = Result("CONSTRUCT")
            result.graph = Graph().parse(data=payload, format="nt")
            return result
        return Result.parse(BytesIO(payload), format="json")

    def close(self) -> None:
        with self._lock:
            for worker in self._idle:
                worker.stop()
            self._idle.clear()
        shutil.rmtree(self._root, ignore_errors=True)
