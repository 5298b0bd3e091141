"""Production triple stores, tested end to end: `oxigraph serve` and Virtuoso Open Source.

Each engine gets the same work as the embedded store — the CLI ingests the test articles in
small batches, resolves, and the HTTP service answers every lookup, the export and /sparql
over it — and every answer must equal the embedded store's. The Virtuoso server is the one
`make virtuoso` started (its store URL in CONFLICT_KG_TEST_VIRTUOSO) or one this module starts
(tests/virtuoso_server.py); its tests are marked `virtuoso`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from support import ROOT, run_cli, serving_process
from virtuoso_server import store_url as virtuoso_store_url
from virtuoso_server import virtuoso

from conflict_kg.graph.store import open_store

ARTICLES = [str(ROOT / "tests" / "graph" / "articles"), str(ROOT / "examples")]
_DERIVED_INTEGER = re.compile(
    r'"\^\^<http://www\.w3\.org/2001/XMLSchema#(?:nonNegativeInteger|positiveInteger|'
    r"nonPositiveInteger|negativeInteger|long|int|short|byte|unsigned\w+)>"
)
SERVED = {"CONFLICT_KG_QUERY_TIMEOUT": "120"}
"""The parity test compares answers, not speed: a loaded machine must not turn a depth-2
neighbourhood on Virtuoso into a "Lookup timed out" 503 (the budget has its own tests)."""


@pytest.fixture(scope="module")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    given = os.environ.get("CONFLICT_KG_TEST_VIRTUOSO")
    if given:
        yield given
        return
    with virtuoso(tmp_path_factory.mktemp("virtuoso") / "db") as endpoint:
        yield virtuoso_store_url(endpoint)


@pytest.fixture(
    scope="module",
    params=["oxigraph-serve", pytest.param("virtuoso", marks=pytest.mark.virtuoso)],
)
def remote_url(request: pytest.FixtureRequest) -> str:
    """An emptied remote store: every graph the endpoint shows is dropped first (once per
    engine; `remote` then builds it, and the tests only read it)."""
    if request.param == "virtuoso":
        url = request.getfixturevalue("virtuoso_url")
    else:
        base = request.getfixturevalue("oxigraph_server")
        url = f"sparql:{base}/query|{base}/update"
    with open_store(url) as store:
        # Not SELECT DISTINCT ?g: Virtuoso answers that one from its list of graphs, which
        # holds its own hidden graph too.
        graphs = store.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
        for graph, _ in graphs:
            store.update(f"DROP SILENT GRAPH {graph.n3()}")
        assert not store.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1").bindings
    return url


def _build(url: str) -> tuple[str, str]:
    """Ingest (batches of two), then resolve again; the two commands' last lines."""
    ingested = run_cli(["ingest", "--batch-size", "2", *ARTICLES], store=url)
    assert ingested.returncode == 0, ingested.stderr
    resolved = run_cli(["resolve"], store=url)
    assert resolved.returncode == 0, resolved.stderr
    return ingested.stdout.strip().splitlines()[0], resolved.stdout.strip()


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, tuple[str, str]]:
    url = f"oxigraph:{tmp_path_factory.mktemp('embedded') / 'store'}"
    return url, _build(url)


@pytest.fixture(scope="module")
def remote(remote_url: str) -> tuple[str, tuple[str, str]]:
    """The emptied remote store built by the CLI, once per engine: the ingest and the
    resolve are what the tests compare, and the tests after the build only read."""
    return remote_url, _build(remote_url)


def _nquads(url: str) -> list[str]:
    """Sorted N-Quads; integer subtypes written as xsd:integer, the form Oxigraph stores
    them in (Virtuoso keeps xsd:nonNegativeInteger as written: same value, other name)."""
    result = run_cli(["export", "--format", "nquads"], store=url)
    assert result.returncode == 0, result.stderr
    lines = (
        _DERIVED_INTEGER.sub('"^^<http://www.w3.org/2001/XMLSchema#integer>', line)
        for line in result.stdout.splitlines()
    )
    return sorted(line for line in lines if line)


def test_ingest_and_resolve_give_the_embedded_graph(remote, embedded) -> None:
    remote_url, remote_lines = remote
    embedded_url, embedded_lines = embedded
    assert remote_lines == embedded_lines
    assert embedded_lines[1].startswith("resolved 14 report(s) into 9 incident(s)")
    remote_quads, local_quads = _nquads(remote_url), _nquads(embedded_url)
    assert len(remote_quads) > 1000
    assert remote_quads == local_quads


def _lookups(client: httpx.Client) -> dict[str, object]:
    """Every lookup's answer, the ids taken from the lists themselves."""
    answers: dict[str, object] = {}

    def get(path: str, **params: object) -> object:
        response = client.get(path, params=params)
        assert response.status_code == 200, (path, response.text)
        answers[f"{path} {sorted(params.items())}"] = body = response.json()
        return body

    stats = get("/stats")
    assert isinstance(stats, dict) and stats["articles"] == 9
    # when each store was written differs; that it was written, not
    assert isinstance(stats.pop("last_ingest"), str)
    entities = get("/entities", limit=100)
    get("/entities", q="haddad")
    get("/entities", type="ArmedGroup")
    incidents = get("/incidents", limit=100)
    get("/incidents", date_from="2021-11-01", date_to="2021-11-30")
    articles = get("/articles")
    get("/links/groups-incidents")
    assert isinstance(entities, dict) and isinstance(incidents, dict)
    for entity in entities["items"][:12]:
        get(f"/entities/{entity['id']}")
        get(f"/entities/{entity['id']}/neighbors", depth=2)
    for incident in incidents["items"]:
        get(f"/incidents/{incident['id']}")
    groups = [e for e in entities["items"] if "ArmedGroup" in str(e.get("types", e))]
    assert groups
    for group in groups:
        get(f"/groups/{group['id']}/incidents")
    assert isinstance(articles, dict)
    for article in articles["items"]:
        get(f"/articles/{article['id']}")
    get("/paths", source=groups[0]["id"], target="iraq")
    sparql = client.post(
        "/sparql",
        data={
            "query": "PREFIX ck: <https://w3id.org/conflict-kg/ontology#> "
            "SELECT ?i ?n WHERE { ?i a ck:Incident ; ck:reportCount ?n } ORDER BY ?i"
        },
        headers={"Accept": "application/sparql-results+json"},
    )
    assert sparql.status_code == 200, sparql.text
    answers["/sparql"] = sparql.json()["results"]["bindings"]
    # one row per resolved incident, as many as /incidents lists
    assert len(answers["/sparql"]) == incidents["total"] == 9
    return answers


@pytest.fixture(scope="module")
def embedded_lookups(
    embedded: tuple[str, tuple[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    """Every lookup's answer from the service over the embedded store (served once)."""
    embedded_url, _ = embedded
    with serving_process(embedded_url, tmp_path_factory.mktemp("served"), SERVED) as (base, _):
        with httpx.Client(base_url=base, timeout=60) as client:
            return _lookups(client)


def test_every_lookup_and_sparql_answer_as_on_the_embedded_store(
    remote, embedded_lookups, tmp_path: Path
) -> None:
    remote_url, _ = remote
    expected = embedded_lookups
    with serving_process(remote_url, tmp_path, SERVED) as (base, _):
        with httpx.Client(base_url=base, timeout=60) as client:
            got = _lookups(client)
    assert got.keys() == expected.keys()
    for key in expected:
        assert got[key] == expected[key], key
