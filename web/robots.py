"""robots.txt: whether a host lets conflict-kg fetch a page, read the way RFC 9309 says a
polite crawler reads it.

Each host's robots.txt is fetched once per `Robots` (one `ingest` run), with the same user
agent, timeout and size limit as a page, and parsed by Protego (the RFC's groups, longest
match, `*` and `$`). What its answer means:

- 2xx: its rules decide, for the group of our product token `conflict-kg` (else `*`);
- 4xx (404 most often, also 401/403): there are no rules for us; everything may be fetched
  (RFC 9309 2.3.1.3);
- no answer, a 5xx, a timeout or a file over the size limit: the rules are unknown, and a
  polite crawler assumes it may fetch nothing from that host (RFC 9309 2.3.1.4), until a
  later run reads the file.

A refused URL is a `RobotsRefusal` naming the URL and why, never a request to the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from conflict_kg.extract import ArticleError
from conflict_kg.web.download import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    USER_AGENT,
    DownloadError,
    download,
)

if TYPE_CHECKING:  # Protego is imported when the first robots.txt is read
    from protego import Protego

__all__ = ["ROBOTS_HINT", "Robots", "RobotsRefusal", "robots_url"]

ROBOTS_HINT = "--ignore-robots fetches it anyway"
"""How a refusal ends: the command-line way past it."""


class RobotsRefusal(ArticleError):
    """A URL its host's robots.txt does not let us fetch, or whose robots.txt could not be
    read (then nothing of that host is fetched)."""


def robots_url(url: str) -> str:
    """The robots.txt that governs `url`: the one at the root of its scheme, host and port."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


@dataclass(frozen=True, slots=True)
class _Rules:
    """One host's answer: a parsed robots.txt, or "everything" / "nothing" and why."""

    parser: Protego | None = None
    """The parsed file, or None when `allow_all` decides."""
    allow_all: bool = True
    reason: str = ""


@dataclass(slots=True)
class Robots:
    """The robots.txt rules of every host met in one run, each fetched once.

    `ignore` (the `--ignore-robots` option) lets every URL through without asking any host.
    """

    ignore: bool = False
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    hosts: dict[str, _Rules] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    """The URLs refused so far, in order (the command counts them apart from failures)."""

    def check(self, url: str) -> None:
        """Nothing if `url` may be fetched; `RobotsRefusal` (one line naming the URL, the
        robots.txt and what to do) if not. Fetches the host's robots.txt the first time."""
        if self.ignore:
            return
        where = robots_url(url)
        rules = self.hosts.get(where)
        if rules is None:
            rules = self.hosts[where] = self._read(where)
        if rules.parser is not None:
            if rules.parser.can_fetch(url, USER_AGENT):
                return
            reason = f"disallowed by {where}"
        elif rules.allow_all:
            return
        else:
            reason = rules.reason
        self.refused.append(url)
        raise RobotsRefusal(f"{url}: {reason} ({ROBOTS_HINT})")

    def _read(self, where: str) -> _Rules:
        from protego import Protego

        try:
            page = download(where, timeout=self.timeout, max_bytes=self.max_bytes)
        except DownloadError as error:
            if error.status is not None and 400 <= error.status < 500:
                return _Rules(allow_all=True)
            cause = str(error).removeprefix(f"{where}: ")
            return _Rules(
                allow_all=False,
                reason=f"{where} could not be read ({cause}), so nothing of that host is "
                "fetched",
            )
        try:
            text = page.body.decode(page.charset or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            text = page.body.decode("utf-8", errors="replace")
        return _Rules(parser=Protego.parse(text))
