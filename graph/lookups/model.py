"""What the lookups answer: plain, frozen dataclasses with ids (the last segment of our IRIs),
names and literals, no rdflib terms, so the HTTP layer maps them without knowing RDF.

Certainties are the lower-cased `ck:Certainty` names ("alleged"); roles and relations are the
ontology's property names ("perpetrator", "backedBy"), with `sem:hasPlace` reported as
"place"; types are class local names ("AirOrDroneStrike"); dates are the literal as stored
("2021-11-07", "2021-10", "2021") with their precision alongside.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = [
    "ArticleContents",
    "ArticleEvent",
    "ArticleSummary",
    "Edge",
    "EntityDetail",
    "EntityIncident",
    "EntityRef",
    "EntitySummary",
    "Evidence",
    "GroupIncident",
    "GroupLink",
    "IncidentActor",
    "IncidentDetail",
    "IncidentRef",
    "IncidentSummary",
    "Link",
    "Node",
    "Page",
    "Ref",
    "Relation",
    "Report",
    "RoleClaim",
    "Subgraph",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list: `total` counts every match, `items` holds those from `offset`."""

    items: tuple[T, ...]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim was read: the article's id, the sentence, and the span (character
    offsets into the article's text, end exclusive) with its text."""

    article: str
    sentence: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Ref:
    """A node named by id and name only: a place, a weapon, a publisher."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class EntityRef:
    id: str
    name: str
    type: str | None


# Entities -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntitySummary:
    id: str
    name: str
    type: str | None
    aliases: tuple[str, ...]
    incidents: int
    """Distinct incidents the entity is linked to by any claim, denied ones included."""


@dataclass(frozen=True, slots=True)
class Relation:
    predicate: str
    direction: str
    """"out" when the entity is the claim's subject (it is backedBy the other), else "in"."""
    other: EntityRef
    certainty: str
    source: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class EntityIncident:
    id: str
    type: str | None
    acled: str | None
    date: str | None
    role: str
    certainty: str
    source: str | None
    incident: str | None = None
    """The incident this article's report was resolved into (`/incidents/{incident}`)."""


@dataclass(frozen=True, slots=True)
class AliasSeen:
    """A name an actor went by, and the articles that used it."""

    name: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntityDetail:
    id: str
    iri: str
    name: str
    type: str | None
    aliases: tuple[str, ...]
    acled_category: str | None
    country: str | None
    relations: tuple[Relation, ...]
    incidents: tuple[EntityIncident, ...]
    articles: tuple[str, ...]
    names_seen: tuple[AliasSeen, ...] = ()
    same_as: tuple[str, ...] = ()
    """The ids of the other spellings resolution grouped with this actor."""


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    kind: str
    """"actor", "place", "incident", "weapon" or "position"."""
    type: str | None


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    predicate: str
    certainty: str


@dataclass(frozen=True, slots=True)
class Subgraph:
    center: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    truncated: bool
    """True when the node cap stopped the walk before `depth` was reached everywhere."""


# Incidents ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IncidentActor:
    id: str
    name: str
    type: str | None
    role: str
    certainty: str


@dataclass(frozen=True, slots=True)
class Report:
    """An article's report of the incident: what that article says, beside the others."""

    article: str
    title: str | None
    published: str | None
    sources: tuple[str, ...]
    report: str | None = None
    """The article's own event id (`incident/<sha12>-<n>`)."""
    type: str | None = None
    date: str | None = None
    date_precision: str | None = None
    fatalities: int | None = None
    injuries: int | None = None


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    id: str
    type: str | None
    acled: str | None
    date: str | None
    date_precision: str | None
    place: Ref | None
    actors: tuple[IncidentActor, ...]
    reports: tuple[Report, ...]
    report_count: int = 0


@dataclass(frozen=True, slots=True)
class RoleClaim:
    role: str
    actor: EntityRef
    certainty: str
    source: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class IncidentDetail:
    id: str
    iri: str
    type: str | None
    acled: str | None
    label: str | None
    trigger: str | None
    date: str | None
    date_precision: str | None
    places: tuple[Ref, ...]
    roles: tuple[RoleClaim, ...]
    instruments: tuple[Ref, ...]
    fatalities: int | None
    injuries: int | None
    fatalities_reported: bool
    injuries_reported: bool
    reports: tuple[Report, ...]
    fatalities_max: int | None = None
    injuries_max: int | None = None


@dataclass(frozen=True, slots=True)
class IncidentRef:
    id: str
    type: str | None
    acled: str | None
    date: str | None
    date_precision: str | None


@dataclass(frozen=True, slots=True)
class Link:
    """A group's role in an incident at one certainty on one source's word, with the
    evidence of every claim that says so (usually one)."""

    role: str
    certainty: str
    source: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class GroupIncident:
    id: str
    type: str | None
    acled: str | None
    date: str | None
    date_precision: str | None
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class GroupLink:
    group: EntityRef
    incident: IncidentRef
    role: str
    certainty: str
    source: str | None
    evidence: tuple[Evidence, ...]


# Articles -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    iri: str
    title: str | None
    published: str | None
    publisher: Ref | None
    dateline: Ref | None
    events: int
    entities: int


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Character offsets into the article's text (end exclusive) and the text there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ArticleEvent:
    id: str
    type: str | None
    acled: str | None
    date: str | None
    mentions: tuple[TextSpan, ...] = ()
    """Every telling of the incident in the article, the most specific first."""


@dataclass(frozen=True, slots=True)
class ArticleContents:
    """What one stored article contributed to the graph."""

    id: str
    iri: str
    title: str | None
    published: str | None
    events: tuple[ArticleEvent, ...]
    entities: tuple[EntityRef, ...]
    triples: int
