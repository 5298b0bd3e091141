"""Cross-article resolution: one IRI per real-world actor, one canonical incident per
real-world incident, derived from the article graphs and kept in a graph of its own.

Article graphs are never rewritten: every claim keeps the IRI its article gave, with its own
evidence, source and certainty. What resolution adds lives in the named graph
`RESOLUTION_GRAPH` and is rebuilt as a whole from the article graphs (`resolve(store)`),
after every ingest or removal. Rebuilding rather than patching is what makes the graph
deterministic and reversible: the same set of articles gives the same resolution graph,
whatever order they came in, and removing an article re-resolves everything that leaned on it.
The rules themselves are in `resolve_actors` and `resolve_incidents`; this module reads the
store, runs them and writes the result, through SPARQL only, so every backend behaves alike.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from conflict_kg.graph.errors import StoreError
from conflict_kg.graph.lookups.rows import integer
from conflict_kg.graph.resolve.actors import ActorRecord, canonical_actors
from conflict_kg.graph.resolve.facts import EntityFacts, entity_records
from conflict_kg.graph.resolve.incidents import ClassTree, ReportRecord, cluster_reports
from conflict_kg.graph.resolve.stored import write_table
from conflict_kg.graph.store import Store
from conflict_kg.graph.store.base import store_query
from conflict_kg.graph.store.terms import article_quads
from conflict_kg.graph.vocabulary import is_event_class, primary_type, subclasses
from conflict_kg.ontologies import CK, CKID, RESOLUTION_GRAPH, SEM, bind_prefixes, local_id

__all__ = [
    "Resolution",
    "canonical_incident_iri",
    "entity_records",
    "resolution_graph",
    "resolve",
]

Triple = tuple[Node, Node, Node]


class TripleSink(Protocol):
    """Where `add_incident` and `add_actor_groups` put triples: an rdflib `Graph` for the
    incremental path, which diffs graphs; a plain set for a rebuild, which writes them all
    and would only pay for a graph's indexes (a third of its time at 10,000 articles)."""

    def add(self, triple: Triple, /) -> object: ...


_PRECISIONS = ("day", "week", "month", "year", "month-day")
"""Most precise first; a month-day (no year) is the least use on a timeline."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """What one run of `resolve` found, for the CLI and the API to report."""

    reports: int
    incidents: int
    actor_groups: int
    actors_merged: int

    @property
    def reports_merged(self) -> int:
        """Reports that joined another article's report of the same incident."""
        return self.reports - self.incidents


def canonical_incident_iri(first_report: str) -> URIRef:
    """The incident's IRI, named after its first report (earliest article, then IRI), so it
    stays put while later articles add reports."""
    return CKID[f"incident/c-{local_id(first_report)}"]


def _rows(store: Store, name: str) -> list[dict[str, Node]]:
    return [{str(k): v for k, v in row.items()} for row in store.query(store_query(name)).bindings]


@cache
def _class_tree() -> ClassTree:
    """Ancestors and families (the class just below ck:Event) of every event class."""
    events = subclasses("Event")
    names = {cls: str(cls)[len(str(CK)) :] for cls in events}
    ancestors: dict[str, frozenset[str]] = {}
    for cls in events:
        above = {names[a] for a in events if cls in subclasses(names[a]) and a != cls}
        ancestors[names[cls]] = frozenset(above - {"Event"})
    families = {}
    for name, above in ancestors.items():
        top = [a for a in above if not ancestors[a]] or [name]
        families[name] = top[0]
    return ClassTree(ancestors, families)


def _read_actors(
    store: Store, articles: list[str]
) -> tuple[list[ActorRecord], dict[str, frozenset[str]], EntityFacts]:
    """Actor records for `canonical_actors` of every entity of the store, each place's
    scope (itself and its country, from the offline GeoNames gazetteer), and the table of
    entity facts summed from the same rows over `articles` (every article of the store),
    which the store keeps for incremental resolution (`graph.resolve.stored`)."""
    rows = _rows(store, "resolution_actors")
    table = EntityFacts()
    table.move(rows, articles, 1)
    # The table counts each entity's articles already: every article is in `articles`.
    counts = {entity: summed.articles for entity, summed in table.entities.items()}
    return (*entity_records(rows, counts), table)


