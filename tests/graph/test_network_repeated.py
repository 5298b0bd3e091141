"""Issue 13: one report stored by 200 articles makes the same network as one article, its
evidence 200-fold, at a cost that grows with the articles, not with a power of them; and
a network outgrowing its budget stops with an error that says which budget.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import networkx as nx
import pytest
from network_world import world_graph
from rdflib import Variable
from repeated_store import REPEATED_ACTOR, store_reports

from conflict_kg.extract import ARTICLE_KEY_LENGTH, Extraction
from conflict_kg.graph.network import (
    Budget,
    NetworkFilter,
    NetworkTimeout,
    NetworkTooLarge,
    build_network,
    load_network_data,
    lookup_entity,
    network_from_store,
    with_measures,
)
from conflict_kg.graph.network.budget import NetworkCancelled
from conflict_kg.graph.network.data import NetworkData, _rows
from conflict_kg.graph.resolve import resolve
from conflict_kg.graph.store import Store, open_store
from conflict_kg.ontologies import CKID

REPORTS = 200


def _store(
    tmp_path_factory: pytest.TempPathFactory, sample: Extraction, text: str, count: int
) -> Iterator[Store]:
    path = tmp_path_factory.mktemp(f"reports-{count}") / "store"
    with open_store(f"oxigraph:{path}") as store:
        store_reports(store, sample, text, count)
        resolve(store)
        yield store


@pytest.fixture(scope="module")
def one_report(
    tmp_path_factory: pytest.TempPathFactory, sample: Extraction, sample_text: str
) -> Iterator[Store]:
    yield from _store(tmp_path_factory, sample, sample_text, 1)


@pytest.fixture(scope="module")
def many_reports(
    tmp_path_factory: pytest.TempPathFactory, sample: Extraction, sample_text: str
) -> Iterator[Store]:
    yield from _store(tmp_path_factory, sample, sample_text, REPORTS)


UNNAMED = re.compile(rf"-[0-9a-f]{{{ARTICLE_KEY_LENGTH}}}$")
"""An article-scoped id: an actor the report describes without naming it ("some of his
bodyguards"): one per report in the store, one per resolved incident in the network
(docs/resolution.md)."""


def unnamed(node: str) -> bool:
    return bool(UNNAMED.search(node))


def signature(graph: nx.MultiDiGraph, node: str) -> str:
    """A node as a reader knows it: a named actor by its id, an unnamed one by its name,
    an incident by its class, name and date (incident ids and unnamed actors' ids are named
    after a report, so they differ from store to store)."""
    data = graph.nodes[node]
    if data["kind"] == "actor":
        return f"unnamed:{data.get('name')}" if unnamed(node) else node
    return f"incident:{data['type']}:{data.get('name')}:{data.get('date')}"


def links(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, Any]]:
    """Every edge by the signatures of its ends: its certainty and evidence count, summed
    over incidents of one signature (undated reports are not merged by resolution)."""
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    for source, target, key, data in graph.edges(keys=True, data=True):
        link = (signature(graph, source), signature(graph, target), key)
        seen = found.setdefault(link, {"certainty": data["certainty"], "evidence": 0})
        seen["evidence"] += data["evidence_count"]
        assert seen["certainty"] == data["certainty"]
    return found


def actor_attributes(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """The named actors and their attributes."""
    return {n: d for n, d in graph.nodes(data=True) if d["kind"] == "actor" and not unnamed(n)}


def unnamed_actors(graph: nx.MultiDiGraph) -> Counter[str]:
    """How many unnamed actors of each signature."""
    return Counter(signature(graph, n) for n in graph if unnamed(n))


def test_the_repeated_actor_is_named_in_every_report(many_reports: Store) -> None:
    assert many_reports.stats().articles == REPORTS
    mentions = many_reports.query(
        "PREFIX ck: <https://w3id.org/conflict-kg/ontology#> "
        "SELECT (COUNT(DISTINCT ?article) AS ?n) WHERE { ?actor ck:mentionedIn ?article }",
        {"actor": CKID[f"entity/{REPEATED_ACTOR}"]},
    )
    assert int(str(next(iter(mentions))[0])) == REPORTS


@pytest.mark.parametrize("projection", ["full", "bipartite", "actors"])
def test_two_hundred_reports_make_the_network_of_one_with_200_fold_evidence(
    one_report: Store, many_reports: Store, projection: str
) -> None:
    one = network_from_store(one_report, projection)
    many = network_from_store(many_reports, projection)
    assert {signature(one, n) for n in one} == {signature(many, n) for n in many}
    single, repeated = links(one), links(many)
    assert set(single) == set(repeated)
    assert len(single) >= 5
    for link, seen in single.items():
        assert repeated[link]["certainty"] == seen["certainty"], link
        assert repeated[link]["evidence"] == REPORTS * seen["evidence"], link
    assert actor_attributes(one) == actor_attributes(many)
    # each report describes its own unnamed victims, and the network shows the bodyguards
    # of the one resolved incident once (the actors projection links actors to actors: a
    # victim of no relation is not in it)
    victims = 0 if projection == "actors" else 1
    assert unnamed_actors(one) == Counter({"unnamed:Bodyguards": victims})
    assert unnamed_actors(many) == Counter({"unnamed:Bodyguards": victims})


def test_facts_of_repeated_entities_are_read_once(one_report: Store, many_reports: Store) -> None:
    """The queries that joined an entity's facts over every article's copy now answer the
    same rows for 200 reports as for one; the per-report ones grow 200-fold, no faster."""
    budget = Budget()
    assert len(_rows(many_reports, "network_places", budget)) == len(
        _rows(one_report, "network_places", budget)
    )
    actor = Variable("actor")
    one, many = (
        Counter(unnamed(str(row[actor])) for row in _rows(store, "network_actors", budget))
        for store in (one_report, many_reports)
    )
    assert many[False] == one[False] > 0  # a named actor's facts are read once
    assert many[True] == REPORTS * one[True] > 0  # each report's unnamed actor its own
    for name in ("network_incidents", "network_claims", "network_articles"):
        assert len(_rows(many_reports, name, budget)) == REPORTS * len(
            _rows(one_report, name, budget)
        )
    assert lookup_entity(many_reports, REPEATED_ACTOR) == lookup_entity(one_report, REPEATED_ACTOR)
    assert lookup_entity(many_reports, REPEATED_ACTOR) == ("Kataib Hezbollah", ["ArmedGroup"])


def test_evidence_of_one_link_comes_from_every_report(many_reports: Store) -> None:
    graph = network_from_store(many_reports, "full")
    [strike] = [n for n, d in graph.nodes(data=True) if d.get("type") == "AirOrDroneStrike"]
    edge = graph.edges[strike, f"entity/{REPEATED_ACTOR}", "perpetrator"]
    articles = Counter(e["article"] for e in edge["evidence"])
    assert len(articles) == REPORTS
    assert edge["evidence_count"] == sum(articles.values())


# --- the budget ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world() -> Iterator[NetworkData]:
    with open_store("memory:") as store:
        store.add_article(*world_graph())
        yield load_network_data(store)


def test_a_network_over_the_row_cap_is_refused_and_filters_bring_it_under(
    world: NetworkData,
) -> None:
    full = build_network(world)
    size = len(full) + full.number_of_edges()
    with pytest.raises(NetworkTooLarge, match=r"more than 12 nodes and edges.*date_from"):
        build_network(world, budget=Budget(max_rows=12))
    assert size > 12
    narrow = build_network(
        world,
        filters=NetworkFilter(incident_classes=("Protest",)),
        budget=Budget(max_rows=12),
    )
    assert set(narrow) == {"incident/i3", "entity/o1"}
    exact = build_network(world, budget=Budget(max_rows=size))
    assert set(exact) == set(full)


def test_co_perpetration_pairs_count_against_the_cap(world: NetworkData) -> None:
    # i1 and i2 each have two perpetrators (g1, g2) under the default certainty.
    with pytest.raises(NetworkTooLarge, match="co-perpetration"):
        build_network(world, "actors", budget=Budget(max_rows=1))


def test_a_query_answering_more_rows_than_the_cap_is_refused(many_reports: Store) -> None:
    rows = len(_rows(many_reports, "network_claims", Budget()))
    with pytest.raises(NetworkTooLarge, match="rows from the query network_claims"):
        _rows(many_reports, "network_claims", Budget(max_rows=rows - 1))
    assert len(_rows(many_reports, "network_claims", Budget(max_rows=rows))) == rows


def test_a_past_deadline_stops_the_network_before_the_store_is_read() -> None:
    with open_store("memory:") as store:
        store.add_article(*world_graph())
        with pytest.raises(NetworkTimeout, match=r"longer than the 0\.5 s time limit"):
            network_from_store(store, budget=Budget(deadline=0.0, seconds=0.5))
        # Nothing half-read was kept: the next request builds the whole network.
        assert len(network_from_store(store)) == 9


def test_a_cancelled_budget_stops_the_measures(many_reports: Store) -> None:
    graph = network_from_store(many_reports, "full")
    budget = Budget()
    budget.cancel()
    with pytest.raises(NetworkCancelled):
        with_measures(graph, budget)
