"""Every export format read back by an independent reader (networkx, pydot, json, csv, zip,
XML, rdflib) with the same nodes, edges and attributes as the graph in memory."""

from __future__ import annotations

import csv
import io
import json
import struct
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator

import networkx as nx
import pydot
import pytest
from network_world import world_graph
from rdflib import Dataset, Graph

from conflict_kg.extract import Extraction, article_graph
from conflict_kg.graph.export import (
    FORMATS,
    NETWORK_FORMATS,
    ExportError,
    export,
    export_network,
    flat_attributes,
)
from conflict_kg.graph.export.files import DOT_SKIPPED
from conflict_kg.graph.network import NetworkFilter, build_network, load_network_data, with_measures
from conflict_kg.graph.store import Store, open_store

GEXF = "{http://www.gexf.net/1.2draft}"


@pytest.fixture(scope="module")
def world_store() -> Iterator[Store]:
    with open_store("memory:") as store:
        store.add_article(*world_graph())
        yield store


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory, sample: Extraction) -> Iterator[Store]:
    with open_store(f"oxigraph:{tmp_path_factory.mktemp('sample') / 'store'}") as store:
        store.add_article(*article_graph(sample))
        yield store


@pytest.fixture(scope="module", params=["world", "sample"])
def graph(request: pytest.FixtureRequest) -> nx.MultiDiGraph:
    """The full projection with measures, as `export` writes it, for both data sets."""
    store = request.getfixturevalue(f"{request.param}_store")
    return with_measures(
        build_network(load_network_data(store), filters=NetworkFilter(min_certainty="denied"))
    )


def edge_table(graph: nx.MultiDiGraph | nx.DiGraph) -> dict[tuple[str, str, str], dict]:
    """Edges by (source, target, key); for a reader that returns a simple graph when no two
    edges share their ends, the key is the predicate (which our keys always are)."""
    if graph.is_multigraph():
        return {(s, t, str(k)): d for s, t, k, d in graph.edges(keys=True, data=True)}
    return {(s, t, d["predicate"]): d for s, t, d in graph.edges(data=True)}


def test_formats_are_the_issue_s_list() -> None:
    assert set(FORMATS) == {
        *("graphml", "gexf", "cytoscape", "nodelink", "dot", "geojson", "csv", "svg", "png"),
        *("trig", "nquads", "turtle", "jsonld", "nt"),
        *("acled", "plover"),  # issue #18: one record per incident
    }


def test_flat_attributes() -> None:
    flat = flat_attributes(
        {"a": 1, "b": ["x", "y"], "c": None, "d": [{"k": 1}], "e": 0.5, "f": True, "g": []}
    )
    assert flat == {"a": 1, "b": "x; y", "d": '[{"k": 1}]', "e": 0.5, "f": True, "g": ""}


def test_graphml_round_trip(graph) -> None:
    back = nx.read_graphml(io.BytesIO(export_network(graph, "graphml")), force_multigraph=True)
    assert set(back) == set(graph)
    for node, data in graph.nodes(data=True):
        assert back.nodes[node] == flat_attributes(data)
    expected = {k: flat_attributes(d) for k, d in edge_table(graph).items()}
    assert edge_table(back) == expected
    assert back.graph["projection"] == graph.graph["projection"] == "full"


def test_gexf_round_trip_is_dynamic(graph) -> None:
    content = export_network(graph, "gexf")
    root = ET.fromstring(content)
    assert root.get("version") == "1.2"
    element = root.find(f"{GEXF}graph")
    assert element is not None
    assert (element.get("mode"), element.get("timeformat")) == ("dynamic", "date")
    dated = [n for n, d in graph.nodes(data=True) if "date_start" in d]
    assert dated
    starts = {n.get("id"): n.get("start") for n in root.iter(f"{GEXF}node") if n.get("start")}
    assert starts == {n: graph.nodes[n]["date_start"] for n in dated}
    back = nx.read_gexf(io.BytesIO(content))
    assert back.graph["mode"] == "dynamic"
    assert set(back) == set(graph)
    for node, data in graph.nodes(data=True):
        read = dict(back.nodes[node])
        assert read.pop("viz")["color"]["a"] == 1.0
        expected = flat_attributes(data)
        if "date_start" in data:
            expected |= {"start": data["date_start"], "end": data["date_end"]}
        assert read == expected
    back_edges = edge_table(back)
    assert set(back_edges) == set(edge_table(graph))
    for key, data in edge_table(graph).items():
        read = dict(back_edges[key])
        assert read.pop("id")
        assert read.pop("weight") == float(data["weight"])
        expected = {k: v for k, v in flat_attributes(data).items() if k != "weight"}
        if "date_start" in data:
            expected |= {"start": data["date_start"], "end": data["date_end"]}
        assert read == expected


