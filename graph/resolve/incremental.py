"""Incremental resolution: after new or removed articles, re-resolve only the incidents and
actors they can touch.

A rebuild (`rebuild.resolve`) reads every report of the store and clusters all of them, so
one more article costs as much as the whole store. But clusters never reach across the
*components* of the graph whose edges are the pairs `cluster_reports` would merge (a score
of `MERGE_SCORE` or more): the greedy merge of one component depends on its reports alone.
So after new articles only the components that hold their reports need clustering again,
and a component is found by blocking, the way `_candidates` pairs reports:

- a report's partners are reports of the same family whose days come within one day of
  its own: looked up by their `ck:date` (the days, months and years of that window, typed
  as extraction types them) or, for undated ones, by their article's publication day;
- a report with no days at all pairs only with reports sharing an actor: looked up by actor;
- reports whose actors changed canonical actor (a new spelling joined two actors) are
  re-resolved too, and so is every report of an incident the component touches, so an
  incident that must split is rebuilt whole.

Actors are blocked too (`graph.resolve.blocks`): only the actors whose names can pair with
those of the changed articles' actors are resolved again, from the table of what the
articles say of each entity that the store keeps (`graph.resolve.stored`), moved by the
change in the same update as the resolution graph. Removed articles are described by
their `footprint`, read before they go: their reports seed the components, their names the
blocks.

The result is the rebuild's, triple for triple (tests/graph/test_resolve_incremental.py,
test_resolve_actor_blocks.py); only the changed incidents and actor groups are written
(`Store.patch_graph`), and `Touched` says which, for the lookup tables to follow.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from conflict_kg.graph.errors import StoreError
from conflict_kg.graph.resolve.actors import canonical_actors
from conflict_kg.graph.resolve.blocks import ActorBlocks
from conflict_kg.graph.resolve.facts import rows_each
from conflict_kg.graph.resolve.incidents import (
    MERGE_SCORE,
    ReportRecord,
    cluster_reports,
    pair_score,
)
from conflict_kg.graph.resolve.rebuild import (
    Resolution,
    _class_tree,
    add_actor_groups,
    add_incident,
    reports_from_rows,
    resolve,
)
from conflict_kg.graph.resolve.stored import StoredFacts, moved_facts
from conflict_kg.graph.store import Store
from conflict_kg.graph.store.base import store_query
from conflict_kg.ontologies import CK, RESOLUTION_GRAPH, bind_prefixes

__all__ = [
    "REBUILD_SHARE",
    "Footprint",
    "Touched",
    "footprint",
    "resolve_articles",
    "resolve_changes",
]

REBUILD_SHARE = 0.5
"""When the new articles are more than this share of the store, a rebuild is cheaper."""
_WEEK = timedelta(days=6)
_UNDATED = timedelta(days=31)
_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Footprint:
    """What removed articles took part in, read before they go (`footprint`): their reports
    leave their incidents, their actors and names leave the groups and blocks they were in."""

    articles: frozenset[str] = frozenset()
    reports: frozenset[str] = frozenset()
    rows: tuple[dict[str, Node], ...] = ()
    """Their rows of `store_resolution_actors.rq`: what they said of each entity."""

    def __or__(self, other: Footprint) -> Footprint:
        return Footprint(
            self.articles | other.articles, self.reports | other.reports, self.rows + other.rows
        )

    @property
    def actors(self) -> set[str]:
        return {str(row["entity"]) for row in self.rows}

    @property
    def names(self) -> set[str]:
        return {str(row["name"]) for row in self.rows}


def footprint(store: Store, articles: Sequence[URIRef]) -> Footprint:
    """What `articles` hold for resolution, to pass to `resolve_articles` once they are
    removed."""
    reports = rows_each(store, "resolution_article_reports", "article", articles)
    return Footprint(
        frozenset(map(str, articles)),
        frozenset(str(r["report"]) for r in reports),
        tuple(rows_each(store, "resolution_article_actors", "article", articles)),
    )


@dataclass(frozen=True, slots=True)
class Touched:
    """What one incremental pass changed, for caches of what the store says (the lookup
    tables, `graph.lookups.refresh`) to update only that."""

    entities: frozenset[str]
    """Entities of the changed articles, and every actor of a group rewritten."""
    incidents_gone: frozenset[str]
    """Incidents the pass took out of the resolution graph (some came back, rewritten)."""
    incidents: frozenset[str]
    """Incidents the pass wrote."""
    reports: frozenset[str]
    """Reports resolved again, the removed articles' included."""


