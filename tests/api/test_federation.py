"""Issue 13, item 2: no federation unless asked. A real server (embedded Oxigraph and the
in-memory store) is asked, by every construct that could make it fetch a URL, to contact a
real listener on 127.0.0.1; the listener must see no connection and the client a 400 problem
naming the construct. With the listener's origin allowed, SERVICE and LOAD do reach it."""

from __future__ import annotations

import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from listener import ANSWER, SECRET, Listener, listening
from support import free_port, run_cli, running_server

PROBLEM_JSON = "application/problem+json"
HELD = "https://example.org/held-graph"
"""An http graph the store holds: naming it in FROM or default-graph-uri is fine."""
SELECT_ALL = "SELECT ?s WHERE { ?s ?p ?o }"


@dataclass(frozen=True)
class Server:
    base: str
    token: str
    kind: str

    def get(self, query: str, **params: str | list[str]) -> httpx.Response:
        return httpx.get(f"{self.base}/sparql", params={"query": query, **params}, timeout=30)

    def update(self, text: str) -> httpx.Response:
        return httpx.post(
            f"{self.base}/update",
            content=text,
            headers={
                "Content-Type": "application/sparql-update",
                "Authorization": f"Bearer {self.token}",
            },
            timeout=30,
        )


@contextmanager
def serving(store: str, workdir: Path, origins: str = "") -> Iterator[Server]:
    """`conflict-kg serve` with a token, federation as `origins` says, and one http graph."""
    token = secrets.token_urlsafe(16)
    env = {"CONFLICT_KG_TOKEN": token, "CONFLICT_KG_FEDERATION_ORIGINS": origins}
    with running_server(store, workdir, env) as base:
        server = Server(base, token, store.partition(":")[0])
        held = server.update(f"INSERT DATA {{ GRAPH <{HELD}> {{ <urn:a> <urn:b> <urn:c> }} }}")
        assert held.status_code == 204, held.text
        yield server


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with listening() as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh_listener(listener: Listener) -> None:
    listener.clear()