@dataclass(slots=True)
class _Report:
    """Rows of one report gathered before it becomes a frozen `ReportRecord`."""

    article: str
    published: str | None = None
    label: str | None = None
    acled: str | None = None
    date: str | None = None
    precision: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    places: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    instruments: set[str] = field(default_factory=set)


_ACTOR_ROLES = frozenset(
    str(CK[r]) for r in ("perpetrator", "target", "victim", "participant", "winner")
)


def _read_reports(
    store: Store, actor_map: dict[str, str]
) -> tuple[list[ReportRecord], dict[str, _Report]]:
    return reports_from_rows(_rows(store, "resolution_reports"), actor_map)


def reports_from_rows(
    rows: Iterable[dict[str, Node]], actor_map: dict[str, str]
) -> tuple[list[ReportRecord], dict[str, _Report]]:
    """Report records from rows of `store_resolution_reports.rq` (all of them, or those of
    some reports: `graph.resolve.incremental` reads only the reports it can touch)."""
    raw: dict[str, _Report] = {}
    classes: dict[str, set[Node]] = defaultdict(set)
    for row in rows:
        iri = str(row["report"])
        report = raw.get(iri)
        if report is None:
            report = raw[iri] = _Report(article=str(row["article"]))
        if is_event_class(row["class"]):
            classes[iri].add(row["class"])
        for key in ("published", "label", "acled", "date", "precision"):
            if key in row and getattr(report, key) is None:
                setattr(report, key, str(row[key]))
        report.fatalities = (
            report.fatalities if report.fatalities is not None else integer(row, "fatalities")
        )
        report.injuries = (
            report.injuries if report.injuries is not None else integer(row, "injuries")
        )
        if "role" in row:
            role, other = str(row["role"]), str(row["other"])
            if role == str(SEM.hasPlace):
                report.places.add(other)
            elif role == str(CK.instrument):
                report.instruments.add(other)
            elif role in _ACTOR_ROLES:
                report.actors.add(actor_map.get(other, other))
    records = []
    for iri, report in sorted(raw.items()):
        kind = primary_type(classes[iri])
        if kind is None:
            continue
        records.append(
            ReportRecord(
                iri=iri,
                article=report.article,
                published=report.published,
                event_class=kind,
                date=report.date,
                precision=report.precision,
                places=frozenset(report.places),
                actors=frozenset(report.actors),
                instruments=frozenset(report.instruments),
                fatalities=report.fatalities,
                injuries=report.injuries,
            )
        )
    return records, raw


def _most_common(values: Iterable[str], rank: dict[str, int] | None = None) -> str | None:
    """The most frequent value; ties go to the lowest `rank` (more specific) then the first
    in sort order, so the choice is the same however the reports were ordered."""
    counts = Counter(values)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], (rank or {}).get(v, 0), v))


def _summary_date(group: list[ReportRecord]) -> tuple[str, str] | None:
    """The most precise date the reports give; among equals the most reported, then the
    earliest."""
    dated = [(r.date, r.precision or "day") for r in group if r.date]
    if not dated:
        return None
    best = min(_PRECISIONS.index(p) if p in _PRECISIONS else 0 for _, p in dated)
    precise = [
        (d, p) for d, p in dated if (_PRECISIONS.index(p) if p in _PRECISIONS else 0) == best
    ]
    counts = Counter(precise)
    return min(counts, key=lambda dp: (-counts[dp], dp))


