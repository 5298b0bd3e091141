"""What the lookups share: the ontology's vocabulary as they use it, dates at their precision,
and one way to run a named query.

The class tree, the roles and the certainties are read from `ontologies/` (the roles are the
sub-properties of `sem:hasActor`), so a new event class or role added to `conflict.ttl` is
picked up by every filter without code changes.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from graph.lookup_model import EntityRef, Evidence
from graph.queries import load_named_queries
from graph.store import ENTITY_CLASSES, Store
from ontologies import CK, CKID, SEM, load_ontology, local_id

__all__ = [
    "CERTAINTIES",
    "GROUP_TYPES",
    "LOCAL_ID",
    "RELATIONS",
    "ClaimRow",
    "actor_roles",
    "certainty_iri",
    "certainty_name",
    "claims",
    "claims_each",
    "date_span",
    "entity_type_names",
    "event_span",
    "event_type_names",
    "evidence",
    "fold",
    "id_iri",
    "integer",
    "is_event_class",
    "node_kind",
    "pick_name",
    "predicate_name",
    "primary_type",
    "role_rank",
    "select",
    "select_each",
    "subclasses",
    "text",
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


# Running queries ----------------------------------------------------------------------------


def select(store: Store, name: str, **bindings: URIRef | Literal | None) -> list[dict[str, Node]]:
    """Rows of the named query `graph/queries/<name>.rq` as {variable: term} (unbound
    variables absent); `bindings` whose value is None are left unbound."""
    query = load_named_queries()[name]
    bound = {key: value for key, value in bindings.items() if value is not None}
    declared = {parameter.name for parameter in query.parameters}
    if not set(bound) <= declared:
        raise ValueError(f"query {name!r} takes {sorted(declared)}, not {sorted(bound)}")
    result = store.query(query.text, bound)
    return [{str(var): term for var, term in row.items()} for row in result.bindings]


EACH_CHUNK = 200
"""Values per request in `select_each`: large pages stay well inside any endpoint's limits."""


def select_each(
    store: Store,
    name: str,
    variable: str,
    values: Iterable[URIRef],
    **bindings: URIRef | Literal | None,
) -> list[dict[str, Node]]:
    """Rows of the named query for each of `values` of its parameter `variable`, in a few
    requests rather than one per value; each row carries `variable` to say whose it is."""
    query = load_named_queries()[name]
    bound = {key: value for key, value in bindings.items() if value is not None}
    declared = {parameter.name for parameter in query.parameters}
    if not {variable, *bound} <= declared:
        raise ValueError(f"query {name!r} takes {sorted(declared)}, not {sorted(bound)}")
    wanted = list(dict.fromkeys(values))
    rows: list[dict[str, Node]] = []
    for start in range(0, len(wanted), EACH_CHUNK):
        chunk = wanted[start : start + EACH_CHUNK]
        result = store.query_each(query.text, variable, chunk, bound)
        rows.extend({str(var): term for var, term in row.items()} for row in result.bindings)
    return rows


def text(row: Mapping[str, Node], key: str) -> str | None:
    value = row.get(key)
    return None if value is None else str(value)


def integer(row: Mapping[str, Node], key: str) -> int | None:
    value = row.get(key)
    if value is None:
        return None
    try:
        return int(str(value))
    except ValueError:
        return None


def evidence(row: Mapping[str, Node]) -> Evidence:
    """The evidence columns of a claim row (`?article ?sentence ?start ?end ?text`)."""
    return Evidence(
        article=local_id(str(row["article"])),
        sentence=text(row, "sentence") or "",
        start=integer(row, "start") or 0,
        end=integer(row, "end") or 0,
        text=text(row, "text") or "",
    )


@dataclass(slots=True)
class ClaimRow:
    """One claim about a node, seen from that node: the other end as the claim's article
    describes it (a node may carry several classes, so rows are merged per claim)."""

    claim: Node
    direction: str
    predicate: str | None
    other: Node
    certainty: str
    source: str | None
    evidence: Evidence
    other_acled: str | None = None
    other_date: str | None = None
    other_precision: str | None = None
    other_incident: str | None = None
    """When the other end is a report: the local id of the incident it was resolved into."""
    other_names: set[str] = field(default_factory=set)
    other_classes: set[Node] = field(default_factory=set)

    @property
    def other_id(self) -> str:
        return local_id(str(self.other))

    @property
    def other_ref(self) -> EntityRef:
        name = pick_name(self.other_names, self.other_id)
        return EntityRef(self.other_id, name, primary_type(self.other_classes))

    @property
    def order(self) -> tuple[str, int, str]:
        return (self.evidence.article, self.evidence.start, str(self.claim))


def claims(store: Store, node: URIRef, direction: str) -> list[ClaimRow]:
    """The claims whose subject ("out") or object ("in") is `node`, in reading order."""
    return claims_each(store, [node], direction).get(node, [])


def claims_each(
    store: Store, nodes: Iterable[URIRef], direction: str
) -> dict[Node, list[ClaimRow]]:
    """`claims` for many nodes in a few requests: {node: its claims in reading order},
    nodes without claims absent."""
    name = "claims_from" if direction == "out" else "claims_to"
    merged: dict[Node, dict[Node, ClaimRow]] = defaultdict(dict)
    for row in select_each(store, name, "node", nodes):
        of_node = merged[row["node"]]
        claim = of_node.get(row["claim"])
        if claim is None:
            claim = of_node[row["claim"]] = ClaimRow(
                claim=row["claim"],
                direction=direction,
                predicate=predicate_name(row["predicate"]),
                other=row["other"],
                certainty=certainty_name(row["certainty"]),
                source=text(row, "source"),
                evidence=evidence(row),
                other_acled=text(row, "otherAcled"),
                other_date=text(row, "otherDate"),
                other_precision=text(row, "otherPrecision"),
                other_incident=local_id(str(row["otherIncident"]))
                if "otherIncident" in row
                else None,
            )
        if "otherName" in row:
            claim.other_names.add(str(row["otherName"]))
        if "otherClass" in row:
            claim.other_classes.add(row["otherClass"])
    return {node: sorted(found.values(), key=lambda c: c.order) for node, found in merged.items()}
