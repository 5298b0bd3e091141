"""SPARQL 1.1 Protocol details, limits and the token-protected /update, on a real server
configured through its environment (token, row cap, time limit, body limit)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph
from SPARQLWrapper import JSONLD, N3, RDFXML, TURTLE, SPARQLWrapper
from support import SAMPLE_PATH, run_cli, running_server

TOKEN = "s3cret-for-tests"
ARTICLE = (
    "https://w3id.org/conflict-kg/id/article/"
    "cae519a2248111b3b0aeb4010fc0f292c944b181c38da82165337548a15e6d78"
)
CK = "PREFIX ck: <https://w3id.org/conflict-kg/ontology#> "
COUNT_ARTICLES = CK + "SELECT (COUNT(?a) AS ?n) WHERE { ?a a ck:Article }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def configured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    workdir = tmp_path_factory.mktemp("configured")
    store = f"oxigraph:{workdir / 'store'}"
    assert run_cli(["ingest", SAMPLE_PATH], store=store).returncode == 0
    env = {
        "CONFLICT_KG_TOKEN": TOKEN,
        "CONFLICT_KG_MAX_ROWS": "5",
        "CONFLICT_KG_QUERY_TIMEOUT": "1",
        "CONFLICT_KG_MAX_BODY": "2000",
    }
    with (
        running_server(store, workdir, env) as base,
        httpx.Client(base_url=base, timeout=30) as http,
    ):
        yield http


def _count(client: httpx.Client, query: str = COUNT_ARTICLES, **params: str) -> int:
    response = client.get("/sparql", params={"query": query, **params})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_tsv_results(client: httpx.Client) -> None:
    response = client.get(
        "/sparql",
        params={"query": CK + "SELECT ?a WHERE { ?a a ck:Article }"},
        headers={"Accept": "text/tab-separated-values"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    assert response.text.splitlines() == ["?a", f"<{ARTICLE}>"]


def test_csv_results_parse(client: httpx.Client) -> None:
    response = client.get(
        "/sparql", params={"query": COUNT_ARTICLES}, headers={"Accept": "text/csv"}
    )
    assert list(csv.reader(io.StringIO(response.text))) == [["n"], ["1"]]


def test_accept_with_quality_values(client: httpx.Client) -> None:
    response = client.get(
        "/sparql",
        params={"query": COUNT_ARTICLES},
        headers={"Accept": "text/csv;q=0.5, application/sparql-results+xml"},
    )
    assert response.headers["content-type"].startswith("application/sparql-results+xml")


def test_unacceptable_media_type_is_406(client: httpx.Client) -> None:
    response = client.get(
        "/sparql", params={"query": COUNT_ARTICLES}, headers={"Accept": "image/png"}
    )
    assert response.status_code == 406
    assert "offered" in response.json()["detail"]


def test_default_graph_uri_restricts_the_dataset(client: httpx.Client) -> None:
    assert _count(client) == 1
    assert _count(client, **{"default-graph-uri": ARTICLE}) == 1
    assert _count(client, **{"default-graph-uri": "urn:no-such-graph"}) == 0


def test_named_graph_uri_in_a_form_post(client: httpx.Client) -> None:
    query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    for graphs, expected in (([ARTICLE], 1), (["urn:other"], 0)):
        response = client.post("/sparql", data={"query": query, "named-graph-uri": graphs})
        assert response.status_code == 200
        assert response.json()["results"]["bindings"][0]["n"]["value"] == str(expected)


def test_graph_uri_must_be_an_iri(client: httpx.Client) -> None:
    response = client.get(
        "/sparql", params={"query": COUNT_ARTICLES, "default-graph-uri": "x> } DROP ALL"}
    )
    assert response.status_code == 400
    assert "absolute IRI" in response.json()["detail"]


def test_row_cap_cuts_and_says_so(configured: httpx.Client) -> None:
    response = configured.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o }"})
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == 5
    assert response.headers["x-row-cap"] == "5"


def test_query_past_the_time_limit_gets_503_and_the_server_goes_on(
    configured: httpx.Client,
) -> None:
    response = configured.get("/sparql", params={"query": HEAVY})
    assert response.status_code == 503
    assert response.json()["title"] == "Query timed out"
    assert configured.get("/health").json()["status"] == "ok"
    assert _count(configured) == 1


def test_oversize_body_is_413(configured: httpx.Client) -> None:
    big = COUNT_ARTICLES + " #" + "x" * 3000
    response = configured.post(
        "/sparql", content=big, headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 413
    assert response.json()["title"] == "Payload too large"


def test_update_without_a_configured_token_is_disabled(client: httpx.Client) -> None:
    response = client.post(
        "/update",
        content="INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }",
        headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer x"},
    )
    assert response.status_code == 403
    assert "disabled" in response.json()["detail"]


def test_update_needs_the_right_token(configured: httpx.Client) -> None:
    update = 'INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:b> "note" } }'
    headers = {"Content-Type": "application/sparql-update"}
    assert configured.post("/update", content=update, headers=headers).status_code == 401
    wrong = {**headers, "Authorization": "Bearer nope"}
    assert configured.post("/update", content=update, headers=wrong).status_code == 403
    ask = 'ASK { GRAPH <urn:notes> { <urn:a> <urn:b> "note" } }'
    assert configured.get("/sparql", params={"query": ask}).json()["boolean"] is False
    right = {**headers, "Authorization": f"Bearer {TOKEN}"}
    assert configured.post("/update", content=update, headers=right).status_code == 204
    assert configured.get("/sparql", params={"query": ask}).json()["boolean"] is True
    form = configured.post(
        "/update",
        data={"update": "DROP GRAPH <urn:notes>"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert form.status_code == 204
    assert configured.get("/sparql", params={"query": ask}).json()["boolean"] is False


def test_malformed_update_is_400_with_the_parser_message(configured: httpx.Client) -> None:
    response = configured.post(
        "/update",
        content="INSERT DATA { GRAPH <urn:g> { <urn:a> }",
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("invalid SPARQL update")


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("json", lambda body: body["results"]["bindings"][0]["n"]["value"] == "1"),
        ("xml", lambda body: body.getElementsByTagName("literal")[0].firstChild.data == "1"),
        ("csv", lambda body: body.decode().splitlines() == ["n", "1"]),
        ("tsv", lambda body: body.decode().splitlines()[1].startswith('"1"')),
    ],
)
def test_sparqlwrapper_select_in_every_format(service, fmt, check) -> None:
    client = SPARQLWrapper(f"{service.base}/sparql")
    client.setQuery(COUNT_ARTICLES)
    client.setReturnFormat(fmt)
    assert check(client.query().convert())


@pytest.mark.parametrize("fmt", ["turtle", "rdf+xml", "json-ld", "n-triples"])
def test_sparqlwrapper_construct_in_every_format(service, fmt) -> None:
    client = SPARQLWrapper(f"{service.base}/sparql")
    client.setQuery(
        CK + "CONSTRUCT { ?e a ck:AirOrDroneStrike } WHERE { ?e a ck:AirOrDroneStrike }"
    )
    formats = {"turtle": TURTLE, "rdf+xml": RDFXML, "json-ld": JSONLD, "n-triples": N3}
    client.setReturnFormat(formats[fmt])
    if fmt == "n-triples":
        client.addCustomHttpHeader("Accept", "application/n-triples")
    response = client.query()
    body = response.response.read()
    parsed = Graph().parse(
        data=body,
        format={"turtle": "turtle", "rdf+xml": "xml", "json-ld": "json-ld", "n-triples": "nt"}[fmt],
    )
    assert len(parsed) == 1
    (subject,) = parsed.subjects()
    assert str(subject).endswith("/incident/cae519a22481-1")