def add_incident(g: TripleSink, group: list[ReportRecord], raw: dict[str, _Report]) -> None:
    """The triples of one incident (a group of reports, sorted) into `g`; shared by the
    rebuild and the incremental path so that both write the same."""
    tree = _class_tree()
    depth = {name: -len(tree.ancestors.get(name, ())) for name in tree.ancestors}
    incident = canonical_incident_iri(group[0].iri)
    g.add((incident, RDF.type, CK.Incident))
    g.add((incident, CK.reportCount, Literal(len(group), datatype=XSD.integer)))
    kind = _most_common((r.event_class for r in group), depth)
    assert kind is not None
    g.add((incident, CK.incidentClass, CK[kind]))
    label = _most_common(raw[r.iri].label or "" for r in group if raw[r.iri].label)
    if label:
        g.add((incident, RDFS.label, Literal(label)))
    acled = _most_common(raw[r.iri].acled or "" for r in group if raw[r.iri].acled)
    if acled:
        g.add((incident, CK.acledSubEventType, Literal(acled)))
    when = _summary_date(group)
    if when:
        datatype = (
            XSD.gMonthDay
            if when[0].startswith("--")
            else XSD.date
            if len(when[0]) == 10
            else XSD.gYearMonth
            if len(when[0]) == 7
            else XSD.gYear
        )
        g.add((incident, CK.date, Literal(when[0], datatype=datatype)))
        g.add((incident, CK.datePrecision, Literal(when[1])))
    place = _most_common(p for r in group for p in r.places)
    if place:
        g.add((incident, SEM.hasPlace, URIRef(place)))
    for prop, figures in (
        ("fatalities", [r.fatalities for r in group if r.fatalities is not None]),
        ("injuries", [r.injuries for r in group if r.injuries is not None]),
    ):
        if figures:
            g.add(
                (
                    incident,
                    CK[f"{prop}Min"],
                    Literal(min(figures), datatype=XSD.integer),
                )
            )
            g.add(
                (
                    incident,
                    CK[f"{prop}Max"],
                    Literal(max(figures), datatype=XSD.integer),
                )
            )
    for report in group:
        g.add((incident, CK.hasReport, URIRef(report.iri)))
        g.add((URIRef(report.iri), CK.reportOf, incident))


def add_actor_groups(
    g: TripleSink, actors: Iterable[ActorRecord], actor_map: dict[str, str]
) -> None:
    """`ck:canonicalActor` for every grouped actor, `owl:sameAs` from each variant to its
    canonical actor, which gathers every variant's names as `skos:altLabel`."""
    names = {actor.iri: actor.names for actor in actors}
    for actor, canonical in sorted(actor_map.items()):
        g.add((URIRef(actor), CK.canonicalActor, URIRef(canonical)))
        if actor != canonical:
            g.add((URIRef(actor), OWL.sameAs, URIRef(canonical)))
            for name in sorted(names[actor]):
                g.add((URIRef(canonical), SKOS.altLabel, Literal(name)))


def resolution_graph(store: Store) -> tuple[Graph, Resolution]:
    """The resolution graph for the store's current articles, and what it found."""
    triples, summary, _ = _resolution(store, [str(a) for a in store.article_graphs()])
    graph = bind_prefixes(Graph(identifier=RESOLUTION_GRAPH))
    for triple in triples:
        graph.add(triple)
    return graph, summary


def _resolution(
    store: Store, articles: list[str]
) -> tuple[set[Triple], Resolution, EntityFacts]:
    actors, scopes, table = _read_actors(store, articles)
    actor_map = canonical_actors(actors)
    reports, raw = _read_reports(store, actor_map)
    tree = _class_tree()
    # A defaultdict's own lookup, not a lambda: clustering asks it a million times at
    # 10,000 articles.
    groups = cluster_reports(reports, tree, defaultdict(frozenset, scopes).__getitem__)
    triples: set[Triple] = set()
    for group in groups:
        add_incident(triples, group, raw)
    add_actor_groups(triples, actors, actor_map)
    summary = Resolution(
        reports=len(reports),
        incidents=len(groups),
        actor_groups=len(set(actor_map.values())),
        actors_merged=len(actor_map) - len(set(actor_map.values())),
    )
    return triples, summary, table


def resolve(store: Store) -> Resolution:
    """Rebuild the resolution graph from the store's articles and write it in one step.

    Called after every ingest and removal (the CLI after a whole batch); safe to call at any
    time, since it only ever derives from what the articles say. The table of entity facts
    the store keeps for incremental resolution (`graph.resolve.stored`) is rebuilt with it.
    """
    if not store.writable:  # before reading everything for nothing
        raise StoreError(
            f"read-only remote store {store.url}: resolution writes a graph; "
            "give an update endpoint as sparql:QUERY_URL|UPDATE_URL"
        )
    # Read and write under the store's write lock: two threads resolving at once must not
    # let the one that read fewer articles write last.
    with store.exclusive():
        articles = [str(a) for a in store.article_graphs()]
        triples, summary, table = _resolution(store, articles)
        # The table of entity facts first: a resolution graph never stands on a stale one
        # (a table without its count makes the next batch build it again).
        write_table(store, table, articles)
        del table
        quads = article_quads(RESOLUTION_GRAPH, triples)
        del triples
        store.replace_graph(RESOLUTION_GRAPH, quads)
    return summary
