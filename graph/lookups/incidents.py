"""Incident lookups: the filtered list of incidents and one incident with all its evidence.

Filters that a store can answer by a join (actor, place, certainty) are bound into the
named queries; the class tree and date ranges at their precision are applied here, then the
page is cut and only its incidents are described in full.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node as Term

from conflict_kg.graph.lookups.budget import kept
from conflict_kg.graph.lookups.model import (
    IncidentActor,
    IncidentDetail,
    IncidentRef,
    IncidentSummary,
    Page,
    Ref,
    Report,
    RoleClaim,
)
from conflict_kg.graph.lookups.places import PlaceFacts, place_facts
from conflict_kg.graph.lookups.rows import ClaimRow, claims_each, integer, select, select_each, text
from conflict_kg.graph.store import ENTITY_CLASSES, Store
from conflict_kg.graph.vocabulary import (
    CERTAINTIES,
    actor_roles,
    certainty_iri,
    event_span,
    id_iri,
    primary_type,
    role_rank,
    subclasses,
)
from conflict_kg.ontologies import CK, local_id

__all__ = [
    "IndexedIncident",
    "Resolved",
    "actor_spellings",
    "get_incident",
    "index_incidents",
    "list_incidents",
    "matches",
    "newest_first",
    "resolved",
    "wanted_classes",
]


ACTOR_TYPES = tuple(name for name in ENTITY_CLASSES if name != "Place")
"""An actor's class is the first of its classes here (a State is also a Place)."""


@dataclass(frozen=True, slots=True)
class IndexedIncident:
    """An incident as the index queries (and `group_links`) return it: enough to filter, sort
    and name it."""

    iri: Term
    classes: frozenset[Term]
    acled: str | None
    date: str | None
    precision: str | None

    @property
    def ref(self) -> IncidentRef:
        identifier = local_id(str(self.iri))
        kind = primary_type(self.classes)
        return IncidentRef(identifier, kind, self.acled, self.date, self.precision)

    @classmethod
    def of(cls, row: Mapping[str, Term], classes: Iterable[Term]) -> IndexedIncident:
        """From a row with `?incident ?acled ?date ?precision`."""
        return cls(
            iri=row["incident"],
            classes=frozenset(classes),
            acled=text(row, "acled"),
            date=text(row, "date"),
            precision=text(row, "precision"),
        )


def index_incidents(rows: Iterable[Mapping[str, Term]]) -> dict[Term, IndexedIncident]:
    """Incidents from rows with `?incident ?class ?acled ?date ?precision`, each once."""
    classes: dict[Term, set[Term]] = defaultdict(set)
    first: dict[Term, Mapping[str, Term]] = {}
    for row in rows:
        classes[row["incident"]].add(row["class"])
        first.setdefault(row["incident"], row)
    return {iri: IndexedIncident.of(row, classes[iri]) for iri, row in first.items()}


def matches(
    classes: frozenset[Term],
    value: str | None,
    precision: str | None,
    wanted: frozenset[URIRef] | None,
    date_from: date | None,
    date_to: date | None,
) -> bool:
    """Class among `wanted`, and dates overlapping [date_from, date_to] at their precision:
    a month-precision "2021-10" matches from=2021-10-10. Undated incidents fail date filters."""
    if wanted is not None and not classes & wanted:
        return False
    if date_from is None and date_to is None:
        return True
    span = event_span(value, precision)
    if span is None:
        return False
    return (date_from is None or span[1] >= date_from) and (date_to is None or span[0] <= date_to)


def newest_first(value: str | None, precision: str | None, identifier: str) -> tuple:
    span = event_span(value, precision)
    return (span is None, -(span[0].toordinal() if span else 0), identifier)


@dataclass(frozen=True, slots=True)
class Resolved:
    """Cross-article resolution as the lookups read it: each report's canonical incident,
    each incident's reports, and each grouped actor's canonical id. Reports of a store that
    was never resolved stand for themselves."""

    incidents: dict[Term, IndexedIncident]
    """Report IRI -> its canonical incident."""
    reports: dict[Term, tuple[Term, ...]]
    """Canonical incident IRI -> its reports, in IRI order."""
    actors: dict[str, str]
    """Actor local id -> canonical local id (only for actors grouped with others)."""
    canonical: dict[Term, IndexedIncident]
    """Canonical incident IRI -> the incident."""

    def incident(self, report: IndexedIncident) -> IndexedIncident:
        return self.incidents.get(report.iri, report)

    def members(self, incident: Term) -> tuple[Term, ...]:
        return self.reports.get(incident, (incident,))


def resolved(store: Store) -> Resolved:
    """The store's resolution, read once per write generation: every list lookup needs it
    whole, and on a store of thousands of incidents reading it is most of a request."""
    return kept(store, "resolved", lambda: _read_resolved(store))


