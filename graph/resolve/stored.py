"""The table of entity facts (`graph.resolve.facts`) kept in the store, so that a fresh
process resolves one more batch at the same cost in a store of 10,000 articles as of 1,000.

Building the table reads what every article says of every entity (10.9 s at 10,000
articles): a server paid that once, every `conflict-kg ingest` paid it again. So the table
lives in the bookkeeping graph `FACTS_GRAPH`, next to the resolution graph, and each batch
moves it in the same update as its resolution (`moved_facts`, then `Store.patch_graph`).
A batch reads only what it can touch: the stored facts of the entities its articles mention
(and of those the blocks reach), the entities bearing the names the blocks follow, the
counts of its names, whether its articles are counted; and, for the fuzzy search of
`NameIndex`, one row per distinct name of the store (not per article nor per entity).

In the graph (predicates in `FACTS_GRAPH`'s own namespace `F`, subjects minted from hashes,
so no entity, article or class IRI is ever a subject, no `rdf:type` is written, and lookups,
counts and exports never meet it; `graph.store.stamps` keeps it out of exports and stats):

- per entity, a node with `F:entity` (the entity), `F:articles` (how many articles mention
  it) and each fact every one of those articles states (`F:class`, `F:name`, `F:country`,
  `F:category`); a fact stated by fewer has a node of its own with `F:entity`, the fact
  and `F:count`;
- per distinct name, a node with `F:label`, `F:open` and `F:closed`: how many entities
  without and with an ACLED category bear it (what `NameIndex` reads);
- per counted article, a node with `F:article`, and `FACTS_GRAPH F:articleCount` their
  number: a batch adds only articles not counted yet and takes out only counted ones, and
  a total that is not the store's number of articles (a store written by other means, an
  older version of this code) makes the table be built again whole.

A store from before this table gets it built once, on first need, with a notice on the
`conflict_kg.resolve` logger (the CLI shows it as one line); `resolve` rebuilds it with the
resolution graph.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Collection, Iterable, Mapping, Sequence

import pyoxigraph as ox
from rdflib import Graph, Namespace, URIRef
from rdflib.term import Node

from conflict_kg.graph.resolve.actors import ActorRecord
from conflict_kg.graph.resolve.facts import (
    KINDS,
    EntityFacts,
    Row,
    Summed,
    name_rows,
    rows_each,
)
from conflict_kg.graph.store import Store
from conflict_kg.graph.store.base import store_query
from conflict_kg.graph.store.stamps import FACTS_GRAPH
from conflict_kg.graph.store.terms import to_ox
from conflict_kg.ontologies import XSD

__all__ = [
    "FACTS",
    "StoredFacts",
    "build_facts",
    "moved_facts",
    "table_quads",
    "write_table",
]

FACTS = Namespace(f"{FACTS_GRAPH}#")
LOG = logging.getLogger("conflict_kg.resolve")
_GRAPH = ox.NamedNode(str(FACTS_GRAPH))
_INTEGER = ox.NamedNode(str(XSD.integer))
_ENTITY = ox.NamedNode(str(FACTS["entity"]))
_ARTICLES = ox.NamedNode(str(FACTS["articles"]))
_COUNT = ox.NamedNode(str(FACTS["count"]))
_LABEL = ox.NamedNode(str(FACTS["label"]))
_OPEN = ox.NamedNode(str(FACTS["open"]))
_CLOSED = ox.NamedNode(str(FACTS["closed"]))
_ARTICLE = ox.NamedNode(str(FACTS["article"]))
_TOTAL = ox.NamedNode(str(FACTS["articleCount"]))
_KIND = {kind: ox.NamedNode(str(FACTS[kind])) for kind in KINDS}
_KIND_OF = {str(FACTS[kind]): kind for kind in KINDS}

Counts = tuple[int, int]
"""(undescribed, described) bearers of a name."""


def _node(kind: str, key: str) -> ox.NamedNode:
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:24]  # a name, no secret
    return ox.NamedNode(f"{FACTS_GRAPH}/{kind}-{digest}")


def _number(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_INTEGER)


def _quad(subject: ox.NamedNode, predicate: ox.NamedNode, obj: object) -> ox.Quad:
    return ox.Quad(subject, predicate, obj, _GRAPH)  # type: ignore[arg-type]


def entity_quads(entity: str, summed: Summed) -> list[ox.Quad]:
    """The quads of one entity's summed facts (a function of them, so the quads a change
    takes out are the ones an earlier change wrote)."""
    node, iri = _node("e", entity), ox.NamedNode(entity)
    quads = [_quad(node, _ENTITY, iri), _quad(node, _ARTICLES, _number(summed.articles))]
    for kind, counter in summed.counters():
        for value, count in counter.items():
            if count == summed.articles:
                quads.append(_quad(node, _KIND[kind], to_ox(value)))
                continue
            fact = _node("f", f"{entity}\n{kind}\n{value.n3()}")
            quads += [
                _quad(fact, _ENTITY, iri),
                _quad(fact, _KIND[kind], to_ox(value)),
                _quad(fact, _COUNT, _number(count)),
            ]
    return quads


def name_quads(name: Node, counts: Counts) -> list[ox.Quad]:
    """The quads of one name's counts of bearers; none once no entity bears it."""
    if not any(counts):
        return []
    node = _node("n", name.n3())
    return [
        _quad(node, _LABEL, to_ox(name)),
        _quad(node, _OPEN, _number(counts[0])),
        _quad(node, _CLOSED, _number(counts[1])),
    ]