def test_cytoscape_round_trip(graph) -> None:
    data = json.loads(export_network(graph, "cytoscape"))
    assert isinstance(data["elements"]["nodes"], list)
    for element in data["elements"]["nodes"]:
        assert isinstance(element["data"]["id"], str)
    ids = [e["data"]["id"] for e in data["elements"]["edges"]]
    assert len(ids) == len(set(ids)) == graph.number_of_edges()
    for element in data["elements"]["edges"]:
        assert element["data"]["source"] in graph and element["data"]["target"] in graph
    back = nx.cytoscape_graph(data)
    assert set(back) == set(graph)
    for node, attributes in graph.nodes(data=True):
        assert back.nodes[node] == {"id": node, "value": node, **attributes}
    back_edges = edge_table(back)
    for (source, target, key), attributes in edge_table(graph).items():
        read = back_edges[(source, target, key)]
        assert read == {
            "id": f"{source}->{target}:{key}",
            "source": source,
            "target": target,
            "key": key,
            **attributes,
        }
    assert len(back_edges) == graph.number_of_edges()


def test_nodelink_round_trip(graph) -> None:
    back = nx.node_link_graph(json.loads(export_network(graph, "nodelink")), edges="edges")
    assert back.is_multigraph() and back.is_directed()
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert edge_table(back) == edge_table(graph)


def _dot_value(text: str) -> str:
    return json.loads(text, strict=False) if text.startswith('"') else text


def test_dot_round_trip(graph) -> None:
    content = export_network(graph, "dot").decode("utf-8")
    [parsed] = pydot.graph_from_dot_data(content)
    back = nx.nx_pydot.from_pydot(parsed)
    assert set(back) == set(graph)
    styles = {"shape", "fillcolor"}
    for node, data in graph.nodes(data=True):
        read = {k: _dot_value(v) for k, v in back.nodes[node].items() if k not in styles}
        expected = {k: str(v) for k, v in flat_attributes(data).items() if k not in DOT_SKIPPED}
        assert read == expected
    assert back.number_of_edges() == graph.number_of_edges()
    read_edges = {}
    for source, target, key, data in back.edges(keys=True, data=True):
        read_edges[(source, target, _dot_value(key))] = {k: _dot_value(v) for k, v in data.items()}
    for key, data in edge_table(graph).items():
        read = read_edges[key]
        certainty = data["certainty"]
        assert read.pop("style") == ("solid" if certainty == "asserted" else "dashed")
        assert read.pop("color").startswith("#")
        assert read == {k: str(v) for k, v in flat_attributes(data).items()}


