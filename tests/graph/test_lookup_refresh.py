"""Lookup tables moved by a write (graph/lookups/refresh.py): after each pass of the
resolution queue, the kept resolution table, entity name index and incident order equal the
ones a fresh read of the store builds, while the store was read only for what the pass
touched; on a remote store, which cannot tell when it was written, nothing is kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from scale_feed import generated_articles

from conflict_kg.extract import Extractor, article_graph, read_inputs
from conflict_kg.graph import lookups
from conflict_kg.graph.lookups import incidents, names
from conflict_kg.graph.lookups.budget import kept
from conflict_kg.graph.resolve.incremental import footprint
from conflict_kg.graph.resolve.queue import ResolutionQueue
from conflict_kg.graph.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def graphs(extractor: Extractor) -> list:
    items = generated_articles(24, 5)
    for name in ("kirkuk-a.txt", "kirkuk-b.txt", "kirkuk-d.txt"):
        items += read_inputs(ROOT / "tests" / "graph" / "articles" / name)
    return [article_graph(extractor.extract(item)) for item in items]


def _written(store: Store, write: Callable[[], bool]) -> list[int]:
    """Write under the store's lock; the generation the write made, as the service does."""
    with store.exclusive():
        assert write()
        return [] if store.generation is None else [store.generation]


def _read_all(store: Store) -> None:
    """What a request reads: the kept tables, built if they are not kept."""
    lookups.list_entities(store, q="ira")
    lookups.list_incidents(store)


def _same_as_fresh(store: Store) -> None:
    index = names.entity_index(store)
    fresh = names._build(store)
    assert index.entries == fresh.entries
    assert index.grams == fresh.grams
    assert incidents.resolved(store) == incidents._read_resolved(store)
    order = kept(store, "incidents_newest_first", lambda: incidents._newest_first(store))
    assert order == incidents._newest_first(store)


def test_tables_move_with_each_pass_as_a_fresh_read_gives(store: Store, graphs: list) -> None:
    queue = ResolutionQueue(store)
    first, rest = graphs[:16], graphs[16:]
    for iri, graph in first:
        assert store.add_article(iri, graph)
    queue.after_write(added=[iri for iri, _ in first])  # a rebuild: nothing to move
    _read_all(store)
    expected_moves = 0
    for number, (iri, graph) in enumerate(rest):
        steps = _written(store, lambda: store.add_article(iri, graph))  # noqa: B023
        if number % 2:
            _read_all(store)  # tables read between the article's write and its pass
        queue.after_write(added=[iri], generations=steps)
        if store.generation is not None:
            expected_moves += 1
        assert queue.refreshed == expected_moves
        _same_as_fresh(store)
    # A removal: its reports leave their incidents, its actors their counts.
    gone = [rest[-1][0], first[3][0]]
    removed = footprint(store, gone)
    steps = [s for iri in gone for s in _written(store, lambda: store.remove_article(iri))]  # noqa: B023
    queue.after_write(removed=removed, generations=steps)
    assert queue.refreshed == expected_moves + (store.generation is not None)
    _same_as_fresh(store)
    # A write the queue does not know of (a SPARQL Update) is never moved over: the next
    # pass leaves the tables to be read again whole.
    store.update(
        "INSERT DATA { GRAPH <urn:notes> { <urn:x> <http://www.w3.org/2000/01/rdf-schema#label>"
        ' "note" } }'
    )
    iri, graph = rest[-1]
    steps = _written(store, lambda: store.add_article(iri, graph))
    moves = queue.refreshed
    queue.after_write(added=[iri], generations=steps)
    assert queue.refreshed == moves
    _same_as_fresh(store)
