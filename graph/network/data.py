"""What the network projections are made of, read from the store with the named queries
`graph/queries/network_*.rq`: actors, incidents, places and the claims behind every role and
actor relation, each claim with its evidence (sentence, span, source, certainty, article).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from typing import Any

from rdflib.term import Node, Variable

from conflict_kg.graph.errors import QueryTimeoutError
from conflict_kg.graph.lookups.incidents import ACTOR_TYPES, resolved
from conflict_kg.graph.lookups.places import place_names
from conflict_kg.graph.network.budget import Budget
from conflict_kg.graph.queries import bind_named_query, load_named_queries
from conflict_kg.graph.store import Store, event_classes
from conflict_kg.graph.vocabulary import CERTAINTIES, event_span
from conflict_kg.graph.vocabulary import subclasses as class_and_subclasses
from conflict_kg.ontologies import local_id

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
        # Not `asdict`, which deep-copies: every field is a scalar, and a network of many
        # reports writes thousands of these.
        return {name: getattr(self, name) for name in _EVIDENCE_FIELDS}


_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))


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
    fatalities_reported: bool = False
    """Deaths told without a count ("killing several people"): the count stays unknown."""
    injuries_reported: bool = False


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
    spellings: dict[str, str] = field(default_factory=dict)
    """Actor id -> its canonical id, for the actors resolution grouped with others."""


ROWS_HINT = "the store holds more than one request may read; ask the operator to raise the row cap"


def _rows(store: Store, name: str, budget: Budget) -> list[dict[Variable, Node]]:
    """The rows of the named query `name`, read under `budget`: stopped at the deadline and
    refused (not cut: a cut network would be wrong) past the row cap."""
    budget.check()
    try:
        result = store.query(load_named_queries()[name].text, options=budget.query_options())
    except QueryTimeoutError as error:
        raise budget.translate(error) from None
    rows = result.bindings
    budget.count(f"rows from the query {name}", len(rows), ROWS_HINT)
    budget.check()
    return rows


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    try:
        return None if value is None else int(str(value))
    except ValueError:
        return None


Facts = dict[str, dict[str, set[Node]]]
"""Subject local id -> variable -> its distinct values."""


def _facts(rows: list[dict[Variable, Node]], subject: str, budget: Budget) -> Facts:
    """The rows of a network query, one distinct fact each, gathered by subject: the queries
    answer each fact once and never combine one subject's facts with each other, so that an
    entity that many articles repeat costs as much as one that one article states."""
    facts: Facts = defaultdict(lambda: defaultdict(set))
    key = Variable(subject)
    for number, row in enumerate(rows):
        if number % 1024 == 0:
            budget.check()
        values = facts[local_id(row[key])]  # type: ignore[arg-type]
        for variable, value in row.items():
            if variable != key:
                values[str(variable)].add(value)
    return facts


def _least(values: set[Node] | None) -> str | None:
    """The smallest of several stated values as text: one deterministic pick when articles
    disagree (or state it in several forms)."""
    return min((str(v) for v in values), default=None) if values else None


def _least_id(values: set[Node] | None) -> str | None:
    return min((local_id(v) for v in values), default=None) if values else None  # type: ignore[arg-type]


def _least_int(values: set[Node] | None) -> int | None:
    numbers = [n for n in (_int(v) for v in values or ()) if n is not None]
    return min(numbers, default=None)


def _stated(values: set[Node] | None) -> bool:
    """A boolean flag any report states as true (a report never states it false)."""
    return any(str(v).lower() in ("true", "1") for v in values or ())


def _actors(rows: list[dict[Variable, Node]], budget: Budget) -> dict[str, Actor]:
    """Actors with a name; of several classes the first in `ACTOR_TYPES` wins (a State is
    also a Place), of several names the least."""
    actors: dict[str, Actor] = {}
    for actor, values in sorted(_facts(rows, "actor", budget).items()):
        kinds = {local_id(t) for t in values.get("type", ())}  # type: ignore[arg-type]
        name = _least(values.get("name"))
        if not kinds or name is None:
            continue
        actors[actor] = Actor(
            actor,
            name,
            min(kinds, key=ACTOR_TYPES.index),
            acled_category=_least(values.get("acledCategory")),
            country=_least_id(values.get("country")),
        )
    return actors


def _incidents(rows: list[dict[Variable, Node]], budget: Budget) -> dict[str, Incident]:
    incidents: dict[str, Incident] = {}
    for incident, values in sorted(_facts(rows, "incident", budget).items()):
        incidents[incident] = Incident(
            incident,
            types={local_id(t) for t in values.get("type", ())},  # type: ignore[arg-type]
            name=_least(values.get("label")),
            acled=_least(values.get("acled")),
            date=_least(values.get("date")),
            precision=_least(values.get("precision")),
            places={local_id(p) for p in values.get("place", ())},  # type: ignore[arg-type]
            fatalities=_least_int(values.get("fatalities")),
            injuries=_least_int(values.get("injuries")),
            fatalities_reported=_stated(values.get("fatalitiesReported")),
            injuries_reported=_stated(values.get("injuriesReported")),
        )
    return incidents


def _places(rows: list[dict[Variable, Node]], budget: Budget) -> dict[str, Place]:
    """Places with their names (labels first, then other names), the least of their stated
    coordinates and the places they lie in."""
    places: dict[str, Place] = {}
    for place, values in sorted(_facts(rows, "place", budget).items()):
        coordinates = None
        if values.get("lat") and values.get("long"):
            coordinates = (
                min(float(str(v)) for v in values["lat"]),
                min(float(str(v)) for v in values["long"]),
            )
        places[place] = Place(
            place,
            names=list(
                place_names(
                    (str(n) for n in values.get("name", ())), map(str, values.get("altName", ()))
                )
            ),
            coordinates=coordinates,
            within={local_id(w) for w in values.get("within", ())},  # type: ignore[arg-type]
        )
    return places


def _articles(
    rows: list[dict[Variable, Node]], budget: Budget
) -> dict[str, tuple[str | None, str | None]]:
    """Each article's title and publication date (the least, if it states several)."""
    return {
        article: (_least(values.get("title")), _least(values.get("issued")))
        for article, values in _facts(rows, "article", budget).items()
    }


