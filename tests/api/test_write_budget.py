"""An article over its time budget is refused over HTTP as on the command line: a 422
problem naming the budget and the setting, nothing stored, and the next article is served."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

import httpx
from support import running_server

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = (ROOT / "examples" / "reuters-2021-11-08-iraq-pm-drone-strike.txt").read_text("utf-8")
SHORT = "Gunmen fired on a police post in an invented town on Monday, wounding two officers."


def test_an_article_over_its_budget_is_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    token = secrets.token_hex(8)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "text/plain"}
    # Six windows of extraction (100,000 characters each) against a budget of two seconds:
    # the budget is checked after the first window, which alone takes longer than that.
    long = "Report one.\n\n" + "\n\n".join([SAMPLE] * (600_000 // len(SAMPLE) + 1))
    env = {"CONFLICT_KG_TOKEN": token, "CONFLICT_KG_ARTICLE_BUDGET": "2"}
    with running_server(f"oxigraph:{tmp_path / 'store'}", tmp_path, env) as base:
        refused = httpx.post(
            f"{base}/articles", content=long.encode(), headers=headers, timeout=900
        )
        assert refused.status_code == 422, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        body = refused.json()
        assert body["title"] == "Article refused"
        assert "over the budget of 2 s per article" in body["detail"]
        assert "CONFLICT_KG_ARTICLE_BUDGET" in body["detail"]
        long_id = hashlib.sha256(long.encode()).hexdigest()
        assert httpx.get(f"{base}/articles/{long_id}", timeout=30).status_code == 404
        assert httpx.get(f"{base}/stats", timeout=30).json()["articles"] == 0
        stored = httpx.post(
            f"{base}/articles", content=SHORT.encode(), headers=headers, timeout=300
        )
        assert stored.status_code == 201, stored.text
        assert httpx.get(f"{base}/stats", timeout=30).json()["articles"] == 1
