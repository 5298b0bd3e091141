"""The table of entity facts kept in the store (graph/resolve/stored.py): moved by every
batch of additions and removals it equals the table summed afresh from every article; a
store from before it (or one written behind its back) gets it built, once, with a notice,
and resolves as a rebuild does; it never shows in exports, counts or lookups."""

from __future__ import annotations

import logging

import pytest
from facts_table import rebuilt_table, stored_table
from rdflib import URIRef
from scale_feed import generated_articles

from conflict_kg.extract import Extractor, article_graph
from conflict_kg.graph.lookups.entities import get_entity, list_entities
from conflict_kg.graph.resolve import footprint, resolve, resolve_articles
from conflict_kg.graph.resolve.rebuild import resolution_graph
from conflict_kg.graph.resolve.stored import FACTS
from conflict_kg.graph.store import Store
from conflict_kg.graph.store.stamps import FACTS_GRAPH
from conflict_kg.ontologies import RESOLUTION_GRAPH, local_id

LOGGER = "conflict_kg.resolve"


@pytest.fixture(scope="module")
def graphs(extractor: Extractor) -> list[tuple[URIRef, object]]:
    return [article_graph(extractor.extract(item)) for item in generated_articles(24, 5)]


def _add(store: Store, graphs: list) -> list[URIRef]:
    for iri, graph in graphs:
        assert store.add_article(iri, graph)
    return [iri for iri, _ in graphs]


def _same_as_rebuild(store: Store, summary: object) -> None:
    expected, expected_summary = resolution_graph(store)
    assert set(store.article_graph(RESOLUTION_GRAPH)) == set(expected)
    assert summary == expected_summary
    assert stored_table(store) == rebuilt_table(store)


def test_the_stored_table_follows_additions_and_removals(store, graphs) -> None:
    _add(store, graphs[:12])
    resolve(store)
    first = stored_table(store)
    assert first == rebuilt_table(store)
    second = _add(store, graphs[12:18])
    _same_as_rebuild(store, resolve_articles(store, second))
    assert stored_table(store) != first
    # Removing the batch moves the table back to what it was, triple for triple.
    removed = footprint(store, second)
    for iri in second:
        assert store.remove_article(iri)
    _same_as_rebuild(store, resolve_articles(store, [], removed))
    assert stored_table(store) == first
    # Articles resolved again (a rerun that found them stored) are not counted twice.
    third = _add(store, graphs[18:22])
    _same_as_rebuild(store, resolve_articles(store, third))
    _same_as_rebuild(store, resolve_articles(store, third[:2]))


def test_a_store_from_before_the_table_gets_it_once(store, graphs, caplog) -> None:
    _add(store, graphs[:12])
    resolve(store)
    store.update(f"DROP GRAPH {FACTS_GRAPH.n3()}")  # as a store written before this change
    assert stored_table(store) == set()
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        _same_as_rebuild(store, resolve_articles(store, _add(store, graphs[12:16])))
    notices = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert len(notices) == 1 and "building it once" in notices[0]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        _same_as_rebuild(store, resolve_articles(store, _add(store, graphs[16:20])))
    assert [r for r in caplog.records if r.name == LOGGER] == []


def test_a_table_out_of_step_with_the_store_is_built_again(store, graphs, caplog) -> None:
    _add(store, graphs[:12])
    resolve(store)
    # A table that counts other articles than the store holds (one written by other means).
    total = f"<{FACTS_GRAPH}> <{FACTS['articleCount']}>"
    store.update(
        f"DELETE {{ GRAPH <{FACTS_GRAPH}> {{ {total} ?n }} }} "
        f"INSERT {{ GRAPH <{FACTS_GRAPH}> {{ {total} 11 }} }} "
        f"WHERE {{ GRAPH <{FACTS_GRAPH}> {{ {total} ?n }} }}"
    )
    assert stored_table(store) != rebuilt_table(store)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        _same_as_rebuild(store, resolve_articles(store, _add(store, graphs[12:15])))
    notices = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert len(notices) == 1 and "does not count this store's 15 articles" in notices[0]


def test_the_table_stays_out_of_exports_counts_and_lookups(store, graphs) -> None:
    iris = _add(store, graphs[:10])
    resolve(store)
    assert len(stored_table(store)) > 100
    article_triples = sum(len(store.article_graph(iri)) for iri in iris)
    stats = store.stats()
    assert stats.triples == article_triples
    assert stats.derived_triples == len(store.article_graph(RESOLUTION_GRAPH))
    assert stats.articles == 10
    for fmt in ("nquads", "trig", "turtle", "nt", "json-ld"):
        assert str(FACTS_GRAPH) not in store.export(fmt).decode(), fmt
    # Entities as the lookups show them are the same with the table and without it.
    entities = sorted({o for _, p, o in stored_table(store) if p == FACTS["entity"]})
    assert len(entities) > 10
    shown = [get_entity(store, local_id(str(e))) for e in entities]
    listed = list_entities(store, limit=1000)
    store.update(f"DROP GRAPH {FACTS_GRAPH.n3()}")
    assert [get_entity(store, local_id(str(e))) for e in entities] == shown
    assert list_entities(store, limit=1000) == listed
    assert sum(e is not None for e in shown) > 10
