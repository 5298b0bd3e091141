"""Running the named queries for the lookups: rows, values in chunks, claims with their
evidence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from conflict_kg.graph.errors import QueryTimeoutError
from conflict_kg.graph.lookups.budget import check_rows, query_options, timed_out
from conflict_kg.graph.lookups.model import EntityRef, Evidence
from conflict_kg.graph.queries import load_named_queries
from conflict_kg.graph.store import Store
from conflict_kg.graph.vocabulary import certainty_name, pick_name, predicate_name, primary_type
from conflict_kg.ontologies import local_id

__all__ = [
    "ClaimRow",
    "claims",
    "claims_each",
    "evidence",
    "integer",
    "select",
    "select_each",
    "text",
]


# Running queries ----------------------------------------------------------------------------


def select(store: Store, name: str, **bindings: URIRef | Literal | None) -> list[dict[str, Node]]:
    """Rows of the named query `graph/queries/<name>.rq` as {variable: term} (unbound
    variables absent); `bindings` whose value is None are left unbound. Read within the
    current lookup budget (`graph.lookups.budget`), if any."""
    query = load_named_queries()[name]
    bound = {key: value for key, value in bindings.items() if value is not None}
    declared = {parameter.name for parameter in query.parameters}
    if not set(bound) <= declared:
        raise ValueError(f"query {name!r} takes {sorted(declared)}, not {sorted(bound)}")
    try:
        result = store.query(query.text, bound, query_options())
    except QueryTimeoutError as error:
        raise timed_out(error) from None
    check_rows(result.bindings, name)
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
        try:
            result = store.query_each(query.text, variable, chunk, bound, query_options())
        except QueryTimeoutError as error:
            raise timed_out(error) from None
        rows.extend({str(var): term for var, term in row.items()} for row in result.bindings)
    check_rows(rows, name)
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
