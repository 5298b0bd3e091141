"""The filters answer alike on every route: a real `conflict-kg serve` over a store holding
examples/ and two invented articles, one about a city inside Iraq and one about a city in
Syria (the counterexample), spoken to by httpx."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator

import httpx
import pytest
from support import run_cli, running_server

# Invented for these tests, not news.
MOSUL = (
    "Invented article for tests. Kataib Hezbollah fired rockets at an Iraqi army base in "
    "Mosul on Monday, wounding three soldiers, two security officials said."
)
ALEPPO = (
    "Invented article for tests. Islamic State militants fired rockets at an army base in "
    "Aleppo on Tuesday, killing two soldiers, a monitoring group said."
)
FILTERS = (
    {},
    {"place": "iraq"},
    {"place": "syria"},
    {"actor": "kataib-hezbollah"},
    {"incident_class": "Attack", "date_from": "2021-11"},
    {"actor_type": "State"},
    {"place": "iraq", "actor": "kataib-hezbollah", "min_certainty": "asserted"},
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(the server's URL, a store holding what the server's holds)."""
    workdir = tmp_path_factory.mktemp("filters")
    articles = workdir / "articles"
    articles.mkdir()
    (articles / "mosul.json").write_text(
        f'{{"text": "{MOSUL}", "published": "2024-05-06", "title": "Rockets on Mosul"}}'
    )
    (articles / "aleppo.json").write_text(
        f'{{"text": "{ALEPPO}", "published": "2024-05-08", "title": "Rockets on Aleppo"}}'
    )
    store = f"oxigraph:{workdir / 'store'}"
    ingested = run_cli(["ingest", "examples/", str(articles)], store=store)
    assert ingested.returncode == 0, ingested.stderr
    # The same store copied on disk for the CLI (the server holds the first one's lock), not
    # extracted a second time: both name every incident alike.
    shutil.copytree(workdir / "store", workdir / "copy")
    # The tests compare answers, not speed: a loaded machine must not turn an export into a
    # "Network timed out" 503 (the budget has its own tests).
    env = {"CONFLICT_KG_QUERY_TIMEOUT": "120"}
    with running_server(store, workdir, env) as url:
        yield url, f"oxigraph:{workdir / 'copy'}"