def test_geojson_features(graph) -> None:
    data = json.loads(export_network(graph, "geojson"))
    assert data["type"] == "FeatureCollection"
    incidents = {n: d for n, d in graph.nodes(data=True) if d["kind"] == "incident"}
    assert len(data["features"]) == len(incidents)
    located = 0
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        properties = feature["properties"]
        node = f"incident/{feature['id']}"
        source = incidents[node]
        assert properties["type"] == source["type"]
        assert properties.get("date") == source.get("date")
        assert properties["local_id"] == feature["id"]
        expected_actors = sorted(
            (role, graph.nodes[target]["local_id"], edge["certainty"])
            for _, target, role, edge in graph.out_edges(node, keys=True, data=True)
        )
        assert (
            sorted((a["role"], a["id"], a["certainty"]) for a in properties["actors"])
            == expected_actors
        )
        geometry = feature["geometry"]
        if geometry is None:
            assert "latitude" not in source
            continue
        located += 1
        assert geometry["type"] == "Point"
        longitude, latitude = geometry["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert (latitude, longitude) == pytest.approx((source["latitude"], source["longitude"]))
        assert properties["location_precision"] in ("place", "city", "country")
    assert located >= 2


def test_csv_zip_round_trip(graph) -> None:
    archive = zipfile.ZipFile(io.BytesIO(export_network(graph, "csv")))
    assert archive.namelist() == ["nodes.csv", "edges.csv"]
    nodes = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8"))))
    edges = list(csv.DictReader(io.StringIO(archive.read("edges.csv").decode("utf-8"))))
    assert len(nodes) == graph.number_of_nodes()
    assert len(edges) == graph.number_of_edges()
    for row in nodes:
        flat = flat_attributes(graph.nodes[row.pop("id")])
        assert {k: v for k, v in row.items() if v != ""} == {
            k: str(v) for k, v in flat.items() if str(v) != ""
        }
    table = edge_table(graph)
    for row in edges:
        flat = flat_attributes(table[(row.pop("source"), row.pop("target"), row.pop("key"))])
        assert {k: v for k, v in row.items() if v != ""} == {k: str(v) for k, v in flat.items()}


def test_svg_is_xml_with_the_labels(graph) -> None:
    content = export_network(graph, "svg")
    root = ET.fromstring(content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = content.decode("utf-8")
    actor = next(d["label"] for _, d in graph.nodes(data=True) if d["kind"] == "actor")
    assert actor.replace("'", "&#39;") in text or actor in text
    assert export_network(graph, "svg") == content  # no timestamp, fixed layout seed


def test_png_is_a_png(graph) -> None:
    content = export_network(graph, "png")
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", content[16:24])
    assert (width, height) == (1440, 1080)


def test_picture_of_too_many_nodes() -> None:
    big = nx.MultiDiGraph()
    big.add_nodes_from(range(1501), kind="actor")
    with pytest.raises(ExportError, match="1501 nodes"):
        export_network(big, "png")


def test_unknown_network_format(graph) -> None:
    with pytest.raises(ExportError, match="unknown network format 'xlsx'"):
        export_network(graph, "xlsx")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(("fmt", "parser"), [("trig", "trig"), ("nquads", "nquads")])
def test_rdf_quad_formats(world_store: Store, fmt: str, parser: str) -> None:
    dataset = Dataset()
    dataset.parse(data=export(world_store, fmt), format=parser)
    assert len(list(dataset.quads((None, None, None, None)))) == world_store.stats().triples


@pytest.mark.parametrize(
    ("fmt", "parser"),
    [("turtle", "turtle"), ("jsonld", "json-ld"), ("json-ld", "json-ld"), ("nt", "nt")],
)
def test_rdf_triple_formats(world_store: Store, fmt: str, parser: str) -> None:
    triples = Graph().parse(data=export(world_store, fmt), format=parser)
    assert len(triples) == len(world_graph()[1])


def test_rdf_formats_take_no_filters(world_store: Store) -> None:
    with pytest.raises(ExportError, match="trig exports every article graph as stored"):
        export(world_store, "trig", filters=NetworkFilter(place="mosul"))
    with pytest.raises(ExportError, match="unknown export format 'docx'"):
        export(world_store, "docx")


def test_export_applies_filters_and_projection(world_store: Store) -> None:
    data = json.loads(export(world_store, "nodelink", "actors"))
    assert {n["id"] for n in data["nodes"]} == {"entity/g1", "entity/g2", "entity/s1"}
    assert all("betweenness" in n for n in data["nodes"])
    filtered = json.loads(
        export(world_store, "geojson", filters=NetworkFilter(incident_classes=("Attack",)))
    )
    assert sorted(f["id"] for f in filtered["features"]) == ["i1", "i2"]


def test_every_network_format_is_written(world_store: Store) -> None:
    for fmt in NETWORK_FORMATS:
        assert export(world_store, fmt)
