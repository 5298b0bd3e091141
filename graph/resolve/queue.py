"""One pass of cross-article resolution for many concurrent writers.

The service resolves after every write so that a client reads its own article's effect at
once. Each pass is incremental (`resolve_articles`): it re-resolves only what the articles
written or removed since the last pass can touch, so its cost follows the writes, not the
store. Writers that arrive while a pass runs share the next one, which takes all of their
changes at once: eight concurrent POSTs cost two passes, not eight.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

from rdflib import URIRef

from conflict_kg.graph.lookups.refresh import refresh
from conflict_kg.graph.resolve.incremental import Footprint, resolve_changes
from conflict_kg.graph.store import Store

__all__ = ["ResolutionQueue"]


class ResolutionQueue:
    """Resolves after writes, sharing one pass among the writers that wait for it.

    Each writer calls `after_write(added=..., removed=...)` once its change is in the store
    (for a removal: with the `footprint` read before it) and returns only when a pass that
    started after that call has finished, so what it reads next includes its change.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.runs = 0
        """Passes run: for tests and benchmarks."""
        self._condition = threading.Condition()
        self._requested = 0
        self._done = 0
        self._running = False
        self._failure: tuple[int, BaseException] | None = None
        self._added: list[URIRef] = []
        self._removed = Footprint()
        self._steps: set[int] = set()
        self.refreshed = 0
        """Passes that moved the lookup tables instead of leaving them to be read again."""

    def _pass(self, added: list[URIRef], removed: Footprint, steps: set[int]) -> None:
        """Resolve the changes, then move the lookup tables by what the pass touched, all
        under the store's write lock, so that no write comes between."""
        with self.store.exclusive():
            before = self.store.generation
            _, touched = resolve_changes(self.store, added, removed)
            after = self.store.generation
            if before is not None and after is not None:
                steps = steps | set(range(before + 1, after + 1))
            if refresh(self.store, touched, steps):
                self.refreshed += 1

    def after_write(
        self,
        added: Sequence[URIRef] = (),
        removed: Footprint | None = None,
        generations: Iterable[int] = (),
    ) -> None:
        """Wait for a pass that resolves this change. `generations` are the store's write
        generations the change's writes made (read under the write lock right after each):
        with them the pass can tell its change's writes from any other, and move the lookup
        tables instead of leaving them to be read again."""
        with self._condition:
            self._requested += 1
            ticket = self._requested
            self._added.extend(added)
            self._steps.update(generations)
            if removed is not None:
                self._removed |= removed
            while self._done < ticket:
                if self._failure is not None and self._failure[0] >= ticket:
                    raise self._failure[1]
                if self._running:
                    self._condition.wait()
                    continue
                self._running, target = True, self._requested
                changes = (list(dict.fromkeys(self._added)), self._removed, set(self._steps))
                self._added, self._removed = [], Footprint()
                self._steps.clear()
                self._condition.release()
                try:
                    self._pass(*changes)
                except BaseException as error:
                    self._condition.acquire()
                    # The changes go back for the next pass: a failed pass resolved nothing.
                    self._added[:0] = changes[0]
                    self._removed |= changes[1]
                    self._steps |= changes[2]
                    self._running, self._failure = False, (target, error)
                    self._condition.notify_all()
                    raise
                self._condition.acquire()
                self._running, self._done = False, target
                self.runs += 1
                self._condition.notify_all()
