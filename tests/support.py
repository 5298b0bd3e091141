"""Helpers shared by the end-to-end and service tests: the real console script and the
real server, run as subprocesses exactly as a user runs them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).parent / "conflict-kg"
STARTUP_SECONDS = 60
SAMPLE_PATH = "examples/reuters-2021-11-08-iraq-pm-drone-strike.txt"
"""The one real article: the store most tests read holds it alone, so that their figures do
not move when examples/ gains the invented reports of the README's tour."""


def cli_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """No colours, no inherited store or token, default width (80 columns off a terminal)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CONFLICT_KG_") and k not in ("FORCE_COLOR", "COLUMNS")
    }
    env.update({"NO_COLOR": "1", "TERM": "dumb"})
    env.update(extra or {})
    return env


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


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_health(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
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


@contextmanager
def serving_process(
    store: str, workdir: Path, env: Mapping[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`conflict-kg --store STORE serve` on a free port; yields its base URL and its process
    (for tests that measure it), stops it after, and fails the test if it logged a traceback."""
    port = free_port()
    log = workdir / f"server-{port}.log"
    command = [str(CLI), "--store", store, "serve", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=cli_env(env), stdout=output, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(base, process, log)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert "Traceback" not in log.read_text(), log.read_text()


@contextmanager
def running_server(
    store: str, workdir: Path, env: Mapping[str, str] | None = None
) -> Iterator[str]:
    """`serving_process`, when only the base URL is needed."""
    with serving_process(store, workdir, env) as (base, _):
        yield base
