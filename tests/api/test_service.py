"""The HTTP service end to end: a real `conflict-kg serve` (uvicorn) over a real oxigraph store
with the sample article, spoken to by httpx, SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper

from conflict_kg.ontologies import CK

KH = "https://w3id.org/conflict-kg/id/entity/kataib-hezbollah"
STRIKE_PERPETRATORS = (
    "PREFIX ck: <https://w3id.org/conflict-kg/ontology#> "
    "SELECT ?incident ?actor WHERE { ?incident a ck:AirOrDroneStrike ; ck:perpetrator ?actor } "
    "ORDER BY ?incident ?actor"
)
SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
PROBLEM_JSON = "application/problem+json"
SRX = "{http://www.w3.org/2005/sparql-results#}"


def rows_of(response: httpx.Response) -> list[dict[str, str]]:
    """SPARQL JSON results as plain {variable: value} rows."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(SPARQL_JSON)
    body = response.json()
    return [{k: v["value"] for k, v in row.items()} for row in body["results"]["bindings"]]


def assert_kh_strike(rows: list[dict[str, str]]) -> None:
    assert any(row["actor"] == KH for row in rows), rows
    assert all(
        row["incident"].startswith("https://w3id.org/conflict-kg/id/incident/") for row in rows
    )


def assert_problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    problem = response.json()
    assert problem["status"] == status
    assert isinstance(problem["title"], str) and problem["title"]
    assert isinstance(problem["detail"], str) and problem["detail"]
    return problem


# --- status --------------------------------------------------------------------------------


def test_health(client: httpx.Client, service) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "store": service.store}


def test_stats(client: httpx.Client) -> None:
    response = client.get("/stats")
    assert response.status_code == 200
    stats = response.json()
    assert stats["articles"] == 1
    assert stats["triples"] > 300
    assert stats["events_by_type"]["AirOrDroneStrike"] == 1
    assert stats["entities_by_type"]["ArmedGroup"] >= 2


# --- /sparql: the protocol -----------------------------------------------------------------


def test_get_select_finds_kh(client: httpx.Client) -> None:
    response = client.get(
        "/sparql", params={"query": STRIKE_PERPETRATORS}, headers={"Accept": SPARQL_JSON}
    )
    rows = rows_of(response)
    assert_kh_strike(rows)
    assert response.json()["head"]["vars"] == ["incident", "actor"]


def test_post_form_and_direct_post_equal_get(client: httpx.Client) -> None:
    accept = {"Accept": SPARQL_JSON}
    by_get = rows_of(client.get("/sparql", params={"query": STRIKE_PERPETRATORS}, headers=accept))
    by_form = rows_of(client.post("/sparql", data={"query": STRIKE_PERPETRATORS}, headers=accept))
    by_body = rows_of(
        client.post(
            "/sparql",
            content=STRIKE_PERPETRATORS.encode("utf-8"),
            headers={**accept, "Content-Type": "application/sparql-query"},
        )
    )
    assert by_get
    assert by_form == by_get
    assert by_body == by_get