@pytest.fixture(scope="module")
def client(served: tuple[str, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served[0], timeout=60) as http:
        yield http


def listed(client: httpx.Client, **params: str) -> set[str]:
    response = client.get("/incidents", params={**params, "limit": 500})
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def exported(client: httpx.Client, **params: str) -> set[str]:
    response = client.get("/export/nodelink", params=params)
    assert response.status_code == 200, response.text
    return {n["local_id"] for n in response.json()["nodes"] if n.get("kind") == "incident"}


def drawn(client: httpx.Client, **params: str) -> set[str]:
    response = client.get("/view/data", params=params)
    assert response.status_code == 200, response.text
    nodes = response.json()["elements"]["nodes"]
    return {n["data"]["local_id"] for n in nodes if n["data"].get("kind") == "incident"}


def mapped(client: httpx.Client, **params: str) -> set[str]:
    response = client.get("/export/geojson", params=params)
    assert response.status_code == 200, response.text
    return {f["properties"]["local_id"] for f in response.json()["features"]}


@pytest.mark.parametrize(
    "filters", FILTERS, ids=lambda f: "&".join(f"{k}={v}" for k, v in f.items())
)
def test_the_same_filters_give_the_same_incidents_on_every_route(
    client: httpx.Client, filters: dict[str, str]
) -> None:
    found = listed(client, **filters)
    assert exported(client, **filters) == found
    assert drawn(client, **filters) == found
    # the map shows those of them it can place
    assert mapped(client, **filters) <= found


def test_place_takes_in_the_cities_inside_a_country(client: httpx.Client) -> None:
    everything = listed(client)
    in_iraq = listed(client, place="iraq")
    in_syria = listed(client, place="syria")
    assert in_iraq and in_syria
    assert not in_iraq & in_syria
    # the sample's drone strike happened in Baghdad: inside Iraq, though no article says so
    assert "c-cae519a22481-1" in in_iraq
    assert listed(client, place="baghdad") == {"c-cae519a22481-1"} < in_iraq
    mosul = listed(client, place="mosul")
    aleppo = listed(client, place="aleppo")
    assert len(mosul) == len(aleppo) == 1
    assert mosul < in_iraq and aleppo <= in_syria
    assert not aleppo & in_iraq
    assert in_iraq | in_syria <= everything
    assert mapped(client, place="iraq") >= mosul | {"c-cae519a22481-1"}


def test_every_place_carries_its_country(client: httpx.Client) -> None:
    countries = {
        place: client.get(f"/entities/{place}").json()["country"]
        for place in ("baghdad", "mosul", "aleppo", "iraq")
    }
    assert countries == {"baghdad": "iraq", "mosul": "iraq", "aleppo": "syria", "iraq": "iraq"}


def test_the_old_names_are_aliases(client: httpx.Client) -> None:
    new = listed(client, date_from="2021-11", date_to="2021-11", incident_class="Attack")
    old = listed(client, **{"from": "2021-11", "to": "2021-11", "type": "Attack"})
    assert new == old and new and new < listed(client)
    # given under both names, both hold
    both = listed(client, date_from="2021", **{"from": "2024"})
    assert both == listed(client, date_from="2024") != listed(client, date_from="2021")
    spec = client.get("/openapi.json").json()
    parameters = {p["name"]: p for p in spec["paths"]["/incidents"]["get"]["parameters"]}
    assert parameters["from"].get("deprecated") is True
    assert parameters["type"].get("deprecated") is True
    assert not parameters["date_from"].get("deprecated")
    assert {"date_from", "date_to", "place", "actor", "actor_type", "incident_class"} <= set(
        parameters
    )


@pytest.mark.parametrize(
    "path", ["/incidents", "/entities", "/groups/kataib-hezbollah/incidents", "/articles"]
)
def test_unknown_parameters_are_refused_by_name(client: httpx.Client, path: str) -> None:
    response = client.get(path, params={"datefrom": "2021-11-01", "limit": "5"})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["title"] == "Unknown parameters"
    assert "datefrom" in problem["detail"]
    assert "limit" not in problem["detail"].split(";")[0]


@pytest.mark.parametrize("path", ["/export/geojson", "/view/data", "/view", "/health"])
def test_routes_without_paging_refuse_unknown_parameters_too(
    client: httpx.Client, path: str
) -> None:
    response = client.get(path, params={"to_date": "2021-11-01"})
    assert response.status_code == 422, response.text
    assert "to_date" in response.json()["detail"]


def test_dates_out_of_order_are_refused_alike(client: httpx.Client) -> None:
    for path in ("/incidents", "/export/nodelink", "/view/data"):
        response = client.get(path, params={"date_from": "2022-01-01", "date_to": "2021-01-01"})
        assert response.status_code == 422, (path, response.text)
        assert "after" in response.json()["detail"]


def test_the_cli_names_the_incidents_http_names(
    client: httpx.Client, served: tuple[str, str]
) -> None:
    http = listed(client, actor="kataib-hezbollah")
    for name in ("incidents_by_actor", "perpetrators"):
        ran = run_cli(
            ["query", "--name", name, "--param", "actor=kataib-hezbollah", "--format", "csv"],
            store=served[1],
        )
        assert ran.returncode == 0, ran.stderr
        rows = list(csv.DictReader(io.StringIO(ran.stdout)))
        named = {row["incident"].rpartition("/")[2] for row in rows}
        assert named <= http and named, (name, named, http)
        # each row once, though two articles' reports of one incident answer it
        assert len(rows) == len({tuple(row.items()) for row in rows})
    by_actor = run_cli(
        ["query", "--name", "incidents_by_actor", "--param", "actor=kataib-hezbollah", "-f", "csv"],
        store=served[1],
    )
    assert {
        r["incident"].rpartition("/")[2] for r in csv.DictReader(io.StringIO(by_actor.stdout))
    } == http
