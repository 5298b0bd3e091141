"""A web page as an article: the main text, title, author and publication date of HTML,
taken by trafilatura (boilerplate, menus and comments left out); plain text and JSON pages
read by the same rules as files."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from conflict_kg.extract import ArticleError, ArticleInput, json_article, plain_article, read_inputs
from conflict_kg.web.download import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, download
from conflict_kg.web.robots import Robots

__all__ = [
    "HTML_SUFFIXES",
    "HTML_TYPES",
    "NoArticleText",
    "fetch_articles",
    "html_article",
    "local_articles",
    "page_article",
]

HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
"""Files read as web pages (saved from a browser); every other file as `read_inputs` reads it."""


class NoArticleText(ArticleError):
    """An HTML page without a main text: a section front, a menu, a page of links."""


def _day(value: str | None) -> str | None:
    """The ISO day trafilatura found, if it is one (it may guess nothing)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def html_article(
    source: str, raw: bytes, url: str | None = None, charset: str | None = None
) -> ArticleInput:
    """The article in an HTML page's bytes. The page's author, when its text does not name
    them already, closes the text as a "Reporting by" credit, the wire form the extractor
    reads bylines from. `NoArticleText` when the page has no main text."""
    import trafilatura

    html: str | bytes = raw
    if charset:
        try:
            html = raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            html = raw  # trafilatura guesses the encoding itself
    # Precision first and no fallback to the whole body: a page without an article (a
    # section front, a menu) gives no text, rather than its menus as an "article".
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        fast=True,
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise NoArticleText(f"{source}: no article text found in the HTML")
    author = (getattr(document, "author", None) or "").strip()
    if author and author.split(";")[0].strip() not in text[-600:]:
        text += f"\nReporting by {author.replace(';', ',')}"
    item = plain_article(source, text.encode("utf-8"))
    title = (getattr(document, "title", None) or "").strip()
    item.title = title or None
    item.published = _day(getattr(document, "date", None))
    item.url = url
    if author:
        item.extra["author"] = author
    return item


def page_article(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES
) -> ArticleInput:
    """The article at `url`, read by what the server says it is: HTML, plain text or one
    JSON article object. `ArticleError` (or its `DownloadError`) says why not."""
    page = download(url, timeout=timeout, max_bytes=max_bytes)
    if page.media_type in HTML_TYPES:
        return html_article(url, page.body, page.url, page.charset)
    if page.media_type == "text/plain":
        item = plain_article(url, page.body)
    elif page.media_type == "application/json":
        item = json_article(url, page.body)
    else:
        raise ArticleError(f"{url}: a {page.media_type} page is not an article")
    item.url = item.url or page.url
    return item


def fetch_articles(
    urls: Iterable[str],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    robots: Robots | None = None,
) -> Iterator[ArticleInput | ArticleError]:
    """Each URL's article, fetched one after the other, or the error that says why not.
    A URL its host's robots.txt disallows is a `RobotsRefusal`, not a request: `robots`
    holds the rules read so far (a run passes one for all its URLs and feeds; by default
    a fresh one that respects them)."""
    robots = robots if robots is not None else Robots(timeout=timeout, max_bytes=max_bytes)
    for url in urls:
        try:
            robots.check(url)
            yield page_article(url, timeout=timeout, max_bytes=max_bytes)
        except ArticleError as error:
            yield error


def local_articles(path: Path) -> Iterator[ArticleInput | ArticleError]:
    """The articles in a file or directory on disk, as `extract.read_inputs` reads them, but
    an `.html` page (saved from a browser) read as a web page, its main text taken."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        for file in files:
            yield from local_articles(file)
        return
    if path.suffix.lower() not in HTML_SUFFIXES:
        yield from read_inputs(path)
        return
    try:
        yield html_article(str(path), path.read_bytes())
    except ArticleError as error:
        yield error
    except OSError as error:
        yield ArticleError(f"{path}: cannot read ({error.strerror or error})")
