"""The ontology's vocabulary as the graph package uses it: the class tree, the roles and
the certainties read from `ontologies/` (the roles are the sub-properties of `sem:hasActor`,
so a new event class or role added to `conflict.ttl` is picked up without code changes),
ids and names, and dates at their precision."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

from rdflib import URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from conflict_kg.graph.store import ENTITY_CLASSES
from conflict_kg.ontologies import CK, CKID, SEM, load_ontology, local_id

__all__ = [
    "CERTAINTIES",
    "GROUP_TYPES",
    "LOCAL_ID",
    "RELATIONS",
    "actor_roles",
    "certainty_iri",
    "certainty_name",
    "date_span",
    "entity_type_names",
    "event_span",
    "event_type_names",
    "fold",
    "id_iri",
    "is_event_class",
    "node_kind",
    "pick_name",
    "predicate_name",
    "primary_type",
    "role_rank",
    "subclasses",
]

LOCAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
"""The ids used in URLs: the last segment of our IRIs."""

CERTAINTIES = ("asserted", "alleged", "hedged", "unconfirmed", "denied")
"""The certainty values, strongest first (lookups sort by it, the network filters by it)."""
"""The values of `ck:certainty`, lower-cased, most firmly stated first."""

GROUP_TYPES = ("ArmedGroup", "StateForce", "Government", "State", "Organization")
"""The actor classes that count as groups for `/groups/{id}/incidents` and
`/links/groups-incidents`: organised actors that carry out or suffer incidents as a body."""

RELATIONS = (
    "backedBy",
    "partOf",
    "memberOf",
    "affiliatedWith",
    "alliedWith",
    "rivalOf",
    "holdsRole",
    "locatedIn",
)
"""The `ck:` properties between actors (and places) that the lookups report as relations."""

_ROLE_ORDER = ("perpetrator", "target", "victim", "participant", "winner", "place", "instrument")


# Vocabulary ---------------------------------------------------------------------------------


def _ck_local(term: Node) -> str | None:
    text = str(term)
    return text[len(str(CK)) :] if isinstance(term, URIRef) and text.startswith(str(CK)) else None


@cache
def _subclass_tree() -> dict[URIRef, frozenset[URIRef]]:
    """Each `ck:` class -> itself and all its `ck:` subclasses, at any depth."""
    ontology = load_ontology()
    classes = {s for s in ontology.subjects(RDFS.subClassOf, None) if _ck_local(s)}
    classes |= {o for o in ontology.objects(None, RDFS.subClassOf) if _ck_local(o)}
    return {
        cls: frozenset(
            c
            for c in ontology.transitive_subjects(RDFS.subClassOf, cls)
            if isinstance(c, URIRef) and _ck_local(c)
        )
        for cls in classes
    }


def subclasses(name: str) -> frozenset[URIRef]:
    """`ck:<name>` and every `ck:` class below it (`Attack` -> Attack, AirOrDroneStrike, ...)."""
    cls = CK[name]
    return _subclass_tree().get(cls, frozenset({cls}))


@cache
def event_type_names() -> tuple[str, ...]:
    """Local names of `ck:Event` and its subclasses: the values `type` takes for incidents."""
    return tuple(sorted(str(_ck_local(c)) for c in subclasses("Event")))


@cache
def entity_type_names() -> tuple[str, ...]:
    """Local names of `ck:Actor`, `ck:Place` and their subclasses: `type` for entities."""
    names = {str(_ck_local(c)) for c in subclasses("Actor") | subclasses("Place")}
    order = {name: i for i, name in enumerate(("Actor", *ENTITY_CLASSES))}
    return tuple(sorted(names, key=lambda n: (order.get(n, len(order)), n)))


@cache
def _event_depths() -> dict[URIRef, int]:
    tree = _subclass_tree()
    return {cls: sum(cls in below for below in tree.values()) for cls in subclasses("Event")}


def is_event_class(cls: Node) -> bool:
    return cls in _event_depths()


@cache
def actor_roles() -> tuple[str, ...]:
    """The roles an actor plays in an event: `ck:` sub-properties of `sem:hasActor`, at any
    depth (`winner` is a `participant`), in a fixed reading order."""
    ontology = load_ontology()
    names = {
        str(_ck_local(p))
        for p in ontology.transitive_subjects(RDFS.subPropertyOf, SEM.hasActor)
        if _ck_local(p)
    }
    return tuple(sorted(names, key=role_rank))


def role_rank(role: str) -> tuple[int, str]:
    return (_ROLE_ORDER.index(role) if role in _ROLE_ORDER else len(_ROLE_ORDER), role)


def predicate_name(predicate: Node) -> str | None:
    """The name under which the lookups report a claim's predicate: the role ("perpetrator",
    "place", "instrument") or the relation ("backedBy"); None for anything else (types)."""
    if predicate == SEM.hasPlace:
        return "place"
    name = _ck_local(predicate)
    if name is None:
        return None
    if name == "instrument" or name in RELATIONS or name in actor_roles():
        return name
    return None


def certainty_iri(name: str) -> URIRef:
    if name not in CERTAINTIES:
        raise ValueError(f"certainty must be one of {', '.join(CERTAINTIES)}, not {name!r}")
    return CK[name.capitalize()]


def certainty_name(term: Node) -> str:
    return (_ck_local(term) or local_id(str(term))).lower()


def primary_type(classes: Iterable[Node]) -> str | None:
    """The one class name to show for a node typed with several: an actor class before
    `Place` (Iraq is a State and a Place), the most specific event class, else by name."""
    names = {name for c in classes if (name := _ck_local(c))}
    if not names:
        return None
    depths = _event_depths()
    order = {name: i for i, name in enumerate(ENTITY_CLASSES)}

    def rank(name: str) -> tuple[int, int, str]:
        return (order.get(name, len(order)), -depths.get(CK[name], 0), name)

    return min(names, key=rank)


def node_kind(classes: Iterable[Node]) -> str:
    """The kind of node: incident, weapon, position, actor or place (an actor that is also a place,
    a State, is an actor)."""
    classes = set(classes)
    if any(is_event_class(c) for c in classes):
        return "incident"
    if CK.Weapon in classes:
        return "weapon"
    if CK.Position in classes:
        return "position"
    if classes & subclasses("Actor"):
        return "actor"
    if classes & subclasses("Place"):
        return "place"
    return "other"


def pick_name(names: Iterable[str], fallback: str) -> str:
    """One name out of the labels different articles gave a node: mixed case before ALL CAPS
    (a dateline's "BAGHDAD"), then the first alphabetically, so the choice is stable."""
    return min(names, key=lambda n: (n.isupper(), n.casefold(), n), default=fallback)


def fold(value: str) -> str:
    """Case, accents and apostrophes dropped: "Kata'ib" and "kataib" match."""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"['’‘`ʿʾ]", "", stripped.casefold())