def _marker(article: str) -> ox.Quad:
    return _quad(_node("a", article), _ARTICLE, ox.NamedNode(article))


def _total_quad(total: int) -> ox.Quad:
    return _quad(_GRAPH, _TOTAL, _number(total))


def table_quads(table: EntityFacts, articles: Iterable[str]) -> list[ox.Quad]:
    """The whole graph for a table summed from every article of `articles`."""
    quads: list[ox.Quad] = []
    for entity, summed in table.entities.items():
        quads += entity_quads(entity, summed)
    for name, counts in table.name_counts().items():
        quads += name_quads(name, counts)
    counted = [_marker(article) for article in articles]
    return [*quads, *counted, _total_quad(len(counted))]  # the count last: `write_table`


_WRITE_CHUNK = 5000
"""Quads per update when the table is written whole: memory follows the chunk, not the
store (one update of 50,000 quads cost a 10,000-article rebuild 80 MB more at its peak)."""


def write_table(store: Store, table: EntityFacts, articles: Sequence[str]) -> None:
    """Write the table whole, summed from every article of `articles`: the graph is dropped
    first and its count of articles written last, so a process stopped half-way leaves a
    table without a count, which the next batch builds again (`moved_facts`). Written as
    the first write of an empty graph, which a large store takes through its bulk loader;
    one that takes updates gets chunks of `_WRITE_CHUNK` quads."""
    quads = table_quads(table, articles)
    total = quads.pop()  # the count of articles, `table_quads`'s last quad
    store.replace_graph(FACTS_GRAPH, [])
    if store.bulk_derived:
        store.replace_graph(FACTS_GRAPH, quads)
    else:
        for start in range(0, len(quads), _WRITE_CHUNK):
            chunk = quads[start : start + _WRITE_CHUNK]
            store.patch_graph(FACTS_GRAPH, Graph(), Graph(), ((), chunk))
    store.patch_graph(FACTS_GRAPH, Graph(), Graph(), ((), [total]))


def build_facts(store: Store) -> EntityFacts:
    """Sum the table from every article and write it whole (a store from before it, or one
    whose table is out of step); the caller holds the store's write lock."""
    rows = _all(store, "resolution_actors")
    articles = [str(a) for a in store.article_graphs()]
    table = EntityFacts()
    table.move(rows, articles, 1)
    del rows
    write_table(store, table, articles)
    return table


def read_summed(store: Store, entities: Iterable[str]) -> dict[str, Summed]:
    """The stored summed facts of these entities (those it has)."""
    nodes: dict[str, dict[str, list[Node]]] = {}
    owner: dict[str, str] = {}
    for row in rows_each(store, "facts_of", "entity", map(URIRef, entities)):
        node = str(row["node"])
        owner[node] = str(row["entity"])
        nodes.setdefault(node, {}).setdefault(str(row["kind"]), []).append(row["value"])
    found: dict[str, Summed] = {}
    for node, triples in sorted(nodes.items(), key=lambda item: str(FACTS["count"]) in item[1]):
        summed = found.setdefault(owner[node], Summed())
        if str(FACTS["articles"]) in triples:  # the entity's own node comes first
            summed.articles = int(str(triples[str(FACTS["articles"])][0]))
        count = triples.get(str(FACTS["count"]))
        for predicate, values in triples.items():
            kind = _KIND_OF.get(predicate)
            if kind is None:
                continue
            counter = dict(summed.counters())[kind]
            for value in values:
                counter[value] = int(str(count[0])) if count else summed.articles
    return found


def _name_counts(rows: Iterable[Row]) -> dict[Node, Counts]:
    return {r["name"]: (int(str(r["open"])), int(str(r["closed"]))) for r in rows}


def _name_delta(
    before: Mapping[str, Summed], after: Mapping[str, Summed], entities: Iterable[str]
) -> dict[Node, list[int]]:
    """How the counts of bearers of each name move when `entities` go from `before` to
    `after`."""
    delta: dict[Node, list[int]] = {}
    for entity in entities:
        for summed, sign in ((before.get(entity), -1), (after.get(entity), 1)):
            if summed is None:
                continue
            slot = 1 if summed.categories else 0
            for name in summed.names:
                delta.setdefault(name, [0, 0])[slot] += sign
    return delta


