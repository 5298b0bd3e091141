"""The `conflict-kg` command line: a thin shell over the same functions the HTTP routes call.

Errors reach the user as one readable line on stderr and a non-zero exit code, never as a
traceback.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from extract.article import ArticleError, ArticleInput, read_inputs
from graph.errors import StoreError
from graph.store import EXPORT_FORMATS, Store, open_store

from .settings import DEFAULT_STORE, Settings

app = typer.Typer(
    help="Build a knowledge graph of conflict events from news articles, and query it.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console()
err = Console(stderr=True, soft_wrap=True)  # one message, one line, however long

StoreOption = Annotated[
    str,
    typer.Option(
        "--store",
        envvar="CONFLICT_KG_STORE",
        help="Store URL: oxigraph:PATH (embedded, on disk), memory:, or "
        "sparql:QUERY_URL[|UPDATE_URL] (a SPARQL 1.1 endpoint).",
    ),
]


class State:
    store_url: str = DEFAULT_STORE


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    return typer.Exit(code)


def _store() -> Store:
    try:
        return open_store(State.store_url)
    except StoreError as exc:
        raise fail(str(exc)) from None


@app.callback()
def main(store: StoreOption = DEFAULT_STORE) -> None:
    """Extract entities, incidents and evidence from articles into an RDF store."""
    State.store_url = store


def _inputs(paths: list[Path]) -> list[ArticleInput | ArticleError]:
    items: list[ArticleInput | ArticleError] = []
    for path in paths:
        if str(path) == "-":
            text = sys.stdin.read()
            items.append(
                ArticleInput("-", text) if text.strip() else ArticleError("-: empty input")
            )
        else:
            items.extend(read_inputs(path))
    return items


@app.command()
def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Text, JSON or JSONL files, or directories ('-' for stdin)."),
    ],
    format: Annotated[
        str,
        typer.Option("--format", "-f", help="json (one object per article per line) or turtle."),
    ] = "json",
) -> None:
    """Print what the extractor finds in each article, without storing anything."""
    if format not in ("json", "turtle"):
        raise fail(f"unknown format {format!r}: use json or turtle", 2)
    from extract.pipeline import Extractor
    from extract.triples import article_graph

    failures = 0
    items = _inputs(paths)
    good = [i for i in items if isinstance(i, ArticleInput)]
    for item in items:
        if isinstance(item, ArticleError):
            err.print(f"[red]error:[/red] {escape(str(item))}", highlight=False)
            failures += 1
    for extraction in Extractor().extract_many(good):
        for warning in extraction.warnings:
            err.print(f"[yellow]warning:[/yellow] {escape(str(warning))}", highlight=False)
        if format == "json":
            sys.stdout.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
        else:
            _, graph = article_graph(extraction)
            sys.stdout.write(graph.serialize(format="turtle"))
    if failures:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Text, JSON or JSONL files, or directories.")],
) -> None:
    """Extract articles and store each as its own named graph (atomic, idempotent).

    A bad input is reported on one line and skipped; the exit code is 1 if any failed.
    """
    from .ingest import ingest as run_ingest

    items = _inputs(paths)
    store = _store()
    added = skipped = failed = triples = 0
    try:
        with Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("", total=len(items))
            for result in run_ingest(items, store):
                progress.advance(task)
                progress.update(task, description=Path(result.source).name)
                if result.error:
                    failed += 1
                    progress.console.print(
                        f"[red]error:[/red] {escape(result.error)}", highlight=False
                    )
                elif result.added:
                    added += 1
                    triples += result.triples
                else:
                    skipped += 1
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    out.print(
        f"ingested {added} article(s), {triples} triples; {skipped} already stored; {failed} failed"
    )
    if failed:
        raise typer.Exit(1)


@app.command()
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
    from graph.queries import NamedQueryError, bind_named_query

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
    store = _store()
    try:
        result = store.query(text, bindings)
    except StoreError as exc:
        raise fail(str(exc), 2) from None
    finally:
        store.close()
    _print_result(result, format)


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
        for row in result:
            table.add_row(*("" if value is None else escape(str(value)) for value in row))  # type: ignore[union-attr]
        out.print(table)


@app.command()
def export(
    format: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}.")
    ] = "trig",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Write the whole store in an RDF format (quad formats keep the per-article graphs)."""
    if format not in EXPORT_FORMATS:
        raise fail(f"unknown format {format!r}: use one of {', '.join(EXPORT_FORMATS)}", 2)
    store = _store()
    try:
        data = store.export(format)
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        err.print(f"wrote {len(data)} bytes to {escape(str(output))}", highlight=False)


@app.command()
def stats(
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Count articles, triples, entities by type and events by type."""
    store = _store()
    try:
        figures = store.stats()
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    if format == "json":
        sys.stdout.write(json.dumps(asdict(figures), indent=2) + "\n")
        return
    out.print(f"store     {escape(State.store_url)}", highlight=False)
    out.print(f"articles  {figures.articles}")
    out.print(f"triples   {figures.triples}")
    for title, counts in (
        ("entities", figures.entities_by_type),
        ("events", figures.events_by_type),
    ):
        table = Table(title=title)
        table.add_column("type")
        table.add_column("count", justify="right")
        for key, value in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            table.add_row(key, str(value))
        out.print(table)


@app.command()
def validate() -> None:
    """Check every stored article graph against the SHACL shapes (exit 1 on violations)."""
    from graph.validate import validate_store

    store = _store()
    try:
        report = validate_store(store)
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    if report.conforms:
        out.print(f"conforms: {report.articles} article graph(s), 0 violations")
        return
    for violation in report.violations[:50]:
        err.print(f"[red]violation:[/red] {escape(violation)}", highlight=False)
    raise fail(f"{len(report.violations)} violation(s) in {report.articles} article graph(s)")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API (SPARQL endpoint, lookups, /docs) over the store."""
    import uvicorn

    from .app import create_app

    try:
        application = create_app(Settings.from_env(store=State.store_url))
    except (StoreError, ValueError) as exc:
        raise fail(str(exc)) from None
    uvicorn.run(application, host=host, port=port, log_level="info")


if __name__ == "__main__":
    app()