def id_iri(kind: str, identifier: str) -> URIRef:
    """`ckid:<kind>/<identifier>`, refusing ids that are not plain local ids."""
    if not LOCAL_ID.match(identifier):
        raise ValueError(f"not an id: {identifier!r} (letters, digits, '.', '_', '-')")
    return CKID[f"{kind}/{identifier}"]


# Dates --------------------------------------------------------------------------------------

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_span(value: str) -> tuple[date, date]:
    """The first and last day of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; ValueError otherwise."""
    m = _PARTIAL_DATE.match(value)
    if not m:
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        if day:
            exact = date(year, month, day)
            return exact, exact
        if month:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last)
        return date(year, 1, 1), date(year, 12, 31)
    except (ValueError, calendar.IllegalMonthError):
        raise ValueError(f"{value!r} is not a valid date") from None


def event_span(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The days an event's `ck:date` may mean at its `ck:datePrecision`: one day, the week
    starting on that Monday, the month or the year. None when undated or unreadable."""
    if not value or value.startswith("--"):
        return None  # a month and day without a year ("--03-14") spans no known days
    try:
        if precision == "month":
            return date_span(value[:7])
        if precision == "year":
            return date_span(value[:4])
        first, last = date_span(value)
    except ValueError:
        return None
    if precision == "week" and first == last:
        return first, min(first + timedelta(days=6), date.max)
    return first, last