def _claims(
    rows: list[dict[Variable, Node]],
    articles: dict[str, tuple[str | None, str | None]],
    budget: Budget,
) -> list[Claim]:
    """One claim per row: the evidence of a link is legitimately one row per article."""
    claims: list[Claim] = []
    for number, row in enumerate(rows):
        if number % 1024 == 0:
            budget.check()
        r: Any = {str(k): v for k, v in row.items()}
        article = local_id(r["article"])
        title, published = articles.get(article, (None, None))
        evidence = Evidence(
            claim=local_id(r["claim"]),
            article=article,
            certainty=local_id(r["certainty"]).lower(),
            sentence=_text(r.get("sentence")),
            text=_text(r.get("evidence")),
            according_to=_text(r.get("source")),
            start=_int(r.get("start")),
            end=_int(r.get("end")),
            article_title=title,
            published=published,
            confidence=None if r.get("confidence") is None else float(r["confidence"]),
        )
        if evidence.certainty in CERTAINTIES:
            claims.append(
                Claim(
                    local_id(r["subject"]),
                    local_id(r["predicate"]),
                    local_id(r["object"]),
                    evidence,
                )
            )
    return claims


def load_network_data(store: Store, budget: Budget | None = None) -> NetworkData:
    """Actors, incidents, places and the claims of roles and relations, read within `budget`
    if given (`BudgetExceeded` when it runs out) and kept until the store's next write:
    every network route and filter starts from the same data, and reading it is most of a
    request. Callers must not change what they get."""
    budget = budget or Budget()
    budget.check()
    return store.memo("network_data", lambda: _read(store, budget))


def _read(store: Store, budget: Budget) -> NetworkData:
    actors = _actors(_rows(store, "network_actors", budget), budget)
    incidents = _incidents(_rows(store, "network_incidents", budget), budget)
    places = _places(_rows(store, "network_places", budget), budget)
    articles = _articles(_rows(store, "network_articles", budget), budget)
    claims = _claims(_rows(store, "network_claims", budget), articles, budget)
    budget.check()
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
    data.spellings = dict(actors)
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
            merged.fatalities_reported |= seen.fatalities_reported
            merged.injuries_reported |= seen.injuries_reported
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
    if reports:
        _merge_described(data)
    return data


def _merge_described(data: NetworkData) -> None:
    """One node for the same unnamed actor that several reports of one incident describe.

    An article's "some of his bodyguards" is its own actor, scoped to that article, because
    two articles' bodyguards are not known to be the same people (docs/resolution.md). Once
    resolution has made their reports one incident, though, the bodyguards each report says
    were injured in it are the same people told again: without this, a network of 200 reports
    of one strike grows one "Bodyguards" node per report. Actors merge here only when each
    is described (an ACLED category, no identity of its own), stated by one article alone,
    and has the same class, name and the same roles in the same incidents as the other; the
    store keeps every article's own actor, only the network shows one.
    """
    described = {a.id for a in data.actors.values() if a.acled_category is not None}
    articles: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for claim in data.claims:
        for end, other in ((claim.object, claim.subject), (claim.subject, claim.object)):
            if end in described:
                articles[end].add(claim.evidence.article)
                if other in data.incidents:
                    roles[end].add((claim.predicate, other))
    groups: dict[tuple[str, str, frozenset[tuple[str, str]]], list[str]] = defaultdict(list)
    for actor_id, seen in articles.items():
        if len(seen) == 1 and roles[actor_id]:
            actor = data.actors[actor_id]
            groups[(actor.type, actor.name, frozenset(roles[actor_id]))].append(actor_id)
    merged: dict[str, str] = {}
    for group in groups.values():
        keep = min(group)
        merged.update((member, keep) for member in group if member != keep)
    if not merged:
        return
    data.spellings.update(merged)  # an ?actor= filter by any member's id still finds it
    for member in merged:
        data.actors.pop(member, None)
    data.claims = [
        Claim(
            merged.get(c.subject, c.subject), c.predicate, merged.get(c.object, c.object),
            c.evidence,
        )
        for c in data.claims
    ]


def _lowest(a: int | None, b: int | None) -> int | None:
    """The conservative casualty figure when reports differ."""
    return b if a is None else a if b is None else min(a, b)


def lookup_entity(
    store: Store, entity_id: str, budget: Budget | None = None
) -> tuple[str, list[str]] | None:
    """The name (the least of its names) and class names of entity `entity_id`, or None if
    the store has no name or no class for it."""
    budget = budget or Budget()
    try:
        text, bindings = bind_named_query("network_entity", {"entity": entity_id})
    except ValueError:
        return None
    budget.check()
    try:
        rows = store.query(text, bindings, budget.query_options()).bindings
    except QueryTimeoutError as error:
        raise budget.translate(error) from None
    budget.count("names and classes of one entity", len(rows), ROWS_HINT)
    names = {str(row[Variable("name")]) for row in rows if Variable("name") in row}
    types = {local_id(row[Variable("type")]) for row in rows if Variable("type") in row}  # type: ignore[arg-type]
    if not names or not types:
        return None
    return min(names), sorted(types)


def date_span(value: str | None, precision: str | None = None) -> tuple[date, date] | None:
    """The days an incident date may stand for: "2021-10" is the whole of October."""
    return event_span(value, precision)
