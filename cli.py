"""The `conflict-kg` command line: a thin shell over the same functions the HTTP routes call.

Errors reach the user as one readable line on stderr and a non-zero exit code, never as a
traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rdflib import URIRef
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from conflict_kg.api.settings import (
    DEFAULT_ARTICLE_BUDGET,
    DEFAULT_STORE,
    Settings,
    article_budget_from_env,
)
from conflict_kg.extract import ArticleError, ArticleInput, plain_article, read_inputs
from conflict_kg.graph.errors import StoreError
from conflict_kg.graph.resolve import Resolution, resolve, resolve_articles
from conflict_kg.graph.store import EXPORT_FORMATS, Store, open_store
from conflict_kg.ontologies import article_iri

if TYPE_CHECKING:
    from conflict_kg.extract import Extractor
    from conflict_kg.graph.network import NetworkFilter
    from conflict_kg.ingest import IngestResult

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
    """The articles named on the command line, by the same rules as an HTTP body: stdin is
    read as bytes, like a file or a text/plain body, never through the locale's decoder."""
    items: list[ArticleInput | ArticleError] = []
    for path in paths:
        if str(path) == "-":
            try:
                items.append(plain_article("-", sys.stdin.buffer.read()))
            except ArticleError as error:
                items.append(error)
        else:
            items.extend(read_inputs(path))
    return items


ArticleBudgetOption = Annotated[
    float | None,
    typer.Option(
        "--article-budget",
        min=0,
        metavar="SECONDS",
        help="Seconds one article may take to extract; an article over it is reported as "
        "failed, nothing of it is stored, and the others go on. 0: no limit. "
        f"Default: CONFLICT_KG_ARTICLE_BUDGET, else {DEFAULT_ARTICLE_BUDGET:g}.",
        show_default=False,
    ),
]


def _budget(article_budget: float | None) -> float:
    """The article budget of the option, else of the environment (checked before any work)."""
    if article_budget is not None:
        return article_budget
    try:
        return article_budget_from_env()
    except ValueError as exc:
        raise fail(str(exc), 2) from None


def _extractor(budget: float) -> Extractor:
    from conflict_kg.extract import Extractor

    return Extractor(budget=budget)


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
    article_budget: ArticleBudgetOption = None,
) -> None:
    """Print what the extractor finds in each article, without storing anything.

    A bad input is reported on one line and skipped; the exit code is 1 if any failed.
    """
    if format not in ("json", "turtle"):
        raise fail(f"unknown format {format!r}: use json or turtle", 2)
    from conflict_kg.extract import article_graph

    extractor = _extractor(_budget(article_budget))
    failures = 0
    items = _inputs(paths)
    good = [i for i in items if isinstance(i, ArticleInput)]
    for item in items:
        if isinstance(item, ArticleError):
            err.print(f"[red]error:[/red] {escape(str(item))}", highlight=False)
            failures += 1
    for extraction in extractor.outcomes(good):
        if isinstance(extraction, ArticleError):
            err.print(f"[red]error:[/red] {escape(str(extraction))}", highlight=False)
            failures += 1
            continue
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
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Text, JSON or JSON Lines files (.txt, .json, .jsonl, .ndjson, each also "
            "gzipped as .gz) or directories; '-' reads stdin."
        ),
    ],
    article_budget: ArticleBudgetOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Extract on a local Dask cluster of this many worker processes (one spaCy "
            "pipeline each). Without it (and without --scheduler) extraction runs here.",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="tcp://HOST:PORT",
            help="Extract on a running Dask cluster (any deployment) through its scheduler.",
        ),
    ] = None,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size",
            min=1,
            help="Articles per batch: one extraction job and one store transaction each.",
        ),
    ] = 64,
    stdin_format: Annotated[
        str,
        typer.Option(
            "--stdin-format",
            help="How '-' is read: text (one article), json (one object) or jsonl (one "
            "object per line); gzip is recognised by its first bytes.",
        ),
    ] = "text",
) -> None:
    """Extract articles and store each as its own named graph (atomic, idempotent).

    Inputs are read lazily, so a corpus of any size streams through in batches; articles
    already stored are skipped by their text's hash without being extracted again, so a
    rerun after a crash resumes. A bad input (or one over the article budget) is reported
    on one line and skipped; the exit code is 1 if any failed. Resolution across articles
    runs once at the end.
    """
    from conflict_kg.ingest import SerialRunner, stream_inputs
    from conflict_kg.ingest import ingest as run_ingest
    from conflict_kg.ingest.sources import STDIN_FORMATS, Reading

    if stdin_format not in STDIN_FORMATS:
        raise fail(f"unknown stdin format {stdin_format!r}: use {', '.join(STDIN_FORMATS)}", 2)
    if workers is not None and scheduler is not None:
        raise fail("give --workers (a local cluster) or --scheduler (a running one), not both", 2)
    budget = _budget(article_budget)
    reading = Reading()
    items = stream_inputs(paths, reading, stdin_format=stdin_format)
    store = _store()
    counts = {"added": 0, "skipped": 0, "failed": 0, "triples": 0}
    seen: list[URIRef] = []  # stored or skipped: resolved again (a crashed run's included)
    try:
        with _ingest_progress() as progress, _runner(workers, scheduler, budget) as runner:
            task = progress.add_task("", total=None, articles="0 articles")
            for result in run_ingest(
                items, store, batch_size=batch_size, runner=runner or SerialRunner(budget=budget)
            ):
                _count(result, counts, progress)
                if result.article_id and not result.error:
                    seen.append(article_iri(result.article_id))
                done = sum(counts[k] for k in ("added", "skipped", "failed"))
                elapsed = progress.tasks[0].elapsed or 0.0
                rate = f"{done / elapsed:.1f}/s" if elapsed > 0 else ""
                progress.update(
                    task,
                    total=reading.total,
                    completed=reading.position(),
                    articles=f"{done} articles {rate}",
                    description=Path(result.source).name,
                )
            progress.update(task, description="resolving across articles")
            # Once per run, and only what this run's articles can touch.
            resolution = resolve_articles(store, seen)
    except StoreError as exc:
        raise fail(str(exc)) from None
    except _DaskFailure as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    out.print(
        f"ingested {counts['added']} article(s), {counts['triples']} triples; "
        f"{counts['skipped']} already stored; {counts['failed']} failed"
    )
    out.print(_resolution_line(resolution))
    if counts["failed"]:
        raise typer.Exit(1)


