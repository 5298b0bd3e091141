"""`Store.add_articles` and `Store.stored_articles`, the batch verbs of a large ingest, on
every backend (embedded Oxigraph, memory, a real `oxigraph serve`)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib.namespace import RDF

from conflict_kg.graph.store import StoreError
from conflict_kg.graph.store import sparql as sparql_backend
from conflict_kg.ontologies import CK

BASE = "https://w3id.org/conflict-kg/id/article/"


def _article(n: int, triples: int = 3) -> tuple[URIRef, list[ox.Quad]]:
    iri = URIRef(f"{BASE}{n:064d}")
    name = ox.NamedNode(str(iri))
    typed = ox.Quad(name, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CK.Article)), name)
    return iri, [
        typed,
        *(
            ox.Quad(
                ox.NamedNode(f"{iri}#e{i}"), ox.NamedNode("http://ex/p"), ox.Literal(f"{i}"), name
            )
            for i in range(triples - 1)
        ),
    ]


def test_a_batch_is_written_and_what_is_stored_is_skipped(store, monkeypatch) -> None:
    monkeypatch.setattr(sparql_backend, "REQUEST_QUADS", 7)  # several requests on a remote store
    first = [_article(n) for n in range(5)]
    assert store.add_articles(first) == [True] * 5
    again = [_article(3), _article(5), _article(5), _article(6)]
    assert store.add_articles(again) == [False, True, False, True]
    assert store.stored_articles([_article(n)[0] for n in (0, 6, 7)]) == {
        _article(0)[0],
        _article(6)[0],
    }
    exported = store.export("nquads").decode()
    assert len([line for line in exported.splitlines() if line]) == 7 * 3


def test_a_batch_with_a_quad_outside_its_graph_writes_nothing(store) -> None:
    iri, quads = _article(1)
    stray = ox.Quad(quads[0].subject, quads[0].predicate, quads[0].object, ox.NamedNode("http://x"))
    with pytest.raises(StoreError, match="outside its graph"):
        store.add_articles([_article(0), (iri, [*quads, stray])])
    with pytest.raises(StoreError, match="empty graph"):
        store.add_articles([_article(2), (_article(3)[0], [])])
    assert store.stored_articles([_article(n)[0] for n in range(4)]) == set()


def _nquads(article: tuple[URIRef, list[ox.Quad]]) -> tuple[URIRef, bytes]:
    """An article as a Dask worker sends it: its quads serialised as N-Quads."""
    iri, quads = article
    return iri, ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def test_articles_given_as_nquads_are_stored_as_their_quads(store, monkeypatch) -> None:
    monkeypatch.setattr(sparql_backend, "REQUEST_QUADS", 7)
    batch = [_nquads(_article(0, 4)), _article(1), _nquads(_article(2, 2))]
    assert store.add_articles(batch) == [True, True, True]
    assert store.add_articles([_nquads(_article(1)), _nquads(_article(3))]) == [False, True]
    assert store.stored_articles([_article(n)[0] for n in range(5)]) == {
        _article(n)[0] for n in range(4)
    }
    expected = {
        line
        for n, size in ((0, 4), (1, 3), (2, 2), (3, 3))
        for line in _nquads(_article(n, size))[1].decode().splitlines()
    }
    exported = store.export("nquads").decode().splitlines()
    assert sorted(line for line in exported if line) == sorted(expected)


@pytest.mark.parametrize(
    "stray",
    [
        '<http://ex/s> <http://ex/p> "x" <http://x> .\n',  # another graph
        '<http://ex/s> <http://ex/p> "x" .\n',  # the default graph
        '<http://ex/s> <http://ex/p> "x" {graph}',  # no line end: half a statement
    ],
)
def test_nquads_with_a_statement_outside_the_articles_graph_write_nothing(
    store, stray: str
) -> None:
    iri, data = _nquads(_article(1))
    with pytest.raises(StoreError, match="outside its graph"):
        store.add_articles(
            [_nquads(_article(0)), (iri, data + stray.format(graph=f"<{iri}> .").encode())]
        )
    with pytest.raises(StoreError, match="empty graph"):
        store.add_articles([_nquads(_article(2)), (_article(3)[0], b"")])
    assert store.stored_articles([_article(n)[0] for n in range(4)]) == set()


def _unparsable(store) -> None:
    """A batch whose second article is in its graph but not well formed (an IRI with a
    space): found as the batch is parsed, nothing of it stored, and the store goes on."""
    iri, data = _nquads(_article(1))
    broken = data + f'<http://ex/a b> <http://ex/p> "x" <{iri}> .\n'.encode()
    with pytest.raises(StoreError):
        store.add_articles([_nquads(_article(0, 40)), (iri, broken), _article(2)])
    assert store.stored_articles([_article(n)[0] for n in range(3)]) == set()
    assert store.export("nquads").strip() == b""
    assert store.stats().last_ingest is None
    assert store.add_articles([_nquads(_article(1))]) == [True]


def test_nquads_that_do_not_parse_write_nothing(store) -> None:
    _unparsable(store)


def test_nquads_that_do_not_parse_write_nothing_through_the_bulk_loader(
    tmp_path, monkeypatch
) -> None:
    """The embedded store's bulk load, which has no transaction, undone at once."""
    from conflict_kg.graph.store import open_store
    from conflict_kg.graph.store import oxigraph as oxigraph_backend

    monkeypatch.setattr(oxigraph_backend, "BULK_QUADS", 2)
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        _unparsable(store)
    assert not (tmp_path / "store" / oxigraph_backend.BULK_JOURNAL).exists()


