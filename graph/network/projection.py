"""Network projections of the knowledge graph, for analysts who think in actors and links.

Three projections, each a `networkx.MultiDiGraph` whose node ids are "entity/<id>" and
"incident/<id>" (the IRI's path under `ckid:`), built from the store with the named queries
`graph/queries/network_*.rq`:

- `full`: incidents, actors, role edges (incident -> actor, keyed by the role) and actor
  relations (subject -> object, keyed by the predicate);
- `bipartite`: incidents, actors and role edges only;
- `actors`: actors, their relations, and co-perpetration edges (key `coPerpetrator`,
  weighted by the number of incidents both are said to have carried out).

Every edge carries the claims behind it: `certainty` is the strongest over its claims
(asserted > alleged > hedged > unconfirmed > denied), `evidence` lists them (sentence, span,
source, article) and `evidence_count` counts them. Claims below `min_certainty` are left out
before edges are made, so denied links are no edges unless `min_certainty="denied"`.

Filters select incidents (date range overlap, place, class with its subclasses) and actors
(type). When incidents are selected, actors are those linked to a kept incident and
relations are those among them. Measures (`centrality`, `communities`, `ego_network`,
`find_paths`) work on any projection.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import networkx as nx

from conflict_kg.graph.lookups.places import enclosing
from conflict_kg.graph.network.budget import Budget
from conflict_kg.graph.network.data import (
    ACTOR_TYPES,
    CERTAINTIES,
    DEFAULT_MIN_CERTAINTY,
    RELATIONS,
    ROLES,
    Actor,
    Evidence,
    Incident,
    NetworkData,
    NetworkError,
    date_span,
    entity_node,
    event_class_names,
    incident_node,
    load_network_data,
    subclasses,
)
from conflict_kg.graph.network.places import Location, gazetteer
from conflict_kg.graph.store import Store
from conflict_kg.ontologies import CKID

__all__ = [
    "CO_PERPETRATION",
    "PROJECTIONS",
    "NetworkFilter",
    "build_network",
    "network_from_store",
]

CO_PERPETRATION = "coPerpetrator"
PROJECTIONS = ("full", "bipartite", "actors")


@dataclass(frozen=True, slots=True)
class NetworkFilter:
    """Which incidents, actors and claims make up a network; the defaults keep everything
    except denied claims."""

    date_from: date | None = None
    date_to: date | None = None
    place: str | None = None
    """An entity id; matches incidents there or in a place inside it."""
    actor: str | None = None
    """An entity id (or any spelling resolution grouped with it): incidents where it has a
    role, at any certainty."""
    incident_classes: tuple[str, ...] = ()
    """Event class names (`Attack` includes `AirOrDroneStrike`...)."""
    min_certainty: str = DEFAULT_MIN_CERTAINTY
    actor_types: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.min_certainty not in CERTAINTIES:
            raise NetworkError(
                f"min_certainty must be one of {', '.join(CERTAINTIES)}, got {self.min_certainty!r}"
            )
        for name in self.actor_types:
            if name not in ACTOR_TYPES:
                raise NetworkError(
                    f"unknown actor type {name!r}; use one of {', '.join(ACTOR_TYPES)}"
                )
        for name in self.incident_classes:
            if name not in event_class_names():
                raise NetworkError(
                    f"unknown incident class {name!r}; use one of {', '.join(event_class_names())}"
                )
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise NetworkError(f"date_from {self.date_from} is after date_to {self.date_to}")

    @property
    def selects_incidents(self) -> bool:
        return bool(
            self.date_from or self.date_to or self.place or self.incident_classes or self.actor
        )

    def accepts(self, certainty: str) -> bool:
        return CERTAINTIES.index(certainty) <= CERTAINTIES.index(self.min_certainty)


def _most_specific(types: set[str]) -> str:
    """The deepest event class among an incident's classes (AirOrDroneStrike, not Attack)."""
    return sorted(types, key=lambda t: (t not in event_class_names(), -_depth(t), t))[0]


@cache
def _depth(name: str) -> int:
    return sum(1 for c in event_class_names() if name in subclasses(c))


def _areas(incident: Incident, data: NetworkData) -> set[str]:
    """The incident's places and every place they lie in: the one place test of every
    route (`graph.lookups.places.enclosing`)."""

    def within(place_id: str) -> Iterable[str]:
        place = data.places.get(place_id)
        return place.within if place else ()

    def names(place_id: str) -> list[str]:
        place = data.places.get(place_id)
        return place.names if place else []

    return enclosing(incident.places, within, names)


def _location(incident: Incident, data: NetworkData) -> tuple[str, Location] | None:
    """The most precise point among the incident's places: stored coordinates, a city,
    then a country."""
    found: list[tuple[int, str, Location]] = []
    for place_id in sorted(incident.places):
        place = data.places.get(place_id)
        if place is None:
            continue
        if place.coordinates:
            found.append((0, place_id, Location(*place.coordinates, "place")))
        elif location := gazetteer().locate(place.names):
            found.append((1 if location.precision == "city" else 2, place_id, location))
    if not found:
        return None
    _, place_id, location = min(found, key=lambda item: (item[0], item[1]))
    return place_id, location


