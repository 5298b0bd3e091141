"""Incident lookups: the filtered list of incidents and one incident with all its evidence.

Filters that a store can answer by a join (actor, place, certainty) are bound into the
named queries; the class tree and date ranges at their precision are applied here, then the
page is cut and only its incidents are described in full.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node as Term

from graph.lookup_base import (
    ClaimRow,
    actor_roles,
    certainty_iri,
    claims,
    event_span,
    id_iri,
    integer,
    primary_type,
    role_rank,
    select,
    subclasses,
    text,
)
from graph.lookup_model import (
    IncidentActor,
    IncidentDetail,
    IncidentRef,
    IncidentSummary,
    Page,
    Ref,
    Report,
    RoleClaim,
)
from graph.store import Store
from ontologies import CK, local_id

__all__ = ["IndexedIncident", "get_incident", "list_incidents", "matches", "newest_first"]


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


def _index(rows: Iterable[Mapping[str, Term]]) -> dict[Term, IndexedIncident]:
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


def list_incidents(
    store: Store,
    type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    certainty: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[IncidentSummary]:
    """Incidents, newest first (undated last). `type` matches the class and its subclasses;
    `actor` an entity id in any role, whatever the certainty (denied claims included);
    `place` the place or any place located in it; `certainty` at least one role claim with
    it (together with `actor`: that actor's claim); dates by overlap at their precision."""
    found: dict[Term, IndexedIncident] | None = None
    if actor is not None:
        found = _index(
            select(
                store,
                "incidents_by_actor",
                actor=id_iri("entity", actor),
                certainty=certainty_iri(certainty) if certainty else None,
            )
        )
    elif certainty is not None:
        found = _index(select(store, "incidents_by_certainty", certainty=certainty_iri(certainty)))
    if place is not None:
        at = _index(select(store, "incidents_at_place", place=id_iri("entity", place)))
        found = at if found is None else {iri: found[iri] for iri in found if iri in at}
    if found is None:
        found = _index(select(store, "incidents"))
    wanted = subclasses(type) if type else None
    selected = [
        incident
        for incident in found.values()
        if matches(incident.classes, incident.date, incident.precision, wanted, date_from, date_to)
    ]
    selected.sort(key=lambda i: newest_first(i.date, i.precision, str(i.iri)))
    page = selected[offset : offset + limit]
    return Page(tuple(_summary(store, i) for i in page), len(selected), limit, offset)


def _reports(store: Store, incident: Term, claim_rows: Iterable[ClaimRow]) -> tuple[Report, ...]:
    """The articles reporting `incident`, each with the distinct sources its claims cite."""
    sources: dict[str, dict[str, None]] = defaultdict(dict)
    for claim in claim_rows:
        if claim.source:
            sources[claim.evidence.article].setdefault(claim.source)
    assert isinstance(incident, URIRef)
    reports = {}
    for row in select(store, "incident_reports", incident=incident):
        article = local_id(str(row["article"]))
        reports[article] = Report(
            article=article,
            title=text(row, "title"),
            published=text(row, "published"),
            sources=tuple(sources.get(article, {})),
        )
    return tuple(sorted(reports.values(), key=lambda r: (r.published or "", r.article)))


def _places(claim_rows: Iterable[ClaimRow]) -> tuple[Ref, ...]:
    """Where the incident happened, first mentioned first; a denied place is no place."""
    places: dict[str, Ref] = {}
    for claim in claim_rows:
        if claim.predicate == "place" and claim.certainty != "denied":
            ref = claim.other_ref
            places.setdefault(ref.id, Ref(ref.id, ref.name))
    return tuple(places.values())


def _summary(store: Store, incident: IndexedIncident) -> IncidentSummary:
    assert isinstance(incident.iri, URIRef)
    claim_rows = claims(store, incident.iri, "out")
    roles = set(actor_roles())
    actors: dict[tuple[str, str, str], IncidentActor] = {}
    for claim in sorted(claim_rows, key=lambda c: (role_rank(c.predicate or ""), c.order)):
        if claim.predicate in roles:
            ref = claim.other_ref
            key = (ref.id, claim.predicate, claim.certainty)
            actors.setdefault(
                key, IncidentActor(ref.id, ref.name, ref.type, claim.predicate, claim.certainty)
            )
    places = _places(claim_rows)
    ref = incident.ref
    return IncidentSummary(
        id=ref.id,
        type=ref.type,
        acled=ref.acled,
        date=ref.date,
        date_precision=ref.date_precision,
        place=places[0] if places else None,
        actors=tuple(actors.values()),
        reports=_reports(store, incident.iri, claim_rows),
    )


def get_incident(store: Store, id: str) -> IncidentDetail | None:
    """One incident: class, ACLED type, date and precision, places, every role claim with
    its actor, certainty, source and evidence, weapons, casualties, and the reports."""
    iri = id_iri("incident", id)
    properties: dict[Term, set[Term]] = defaultdict(set)
    for row in select(store, "node_properties", node=iri):
        properties[row["property"]].add(row["value"])
    if not properties[CK.reportedIn]:
        return None

    def one(prop: URIRef) -> str | None:
        return min((str(v) for v in properties[prop]), default=None)

    def count(prop: URIRef) -> int | None:
        """The largest figure when reports differ (one says 3 wounded, another 5)."""
        figures = (integer({"v": value}, "v") for value in properties[prop])
        return max((n for n in figures if n is not None), default=None)

    def flag(prop: URIRef) -> bool:
        return any(str(v).lower() in ("true", "1") for v in properties[prop])

    claim_rows = claims(store, iri, "out")
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
    return IncidentDetail(
        id=id,
        iri=str(iri),
        type=primary_type(properties[RDF.type]),
        acled=one(CK.acledSubEventType),
        label=one(RDFS.label),
        trigger=one(CK.trigger),
        date=one(CK.date),
        date_precision=one(CK.datePrecision),
        places=_places(claim_rows),
        roles=tuple(role_claims),
        instruments=tuple(instruments.values()),
        fatalities=count(CK.fatalities),
        injuries=count(CK.injuries),
        fatalities_reported=flag(CK.fatalitiesReported),
        injuries_reported=flag(CK.injuriesReported),
        reports=_reports(store, iri, claim_rows),
    )