def _read_resolved(store: Store) -> Resolved:
    rows = select(store, "resolved_incidents")
    canonical = index_incidents(rows)
    incidents: dict[Term, IndexedIncident] = {}
    reports: dict[Term, list[Term]] = defaultdict(list)
    for row in rows:
        incidents[row["report"]] = canonical[row["incident"]]
        reports[row["incident"]].append(row["report"])
    actors = {
        local_id(str(row["actor"])): local_id(str(row["canonical"]))
        for row in select(store, "canonical_actors")
    }
    return Resolved(
        incidents,
        {k: tuple(sorted(set(v), key=str)) for k, v in reports.items()},
        actors,
        canonical,
    )


def actor_spellings(store: Store, actor: str) -> list[URIRef]:
    """The actor and every IRI resolution grouped with it (just the actor when none)."""
    iri = id_iri("entity", actor)
    members = {row["member"] for row in select(store, "actor_group", actor=iri)}
    return sorted({iri, *(m for m in members if isinstance(m, URIRef))}, key=str)


def list_incidents(
    store: Store,
    type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    certainty: str | None = None,
    min_reports: int = 1,
    limit: int = 50,
    offset: int = 0,
    *,
    incident_classes: Sequence[str] = (),
    actor_types: Sequence[str] = (),
    min_certainty: str | None = None,
) -> Page[IncidentSummary]:
    """Incidents resolved across articles, newest first (undated last), each once however
    many articles report it. `type` and `incident_classes` match a class and its
    subclasses; `actor` an entity id (or any spelling resolution grouped with it) in any
    role of any report, whatever the certainty (denied claims included); `actor_types` an
    actor of one of those classes in any role, at any certainty; `place` the place or any
    place inside it (`graph.lookups.places.enclosing`, the test every route uses);
    `certainty` at least one role claim with it (together with `actor`: that actor's
    claim); dates by overlap at their precision; `min_reports` keeps the incidents that at
    least that many articles' reports describe. `min_certainty` selects no incidents: it
    leaves the less certain claims out of each incident's `actors`, as the network leaves
    them out of its edges."""
    if place is not None:
        id_iri("entity", place)  # a plain id, as every id the lookups take, or ValueError
    if min_certainty is not None:
        certainty_iri(min_certainty)  # one of CERTAINTIES, or ValueError
    found: dict[Term, IndexedIncident] | None = None
    if actor is not None:
        found = {}
        for spelling in actor_spellings(store, actor):
            found |= index_incidents(
                select(
                    store,
                    "incidents_by_actor",
                    actor=spelling,
                    certainty=certainty_iri(certainty) if certainty else None,
                )
            )
    elif certainty is not None:
        rows = select(store, "incidents_by_certainty", certainty=certainty_iri(certainty))
        found = index_incidents(rows)
    resolution = resolved(store)
    if found is None:
        ordered = kept(store, "incidents_newest_first", lambda: _newest_first(store))
    else:
        ordered = _in_order(resolution, found.values())
    wanted = wanted_classes(type, incident_classes)
    selected: Sequence[IndexedIncident] = ordered
    if wanted is not None or date_from is not None or date_to is not None or min_reports > 1:
        selected = [
            i
            for i in ordered
            if matches(i.classes, i.date, i.precision, wanted, date_from, date_to)
            and len(resolution.members(i.iri)) >= min_reports
        ]
    if place is not None:
        facts = place_facts(store, resolution.actors)
        selected = [
            i
            for i in selected
            if place in facts.areas(_members_places(facts, resolution.members(i.iri)))
        ]
    if actor_types:
        typed = _reports_with_actor_types(store, frozenset(actor_types))
        selected = [i for i in selected if any(m in typed for m in resolution.members(i.iri))]
    page = selected[offset : offset + limit]
    described = _Described.of(store, [m for i in page for m in resolution.members(i.iri)])
    summaries = tuple(_summary(i, resolution, described, min_certainty) for i in page)
    return Page(summaries, len(selected), limit, offset)


def in_order(
    resolution: Resolved, reports: Iterable[IndexedIncident]
) -> tuple[IndexedIncident, ...]:
    """The incidents `reports` were resolved into, each once, newest first."""
    return _in_order(resolution, reports)


def _newest_first(store: Store) -> tuple[IndexedIncident, ...]:
    """Every resolved incident, newest first: the unfiltered list, kept per write (with the
    resolution of the same write, read inside)."""
    return _in_order(resolved(store), index_incidents(select(store, "incidents")).values())


def _in_order(
    resolution: Resolved, reports: Iterable[IndexedIncident]
) -> tuple[IndexedIncident, ...]:
    """The incidents `reports` were resolved into, each once, newest first."""
    incidents = {i.iri: i for i in map(resolution.incident, reports)}
    return tuple(
        sorted(incidents.values(), key=lambda i: newest_first(i.date, i.precision, str(i.iri)))
    )


