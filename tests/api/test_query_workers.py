"""Time-limited queries run in killable workers forked from one fork server that the real
server starts before it opens: the first visitor's query does not pay for starting it, and
the query after a timeout gets a fresh worker forked from the same server (a spawned one
would re-import the whole program first and could miss its own time limit)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from support import serving_process

from conflict_kg.graph.store import open_store

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
TRIPLES = 300


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _command(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def _workers(server: int) -> dict[int, int]:
    """The server's query workers: {worker pid: the fork server it came from}."""
    forkservers = {c for c in _children(server) if "forkserver" in _command(c)}
    return {worker: parent for parent in forkservers for worker in _children(parent)}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[httpx.Client, int]]:
    workdir = tmp_path_factory.mktemp("workers")
    store = f"oxigraph:{workdir / 'store'}"
    graph = Graph()
    for n in range(TRIPLES):
        graph.add((URIRef(f"urn:s{n}"), URIRef("urn:p"), Literal(n)))
    with open_store(store) as writing:
        writing.replace_graph(URIRef("urn:test"), graph)
    env = {"CONFLICT_KG_QUERY_TIMEOUT": "1"}
    with (
        serving_process(store, workdir, env) as (base, process),
        httpx.Client(base_url=base, timeout=30) as http,
    ):
        yield http, process.pid


def test_a_worker_is_ready_before_the_first_query(served: tuple[httpx.Client, int]) -> None:
    http, server = served
    assert len(_workers(server)) == 1
    response = http.get("/sparql", params={"query": COUNT})
    assert response.json()["results"]["bindings"][0]["n"]["value"] == str(TRIPLES)


def test_the_query_after_a_timeout_gets_a_worker_from_the_same_fork_server(
    served: tuple[httpx.Client, int],
) -> None:
    http, server = served
    assert http.get("/sparql", params={"query": COUNT}).status_code == 200
    (before, forkserver), *_ = _workers(server).items()
    assert http.get("/sparql", params={"query": HEAVY}).status_code == 503
    assert not Path(f"/proc/{before}").exists(), "the timed-out worker was killed"
    response = http.get("/sparql", params={"query": COUNT})
    assert response.json()["results"]["bindings"][0]["n"]["value"] == str(TRIPLES)
    after = _workers(server)
    assert list(after.values()) == [forkserver] and before not in after
