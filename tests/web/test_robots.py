"""Pages and feeds respect robots.txt (issue #18, gap 3): a real HTTP server on 127.0.0.1
serves a robots.txt that disallows one path; that page is refused without being requested,
another is fetched, and `--ignore-robots` fetches both."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages_server import SECOND_PAGE, Site
from support import run_cli

from conflict_kg.extract import ArticleInput
from conflict_kg.web import (
    USER_AGENT,
    FeedState,
    Robots,
    RobotsRefusal,
    feed_articles,
    fetch_articles,
    robots_url,
)

DISALLOW_PRIVATE = "User-agent: *\nDisallow: /private/\n"


def _private_site(site: Site, rules: str = DISALLOW_PRIVATE) -> str:
    """The site with `rules` as its robots.txt and a page under /private/; that page's URL."""
    site.add("/robots.txt", rules, "text/plain")
    return site.add("/private/erbil.html", SECOND_PAGE)


def test_a_disallowed_page_is_refused_and_another_fetched(site: Site) -> None:
    private = _private_site(site)
    robots = Robots()
    refused, fetched = list(fetch_articles([private, f"{site.base}/kirkuk.html"], robots=robots))
    assert isinstance(refused, RobotsRefusal)
    assert str(refused) == (
        f"{private}: disallowed by {site.base}/robots.txt (--ignore-robots fetches it anyway)"
    )
    assert isinstance(fetched, ArticleInput)
    assert fetched.title == "Militants shell army post near Kirkuk"
    assert site.requested("/private/erbil.html") == 0  # refused before any request
    assert site.requested("/robots.txt") == 1  # once per host for the run
    assert robots.refused == [private]
    [asked] = [r for r in site.requests if r["path"] == "/robots.txt"]
    assert asked["User-Agent"] == USER_AGENT


def test_ignore_robots_fetches_both(site: Site) -> None:
    private = _private_site(site)
    found = list(fetch_articles([private, f"{site.base}/kirkuk.html"], robots=Robots(ignore=True)))
    assert [type(a).__name__ for a in found] == ["ArticleInput", "ArticleInput"]
    assert found[0].title == "Rockets hit base in Erbil"  # type: ignore[union-attr]
    assert site.requested("/robots.txt") == 0


def test_our_own_group_wins_and_wildcards_match(site: Site) -> None:
    rules = "User-agent: conflict-kg\nDisallow: /*.txt$\n\nUser-agent: *\nDisallow: /\n"
    _private_site(site, rules)
    robots = Robots()
    plain, page = list(
        fetch_articles([f"{site.base}/plain.txt", f"{site.base}/kirkuk.html"], robots=robots)
    )
    assert isinstance(plain, RobotsRefusal)  # "/*.txt$" of our group
    assert isinstance(page, ArticleInput)  # the "*" group's "Disallow: /" is not ours


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (403, True), (503, False)])
def test_an_unavailable_robots_txt_allows_an_unreachable_one_does_not(
    site: Site, status: int, allowed: bool
) -> None:
    site.add("/robots.txt", "busy", "text/plain", status=status)
    [found] = list(fetch_articles([f"{site.base}/kirkuk.html"]))
    if allowed:
        assert isinstance(found, ArticleInput)
        return
    assert isinstance(found, RobotsRefusal)
    assert str(found) == (
        f"{site.base}/kirkuk.html: {site.base}/robots.txt could not be read (HTTP 503 Service "
        "Unavailable), so nothing of that host is fetched (--ignore-robots fetches it anyway)"
    )
    assert site.requested("/kirkuk.html") == 0


def test_robots_url_is_at_the_root_of_the_host() -> None:
    assert robots_url("https://example.org:8443/a/b.html?x=1#y") == (
        "https://example.org:8443/robots.txt"
    )


def test_a_feed_item_refused_is_not_remembered(site: Site, tmp_path: Path) -> None:
    site.add("/robots.txt", "User-agent: *\nDisallow: /erbil.html\n", "text/plain")
    feed = f"{site.base}/feed.rss"
    state = FeedState(tmp_path / "feeds.json")
    found = list(feed_articles(feed, state))
    assert [type(a).__name__ for a in found] == ["ArticleInput", "RobotsRefusal"]
    assert state.seen == {feed: ["invented-1"]}  # Erbil stays new for a later run
    assert site.requested("/erbil.html") == 0
    again = list(feed_articles(feed, state, robots=Robots(ignore=True)))
    assert [a.title for a in again] == ["Rockets hit base in Erbil"]  # type: ignore[union-attr]


def test_a_disallowed_feed_is_not_read(site: Site, tmp_path: Path) -> None:
    site.add("/robots.txt", "User-agent: *\nDisallow: /feed\n", "text/plain")
    [refused] = list(feed_articles(f"{site.base}/feed.rss", FeedState(tmp_path / "f.json")))
    assert isinstance(refused, RobotsRefusal)
    assert site.requested("/feed.rss") == 0


def test_ingest_skips_a_disallowed_url_with_one_line(site: Site, tmp_path: Path) -> None:
    private = _private_site(site)
    store = f"oxigraph:{tmp_path / 'store'}"
    result = run_cli(["ingest", private, f"{site.base}/kirkuk.html"], store=store)
    assert result.returncode == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert skipped == [
        f"skipped: {private}: disallowed by {site.base}/robots.txt (--ignore-robots fetches "
        "it anyway)"
    ]
    assert "ingested 1 article(s)" in result.stdout
    assert "0 failed; 1 refused by robots.txt" in result.stdout
    assert site.requested("/private/erbil.html") == 0

    # Nothing could be fetched: exit 1.
    alone = run_cli(["ingest", private], store=f"oxigraph:{tmp_path / 'other'}")
    assert alone.returncode == 1
    assert "ingested 0 article(s)" in alone.stdout

    forced = run_cli(["ingest", "--ignore-robots", private], store=store)
    assert forced.returncode == 0, forced.stderr
    assert "ingested 1 article(s)" in forced.stdout
    assert "refused by robots.txt" not in forced.stdout
    assert site.requested("/private/erbil.html") == 1
