"""The last ingest time (issue #18, item 1): ingest at a known time by every write path, and
`stats`, `/stats` and `/` (page and JSON) show a time no earlier than the moment taken before
the ingest and no later than the one taken after (values compared, never durations)."""

from __future__ import annotations

import json
import re
import secrets
from datetime import UTC, datetime
from pathlib import Path

import httpx
from support import ROOT, run_cli, running_server

ARTICLE = ROOT / "examples" / "invented-2021-11-10-kirkuk-checkpoint-attack.txt"
BROWSER = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"


def _now() -> datetime:
    """Now, to the second: the stamps are kept to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def _moment(text: str | None) -> datetime:
    assert text is not None, "no last ingest"
    return datetime.fromisoformat(text)


def _page_moment(base: str) -> datetime:
    """The last ingest the home page shows (its <time datetime=...> and the text agree)."""
    page = httpx.get(f"{base}/", headers={"Accept": BROWSER}, timeout=30)
    assert page.status_code == 200
    found = re.search(
        r'<dd id="last-ingest"><time datetime="([^"]+)">([^<]+)</time></dd>', page.text
    )
    assert found is not None, page.text
    machine, shown = found.groups()
    assert shown == machine.replace("T", " ").replace("Z", " UTC")
    return _moment(machine)


def test_every_write_path_shows_when_it_stored(tmp_path: Path) -> None:
    store = f"oxigraph:{tmp_path / 'store'}"
    empty = run_cli(["stats"], store="memory:")
    assert "last ingest never" in empty.stdout.splitlines()

    before = _now()
    ingested = run_cli(["ingest", str(ARTICLE)], store=store)
    after = datetime.now(UTC)
    assert ingested.returncode == 0, ingested.stderr
    assert "ingested 1 article(s)" in ingested.stdout

    figures = json.loads(run_cli(["stats", "--format", "json"], store=store).stdout)
    assert figures["articles"] == 1
    cli_time = _moment(figures["last_ingest"])
    assert before <= cli_time <= after
    table = run_cli(["stats"], store=store).stdout
    assert f"last ingest {figures['last_ingest']}" in table.splitlines()

    token = secrets.token_urlsafe(16)
    with running_server(store, tmp_path, {"CONFLICT_KG_TOKEN": token}) as base:
        served = httpx.get(f"{base}/stats", timeout=30).json()
        assert served["last_ingest"] == figures["last_ingest"]
        assert _page_moment(base) == cli_time
        summary = httpx.get(f"{base}/", timeout=30).json()
        assert summary["last_ingest"] == figures["last_ingest"]
        assert summary["articles"] == 1  # the stamps are no article

        posted_before = _now()
        posted = httpx.post(
            f"{base}/articles",
            content="Gunmen attacked an army checkpoint in Mosul on Monday, killing two soldiers.",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "text/plain"},
            params={"published": "2021-11-12"},
            timeout=300,
        )
        posted_after = datetime.now(UTC)
        assert posted.status_code == 201, posted.text
        stats = httpx.get(f"{base}/stats", timeout=30).json()
        assert stats["articles"] == 2
        assert posted_before <= _moment(stats["last_ingest"]) <= posted_after
        assert posted_before <= _page_moment(base) <= posted_after
        listed = httpx.get(f"{base}/articles", timeout=30).json()
        assert len(listed["items"]) == 2
