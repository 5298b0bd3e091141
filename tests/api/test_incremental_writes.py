"""The HTTP write path resolves incrementally (issue 17): POSTs, a repeated POST and DELETEs
over a real `conflict-kg serve`, some of them concurrent, leave the resolution graph that
`conflict-kg resolve` rebuilds on a copy of the store afterwards, quad for quad; each
client reads its own write's effect at once; and the lookups, whose tables the writes moved
in place, answer as a server freshly started over the same store does."""

from __future__ import annotations

import secrets
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from scale_feed import generated_articles
from support import run_cli, running_server

from conflict_kg.extract import ArticleInput, read_inputs, sha256_text
from conflict_kg.graph.store import open_store
from conflict_kg.ontologies import RESOLUTION_GRAPH

ROOT = Path(__file__).resolve().parents[2]
KIRKUK = ROOT / "tests" / "graph" / "articles"



def _kirkuk() -> list[ArticleInput]:
    """Four reports of one strike on Kirkuk's governor; two spell his aide Salim Hadad."""
    found = []
    for name in ("kirkuk-a.txt", "kirkuk-b.txt", "kirkuk-c.json", "kirkuk-d.txt"):
        (item,) = read_inputs(KIRKUK / name)
        assert isinstance(item, ArticleInput)
        found.append(item)
    return found


LOOKUPS = (
    "/entities?limit=500",
    "/entities?q=kirk",
    "/entities?q=salim&type=Person",
    "/entities/kirkuk",
    "/incidents?limit=500",
    "/incidents?min_reports=2",
    "/incidents?actor=kirkuk&limit=100",
    "/links/groups-incidents?limit=200",
    "/articles?limit=100",
)
"""Lookups whose answers depend on the kept tables (resolution, names, incident order)."""


def _answers(client: httpx.Client, base: str) -> dict[str, object]:
    answers = {}
    for path in LOOKUPS:
        response = client.get(f"{base}{path}")
        assert response.status_code == 200, (path, response.text)
        answers[path] = response.json()
    return answers


def _resolution(store_url: str) -> set[tuple]:
    with open_store(store_url) as store:
        return set(store.article_graph(RESOLUTION_GRAPH))


def test_posts_and_deletes_leave_the_resolution_a_rebuild_gives(tmp_path: Path) -> None:
    token = secrets.token_urlsafe(16)
    headers = {"Authorization": f"Bearer {token}"}
    kirkuk, generated = _kirkuk(), generated_articles(12, 23)
    store_url = f"oxigraph:{tmp_path / 'store'}"
    env = {"CONFLICT_KG_TOKEN": token, "CONFLICT_KG_WRITE_QUEUE": "16"}
    with running_server(store_url, tmp_path, env) as base, httpx.Client(timeout=600) as client:

        def post(item: ArticleInput) -> httpx.Response:
            body = {"text": item.text, "title": item.title, "published": item.published}
            return client.post(f"{base}/articles", json=body, headers=headers)

        def governor_strike() -> list[int]:
            page = client.get(f"{base}/incidents", params={"limit": 500}).json()
            return sorted(i["report_count"] for i in page["items"] if i["report_count"] > 1)

        assert post(generated[0]).status_code == 201  # the worker loads spaCy once
        # Concurrent writers share passes; every one of them reads its own write after.
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(post, [*generated[1:8], kirkuk[0]]))
        assert [a.status_code for a in answers] == [201] * 8
        for item in generated[1:8]:
            assert client.get(f"{base}/articles/{sha256_text(item.text)}").status_code == 200
        assert post(kirkuk[1]).status_code == 201
        merged = governor_strike()
        assert post(kirkuk[2]).status_code == 201
        # Its own write, read at once: the strike has one more report than before.
        assert len(governor_strike()) == len(merged)
        assert sum(governor_strike()) == sum(merged) + 1
        assert post(kirkuk[2]).status_code == 200  # the same text again changes nothing
        with ThreadPoolExecutor(3) as pool:
            answers = list(pool.map(post, [kirkuk[3], *generated[8:12]]))
        assert [a.status_code for a in answers] == [201] * 5
        before = governor_strike()
        # A report leaves the strike, which keeps its others; a lone report's incident goes.
        gone = client.delete(f"{base}/articles/{sha256_text(kirkuk[1].text)}", headers=headers)
        assert gone.status_code == 204
        assert sum(governor_strike()) == sum(before) - 1
        incidents = client.get(f"{base}/incidents", params={"limit": 500}).json()["items"]
        alone = {i["id"] for i in incidents if i["report_count"] == 1}
        lone = next(
            article
            for article in map(sha256_text, (item.text for item in generated))
            if (events := client.get(f"{base}/articles/{article}").json()["events"])
            and all(f"c-{event['id']}" in alone for event in events)
        )
        reported = {f"c-{e['id']}" for e in client.get(f"{base}/articles/{lone}").json()["events"]}
        assert client.delete(f"{base}/articles/{lone}", headers=headers).status_code == 204
        left = client.get(f"{base}/incidents", params={"limit": 500}).json()["items"]
        assert {i["id"] for i in left} == {i["id"] for i in incidents} - reported
        assert client.get(f"{base}/articles/{lone}").status_code == 404
        # Deleted and posted again: back as it was.
        assert post(kirkuk[1]).status_code == 201
        assert governor_strike() == before
        served_answers = _answers(client, base)
    with running_server(store_url, tmp_path, env) as base, httpx.Client(timeout=600) as client:
        fresh_answers = _answers(client, base)
    for path in LOOKUPS:
        assert served_answers[path] == fresh_answers[path], path
    assert len(fresh_answers["/incidents?min_reports=2"]["items"]) >= 1  # type: ignore[index]
    served = _resolution(store_url)
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path / "store", copy)
    rebuilt = run_cli(["resolve"], store=f"oxigraph:{copy}")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert served == _resolution(f"oxigraph:{copy}")
    assert len(served) > 100

