"""Fixtures for the service tests: the sample article ingested with the real CLI into an
oxigraph store, then the real server (`conflict-kg serve`, uvicorn) started over it as a
subprocess."""

from __future__ import annotations

import secrets
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import pytest
from support import SAMPLE_PATH, run_cli, running_server


@dataclass(frozen=True)
class Service:
    base: str
    store: str


@dataclass(frozen=True)
class WritableService(Service):
    token: str


@pytest.fixture(scope="session")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """A running `conflict-kg serve` over a store holding the sample article, one for the
    session: it has no write token, so no test can change what it serves (the modules that
    write have `writable_service` or a server of their own)."""
    workdir = tmp_path_factory.mktemp("service")
    store = f"oxigraph:{workdir / 'store'}"
    ingested = run_cli(["ingest", SAMPLE_PATH], store=store)
    assert ingested.returncode == 0, ingested.stderr
    assert "ingested 1 article(s)" in ingested.stdout
    with running_server(store, workdir) as base:
        yield Service(base, store)


@pytest.fixture(scope="module")
def client(service: Service) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=service.base, timeout=30) as http:
        yield http


@pytest.fixture(scope="session")
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """`cli(args, store=...)` runs the console script to completion."""
    return run_cli


@pytest.fixture(scope="module")
def writable_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WritableService]:
    """A running `conflict-kg serve` over an empty temporary store, with CONFLICT_KG_TOKEN
    set to a random token so that the write routes accept requests that carry it."""
    workdir = tmp_path_factory.mktemp("writable")
    store = f"oxigraph:{workdir / 'store'}"
    token = secrets.token_urlsafe(24)
    with running_server(store, workdir, {"CONFLICT_KG_TOKEN": token}) as base:
        yield WritableService(base, store, token)
