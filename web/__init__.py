"""Articles from the web: pages fetched over HTTP(S) and the items of RSS/Atom feeds, read
into the same `ArticleInput`s as files (`conflict_kg.extract`), for `ingest` to store.

    from conflict_kg.web import FeedState, fetch_articles, feed_articles, html_article

Fetching is polite and bounded: one request at a time, a user agent that names the tool,
timeouts, a size limit, http(s) only (`download`), and only what the host's robots.txt
allows (`robots`, RFC 9309; `Robots(ignore=True)` for `--ignore-robots`). The main text,
title, author and publication date of an HTML page come from trafilatura (`pages`). A
feed's items already ingested are remembered in a small JSON state file (`feeds`). Nothing
here raises for a bad page or feed: each yields an `ArticleError` naming the URL and why,
so a batch goes on.
"""

from __future__ import annotations

from conflict_kg.web.download import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    USER_AGENT,
    Download,
    DownloadError,
    download,
    is_web_url,
)
from conflict_kg.web.feeds import FeedItem, FeedState, default_state_path, feed_articles, read_feed
from conflict_kg.web.pages import (
    HTML_SUFFIXES,
    HTML_TYPES,
    NoArticleText,
    fetch_articles,
    html_article,
    local_articles,
    page_article,
)
from conflict_kg.web.robots import ROBOTS_HINT, Robots, RobotsRefusal, robots_url

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "HTML_SUFFIXES",
    "HTML_TYPES",
    "ROBOTS_HINT",
    "USER_AGENT",
    "Download",
    "DownloadError",
    "FeedItem",
    "FeedState",
    "NoArticleText",
    "Robots",
    "RobotsRefusal",
    "default_state_path",
    "download",
    "feed_articles",
    "fetch_articles",
    "html_article",
    "is_web_url",
    "local_articles",
    "page_article",
    "read_feed",
    "robots_url",
]
