"""What the network projections are made of, read from the store with the named queries
`graph/queries/network_*.rq`: actors, incidents, places and the claims behind every role and
actor relation, each claim with its evidence (sentence, span, source, certainty, article).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from typing import Any

from rdflib.query import Result

from graph.lookup_base import CERTAINTIES, event_span
from graph.lookup_base import subclasses as class_and_subclasses
from graph.lookup_incidents import resolved
from graph.queries import bind_named_query, load_named_queries
from graph.store import ENTITY_CLASSES, Store, event_classes
from ontologies import local_id

__all__ = [
    "ACTOR_TYPES",
    "CERTAINTIES",
    "DEFAULT_MIN_CERTAINTY",
    "RELATIONS",
    "ROLES",
    "Actor",
    "Claim",
    "Evidence",
    "Incident",
    "NetworkData",
    "NetworkError",
    "Place",
    "date_span",
    "entity_node",
    "event_class_names",
    "incident_node",
    "load_network_data",
    "lookup_entity",
    "subclasses",
]

"""Strongest first."""
DEFAULT_MIN_CERTAINTY = "unconfirmed"
ROLES = ("perpetrator", "target", "victim", "participant", "winner")
RELATIONS = ("backedBy", "partOf", "memberOf", "affiliatedWith", "alliedWith", "rivalOf")
ACTOR_TYPES = tuple(name for name in ENTITY_CLASSES if name != "Place")
"""In order of preference when an entity has several (a State is also a Place)."""

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


class NetworkError(ValueError):
    """A filter or a request the network cannot answer; the message says which value."""


def entity_node(entity_id: str) -> str:
    return f"entity/{entity_id}"


def incident_node(incident_id: str) -> str:
    return f"incident/{incident_id}"


@cache
def event_class_names() -> tuple[str, ...]:
    return tuple(sorted(local_id(cls) for cls in event_classes()))


@cache
def subclasses(name: str) -> frozenset[str]:
    """Local names of `ck:<name>` and its subclasses (the lookups' tree, by name)."""
    return frozenset(local_id(c) for c in class_and_subclasses(name))


@dataclass(frozen=True, slots=True)
class Evidence:
    """One claim behind an edge: where it was said, by whom, how surely."""

    claim: str
    article: str
    certainty: str
    sentence: str | None = None
    text: str | None = None
    according_to: str | None = None
    start: int | None = None
    end: int | None = None
    article_title: str | None = None
    published: str | None = None
    confidence: float | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    type: str
    acled_category: str | None = None
    country: str | None = None


@dataclass(slots=True)
class Incident:
    id: str
    types: set[str] = field(default_factory=set)
    name: str | None = None
    acled: str | None = None
    date: str | None = None
    precision: str | None = None
    places: set[str] = field(default_factory=set)
    fatalities: int | None = None
    injuries: int | None = None


@dataclass(slots=True)
class Place:
    id: str
    names: list[str] = field(default_factory=list)
    coordinates: tuple[float, float] | None = None
    within: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Claim:
    subject: str
    predicate: str
    object: str
    evidence: Evidence


@dataclass(slots=True)
class NetworkData:
    """Everything the projections are built from, read from the store in five queries."""

    actors: dict[str, Actor]
    incidents: dict[str, Incident]
    places: dict[str, Place]
    claims: list[Claim]


def _rows(store: Store, name: str) -> Result:
    return store.query(load_named_queries()[name].text)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    try:
        return None if value is None else int(str(value))
    except ValueError:
        return None


def load_network_data(store: Store) -> NetworkData:
    """Read actors, incidents, places and the claims of roles and relations."""
    actors: dict[str, Actor] = {}
    for row in _rows(store, "network_actors"):
        actor, kind, name = local_id(row.actor), local_id(row.type), str(row.name)  # type: ignore[union-attr]
        known = actors.get(actor)
        if known is None or ACTOR_TYPES.index(kind) < ACTOR_TYPES.index(known.type):
            actors[actor] = Actor(actor, min(name, known.name) if known else name, kind)
        current = actors[actor]
        current.acled_category = current.acled_category or _text(row.acledCategory)  # type: ignore[union-attr]
        if row.country is not None:  # type: ignore[union-attr]
            current.country = current.country or local_id(row.country)  # type: ignore[union-attr]
    incidents: dict[str, Incident] = {}
    for row in _rows(store, "network_incidents"):
        incident = incidents.setdefault(local_id(row.incident), Incident(local_id(row.incident)))  # type: ignore[union-attr]
        incident.types.add(local_id(row.type))  # type: ignore[union-attr]
        incident.name = incident.name or _text(row.label)  # type: ignore[union-attr]
        incident.acled = incident.acled or _text(row.acled)  # type: ignore[union-attr]
        incident.date = incident.date or _text(row.date)  # type: ignore[union-attr]
        incident.precision = incident.precision or _text(row.precision)  # type: ignore[union-attr]
        if row.place is not None:  # type: ignore[union-attr]
            incident.places.add(local_id(row.place))  # type: ignore[union-attr]
        incident.fatalities = incident.fatalities or _int(row.fatalities)  # type: ignore[union-attr]
        incident.injuries = incident.injuries or _int(row.injuries)  # type: ignore[union-attr]
    places: dict[str, Place] = {}
    for row in _rows(store, "network_places"):
        place = places.setdefault(local_id(row.place), Place(local_id(row.place)))  # type: ignore[union-attr]
        for name in (str(row.name), _text(row.altName)):  # type: ignore[union-attr]
            if name and name not in place.names:
                place.names.append(name)
        if row.lat is not None and place.coordinates is None:  # type: ignore[union-attr]
            place.coordinates = (float(row.lat), float(row.long))  # type: ignore[union-attr, arg-type]
        if row.within is not None:  # type: ignore[union-attr]
            place.within.add(local_id(row.within))  # type: ignore[union-attr]
    claims: list[Claim] = []
    for row in _rows(store, "network_claims"):
        r: Any = row
        evidence = Evidence(
            claim=local_id(r.claim),
            article=local_id(r.article),
            certainty=local_id(r.certainty).lower(),
            sentence=_text(r.sentence),
            text=_text(r.evidence),
            according_to=_text(r.source),
            start=_int(r.start),
            end=_int(r.end),
            article_title=_text(r.title),
            published=_text(r.issued),
            confidence=None if r.confidence is None else float(r.confidence),
        )
        if evidence.certainty in CERTAINTIES:
            claims.append(
                Claim(local_id(r.subject), local_id(r.predicate), local_id(r.object), evidence)
            )
    return _resolved(store, NetworkData(actors, incidents, places, claims))


def _resolved(store: Store, data: NetworkData) -> NetworkData:
    """The network over resolved incidents and canonical actors: three articles reporting one
    strike make one incident node with three articles' evidence on its edges, and an actor's
    spellings make one node. A store never resolved is returned as it is."""
    resolution = resolved(store)
    reports = {local_id(str(r)): local_id(str(i.iri)) for r, i in resolution.incidents.items()}
    for iri, found in resolution.canonical.items():
        canonical = local_id(str(iri))
        data.incidents.setdefault(
            canonical,
            Incident(
                canonical,
                types={local_id(str(c)) for c in found.classes},
                acled=found.acled,
                date=found.date,
                precision=found.precision,
            ),
        )
    actors = resolution.actors
    if not reports and not actors:
        return data
    for report, canonical in reports.items():
        seen = data.incidents.pop(report, None)
        merged = data.incidents[canonical]
        if seen is not None:
            merged.name = merged.name or seen.name
            merged.places |= seen.places
            merged.fatalities = _lowest(merged.fatalities, seen.fatalities)
            merged.injuries = _lowest(merged.injuries, seen.injuries)
    for variant, canonical in actors.items():
        if variant != canonical and variant in data.actors:
            gone = data.actors.pop(variant)
            data.actors.setdefault(canonical, gone)
    for place in data.places.values():
        place.within = {actors.get(p, p) for p in place.within}
    for incident in data.incidents.values():
        incident.places = {actors.get(p, p) for p in incident.places}

    def canonical(node: str) -> str:
        return reports.get(node) or actors.get(node) or node

    data.claims = [
        Claim(canonical(c.subject), c.predicate, canonical(c.object), c.evidence)
        for c in data.claims
    ]
    return data


def _lowest(a: int | None, b: int | None) -> int | None:
    """The conservative casualty figure when reports differ."""
    return b if a is None else a if b is None else min(a, b)


def lookup_entity(store: Store, entity_id: str) -> tuple[str, list[str]] | None:
    """The name and class names of entity `entity_id`, or None if the store has none."""
    try:
        text, bindings = bind_named_query("network_entity", {"entity": entity_id})
    except ValueError:
        return None
    rows = list(store.query(text, bindings))
    if not rows:
        return None
    return str(rows[0][1]), sorted({local_id(row[2]) for row in rows})  # type: ignore[index]


def date_span(value: str | None, precision: str | None = None) -> tuple[date, date] | None:
    """The days an incident date may stand for: "2021-10" is the whole of October."""
    return event_span(value, precision)
