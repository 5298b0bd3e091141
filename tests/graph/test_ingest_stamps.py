"""When each article was stored (issue #18, item 1: "last ingest"): the ingest stamp every
backend writes with the article, which nothing that lists, counts or exports articles may
take for one."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset, Graph, Literal
from rdflib.namespace import DCTERMS
from test_store import article, two_articles

from conflict_kg.graph.store import Store
from conflict_kg.graph.store.stamps import INGEST_GRAPH
from conflict_kg.graph.store.terms import article_quads


def _moment(text: str | None) -> datetime:
    assert text is not None
    assert text.endswith("Z"), text
    return datetime.fromisoformat(text)


def _now() -> datetime:
    return datetime.now(UTC)


def test_add_article_stamps_the_time_it_was_stored(store: Store) -> None:
    assert store.stats().last_ingest is None
    first, first_graph, second, second_graph = two_articles()
    before = _now().replace(microsecond=0)  # stamps are kept to the second
    store.add_article(first, first_graph)
    after = _now()
    stats = store.stats()
    assert before <= _moment(stats.last_ingest) <= after
    # not an article, not a triple of one
    assert (stats.articles, stats.triples) == (1, 4)
    assert store.article_graphs() == [first]
    # a second write moves it on; the same text again writes nothing, not even a stamp
    store.add_article(second, second_graph)
    assert store.add_article(first, first_graph) is False
    stamps = store.query(
        "SELECT ?a ?at WHERE { GRAPH ?g { ?a <https://w3id.org/conflict-kg/ontology#ingestedAt>"
        " ?at } }"
    )
    assert sorted(str(row[0]) for row in stamps) == [str(first), str(second)]
    assert before <= _moment(store.stats().last_ingest) <= _now()


def test_a_batch_is_stamped_with_the_articles(store: Store) -> None:
    batch = [article(f"b{n}") for n in range(3)]
    before = _now().replace(microsecond=0)
    assert store.add_articles([(i, article_quads(i, g)) for i, g in batch]) == [True] * 3
    after = _now()
    assert before <= _moment(store.stats().last_ingest) <= after
    assert store.stats().articles == 3
    stamped = store.article_graph(INGEST_GRAPH)
    assert sorted(str(s) for s in stamped.subjects()) == sorted(str(i) for i, _ in batch)


def test_exports_leave_the_stamps_out(store: Store) -> None:
    first, first_graph, second, second_graph = two_articles()
    store.add_article(first, first_graph)
    store.add_article(second, second_graph)
    dataset = Dataset()
    dataset.parse(data=store.export("nquads"), format="nquads")
    assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {str(first), str(second)}
    union = Graph().parse(data=store.export("turtle"), format="turtle")
    assert set(union) == set(first_graph) | set(second_graph)


def test_a_removed_article_takes_its_stamp_with_it(store: Store) -> None:
    first, first_graph, *_ = two_articles()
    store.add_article(first, first_graph)
    assert store.stats().last_ingest is not None
    assert store.remove_article(first) is True
    assert store.stats().last_ingest is None
    assert len(store.article_graph(INGEST_GRAPH)) == 0


def test_the_bulk_loader_writes_the_stamps_too(tmp_path: Path) -> None:
    """A batch past `BULK_QUADS` goes through Oxigraph's bulk loader, stamps with it."""
    from conflict_kg.graph.store import open_store
    from conflict_kg.graph.store.oxigraph import BULK_QUADS

    iri, graph = article("bulk")
    for n in range(BULK_QUADS):
        graph.add((iri, DCTERMS.description, Literal(f"line {n}")))
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        before = _now().replace(microsecond=0)
        assert store.add_articles([(iri, article_quads(iri, graph))]) == [True]
        after = _now()
        stats = store.stats()
        assert before <= _moment(stats.last_ingest) <= after
        assert stats.triples == len(graph)