@pytest.mark.parametrize("bulk", [False, True], ids=["transaction", "bulk loader"])
def test_the_embedded_store_keeps_the_labels_of_blank_nodes(tmp_path, monkeypatch, bulk) -> None:
    """Loading N-Quads would rename blank nodes (and give two articles' `_:b` one node):
    a batch with one is written as quads, as given, whichever form it came in."""
    from conflict_kg.graph.store import open_store
    from conflict_kg.graph.store import oxigraph as oxigraph_backend

    if bulk:
        monkeypatch.setattr(oxigraph_backend, "BULK_QUADS", 2)
    articles = []
    for n in range(2):
        iri, quads = _article(n)
        name = ox.NamedNode(str(iri))
        blank = ox.Quad(ox.BlankNode("b"), ox.NamedNode("http://ex/p"), ox.Literal(f"{n}"), name)
        articles.append((iri, [*quads, blank]))
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        assert store.add_articles([articles[0], _nquads(articles[1])]) == [True, True]
        labelled = sorted(
            (line.split()[0], line.split()[2])
            for line in store.export("nquads").decode().splitlines()
            if line.startswith("_:")
        )
    assert labelled == [("_:b", '"0"'), ("_:b", '"1"')]


CRASH_AFTER_THE_LOAD = """
import os, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from test_store_batches import _article
from conflict_kg.graph.store import open_store
from conflict_kg.graph.store import oxigraph as backend

backend.BULK_QUADS = 2
store = open_store({url!r})
assert store.add_articles([_article(0)]) == [True]  # one transaction, before the crash
journal = backend.BULK_JOURNAL

def die(self, *args, **kwargs):
    if self.name == journal:  # the batch is loaded, its journal not yet removed
        os._exit(9)
    return unlink(self, *args, **kwargs)

unlink, Path.unlink = Path.unlink, die
store.add_articles([_article(1), _article(2)])
"""


def test_a_process_killed_inside_a_bulk_load_leaves_no_article_half_stored(tmp_path) -> None:
    """A bulk load has no transaction: the process dies after the load wrote its quads but
    before it removed its journal. Opening the store again drops the journal's articles, so
    the next ingest writes them whole; the article written before stays."""
    import subprocess
    import sys
    from pathlib import Path

    from conflict_kg.graph.store import open_store
    from conflict_kg.graph.store import oxigraph as oxigraph_backend

    url = f"oxigraph:{tmp_path / 'store'}"
    script = CRASH_AFTER_THE_LOAD.format(tests=str(Path(__file__).parent), url=url)
    died = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert died.returncode == 9, died.stderr
    journal = tmp_path / "store" / oxigraph_backend.BULK_JOURNAL
    assert journal.read_text().split() == [str(_article(1)[0]), str(_article(2)[0])]
    with open_store(url) as store:
        assert store.stored_articles([_article(n)[0] for n in range(3)]) == {_article(0)[0]}
        assert store.add_articles([_article(1), _article(2)]) == [True, True]
        exported = store.export("nquads").decode()
    assert len([line for line in exported.splitlines() if line]) == 3 * 3
    assert not journal.exists()
