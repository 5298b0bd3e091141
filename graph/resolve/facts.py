"""What the store's articles say of each entity, summed over them and kept in memory between
resolutions: the table `graph.resolve.blocks` reads actors and places from.

An actor named in a thousand articles has a thousand copies of its facts, one per article
graph; reading them back for every batch made one more article cost more as the store grew
(docs/scale.md). The table keeps, per entity, how many articles give each name, class,
country and ACLED category, and which entities bear each name. It is built once per store
and process from every article (`store_resolution_actors.rq`, what a rebuild reads), then
moved by each change: the rows of the new articles' graphs are added, the rows of removed
articles (read before they went, `Footprint.rows`) subtracted, so a batch costs what its own
articles hold. A count of the store's articles that disagrees with the table's (another
process wrote to the store) makes it read everything again.
"""

from __future__ import annotations

import threading
import weakref
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from conflict_kg.graph.resolve.actors import ActorRecord
from conflict_kg.graph.resolve.rebuild import entity_records
from conflict_kg.graph.store import Store
from conflict_kg.graph.store.base import store_query

__all__ = ["EntityFacts", "entity_facts", "in_step", "rows_each"]

Row = Mapping[str, Node]
_CHUNK = 200
"""Values per request, well inside any endpoint's limits."""


def rows_each(store: Store, name: str, variable: str, values: Iterable[Node]) -> list[dict]:
    """Rows of the store query `name` for each of `values` of `variable` (a VALUES clause
    placed first, a few hundred values a request), keyed by plain variable names."""
    wanted = list(dict.fromkeys(values))
    rows: list[dict] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        result = store.query_each(store_query(name), variable, chunk, first=True)
        rows.extend({str(k): v for k, v in row.items()} for row in result.bindings)
    return rows


@dataclass(slots=True)
class _Summed:
    """One entity's facts, each counted by the articles that state it."""

    classes: Counter[Node] = field(default_factory=Counter)
    names: Counter[Node] = field(default_factory=Counter)
    countries: Counter[Node] = field(default_factory=Counter)
    categories: Counter[Node] = field(default_factory=Counter)
    articles: int = 0

    def rows(self, entity: URIRef) -> list[dict[str, Node]]:
        """Rows as `store_resolution_actors.rq` would give them, one article's worth."""
        base: dict[str, Node] = {"entity": entity}
        if self.countries:
            base["country"] = min(self.countries, key=str)
        if self.categories:
            base["category"] = min(self.categories, key=str)
        rows = [{**base, "class": c, "name": n} for c in self.classes for n in self.names]
        # every distinct country must reach `entity_records`, which keeps a lone one only
        rows += [{**rows[0], "country": c} for c in self.countries] if rows else []
        return rows


def _per_article(rows: Iterable[Row]) -> dict[tuple[str, str], dict[str, set[Node]]]:
    """The distinct facts each article gives each entity."""
    found: dict[tuple[str, str], dict[str, set[Node]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        facts = found[(str(row["article"]), str(row["entity"]))]
        for key in ("class", "name", "country", "category"):
            if key in row:
                facts[key].add(row[key])
    return found


class EntityFacts:
    """The table: entity -> its summed facts, name -> the entities bearing it."""

    def __init__(self) -> None:
        self.entities: dict[str, _Summed] = {}
        self.bearers: dict[Node, set[str]] = defaultdict(set)
        self.articles: set[str] = set()
        self.generation: int | None = None
        """The store's write generation when the table was last known to be in step."""

    def apply(self, rows: Iterable[Row], articles: Iterable[str], sign: int) -> None:
        """Add (`sign` 1) or subtract (-1) the rows of these articles. An article already in
        the table is not added twice, nor one that is not in it taken away: a table read
        afresh between an article's removal and its resolution already left it out."""
        wanted = set(articles)
        wanted = wanted - self.articles if sign > 0 else wanted & self.articles
        for (article, entity), facts in _per_article(rows).items():
            if article not in wanted:
                continue
            summed = self.entities.setdefault(entity, _Summed())
            summed.articles += sign
            for key, counter in (
                ("class", summed.classes),
                ("name", summed.names),
                ("country", summed.countries),
                ("category", summed.categories),
            ):
                for value in facts.get(key, ()):
                    counter[value] += sign
                    if counter[value] <= 0:
                        del counter[value]
                        if key == "name":
                            self.bearers[value].discard(entity)
                            if not self.bearers[value]:
                                del self.bearers[value]
                    elif key == "name":
                        self.bearers[value].add(entity)
            if summed.articles <= 0:
                del self.entities[entity]
        if sign > 0:
            self.articles |= wanted
        else:
            self.articles -= wanted

    def records(
        self, entities: Iterable[str]
    ) -> tuple[list[ActorRecord], dict[str, frozenset[str]]]:
        """Actor records and place scopes of these entities, as a rebuild makes them."""
        rows: list[dict[str, Node]] = []
        counts: dict[str, int] = {}
        for entity in entities:
            summed = self.entities.get(entity)
            if summed is not None:
                rows += summed.rows(URIRef(entity))
                counts[entity] = summed.articles
        return entity_records(rows, counts)

    def names(self) -> list[dict[str, Node]]:
        """Rows of (name, described) for every actor name, as `NameIndex` takes them."""
        found = []
        for name, bearers in self.bearers.items():
            described = {bool(self.entities[e].categories) for e in bearers}
            found += [{"name": name, "described": _flag(d)} for d in described]
        return found


def _flag(value: bool) -> Node:
    return Literal(value)


_TABLES: weakref.WeakKeyDictionary[Store, EntityFacts] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def entity_facts(
    store: Store,
    total: int,
    added: Sequence[URIRef],
    removed_rows: Sequence[Row] = (),
    removed: Iterable[str] = (),
    steps: Collection[int] | None = None,
) -> EntityFacts:
    """The store's table, moved by the change: `added` articles are in the store, `removed`
    ones (whose rows are `removed_rows`) are gone. Read whole the first time, and whenever
    the table cannot be the store's after the change: when `steps` (the write generations
    the change's own writes made, from a caller that knows them: the service) does not name
    every write since the table was last in step with the store, or when the table's count
    of articles is not the store's `total`. The caller holds the store's write lock."""
    with _LOCK:
        table = _TABLES.get(store)
        if table is not None and _in_step(store, table, steps):
            table.apply(removed_rows, removed, -1)
            fresh = [a for a in added if str(a) not in table.articles]
            rows = rows_each(store, "resolution_article_actors", "article", fresh)
            table.apply(rows, [str(a) for a in fresh], 1)
            if len(table.articles) == total:
                return table
        table = EntityFacts()
        rows = [
            {str(k): v for k, v in row.items()}
            for row in store.query(store_query("resolution_actors")).bindings
        ]
        table.apply(rows, map(str, store.article_graphs()), 1)
        _TABLES[store] = table
        return table


def _in_step(store: Store, table: EntityFacts, steps: Collection[int] | None) -> bool:
    generation = store.generation
    if steps is None or generation is None or table.generation is None:
        return True  # only the count of articles can tell
    return set(range(table.generation + 1, generation + 1)) <= set(steps)


def in_step(store: Store) -> None:
    """Note that the store's table is in step with the store as it is now (after a pass of
    incremental resolution, whose own writes leave the articles alone)."""
    table = _TABLES.get(store)
    if table is not None:
        table.generation = store.generation