def _passes(incident: Incident, filters: NetworkFilter, data: NetworkData) -> bool:
    if filters.incident_classes:
        wanted = set().union(*(subclasses(name) for name in filters.incident_classes))
        if not incident.types & wanted:
            return False
    if filters.date_from or filters.date_to:
        span = date_span(incident.date, incident.precision)
        if span is None:
            return False
        if filters.date_from and span[1] < filters.date_from:
            return False
        if filters.date_to and span[0] > filters.date_to:
            return False
    return not filters.place or filters.place in _areas(incident, data)


def _involving(data: NetworkData, filters: NetworkFilter) -> set[str]:
    """The incidents where `filters.actor` (by any spelling) and an actor of one of
    `filters.actor_types` have a role, at any certainty: which incidents a filter selects
    never depends on `min_certainty`, which only chooses the claims shown."""
    actor = data.spellings.get(filters.actor, filters.actor) if filters.actor else None
    by_actor: set[str] = set()
    by_type: set[str] = set()
    for claim in data.claims:
        if claim.predicate not in ROLES:
            continue
        if claim.object == actor:
            by_actor.add(claim.subject)
        found = data.actors.get(claim.object)
        if found is not None and found.type in filters.actor_types:
            by_type.add(claim.subject)
    if actor and filters.actor_types:
        return by_actor & by_type
    return by_actor if actor else by_type


def _strongest(evidence: Iterable[Evidence]) -> str:
    return min((e.certainty for e in evidence), key=CERTAINTIES.index)


def _drop_empty(attributes: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attributes.items() if v is not None and v != [] and v != ""}


def _incident_attributes(incident: Incident, data: NetworkData) -> dict[str, Any]:
    span = date_span(incident.date, incident.precision)
    kind = _most_specific(incident.types) if incident.types else "Event"
    name = incident.name or kind
    located = _location(incident, data)
    place_names = [
        (data.places[p].names or [p])[0] if p in data.places else p for p in sorted(incident.places)
    ]
    return _drop_empty(
        {
            "kind": "incident",
            "type": kind,
            "label": f"{name}, {incident.date}" if incident.date else name,
            "name": name,
            "local_id": incident.id,
            "iri": str(CKID[incident_node(incident.id)]),
            "acled": incident.acled,
            "date": incident.date,
            "date_precision": incident.precision,
            "date_start": span[0].isoformat() if span else None,
            "date_end": span[1].isoformat() if span else None,
            "places": sorted(incident.places),
            "place_names": place_names,
            "location": located[0] if located else None,
            "latitude": located[1].latitude if located else None,
            "longitude": located[1].longitude if located else None,
            "location_precision": located[1].precision if located else None,
            "fatalities": incident.fatalities,
            "injuries": incident.injuries,
            # a flag only where it is set, so that a graph's attribute stays absent, not False
            "fatalities_reported": incident.fatalities_reported or None,
            "injuries_reported": incident.injuries_reported or None,
        }
    )


def _actor_attributes(actor: Actor, spans: list[tuple[str, str]]) -> dict[str, Any]:
    return _drop_empty(
        {
            "kind": "actor",
            "type": actor.type,
            "label": actor.name,
            "name": actor.name,
            "local_id": actor.id,
            "iri": str(CKID[entity_node(actor.id)]),
            "acled_category": actor.acled_category,
            "country": actor.country,
            "date_start": min(s for s, _ in spans) if spans else None,
            "date_end": max(e for _, e in spans) if spans else None,
        }
    )


def _edge_attributes(
    kind: str, predicate: str, evidence: list[Evidence], span: tuple[str, str] | None = None
) -> dict[str, Any]:
    ordered = sorted(evidence, key=lambda e: (e.article, e.start or 0, e.claim))
    return _drop_empty(
        {
            "kind": kind,
            "predicate": predicate,
            "label": predicate,
            "certainty": _strongest(ordered),
            "evidence_count": len(ordered),
            "weight": 1,
            "date_start": span[0] if span else None,
            "date_end": span[1] if span else None,
            "sources": sorted({e.according_to for e in ordered if e.according_to}),
            "evidence": [e.to_json() for e in ordered],
        }
    )


FILTER_HINT = "narrow it with date_from/date_to, place, incident_class, actor_type or min_certainty"