def wanted_classes(type: str | None, classes: Sequence[str]) -> frozenset[URIRef] | None:
    """The classes an incident must have one of: both filters hold when both are given."""
    wanted = subclasses(type) if type else None
    if classes:
        any_of = frozenset().union(*(subclasses(name) for name in classes))
        wanted = any_of if wanted is None else wanted & any_of
    return wanted


def _members_places(facts: PlaceFacts, members: Iterable[Term]) -> set[str]:
    return {p for m in members for p in facts.reports.get(local_id(str(m)), ())}


def _reports_with_actor_types(store: Store, wanted: frozenset[str]) -> set[Term]:
    """The reports where an actor whose class (its first in `ENTITY_CLASSES`, as the network
    types actors) is among `wanted` has a role, at any certainty."""
    kinds: dict[tuple[Term, Term], set[str]] = defaultdict(set)
    for row in kept(store, "incident_actor_types", lambda: select(store, "incident_actor_types")):
        name = local_id(str(row["type"]))
        if name in ACTOR_TYPES:
            kinds[(row["incident"], row["actor"])].add(name)
    return {
        report
        for (report, _), names in kinds.items()
        if min(names, key=ACTOR_TYPES.index) in wanted
    }


@dataclass(frozen=True, slots=True)
class _Described:
    """What a page says about its reports, read in a few requests for the whole page
    rather than three per report: their claims, their own properties, their articles."""

    claims: Mapping[Term, list[ClaimRow]]
    properties: Mapping[Term, dict[Term, set[Term]]]
    articles: Mapping[Term, list[dict[str, Term]]]

    @classmethod
    def of(cls, store: Store, reports: Iterable[Term]) -> _Described:
        members = [r for r in dict.fromkeys(reports) if isinstance(r, URIRef)]
        articles: dict[Term, list[dict[str, Term]]] = defaultdict(list)
        for row in select_each(store, "incident_reports", "incident", members):
            articles[row["incident"]].append(row)
        return cls(_member_claims(store, members), _member_properties(store, members), articles)


def _report(
    report: Term,
    claim_rows: Iterable[ClaimRow],
    properties: Mapping[Term, set[Term]],
    articles: Iterable[Mapping[str, Term]],
) -> tuple[Report, ...]:
    """The article that made `report`, with the sources its claims cite and what it says
    (`properties`, the report's own facts) of the incident's class, date and casualties."""
    assert isinstance(report, URIRef)
    sources: dict[str, None] = {}
    for claim in claim_rows:
        if claim.source:
            sources.setdefault(claim.source)
    found = []
    for row in articles:
        found.append(
            Report(
                article=local_id(str(row["article"])),
                title=text(row, "title"),
                published=text(row, "published"),
                sources=tuple(sources),
                report=local_id(str(report)),
                type=primary_type(properties.get(RDF.type, ())),
                date=_one(properties, CK.date),
                date_precision=_one(properties, CK.datePrecision),
                fatalities=_figure(properties, CK.fatalities, max),
                injuries=_figure(properties, CK.injuries, max),
            )
        )
    return tuple(found)


def _reports(members: Mapping[Term, list[ClaimRow]], described: _Described) -> tuple[Report, ...]:
    """Every article's report of the incident, oldest first."""
    reports = [
        r
        for member, rows in members.items()
        for r in _report(
            member, rows, described.properties[member], described.articles.get(member, ())
        )
    ]
    return tuple(sorted(reports, key=lambda r: (r.published or "", r.article, r.report or "")))


def _places(claim_rows: Iterable[ClaimRow]) -> tuple[Ref, ...]:
    """Where the incident happened, first mentioned first; a denied place is no place."""
    places: dict[str, Ref] = {}
    for claim in claim_rows:
        if claim.predicate == "place" and claim.certainty != "denied":
            ref = claim.other_ref
            places.setdefault(ref.id, Ref(ref.id, ref.name))
    return tuple(places.values())


def _member_claims(store: Store, members: Iterable[Term]) -> dict[Term, list[ClaimRow]]:
    """Every member's claims, a member without any mapped to none."""
    wanted = [m for m in members if isinstance(m, URIRef)]
    found = claims_each(store, wanted, "out")
    return {member: found.get(member, []) for member in wanted}


