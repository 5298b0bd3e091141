"""Fixtures for the end-to-end CLI tests: the real `conflict-kg` console script run as a
subprocess, and one store per module holding the ingested sample article."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SAMPLE = EXAMPLES / "reuters-2021-11-08-iraq-pm-drone-strike.txt"
CLI = Path(sys.executable).parent / "conflict-kg"
KH = "https://w3id.org/conflict-kg/id/entity/kataib-hezbollah"


def cli_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a CLI run: no colours, no inherited store, and the default width
    (80 columns when not a terminal), so a long message that wraps shows up as two lines."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CONFLICT_KG_") and k not in ("FORCE_COLOR", "COLUMNS")
    }
    env.update({"NO_COLOR": "1", "TERM": "dumb"})
    env.update(extra or {})
    return env


RunCli = Callable[..., subprocess.CompletedProcess[str]]


def run_cli(
    args: Sequence[str],
    *,
    store: str | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path = ROOT,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `conflict-kg [--store STORE] ARGS...`; never lets a traceback pass unnoticed."""
    assert CLI.exists(), f"console script missing: {CLI} (pip install -e .)"
    command = [str(CLI), *(["--store", store] if store else []), *args]
    result = subprocess.run(
        command,
        cwd=cwd,
        env=cli_env(env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
    return result


def stats_of(store: str) -> dict:
    result = run_cli(["stats", "--format", "json"], store=store)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@dataclass(frozen=True)
class IngestedStore:
    path: Path
    url: str
    ingest: subprocess.CompletedProcess[str]
    stats: dict


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> IngestedStore:
    """An oxigraph store holding examples/, ingested once per module by the real CLI.

    Tests must only read it; a test that writes takes a `store_copy`.
    """
    path = tmp_path_factory.mktemp("ingested") / "store"
    url = f"oxigraph:{path}"
    result = run_cli(["ingest", "examples/"], store=url)
    assert result.returncode == 0, result.stderr
    return IngestedStore(path, url, result, stats_of(url))


@pytest.fixture
def store_copy(ingested: IngestedStore, tmp_path: Path) -> str:
    """A private copy of the ingested store (copied on disk, no re-extraction)."""
    target = tmp_path / "store"
    shutil.copytree(ingested.path, target)
    return f"oxigraph:{target}"


@pytest.fixture(scope="session")
def cli() -> RunCli:
    """`cli(args, store=..., env=..., cwd=..., stdin=...)` runs the console script."""
    return run_cli


@pytest.fixture(scope="session")
def read_stats() -> Callable[[str], dict]:
    """`read_stats(store_url)`: the store's `stats --format json`, parsed."""
    return stats_of
