"""One rebuild of cross-article resolution for many concurrent writers.

The service resolves after every write so that a client reads its own article's effect at
once; rebuilding once per writer would make concurrent writes queue behind as many full
rebuilds. Writers that arrive while a rebuild runs share the next one.
"""

from __future__ import annotations

import threading

from conflict_kg.graph.resolve.rebuild import resolve
from conflict_kg.graph.store import Store

__all__ = ["ResolutionQueue"]


class ResolutionQueue:
    """Rebuilds after writes, sharing one rebuild among the writers that wait for it.

    Each writer calls `after_write()` once its article is stored and returns only when a
    rebuild that started after that call has finished, so what it reads next includes its
    article. Writers arriving while a rebuild runs are all served by the next one: eight
    concurrent POSTs cost two rebuilds, not eight.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.runs = 0
        self._condition = threading.Condition()
        self._requested = 0
        self._done = 0
        self._running = False
        self._failure: tuple[int, BaseException] | None = None

    def after_write(self) -> None:
        with self._condition:
            self._requested += 1
            ticket = self._requested
            while self._done < ticket:
                if self._failure is not None and self._failure[0] >= ticket:
                    raise self._failure[1]
                if self._running:
                    self._condition.wait()
                    continue
                self._running, target = True, self._requested
                self._condition.release()
                try:
                    resolve(self.store)
                except BaseException as error:
                    self._condition.acquire()
                    self._running, self._failure = False, (target, error)
                    self._condition.notify_all()
                    raise
                self._condition.acquire()
                self._running, self._done = False, target
                self.runs += 1
                self._condition.notify_all()