def _summary(
    incident: IndexedIncident,
    resolution: Resolved,
    described: _Described,
    min_certainty: str | None = None,
) -> IncidentSummary:
    members = {m: described.claims.get(m, []) for m in resolution.members(incident.iri)}
    claim_rows = sorted(
        (c for rows in members.values() for c in rows),
        key=lambda c: (role_rank(c.predicate or ""), c.order),
    )
    roles = set(actor_roles())
    actors: dict[tuple[str, str, str], IncidentActor] = {}
    shown = CERTAINTIES[: CERTAINTIES.index(min_certainty) + 1] if min_certainty else CERTAINTIES
    for claim in claim_rows:
        if claim.predicate in roles and claim.certainty in shown:
            ref = claim.other_ref
            canonical = resolution.actors.get(ref.id, ref.id)
            key = (canonical, claim.predicate, claim.certainty)
            actors.setdefault(
                key, IncidentActor(canonical, ref.name, ref.type, claim.predicate, claim.certainty)
            )
    places = _places(sorted(claim_rows, key=lambda c: c.order))
    ref = incident.ref
    return IncidentSummary(
        id=ref.id,
        type=ref.type,
        acled=ref.acled,
        date=ref.date,
        date_precision=ref.date_precision,
        place=places[0] if places else None,
        actors=tuple(actors.values()),
        reports=_reports(members, described),
        report_count=len(members),
    )


def _member_properties(store: Store, members: Iterable[Term]) -> dict[Term, dict[Term, set[Term]]]:
    """Every member's own properties, a member without any mapped to none."""
    wanted = [m for m in members if isinstance(m, URIRef)]
    found: dict[Term, dict[Term, set[Term]]] = {m: defaultdict(set) for m in wanted}
    for row in select_each(store, "node_properties", "node", wanted):
        found[row["node"]][row["property"]].add(row["value"])
    return found


def _properties(store: Store, node: URIRef) -> dict[Term, set[Term]]:
    properties: dict[Term, set[Term]] = defaultdict(set)
    for row in select(store, "node_properties", node=node):
        properties[row["property"]].add(row["value"])
    return properties


def _one(properties: Mapping[Term, set[Term]], prop: URIRef) -> str | None:
    return min((str(v) for v in properties.get(prop, ())), default=None)


def _figure(
    properties: Mapping[Term, set[Term]], prop: URIRef, pick: Callable[..., int | None] = min
) -> int | None:
    figures = (integer({"v": value}, "v") for value in properties.get(prop, ()))
    return pick((n for n in figures if n is not None), default=None)


def get_incident(store: Store, id: str) -> IncidentDetail | None:
    """One incident, by its own id or by the id of any article's report of it: class, ACLED
    type, date and precision, places, every role claim of every report with its actor,
    certainty, source and evidence, weapons, casualties (the lowest and highest figure the
    reports give) and the reports side by side."""
    iri = id_iri("incident", id)
    properties = _properties(store, iri)
    if CK.Incident in properties[RDF.type]:
        incident = iri
    elif properties[CK.reportOf]:
        incident = min(properties[CK.reportOf], key=str)
        assert isinstance(incident, URIRef)
        properties = _properties(store, incident)
    elif properties[CK.reportedIn]:
        incident = iri  # a store that was never resolved: the report stands for itself
    else:
        return None
    resolved_members = sorted(properties[CK.hasReport], key=str)
    described = _Described.of(store, resolved_members or [incident])
    members = dict(described.claims)
    reports = described.properties
    merged: dict[Term, set[Term]] = defaultdict(set)
    for props in reports.values():
        for key, values in props.items():
            merged[key] |= values
    claim_rows = sorted((c for rows in members.values() for c in rows), key=lambda c: c.order)
    roles = set(actor_roles())
    role_claims = [
        RoleClaim(c.predicate, c.other_ref, c.certainty, c.source, c.evidence)
        for c in sorted(claim_rows, key=lambda c: (role_rank(c.predicate or ""), c.order))
        if c.predicate in roles
    ]
    instruments: dict[str, Ref] = {}
    for claim in claim_rows:
        if claim.predicate == "instrument":
            ref = claim.other_ref
            instruments.setdefault(ref.id, Ref(ref.id, ref.name))

    def flag(prop: URIRef) -> bool:
        return any(str(v).lower() in ("true", "1") for v in merged[prop])

    own = properties if resolved_members else merged
    kind = (
        primary_type(properties[CK.incidentClass])
        if resolved_members
        else primary_type(merged[RDF.type])
    )
    return IncidentDetail(
        id=local_id(str(incident)),
        iri=str(incident),
        type=kind,
        acled=_one(own, CK.acledSubEventType),
        label=_one(own, RDFS.label),
        trigger=_one(merged, CK.trigger),
        date=_one(own, CK.date),
        date_precision=_one(own, CK.datePrecision),
        places=_places(claim_rows),
        roles=tuple(role_claims),
        instruments=tuple(instruments.values()),
        fatalities=_figure(merged, CK.fatalities),
        injuries=_figure(merged, CK.injuries),
        fatalities_reported=flag(CK.fatalitiesReported),
        injuries_reported=flag(CK.injuriesReported),
        reports=_reports(members, described),
        fatalities_max=_figure(merged, CK.fatalities, max),
        injuries_max=_figure(merged, CK.injuries, max),
    )
