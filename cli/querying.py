"""`conflict-kg query`: a SPARQL query or a named one over the union of the article graphs,
printed as a table, JSON or CSV.

The table shows IRIs with the project's prefixes, so a result reads as the ontology does.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from conflict_kg.cli.shell import State, fail, open_cli_store, out, reader_may_stop
from conflict_kg.graph.errors import StoreError
from conflict_kg.graph.store import Store


def query(
    sparql: Annotated[
        str | None, typer.Argument(help="A SPARQL query (or '-' to read it from stdin).")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="A named query from graph/queries/.")
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", help="k=v parameter of a named query (repeatable)."),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
) -> None:
    """Run a SPARQL query over the union of all article graphs."""
    from conflict_kg.graph.queries import NamedQueryError, bind_named_query

    if (sparql is None) == (name is None):
        raise fail("give either a SPARQL query or --name NAME", 2)
    bindings = None
    if name is not None:
        try:
            text, bindings = bind_named_query(name, dict(_pairs(param or [])))
        except NamedQueryError as exc:
            raise fail(str(exc), 2) from None
    else:
        text = sys.stdin.read() if sparql == "-" else str(sparql)
    store = open_cli_store()
    try:
        result = store.query(text, bindings)
        if name is not None and result.type == "SELECT":
            _resolve_incidents(store, result)
    except StoreError as exc:
        raise fail(str(exc), 2) from None
    finally:
        store.close()
    with reader_may_stop():
        _print_result(result, format)


def _resolve_incidents(store: Store, result: object) -> None:
    """Give a named query's `?incident` as the HTTP lookups give it: the incident resolved
    across articles, not one article's report of it (rows that then say the same once)."""
    from rdflib import Variable
    from rdflib.query import Result

    from conflict_kg.graph.queries import load_named_queries

    assert isinstance(result, Result)
    incident = Variable("incident")
    rows = store.query(load_named_queries()["resolved_incidents"].text).bindings
    canonical = {row[Variable("report")]: row[incident] for row in rows}
    resolved = (
        {k: canonical.get(v, v) if k == incident else v for k, v in row.items()}
        for row in result.bindings
    )
    unique = {tuple(sorted(row.items(), key=str)): row for row in resolved}
    result.bindings = list(unique.values())


def _pairs(params: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise fail(f"--param must be k=v, got {item!r}", 2)
        pairs.append((key, value))
    return pairs


def _print_result(result: object, format: str) -> None:
    from rdflib.query import Result

    assert isinstance(result, Result)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        sys.stdout.write(result.serialize(format="turtle").decode("utf-8"))  # type: ignore[union-attr]
        return
    if result.type == "ASK":
        out.print("true" if result.askAnswer else "false")
        return
    if format == "json":
        sys.stdout.write(result.serialize(format="json").decode("utf-8") + "\n")  # type: ignore[union-attr]
    elif format == "csv":
        sys.stdout.write(result.serialize(format="csv").decode("utf-8"))  # type: ignore[union-attr]
    else:
        variables = [str(v) for v in result.vars or []]
        table = Table(*variables)
        for column in table.columns:
            column.overflow = "fold"  # a long IRI wraps; it is never cut to "https:..."
        for row in result:
            table.add_row(*(_cell(value) for value in row))  # type: ignore[union-attr]
        out.print(table)


def _cell(value: object) -> str:
    """A term as the table shows it: an IRI with our prefixes (`ck:AirOrDroneStrike`,
    `ckid:entity/kataib-hezbollah`) or in full in <>, a literal as its text."""
    from rdflib import Graph, URIRef

    from conflict_kg.ontologies import CKID, bind_prefixes

    if value is None:
        return ""
    if isinstance(value, URIRef):
        if value.startswith(CKID):  # ids hold "/", which a prefixed name cannot
            return escape(f"ckid:{value[len(CKID) :]}")
        namespaces = State.prefixes or bind_prefixes(Graph()).namespace_manager
        State.prefixes = namespaces
        return escape(value.n3(namespaces))
    return escape(str(value))