@contextmanager
def oxigraph_serve(workdir: Path) -> Iterator[str]:
    """A real `oxigraph serve` (which runs SERVICE and LOAD itself) for the `sparql:` store."""
    binary = Path(sys.executable).parent / "oxigraph"
    assert binary.exists(), "the oxigraph server binary is missing (pip install -e '.[dev]')"
    base = f"http://127.0.0.1:{free_port()}"
    command = [str(binary), "serve", "--location", str(workdir / "remote"), "--bind",
               base.removeprefix("http://"), "--union-default-graph"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while httpx_status(f"{base}/query?query=ASK%7B%7D") != 200:
            assert process.poll() is None and time.monotonic() < deadline, "oxigraph serve"
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def httpx_status(url: str) -> int | None:
    try:
        return httpx.get(url, timeout=1).status_code
    except httpx.TransportError:
        return None


@pytest.fixture(scope="module", params=["oxigraph", "memory", "sparql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The server with federation off (the default), over each backend; the remote one is a
    real `oxigraph serve`, which would itself connect wherever a forwarded SERVICE says."""
    workdir = tmp_path_factory.mktemp(request.param)
    if request.param == "sparql":
        with (
            oxigraph_serve(workdir) as base,
            serving(f"sparql:{base}/query|{base}/update", workdir) as running,
        ):
            yield running
        return
    store = f"oxigraph:{workdir / 'store'}" if request.param == "oxigraph" else "memory:"
    with serving(store, workdir) as running:
        yield running


def refused(response: httpx.Response, construct: str) -> dict[str, object]:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    problem = response.json()
    assert problem["title"] == f"{construct} refused"
    assert str(problem["detail"]).startswith(f"{construct} ")
    return problem


def values(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [row["s"]["value"] for row in response.json()["results"]["bindings"]]


# (query, construct, what the detail names); L stands for the listener's origin.
REFUSED = [
    pytest.param("SELECT * WHERE { SERVICE <L/internal> { ?s ?p ?o } }", "SERVICE", "<L/internal>",
                 id="service"),
    pytest.param("SELECT * WHERE { SERVICE SILENT <L/x> { ?s ?p ?o } }", "SERVICE", "<L/x>",
                 id="service-silent"),
    pytest.param("SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE <L/opt> { ?s ?p ?o } } }",
                 "SERVICE", "<L/opt>", id="in-optional"),
    pytest.param("SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <L/union> { ?s ?p ?o } } }",
                 "SERVICE", "<L/union>", id="in-union"),
    pytest.param("SELECT * WHERE { { SELECT ?s WHERE { SERVICE <L/sub> { ?s ?p ?o } } } }",
                 "SERVICE", "<L/sub>", id="in-subquery"),
    pytest.param("ASK { ?s ?p ?o FILTER NOT EXISTS { SERVICE <L/exists> { ?s ?p ?o } } }",
                 "SERVICE", "<L/exists>", id="in-filter-exists"),
    pytest.param("SELECT * WHERE { BIND(<L/> AS ?e) SERVICE ?e { ?s ?p ?o } }", "SERVICE", "?e",
                 id="variable-endpoint"),
    pytest.param("PREFIX in: <L/> SELECT * WHERE { SERVICE in:admin { ?s ?p ?o } }", "SERVICE",
                 "<L/admin>", id="prefixed-name"),
    pytest.param("BASE <L/> SELECT * WHERE { SERVICE <rel> { ?s ?p ?o } }", "SERVICE",
                 "<L/rel>", id="relative-to-base"),
    # rdflib ends a comment only at LF; Oxigraph also at CR, and ran this SERVICE.
    pytest.param("SELECT * WHERE { # note\rSERVICE <L/cr> { ?s ?p ?o }\n}", "SERVICE", "<L/cr>",
                 id="after-a-comment-ended-by-cr"),
    # Oxigraph reads \u0022 as a quote inside the string; rdflib as the end of the string, so
    # a check on rdflib's reading saw the SERVICE inside a string and Oxigraph ran it.
    pytest.param(
        'SELECT * WHERE {\nVALUES ?v { "x\\u0022 \\u0022\\u0022\\u0022" }\n'
        "SERVICE <L/escape> { ?s ?p ?o }\n"
        'VALUES ?w { "\\u0022\\u0022\\u0022y" }\n}',
        "Unicode escape", "\\u0022", id="hidden-by-an-escape",
    ),
    pytest.param("SELECT * FROM <L/graph> WHERE { ?s ?p ?o }", "FROM", "<L/graph>", id="from"),
    pytest.param("SELECT * FROM NAMED <L/named> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM NAMED",
                 "<L/named>", id="from-named"),
    pytest.param("CONSTRUCT { ?s ?p ?o } FROM <L/c> WHERE { ?s ?p ?o }", "FROM", "<L/c>",
                 id="construct-from"),
    pytest.param("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM",
                 "<file:///etc/passwd>", id="from-a-file"),
]  # fmt: skip


@pytest.mark.parametrize(("query", "construct", "target"), REFUSED)
def test_a_query_that_would_fetch_is_refused_before_any_connection(
    server: Server, listener: Listener, query: str, construct: str, target: str
) -> None:
    problem = refused(server.get(query.replace("L/", f"{listener.origin}/")), construct)
    assert target.replace("L/", f"{listener.origin}/") in str(problem["detail"])
    assert listener.connections == []


def test_service_in_a_posted_query_body_is_refused(server: Server, listener: Listener) -> None:
    response = httpx.post(
        f"{server.base}/sparql",
        content=f"SELECT * WHERE {{ SERVICE <{listener.origin}/body> {{ ?s ?p ?o }} }}",
        headers={"Content-Type": "application/sparql-query"},
        timeout=30,
    )
    problem = refused(response, "SERVICE")
    assert "federation is off" in str(problem["detail"])
    assert listener.connections == []


def test_dataset_parameters_naming_a_remote_graph_are_refused(
    server: Server, listener: Listener
) -> None:
    by_get = server.get(SELECT_ALL, **{"default-graph-uri": f"{listener.origin}/dg"})
    problem = refused(by_get, "default-graph-uri")
    assert f"<{listener.origin}/dg>" in str(problem["detail"])
    by_form = httpx.post(
        f"{server.base}/sparql",
        data={"query": SELECT_ALL, "named-graph-uri": f"{listener.origin}/ng"},
        timeout=30,
    )
    refused(by_form, "named-graph-uri")
    assert listener.connections == []


def test_the_store_s_own_graphs_may_be_named(server: Server, listener: Listener) -> None:
    assert values(server.get(f"SELECT ?s FROM <{HELD}> WHERE {{ ?s ?p ?o }}")) == ["urn:a"]
    assert values(server.get(SELECT_ALL, **{"default-graph-uri": HELD})) == ["urn:a"]
    assert values(server.get(SELECT_ALL, **{"default-graph-uri": "urn:no-such-graph"})) == []
    assert listener.connections == []


def test_service_in_a_string_or_a_comment_is_only_text(server: Server, listener: Listener) -> None:
    text = f"SERVICE <{listener.origin}/> {{ ?s ?p ?o }}"
    query = f'SELECT ?s WHERE {{ BIND("{text}" AS ?s) }} # {text}\n# FROM <{listener.origin}/>'
    assert values(server.get(query)) == [text]
    escaped = 'SELECT ?s WHERE { BIND("caf\\u00e9 \\u0053ERVICE" AS ?s) }'
    assert values(server.get(escaped)) == ["café SERVICE"]
    assert listener.connections == []


def test_syntax_rdflib_cannot_read_runs_only_when_it_cannot_fetch(
    server: Server, listener: Listener
) -> None:
    """Oxigraph reads SPARQL 1.2 and LATERAL, rdflib does not: such a query still runs on
    Oxigraph when it holds no SERVICE or FROM, and is refused unread when it does."""
    lateral = "SELECT ?s WHERE { ?s ?p ?o LATERAL { SELECT ?x WHERE { ?s ?p ?x } LIMIT 1 } }"
    response = server.get(lateral)
    if server.kind == "oxigraph":
        assert values(response) == ["urn:a"]
    else:  # the in-memory store is rdflib; a remote store gets only what rdflib reads
        assert response.status_code == 400
    hidden = (
        "SELECT * WHERE { ?s ?p ?o . "
        f"LATERAL {{ SERVICE <{listener.origin}/lateral> {{ ?s ?p ?x }} }} }}"
    )
    problem = server.get(hidden)
    assert problem.status_code == 400
    assert problem.json()["title"] == "Malformed SPARQL"
    if server.kind != "sparql":
        assert "mentions SERVICE or FROM" in problem.json()["detail"]
    assert listener.connections == []


@pytest.mark.parametrize(
    ("update", "construct"),
    [
        pytest.param("LOAD <L/data.nt> INTO GRAPH <urn:loaded>", "LOAD", id="load"),
        pytest.param("LOAD SILENT <L/data.nt>", "LOAD", id="load-silent"),
        pytest.param(
            "INSERT { GRAPH <urn:loaded> { ?s ?p ?o } } WHERE { SERVICE <L/> { ?s ?p ?o } }",
            "SERVICE",
            id="service-in-where",
        ),
        pytest.param(
            "INSERT { GRAPH <urn:loaded> { ?s ?p ?o } } USING <L/g> WHERE { ?s ?p ?o }",
            "USING",
            id="using",
        ),
    ],
)
def test_an_update_that_would_fetch_is_refused_even_with_the_token(
    server: Server, listener: Listener, update: str, construct: str
) -> None:
    problem = refused(server.update(update.replace("L/", f"{listener.origin}/")), construct)
    assert listener.origin in str(problem["detail"])
    assert listener.connections == []
    assert server.get("ASK { GRAPH <urn:loaded> { ?s ?p ?o } }").json()["boolean"] is False


# With federation on ---------------------------------------------------------------------


@dataclass(frozen=True)
class Federation:
    server: Server
    allowed: Listener
    failing: Listener
    closed: str
    """An allowed origin where nothing listens."""
    other: Listener
    """Listens, but its origin is not allowed."""


@pytest.fixture(scope="module")
def federation(
    listener: Listener, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Federation]:
    workdir = tmp_path_factory.mktemp("federated")
    closed = f"http://127.0.0.1:{free_port()}"
    with listening(status=500) as failing, listening() as other:
        origins = f"{listener.origin}, {failing.origin},{closed}/"
        with serving(f"oxigraph:{workdir / 'store'}", workdir, origins) as server:
            yield Federation(server, listener, failing, closed, other)


def test_an_allowed_origin_is_queried(federation: Federation) -> None:
    query = f"SELECT ?s WHERE {{ SERVICE <{federation.allowed.origin}/sparql> {{ ?s ?p ?o }} }}"
    assert values(federation.server.get(query)) == [ANSWER]
    assert len(federation.allowed.connections) >= 1
    assert federation.allowed.requests[0] == "POST /sparql"


def test_other_origins_stay_refused_with_federation_on(federation: Federation) -> None:
    federation.other.clear()
    query = f"SELECT * WHERE {{ SERVICE <{federation.other.origin}/sparql> {{ ?s ?p ?o }} }}"
    problem = refused(federation.server.get(query), "SERVICE")
    assert "not among the endpoints the operator allows" in str(problem["detail"])
    variable = "SELECT * WHERE { VALUES ?e { <%s/> } SERVICE ?e { ?s ?p ?o } }"
    refused(federation.server.get(variable % federation.allowed.origin), "SERVICE")
    assert federation.other.connections == []
    assert federation.allowed.connections == []


def test_upstream_failures_all_look_the_same(federation: Federation) -> None:
    """An HTTP 500 with a body and a closed port give one identical answer: no port scan."""
    federation.failing.clear()
    answers = []
    for origin in (federation.failing.origin, federation.closed):
        query = f"SELECT * WHERE {{ SERVICE <{origin}/sparql> {{ ?s ?p ?o }} }}"
        response = federation.server.get(query)
        assert response.status_code == 502, response.text
        assert response.headers["content-type"] == PROBLEM_JSON
        assert SECRET not in response.text and "500" not in response.json()["detail"]
        answers.append(response.json())
    assert answers[0] == answers[1]
    assert answers[0]["title"] == "Federated query failed"
    assert federation.failing.requests == ["POST /sparql"]


def test_load_from_an_allowed_origin_reaches_it(federation: Federation) -> None:
    source = f"{federation.allowed.origin}/data.nt"
    response = federation.server.update(f"LOAD <{source}> INTO GRAPH <urn:loaded>")
    assert response.status_code == 204, response.text
    assert federation.allowed.requests == ["GET /data.nt"]
    ask = "ASK { GRAPH <urn:loaded> { <urn:loaded> <urn:from> <urn:listener> } }"
    assert federation.server.get(ask).json()["boolean"] is True


def test_a_malformed_origin_list_stops_the_server_at_start(tmp_path: Path) -> None:
    result = run_cli(
        ["serve", "--port", str(free_port())],
        store=f"oxigraph:{tmp_path / 'store'}",
        env={"CONFLICT_KG_FEDERATION_ORIGINS": "https://query.wikidata.org/sparql"},
    )
    message = " ".join(result.stderr.split())  # as one line, however the console wrapped it
    assert result.returncode == 1
    assert message.startswith("error: CONFLICT_KG_FEDERATION_ORIGINS must list origins")
    assert message.endswith("got 'https://query.wikidata.org/sparql'")
