"""Fixtures for the service tests: examples/ ingested with the real CLI into an oxigraph store,
then the real server (`conflict-kg serve`, uvicorn) started over it as a subprocess."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = Path(sys.executable).parent / "conflict-kg"
STARTUP_SECONDS = 60


def cli_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CONFLICT_KG_") and k not in ("FORCE_COLOR", "COLUMNS")
    }
    env.update({"NO_COLOR": "1", "TERM": "dumb"})
    env.update(extra or {})
    return env


def run_cli(args: Sequence[str], *, store: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `conflict-kg [--store STORE] ARGS...` to completion; no traceback allowed."""
    assert CLI.exists(), f"console script missing: {CLI} (pip install -e .)"
    command = [str(CLI), *(["--store", store] if store else []), *args]
    result = subprocess.run(
        command,
        cwd=ROOT,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Service:
    base: str
    store: str
    log: Path


def _wait_for_health(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail(f"the server did not answer /health within {STARTUP_SECONDS} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """A running `conflict-kg serve` over a store holding examples/ (one per module)."""
    workdir = tmp_path_factory.mktemp("service")
    store = f"oxigraph:{workdir / 'store'}"
    ingested = run_cli(["ingest", "examples/"], store=store)
    assert ingested.returncode == 0, ingested.stderr
    assert "ingested 1 article(s)" in ingested.stdout

    port = free_port()
    log = workdir / "server.log"
    command = [
        str(CLI),
        "--store",
        store,
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=cli_env(), stdout=output, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(base, process, log)
        yield Service(base, store, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert "Traceback" not in log.read_text(), log.read_text()


@pytest.fixture(scope="module")
def client(service: Service) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=service.base, timeout=30) as http:
        yield http


@pytest.fixture(scope="session")
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """`cli(args, store=...)` runs the console script to completion."""
    return run_cli


@dataclass(frozen=True)
class WritableService(Service):
    token: str


@pytest.fixture(scope="module")
def writable_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WritableService]:
    """A running `conflict-kg serve` over an empty temporary store, with CONFLICT_KG_TOKEN
    set to a random token so that the write routes accept requests that carry it."""
    workdir = tmp_path_factory.mktemp("writable")
    store = f"oxigraph:{workdir / 'store'}"
    token = secrets.token_urlsafe(24)
    port = free_port()
    log = workdir / "server.log"
    command = [str(CLI), "--store", store, "serve", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=cli_env({"CONFLICT_KG_TOKEN": token}),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(base, process, log)
        yield WritableService(base, store, log, token)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert "Traceback" not in log.read_text(), log.read_text()
