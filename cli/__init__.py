"""The `conflict-kg` command line: a thin shell over the same functions the HTTP routes call.

Errors reach the user as one readable line on stderr and a non-zero exit code, never as a
traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core
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
from conflict_kg.extract import ArticleError, ArticleInput, plain_article
from conflict_kg.graph.errors import StoreError
from conflict_kg.graph.resolve import Resolution, resolve, resolve_articles
from conflict_kg.graph.store import EXPORT_FORMATS, Store, open_store
from conflict_kg.ontologies import article_iri

if TYPE_CHECKING:
    from rdflib.namespace import NamespaceManager

    from conflict_kg.extract import Extractor
    from conflict_kg.graph.network import NetworkFilter
    from conflict_kg.ingest import IngestResult
    from conflict_kg.ingest.sources import Reading
    from conflict_kg.web import FeedState

_TYPE_LABELS = {"str": "TEXT", "int": "INTEGER", "float": "FLOAT", "path": "PATH", "bool": ""}


def _type_label(self: typer.core.TyperArgument | typer.core.TyperOption, ctx: Any) -> str | None:
    """The type column of `--help` as click writes it (`PATH`, `TEXT`, `INTEGER RANGE`, a
    metavar when given, nothing for a flag): typer 0.29 shows Python's type names there
    (`<list[Path]>`) and ignores an argument's metavar."""
    if self.metavar is not None:
        return self.metavar
    name = self.display_type(ctx).strip("<>").lower()
    if name.startswith("list[") and name.endswith("]"):
        name = name[5:-1]
    first, _, rest = name.partition(" ")
    label = _TYPE_LABELS.get(first, first.upper())
    return f"{label} {rest.upper()}".strip() or None


typer.core.TyperArgument.display_type_rich = _type_label  # type: ignore[method-assign,assignment]
typer.core.TyperOption.display_type_rich = _type_label  # type: ignore[method-assign,assignment]

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
    prefixes: NamespaceManager | None = None


@contextmanager
def _reader_may_stop() -> Iterator[None]:
    """Output piped to a reader that has read enough (`| head`) ends the command quietly with
    exit code 0, as the reader asked, rather than with a broken pipe."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        # Nothing more can be written; point stdout at /dev/null so the final flush is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    return typer.Exit(code)


def _store(create: bool = False) -> Store:
    """The store of `--store`. An `oxigraph:` directory that does not exist is refused
    (a mistyped path would otherwise be a new, empty store that answers every question with
    nothing) unless the command writes articles (`create`: ingest, serve)."""
    scheme, _, path = State.store_url.partition(":")
    if scheme == "oxigraph" and path and not create and not Path(path).exists():
        raise fail(
            f"no store at {path!r} (from --store {State.store_url}); check the path, or "
            "create the store with `conflict-kg ingest`"
        )
    try:
        return open_store(State.store_url)
    except StoreError as exc:
        raise fail(str(exc)) from None


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("conflict-kg")
        except PackageNotFoundError:  # a checkout that was never installed
            number = "unknown"
        out.print(f"conflict-kg {number}", highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    store: StoreOption = DEFAULT_STORE,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Extract entities, incidents and evidence from articles into an RDF store."""
    State.store_url = store


def _inputs(paths: list[Path] | list[str]) -> list[ArticleInput | ArticleError]:
    """The articles named on the command line, by the same rules as an HTTP body: stdin is
    read as bytes, like a file or a text/plain body, never through the locale's decoder; an
    http(s) URL is fetched and an `.html` file read as a web page (`conflict_kg.web`)."""
    from conflict_kg.web import fetch_articles, is_web_url, local_articles

    items: list[ArticleInput | ArticleError] = []
    for name in paths:
        if isinstance(name, str) and is_web_url(name):
            items.extend(fetch_articles([name]))
            continue
        path = Path(name)
        if str(path) == "-":
            try:
                items.append(plain_article("-", sys.stdin.buffer.read()))
            except ArticleError as error:
                items.append(error)
        else:
            items.extend(local_articles(path))
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
        typer.Argument(
            metavar="PATH...", help="Text, JSON or JSONL files, or directories ('-' for stdin)."
        ),
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
    extractor = _extractor(_budget(article_budget))
    failures = 0
    items = _inputs(paths)
    good = [i for i in items if isinstance(i, ArticleInput)]
    for item in items:
        if isinstance(item, ArticleError):
            err.print(f"[red]error:[/red] {escape(str(item))}", highlight=False)
            failures += 1
    with _reader_may_stop():
        failures += _print_extractions(extractor, good, format)
    if failures:
        raise typer.Exit(1)


