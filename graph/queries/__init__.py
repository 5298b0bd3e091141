"""Named SPARQL queries: `.rq` files in this folder, with their parameters declared in the
file's header and bound as values, never pasted into the text.

Header lines look like::

    # title: Which actors carried out which incidents
    # param: actor iri   An actor IRI or its local id (optional)

A parameter named `actor` binds the variable `?actor`. Kinds: `iri` (a full IRI, or a local
id resolved against the entity namespace), `string`, `date`, `integer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from conflict_kg.ontologies import CKID

__all__ = ["NamedQuery", "NamedQueryError", "bind_named_query", "load_named_queries"]

_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s+(iri|string|date|integer)\s*(.*)$")
_TITLE = re.compile(r"^#\s*title:\s*(.+)$")
_LOCAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class NamedQueryError(ValueError):
    """Unknown query name, unknown parameter, or a value of the wrong kind."""


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    kind: str
    description: str


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    title: str
    text: str
    parameters: tuple[Parameter, ...]


@cache
def load_named_queries() -> dict[str, NamedQuery]:
    """Every public `.rq` file (the `store_*` ones are the store's internals)."""
    queries: dict[str, NamedQuery] = {}
    for resource in sorted(files("conflict_kg.graph.queries").iterdir(), key=lambda r: r.name):
        if not resource.name.endswith(".rq") or resource.name.startswith("store_"):
            continue
        text = resource.read_text(encoding="utf-8")
        title = ""
        parameters: list[Parameter] = []
        for line in text.splitlines():
            if m := _TITLE.match(line):
                title = m.group(1).strip()
            elif m := _PARAM.match(line):
                parameters.append(Parameter(m.group(1), m.group(2), m.group(3).strip()))
        name = resource.name[: -len(".rq")]
        queries[name] = NamedQuery(name, title, text, tuple(parameters))
    return queries


def _term(parameter: Parameter, value: str) -> Node:
    if parameter.kind == "iri":
        if value.startswith(("http://", "https://", "urn:")) and not re.search(
            r"[\s<>\"{}|\\^`]", value
        ):
            return URIRef(value)
        if _LOCAL_ID.match(value):
            return CKID[f"entity/{value}"]
        raise NamedQueryError(f"{parameter.name} must be an IRI or a local id, got {value!r}")
    if parameter.kind == "date":
        try:
            return Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError:
            raise NamedQueryError(
                f"{parameter.name} must be a date YYYY-MM-DD, got {value!r}"
            ) from None
    if parameter.kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise NamedQueryError(f"{parameter.name} must be an integer, got {value!r}")
        return Literal(int(value))
    return Literal(value)


def bind_named_query(name: str, params: dict[str, str]) -> tuple[str, dict[str, Node]]:
    """The query text and its bindings, checked against the declared parameters."""
    queries = load_named_queries()
    query = queries.get(name)
    if query is None:
        known = ", ".join(sorted(queries)) or "none"
        raise NamedQueryError(f"no named query {name!r}; known: {known}")
    declared = {p.name: p for p in query.parameters}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise NamedQueryError(
            f"query {name!r} has no parameter {', '.join(unknown)}; it takes: "
            + (", ".join(declared) or "none")
        )
    bindings = {key: _term(declared[key], value) for key, value in params.items()}
    return query.text, bindings
