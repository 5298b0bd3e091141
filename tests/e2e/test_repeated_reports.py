"""Issue 13, over the real server: with one report stored by 200 articles, `/paths`,
`/view/data` and every `/export/{format}` answer with correct content while the server's
memory stays bounded; a tiny deadline or a small row cap makes them answer a 503 problem
that names the budget.

The memory bound: the server (Python, rdflib, networkx, FastAPI, pyoxigraph) idles at about
250 MB and each of its two query workers adds about 100 MB; this store's network data is a
few tens of MB. 1 GB for the server and its workers together leaves room for all of that and
for a picture's layout, and is far below what the code before issue 13 reached on this store
(it grew at 150 MB/s without limit: `benchmarks/network_budget.py --code <old checkout>`).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import threading
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import networkx as nx
import pyoxigraph as ox
import pytest
from repeated_store import REPEATED_ACTOR, assert_budget_problem, copy_store, store_reports
from support import serving_process

from conflict_kg.extract import ARTICLE_KEY_LENGTH, Extraction
from conflict_kg.graph.export import FORMATS
from conflict_kg.graph.resolve import resolve
from conflict_kg.graph.store import open_store

REPORTS = 200
RSS_BOUND_MB = 1024
OTHER_ACTOR = "asaib-ahl-al-haq"
PATHS = f"/paths?source={REPEATED_ACTOR}&target={OTHER_ACTOR}&max_length=2"
ROUTES = [PATHS, "/view/data", *(f"/export/{name}" for name in FORMATS)]
OX_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True)
class ReportsStore:
    pristine: Path
    """A copy never opened by a server, to copy again for servers of their own."""
    url: str
    quads: int
    """In every named graph, the resolution's included (what TriG and N-Quads carry)."""
    triples: int
    """Distinct triples of their union (what Turtle, N-Triples and JSON-LD carry)."""


@dataclass(frozen=True)
class Server:
    base: str
    process: subprocess.Popen[bytes]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of `pid` and every process below it (the query workers, started from
    the server's worker threads), from /proc, in MB."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in status.splitlines() if line[:6] == "VmRSS:")
        for task in tasks:
            try:
                todo.extend(int(child) for child in (task / "children").read_text().split())
            except OSError:
                continue
    return total / 1024


def high_water_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line[:6] == "VmHWM:") / 1024


@contextmanager
def peak_rss(pid: int) -> Iterator[list[float]]:
    """Samples the memory of `pid`'s process tree every 20 ms; the peak is in the list."""
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_mb(pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        done.set()
        sampler.join()


@contextmanager
def serving(store: str, workdir: Path, env: Mapping[str, str]) -> Iterator[Server]:
    """`conflict-kg serve` with its process at hand (its memory is what these tests measure)."""
    with serving_process(store, workdir, env) as (base, process):
        yield Server(base, process)


@pytest.fixture(scope="module")
def reports(
    tmp_path_factory: pytest.TempPathFactory, sample: Extraction, sample_text: str
) -> ReportsStore:
    path = tmp_path_factory.mktemp("reports") / "store"
    with open_store(f"oxigraph:{path}") as store:
        store_reports(store, sample, sample_text, REPORTS)
        resolve(store)
        stats = store.stats()
        [row] = store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
            "WHERE { GRAPH ?g { ?s ?p ?o } FILTER (?g NOT IN ("
            "<https://w3id.org/conflict-kg/id/graph/ingest>, "
            "<https://w3id.org/conflict-kg/id/graph/entity-facts>)) } }"
        )  # the bookkeeping graphs (ingest stamps, the entity-fact table) are not exported
        triples = int(str(row[0]))  # type: ignore[index]
    pristine = path.parent / "pristine"
    shutil.copytree(path, pristine)
    return ReportsStore(
        pristine, f"oxigraph:{path}", stats.triples + stats.derived_triples, triples
    )


@pytest.fixture
def own_copy(reports: ReportsStore, tmp_path: Path) -> str:
    """A copy of the store for a second server."""
    return copy_store(reports.pristine, tmp_path)


