"""How a network route waits for its work (`api.network_budget.run_within_budget`): the work
stops when the client goes away or the deadline passes, and running out of budget is a 503
problem naming the budget. The request is a real Starlette `Request` over an ASGI `receive`
that says what a server would: the request, then (once the work runs) a disconnect.
"""

from __future__ import annotations

import threading

import anyio
import pytest
from starlette.requests import Request
from starlette.types import Message

from conflict_kg.api.network_budget import run_within_budget
from conflict_kg.api.problems import Problem
from conflict_kg.api.settings import Settings
from conflict_kg.graph.network.budget import (
    Budget,
    NetworkCancelled,
    NetworkTimeout,
    NetworkTooLarge,
)

SCOPE = {"type": "http", "method": "GET", "path": "/view/data", "headers": [], "query_string": b""}


class Client:
    """The ASGI side of one request: its (empty) body, then a disconnect once `leave()`."""

    def __init__(self) -> None:
        self.gone = threading.Event()
        self.asked = False

    async def receive(self) -> Message:
        if not self.asked:
            self.asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        if self.gone.is_set():
            return {"type": "http.disconnect"}
        await anyio.sleep_forever()
        raise AssertionError("unreachable")

    def request(self) -> Request:
        return Request(SCOPE, self.receive)


class Work:
    """A long job that checks its budget as network building does, and says how it ended."""

    def __init__(self, on_start: threading.Event | None = None) -> None:
        self.started = on_start or threading.Event()
        self.ended: list[BaseException] = []
        self.finished = threading.Event()

    def __call__(self, budget: Budget) -> str:
        self.started.set()
        try:
            while True:
                budget.check()
                threading.Event().wait(0.005)
        except Exception as error:
            self.ended.append(error)
            raise
        finally:
            self.finished.set()


def run(client: Client, settings: Settings, work: object) -> object:
    return anyio.run(run_within_budget, client.request(), settings, work)


def test_the_work_stops_when_the_client_goes_away() -> None:
    client = Client()
    work = Work()

    def leave_once_started() -> None:
        work.started.wait(30)
        client.gone.set()

    threading.Thread(target=leave_once_started, daemon=True).start()
    with pytest.raises(Problem) as caught:
        run(client, Settings(query_timeout=600), work)
    assert (caught.value.status, caught.value.title) == (499, "Client closed request")
    assert work.finished.wait(30), "the work went on after its client left"
    assert isinstance(work.ended[0], NetworkCancelled)


def test_past_the_deadline_the_client_gets_a_503_and_the_work_stops() -> None:
    work = Work()
    with pytest.raises(Problem) as caught:
        run(Client(), Settings(query_timeout=0.2), work)
    assert (caught.value.status, caught.value.title) == (503, "Network timed out")
    assert "query_timeout = 0.2 s" in caught.value.detail
    assert "CONFLICT_KG_QUERY_TIMEOUT" in caught.value.detail
    assert work.finished.wait(30)
    assert isinstance(work.ended[0], NetworkTimeout | NetworkCancelled)


def test_a_network_over_the_cap_is_a_503_naming_the_row_cap() -> None:
    def too_large(budget: Budget) -> str:
        budget.count("nodes and edges", budget.max_rows + 1, "narrow it with filters")  # type: ignore[operator]
        return "unreachable"

    with pytest.raises(Problem) as caught:
        run(Client(), Settings(max_rows=50), too_large)
    assert (caught.value.status, caught.value.title) == (503, "Network too large")
    assert caught.value.detail == (
        "the network needs more than 50 nodes and edges (the row cap); narrow it with "
        "filters (budget: max_rows = 50, CONFLICT_KG_MAX_ROWS)"
    )


def test_other_errors_of_the_work_pass_through_and_results_come_back() -> None:
    def missing(_: Budget) -> str:
        raise Problem(404, "Not found", "no entity 'x' (source) in the store")

    with pytest.raises(Problem) as caught:
        run(Client(), Settings(), missing)
    assert caught.value.status == 404
    assert run(Client(), Settings(), lambda budget: (budget.max_rows, "built")) == (
        10_000,
        "built",
    )


def test_the_budget_is_the_one_of_sparql() -> None:
    seen: list[Budget] = []
    run(Client(), Settings(query_timeout=7.5, max_rows=123), seen.append)
    assert (seen[0].seconds, seen[0].max_rows) == (7.5, 123)
    assert seen[0].cancelled  # once answered, a thread still running would stop
    with pytest.raises(NetworkTooLarge):
        seen[0].count("rows", 124)
