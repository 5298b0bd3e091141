"""Fixtures for the graph tests: a store per backend, and a real `oxigraph serve` process for
the remote one (started once per session, emptied before each test that uses it)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest
from rdflib import URIRef
from support import free_port

from conflict_kg.graph.store import Store, event_classes, open_store

BACKENDS = ("oxigraph", "memory", "sparql")


def oxigraph_binary() -> str | None:
    """The `oxigraph` server installed next to this Python (PyPI package `oxigraph`)."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.exists():
        return str(beside)
    return shutil.which("oxigraph")


def wait_until_answering(base: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"oxigraph serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1) as response:
                if response.status == 200:
                    return
        except (URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    pytest.fail(f"oxigraph serve did not answer within 30 s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a real `oxigraph serve --union-default-graph` on a free local port."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.fail("the oxigraph server binary is missing (pip install -e '.[dev]')")
    workdir = tmp_path_factory.mktemp("oxigraph-serve")
    log = workdir / "server.log"
    port = free_port()
    command = [
        binary,
        "serve",
        "--location",
        str(workdir / "data"),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(base, process, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL per backend, each naming an empty store."""
    if request.param == "oxigraph":
        return f"oxigraph:{tmp_path / 'store'}"
    if request.param == "memory":
        return "memory:"
    base = request.getfixturevalue("oxigraph_server")
    url = f"sparql:{base}/query|{base}/update"
    with open_store(url) as remote:
        remote.update("DROP ALL")
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def ontology_event_classes() -> tuple[URIRef, ...]:
    """The event classes `stats()` reports, read from the ontology."""
    return event_classes()
