"""The embedded store flushes RocksDB's memtables as it writes (`FLUSH_QUADS`), so that a
long ingest or a long-running server holds in memory the last writes, not all of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from conflict_kg.graph.store import open_store
from conflict_kg.graph.store import oxigraph as embedded
from tests.graph.test_store_batches import _article


def _sorted_bytes(path: Path) -> int:
    """Bytes in RocksDB's sorted files: data flushed out of the memtables."""
    return sum(f.stat().st_size for f in path.iterdir() if f.suffix == ".sst")


@pytest.mark.parametrize("flush_quads, flushed", [(10**9, False), (1_000, True)])
def test_small_transactions_reach_sorted_files_once_enough_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flush_quads: int, flushed: bool
) -> None:
    monkeypatch.setattr(embedded, "FLUSH_QUADS", flush_quads)
    store = open_store(f"oxigraph:{tmp_path}")
    try:
        for n in range(100):  # 100 transactions of 30 quads, each under the bulk loader's size
            store.add_articles([_article(n, 30)])
        # 3,000 quads: about 1.5 MB of sorted files once flushed, 1 KB (an empty file) if not.
        assert (_sorted_bytes(tmp_path) > 1_000_000) is flushed
        assert store.stored_articles([_article(n)[0] for n in (0, 99)]) == {
            _article(0)[0],
            _article(99)[0],
        }
    finally:
        store.close()


def test_updates_count_towards_a_flush(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded, "FLUSH_QUADS", 1_000)
    store = open_store(f"oxigraph:{tmp_path}")
    try:
        derived = URIRef("https://w3id.org/conflict-kg/id/graph/test-derived")
        for step in range(20):
            g = Graph()
            for i in range(100):
                g.add((URIRef(f"http://ex/s{step}-{i}"), URIRef("http://ex/p"), Literal(i)))
            absent = Graph()  # something to take out makes the patch a SPARQL update
            absent.add((URIRef("http://ex/absent"), URIRef("http://ex/p"), Literal(step)))
            store.patch_graph(derived, absent, g)
        assert _sorted_bytes(tmp_path) > 50_000
        assert len(store.article_graph(derived)) == 2_000
    finally:
        store.close()