class _DaskFailure(Exception):
    """A cluster that cannot be started or reached, or a batch that failed for good."""


def _ingest_progress() -> Progress:
    """Articles done and their rate, and an ETA from the bytes of input read (unknown for
    stdin)."""
    return Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        TextColumn("{task.fields[articles]}"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
    )


def _count(result: IngestResult, counts: dict[str, int], progress: Progress) -> None:
    if result.error:
        counts["failed"] += 1
        progress.console.print(f"[red]error:[/red] {escape(result.error)}", highlight=False)
    elif result.added:
        counts["added"] += 1
        counts["triples"] += result.triples
    else:
        counts["skipped"] += 1


@contextmanager
def _runner(workers: int | None, scheduler: str | None, budget: float) -> Iterator[object]:
    """A Dask runner when asked for one (Dask is imported only then), else None."""
    if workers is None and scheduler is None:
        yield None
        return
    from conflict_kg.ingest.cluster import DaskError, DaskRunner

    try:
        with DaskRunner.connect(workers=workers, scheduler=scheduler, budget=budget) as runner:
            yield runner
    except DaskError as exc:
        raise _DaskFailure(str(exc)) from None


def _resolution_line(resolution: Resolution) -> str:
    return (
        f"resolved {resolution.reports} report(s) into {resolution.incidents} incident(s), "
        f"{resolution.actors_merged} actor spelling(s) merged"
    )


@app.command("resolve")
def resolve_command() -> None:
    """Rebuild cross-article resolution (canonical incidents and actors) from the stored
    articles. `ingest` and the HTTP writes already do this; run it after writing articles
    with SPARQL Update or another tool."""
    store = _store()
    try:
        resolution = resolve(store)
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    out.print(_resolution_line(resolution))


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


DateFromOption = Annotated[
    str | None,
    typer.Option("--date-from", help="Incidents whose date span ends on or after YYYY-MM-DD."),
]
DateToOption = Annotated[
    str | None,
    typer.Option("--date-to", help="Incidents whose date span starts on or before YYYY-MM-DD."),
]
PlaceOption = Annotated[
    str | None,
    typer.Option("--place", help="A place id (e.g. iraq): incidents there or inside it."),
]
IncidentClassOption = Annotated[
    list[str] | None,
    typer.Option("--incident-class", help="Event class, subclasses included (repeatable)."),
]
ActorTypeOption = Annotated[
    list[str] | None,
    typer.Option("--actor-type", help="Only actors of this type (repeatable)."),
]
MinCertaintyOption = Annotated[
    str,
    typer.Option(
        "--min-certainty",
        help="Leave out claims less certain than this: asserted, alleged, hedged, "
        "unconfirmed or denied (keeps all).",
    ),
]
ProjectionOption = Annotated[
    str,
    typer.Option(
        "--projection",
        help="full (incidents, actors, roles, relations), bipartite (incidents and actors) "
        "or actors (relations and co-perpetration).",
    ),
]