def build_network(
    data: NetworkData,
    projection: str = "full",
    filters: NetworkFilter | None = None,
    budget: Budget | None = None,
) -> nx.MultiDiGraph:
    """The `projection` of `data` under `filters` (see the module docstring). Within
    `budget` if given: its nodes plus edges stay under the row cap (`NetworkTooLarge`
    otherwise), and the deadline is checked as it goes."""
    if projection not in PROJECTIONS:
        raise NetworkError(
            f"projection must be one of {', '.join(PROJECTIONS)}, got {projection!r}"
        )
    filters = filters or NetworkFilter()
    budget = budget or Budget()
    budget.check()
    incidents = {i: v for i, v in sorted(data.incidents.items()) if _passes(v, filters, data)}
    if filters.actor or filters.actor_types:
        involved = _involving(data, filters)
        incidents = {i: v for i, v in incidents.items() if i in involved}
    actors = {
        a: v
        for a, v in sorted(data.actors.items())
        if not filters.actor_types or v.type in filters.actor_types
    }
    roles: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    relations: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for number, claim in enumerate(data.claims):
        if number % 1024 == 0:
            budget.check()
        if not filters.accepts(claim.evidence.certainty):
            continue
        key = (claim.subject, claim.predicate, claim.object)
        if claim.predicate in ROLES and claim.subject in incidents and claim.object in actors:
            roles[key].append(claim.evidence)
        elif claim.predicate in RELATIONS and claim.subject in actors and claim.object in actors:
            relations[key].append(claim.evidence)
    if filters.selects_incidents:
        linked = {actor for (_, _, actor) in roles}
        relations = {k: v for k, v in relations.items() if k[0] in linked and k[2] in linked}
    budget.check()
    incident_attributes = {i: _incident_attributes(v, data) for i, v in incidents.items()}
    spans: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for incident, _, actor in roles:
        attrs = incident_attributes[incident]
        if "date_start" in attrs:
            spans[actor].append((attrs["date_start"], attrs["date_end"]))

    graph = nx.MultiDiGraph(name="conflict-kg", projection=projection)
    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    if projection in ("full", "bipartite"):
        for incident, attrs in incident_attributes.items():
            graph.add_node(incident_node(incident), **attrs)
        for (incident, role, actor), evidence in sorted(roles.items()):
            attrs = incident_attributes[incident]
            span = (attrs["date_start"], attrs["date_end"]) if "date_start" in attrs else None
            edge = _edge_attributes("role", role, evidence, span)
            edges.append((incident_node(incident), entity_node(actor), role, edge))
    if projection in ("full", "actors"):
        for (subject, predicate, obj), evidence in sorted(relations.items()):
            edge = _edge_attributes("relation", predicate, evidence)
            edges.append((entity_node(subject), entity_node(obj), predicate, edge))
    if projection == "actors":
        edges.extend(_co_perpetration(roles, incident_attributes, budget))
    budget.count(
        "nodes and edges",
        len(graph) + len({n for s, t, _, _ in edges for n in (s, t)} - set(graph)) + len(edges),
        FILTER_HINT,
    )
    budget.check()
    for node_id in sorted({n for s, t, _, _ in edges for n in (s, t)} - set(graph)):
        actor_id = node_id.removeprefix("entity/")
        graph.add_node(node_id, **_actor_attributes(actors[actor_id], spans.get(actor_id, [])))
    for source, target, key, attrs in sorted(edges, key=lambda e: (e[0], e[1], e[2])):
        graph.add_edge(source, target, key=key, **attrs)
    return graph


def _co_perpetration(
    roles: dict[tuple[str, str, str], list[Evidence]],
    incident_attributes: dict[str, dict[str, Any]],
    budget: Budget,
) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """One edge per pair of actors said to have carried out the same incidents. Pairs grow
    with the square of an incident's perpetrators, and each pair repeats both members'
    evidence, so both count against the row cap."""
    perpetrators: dict[str, dict[str, list[Evidence]]] = defaultdict(dict)
    for (incident, role, actor), evidence in roles.items():
        if role == "perpetrator":
            perpetrators[incident][actor] = evidence
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for incident, actors in sorted(perpetrators.items()):
        budget.count("co-perpetration pairs", len(pairs) + len(actors) ** 2 // 2, FILTER_HINT)
        for first in sorted(actors):
            for second in sorted(actors):
                if first < second:
                    pairs[(first, second)].append(incident)
    repeated = 0
    for (first, second), shared in sorted(pairs.items()):
        budget.check()
        evidence = [e for i in shared for a in (first, second) for e in perpetrators[i][a]]
        repeated += len(evidence)
        budget.count("pieces of co-perpetration evidence", repeated, FILTER_HINT)
        # A pair is as certain as its weaker member, on its best incident.
        certainty = min(
            (
                max(
                    _strongest(perpetrators[i][first]),
                    _strongest(perpetrators[i][second]),
                    key=CERTAINTIES.index,
                )
                for i in shared
            ),
            key=CERTAINTIES.index,
        )
        starts = [incident_attributes[i].get("date_start") for i in shared]
        ends = [incident_attributes[i].get("date_end") for i in shared]
        known = [(s, e) for s, e in zip(starts, ends, strict=True) if s and e]
        span = (min(s for s, _ in known), max(e for _, e in known)) if known else None
        attrs = _edge_attributes("coPerpetration", CO_PERPETRATION, evidence, span)
        attrs.update(certainty=certainty, weight=len(shared), incidents=shared)
        yield entity_node(first), entity_node(second), CO_PERPETRATION, attrs


def network_from_store(
    store: Store,
    projection: str = "full",
    filters: NetworkFilter | None = None,
    budget: Budget | None = None,
) -> nx.MultiDiGraph:
    """The projection built from the store, queries and all within `budget` if given."""
    return build_network(load_network_data(store, budget), projection, filters, budget)
