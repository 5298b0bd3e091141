"""The name index behind `list_entities` answers as a scan of every name would, is rebuilt
after a write, and the lookups read their budget (`graph.lookups.budget`): the row cap on
each query, a cancelled budget at the next query, the indexes kept per write built whole
even under a budget that has run out."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from conflict_kg.extract import Extraction, article_graph
from conflict_kg.graph import lookups
from conflict_kg.graph.lookups.budget import LookupTooLarge, within
from conflict_kg.graph.lookups.names import entity_index
from conflict_kg.graph.network.budget import Budget, NetworkCancelled
from conflict_kg.graph.store import Store
from conflict_kg.graph.vocabulary import fold, id_iri, subclasses
from conflict_kg.ontologies import CK, article_iri


@pytest.fixture
def sample_store(store: Store, sample: Extraction) -> Store:
    iri, graph = article_graph(sample)
    assert store.add_article(iri, graph)
    return store


def scanned(store: Store, q: str, type: str | None = None) -> list[str]:
    """The ids a scan of every entry's folded id, names and aliases finds, in list order."""
    wanted = subclasses(type) if type else None
    needle = fold(q.strip())
    found = []
    for entry in entity_index(store).entries:
        entity = entry.summary
        names = (entity.id, entity.name, *entity.aliases)
        if any(needle in fold(n) for n in names) and (wanted is None or entry.classes & wanted):
            found.append(entity.id)
    return found


@pytest.mark.parametrize(
    ("q", "type"),
    [
        ("kataib", None),
        ("Kata'ib", None),
        ("hezbollah", "ArmedGroup"),
        ("iraq", None),
        ("iraq", "Place"),
        ("ir", None),
        ("a", "Actor"),
        ("zzzz", None),
        ("kadhim", None),
    ],
)
def test_q_finds_what_a_scan_of_every_name_finds(
    sample_store: Store, q: str, type: str | None
) -> None:
    page = lookups.list_entities(sample_store, q=q, type=type, limit=500)
    expected = scanned(sample_store, q, type)
    assert [e.id for e in page.items] == expected
    assert page.total == len(expected)


def test_the_sample_is_found_by_parts_of_names(sample_store: Store) -> None:
    assert [e.id for e in lookups.list_entities(sample_store, q="KATA’IB").items] == [
        "kataib-hezbollah"
    ]
    everyone = lookups.list_entities(sample_store, limit=500)
    assert lookups.list_entities(sample_store, q="", limit=500) == everyone
    assert everyone.total == len(entity_index(sample_store).entries) > 5
    page = lookups.list_entities(sample_store, limit=2, offset=1)
    assert page.items == everyone.items[1:3]
    assert (page.total, page.limit, page.offset) == (everyone.total, 2, 1)


def test_the_index_is_rebuilt_after_a_write(sample_store: Store) -> None:
    assert lookups.list_entities(sample_store, q="zorbanian").total == 0
    article = article_iri("f" * 64)
    entity = id_iri("entity", "zorbanian-front")
    graph = Graph()
    graph.add((article, RDF.type, CK.Article))
    graph.add((entity, RDF.type, CK.ArmedGroup))
    graph.add((entity, RDFS.label, Literal("Zorbanian Front")))
    graph.add((entity, CK.mentionedIn, article))
    assert sample_store.add_article(article, graph)
    found = lookups.list_entities(sample_store, q="zorbanian")
    assert [(e.id, e.name, e.type) for e in found.items] == [
        ("zorbanian-front", "Zorbanian Front", "ArmedGroup")
    ]


def test_a_query_over_the_row_cap_stops_the_lookup(sample_store: Store) -> None:
    detail = lookups.get_entity(sample_store, "kataib-hezbollah")
    assert detail is not None and len(detail.relations) + len(detail.incidents) > 2
    with within(Budget(max_rows=2)), pytest.raises(LookupTooLarge, match="more than 2 rows"):
        lookups.get_entity(sample_store, "kataib-hezbollah")
    with within(Budget(max_rows=10_000)):
        assert lookups.get_entity(sample_store, "kataib-hezbollah") == detail


def test_a_cancelled_budget_stops_at_the_next_query_but_the_index_is_kept(
    sample_store: Store,
) -> None:
    gone = Budget(max_rows=10_000)
    gone.cancel()
    with within(gone), pytest.raises(NetworkCancelled):
        lookups.list_entities(sample_store)
    with within(gone), pytest.raises(NetworkCancelled):
        lookups.get_incident(sample_store, "c-none")
    # The index was built whole before the budget was checked: a later reader finds it
    # (a remote store, which others may write to, keeps nothing).
    built = entity_index(sample_store)
    assert lookups.list_entities(sample_store).total == len(built.entries)
    assert (entity_index(sample_store) is built) == (sample_store.generation is not None)
