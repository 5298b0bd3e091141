"""What one lookup may spend: the deadline and row cap of the request that asked for it.

The service answers every lookup route within the same budget as a `/sparql` query and a
network (`query_timeout` seconds, `max_rows` rows, see docs/safety.md). The route sets the
budget around its call (`within`), and every named query the lookups run (`rows.select`)
then reads it: the deadline is checked before each query, the store reads at most one row
past the cap, and a query that returns more than the cap stops the lookup with
`LookupTooLarge`. The whole-store indexes the lookups keep per write generation (`kept`)
are built once, outside any request's budget (see there): they are what keeps each request
small, and a page never holds more than its `limit`. Without a budget (the CLI, the
library) nothing is limited.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable, Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

from conflict_kg.graph.errors import QueryTimeoutError
from conflict_kg.graph.store import Store
from conflict_kg.graph.store.base import NO_OPTIONS, QueryOptions

if TYPE_CHECKING:
    # Only for annotations: graph.network imports the lookups, so importing it here would
    # be a cycle. The budget is made by whoever calls `within` (the service).
    from conflict_kg.graph.network.budget import Budget

__all__ = [
    "LOOKUP_TASK",
    "LookupTooLarge",
    "check_rows",
    "kept",
    "latest",
    "offer",
    "query_options",
    "timed_out",
    "within",
]

T = TypeVar("T")

LOOKUP_TASK = "answering the lookup"
"""What a lookup's budget pays for, in its messages."""


class LookupTooLarge(Exception):
    """A query of the lookup returned more rows than the row cap; the message says which."""


_CURRENT: ContextVar[Budget | None] = ContextVar("lookup_budget", default=None)


@contextmanager
def within(budget: Budget | None) -> Iterator[None]:
    """Run the lookups called inside under `budget` (None: unlimited)."""
    token = _CURRENT.set(budget)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def query_options() -> QueryOptions:
    """The store options of the next query of a lookup: stop now if the budget ran out or
    the client went away, else the row cap. The queries of a request are small and bound
    to ids, so they run in this process (a deadline would send each one to the embedded
    store's killable worker, through a pipe); the deadline is checked before each."""
    budget = _CURRENT.get()
    if budget is None:
        return NO_OPTIONS
    budget.check()
    return QueryOptions(max_rows=budget.max_rows)


def timed_out(error: QueryTimeoutError) -> Exception:
    """The store stopped a query at its deadline: the budget's timeout, or the error itself
    when no budget was set."""
    budget = _CURRENT.get()
    return error if budget is None else budget.translate(error)


def check_rows(rows: Sized, query: str) -> None:
    """Raise `LookupTooLarge` when a query returned more rows than the cap."""
    budget = _CURRENT.get()
    if budget is None:
        return
    if budget.max_rows is not None and len(rows) > budget.max_rows:
        raise LookupTooLarge(
            f"the lookup reads more than {budget.max_rows} rows of {query!r} (the row cap); "
            "the store holds more about it than one request may read: ask the operator to "
            "raise the row cap"
        )


_BUILDING: dict[Hashable, threading.Lock] = {}
_LATEST: weakref.WeakKeyDictionary[Store, dict[Hashable, tuple[int, Any]]] = (
    weakref.WeakKeyDictionary()
)
"""Each store's latest tables and the write generation each one is the store at: what a
write updates in place (`graph.lookups.refresh`) instead of reading the store again."""


def latest(store: Store, key: Hashable) -> tuple[int, Any] | None:
    """The last table kept under `key` and the generation it is the store at, if any."""
    return _LATEST.get(store, {}).get(key)


def offer(store: Store, key: Hashable, value: Any) -> None:
    """Keep `value` as the table under `key` for the store's current generation (the
    caller holds the store's write lock, so that generation is the one `value` is of)."""
    generation = store.generation
    if generation is None:
        return
    kept_value = store.memo(key, lambda: value)
    _LATEST.setdefault(store, {})[key] = (generation, kept_value)
_BUILDING_LOCK = threading.Lock()


def kept(store: Store, key: Hashable, compute: Callable[[], T]) -> T:
    """`store.memo(key, compute)`: a whole-store index, kept until the store's next write.

    It is built outside any budget, in this process, and once: requests that need it while
    it is built wait for it rather than build it again. Stopping a build at one request's
    deadline would throw the work away, so on a large store every request after a write
    would start it again and none would ever finish; built once, it serves every request
    until the next write. The request that waited still answers within its own budget: the
    budget is checked as soon as the index is there."""
    with _BUILDING_LOCK:
        lock = _BUILDING.setdefault(key, threading.Lock())
    token = _CURRENT.set(None)
    try:
        with lock:
            generation = store.generation
            value = store.memo(key, compute)
            if generation is not None and store.generation == generation:
                # no write while it was read: the table is the store at `generation`
                _LATEST.setdefault(store, {})[key] = (generation, value)
    finally:
        _CURRENT.reset(token)
    budget = _CURRENT.get()
    if budget is not None:
        budget.check()
    return value
