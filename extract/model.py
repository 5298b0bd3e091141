"""The extractor's output as plain typed dataclasses: the boundary between `extract` and the rest.

Everything downstream (triples, JSON, the store) reads these and nothing of spaCy, so the
JSON contract of `conflict-kg extract` is exactly `Extraction.to_json()`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Certainty = Literal["asserted", "alleged", "unconfirmed", "denied", "hedged"]
CERTAINTIES: tuple[Certainty, ...] = ("asserted", "alleged", "unconfirmed", "denied", "hedged")
Precision = Literal["day", "week", "month", "year", "month-day"]
"""How exact an event date is; `month-day` is a month and day without a year (`--03-14`)."""


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into the article text as read (end exclusive) and the text there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """One telling of an event in the text: the trigger words, where they are, the class
    they name on their own ("assassination attempt" names an Assassination even where the
    event they tell is an AirOrDroneStrike) and their sentence."""

    start: int
    end: int
    text: str
    type: str
    sentence: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


NonSpecificReason = Literal[
    "negated", "future", "hypothetical", "conditional", "habitual", "generic", "background"
]
"""Why a telling names no specific incident (`extract.events.specificity`)."""


@dataclass(frozen=True, slots=True)
class NonSpecificMention:
    """Event words that tell no specific incident: a negated arrest, a threatened attack, a
    trend of raids, attacks "of that kind". Kept as background of the article, never as an
    incident, so that counting events still counts incidents while what the article talks
    about stays findable (and an event dataset that annotates such words can be compared)."""

    start: int
    end: int
    text: str
    type: str
    """The event class the words name."""
    reason: NonSpecificReason
    sentence: Span | None = None
    arguments: list[Argument] = field(default_factory=list)
    """The roles the words' own sentence states ("homicides in Chicago": its place), read
    as an event's are; no casualty counts. Listed in the JSON only when there are some."""

    def to_json(self) -> dict[str, Any]:
        told: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "reason": self.reason,
        }
        if self.arguments:
            told["arguments"] = [argument_json(a) for a in self.arguments]
        return told


@dataclass(slots=True)
class ArticleMeta:
    id: str
    """sha256 of the text: the article's identity."""
    title: str | None = None
    published: str | None = None
    dateline: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    url: str | None = None
    section: str | None = None
    source_scale: str | None = None
    """The source's reach in ACLED's vocabulary ("National-International"), when the input
    says it (the JSON field `source_scale`)."""


@dataclass(slots=True)
class Entity:
    id: str
    """Local id (slug of the canonical name), stable across articles."""
    name: str
    type: str
    """Ontology class local name: Person, ArmedGroup, StateForce, Government, State,
    Organization, CommunalGroup or Place."""
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    acled_category: str | None = None
    country: str | None = None
    also_place: bool = False
    """A state that is also used as a location (Iraq is an actor and a place)."""


@dataclass(slots=True)
class Argument:
    role: str
    """Ontology property local name: perpetrator, target, victim, participant, place,
    instrument."""
    entity: str
    """Entity id, or the weapon concept's id for instruments."""
    start: int
    end: int
    text: str
    certainty: Certainty = "asserted"
    source: str | None = None
    sentence: Span | None = None
    rule: str = ""


def argument_json(argument: Argument) -> dict[str, Any]:
    """An argument in the JSON contract, the same for events and non-specific mentions."""
    return {
        "role": argument.role,
        "entity": argument.entity,
        "start": argument.start,
        "end": argument.end,
        "text": argument.text,
        "certainty": argument.certainty,
        "source": argument.source,
    }


@dataclass(slots=True)
class Event:
    id: str
    type: str
    acled: str | None
    trigger: Span
    date: str | None = None
    date_precision: str | None = None
    arguments: list[Argument] = field(default_factory=list)
    fatalities: int | None = None
    injuries: int | None = None
    fatalities_reported: bool = False
    injuries_reported: bool = False
    sentence: Span | None = None
    mentions: list[Mention] = field(default_factory=list)
    """Every telling of the incident, the most specific first; `trigger` is the first."""
    targeted: bool = False
    """Aimed at a specific person (an assassination attempt), whatever its means: the
    class says how the attack was made, this flag that one of its mentions calls it an
    assassination."""
    certainty: Certainty = "asserted"
    source: str | None = None
    concerns: str | None = None
    """Id of the event this one is about (the bombing a claim of responsibility claims)."""


@dataclass(slots=True)
class Relation:
    subject: str
    predicate: str
    object: str
    certainty: Certainty
    evidence: Span
    source: str | None = None
    sentence: Span | None = None
    rule: str = ""


@dataclass(slots=True)
class Weapon:
    id: str
    name: str


@dataclass(slots=True)
class Extraction:
    source: str
    article: ArticleMeta
    text: str
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    positions: dict[str, str] = field(default_factory=dict)
    """Position id -> label, for holdsRole objects ("Prime Minister of Iraq")."""
    nonspecific: list[NonSpecificMention] = field(default_factory=list)
    """Event words that tell no specific incident, in text order."""
    warnings: list[str] = field(default_factory=list)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON contract of `conflict-kg extract --format json` (see README)."""
        return {
            "source": self.source,
            "article": {
                "id": self.article.id,
                "title": self.article.title,
                "published": self.article.published,
                "dateline": self.article.dateline,
                "publisher": self.article.publisher,
                "authors": list(self.article.authors),
                "editors": list(self.article.editors),
            },
            "entities": [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "mentions": [asdict(m) for m in e.mentions],
                }
                for e in self.entities
            ],
            "events": [
                {
                    "id": ev.id,
                    "type": ev.type,
                    "acled": ev.acled,
                    "trigger": asdict(ev.trigger),
                    "mentions": [m.to_json() for m in ev.mentions],
                    "targeted": ev.targeted,
                    "date": ev.date,
                    "arguments": [argument_json(a) for a in ev.arguments],
                    "fatalities": ev.fatalities,
                    "injuries": ev.injuries,
                    "fatalities_reported": ev.fatalities_reported,
                    "injuries_reported": ev.injuries_reported,
                    "date_precision": ev.date_precision,
                    "concerns": ev.concerns,
                }
                for ev in self.events
            ],
            "relations": [
                {
                    "subject": r.subject,
                    "predicate": r.predicate,
                    "object": r.object,
                    "certainty": r.certainty,
                    "evidence": asdict(r.evidence),
                }
                for r in self.relations
            ],
            "nonspecific": [m.to_json() for m in self.nonspecific],
        }
