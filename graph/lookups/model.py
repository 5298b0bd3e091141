"""What the lookups answer: plain, frozen dataclasses with ids (the last segment of our IRIs),
names and literals, no rdflib terms, so the HTTP layer maps them without knowing RDF.

They are also the HTTP response bodies: FastAPI (through pydantic) takes a standard
dataclass as a `response_model`, and reads each field's description from its
`Annotated[..., Field(description=...)]`. So a field is added, renamed or documented here
once, and the routes in `api/routes/` declare no body types of their own (a test in
tests/api/test_lookup_routes.py keeps it so). The JSON Schema of `tuple[X, ...]` is an array
of X, as a list's.

Certainties are the lower-cased `ck:Certainty` names ("alleged"); roles and relations are the
ontology's property names ("perpetrator", "backedBy"), with `sem:hasPlace` reported as
"place"; types are class local names ("AirOrDroneStrike"); dates are the literal as stored
("2021-11-07", "2021-10", "2021") with their precision alongside.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import Field

__all__ = [
    "AliasSeen",
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
    "TextSpan",
]

T = TypeVar("T")

Start = Annotated[int, Field(description="Character offset of the span in the article's text.")]
End = Annotated[int, Field(description="Offset just past the span.")]
ArticleId = Annotated[str, Field(description="The article's id (sha256 of its text).")]
Source = Annotated[str | None, Field(description="Who said so, as the article puts it.")]


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list: `total` counts every match, `items` holds those from `offset`."""

    items: tuple[T, ...]
    total: Annotated[int, Field(description="Every match, on all pages.")]
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim was read: the article's id, the sentence, and the span (character
    offsets into the article's text, end exclusive) with its text."""

    article: ArticleId
    sentence: str
    start: Start
    end: End
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
    type: Annotated[str | None, Field(description="The ontology class (local name).")]


# Entities -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntitySummary:
    id: str
    name: str
    type: str | None
    aliases: tuple[str, ...]
    incidents: Annotated[
        int, Field(description="Distinct incidents linked by any claim (denied too).")
    ]


@dataclass(frozen=True, slots=True)
class Relation:
    predicate: Annotated[str, Field(description="backedBy, partOf, memberOf, affiliatedWith, ...")]
    direction: Annotated[
        Literal["out", "in"],
        Field(description="out: this entity is the subject (it is backedBy the other)."),
    ]
    other: EntityRef
    certainty: str
    source: Source
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class EntityIncident:
    id: Annotated[str, Field(description="This article's report of the incident.")]
    type: str | None
    acled: str | None
    date: str | None
    role: str
    certainty: str
    source: str | None
    incident: Annotated[
        str | None,
        Field(
            description="The incident, resolved across articles, that this article's report "
            "(`id`) belongs to: `/incidents/{incident}`."
        ),
    ] = None


@dataclass(frozen=True, slots=True)
class AliasSeen:
    """A name an actor went by, and the articles that used it."""

    name: str
    articles: Annotated[
        tuple[str, ...], Field(description="Ids of the articles that used this name.")
    ]


@dataclass(frozen=True, slots=True)
class EntityDetail:
    id: str
    iri: str
    name: str
    type: str | None
    aliases: tuple[str, ...]
    acled_category: str | None
    country: Annotated[
        str | None,
        Field(
            description="The country entity's id: stated in the graph, or for a place the "
            "gazetteer's country."
        ),
    ]
    relations: tuple[Relation, ...]
    incidents: tuple[EntityIncident, ...]
    articles: Annotated[tuple[str, ...], Field(description="Ids of the articles that mention it.")]
    names_seen: Annotated[
        tuple[AliasSeen, ...],
        Field(description="Every name the articles used for it, with those articles."),
    ] = ()
    same_as: Annotated[
        tuple[str, ...],
        Field(
            description="Ids of other articles' spellings resolved to this actor; asking for "
            "any of them returns this entity."
        ),
    ] = ()


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    kind: Literal["actor", "place", "incident", "weapon", "position", "other"]
    type: str | None


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    predicate: Annotated[
        str, Field(description="A role (perpetrator, place, instrument...) or relation.")
    ]
    certainty: str


@dataclass(frozen=True, slots=True)
class Subgraph:
    center: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    truncated: Annotated[
        bool,
        Field(
            description="True when the node cap stopped the walk before `depth` was reached "
            "everywhere."
        ),
    ]


# Incidents ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IncidentActor:
    id: str
    name: str
    type: str | None
    role: str
    certainty: Annotated[
        str, Field(description="denied: a claim that the actor did NOT play the role.")
    ]


@dataclass(frozen=True, slots=True)
class Report:
    """An article's report of the incident: what that article says, beside the others."""

    article: str
    title: str | None
    published: str | None
    sources: Annotated[
        tuple[str, ...], Field(description="The sources its claims about the incident cite.")
    ]
    report: Annotated[
        str | None, Field(description="The article's own event id (`incident/<sha12>-<n>`).")
    ] = None
    type: Annotated[str | None, Field(description="The class this article gave it.")] = None
    date: Annotated[str | None, Field(description="The date this article gives.")] = None
    date_precision: str | None = None
    fatalities: Annotated[int | None, Field(description="This article's death toll.")] = None
    injuries: Annotated[int | None, Field(description="This article's injury count.")] = None


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    id: str
    type: str | None
    acled: Annotated[str | None, Field(description="ACLED sub-event type (CASE code).")]
    date: str | None
    date_precision: Annotated[
        str | None,
        Field(
            description="day, week, month, year, or month-day (a month and day without a "
            "year, the date then `--MM-DD`)"
        ),
    ]
    place: Ref | None
    actors: tuple[IncidentActor, ...]
    reports: tuple[Report, ...]
    report_count: Annotated[
        int, Field(description="How many articles' reports were resolved into this incident.")
    ] = 0


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
    trigger: Annotated[str | None, Field(description="The words that announce the event.")]
    date: str | None
    date_precision: str | None
    places: tuple[Ref, ...]
    roles: tuple[RoleClaim, ...]
    instruments: tuple[Ref, ...]
    fatalities: Annotated[
        int | None,
        Field(description="The lowest death toll any report gives (the conservative figure)."),
    ]
    injuries: Annotated[int | None, Field(description="The lowest injury count any report gives.")]
    fatalities_max: Annotated[
        int | None, Field(description="The highest death toll any report gives.")
    ]
    injuries_max: Annotated[int | None, Field(description="The highest injury count.")]
    fatalities_reported: Annotated[bool, Field(description="Deaths mentioned without a count.")]
    injuries_reported: Annotated[bool, Field(description="Injuries mentioned without a count.")]
    reports: tuple[Report, ...]


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
    source: Source
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
    events: Annotated[int, Field(description="Incidents the article reports.")]
    entities: Annotated[int, Field(description="Actors and places it mentions.")]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Character offsets into the article's text (end exclusive) and the text there."""

    start: Start
    end: End
    text: str


@dataclass(frozen=True, slots=True)
class ArticleEvent:
    id: str
    type: str | None
    acled: str | None
    date: str | None
    mentions: Annotated[
        tuple[TextSpan, ...],
        Field(
            description="Every telling of the incident in the article (headline, lead, "
            "'the attack'...), the most specific first: the first is its trigger."
        ),
    ] = ()


@dataclass(frozen=True, slots=True)
class ArticleContents:
    """What one stored article contributed to the graph."""

    id: str
    iri: str
    title: str | None
    published: str | None
    events: tuple[ArticleEvent, ...]
    entities: tuple[EntityRef, ...]
    triples: Annotated[int, Field(description="Triples in the article's named graph.")]
