"""`conflict-kg resolve`, `stats` and `validate`: the store's upkeep, each a few lines over
the graph functions the HTTP routes call too.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from conflict_kg.cli.shell import State, cli_store, err, fail, out, resolution_line
from conflict_kg.graph.resolve import resolve


def resolve_command() -> None:
    """Rebuild cross-article resolution (canonical incidents and actors) from the stored
    articles. `ingest` and the HTTP writes already do this; run it after writing articles
    with SPARQL Update or another tool."""
    with cli_store() as store:
        resolution = resolve(store)
    out.print(resolution_line(resolution))


def stats(
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Count articles, triples, entities by type and events by type, and say when the last
    article was stored (UTC)."""
    with cli_store() as store:
        figures = store.stats()
    if format == "json":
        sys.stdout.write(json.dumps(asdict(figures), indent=2) + "\n")
        return
    out.print(f"store     {escape(State.store_url)}", highlight=False)
    out.print(f"articles  {figures.articles}")
    out.print(f"triples   {figures.triples}")
    out.print(f"incidents {figures.incidents} (resolved across articles)")
    out.print(f"last ingest {figures.last_ingest or 'never'}")
    for title, counts in (
        ("entities", figures.entities_by_type),
        ("event reports", figures.events_by_type),
    ):
        table = Table(title=title)
        table.add_column("type")
        table.add_column("count", justify="right")
        for key, value in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if value:  # the ontology's other classes, with nothing stored, are not news
                table.add_row(key, str(value))
        out.print(table)


def validate() -> None:
    """Check every stored article graph against the SHACL shapes (exit 1 on violations)."""
    from conflict_kg.graph.validate import validate_store

    with cli_store() as store:
        report = validate_store(store)
    if report.conforms:
        out.print(f"conforms: {report.articles} article graph(s), 0 violations")
        return
    for violation in report.violations[:50]:
        err.print(f"[red]violation:[/red] {escape(violation)}", highlight=False)
    raise fail(f"{len(report.violations)} violation(s) in {report.articles} article graph(s)")
