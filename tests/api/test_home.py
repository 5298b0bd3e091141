"""The way in (issue #18, item 1): `/` for a browser and for a JSON client, the SPARQL editor
a browser gets at `/sparql`, and the URLs `serve` prints when it starts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
from support import serving_process

from conflict_kg.api.routes.home import EXAMPLE_QUERIES, wants_html

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_a_browser_gets_a_page_with_the_counts_and_the_ways_in(
    client: httpx.Client,
) -> None:
    stats = client.get("/stats").json()
    page = client.get("/", headers={"Accept": BROWSER_ACCEPT})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    body = page.text
    assert f'<dd id="articles">{stats["articles"]}</dd>' in body
    assert f'<dd id="incidents">{stats["incidents"]}</dd>' in body
    for link in ("/view", "/sparql", "/docs", "/export/acled", "/export/plover"):
        assert f'href="{link}"' in body
    assert "drone strike on the Iraqi prime minister" in body  # the newest article's title
    # every link on the page answers
    for href in sorted(set(re.findall(r'href="(/[^"]*)"', body))):
        assert client.get(href, headers={"Accept": BROWSER_ACCEPT}).status_code == 200, href


def test_a_json_client_gets_the_same_summary(client: httpx.Client) -> None:
    stats = client.get("/stats").json()
    answer = client.get("/")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    summary = answer.json()
    assert summary["articles"] == stats["articles"]
    assert summary["incidents"] == stats["incidents"]
    assert summary["triples"] == stats["triples"]
    assert summary["actors"] == sum(
        n for t, n in stats["entities_by_type"].items() if t not in ("Place",)
    )
    assert summary["newest_published"] == "2021-11-08"
    assert summary["links"]["sparql_editor"] == "/sparql"


def test_a_browser_asking_sparql_without_a_query_gets_the_editor(client: httpx.Client) -> None:
    page = client.get("/sparql", headers={"Accept": BROWSER_ACCEPT})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "/view/static/vendor/yasgui/yasgui.min.js" in page.text
    data = re.search(
        r'<script type="application/json" id="examples">(.*?)</script>', page.text, re.S
    )
    assert data is not None
    examples = json.loads(data.group(1))
    assert [e["name"] for e in examples] == list(EXAMPLE_QUERIES)
    # each example runs as it stands in the editor, and the first finds the drone strike
    for example in examples:
        answer = client.post(
            "/sparql",
            content=example["query"],
            headers={
                "Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json",
            },
        )
        assert answer.status_code == 200, (example["name"], answer.text)
    perpetrators = client.post(
        "/sparql", data={"query": examples[0]["query"]}, headers={"Accept": "text/csv"}
    )
    assert "Kataib Hezbollah" in perpetrators.text
    assert client.get("/view/static/vendor/yasgui/yasgui.min.js").status_code == 200


def test_the_protocol_is_unchanged_for_every_other_request(client: httpx.Client) -> None:
    missing = client.get("/sparql", headers={"Accept": "application/sparql-results+json"})
    assert missing.status_code == 422
    assert missing.headers["content-type"] == "application/problem+json"
    answer = client.get(
        "/sparql",
        params={"query": "ASK { ?s ?p ?o }"},
        headers={"Accept": "text/html,application/sparql-results+json;q=0.9"},
    )
    assert answer.status_code == 200
    assert answer.json() == {"head": {}, "boolean": True}


def test_wants_html_follows_the_accept_order() -> None:
    assert wants_html(BROWSER_ACCEPT)
    assert wants_html("text/html")
    assert not wants_html("")
    assert not wants_html("*/*")
    assert not wants_html("application/json, text/html;q=0.5")
    assert not wants_html("image/png")


def test_serve_prints_where_to_go(tmp_path: Path) -> None:
    with serving_process("memory:", tmp_path) as (base, _):
        assert httpx.get(f"{base}/", timeout=10).json()["articles"] == 0
        log = next(tmp_path.glob("server-*.log")).read_text()
    lines = log.splitlines()
    assert lines[0] == "conflict-kg serving memory:"
    for name, path in (
        ("home", "/"),
        ("view", "/view"),
        ("SPARQL editor", "/sparql"),
        ("API docs", "/docs"),
    ):
        assert any(re.fullmatch(rf"\s+{name}\s+{re.escape(base + path)}", line) for line in lines)