def resolve_articles(
    store: Store, articles: Sequence[URIRef], removed: Footprint | None = None
) -> Resolution:
    """`resolve_changes` without what it touched."""
    return resolve_changes(store, articles, removed)[0]


def resolve_changes(
    store: Store,
    articles: Sequence[URIRef],
    removed: Footprint | None = None,
) -> tuple[Resolution, Touched | None]:
    """Bring resolution up to date after `articles` were added (and the articles whose
    `footprint` is `removed` were removed), touching only what they can change; a rebuild
    when there is no resolution yet or the new articles are a large share of the store.
    Same result as `resolve(store)`. Also says what the pass touched; None after a rebuild,
    which touched everything. The stored table of entity facts says itself which articles
    it counts, so no write generations are needed here (the lookup tables' refresh takes
    them: `graph.lookups.refresh`)."""
    if not store.writable:
        raise StoreError(
            f"read-only remote store {store.url}: resolution writes a graph; "
            "give an update endpoint as sparql:QUERY_URL|UPDATE_URL"
        )
    removed = removed or Footprint()
    with store.exclusive():
        counts = _counts(store)
        if not articles and removed == Footprint():
            return counts, Touched(frozenset(), frozenset(), frozenset(), frozenset())
        total = int(str(next(iter(_all(store, "count_articles")[0].values()))))
        if counts.reports == 0 or total == 0 or len(articles) > REBUILD_SHARE * total:
            return resolve(store), None
        facts = moved_facts(store, total, articles, removed.rows, removed.articles)
        touched = _Incremental(store, facts).run(articles, removed)
        return _counts(store), touched


def _all(store: Store, name: str) -> list[dict[str, Node]]:
    """Rows of a named query without parameters, keyed by plain variable names."""
    return [{str(k): v for k, v in row.items()} for row in store.query(store_query(name)).bindings]


def _counts(store: Store) -> Resolution:
    row = _all(store, "resolution_counts")[0]
    groups = _all(store, "resolution_group_counts")[0]
    actors, canonical = int(str(groups["actors"])), int(str(groups["groups"]))
    return Resolution(
        reports=int(str(row["reports"])),
        incidents=int(str(row["incidents"])),
        actor_groups=canonical,
        actors_merged=actors - canonical,
    )


def _window(span: tuple[date, date]) -> tuple[list[Literal], list[Literal]]:
    """The `ck:date` literals of reports whose days may come within one day of `span` (exact
    days, week starts, months and years around it), and the publication days of undated
    reports that may (taken to be about the month before their article)."""
    first, last = span
    dated: set[Literal] = set()
    day = first - _WEEK - _DAY
    while day <= last + _DAY:
        dated.add(Literal(day.isoformat(), datatype=XSD.date))
        if day >= first - _DAY:
            dated.add(Literal(day.isoformat()[:7], datatype=XSD.gYearMonth))
            dated.add(Literal(day.isoformat()[:4], datatype=XSD.gYear))
        day += _DAY
    published = []
    day = first - _DAY
    while day <= last + _UNDATED:
        published.append(Literal(day.isoformat(), datatype=XSD.date))
        day += _DAY
    return sorted(dated), published


