"""Incremental resolution (graph/resolve/incremental.py) gives the rebuild's graph, triple
for triple, after every batch of new articles: reports joining stored incidents, a new
spelling joining a stored actor, and new incidents, on every backend; and the table of
entity facts it keeps in the store equals one summed afresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from facts_table import rebuilt_table, stored_table
from rdflib import URIRef
from scale_feed import generated_articles

from conflict_kg.extract import (
    Extractor,
    article_graph,
    read_inputs,
)
from conflict_kg.graph.resolve import resolve
from conflict_kg.graph.resolve.incremental import resolve_articles
from conflict_kg.graph.resolve.rebuild import resolution_graph
from conflict_kg.graph.store import Store
from conflict_kg.ontologies import CK, RESOLUTION_GRAPH

ROOT = Path(__file__).resolve().parents[2]
KIRKUK = ROOT / "tests" / "graph" / "articles"



@pytest.fixture(scope="module")
def graphs(extractor: Extractor) -> dict[str, tuple[URIRef, object]]:
    items = {item.source: item for item in generated_articles(40, 11)}
    for name in ("kirkuk-a.txt", "kirkuk-b.txt", "kirkuk-c.json", "kirkuk-d.txt"):
        (item,) = read_inputs(KIRKUK / name)
        items[name] = item
    (sample,) = read_inputs(ROOT / "examples" / "reuters-2021-11-08-iraq-pm-drone-strike.txt")
    items["sample"] = sample
    return {key: article_graph(extractor.extract(item)) for key, item in items.items()}


STEPS = [
    ["kirkuk-b.txt", "kirkuk-d.txt", "gen:30", "gen:31", "gen:32"],  # "Salim Hadad" joins
    [f"gen:{n}" for n in range(33, 38)],
    ["sample", "gen:38", "gen:39"],
]


def _add(store: Store, graphs: dict, keys: list[str]) -> list[URIRef]:
    iris = []
    for key in keys:
        iri, graph = graphs[key]
        assert store.add_article(iri, graph)
        iris.append(iri)
    return iris


def test_incremental_resolution_equals_the_rebuild_after_every_batch(store, graphs) -> None:
    _add(store, graphs, [f"gen:{n}" for n in range(30)] + ["kirkuk-a.txt", "kirkuk-c.json"])
    resolve(store)
    merged_before = resolve(store).actors_merged
    for step in STEPS:
        new = _add(store, graphs, step)
        summary = resolve_articles(store, new)
        expected, expected_summary = resolution_graph(store)
        stored = store.article_graph(RESOLUTION_GRAPH)
        assert set(stored) == set(expected), step
        assert summary == expected_summary, step
        assert stored_table(store) == rebuilt_table(store), step
    # The batches did reach stored incidents and actors, not only new ones:
    assert summary.actors_merged > merged_before
    assert summary.reports_merged > 0
    reports = {
        s for s, _, _ in store.article_graph(RESOLUTION_GRAPH).triples((None, CK.reportOf, None))
    }
    assert len(reports) == summary.reports


def test_nothing_new_changes_nothing(store, graphs) -> None:
    _add(store, graphs, [f"gen:{n}" for n in range(10)])
    before = resolve(store)
    stored = set(store.article_graph(RESOLUTION_GRAPH))
    assert resolve_articles(store, []) == before
    assert set(store.article_graph(RESOLUTION_GRAPH)) == stored
