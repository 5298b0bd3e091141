"""`conflict-kg extract`: what the extractor finds in each article, printed and never stored.

A look at the extraction without a store, for tuning rules and checking inputs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from conflict_kg.cli.articles import ArticleBudgetOption, budget_of, extractor, read_inputs
from conflict_kg.cli.shell import err, fail, reader_may_stop
from conflict_kg.extract import ArticleError, ArticleInput

if TYPE_CHECKING:
    from conflict_kg.extract import Extractor


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
    pipeline = extractor(budget_of(article_budget))
    failures = 0
    items = read_inputs(paths)
    good = [i for i in items if isinstance(i, ArticleInput)]
    for item in items:
        if isinstance(item, ArticleError):
            err.print(f"[red]error:[/red] {escape(str(item))}", highlight=False)
            failures += 1
    with reader_may_stop():
        failures += _print_extractions(pipeline, good, format)
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
