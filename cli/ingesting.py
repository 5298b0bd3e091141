"""`conflict-kg ingest`: articles from files, stdin, pages and feeds, extracted and stored,
each as its own named graph, then resolved across articles once.

The command's options and its loop; where articles come from is `articles`, how the run is
shown and spread over workers is `running`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rdflib import URIRef
from rich.markup import escape
from rich.progress import Progress

from conflict_kg.cli.articles import (
    ArticleBudgetOption,
    budget_of,
    load_feed_state,
    stream_articles,
)
from conflict_kg.cli.running import DaskFailure, count, ingest_progress, runner
from conflict_kg.cli.shell import fail, open_cli_store, out, resolution_line
from conflict_kg.extract import ArticleError, ArticleInput
from conflict_kg.graph.errors import StoreError
from conflict_kg.graph.resolve import resolve_articles
from conflict_kg.ontologies import article_iri


def _polite(
    items: Iterable[ArticleInput | ArticleError], progress: Progress
) -> Iterator[ArticleInput | ArticleError]:
    """The articles, each URL that robots.txt refused said on one line and left out: a
    page the host asked us not to fetch is not a failure of the run."""
    from conflict_kg.web import RobotsRefusal

    for item in items:
        if isinstance(item, RobotsRefusal):
            line = f"[yellow]skipped:[/yellow] {escape(str(item))}"
            progress.console.print(line, highlight=False)
            continue
        yield item


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
    ignore_robots: Annotated[
        bool,
        typer.Option(
            "--ignore-robots",
            help="Fetch pages and feeds even where the host's robots.txt disallows them (by "
            "default each host's robots.txt is read once per run and a disallowed URL is "
            "skipped with one line; a robots.txt that cannot be reached disallows the host).",
        ),
    ] = False,
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
            help="Articles per batch: one extraction job and one store transaction each "
            "(on Dask, consecutive batches are joined into transactions of 1,024 articles).",
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
    is reported on one line and skipped; the exit code is 1 if any failed. A URL the host's
    robots.txt disallows is skipped with one line (exit code 1 only if nothing else came).
    Resolution across articles runs once at the end, over what this run stored or found
    stored.
    """
    from conflict_kg.ingest import SerialRunner
    from conflict_kg.ingest import ingest as run_ingest
    from conflict_kg.ingest.sources import STDIN_FORMATS, Reading
    from conflict_kg.web import Robots

    if not paths and not feed:
        raise fail("give files, directories or URLs to ingest, or --feed URL", 2)
    if stdin_format not in STDIN_FORMATS:
        raise fail(f"unknown stdin format {stdin_format!r}: use {', '.join(STDIN_FORMATS)}", 2)
    if workers is not None and scheduler is not None:
        raise fail("give --workers (a local cluster) or --scheduler (a running one), not both", 2)
    budget = budget_of(article_budget)
    reading = Reading()
    state = load_feed_state(feed or [], feed_state)
    robots = Robots(ignore=ignore_robots)
    items = stream_articles(
        paths or [], reading, stdin_format, feed or [], state, feed_limit, robots
    )
    store = open_cli_store(create=True)
    counts = {"added": 0, "skipped": 0, "failed": 0, "triples": 0}
    seen: list[URIRef] = []  # stored or skipped: resolved again (a crashed run's included)
    try:
        with ingest_progress() as progress, runner(workers, scheduler, budget) as dask:
            # The first article waits for the pipeline to load: say so rather than sit at 0.
            task = progress.add_task(
                "loading the spaCy pipeline", total=None, articles="0 articles"
            )
            for result in run_ingest(
                _polite(items, progress),
                store,
                batch_size=batch_size,
                runner=dask or SerialRunner(budget=budget),
            ):
                count(result, counts, progress)
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
    except DaskFailure as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    if state is not None:
        state.save()  # after the store has what the feeds gave
    refused = len(robots.refused)
    out.print(
        f"ingested {counts['added']} article(s), {counts['triples']} triples; "
        f"{counts['skipped']} already stored; {counts['failed']} failed"
        + (f"; {refused} refused by robots.txt" if refused else ""),
        soft_wrap=True,
    )
    out.print(resolution_line(resolution))
    # Refused pages alone are no failure, but a run that got nothing at all is.
    if counts["failed"] or (refused and not counts["added"] + counts["skipped"]):
        raise typer.Exit(1)
