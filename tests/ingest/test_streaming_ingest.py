"""The ingest loop over a stream: batches written in one transaction each (the bulk loader
for large ones), stored articles skipped without extraction, and a crash in a bulk load
undone when the store is next opened."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib.namespace import RDF
from scale_feed import sorted_nquads, write_corpus

from conflict_kg.graph.store import open_store
from conflict_kg.graph.store import oxigraph as oxigraph_backend
from conflict_kg.graph.store.stamps import INGEST_GRAPH, stamp
from conflict_kg.ingest import SerialRunner, ingest, stream_inputs
from conflict_kg.ontologies import CK


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "c.jsonl.gz", 24)


def _ingest(url: str, corpus: Path, extractor, batch_size: int = 8) -> list:
    with open_store(url) as store:
        return list(ingest(stream_inputs([corpus]), store, extractor, batch_size=batch_size))


@pytest.fixture(scope="module")
def reference(corpus: Path, extractor, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The corpus ingested one article per transaction (batches of one)."""
    url = f"oxigraph:{tmp_path_factory.mktemp('ref') / 'store'}"
    results = _ingest(url, corpus, extractor, batch_size=1)
    assert [r.added for r in results] == [True] * 24
    with open_store(url) as store:
        return sorted_nquads(store)


def test_batches_and_the_bulk_loader_store_the_same_quads(
    corpus, extractor, reference, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(oxigraph_backend, "BULK_QUADS", 500)  # every batch of 8 goes bulk
    results = _ingest(f"oxigraph:{tmp_path / 'bulk'}", corpus, extractor)
    assert sum(r.added for r in results) == 24
    with open_store(f"oxigraph:{tmp_path / 'bulk'}") as store:
        assert sorted_nquads(store) == reference
        assert not (tmp_path / "bulk" / oxigraph_backend.BULK_JOURNAL).exists()
        assert len(store.article_graph(INGEST_GRAPH)) == 24  # each stamped, bulk or not


def test_a_rerun_skips_every_stored_article_without_extracting(corpus, extractor, tmp_path):
    url = f"oxigraph:{tmp_path / 'store'}"
    _ingest(url, corpus, extractor)
    runner = SerialRunner()  # would load a pipeline if it had anything to extract
    with open_store(url) as store:
        results = list(ingest(stream_inputs([corpus]), store, batch_size=8, runner=runner))
    assert [(r.added, r.error) for r in results] == [(False, None)] * 24
    assert runner.extractor is None


def test_a_repeated_text_in_one_batch_is_extracted_and_stored_once(extractor, tmp_path):
    path = tmp_path / "twice.jsonl"
    line = '{"text": "BAGHDAD, Iraq, March 3 (Reuters) - A car bomb exploded in Baghdad."}\n'
    path.write_text(line * 3)
    with open_store("memory:") as store:
        results = list(ingest(stream_inputs([path]), store, extractor))
        assert [r.added for r in results] == [True, False, False]
        assert store.stats().articles == 1


@pytest.mark.parametrize("journal", ["file", "graph"])
def test_an_interrupted_bulk_load_is_undone_when_the_store_opens(
    reference, tmp_path, journal: str
) -> None:
    """What a SIGKILL during a bulk load leaves: the journal (the file `BULK_JOURNAL`, or
    the graph `PENDING_GRAPH` of stores written before it) and part of the quads. Another
    article, stored before, stays."""
    location = tmp_path / "store"
    article = URIRef("https://w3id.org/conflict-kg/id/article/" + "0" * 64)
    kept = URIRef("https://w3id.org/conflict-kg/id/article/" + "1" * 64)
    name = ox.NamedNode(str(article))
    raw = ox.Store(str(location))
    raw.extend(
        [
            ox.Quad(
                ox.NamedNode(str(kept)),
                ox.NamedNode(str(RDF.type)),
                ox.NamedNode(str(CK.Article)),
                ox.NamedNode(str(kept)),
            ),
            ox.Quad(name, ox.NamedNode("http://ex/p"), ox.Literal("half"), name),
            stamp(article, datetime(2026, 1, 2, tzinfo=UTC)),  # its ingest stamp
        ]
    )
    if journal == "graph":
        writing = ox.NamedNode(f"{oxigraph_backend.PENDING_GRAPH}#writing")
        graph = ox.NamedNode(str(oxigraph_backend.PENDING_GRAPH))
        raw.extend([ox.Quad(name, writing, ox.Literal("true"), graph)])
    else:
        (location / oxigraph_backend.BULK_JOURNAL).write_text(f"{article}\n")
    raw.flush()
    del raw
    with open_store(f"oxigraph:{location}") as store:
        assert not store.has_article(article)
        assert store.stored_articles([article, kept]) == {kept}
        assert store.export("nquads").decode().splitlines() == [
            f"<{kept}> <{RDF.type}> <{CK.Article}> <{kept}> ."
        ]
        assert store.stats().last_ingest is None
    assert not (location / oxigraph_backend.BULK_JOURNAL).exists()


class _Joining(SerialRunner):
    """The in-process runner asking the writer to join batches, as the Dask runner does;
    it counts the batches it has handed over and, if told, fails before the next one."""

    def __init__(self, extractor, write_articles: int, fail_after: int | None = None) -> None:
        super().__init__(extractor)
        self.write_articles = write_articles
        self.fail_after = fail_after
        self.handed = 0

    def run(self, batches):
        for outcomes in super().run(batches):
            if self.handed == self.fail_after:
                raise RuntimeError("the cluster went away")
            self.handed += 1
            yield outcomes


def test_joined_batches_are_written_together_and_store_the_same_quads(
    corpus, extractor, reference, tmp_path
) -> None:
    runner = _Joining(extractor, write_articles=12)  # two batches of 8, then the last alone
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        handed_at = []
        for result in ingest(stream_inputs([corpus]), store, batch_size=8, runner=runner):
            assert result.added and result.error is None
            handed_at.append(runner.handed)
        assert handed_at == [2] * 16 + [3] * 8  # nothing reported before it is written
        assert sorted_nquads(store) == reference


def test_batches_waiting_to_be_joined_are_stored_when_the_runner_fails(
    corpus, extractor, tmp_path
) -> None:
    runner = _Joining(extractor, write_articles=100, fail_after=2)
    results = []
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        with pytest.raises(RuntimeError, match="the cluster went away"):
            results.extend(ingest(stream_inputs([corpus]), store, batch_size=8, runner=runner))
        assert store.stats().articles == 16
    assert [r.source for r in results] == [f"{corpus}:{n}" for n in range(1, 17)]
    assert all(r.added for r in results)
