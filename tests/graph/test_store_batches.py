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
