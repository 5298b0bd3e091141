"""What building one network may spend: a deadline, a row cap, and a flag to stop early.

A network is built from whole-store queries and then measured in Python; on a large store
either can outgrow what one anonymous request deserves. The service gives every network it
builds the same budget as a `/sparql` query (`query_timeout` seconds, `max_rows` rows) and
checks it between queries, while reading rows and inside the long loops (betweenness,
Louvain levels), so that work stops soon after the deadline or after the client went away
instead of running on in a thread nobody waits for. The CLI builds networks without one.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from conflict_kg.graph.errors import QueryTimeoutError
from conflict_kg.graph.store.base import QueryOptions

__all__ = [
    "Budget",
    "BudgetExceeded",
    "NetworkCancelled",
    "NetworkTimeout",
    "NetworkTooLarge",
]


class BudgetExceeded(Exception):
    """The network could not be built within its budget; the message says which."""


class NetworkTimeout(BudgetExceeded):
    """The deadline passed."""


class NetworkTooLarge(BudgetExceeded):
    """More rows, nodes or edges than the row cap."""


class NetworkCancelled(BudgetExceeded):
    """Whoever asked for the network no longer wants it (the client went away)."""


@dataclass(slots=True)
class Budget:
    """A deadline (a `time.monotonic()` instant, None: none), a cap on rows read by one
    query and on the nodes plus edges of the network (None: none), and a cancel flag that
    another thread may raise."""

    deadline: float | None = None
    max_rows: int | None = None
    seconds: float | None = None
    """The deadline as a duration, for messages."""
    task: str = "building the network"
    """What the budget pays for, for messages."""
    _cancelled: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def starting_now(cls, seconds: float, max_rows: int) -> Budget:
        return cls(deadline=time.monotonic() + seconds, max_rows=max_rows, seconds=seconds)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise if the work should stop: cancelled, or past the deadline."""
        if self._cancelled.is_set():
            raise NetworkCancelled("the network was no longer wanted")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise NetworkTimeout(self.timeout_message())

    def timeout_message(self) -> str:
        return f"{self.task} took longer than the {self.seconds or 0:g} s time limit"

    def query_options(self) -> QueryOptions:
        """The store reads at most one row past the cap (to tell a cut result) and stops at
        the deadline (on the embedded store, in a worker that is killed then)."""
        return QueryOptions(deadline=self.deadline, max_rows=self.max_rows)

    def translate(self, _: QueryTimeoutError) -> NetworkTimeout:
        return NetworkTimeout(f"{self.timeout_message()}; its store query was stopped")

    def count(self, what: str, size: int, hint: str = "") -> None:
        """Raise `NetworkTooLarge` if `size` items of `what` pass the row cap."""
        if self.max_rows is not None and size > self.max_rows:
            raise NetworkTooLarge(
                f"the network needs more than {self.max_rows} {what} (the row cap)"
                + (f"; {hint}" if hint else "")
            )
