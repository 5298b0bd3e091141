"""Fixtures for the end-to-end CLI tests: the real `conflict-kg` console script run as a
subprocess, and one store per module holding the ingested sample article."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import SAMPLE_PATH, run_cli

RunCli = Callable[..., subprocess.CompletedProcess[str]]


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
    """An oxigraph store holding the sample article, ingested once per module by the real CLI.

    Tests must only read it; a test that writes takes a `store_copy`.
    """
    path = tmp_path_factory.mktemp("ingested") / "store"
    url = f"oxigraph:{path}"
    result = run_cli(["ingest", SAMPLE_PATH], store=url)
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