def test_select_as_xml(client: httpx.Client) -> None:
    response = client.get(
        "/sparql", params={"query": STRIKE_PERPETRATORS}, headers={"Accept": SPARQL_XML}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(SPARQL_XML)
    assert KH in response.text
    root = ET.fromstring(response.content)
    uris = [uri.text for uri in root.iter(f"{SRX}uri")]
    assert KH in uris


def test_select_as_csv(client: httpx.Client) -> None:
    response = client.get(
        "/sparql", params={"query": STRIKE_PERPETRATORS}, headers={"Accept": "text/csv"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert KH in {row["actor"] for row in rows}


def test_accept_with_quality_values_picks_the_first_offered(client: httpx.Client) -> None:
    response = client.get(
        "/sparql",
        params={"query": STRIKE_PERPETRATORS},
        headers={"Accept": "text/html;q=0.9, text/csv;q=0.8, */*;q=0.1"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")


def test_ask(client: httpx.Client) -> None:
    query = f"ASK {{ ?e a <{CK.AirOrDroneStrike}> ; <{CK.perpetrator}> <{KH}> }}"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": SPARQL_JSON})
    assert response.status_code == 200
    assert response.json()["boolean"] is True


def test_construct_returns_turtle(client: httpx.Client) -> None:
    query = (
        "PREFIX ck: <https://w3id.org/conflict-kg/ontology#> "
        "CONSTRUCT { ?incident ck:perpetrator ?actor ; a ck:AirOrDroneStrike } "
        "WHERE { ?incident a ck:AirOrDroneStrike ; ck:perpetrator ?actor }"
    )
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    assert len(graph) > 0
    assert (None, CK.perpetrator, URIRef(KH)) in graph
    assert set(graph.objects(None, RDF.type)) == {CK.AirOrDroneStrike}


def test_construct_defaults_to_turtle(client: httpx.Client) -> None:
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5"
    response = client.post("/sparql", data={"query": query})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=response.text, format="turtle")) == 5


# --- /sparql: errors -----------------------------------------------------------------------


@pytest.mark.parametrize("how", ["get", "form", "direct"])
def test_update_is_refused_and_changes_nothing(client: httpx.Client, how: str) -> None:
    before = client.get("/stats").json()
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    if how == "get":
        response = client.get("/sparql", params={"query": update})
    elif how == "form":
        response = client.post("/sparql", data={"query": update})
    else:
        response = client.post(
            "/sparql",
            content=update.encode(),
            headers={"Content-Type": "application/sparql-query"},
        )
    problem = assert_problem(response, 403)
    assert "Update" in problem["detail"]
    assert client.get("/stats").json() == before
    ask = client.get("/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"})
    assert ask.json()["boolean"] is False


def test_update_form_field_is_refused(client: httpx.Client) -> None:
    response = client.post("/sparql", data={"update": "DROP ALL"})
    assert_problem(response, 403)
    assert client.get("/stats").json()["articles"] == 1


def test_syntax_error_is_400_with_parser_message(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELEC ?x WHERE { ?x ?y ?z }"})
    problem = assert_problem(response, 400)
    assert problem["title"] == "Malformed SPARQL"
    assert "1:" in problem["detail"]  # the parser's line:column
    assert "SELEC" not in problem["title"]


def test_missing_query(client: httpx.Client) -> None:
    by_get = client.get("/sparql")
    problem = assert_problem(by_get, 422)
    assert "query" in problem["detail"]
    by_form = client.post("/sparql", data={"other": "x"})
    assert "query" in assert_problem(by_form, 400)["detail"]
    empty = client.post(
        "/sparql", content=b"   ", headers={"Content-Type": "application/sparql-query"}
    )
    assert_problem(empty, 400)


def test_unsupported_post_media_type(client: httpx.Client) -> None:
    response = client.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert_problem(response, 415)


def test_unknown_route_is_a_problem(client: httpx.Client) -> None:
    assert assert_problem(client.get("/no-such-route"), 404)["title"] == "Not found"


# --- real SPARQL clients -------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper(service, method: str) -> None:
    endpoint = SPARQLWrapper(f"{service.base}/sparql")
    endpoint.setQuery(STRIKE_PERPETRATORS)
    endpoint.setReturnFormat(JSON)
    endpoint.setMethod(method)
    result = endpoint.query().convert()
    assert isinstance(result, dict)
    actors = [row["actor"]["value"] for row in result["results"]["bindings"]]
    assert KH in actors


def test_rdflib_sparqlstore(service) -> None:
    store = SPARQLStore(query_endpoint=f"{service.base}/sparql")
    graph = Graph(store=store)
    try:
        rows = list(graph.query(STRIKE_PERPETRATORS))
    finally:
        graph.close()
    actors = {row.actor for row in rows}  # type: ignore[union-attr]
    assert URIRef(KH) in actors
    assert all(isinstance(row.incident, URIRef) for row in rows)  # type: ignore[union-attr]


# --- the CLI, with this service as its (read-only) remote store ----------------------------


def test_cli_over_the_service_as_remote_store(cli, client: httpx.Client, service) -> None:
    remote = f"sparql:{service.base}/sparql"
    stats = cli(["stats", "--format", "json"], store=remote)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout) == client.get("/stats").json()
    named = cli(
        [
            "query",
            "--name",
            "perpetrators",
            "--param",
            "actor=kataib-hezbollah",
            "--format",
            "json",
        ],
        store=remote,
    )
    assert named.returncode == 0, named.stderr
    rows = json.loads(named.stdout)["results"]["bindings"]
    assert rows
    assert {row["actor"]["value"] for row in rows} == {KH}


@pytest.mark.parametrize(
    "value",
    [
        "x> } ; DROP ALL ; #",
        "https://example.org/a> } ; DROP ALL ; #",
        'kataib-hezbollah" } DROP ALL #',
        "<https://w3id.org/conflict-kg/id/entity/kataib-hezbollah>",
    ],
)
def test_named_query_parameter_injection_is_rejected(
    cli, client: httpx.Client, service, value: str
) -> None:
    before = client.get("/stats").json()
    result = cli(
        ["query", "--name", "perpetrators", "--param", f"actor={value}"],
        store=f"sparql:{service.base}/sparql",
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "actor must be an IRI or a local id" in lines[0]
    assert client.get("/stats").json() == before
    assert before["articles"] == 1
    assert before["triples"] > 300


def test_openapi_has_an_example_for_every_route(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    operations = {
        f"{method.upper()} {path}": json.dumps(operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
    }
    assert len(operations) >= 19
    assert [name for name, text in operations.items() if '"example' not in text] == []
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_docs_work_offline(client: httpx.Client) -> None:
    page = client.get("/docs").text
    assert "cdn." not in page and "jsdelivr" not in page
    script = next(
        part.split('"')[1] for part in page.split("<script src=")[1:] if "swagger-ui" in part
    )
    assert script.startswith("/")
    assert client.get(script).status_code == 200
