"""Building a network, or answering a lookup, for a request within the budget of a
`/sparql` query.

`/paths`, `/view/data` and `/export/{format}` read the whole store and measure what they
built; one such request on a store where many articles repeat the same facts once grew the
server's memory until the kernel killed it. Here the work runs in a worker thread under a
`graph.network.Budget` (deadline `query_timeout`, row cap `max_rows`), the event loop
watches both the clock and the client, and when either runs out the budget is cancelled so
the thread stops at its next check (a store query on the embedded store runs in a worker
process that is killed at the deadline). Running out of budget is a 503 problem naming the
budget; a client that went away gets nothing more.

The lookup routes (`/entities`, `/incidents`, `/groups`, `/links`, `/articles`) run the same
way through `run_lookup`: their named queries read the budget that `graph.lookups.budget`
holds for the thread (the deadline checked before each query, the row cap on each).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
from anyio import CancelScope
from fastapi import Request

from conflict_kg.graph.lookups.budget import LOOKUP_TASK, LookupTooLarge, within
from conflict_kg.graph.network.budget import Budget, BudgetExceeded, NetworkTimeout, NetworkTooLarge

from .problems import Problem
from .settings import Settings

__all__ = ["run_lookup", "run_within_budget"]

T = TypeVar("T")

POLL_SECONDS = 0.1
"""How often the event loop asks whether the client is still there."""
GRACE_SECONDS = 1.0
"""How long past the deadline the thread may take to notice it before the client is told."""


def _too_large(error: Exception, settings: Settings, subject: str) -> Problem:
    return Problem(
        503,
        f"{subject} too large",
        f"{error} (budget: max_rows = {settings.max_rows}, CONFLICT_KG_MAX_ROWS)",
    )


def _timed_out(detail: str, settings: Settings, subject: str) -> Problem:
    return Problem(
        503,
        f"{subject} timed out",
        f"{detail} (budget: query_timeout = {settings.query_timeout:g} s, "
        "CONFLICT_KG_QUERY_TIMEOUT); narrow it with filters or try again later",
    )


async def run_within_budget(
    request: Request,
    settings: Settings,
    work: Callable[[Budget], T],
    subject: str = "Network",
    task: str | None = None,
) -> T:
    """`work(budget)` in a worker thread, its budget starting now. Raises a 503 `Problem` when
    the budget runs out ("<subject> timed out" or "<subject> too large", the detail naming
    the budget), a 499 one when the client went away, and any other error of `work` as it
    is. `task` names the work in the timeout message ("building the network" by default)."""
    budget = Budget.starting_now(settings.query_timeout, settings.max_rows)
    if task is not None:
        budget.task = task
    done: list[T] = []
    failed: list[Exception] = []
    gone: list[bool] = []

    async def compute(scope: CancelScope) -> None:
        try:
            done.append(await anyio.to_thread.run_sync(work, budget, abandon_on_cancel=True))
        except Exception as error:  # raised again below, outside the task group
            failed.append(error)
        scope.cancel()

    async def watch(scope: CancelScope) -> None:
        while not await request.is_disconnected():
            await anyio.sleep(POLL_SECONDS)
        gone.append(True)
        scope.cancel()

    with anyio.move_on_after(settings.query_timeout + GRACE_SECONDS):
        async with anyio.create_task_group() as group:
            group.start_soon(compute, group.cancel_scope)
            group.start_soon(watch, group.cancel_scope)
    # Whatever ended the wait, a thread still running must stop at its next check.
    budget.cancel()
    if done:
        return done[0]
    error = failed[0] if failed else None
    if isinstance(error, NetworkTooLarge | LookupTooLarge):
        raise _too_large(error, settings, subject)
    if isinstance(error, NetworkTimeout):
        raise _timed_out(str(error), settings, subject)
    if error is not None and not isinstance(error, BudgetExceeded):
        raise error
    if gone:
        # Nobody reads this answer (nginx's "client closed request"); it ends the handling
        # and tells the access log what happened.
        raise Problem(499, "Client closed request", "the client went away; the work stopped")
    raise _timed_out(budget.timeout_message(), settings, subject)


async def run_lookup(request: Request, settings: Settings, lookup: Callable[[], T]) -> T:
    """`lookup()` (a call of `graph.lookups`) within the request's budget, as
    `run_within_budget` runs a network: "Lookup timed out" or "Lookup too large" (503) when
    it runs out."""

    def work(budget: Budget) -> T:
        with within(budget):
            return lookup()

    return await run_within_budget(request, settings, work, "Lookup", LOOKUP_TASK)