def _network_filter(
    date_from: str | None,
    date_to: str | None,
    place: str | None,
    incident_class: list[str] | None,
    actor_type: list[str] | None,
    min_certainty: str,
) -> NetworkFilter:
    """The filters of `network` and `export`, as the HTTP routes take them."""
    from datetime import date

    from conflict_kg.graph.network import NetworkError, NetworkFilter

    days = {}
    for option, value in (("--date-from", date_from), ("--date-to", date_to)):
        try:
            days[option] = date.fromisoformat(value) if value else None
        except ValueError:
            raise fail(f"{option} must be a date YYYY-MM-DD, got {value!r}", 2) from None
    try:
        return NetworkFilter(
            date_from=days["--date-from"],
            date_to=days["--date-to"],
            place=place,
            incident_classes=tuple(incident_class or ()),
            min_certainty=min_certainty,
            actor_types=tuple(actor_type or ()),
        )
    except NetworkError as exc:
        raise fail(str(exc), 2) from None


@app.command()
def export(
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="RDF: trig, nquads, turtle, nt, jsonld; network: graphml, gexf, cytoscape, "
            "nodelink, dot, geojson, csv (a zip of nodes.csv and edges.csv), svg, png.",
        ),
    ] = "trig",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    projection: ProjectionOption = "full",
    date_from: DateFromOption = None,
    date_to: DateToOption = None,
    place: PlaceOption = None,
    incident_class: IncidentClassOption = None,
    actor_type: ActorTypeOption = None,
    min_certainty: MinCertaintyOption = "unconfirmed",
) -> None:
    """Write the whole store in an RDF format (quad formats keep the per-article graphs), or
    the network in a graph, map or picture format, filtered like `/export/{format}`."""
    from conflict_kg.graph.export import FORMATS, ExportError
    from conflict_kg.graph.export import export as export_as
    from conflict_kg.graph.network import NetworkError

    known = list(dict.fromkeys([*FORMATS, *EXPORT_FORMATS]))
    if format not in known:
        raise fail(f"unknown format {format!r}: use one of {', '.join(known)}", 2)
    filters = _network_filter(date_from, date_to, place, incident_class, actor_type, min_certainty)
    store = _store()
    try:
        data = export_as(store, format, projection, filters)
    except (ExportError, NetworkError) as exc:
        raise fail(str(exc), 2) from None
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
def network(
    measure: Annotated[
        str,
        typer.Option("--measure", "-m", help="degree, betweenness or eigenvector centrality."),
    ] = "degree",
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many actors.")] = 10,
    ego: Annotated[
        str | None,
        typer.Option("--ego", help="Measure only the ego network of this entity id."),
    ] = None,
    radius: Annotated[int, typer.Option("--radius", min=1, help="Hops of the ego network.")] = 2,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    projection: ProjectionOption = "full",
    date_from: DateFromOption = None,
    date_to: DateToOption = None,
    place: PlaceOption = None,
    incident_class: IncidentClassOption = None,
    actor_type: ActorTypeOption = None,
    min_certainty: MinCertaintyOption = "unconfirmed",
) -> None:
    """Rank the actors of the network by degree, betweenness or eigenvector centrality."""
    from conflict_kg.graph.network import (
        MEASURES,
        NetworkError,
        ego_network,
        entity_node,
        network_from_store,
        top_actors,
    )

    if measure not in MEASURES:
        raise fail(f"unknown measure {measure!r}: use one of {', '.join(MEASURES)}", 2)
    if format not in ("table", "json"):
        raise fail(f"unknown format {format!r}: use table or json", 2)
    filters = _network_filter(date_from, date_to, place, incident_class, actor_type, min_certainty)
    store = _store()
    try:
        graph = network_from_store(store, projection, filters)
        if ego is not None:
            graph = ego_network(graph, entity_node(ego), radius)
        ranks = top_actors(graph, measure, top)
    except NetworkError as exc:
        raise fail(str(exc), 2) from None
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    if format == "json":
        summary = {
            "measure": measure,
            "projection": projection,
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "actors": [asdict(rank) for rank in ranks],
        }
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(
        title=f"top {len(ranks)} actors by {measure} ({projection} network: "
        f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)"
    )
    for column in ("#", "actor", "type"):
        table.add_column(column, justify="right" if column == "#" else "left")
    for column in (measure, "links", "incidents", "community"):
        table.add_column(column, justify="right")
    for number, rank in enumerate(ranks, start=1):
        table.add_row(
            str(number),
            f"{escape(rank.name)}\n[dim]{escape(rank.id)}[/dim]",
            rank.type,
            f"{rank.score:.4f}",
            str(rank.links),
            str(rank.incidents),
            str(rank.community),
        )
    out.print(table)


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
    out.print(f"incidents {figures.incidents} (resolved across articles)")
    for title, counts in (
        ("entities", figures.entities_by_type),
        ("event reports", figures.events_by_type),
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
    from conflict_kg.graph.validate import validate_store

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

    from conflict_kg.api.app import create_app

    try:
        application = create_app(Settings.from_env(store=State.store_url))
    except (StoreError, ValueError) as exc:
        raise fail(str(exc)) from None
    uvicorn.run(application, host=host, port=port, log_level="info")


if __name__ == "__main__":
    app()