@pytest.fixture(scope="module")
def server(reports: ReportsStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with the default row cap and a deadline long enough for a shared test
    machine, so that every route must answer in full (the 503s are tested below)."""
    workdir = tmp_path_factory.mktemp("budget-server")
    with serving(reports.url, workdir, {"CONFLICT_KG_QUERY_TIMEOUT": "120"}) as running:
        yield running


def nodelink(server: Server, **params: str) -> nx.MultiDiGraph:
    response = httpx.get(f"{server.base}/export/nodelink", params=params, timeout=180)
    assert response.status_code == 200, response.text
    return nx.node_link_graph(response.json(), edges="edges")


@pytest.fixture(scope="module")
def reference(server: Server) -> nx.MultiDiGraph:
    """The full network as node-link JSON: what the other formats are compared with."""
    return nodelink(server)


@pytest.fixture(scope="module")
def with_denied(server: Server) -> nx.MultiDiGraph:
    """The network /view/data draws: denied claims included."""
    return nodelink(server, min_certainty="denied")


def check_content(
    route: str,
    response: httpx.Response,
    reference: nx.MultiDiGraph,
    with_denied: nx.MultiDiGraph,
    reports: ReportsStore,
) -> None:
    body = response.content
    size = (len(reference), reference.number_of_edges())
    fmt = route.removeprefix("/export/")
    if route == PATHS:
        found = response.json()
        assert found["source"]["name"] == "Kataib Hezbollah"
        assert found["paths"], found
        for path in found["paths"]:
            assert path["length"] == 2
            assert path["nodes"][0] == f"entity/{REPEATED_ACTOR}"
            assert path["nodes"][-1] == f"entity/{OTHER_ACTOR}"
        strike = [p for p in found["paths"] if p["hops"][0]["predicate"] == "perpetrator"]
        assert strike, found["paths"]
        articles = {e["article"] for e in strike[0]["hops"][0]["evidence"]}
        assert len(articles) == REPORTS
    elif route == "/view/data":
        elements = response.json()["elements"]
        assert (len(elements["nodes"]), len(elements["edges"])) == (
            len(with_denied),
            with_denied.number_of_edges(),
        )
    elif fmt == "graphml":
        graph = nx.read_graphml(io.BytesIO(body), force_multigraph=True)
        assert (len(graph), graph.number_of_edges()) == size
    elif fmt == "gexf":
        graph = nx.read_gexf(io.BytesIO(body))
        assert (len(graph), graph.number_of_edges()) == size
    elif fmt == "cytoscape":
        graph = nx.cytoscape_graph(json.loads(body))
        assert (len(graph), graph.number_of_edges()) == size
    elif fmt == "nodelink":
        assert f"entity/{REPEATED_ACTOR}" in reference
        # one node per named actor, not one per article naming it; an actor each report only
        # describes ("some of his bodyguards") is one node for the one resolved incident
        # (docs/resolution.md)
        named = [n for n, d in reference.nodes(data=True) if d["kind"] == "actor"]
        scoped = [n for n in named if re.search(rf"-[0-9a-f]{{{ARTICLE_KEY_LENGTH}}}$", n)]
        assert len(scoped) == 1
        assert 0 < len(named) - len(scoped) < 50
    elif fmt == "dot":
        assert body.count(b" -> ") == size[1]
    elif fmt == "geojson":
        incidents = [n for n, d in reference.nodes(data=True) if d["kind"] == "incident"]
        assert len(json.loads(body)["features"]) == len(incidents)
    elif fmt == "csv":
        archive = zipfile.ZipFile(io.BytesIO(body))
        edges = archive.read("edges.csv").decode("utf-8").strip().splitlines()
        assert len(edges) == 1 + size[1]
    elif fmt in ("acled", "plover"):
        incidents = [n for n, d in reference.nodes(data=True) if d["kind"] == "incident"]
        text = body.decode("utf-8")
        if fmt == "acled":
            records = list(csv.DictReader(io.StringIO(text)))
        else:
            records = [json.loads(line) for line in text.splitlines()]
        assert len(records) == len(incidents)  # one per incident, not one per report
    elif fmt == "svg":
        assert ET.fromstring(body).tag == "{http://www.w3.org/2000/svg}svg"
    elif fmt == "png":
        assert body[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        parsed = sum(1 for _ in ox.parse(body, format=OX_FORMATS[fmt]))
        assert parsed == (reports.quads if fmt in ("trig", "nquads") else reports.triples)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("route", ROUTES)
def test_network_routes_answer_in_full_with_bounded_memory(
    server: Server,
    reference: nx.MultiDiGraph,
    with_denied: nx.MultiDiGraph,
    reports: ReportsStore,
    route: str,
) -> None:
    with peak_rss(server.process.pid) as peak:
        response = httpx.get(server.base + route, timeout=180)
    assert response.status_code == 200, response.text[:2000]
    check_content(route, response, reference, with_denied, reports)
    assert peak[0] < RSS_BOUND_MB, f"{route}: server and workers peaked at {peak[0]:.0f} MB"
    assert high_water_mb(server.process.pid) < RSS_BOUND_MB


def test_a_tiny_deadline_is_a_503_problem_naming_it(own_copy: str, tmp_path: Path) -> None:
    with serving(own_copy, tmp_path, {"CONFLICT_KG_QUERY_TIMEOUT": "0.001"}) as tiny:
        for route in (PATHS, "/view/data", "/export/gexf"):
            response = httpx.get(tiny.base + route, timeout=60)
            assert_budget_problem(
                response,
                "Network timed out",
                "building the network took longer than the 0.001 s time limit",
                "CONFLICT_KG_QUERY_TIMEOUT",
            )
        assert_budget_problem(
            httpx.get(f"{tiny.base}/export/trig", timeout=60),
            "Export timed out",
            "writing the store as trig took longer than the 0.001 s time limit",
        )
        assert httpx.get(f"{tiny.base}/health", timeout=10).status_code == 200


def test_a_small_row_cap_is_a_503_problem_naming_it(own_copy: str, tmp_path: Path) -> None:
    """1000 rows: fewer than this store's 4400 claims (22 per report)."""
    with serving(own_copy, tmp_path, {"CONFLICT_KG_MAX_ROWS": "1000"}) as capped:
        for route in (PATHS, "/view/data", "/export/nodelink"):
            response = httpx.get(capped.base + route, timeout=60)
            assert_budget_problem(
                response,
                "Network too large",
                "more than 1000 rows",
                "max_rows = 1000",
                "CONFLICT_KG_MAX_ROWS",
            )
        # An RDF dump reads each quad once and is not a network: only the deadline holds it.
        assert httpx.get(f"{capped.base}/export/nquads", timeout=60).status_code == 200
