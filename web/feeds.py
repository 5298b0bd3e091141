"""RSS 2.0 and Atom feeds: their items' links, and which of them a feed already gave.

The state is a small JSON file, `{feed URL: [item id, ...]}` (an item's id is its `guid` or
Atom `id`, else its link), written atomically after each run. An item counts as given once
its page was fetched and read as an article; one that failed is tried again next time.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from conflict_kg.extract import ArticleError, ArticleInput
from conflict_kg.web.download import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, DownloadError, download
from conflict_kg.web.pages import page_article
from conflict_kg.web.robots import Robots, RobotsRefusal

__all__ = ["FeedItem", "FeedState", "default_state_path", "feed_articles", "read_feed"]

ATOM = "{http://www.w3.org/2005/Atom}"
KEPT_PER_FEED = 5000
"""Item ids remembered per feed (the newest); a feed lists far fewer at a time."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    id: str
    link: str
    title: str | None = None


def _text(element: ElementTree.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def read_feed(url: str, body: bytes) -> list[FeedItem]:
    """The items of an RSS 2.0 or Atom document, in feed order; relative links are resolved
    against the feed's URL. `ArticleError` if the document is neither."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise ArticleError(f"{url}: not an RSS or Atom feed ({error})") from None
    items = []
    if root.tag == "rss" or root.find("channel") is not None:
        for entry in root.iter("item"):
            link = _text(entry.find("link"))
            if link is None:
                continue
            link = urljoin(url, link)
            guid = _text(entry.find("guid"))
            items.append(FeedItem(guid or link, link, _text(entry.find("title"))))
    elif root.tag == f"{ATOM}feed":
        for entry in root.iter(f"{ATOM}entry"):
            links = entry.findall(f"{ATOM}link")
            chosen = next((a for a in links if a.get("rel", "alternate") == "alternate"), None)
            if chosen is None or not chosen.get("href"):
                continue
            link = urljoin(url, chosen.get("href", ""))
            atom_id = _text(entry.find(f"{ATOM}id"))
            items.append(FeedItem(atom_id or link, link, _text(entry.find(f"{ATOM}title"))))
    else:
        raise ArticleError(f"{url}: not an RSS or Atom feed (root element {root.tag!r})")
    return items


def default_state_path() -> Path:
    """`$XDG_STATE_HOME/conflict-kg/feeds.json`, else `~/.local/state/conflict-kg/feeds.json`."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "conflict-kg" / "feeds.json"


@dataclass(slots=True)
class FeedState:
    """Which items each feed already gave; `load` it, `remember` items, `save` it."""

    path: Path
    seen: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> FeedState:
        """The state in `path` (empty if the file does not exist yet); `ArticleError` if it
        is not a state file, rather than forgetting what it held."""
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ArticleError(f"{path}: cannot read the feed state ({error})") from None
        if not isinstance(data, dict) or not all(
            isinstance(ids, list) and all(isinstance(i, str) for i in ids) for ids in data.values()
        ):
            raise ArticleError(f"{path}: not a feed state file ({{feed URL: [item id, ...]}})")
        return cls(path, {str(k): list(v) for k, v in data.items()})

    def given(self, feed: str, item: FeedItem) -> bool:
        return item.id in self.seen.get(feed, ())

    def remember(self, feed: str, item: FeedItem) -> None:
        ids = self.seen.setdefault(feed, [])
        if item.id not in ids:
            ids.append(item.id)
            del ids[:-KEPT_PER_FEED]

    def save(self) -> None:
        """Written to a temporary file and renamed: a crash never leaves half a state."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps(self.seen, indent=1, sort_keys=True), encoding="utf-8")
        temporary.replace(self.path)


def feed_articles(
    feed: str,
    state: FeedState,
    *,
    limit: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    robots: Robots | None = None,
) -> Iterator[ArticleInput | ArticleError]:
    """The articles of the feed's items it has not given before (at most `limit`, oldest
    first as feeds list newest first), each remembered in `state` once read; the feed's own
    failure, or an item's, is yielded as an `ArticleError`. The caller saves `state`.

    The feed and each item's page are asked of their host's robots.txt first (`robots`, by
    default a fresh `Robots`); an item refused is a `RobotsRefusal` and is not remembered,
    so that a run with `--ignore-robots`, or after the host allows it, still takes it."""
    robots = robots if robots is not None else Robots(timeout=timeout, max_bytes=max_bytes)
    try:
        robots.check(feed)
        page = download(feed, timeout=timeout, max_bytes=max_bytes)
        items = read_feed(page.url, page.body)
    except ArticleError as error:
        yield error
        return
    new = [item for item in items if not state.given(feed, item)]
    if limit is not None:
        new = new[:limit]
    for item in reversed(new):
        try:
            robots.check(item.link)
            article = page_article(item.link, timeout=timeout, max_bytes=max_bytes)
        except (DownloadError, RobotsRefusal) as error:
            yield error  # tried again next run: the page (or the host's leave) may come
            continue
        except ArticleError as error:
            state.remember(feed, item)  # the page is there but holds no article
            yield error
            continue
        article.title = article.title or item.title
        state.remember(feed, item)
        yield article
