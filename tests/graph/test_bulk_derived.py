"""A large derived graph (resolution's, the entity-fact table) written whole goes through
the embedded store's bulk loader, journaled like a bulk load of articles: a crash half-way
leaves the graph listed, and opening the store drops it, so resolution rebuilds it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from conflict_kg.graph.store import open_store
from conflict_kg.graph.store import oxigraph as embedded

DERIVED = URIRef("https://w3id.org/conflict-kg/id/graph/test-derived")


def _quads(n: int) -> list[ox.Quad]:
    graph = ox.NamedNode(str(DERIVED))
    return [
        ox.Quad(ox.NamedNode(f"http://ex/s{i}"), ox.NamedNode("http://ex/p"), ox.Literal(i), graph)
        for i in range(n)
    ]


def test_a_large_first_write_of_a_derived_graph_is_bulk_loaded_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embedded, "BULK_QUADS", 100)
    loads: list[int] = []
    store = open_store(f"oxigraph:{tmp_path}")
    try:
        real = store._bulk_derived  # type: ignore[attr-defined]
        monkeypatch.setattr(
            store, "_bulk_derived", lambda iri, quads: (loads.append(len(quads)), real(iri, quads))
        )
        store.replace_graph(DERIVED, _quads(150))
        store.replace_graph(DERIVED, _quads(160))  # not a first write: only the difference
        assert loads == [150]
        assert len(store.article_graph(DERIVED)) == 160
        assert not (tmp_path / embedded.BULK_JOURNAL).exists()
    finally:
        store.close()


def test_a_derived_graph_left_in_the_journal_is_dropped_when_the_store_opens(
    tmp_path: Path,
) -> None:
    store = open_store(f"oxigraph:{tmp_path}")
    store.replace_graph(DERIVED, _quads(30))
    store.close()
    (tmp_path / embedded.BULK_JOURNAL).write_text(f"{DERIVED}\n")  # as a crash leaves it
    store = open_store(f"oxigraph:{tmp_path}")
    try:
        assert len(store.article_graph(DERIVED)) == 0
        assert not (tmp_path / embedded.BULK_JOURNAL).exists()
    finally:
        store.close()
