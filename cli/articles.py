"""Where `extract` and `ingest` take their articles from, and how long each may take: the
inputs of the command line (files, stdin, pages, feeds) and the per-article budget.

Both commands read inputs by the same rules as an HTTP body, so one place holds them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from conflict_kg.api.settings import DEFAULT_ARTICLE_BUDGET, article_budget_from_env
from conflict_kg.cli.shell import fail
from conflict_kg.extract import ArticleError, ArticleInput, plain_article

if TYPE_CHECKING:
    from conflict_kg.extract import Extractor
    from conflict_kg.ingest.sources import Reading
    from conflict_kg.web import FeedState, Robots

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


def budget_of(option: float | None) -> float:
    """The article budget of the option, else of the environment (checked before any work)."""
    if option is not None:
        return option
    try:
        return article_budget_from_env()
    except ValueError as exc:
        raise fail(str(exc), 2) from None


def extractor(budget: float) -> Extractor:
    """The spaCy extractor, imported only by the commands that extract."""
    from conflict_kg.extract import Extractor

    return Extractor(budget=budget)


def read_inputs(paths: list[Path] | list[str]) -> list[ArticleInput | ArticleError]:
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


def load_feed_state(feeds: list[str], state_path: Path | None) -> FeedState | None:
    """The state that remembers what each feed gave, to be saved once its articles are
    stored (None without feeds)."""
    if not feeds:
        return None
    from conflict_kg.web import FeedState, default_state_path

    try:
        return FeedState.load(state_path or default_state_path())
    except ArticleError as exc:
        raise fail(str(exc)) from None


def stream_articles(
    paths: list[str],
    reading: Reading,
    stdin_format: str,
    feeds: list[str],
    state: FeedState | None,
    feed_limit: int,
    robots: Robots | None = None,
) -> Iterator[ArticleInput | ArticleError]:
    """Every article of the command line, lazily: files, directories and stdin streamed
    (`ingest.stream_inputs`), then the pages of the URLs, then the feeds' new items, all
    the web's asked of one `robots` (each host's robots.txt read once per run)."""
    from conflict_kg.ingest import stream_inputs
    from conflict_kg.web import feed_articles, fetch_articles, is_web_url

    local = [name for name in paths if not is_web_url(name)]
    urls = [name for name in paths if is_web_url(name)]
    yield from stream_inputs(local, reading, stdin_format=stdin_format)
    yield from fetch_articles(urls, robots=robots)
    if state is not None:
        for url in feeds:
            yield from feed_articles(url, state, limit=feed_limit, robots=robots)
