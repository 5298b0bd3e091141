"""Reads while a long article is written: /health, /incidents and /sparql latency, idle and
during one POST /articles of --size characters, on a real `conflict-kg serve`.

The write's extraction runs in the server's worker process; this measures what it costs the
reads (issue 13 asks /health p99 under 1 s while a 5 MB article extracts). The article is
the example and evaluation texts joined until long enough, so its paragraphs are real news.
Only loopback; the read loop is bounded by the write, and the write by --timeout.

    .venv/bin/python benchmarks/reads_during_write.py --size 1000000
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import DEFAULT_EVAL_DIR, ROOT, add_json_option, load_texts, write_json  # noqa: E402

CLI = Path(sys.executable).parent / "conflict-kg"
READS = {
    "/health": None,
    "/incidents": None,
    "/sparql": {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
}


def article(size: int, eval_dir: Path) -> str:
    texts, _ = load_texts(ROOT / "examples", eval_dir)
    parts: list[str] = []
    length = 0
    while length < size:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        length += len(text) + 2
    return "\n\n".join(parts)[:size]


@contextmanager
def server(token: str, queue: int) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    workdir = Path(tempfile.mkdtemp(prefix="reads-during-write-"))
    env = {**os.environ, "CONFLICT_KG_TOKEN": token, "CONFLICT_KG_WRITE_QUEUE": str(queue)}
    command = [str(CLI), "--store", f"oxigraph:{workdir / 'store'}", "serve", "--port", str(port)]
    with (workdir / "server.log").open("wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise SystemExit(f"the server did not start; see {workdir / 'server.log'}")
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=60)


def read_round(client: httpx.Client, latencies: dict[str, list[float]]) -> None:
    for path, params in READS.items():
        started = time.perf_counter()
        response = client.get(path, params=params)
        latencies[path].append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}: {response.text[:200]}")


def summary(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(p99 * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def peak_rss_mb(pid: int) -> dict[str, int]:
    """VmHWM of the server and of each of its children (the workers), in MB."""
    peaks = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if int(entry) == pid or fields.get("PPid", "").strip() == str(pid):
            peaks[entry] = int(fields.get("VmHWM", "0 kB").split()[0]) // 1024
    return peaks


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters to write")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds the write may take")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    text = article(args.size, args.eval_dir)
    token = secrets.token_urlsafe(16)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "text/plain"}
    idle: dict[str, list[float]] = {path: [] for path in READS}
    busy: dict[str, list[float]] = {path: [] for path in READS}
    write: dict[str, float | int] = {}
    with (
        server(token, queue=1) as (base, process),
        httpx.Client(base_url=base, timeout=120) as client,
    ):
        warm = client.post("/articles", content=b"A bomb exploded in Kirkuk.", headers=headers)
        warm.raise_for_status()  # the worker process is up and has loaded spaCy
        for _ in range(20):
            read_round(client, idle)

        def post() -> None:
            started = time.perf_counter()
            response = httpx.post(
                f"{base}/articles", content=text.encode(), headers=headers, timeout=args.timeout
            )
            write.update(status=response.status_code, seconds=time.perf_counter() - started)

        thread = threading.Thread(target=post)
        thread.start()
        while thread.is_alive():
            read_round(client, busy)
            time.sleep(0.05)
        thread.join()
        peaks = peak_rss_mb(process.pid)
    figures = {
        "article_chars": len(text),
        "write_status": write.get("status"),
        "write_seconds": round(float(write.get("seconds", 0)), 1),
        "idle": {path: summary(values) for path, values in idle.items()},
        "during_write": {path: summary(values) for path, values in busy.items()},
        "peak_rss_mb": peaks,
    }
    print(
        f"POST /articles of {len(text):,} characters: {figures['write_status']} "
        f"in {figures['write_seconds']} s"
    )
    print(f"{'route':<12} {'when':<8} {'n':>5} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for when in ("idle", "during_write"):
        for path, row in figures[when].items():  # type: ignore[attr-defined]
            print(
                f"{path:<12} {when.split('_')[0]:<8} {row['n']:>5} {row['p50_ms']:>8} "
                f"{row['p99_ms']:>8} {row['max_ms']:>8}"
            )
    print("peak RSS (MB) by pid (server first):", peaks)
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