class _Incremental:
    def __init__(self, store: Store, facts: StoredFacts) -> None:
        self.store = store
        self.tree = _class_tree()
        self.facts = facts
        self.blocks = ActorBlocks(store, facts)
        self.actor_map: dict[str, str] = {}
        self.members: dict[str, set[str]] = defaultdict(set)
        self.stored: dict[str, str] = {}
        """Canonical actors read from the resolution graph, for actors outside the blocks."""
        self.stored_members: dict[str, set[str]] = {}
        self.records: dict[str, ReportRecord] = {}
        self.raw: dict = {}

    def scope(self, place: str) -> frozenset[str]:
        return self.blocks.scopes.get(place, frozenset())

    def family(self, report: ReportRecord) -> str:
        return self.tree.families.get(report.event_class, report.event_class)

    def canonical(self, actor: str) -> str:
        if actor in self.blocks.reached:
            return self.actor_map.get(actor, actor)
        return self.stored.get(actor, actor)

    def load(self, iris: Iterable[str]) -> list[ReportRecord]:
        """Records of these reports (read once), skipping what is no report."""
        missing = [URIRef(i) for i in iris if i not in self.records]
        if missing:
            rows = rows_each(self.store, "resolution_reports_of", "report", missing)
            others = {str(r["other"]) for r in rows if "other" in r}
            self._read_stored(others - self.blocks.reached)
            self.blocks.scope_places(others)
            mapping = {actor: self.canonical(actor) for actor in others}
            records, raw = reports_from_rows(rows, mapping)
            self.raw.update(raw)
            self.records.update((r.iri, r) for r in records)
        return [self.records[str(i)] for i in iris if str(i) in self.records]

    def _read_stored(self, actors: Iterable[str]) -> None:
        """The stored canonical actor of actors outside the blocks, and their groups."""
        wanted = sorted(set(actors) - self.stored.keys() - self.stored_members.keys())
        if not wanted:
            return
        rows = rows_each(self.store, "resolution_canonical", "actor", map(URIRef, wanted))
        self.stored.update((str(r["actor"]), str(r["canonical"])) for r in rows)
        canonicals = {str(r["canonical"]) for r in rows} - self.stored_members.keys()
        for actor in wanted:
            self.stored_members.setdefault(actor, set())
        for row in rows_each(
            self.store, "resolution_canonical", "canonical", map(URIRef, sorted(canonicals))
        ):
            self.stored_members.setdefault(str(row["canonical"]), set()).add(str(row["actor"]))

    def group_of(self, actor: str) -> set[str]:
        """The actor's group (itself alone when it has none) as resolution now has it."""
        if actor in self.blocks.reached:
            canonical = self.actor_map.get(actor, actor)
            return self.members.get(canonical, set()) | {actor, canonical}
        self._read_stored([actor])
        canonical = self.stored.get(actor, actor)
        return self.stored_members.get(canonical, set()) | {actor, canonical}

    def old_group_of(self, actor: str) -> set[str]:
        old = self.blocks.old
        canonical = old.get(actor, actor)
        return {a for a, c in old.items() if c == canonical} | {actor, canonical}

    def partners(self, reports: list[ReportRecord]) -> set[str]:
        """The reports that would merge with one of `reports` (a score of `MERGE_SCORE` or
        more): the candidates `_candidates` could pair with them are looked up for all of
        them at once (by date window, and by actor for reports without days), then scored."""
        dated: set[Literal] = set()
        published: set[Literal] = set()
        by_actor: set[str] = set()
        undated_actors: set[str] = set()
        for report in reports:
            span = report.span()
            actors = {member for a in report.actors for member in self.group_of(a)}
            if span is None:
                by_actor |= actors
                continue
            days, publications = _window(span)
            dated.update(days)
            published.update(publications)
            undated_actors |= actors  # a report with days pairs by actor with undated ones
        rows = rows_each(self.store, "resolution_dated", "day", sorted(dated))
        rows += rows_each(self.store, "resolution_published", "day", sorted(published))
        rows += rows_each(
            self.store, "resolution_actor_reports", "actor", map(URIRef, sorted(by_actor))
        )
        rows += rows_each(
            self.store, "resolution_actor_undated", "actor", map(URIRef, sorted(undated_actors))
        )
        by_family: dict[str, list[ReportRecord]] = defaultdict(list)
        for other in self.load(sorted({str(r["report"]) for r in rows})):
            by_family[self.family(other)].append(other)
        reached: set[str] = set()
        for report in reports:
            for other in by_family.get(self.family(report), ()):
                score = pair_score(report, other, self.tree, self.scope)
                if score is not None and score >= MERGE_SCORE:
                    reached.add(other.iri)
        return reached

    def incidents_of(self, reports: Iterable[str]) -> dict[str, str]:
        rows = rows_each(self.store, "resolution_incidents_of", "report", map(URIRef, reports))
        return {str(r["report"]): str(r["incident"]) for r in rows}

    def resolve_actors(self, articles: Sequence[URIRef], removed: Footprint) -> set[str]:
        """Resolve the actors the change can reach again; the actors whose canonical actor
        changed."""
        rows = rows_each(self.store, "resolution_article_entities", "article", articles)
        self.blocks.reach({str(r["entity"]) for r in rows} | removed.actors, removed.names)
        self.actor_map = canonical_actors(self.blocks.records.values())
        for actor, canonical in self.actor_map.items():
            self.members[canonical].add(actor)
        old = self.blocks.old
        return {a for a in self.blocks.reached if old.get(a) != self.actor_map.get(a)}

    def run(self, articles: Sequence[URIRef], removed: Footprint) -> Touched:
        changed = self.resolve_actors(articles, removed)
        seeds = {
            str(r["report"])
            for r in rows_each(self.store, "resolution_article_reports", "article", articles)
        }
        seeds |= removed.reports
        if changed:
            seeds |= {
                str(r["report"])
                for r in rows_each(
                    self.store, "resolution_actor_reports", "actor", map(URIRef, sorted(changed))
                )
            }
        component: set[str] = set()
        incidents: dict[str, str] = {}
        frontier = sorted(seeds)
        while frontier:
            component.update(frontier)
            reached = self.partners(self.load(frontier))
            # Every report of an incident the component touches is resolved again with it.
            touched = self.incidents_of(sorted(set(frontier) - incidents.keys()))
            incidents.update(touched)
            mates = rows_each(
                self.store,
                "resolution_members",
                "incident",
                map(URIRef, sorted(set(touched.values()))),
            )
            reached |= {str(r["report"]) for r in mates}
            frontier = sorted(reached - component)
        return self.write(component, incidents)

    def write(self, component: set[str], incidents: dict[str, str]) -> Touched:
        records = self.load(sorted(component))
        add = bind_prefixes(Graph(identifier=RESOLUTION_GRAPH))
        for group in cluster_reports(records, self.tree, self.scope):
            add_incident(add, group, self.raw)
        # Every group an actor the blocks reached is in, now or before, is written again
        # (a new spelling of a grouped actor adds a name to its canonical actor); only what
        # differs reaches the store.
        grouped = {a for a in self.blocks.reached if a in self.actor_map or a in self.blocks.old}
        actors = {m for a in grouped for m in self.group_of(a) | self.old_group_of(a)}
        add_actor_groups(
            add,
            [r for r in self.blocks.records.values() if r.iri in actors],
            {a: c for a, c in self.actor_map.items() if a in actors},
        )
        subjects = sorted({*incidents.values(), *component, *actors})
        remove = Graph()
        for row in rows_each(self.store, "resolution_about", "s", map(URIRef, subjects)):
            remove.add((row["s"], row["p"], row["o"]))
        # The table of entity facts moves in the same update (`graph.resolve.stored`).
        self.store.patch_graph(RESOLUTION_GRAPH, remove, add, self.facts.quads)
        written = {str(s) for s in add.subjects(RDF.type, CK.Incident)}
        return Touched(
            frozenset(self.blocks.reached | actors),
            frozenset(incidents.values()),
            frozenset(written),
            frozenset(component),
        )