def _print_extractions(extractor: Extractor, good: list[ArticleInput], format: str) -> int:
    """Each extraction on stdout as it comes; the number that failed."""
    from conflict_kg.extract import article_graph

    failures = 0
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
    return failures


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH|URL...",
            help="Text, JSON or JSON Lines files (.txt, .json, .jsonl, .ndjson, each also "
            "gzipped as .gz), HTML pages (.html), directories, '-' for stdin, or http(s) URLs "
            "of pages (HTML: main text, title, author and date are taken from the page).",
            show_default=False,
        ),
    ] = None,
    feed: Annotated[
        list[str] | None,
        typer.Option(
            "--feed",
            metavar="URL",
            help="An RSS or Atom feed: ingest the pages of the items it has not given "
            "before (repeatable).",
        ),
    ] = None,
    feed_state: Annotated[
        Path | None,
        typer.Option(
            "--feed-state",
            metavar="FILE",
            help="Where the items each feed gave are remembered. Default: "
            "$XDG_STATE_HOME/conflict-kg/feeds.json (~/.local/state/...).",
            show_default=False,
        ),
    ] = None,
    feed_limit: Annotated[
        int,
        typer.Option("--feed-limit", min=1, metavar="N", help="New items per feed, at most."),
    ] = 50,
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
    rerun after a crash resumes. Local inputs are read first, then the URLs, then the
    feeds. A bad input (or one over the article budget, or a page that cannot be fetched)
    is reported on one line and skipped; the exit code is 1 if any failed. Resolution
    across articles runs once at the end, over what this run stored or found stored.
    """
    from conflict_kg.ingest import SerialRunner
    from conflict_kg.ingest import ingest as run_ingest
    from conflict_kg.ingest.sources import STDIN_FORMATS, Reading

    if not paths and not feed:
        raise fail("give files, directories or URLs to ingest, or --feed URL", 2)
    if stdin_format not in STDIN_FORMATS:
        raise fail(f"unknown stdin format {stdin_format!r}: use {', '.join(STDIN_FORMATS)}", 2)
    if workers is not None and scheduler is not None:
        raise fail("give --workers (a local cluster) or --scheduler (a running one), not both", 2)
    budget = _budget(article_budget)
    reading = Reading()
    state = _feed_state(feed or [], feed_state)
    items = _articles(paths or [], reading, stdin_format, feed or [], state, feed_limit)
    store = _store(create=True)
    counts = {"added": 0, "skipped": 0, "failed": 0, "triples": 0}
    seen: list[URIRef] = []  # stored or skipped: resolved again (a crashed run's included)
    try:
        with _ingest_progress() as progress, _runner(workers, scheduler, budget) as runner:
            # The first article waits for the pipeline to load: say so rather than sit at 0.
            task = progress.add_task(
                "loading the spaCy pipeline", total=None, articles="0 articles"
            )
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
    if state is not None:
        state.save()  # after the store has what the feeds gave
    out.print(
        f"ingested {counts['added']} article(s), {counts['triples']} triples; "
        f"{counts['skipped']} already stored; {counts['failed']} failed"
    )
    out.print(_resolution_line(resolution))
    if counts["failed"]:
        raise typer.Exit(1)


def _feed_state(feeds: list[str], state_path: Path | None) -> FeedState | None:
    """The state that remembers what each feed gave, to be saved once its articles are
    stored (None without feeds)."""
    if not feeds:
        return None
    from conflict_kg.web import FeedState, default_state_path

    try:
        return FeedState.load(state_path or default_state_path())
    except ArticleError as exc:
        raise fail(str(exc)) from None


def _articles(
    paths: list[str],
    reading: Reading,
    stdin_format: str,
    feeds: list[str],
    state: FeedState | None,
    feed_limit: int,
) -> Iterator[ArticleInput | ArticleError]:
    """Every article of the command line, lazily: files, directories and stdin streamed
    (`ingest.stream_inputs`), then the pages of the URLs, then the feeds' new items."""
    from conflict_kg.ingest import stream_inputs
    from conflict_kg.web import feed_articles, fetch_articles, is_web_url

    local = [name for name in paths if not is_web_url(name)]
    urls = [name for name in paths if is_web_url(name)]
    yield from stream_inputs(local, reading, stdin_format=stdin_format)
    yield from fetch_articles(urls)
    if state is not None:
        for url in feeds:
            yield from feed_articles(url, state, limit=feed_limit)


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
        if name is not None and result.type == "SELECT":
            _resolve_incidents(store, result)
    except StoreError as exc:
        raise fail(str(exc), 2) from None
    finally:
        store.close()
    with _reader_may_stop():
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
            "nodelink, dot, geojson, csv (a zip of nodes.csv and edges.csv), svg, png; "
            "event tables, one row per incident: acled (CSV in ACLED's columns), "
            "plover (PLOVER-style JSON lines).",
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
    """Write the whole store in an RDF format (quad formats keep the per-article graphs), the
    network in a graph, map or picture format, or the incidents as an ACLED- or PLOVER-shaped
    table, filtered like `/export/{format}`."""
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
        with _reader_may_stop():
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
            if value:  # the ontology's other classes, with nothing stored, are not news
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

    scheme, _, path = State.store_url.partition(":")
    new_store = scheme == "oxigraph" and bool(path) and not Path(path).exists()
    try:
        application = create_app(Settings.from_env(store=State.store_url))
    except (StoreError, ValueError) as exc:
        raise fail(str(exc)) from None
    if new_store:
        err.print(f"created a new, empty store at {escape(path)}", highlight=False)
    for line in _service_urls(host, port):
        out.print(line, highlight=False, soft_wrap=True)
    uvicorn.run(application, host=host, port=port, log_level="info")


SERVICE_PAGES = (
    ("home", "/"),
    ("view", "/view"),
    ("SPARQL editor", "/sparql"),
    ("API docs", "/docs"),
    ("ACLED table", "/export/acled"),
)


def _service_urls(host: str, port: int) -> list[str]:
    """What `serve` prints before it listens: the store, then where a browser goes."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else "[::1]" if host == "::" else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    base = f"http://{shown}:{port}"
    width = max(len(name) for name, _ in SERVICE_PAGES)
    return [f"conflict-kg serving {State.store_url}"] + [
        f"  {name:<{width}}  {base}{path}" for name, path in SERVICE_PAGES
    ]


if __name__ == "__main__":
    app()
