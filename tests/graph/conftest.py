"""Fixtures for the graph tests: a store per backend, and a real `oxigraph serve` process for
the remote one (started once per session, emptied before each test that uses it)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest
from rdflib import URIRef

import graph.store_base
from graph.store import Store, open_store
from ontologies import CK, ONTOLOGY_DIR

BACKENDS = ("oxigraph", "memory", "sparql")

# Only used while ontologies/conflict.ttl does not exist yet; the code reads the ontology.
FALLBACK_EVENT_CLASSES = tuple(
    CK[name]
    for name in (
        "Event",
        "Attack",
        "AirOrDroneStrike",
        "Bombing",
        "Shelling",
        "ArmedClash",
        "Assassination",
        "Abduction",
        "Protest",
        "Riot",
        "Election",
        "Sanction",
        "Meeting",
        "Arrest",
        "Agreement",
        "Statement",
    )
)


def oxigraph_binary() -> str | None:
    """The `oxigraph` server installed next to this Python (PyPI package `oxigraph`)."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.exists():
        return str(beside)
    return shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
        pytest.skip("the oxigraph server binary is missing (pip install oxigraph)")
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
def ontology_event_classes(monkeypatch: pytest.MonkeyPatch) -> tuple[URIRef, ...]:
    """The event classes `stats()` reports: from the ontology, or the design's list while
    the ontology file is not written yet."""
    if not (ONTOLOGY_DIR / "conflict.ttl").exists():
        monkeypatch.setattr(graph.store_base, "event_classes", lambda: FALLBACK_EVENT_CLASSES)
    return graph.store_base.event_classes()
