"""Every lookup route answers within the budget of a `/sparql` query, over the real server:
a tiny `CONFLICT_KG_QUERY_TIMEOUT` makes each of them a 503 problem naming the deadline, and
a small `CONFLICT_KG_MAX_ROWS` makes a lookup that must read more rows than that a 503
problem naming the cap, while a page of a list (read from the indexes kept per write, never
more than its `limit`) still answers in full.

The store: one report stored by many articles (`tests/repeated_store.py`), resolved into one
incident, so that the repeated actor's and the incident's details read a claim per article.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from repeated_store import REPEATED_ACTOR, assert_budget_problem, copy_store, store_reports
from support import running_server

from conflict_kg.extract import Extraction
from conflict_kg.graph import lookups
from conflict_kg.graph.resolve import resolve
from conflict_kg.graph.store import open_store

REPORTS = 40
ROW_CAP = 30
"""Fewer than the claims naming the repeated actor or its incident (at least one per
report), more than the entities one article mentions (23: a page of `/articles` reads
them article by article)."""


@dataclass(frozen=True)
class Reports:
    pristine: Path
    incident: str
    article: str
    entities: int
    """How many actors and places `/entities` lists."""


@pytest.fixture(scope="module")
def reports(
    tmp_path_factory: pytest.TempPathFactory, sample: Extraction, sample_text: str
) -> Reports:
    path = tmp_path_factory.mktemp("lookup-budget") / "store"
    with open_store(f"oxigraph:{path}") as store:
        store_reports(store, sample, sample_text, REPORTS)
        resolve(store)
        incidents = lookups.list_incidents(store, min_reports=REPORTS)
        articles = lookups.list_articles(store, limit=1)
        entities = lookups.list_entities(store, limit=1).total
    assert incidents.total >= 1
    return Reports(path, incidents.items[0].id, articles.items[0].id, entities)


def lookup_routes(reports: Reports) -> list[str]:
    return [
        "/entities",
        "/entities?q=hezbollah",
        f"/entities/{REPEATED_ACTOR}",
        f"/entities/{REPEATED_ACTOR}/neighbors",
        "/incidents",
        f"/incidents/{reports.incident}",
        f"/groups/{REPEATED_ACTOR}/incidents",
        "/links/groups-incidents",
        "/articles",
        f"/articles/{reports.article}",
    ]


def test_every_lookup_over_a_tiny_deadline_is_a_503_problem_naming_it(
    reports: Reports, tmp_path: Path
) -> None:
    # A microsecond: no lookup can answer within it, not even one read from the indexes kept
    # per write (handing the work to a worker thread alone takes longer), so every route,
    # asked twice, answers the problem.
    env = {"CONFLICT_KG_QUERY_TIMEOUT": "0.000001"}
    with running_server(copy_store(reports.pristine, tmp_path), tmp_path, env) as base:
        for route in lookup_routes(reports) * 2:
            assert_budget_problem(
                httpx.get(base + route, timeout=60),
                "Lookup timed out",
                "answering the lookup took longer than the 1e-06 s time limit",
                "query_timeout = 1e-06 s",
                "CONFLICT_KG_QUERY_TIMEOUT",
            )
        assert httpx.get(f"{base}/health", timeout=10).status_code == 200


def test_a_lookup_reading_more_rows_than_the_cap_is_a_503_problem_naming_it(
    reports: Reports, tmp_path: Path
) -> None:
    env = {"CONFLICT_KG_MAX_ROWS": str(ROW_CAP), "CONFLICT_KG_QUERY_TIMEOUT": "120"}
    with running_server(copy_store(reports.pristine, tmp_path), tmp_path, env) as base:
        for route in (f"/entities/{REPEATED_ACTOR}", f"/incidents/{reports.incident}"):
            assert_budget_problem(
                httpx.get(base + route, timeout=120),
                "Lookup too large",
                f"the lookup reads more than {ROW_CAP} rows",
                f"max_rows = {ROW_CAP}",
                "CONFLICT_KG_MAX_ROWS",
            )
        # A page is cut at its limit and read from the indexes kept per write: it answers.
        entities = httpx.get(f"{base}/entities", params={"limit": 5}, timeout=120)
        assert entities.status_code == 200, entities.text
        assert (len(entities.json()["items"]), entities.json()["total"]) == (5, reports.entities)
        articles = httpx.get(f"{base}/articles", params={"limit": 3}, timeout=120)
        assert articles.status_code == 200, articles.text
        assert (len(articles.json()["items"]), articles.json()["total"]) == (3, REPORTS)
        # Within the budget, an unknown id is still a 404.
        missing = httpx.get(f"{base}/entities/no-such-entity", timeout=120)
        assert (missing.status_code, missing.json()["title"]) == (404, "Not found")
