"""`/export/{format}`, `/paths` and `/view` over the real server (httpx), and the `network` and
`export` commands of the real console script."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import httpx
import networkx as nx
import pandas
import pytest
from rdflib import Dataset, Graph

from conflict_kg.extract import Extraction, article_graph
from conflict_kg.graph.export import FORMATS
from conflict_kg.graph.export.tables import ACLED_COLUMNS
from conflict_kg.graph.store import open_store

PROBLEM_JSON = "application/problem+json"
KH, AAH = "kataib-hezbollah", "asaib-ahl-al-haq"


def assert_problem(response: httpx.Response, status: int, *words: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    problem = response.json()
    assert problem["status"] == status
    for word in words:
        assert word in problem["detail"], problem
    return problem


def nodelink(client: httpx.Client, **params: object) -> nx.MultiDiGraph:
    response = client.get("/export/nodelink", params=params)
    assert response.status_code == 200, response.text
    return nx.node_link_graph(response.json(), edges="edges")


def strike_of(graph: nx.MultiDiGraph) -> str:
    [strike] = [n for n, d in graph.nodes(data=True) if d.get("type") == "AirOrDroneStrike"]
    return strike


# --- /export/{format} ----------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_downloads_and_reads_back(client: httpx.Client, fmt: str) -> None:
    response = client.get(f"/export/{fmt}")
    assert response.status_code == 200, response.text
    spec = FORMATS[fmt]
    assert response.headers["content-type"].split(";")[0] == spec.media_type
    assert response.headers["content-disposition"] == f'attachment; filename="{spec.filename}"'
    body = response.content
    reference = nodelink(client)
    if fmt == "graphml":
        graph = nx.read_graphml(io.BytesIO(body), force_multigraph=True)
        assert (len(graph), graph.number_of_edges()) == (
            len(reference),
            reference.number_of_edges(),
        )
    elif fmt == "gexf":
        graph = nx.read_gexf(io.BytesIO(body))
        assert graph.graph["mode"] == "dynamic"
        assert (len(graph), graph.number_of_edges()) == (
            len(reference),
            reference.number_of_edges(),
        )
    elif fmt == "cytoscape":
        graph = nx.cytoscape_graph(json.loads(body))
        assert (len(graph), graph.number_of_edges()) == (
            len(reference),
            reference.number_of_edges(),
        )
    elif fmt == "nodelink":
        assert KH in {d.get("local_id") for _, d in reference.nodes(data=True)}
    elif fmt == "dot":
        assert body.startswith(b'digraph "conflict-kg" {')
        assert body.count(b" -> ") == reference.number_of_edges()
    elif fmt == "geojson":
        features = json.loads(body)["features"]
        incidents = [n for n, d in reference.nodes(data=True) if d["kind"] == "incident"]
        assert len(features) == len(incidents)
        [strike] = [f for f in features if f["properties"]["type"] == "AirOrDroneStrike"]
        assert strike["geometry"]["type"] == "Point"
        longitude, latitude = strike["geometry"]["coordinates"]
        assert (round(latitude), round(longitude)) == (33, 44)  # Baghdad
        assert {a["id"] for a in strike["properties"]["actors"]} >= {KH, AAH}
    elif fmt == "csv":
        archive = zipfile.ZipFile(io.BytesIO(body))
        assert archive.namelist() == ["nodes.csv", "edges.csv"]
        lines = archive.read("edges.csv").decode("utf-8").strip().splitlines()
        assert len(lines) == 1 + reference.number_of_edges()
    elif fmt == "acled":
        table = pandas.read_csv(io.BytesIO(body), keep_default_na=False)
        assert list(table.columns[: len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS)
        incidents = [n for n, d in reference.nodes(data=True) if d["kind"] == "incident"]
        assert len(table) == len(incidents)
        strike = table[table["sub_event_type"] == "Air/drone strike"].iloc[0]
        assert strike["event_type"] == "Explosions/Remote violence"
        assert {strike["actor1"], strike["assoc_actor_1"]} == {
            "Kataib Hezbollah",
            "Asaib Ahl al-Haq",
        }
    elif fmt == "plover":
        records = [json.loads(line) for line in body.decode("utf-8").splitlines()]
        [strike] = [r for r in records if r["event_class"] == "AirOrDroneStrike"]
        assert (strike["event_type"], strike["event_mode"]) == ("ASSAULT", "heavy-weapons")
    elif fmt == "svg":
        assert ET.fromstring(body).tag == "{http://www.w3.org/2000/svg}svg"
    elif fmt == "png":
        assert body[:8] == b"\x89PNG\r\n\x1a\n"
    elif fmt in ("trig", "nquads"):
        dataset = Dataset()
        dataset.parse(data=body, format=fmt)
        stats = client.get("/stats").json()
        quads = len(list(dataset.quads((None, None, None, None))))
        assert quads == stats["triples"] + stats["derived_triples"]
    else:
        parsed = Graph().parse(data=body, format={"jsonld": "json-ld"}.get(fmt, fmt))
        assert len(parsed) > 300


def test_filters_as_query_parameters(client: httpx.Client) -> None:
    everything = nodelink(client)
    strike = strike_of(everything)
    assert not everything.has_edge(strike, "entity/iran", "perpetrator")  # denied
    denied = nodelink(client, min_certainty="denied")
    assert denied.edges[strike, "entity/iran", "perpetrator"]["certainty"] == "denied"
    november = nodelink(client, date_from="2021-11-01", date_to="2021-11-30")
    assert strike in november and len(november) < len(everything)
    baghdad = nodelink(client, place="baghdad")
    assert {n for n, d in baghdad.nodes(data=True) if d["kind"] == "incident"} == {strike}
    attacks = nodelink(client, incident_class="Attack", actor_type=["ArmedGroup"])
    actors = {d["type"] for _, d in attacks.nodes(data=True) if d["kind"] == "actor"}
    assert actors == {"ArmedGroup"}
    assert strike in attacks
    co = nodelink(client, projection="actors")
    assert co.edges[f"entity/{AAH}", f"entity/{KH}", "coPerpetrator"]["weight"] >= 1


@pytest.mark.parametrize(
    ("path", "params", "words"),
    [
        ("/export/xlsx", {}, ("path.format", "graphml")),
        ("/export/graphml", {"min_certainty": "sure"}, ("min_certainty",)),
        ("/export/graphml", {"actor_type": "Militia"}, ("actor_type",)),
        ("/export/graphml", {"incident_class": "Party"}, ("unknown incident class 'Party'",)),
        ("/export/graphml", {"date_from": "2021-13-01"}, ("date_from",)),
        ("/export/graphml", {"date_from": "2022-01-02", "date_to": "2022-01-01"}, ("after",)),
        ("/export/graphml", {"place": "not a place"}, ("place",)),
        ("/export/graphml", {"projection": "tree"}, ("projection",)),
        ("/export/trig", {"place": "iraq"}, ("filters and projections apply",)),
    ],
)
def test_bad_export_requests_are_422(client: httpx.Client, path, params, words) -> None:
    assert_problem(client.get(path, params=params), 422, *words)


# --- /paths --------------------------------------------------------------------------------


def test_paths_between_the_two_militias(client: httpx.Client) -> None:
    response = client.get("/paths", params={"source": AAH, "target": KH})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["source"] == {"id": AAH, "name": "Asaib Ahl al-Haq", "types": ["ArmedGroup"]}
    assert body["target"]["name"] == "Kataib Hezbollah"
    assert body["max_length"] == 4
    assert body["paths"]
    for path in body["paths"]:
        assert path["length"] == 2 == len(path["hops"])
        assert path["nodes"][0] == f"entity/{AAH}" and path["nodes"][-1] == f"entity/{KH}"
        assert [h["source"] for h in path["hops"]] == [AAH, path["hops"][1]["source"]]
        for hop in path["hops"]:
            assert hop["evidence"], hop
            assert all(e["sentence"] and e["article"] for e in hop["evidence"])
    through_strike = [
        p for p in body["paths"] if [h["predicate"] for h in p["hops"]] == ["perpetrator"] * 2
    ]
    assert through_strike
    hop = through_strike[0]["hops"][0]
    assert (hop["source_kind"], hop["target_kind"], hop["kind"]) == ("entity", "incident", "role")
    assert hop["subject"] == hop["target"] and hop["object"] == AAH  # incident perpetrator AAH
    assert hop["certainty"] == "alleged"
    assert any(e["according_to"] == "Two Iraqi security officials" for e in hop["evidence"])


def test_paths_max_length_and_no_path(client: httpx.Client) -> None:
    short = client.get("/paths", params={"source": AAH, "target": KH, "max_length": 1})
    assert short.status_code == 200 and short.json()["paths"] == []
    lonely = client.get("/paths", params={"source": "reuters", "target": KH})
    assert lonely.status_code == 200
    assert lonely.json()["paths"] == []
    assert lonely.json()["source"]["name"] == "Reuters"


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"source": "nobody-here", "target": KH}, 404, ("nobody-here",)),
        ({"source": KH, "target": "nobody-here"}, 404, ("target",)),
        ({"source": KH, "target": AAH, "max_length": 0}, 422, ("max_length",)),
        ({"source": KH, "target": AAH, "max_length": 7}, 422, ("max_length",)),
        ({"source": KH, "target": AAH, "max_length": "two"}, 422, ("max_length",)),
        ({"source": KH}, 422, ("target",)),
        ({"source": KH, "target": KH}, 422, ("same",)),
        ({"source": "a b", "target": KH}, 422, ("source",)),
    ],
)
def test_bad_paths_requests(client: httpx.Client, params, status, words) -> None:
    assert_problem(client.get("/paths", params=params), status, *words)


# --- /view ---------------------------------------------------------------------------------


def test_view_page_and_its_files_are_served_from_here(client: httpx.Client) -> None:
    page = client.get("/view")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text
    for asset, media in (
        ("/view/static/view.js", "javascript"),
        ("/view/static/view.css", "text/css"),
        ("/view/static/vendor/vis-network/vis-network.min.js", "javascript"),
        ("/view/static/vendor/vis-network/LICENSE-MIT", "application/octet-stream"),
    ):
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert media in response.headers["content-type"]
    for reference in (
        'src="/view/static/vendor/vis-network/vis-network.min.js"',
        'src="/view/static/view.js"',
        'href="/view/static/view.css"',
    ):
        assert reference in page.text
    assert_problem(client.get("/view/static/nothing.js"), 404)


def test_view_data(client: httpx.Client) -> None:
    data = client.get("/view/data").json()
    nodes = {n["data"]["id"]: n["data"] for n in data["elements"]["nodes"]}
    edges = [e["data"] for e in data["elements"]["edges"]]
    assert nodes[f"entity/{KH}"]["type"] == "ArmedGroup"
    assert "community" in nodes[f"entity/{KH}"]
    assert {e["certainty"] for e in edges} >= {"asserted", "alleged", "denied"}  # all by default
    assert all(e["evidence"] and e["source"] in nodes and e["target"] in nodes for e in edges)
    assert data["style"]["certainty_order"][0] == "asserted"
    assert data["links"] == {"entity": "/entities/{id}", "incident": "/incidents/{id}"}
    fewer = client.get("/view/data", params={"min_certainty": "asserted"}).json()
    assert {e["data"]["certainty"] for e in fewer["elements"]["edges"]} == {"asserted"}


# --- the command line ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory: pytest.TempPathFactory, sample: Extraction) -> str:
    """An oxigraph store of its own (the server holds the lock of the service's store)."""
    url = f"oxigraph:{tmp_path_factory.mktemp('cli') / 'store'}"
    with open_store(url) as store:
        store.add_article(*article_graph(sample))
    return url


def test_network_command_ranks_actors(cli, cli_store: str) -> None:
    result = cli(
        ["network", "--measure", "betweenness", "--top", "3", "-f", "json"], store=cli_store
    )
    assert result.returncode == 0, result.stderr
    ranking = json.loads(result.stdout)
    assert (ranking["measure"], ranking["projection"]) == ("betweenness", "full")
    scores = [a["score"] for a in ranking["actors"]]
    assert len(scores) == 3 and scores == sorted(scores, reverse=True)
    table = cli(["network", "--top", "5", "--actor-type", "ArmedGroup"], store=cli_store)
    assert table.returncode == 0, table.stderr
    assert "top 2 actors by degree" in table.stdout
    assert "Kataib" in table.stdout and "Asaib" in table.stdout


def test_network_command_errors(cli, cli_store: str) -> None:
    for args, words in (
        (["network", "--measure", "pagerank"], "pagerank"),
        (["network", "--min-certainty", "sure"], "min_certainty"),
        (["network", "--date-from", "yesterday"], "--date-from"),
        (["network", "--ego", "nobody"], "not in this network"),
    ):
        result = cli(args, store=cli_store)
        assert result.returncode == 2, (args, result.stderr)
        [line] = result.stderr.strip().splitlines()
        assert words in line


def test_export_command_writes_network_formats(cli, cli_store: str, tmp_path: Path) -> None:
    target = tmp_path / "net.gexf"
    result = cli(
        ["export", "-f", "gexf", "-o", str(target), "--date-from", "2021-11-01"], store=cli_store
    )
    assert result.returncode == 0, result.stderr
    assert f"wrote {target.stat().st_size} bytes" in result.stderr
    graph = nx.read_gexf(target)
    assert graph.graph["mode"] == "dynamic"
    assert f"entity/{KH}" in graph
    jsonld = cli(["export", "-f", "jsonld"], store=cli_store)
    assert jsonld.returncode == 0, jsonld.stderr
    assert len(Graph().parse(data=jsonld.stdout, format="json-ld")) > 300
    refused = cli(["export", "-f", "turtle", "--place", "iraq"], store=cli_store)
    assert refused.returncode == 2
    assert "filters and projections apply to the network formats" in refused.stderr
