"""A URL, a feed and an HTML body ingest end to end (issue #18, item 5): the real console
script and the real server, the pages served by a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import httpx
from pages_server import STRIKE_PAGE, Site
from support import run_cli, running_server

ARTICLE_FACTS = """
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX ck: <https://w3id.org/conflict-kg/ontology#>
SELECT ?title ?published ?creator ?source WHERE {
  ?article a ck:Article ; dcterms:title ?title ; dcterms:issued ?published .
  OPTIONAL { ?article dcterms:creator ?creator }
  OPTIONAL { ?article dcterms:source ?source }
} ORDER BY ?title
"""


def facts(store: str) -> list[dict[str, str]]:
    result = run_cli(["query", "--format", "json", ARTICLE_FACTS], store=store)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def test_ingest_a_url(site: Site, tmp_path: Path) -> None:
    store = f"oxigraph:{tmp_path / 'store'}"
    result = run_cli(["ingest", f"{site.base}/kirkuk.html"], store=store)
    assert result.returncode == 0, result.stderr
    assert "ingested 1 article(s)" in result.stdout
    assert facts(store) == [
        {
            "title": "Militants shell army post near Kirkuk",
            "published": "2023-03-02",
            "creator": "Dana Invented",
            "source": f"{site.base}/kirkuk.html",
        }
    ]


def test_a_url_that_fails_is_one_line_and_the_others_go_in(site: Site, tmp_path: Path) -> None:
    store = f"oxigraph:{tmp_path / 'store'}"
    result = run_cli(
        ["ingest", f"{site.base}/nowhere.html", f"{site.base}/erbil.html"], store=store
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {site.base}/nowhere.html: HTTP 404 Not Found"]
    assert "ingested 1 article(s)" in result.stdout


def test_ingest_a_feed_twice_takes_each_item_once(site: Site, tmp_path: Path) -> None:
    store = f"oxigraph:{tmp_path / 'store'}"
    state = tmp_path / "feeds.json"
    command = ["ingest", "--feed", f"{site.base}/feed.rss", "--feed-state", str(state)]
    first = run_cli(command, store=store)
    assert first.returncode == 0, first.stderr
    assert "ingested 2 article(s)" in first.stdout
    assert json.loads(state.read_text()) == {f"{site.base}/feed.rss": ["invented-1", "invented-2"]}
    second = run_cli(command, store=store)
    assert second.returncode == 0, second.stderr
    assert "ingested 0 article(s)" in second.stdout
    assert site.requested("/kirkuk.html") == 1
    assert [row["title"] for row in facts(store)] == [
        "Militants shell army post near Kirkuk",
        "Rockets hit base in Erbil",
    ]


def test_ingest_needs_something_to_read(tmp_path: Path) -> None:
    result = run_cli(["ingest"], store=f"oxigraph:{tmp_path / 'store'}")
    assert result.returncode == 2
    assert "give files, directories or URLs to ingest, or --feed URL" in result.stderr


def test_post_articles_takes_an_html_page(tmp_path: Path) -> None:
    token = secrets.token_urlsafe(16)
    store = f"oxigraph:{tmp_path / 'store'}"
    with running_server(store, tmp_path, {"CONFLICT_KG_TOKEN": token}) as base:
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "text/html"}
        posted = httpx.post(
            f"{base}/articles",
            content=STRIKE_PAGE.encode(),
            headers=headers,
            params={"url": "https://invented.example/kirkuk"},
            timeout=300,
        )
        assert posted.status_code == 201, posted.text
        stored = posted.json()
        assert stored["title"] == "Militants shell army post near Kirkuk"
        assert stored["published"] == "2023-03-02"
        assert any(e["type"] == "Shelling" for e in stored["events"]), stored["events"]
        # the query parameters win over the page
        retitled = httpx.post(
            f"{base}/articles",
            content=STRIKE_PAGE.replace("Wednesday", "Thursday").encode(),
            headers=headers,
            params={"title": "Given title"},
            timeout=300,
        )
        assert retitled.status_code == 201, retitled.text
        assert retitled.json()["title"] == "Given title"
        refused = httpx.post(
            f"{base}/articles", content=b"<a/>", headers={**headers, "Content-Type": "text/xml"}
        )
        assert refused.status_code == 415
        assert "text/html" in refused.json()["detail"]
