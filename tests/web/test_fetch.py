"""Articles from the web (issue #18, item 5), from a real HTTP server on 127.0.0.1: a page's
main text, title, author and date; the limits of a polite fetch; RSS and Atom feeds and what
they already gave."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages_server import Site

from conflict_kg.extract import ArticleError, ArticleInput
from conflict_kg.web import (
    USER_AGENT,
    DownloadError,
    FeedState,
    download,
    feed_articles,
    fetch_articles,
    page_article,
    read_feed,
)


def test_an_html_page_gives_its_main_text_title_author_and_date(site: Site) -> None:
    article = page_article(f"{site.base}/kirkuk.html")
    assert article.title == "Militants shell army post near Kirkuk"
    assert article.published == "2023-03-02"
    assert article.url == f"{site.base}/kirkuk.html"
    assert article.source == f"{site.base}/kirkuk.html"
    assert "Islamic State militants fired mortar rounds" in article.text
    # the page's furniture is left out
    for boilerplate in ("Subscribe now", "Cookie settings", "Newsletter"):
        assert boilerplate not in article.text
    # the author closes the text as a wire credit, which the extractor reads as the byline
    assert article.text.endswith("\nReporting by Dana Invented")
    assert article.extra["author"] == "Dana Invented"


def test_the_fetch_is_polite(site: Site) -> None:
    download(f"{site.base}/kirkuk.html")
    [request] = [r for r in site.requests if r["path"] == "/kirkuk.html"]
    assert request["User-Agent"] == USER_AGENT
    assert request["Accept"].startswith("text/html")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/nowhere.html", "HTTP 404 Not Found"),
        ("/to-file", "HTTP 302 Found - Redirection to url 'file:///etc/passwd' is not allowed"),
        ("/to-ftp", "redirected to 'ftp://127.0.0.1/x.html', which is not http(s)"),
        ("/image.png", "a image/png page is not an article"),
        ("/empty.html", "no article text found in the HTML"),
    ],
)
def test_what_cannot_be_an_article_is_one_error_naming_the_url(
    site: Site, path: str, message: str
) -> None:
    with pytest.raises(ArticleError) as caught:
        page_article(site.base + path)
    assert str(caught.value) == f"{site.base}{path}: {message}"


def test_size_limit_and_schemes(site: Site) -> None:
    with pytest.raises(DownloadError, match=r"kirkuk.html: \d+ bytes, over the limit of 100"):
        download(f"{site.base}/kirkuk.html", max_bytes=100)
    with pytest.raises(DownloadError, match="only http and https URLs are fetched"):
        download("file:///etc/passwd")
    closed = f"http://127.0.0.1:{_closed_port()}/x.html"
    with pytest.raises(DownloadError, match="cannot fetch"):
        download(closed, timeout=5)


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_redirects_are_followed_to_the_final_url(site: Site) -> None:
    article = page_article(f"{site.base}/moved")
    assert article.url == f"{site.base}/kirkuk.html"
    assert article.title == "Militants shell army post near Kirkuk"


def test_fetch_articles_goes_on_past_a_bad_url(site: Site) -> None:
    found = list(fetch_articles([f"{site.base}/nowhere.html", f"{site.base}/plain.txt"]))
    assert isinstance(found[0], DownloadError)
    assert isinstance(found[1], ArticleInput)
    assert found[1].text == "Gunmen attacked a checkpoint in Mosul on Monday."
    assert found[1].url == f"{site.base}/plain.txt"


def test_rss_and_atom_items(site: Site) -> None:
    rss = read_feed(f"{site.base}/feed.rss", download(f"{site.base}/feed.rss").body)
    assert [(i.id, i.link) for i in rss] == [
        ("invented-2", f"{site.base}/erbil.html"),
        ("invented-1", f"{site.base}/kirkuk.html"),  # a relative link, resolved
    ]
    atom = read_feed(f"{site.base}/feed.atom", download(f"{site.base}/feed.atom").body)
    assert [(i.id, i.link, i.title) for i in atom] == [
        ("urn:invented:2", f"{site.base}/erbil.html", "Rockets hit base in Erbil")
    ]
    with pytest.raises(ArticleError, match="not an RSS or Atom feed"):
        read_feed(f"{site.base}/kirkuk.html", download(f"{site.base}/kirkuk.html").body)


def test_a_feed_gives_each_item_once(site: Site, tmp_path: Path) -> None:
    feed = f"{site.base}/feed.rss"
    state = FeedState.load(tmp_path / "feeds.json")
    first = list(feed_articles(feed, state, limit=1))
    # the limit keeps the newest item (a feed lists the newest first)
    assert [a.title for a in first] == ["Rockets hit base in Erbil"]  # type: ignore[union-attr]
    state.save()
    again = FeedState.load(tmp_path / "feeds.json")
    second = list(feed_articles(feed, again))
    assert [a.title for a in second] == ["Militants shell army post near Kirkuk"]  # type: ignore[union-attr]
    again.save()
    assert list(feed_articles(feed, FeedState.load(tmp_path / "feeds.json"))) == []
    assert site.requested("/erbil.html") == 1  # a given item is not fetched again


def test_a_page_that_fails_to_download_is_tried_again(site: Site, tmp_path: Path) -> None:
    feed = site.add(
        "/broken.rss",
        f"<rss><channel><item><link>{site.base}/gone.html</link></item></channel></rss>",
        "application/rss+xml",
    )
    state = FeedState(tmp_path / "feeds.json")
    [error] = list(feed_articles(feed, state))
    assert isinstance(error, DownloadError)
    site.add("/gone.html", SECOND_PAGE_TEXT)
    [article] = list(feed_articles(feed, state))
    assert isinstance(article, ArticleInput)


SECOND_PAGE_TEXT = (
    "<html><body><article><p>"
    + "Rockets struck a base near Erbil. " * 5
    + ("</p></article></body></html>")
)


def test_a_damaged_state_file_is_an_error_not_a_reset(tmp_path: Path) -> None:
    path = tmp_path / "feeds.json"
    path.write_text('{"https://example.org/feed": "not a list"}')
    with pytest.raises(ArticleError, match="not a feed state file"):
        FeedState.load(path)
    assert path.read_text() == '{"https://example.org/feed": "not a list"}'


def test_a_saved_page_on_disk_is_read_as_a_web_page(tmp_path: Path) -> None:
    from pages_server import STRIKE_PAGE

    from conflict_kg.web import local_articles

    (tmp_path / "saved.html").write_text(STRIKE_PAGE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Gunmen attacked a checkpoint in Mosul.", encoding="utf-8")
    found = list(local_articles(tmp_path))
    assert [type(a).__name__ for a in found] == ["ArticleInput", "ArticleInput"]
    notes, saved = found  # sorted by name
    assert notes.text == "Gunmen attacked a checkpoint in Mosul."  # type: ignore[union-attr]
    assert saved.title == "Militants shell army post near Kirkuk"  # type: ignore[union-attr]
    assert saved.source == str(tmp_path / "saved.html")  # type: ignore[union-attr]
    assert "Subscribe now" not in saved.text  # type: ignore[union-attr]
