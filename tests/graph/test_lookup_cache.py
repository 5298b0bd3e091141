"""Whole-store answers kept per write generation (`Store.memo`), and the batched
questions (`claims_each`) that replace one request per node, on every backend."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from conflict_kg.extract import Extraction, article_graph
from conflict_kg.graph.lookups.rows import claims, claims_each
from conflict_kg.graph.store import Store
from conflict_kg.graph.vocabulary import id_iri
from conflict_kg.ontologies import CK, article_iri


def titles(store: Store) -> list[str]:
    rows = store.query(
        "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?t { ?a dcterms:title ?t }"
    )
    return sorted(str(row[0]) for row in rows)


def add_titled(store: Store, sha: str) -> None:
    iri = article_iri(sha)
    graph = Graph()
    graph.add((iri, RDF.type, CK.Article))
    graph.add((iri, DCTERMS.title, Literal(f"Article {sha}")))
    assert store.add_article(iri, graph)


def test_an_answer_is_kept_until_the_next_write(store: Store) -> None:
    calls: list[list[str]] = []

    def compute() -> list[str]:
        calls.append(titles(store))
        return calls[-1]

    add_titled(store, "a1")
    first = store.memo("titles", compute)
    again = store.memo("titles", compute)
    assert first == again == ["Article a1"]
    # A remote endpoint cannot say when it was written, so it is asked every time.
    assert len(calls) == (2 if store.generation is None else 1)
    add_titled(store, "a2")
    assert store.memo("titles", compute) == ["Article a1", "Article a2"]
    assert store.memo("other key", lambda: ["separate"]) == ["separate"]


def test_claims_each_equals_claims_node_by_node(store: Store, sample: Extraction) -> None:
    iri, graph = article_graph(sample)
    assert store.add_article(iri, graph)
    strike = id_iri("incident", "cae519a22481-1")
    kataib = id_iri("entity", "kataib-hezbollah")
    nowhere = URIRef("https://example.org/nothing")
    batched = claims_each(store, [strike, kataib, nowhere], "out")
    assert set(batched) == {strike, kataib}
    assert batched[strike] == claims(store, strike, "out")
    assert batched[kataib] == claims(store, kataib, "out")
    assert {c.predicate for c in batched[strike]} >= {"perpetrator", "target", "place"}
    incoming = claims_each(store, [kataib], "in")[kataib]
    assert [(c.predicate, c.certainty) for c in incoming if c.other == strike] == [
        ("perpetrator", "alleged"),
        ("perpetrator", "alleged"),
    ]