class StoredFacts:
    """The table as it is after a change, read from the store where asked: the moved
    entities (`moved`) from the change's own sums, every other entity from its stored
    facts, names from their stored counts moved by the change. What `ActorBlocks` reads.
    `quads` are what the change takes out of and puts into `FACTS_GRAPH`."""

    def __init__(
        self,
        store: Store,
        moved: EntityFacts | None = None,
        touched: Collection[str] = (),
        names: Mapping[Node, Counts] | None = None,
        quads: tuple[set[ox.Quad], set[ox.Quad]] | None = None,
    ) -> None:
        self.store = store
        self.table = moved or EntityFacts()
        self.touched = frozenset(touched)
        """Entities whose stored facts the change moved: never read from the store."""
        self.known: set[str] = set(self.touched)
        self.moved_names = dict(names or {})
        self.quads = quads or (set(), set())

    def names(self) -> list[dict[str, Node]]:
        """Rows of (name, described) for every name of the store after the change."""
        counts = _name_counts(_all(self.store, "facts_names"))
        counts.update(self.moved_names)
        return name_rows(counts)

    def bearers_of(self, names: Iterable[Node]) -> set[str]:
        """The entities bearing any of `names` after the change."""
        wanted = list(names)
        rows = rows_each(self.store, "facts_bearers", "name", wanted)
        found = {str(r["entity"]) for r in rows} - self.touched
        return found | {e for n in wanted for e in self.table.bearers.get(n, ())}

    def records(
        self, entities: Iterable[str]
    ) -> tuple[list[ActorRecord], dict[str, frozenset[str]]]:
        """Actor records and place scopes of these entities, as a rebuild makes them."""
        wanted = list(entities)
        missing = sorted(set(wanted) - self.known)
        self.known.update(missing)
        for entity, summed in read_summed(self.store, missing).items():
            self.table.entities[entity] = summed
        return self.table.records(wanted)


def _counted(store: Store, articles: Iterable[str]) -> set[str]:
    rows = rows_each(store, "facts_counted", "article", map(URIRef, articles))
    return {str(r["article"]) for r in rows}


def _all(store: Store, name: str) -> list[dict[str, Node]]:
    """Rows of a named query without parameters, keyed by plain variable names."""
    return [{str(k): v for k, v in row.items()} for row in store.query(store_query(name)).bindings]


def _stored_total(store: Store) -> int | None:
    rows = _all(store, "facts_total")
    return int(str(rows[0]["total"])) if rows else None


def moved_facts(
    store: Store,
    total: int,
    added: Sequence[URIRef],
    removed_rows: Sequence[Row] = (),
    removed: Iterable[str] = (),
) -> StoredFacts:
    """The store's table after a change (`added` articles are in the store, `removed` ones,
    whose rows are `removed_rows`, are gone) and the quads that move it, to write with the
    change's resolution. Reads only the change's own articles, entities and names; builds
    the table whole when the store has none (or one that does not count the store's
    `total` articles). The caller holds the store's write lock."""
    stored = _stored_total(store)
    if stored is None:
        LOG.warning(
            "this store has no table of entity facts yet (made before it was kept, or its "
            "writing was cut short): building it once from every article"
        )
        build_facts(store)
        return StoredFacts(store)
    gone_wanted = {str(a) for a in removed}
    present = {str(a) for a in store.stored_articles(list(added))}
    counted = _counted(store, gone_wanted | present)
    gone = gone_wanted & counted
    fresh = present - (counted - gone)
    if stored - len(gone) + len(fresh) != total:
        LOG.warning(
            "the table of entity facts does not count this store's %d articles "
            "(written by other means): building it again from every article",
            total,
        )
        build_facts(store)
        return StoredFacts(store)
    new_rows = rows_each(store, "resolution_article_actors", "article", map(URIRef, fresh))
    old_rows = [row for row in removed_rows if str(row["article"]) in gone]
    touched = sorted({str(row["entity"]) for row in [*new_rows, *old_rows]})
    before = read_summed(store, touched)
    moved = EntityFacts(before)
    moved.move(old_rows, gone, -1)
    moved.move(new_rows, fresh, 1)
    take: set[ox.Quad] = set()
    put: set[ox.Quad] = set()
    for entity in touched:
        if entity in before:
            take.update(entity_quads(entity, before[entity]))
        if entity in moved.entities:
            put.update(entity_quads(entity, moved.entities[entity]))
    delta = _name_delta(before, moved.entities, touched)
    names = _name_counts(rows_each(store, "facts_names", "name", delta))
    after: dict[Node, Counts] = {}
    for name, (undescribed, described) in delta.items():
        old = names.get(name, (0, 0))
        after[name] = (old[0] + undescribed, old[1] + described)
        if after[name] != old:
            take.update(name_quads(name, old))
            put.update(name_quads(name, after[name]))
    take.update(_marker(a) for a in gone)
    put.update(_marker(a) for a in fresh)
    if gone or fresh:
        take.add(_total_quad(stored))
        put.add(_total_quad(total))
    return StoredFacts(store, moved, touched, after, (take, put))
