"""The write pool: extraction for HTTP writes, off the event loop, in a bounded queue.

A worker process holds the spaCy pipeline (loaded once by the pool's initializer, on the
first write) and extracts one article at a time; at most `queue` more writes wait for it and
the next one is told to come back later (`WritesBusy`, a 503 with Retry-After). Extraction
is CPU-bound Python that holds the GIL for seconds; in the server's process it made every
read wait its turn for the interpreter, in its own process it costs reads nothing.

A write whose client leaves is dropped: taken off the queue if it had not started, its
extraction thrown away if it had (`extract` returns None and nothing is stored). Two writes
of the same text share one extraction, so a client that retries after a timeout joins the
extraction it started instead of queueing a second one.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from conflict_kg.extract import ArticleError, ArticleInput, Extraction

__all__ = ["ExtractionFailed", "WritePool", "WritesBusy"]

WORKERS = 1
"""Extraction processes: one spaCy pipeline per application (memory, and 2 cores)."""
FIRST_GUESS = 5.0
"""Seconds an extraction is assumed to take before one has been measured."""


class WritesBusy(Exception):
    """Every worker is busy and the queue is full: retry after `retry_after` seconds."""

    def __init__(self, retry_after: int, waiting: int) -> None:
        super().__init__(f"{waiting} write(s) are being extracted or waiting")
        self.retry_after = retry_after
        self.waiting = waiting


class ExtractionFailed(Exception):
    """Extraction raised something other than `ArticleError`, or its worker died: a fault
    of ours, not of the article (the message names the exception)."""


# In the worker process ----------------------------------------------------------------------

_extractor: Any = None


def _start_worker(options: dict[str, Any]) -> None:
    """Load the pipeline once per worker process. Ctrl-C reaches the whole process group:
    the server shuts the pool down, the worker must not die with a traceback first."""
    global _extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()
    from conflict_kg.extract import Extractor

    _extractor = Extractor(**options)


def _exit_with(server: int) -> None:
    """End the worker when the server is gone. A server killed outright (SIGKILL, the
    OOM killer) shuts nothing down, and a worker blocked on its task queue would live on,
    holding a spaCy pipeline's memory, for as long as the machine runs."""
    while os.getppid() == server:
        time.sleep(1.0)
    os._exit(0)


def _extract(item: ArticleInput) -> Extraction:
    """Run in the worker. Exceptions are re-raised as plain copies: an exception whose
    constructor takes other arguments than its message would fail to unpickle in the server
    and break the pool."""
    try:
        extraction: Extraction = _extractor.extract(item)
    except ArticleError as error:
        raise ArticleError(str(error)) from None
    except Exception as error:
        raise ExtractionFailed(f"{type(error).__name__}: {error}") from None
    return extraction


# In the server ------------------------------------------------------------------------------


@dataclass(eq=False)
class _Job:
    """One extraction and the requests waiting for it."""

    clients: int = 0
    started: bool = False
    task: asyncio.Task[Extraction] = field(init=False)


class WritePool:
    """At most `WORKERS` extractions at a time and `queue` more waiting; the rest refused.

    Used from the event loop only (no locks: the loop is one thread). The worker process
    starts with the first write, so a read-only server never loads spaCy.
    """

    def __init__(self, queue: int, extractor_options: dict[str, Any] | None = None) -> None:
        if queue < 0:
            raise ValueError(f"the write queue holds 0 or more writes, not {queue}")
        self.queue = queue
        self.extractor_options = extractor_options or {}
        self.extractions = 0
        """Extractions run to the end (failed ones included): for tests and /stats."""
        self._jobs: dict[str, _Job] = {}
        self._slots: asyncio.Semaphore | None = None
        self._executor: Executor | None = None
        self._seconds = FIRST_GUESS

    @property
    def waiting(self) -> int:
        """Writes being extracted or waiting for a worker."""
        return len(self._jobs)

    def pending(self, article_id: str) -> bool:
        """Whether a write of this article is queued or extracting for a client that still
        waits (a job whose clients all left will not be stored). Safe from a route thread:
        one dict lookup, and `clients` is an int the loop replaces whole."""
        job = self._jobs.get(article_id)
        return job is not None and job.clients > 0

    def retry_after(self) -> int:
        """Seconds until a worker is likely free for one more write: the queue ahead of it
        at the recent pace, at least 1 and at most 10 minutes."""
        seconds = self._seconds * max(1, self.waiting) / WORKERS
        return min(600, max(1, math.ceil(seconds)))

    async def extract(
        self, article_id: str, item: ArticleInput, client_gone: asyncio.Event
    ) -> Extraction | None:
        """The article's extraction, or None when `client_gone` was set first.

        Raises `WritesBusy` when the queue is full, `ArticleError` for an article the
        extractor refuses (a time budget, say) and `ExtractionFailed` for a fault of ours.
        """
        job = self._jobs.get(article_id)
        if job is None:
            if len(self._jobs) >= WORKERS + self.queue:
                raise WritesBusy(self.retry_after(), len(self._jobs))
            job = self._jobs[article_id] = _Job()
            job.task = asyncio.create_task(self._run(article_id, item, job))
            job.task.add_done_callback(_retrieve)
        job.clients += 1
        gone = asyncio.create_task(client_gone.wait())
        try:
            await asyncio.wait({job.task, gone}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            gone.cancel()
            job.clients -= 1
        if client_gone.is_set():
            if job.clients == 0 and not job.started:
                job.task.cancel()  # still queued: free its place at once
            return None
        return job.task.result()

    async def _run(self, article_id: str, item: ArticleInput, job: _Job) -> Extraction:
        try:
            if self._slots is None:
                self._slots = asyncio.Semaphore(WORKERS)
            async with self._slots:
                job.started = True
                started = time.monotonic()
                try:
                    future = self._pool().submit(_extract, item)
                    return await asyncio.wrap_future(future)
                except BrokenProcessPool as error:
                    self._executor = None  # the next write starts a fresh worker
                    raise ExtractionFailed(f"the extraction worker stopped: {error}") from None
                finally:
                    self.extractions += 1
                    elapsed = time.monotonic() - started
                    self._seconds = 0.7 * self._seconds + 0.3 * elapsed
        finally:
            del self._jobs[article_id]

    def _pool(self) -> Executor:
        if self._executor is None:
            # spawn, not fork: the server has threads (a forked child would inherit their
            # locks), and the worker should not inherit the open store either.
            self._executor = ProcessPoolExecutor(
                max_workers=WORKERS,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.extractor_options,),
            )
        return self._executor

    def close(self) -> None:
        """Stop the worker after the extraction it is running (the server has already waited
        for the requests in flight; an abandoned one may still run, within its budget) and
        drop what waits. Waiting also lets the pool release its semaphores cleanly."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _retrieve(task: asyncio.Task[Extraction]) -> None:
    """Consume the outcome of a job whose clients all left, so asyncio does not log
    "exception was never retrieved" for a refusal nobody was waiting for."""
    if not task.cancelled():
        task.exception()
