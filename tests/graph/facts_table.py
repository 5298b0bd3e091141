"""The table of entity facts a store keeps (graph/resolve/stored.py), and the one summed
afresh from every article, both as sets of triples: equal sets are equal tables (each is a
function of its sums)."""

from __future__ import annotations

from rdflib.term import Node

from conflict_kg.graph.resolve.facts import EntityFacts
from conflict_kg.graph.resolve.stored import table_quads
from conflict_kg.graph.store import Store
from conflict_kg.graph.store.base import store_query
from conflict_kg.graph.store.stamps import FACTS_GRAPH
from conflict_kg.graph.store.terms import from_ox_triple

Triple = tuple[Node, Node, Node]


def stored_table(store: Store) -> set[Triple]:
    return set(store.article_graph(FACTS_GRAPH))


def summed_afresh(store: Store) -> EntityFacts:
    rows = [
        {str(k): v for k, v in row.items()}
        for row in store.query(store_query("resolution_actors")).bindings
    ]
    table = EntityFacts()
    table.move(rows, [str(a) for a in store.article_graphs()], 1)
    return table


def rebuilt_table(store: Store) -> set[Triple]:
    articles = [str(a) for a in store.article_graphs()]
    return {from_ox_triple(q) for q in table_quads(summed_afresh(store), articles)}
