"""Network projections, filters and measures: on a hand-made world whose every value is known
(tests/graph/network_world.py), on all three store backends, and on the sample article."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date

import networkx as nx
import pytest
from network_world import CLAIMS, node, world_graph

from conflict_kg.extract import Extraction, article_graph
from conflict_kg.graph.network import (
    NetworkError,
    NetworkFilter,
    build_network,
    centrality,
    communities,
    date_span,
    ego_network,
    find_paths,
    load_network_data,
    lookup_entity,
    top_actors,
    with_measures,
)
from conflict_kg.graph.network.data import NetworkData
from conflict_kg.graph.network.measures import eigenvector
from conflict_kg.graph.store import Store, open_store


@pytest.fixture(scope="module")
def world() -> Iterator[NetworkData]:
    with open_store("memory:") as store:
        store.add_article(*world_graph())
        yield load_network_data(store)


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory, sample: Extraction) -> Iterator[Store]:
    with open_store(f"oxigraph:{tmp_path_factory.mktemp('sample') / 'store'}") as store:
        store.add_article(*article_graph(sample))
        yield store


def edges_of(graph: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(s, t, k) for s, t, k in graph.edges(keys=True)}


def nodes(*locals_: str) -> set[str]:
    return {node(local) for local in locals_}


# --- projections ---------------------------------------------------------------------------


def test_full_projection_without_denied_links(world: NetworkData) -> None:
    graph = build_network(world)
    assert set(graph) == nodes("i1", "i2", "i3", "i4", "g1", "g2", "s1", "p1", "o1")
    assert edges_of(graph) == {
        (node("i1"), node("g1"), "perpetrator"),
        (node("i1"), node("g2"), "perpetrator"),
        (node("i1"), node("p1"), "target"),
        (node("i2"), node("g1"), "perpetrator"),
        (node("i2"), node("g2"), "perpetrator"),
        (node("i3"), node("o1"), "participant"),
        (node("i4"), node("s1"), "participant"),
        (node("i4"), node("g1"), "participant"),
        (node("g1"), node("s1"), "backedBy"),
        (node("g2"), node("g1"), "rivalOf"),
    }
    assert graph.graph == {"name": "conflict-kg", "projection": "full"}


def test_edge_certainty_is_the_strongest_claim_and_carries_the_evidence(world) -> None:
    edge = build_network(world).edges[node("i1"), node("g2"), "perpetrator"]
    assert edge["certainty"] == "alleged"
    assert edge["evidence_count"] == 2
    assert edge["sources"] == ["A source", "Officials"]
    assert edge["date_start"] == edge["date_end"] == "2021-11-07"
    first = edge["evidence"][0]
    assert first["sentence"] == "Officials said Group Two took part."
    assert first["text"] == "Group Two"
    assert first["according_to"] == "Officials"
    assert first["certainty"] == "alleged"
    assert first["article_title"] == "Militias strike again"
    assert first["published"] == "2021-11-08"
    assert first["end"] - first["start"] == len("Group Two")


def test_denied_links_only_when_asked(world) -> None:
    graph = build_network(world, filters=NetworkFilter(min_certainty="denied"))
    assert graph.edges[node("i1"), node("s1"), "perpetrator"]["certainty"] == "denied"
    assert graph.edges[node("g2"), node("s1"), "backedBy"]["certainty"] == "denied"
    assert graph.number_of_edges() == 12


def test_min_certainty_asserted(world) -> None:
    graph = build_network(world, filters=NetworkFilter(min_certainty="asserted"))
    assert {d["certainty"] for *_, d in graph.edges(data=True)} == {"asserted"}
    assert edges_of(graph) == {
        (node("i1"), node("g1"), "perpetrator"),
        (node("i1"), node("p1"), "target"),
        (node("i4"), node("s1"), "participant"),
        (node("i4"), node("g1"), "participant"),
        (node("g1"), node("s1"), "backedBy"),
    }
    # Incidents stay even when no link is certain enough.
    assert nodes("i2", "i3") <= set(graph)


def test_node_attributes(world) -> None:
    graph = build_network(world)
    strike = graph.nodes[node("i1")]
    assert strike["kind"] == "incident"
    assert strike["type"] == "AirOrDroneStrike"
    assert strike["label"] == "drone strike, 2021-11-07"
    assert strike["acled"] == "AIR_STRIKE"
    assert strike["fatalities"] == 2
    assert strike["places"] == ["mosul"]
    assert strike["location_precision"] == "city"  # from the gazetteer
    assert strike["latitude"] == pytest.approx(36.335, abs=0.05)
    assert strike["longitude"] == pytest.approx(43.119, abs=0.05)
    shelling = graph.nodes[node("i2")]
    assert (shelling["date_start"], shelling["date_end"]) == ("2021-10-01", "2021-10-31")
    assert (shelling["latitude"], shelling["longitude"]) == (10.5, 20.25)
    assert shelling["location_precision"] == "place"
    talks = graph.nodes[node("i4")]
    assert "date" not in talks and "latitude" not in talks
    group = graph.nodes[node("g1")]
    assert group == {
        "kind": "actor",
        "type": "ArmedGroup",
        "label": "Group One",
        "name": "Group One",
        "local_id": "g1",
        "iri": "https://w3id.org/conflict-kg/id/entity/g1",
        "date_start": "2021-10-01",
        "date_end": "2021-11-07",
    }
    assert graph.nodes[node("s1")]["type"] == "State"  # not Place


def test_bipartite_projection(world) -> None:
    graph = build_network(world, "bipartite")
    assert not any(k in ("backedBy", "rivalOf") for *_, k in graph.edges(keys=True))
    assert nx.is_bipartite(graph.to_undirected())
    assert graph.number_of_edges() == 8


def test_actor_projection_weights_co_perpetration(world) -> None:
    graph = build_network(world, "actors")
    assert set(graph) == nodes("g1", "g2", "s1")
    co = graph.edges[node("g1"), node("g2"), "coPerpetrator"]
    assert co["weight"] == 2
    assert co["incidents"] == ["i1", "i2"]
    # i1: asserted with alleged -> alleged; i2: alleged with hedged -> hedged; best: alleged
    assert co["certainty"] == "alleged"
    assert co["evidence_count"] == 5
    assert (co["date_start"], co["date_end"]) == ("2021-10-01", "2021-11-07")
    only_asserted = build_network(world, "actors", NetworkFilter(min_certainty="asserted"))
    assert not only_asserted.has_edge(node("g1"), node("g2"))


# --- filters -------------------------------------------------------------------------------


def incidents_of(graph: nx.MultiDiGraph) -> set[str]:
    return {n for n, d in graph.nodes(data=True) if d["kind"] == "incident"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (NetworkFilter(date_from=date(2021, 10, 15)), {"i1", "i2"}),  # October overlaps
        (NetworkFilter(date_from=date(2021, 10, 1), date_to=date(2021, 10, 31)), {"i2"}),
        (NetworkFilter(date_to=date(2020, 12, 31)), {"i3"}),
        (NetworkFilter(date_from=date(2022, 1, 1)), set()),
        (NetworkFilter(place="mosul"), {"i1"}),
        (NetworkFilter(place="iraq"), {"i1"}),  # Mosul is in Iraq, says the gazetteer
        (NetworkFilter(place="syria"), {"i2"}),  # Camp X is ck:locatedIn Syria
        (NetworkFilter(place="nowhere"), set()),
        (NetworkFilter(incident_classes=("Attack",)), {"i1", "i2"}),  # with subclasses
        (NetworkFilter(incident_classes=("Shelling", "Protest")), {"i2", "i3"}),
        (NetworkFilter(actor_types=("Organization",)), {"i3"}),
    ],
)
def test_incident_filters(world, filters: NetworkFilter, expected: set[str]) -> None:
    assert incidents_of(build_network(world, filters=filters)) == nodes(*expected)


def test_selected_incidents_keep_only_relations_among_their_actors(world) -> None:
    graph = build_network(world, filters=NetworkFilter(date_from=date(2021, 11, 1)))
    assert set(graph) == nodes("i1", "g1", "g2", "p1")
    assert (node("g2"), node("g1"), "rivalOf") in edges_of(graph)
    assert not graph.has_node(node("s1"))  # only linked through the undated meeting


def test_actor_type_filter(world) -> None:
    graph = build_network(world, filters=NetworkFilter(actor_types=("ArmedGroup",)))
    assert set(graph) == nodes("i1", "i2", "i4", "g1", "g2")
    assert edges_of(graph) >= {(node("g2"), node("g1"), "rivalOf")}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"min_certainty": "sure"}, "min_certainty must be one of asserted"),
        ({"actor_types": ("Militia",)}, "unknown actor type 'Militia'"),
        ({"incident_classes": ("Party",)}, "unknown incident class 'Party'"),
        ({"date_from": date(2022, 1, 2), "date_to": date(2022, 1, 1)}, "is after date_to"),
    ],
)
def test_bad_filters(arguments: dict, message: str) -> None:
    with pytest.raises(NetworkError, match=message):
        NetworkFilter(**arguments)


def test_unknown_projection(world) -> None:
    with pytest.raises(NetworkError, match="projection must be one of full"):
        build_network(world, "tree")


@pytest.mark.parametrize(
    ("value", "precision", "span"),
    [
        ("2021-11-07", "day", ("2021-11-07", "2021-11-07")),
        ("2021-11-07", "week", ("2021-11-07", "2021-11-13")),
        ("2021-11-07", "month", ("2021-11-01", "2021-11-30")),
        ("2024-02", "month", ("2024-02-01", "2024-02-29")),
        ("2021", "year", ("2021-01-01", "2021-12-31")),
        ("2021-10", None, ("2021-10-01", "2021-10-31")),
        ("someday", None, None),
        (None, None, None),
        ("2021-02-30", "day", None),
    ],
)
def test_date_span(value, precision, span) -> None:
    found = date_span(value, precision)
    assert (None if found is None else (found[0].isoformat(), found[1].isoformat())) == span


# --- measures ------------------------------------------------------------------------------


def path_graph(*names: str) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for name in names:
        graph.add_node(name, kind="actor", name=name, local_id=name, type="ArmedGroup")
    for a, b in itertools.pairwise(names):
        graph.add_edge(a, b, key="alliedWith", weight=1)
    return graph


def test_centrality_on_a_path() -> None:
    graph = path_graph("a", "b", "c")
    assert centrality(graph, "degree") == {"a": 0.5, "b": 1.0, "c": 0.5}
    assert centrality(graph, "betweenness") == {"a": 0.0, "b": 1.0, "c": 0.0}
    scores = centrality(graph, "eigenvector")
    assert scores["b"] == pytest.approx(0.707107, abs=1e-4)
    assert scores["a"] == scores["c"] == pytest.approx(0.5, abs=1e-4)
    with pytest.raises(NetworkError, match="measure must be one of degree"):
        centrality(graph, "pagerank")


def test_centrality_of_small_and_disconnected_graphs() -> None:
    assert centrality(nx.MultiDiGraph(), "eigenvector") == {}
    alone = path_graph("a")
    assert centrality(alone, "degree") == {"a": 0.0}
    assert centrality(alone, "eigenvector") == {"a": 0.0}
    two = nx.compose(path_graph("a", "b", "c"), path_graph("x", "y"))
    two.add_node("z", kind="actor")
    scores = centrality(two, "eigenvector")
    assert set(scores) == {"a", "b", "c", "x", "y", "z"}
    assert scores["z"] == 0.0
    assert scores["b"] > scores["a"] > 0


def test_eigenvector_falls_back_per_component() -> None:
    simple = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    simple.add_node("z")
    scores = eigenvector(simple, max_iter=1)  # too few iterations: no convergence anywhere
    assert set(scores) == {"a", "b", "c", "x", "y", "z"}
    assert scores["z"] == 0.0
    # each component by its degree centrality, scaled by its share of the six nodes
    assert scores["b"] == pytest.approx(1.0 * 3 / 6)
    assert scores["a"] == pytest.approx(0.5 * 3 / 6)
    assert scores["x"] == pytest.approx(1.0 * 2 / 6)


def test_louvain_communities_are_stable() -> None:
    graph = nx.compose(path_graph("a", "b", "c"), path_graph("x", "y", "z"))
    graph.add_edge("a", "c", key="alliedWith", weight=1)
    graph.add_edge("x", "z", key="alliedWith", weight=1)
    graph.add_edge("c", "x", key="rivalOf", weight=1)
    assert communities(graph) == [["a", "b", "c"], ["x", "y", "z"]]
    assert communities(graph) == communities(graph.copy())


def test_with_measures_and_top_actors(world) -> None:
    graph = build_network(world)
    annotated = with_measures(graph)
    assert "degree" not in graph.nodes[node("g1")]  # the original is left alone
    g1 = annotated.nodes[node("g1")]
    assert g1["degree"] == pytest.approx(5 / 8)
    assert set(g1) >= {"betweenness", "eigenvector", "community"}
    ranks = top_actors(graph, "degree", 2)
    assert [r.id for r in ranks] == ["g1", "g2"]
    assert (ranks[0].name, ranks[0].type, ranks[0].links, ranks[0].incidents) == (
        "Group One",
        "ArmedGroup",
        5,
        3,
    )
    assert top_actors(graph, "betweenness", 1)[0].id == "g1"
    assert len(top_actors(graph, "eigenvector", 100)) == 5  # actors only


def test_ego_network(world) -> None:
    graph = build_network(world)
    ego = ego_network(graph, node("s1"), 1)
    assert set(ego) == nodes("s1", "g1", "i4")
    assert set(ego_network(graph, node("s1"), 2)) == nodes("s1", "g1", "i4", "i1", "i2", "g2")
    with pytest.raises(NetworkError, match="not in this network"):
        ego_network(graph, node("p9"))


def test_paths_carry_the_evidence_of_every_hop(world) -> None:
    graph = build_network(world)
    [path] = find_paths(graph, node("g2"), node("s1"))
    assert [(h.source, h.target) for h in path] == [
        (node("g2"), node("g1")),
        (node("g1"), node("s1")),
    ]
    assert [(h.subject, h.predicate, h.object, h.certainty) for h in path] == [
        (node("g2"), "rivalOf", node("g1"), "alleged"),
        (node("g1"), "backedBy", node("s1"), "asserted"),
    ]
    assert path[0].evidence[0]["sentence"] == "Group Two is said to be a rival of Group One."
    assert path[0].evidence[0]["according_to"] == "Analysts"
    # Walking against an edge keeps the edge as stated.
    [back] = find_paths(graph, node("s1"), node("g2"))
    assert (back[0].source, back[0].subject) == (node("s1"), node("g1"))


def test_paths_through_incidents_and_parallel_edges(world) -> None:
    graph = build_network(world)
    found = find_paths(graph, node("p1"), node("g1"))
    assert [[h.predicate for h in p] for p in found] == [["target", "perpetrator"]]
    with_denied = build_network(world, filters=NetworkFilter(min_certainty="denied"))
    [direct] = find_paths(with_denied, node("g2"), node("s1"))
    assert [(h.predicate, h.certainty) for h in direct] == [("backedBy", "denied")]


def test_no_path(world) -> None:
    graph = build_network(world)
    assert find_paths(graph, node("o1"), node("g1")) == []  # another component
    assert find_paths(graph, node("p1"), node("s1"), max_length=2) == []  # needs 3 hops
    assert len(find_paths(graph, node("p1"), node("s1"), max_length=3)) == 1
    assert find_paths(graph, node("p9"), node("g1")) == []  # not in the network
    assert find_paths(graph, node("g1"), node("g1")) == []


def test_lookup_entity(sample_store: Store) -> None:
    assert lookup_entity(sample_store, "kataib-hezbollah") == ("Kataib Hezbollah", ["ArmedGroup"])
    assert lookup_entity(sample_store, "nobody-at-all") is None
    assert lookup_entity(sample_store, "bad id!") is None


# --- every backend builds the same network ------------------------------------------------


def test_backends_agree(store_url: str, world) -> None:
    with open_store(store_url) as store:
        store.add_article(*world_graph())
        data = load_network_data(store)
    for projection in ("full", "actors"):
        expected = nx.node_link_data(build_network(world, projection), edges="edges")
        got = nx.node_link_data(build_network(data, projection), edges="edges")
        assert got == expected
    assert len(data.claims) == len(CLAIMS)


# --- the sample article --------------------------------------------------------------------


def test_sample_network(sample_store: Store) -> None:
    data = load_network_data(sample_store)
    graph = build_network(data)
    [strike] = [n for n, d in graph.nodes(data=True) if d.get("type") == "AirOrDroneStrike"]
    assert graph.nodes[strike]["date"] == "2021-11-07"
    assert graph.nodes[strike]["places"] == ["baghdad"]
    assert graph.nodes[strike]["location_precision"] == "city"
    assert graph.nodes[strike]["latitude"] == pytest.approx(33.34, abs=0.01)
    perpetrators = {
        t: d["certainty"]
        for _, t, k, d in graph.out_edges(strike, keys=True, data=True)
        if k == "perpetrator"
    }
    assert perpetrators == {
        "entity/kataib-hezbollah": "alleged",
        "entity/asaib-ahl-al-haq": "alleged",
    }
    evidence = graph.edges[strike, "entity/kataib-hezbollah", "perpetrator"]["evidence"]
    assert any(e["according_to"] == "Two Iraqi security officials" for e in evidence)
    assert graph.has_edge("entity/kataib-hezbollah", "entity/iran", "backedBy")
    denied = build_network(data, filters=NetworkFilter(min_certainty="denied"))
    assert denied.edges[strike, "entity/iran", "perpetrator"]["certainty"] == "denied"
    actors = build_network(data, "actors")
    co = actors.edges["entity/asaib-ahl-al-haq", "entity/kataib-hezbollah", "coPerpetrator"]
    assert co["weight"] >= 1
    [path, *_] = find_paths(graph, "entity/asaib-ahl-al-haq", "entity/kataib-hezbollah")
    assert len(path) == 2
    assert all(hop.evidence for hop in path)
