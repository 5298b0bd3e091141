"""What one lookup may spend: the deadline and row cap of the request that asked for it.

The service answers every lookup route within the same budget as a `/sparql` query and a
network (`query_timeout` seconds, `max_rows` rows, see docs/safety.md). The route sets the
budget around its call (`within`), and every named query the lookups run (`rows.select`)
then reads it: the deadline is checked before each query, the store reads at most one row
past the cap, and a query that returns more than the cap stops the lookup with
`LookupTooLarge`. The whole-store indexes the lookups keep per write generation (`kept`)
are read under the deadline (in a worker the embedded store kills at the deadline) but not
the row cap: they are what keeps each request small, and a page never holds more than its
`limit`. Without a budget (the CLI,
the library) nothing is limited.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, TypeVar

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
_WHOLE_STORE: ContextVar[bool] = ContextVar("lookup_whole_store", default=False)


@contextmanager
def within(budget: Budget | None) -> Iterator[None]:
    """Run the lookups called inside under `budget` (None: unlimited)."""
    token = _CURRENT.set(budget)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def query_options() -> QueryOptions:
    """The store options of the next query. Stop now if the budget ran out or the client
    went away; else a request's own (small, bound) query runs in this process with the row
    cap, the deadline checked between queries, and a whole-store read (`kept`) runs with the
    deadline, in a worker the embedded store kills when it passes."""
    budget = _CURRENT.get()
    if budget is None:
        return NO_OPTIONS
    budget.check()
    if _WHOLE_STORE.get():
        return QueryOptions(deadline=budget.deadline)
    return QueryOptions(max_rows=budget.max_rows)


def timed_out(error: QueryTimeoutError) -> Exception:
    """The store stopped a query at its deadline: the budget's timeout, or the error itself
    when no budget was set."""
    budget = _CURRENT.get()
    return error if budget is None else budget.translate(error)


def check_rows(rows: Sized, query: str) -> None:
    """Raise `LookupTooLarge` when a query returned more rows than the cap."""
    budget = _CURRENT.get()
    if budget is None or _WHOLE_STORE.get():
        return
    if budget.max_rows is not None and len(rows) > budget.max_rows:
        raise LookupTooLarge(
            f"the lookup reads more than {budget.max_rows} rows of {query!r} (the row cap); "
            "narrow it with filters"
        )


def kept(store: Store, key: Hashable, compute: Callable[[], T]) -> T:
    """`store.memo(key, compute)`, `compute` read as a whole-store index: under the deadline
    but not the row cap, kept until the store's next write."""

    def whole() -> T:
        token = _WHOLE_STORE.set(True)
        try:
            return compute()
        finally:
            _WHOLE_STORE.reset(token)

    return store.memo(key, whole)
