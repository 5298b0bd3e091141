"""What the store's articles say of each entity, summed over them: the table
`graph.resolve.blocks` reads actors and places from.

An actor named in a thousand articles has a thousand copies of its facts, one per article
graph; reading them back for every batch made one more article cost more as the store grew
(docs/scale.md). The table keeps, per entity, how many articles give each name, class,
country and ACLED category, and which entities bear each name. A rebuild sums it from every
article (`store_resolution_actors.rq`); the store keeps it beside the resolution graph
(`graph.resolve.stored`), and each change moves it: the rows of the new articles' graphs
are added, the rows of removed articles (read before they went, `Footprint.rows`)
subtracted, so a batch costs what its own articles hold.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from conflict_kg.graph.network.data import ACTOR_TYPES
from conflict_kg.graph.network.places import gazetteer
from conflict_kg.graph.resolve.actors import ActorRecord
from conflict_kg.graph.store import Store
from conflict_kg.graph.store.base import store_query
from conflict_kg.graph.vocabulary import primary_type
from conflict_kg.ontologies import CK, CKID

__all__ = ["KINDS", "EntityFacts", "Summed", "entity_records", "rows_each"]

Row = Mapping[str, Node]
KINDS = ("class", "name", "country", "category")
"""The facts counted per entity, as `store_resolution_actors.rq` names them."""
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
class Summed:
    """One entity's facts, each counted by the articles that state it."""

    classes: Counter[Node] = field(default_factory=Counter)
    names: Counter[Node] = field(default_factory=Counter)
    countries: Counter[Node] = field(default_factory=Counter)
    categories: Counter[Node] = field(default_factory=Counter)
    articles: int = 0

    def counters(self) -> Iterator[tuple[str, Counter[Node]]]:
        """Each kind of fact (`KINDS`) with its counter."""
        counters = (self.classes, self.names, self.countries, self.categories)
        yield from zip(KINDS, counters, strict=True)

    def copy(self) -> Summed:
        return Summed(
            Counter(self.classes),
            Counter(self.names),
            Counter(self.countries),
            Counter(self.categories),
            self.articles,
        )

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


def _distinct(
    rows: Iterable[Row], wanted: Collection[str]
) -> tuple[set[tuple[Node, Node]], set[tuple[Node, Node, str, Node]]]:
    """The (article, entity) pairs of the rows of `wanted` articles, and the distinct facts
    each such article gives each entity, as flat tuples of the rows' own terms: a rebuild
    sums every article at once, and one small dict per pair cost it 50 MB at its peak."""
    pairs: set[tuple[Node, Node]] = set()
    facts: set[tuple[Node, Node, str, Node]] = set()
    for row in rows:
        article, entity = row["article"], row["entity"]
        if str(article) not in wanted:
            continue
        pairs.add((article, entity))
        facts.update((article, entity, key, row[key]) for key in KINDS if key in row)
    return pairs, facts


class EntityFacts:
    """The table, or the part of it one change reads: entity -> its summed facts, name ->
    the entities bearing it."""

    def __init__(self, entities: Mapping[str, Summed] | None = None) -> None:
        self.entities: dict[str, Summed] = {}
        self.bearers: dict[Node, set[str]] = defaultdict(set)
        for entity, summed in (entities or {}).items():
            self.entities[entity] = summed.copy()
            for name in summed.names:
                self.bearers[name].add(entity)

    def move(self, rows: Iterable[Row], articles: Iterable[str], sign: int) -> None:
        """Add (`sign` 1) or subtract (-1) the rows of these articles (rows of other
        articles are left out); the caller knows they are not counted yet (to add) or
        counted (to subtract)."""
        pairs, facts = _distinct(rows, set(articles))
        for _, entity in pairs:
            self.entities.setdefault(str(entity), Summed()).articles += sign
        for _, entity, key, value in facts:
            name = str(entity)
            summed = self.entities[name]
            counter = dict(summed.counters())[key]
            counter[value] += sign
            if counter[value] <= 0:
                del counter[value]
                if key == "name":
                    self.bearers[value].discard(name)
                    if not self.bearers[value]:
                        del self.bearers[value]
            elif key == "name":
                self.bearers[value].add(name)
        for _, entity in pairs:
            if self.entities.get(str(entity), Summed(articles=1)).articles <= 0:
                del self.entities[str(entity)]

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

    def name_counts(self) -> dict[Node, tuple[int, int]]:
        """Name -> how many undescribed and how many described entities bear it."""
        found: dict[Node, tuple[int, int]] = {}
        for name, bearers in self.bearers.items():
            described = sum(bool(self.entities[e].categories) for e in bearers)
            found[name] = (len(bearers) - described, described)
        return found


def name_rows(counts: Mapping[Node, tuple[int, int]]) -> list[dict[str, Node]]:
    """Rows of (name, described) for every name, as `NameIndex` takes them: one per kind
    of bearer the name has."""
    found = []
    for name, (undescribed, described) in counts.items():
        found += [{"name": name, "described": Literal(False)}] if undescribed else []
        found += [{"name": name, "described": Literal(True)}] if described else []
    return found


def entity_records(
    rows: Iterable[dict[str, Node]], articles: Mapping[str, int]
) -> tuple[list[ActorRecord], dict[str, frozenset[str]]]:
    """Actor records and place scopes from rows of `store_resolution_actors.rq` (all of
    them, or those `Summed.rows` makes of summed facts) and how many articles mention each
    entity."""
    classes: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str]] = defaultdict(set)
    described: set[str] = set()
    for row in rows:
        entity = str(row["entity"])
        classes[entity].add(str(row["class"])[len(str(CK)) :])
        names[entity].add(str(row["name"]))
        if "country" in row:
            countries[entity].add(str(row["country"]))
        if "category" in row:
            described.add(entity)
    actors: list[ActorRecord] = []
    scopes: dict[str, frozenset[str]] = {}
    for entity in sorted(classes):
        kind = primary_type(CK[c] for c in classes[entity])
        if kind in ACTOR_TYPES:
            country = min(countries[entity]) if len(countries[entity]) == 1 else None
            actors.append(
                ActorRecord(
                    entity,
                    kind,
                    frozenset(names[entity]),
                    country,
                    entity in described,
                    articles.get(entity, 1),
                )
            )
        if "Place" in classes[entity] or kind == "State":
            located = gazetteer().locate(sorted(names[entity]))
            if located is not None and located.country:
                scopes[entity] = frozenset({entity, str(CKID[f"entity/{located.country}"])})
    return actors, scopes
