"""Reliability under bad input, attacks and failure: one run, one table.

Starts the real service (`conflict-kg serve`) over a fresh embedded store holding the example
article, on 127.0.0.1 only, and tries, class by class:

- bad inputs over HTTP (lone surrogates, NUL bytes, HTML sent as text, empty bodies, wrong
  media types, malformed JSON, invalid UTF-8, an oversized body) and the same classes as files
  on the command line: each must be refused with a 4xx problem (or a non-zero exit and one
  readable line) and store nothing;
- SPARQL injection through every lookup parameter: the store must not change;
- server-side requests (`SERVICE`, `SERVICE SILENT`, `LOAD`, remote `FROM`) aimed at a local
  listener that must receive no connection;
- a SIGKILL in the middle of a CLI ingest, then a rerun: the store must equal that of an
  uninterrupted ingest, quad for quad;
- a 5 MB article posted while `/health` is probed: the write finishes or is refused within
  its budget, and the probes' latency is printed;
- a bounded mixed read load (clients x seconds): no 5xx.

It prints one row per class: tried / refused correctly / lost / 5xx, and the figures of the
long-article and load runs. Every loop is bounded in count and time.

    .venv/bin/python benchmarks/reliability.py --help
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CLI = Path(sys.executable).parent / "conflict-kg"
TOKEN = "reliability-token"
SAMPLE = next(iter(sorted((ROOT / "examples").glob("*.txt"))))

# Invented wire copy: varied enough that every article has its own text (and sha256).
PLACES = ("Mosul", "Kirkuk", "Basra", "Erbil", "Najaf", "Tikrit", "Ramadi", "Samarra")
GROUPS = ("the Northern Front", "the Valley Brigades", "the Free Hills Militia")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def invented_article(n: int) -> str:
    place = PLACES[n % len(PLACES)]
    group = GROUPS[n % len(GROUPS)]
    day = WEEKDAYS[n % len(WEEKDAYS)]
    return (
        f"{place.upper()}, March {1 + n % 27} (Wire) - Gunmen attacked a police checkpoint "
        f"near {place} on {day}, killing {2 + n % 5} officers, local officials said.\n\n"
        f"Officials blamed {group} for the attack, report number {n}. The group denied any "
        f"role in a statement.\n"
    )


@dataclass
class Row:
    name: str
    tried: int = 0
    refused: int = 0
    lost: int = 0
    server_errors: int = 0
    notes: list[str] = field(default_factory=list)

    def record(self, ok: bool, status: int | None = None, note: str = "") -> None:
        self.tried += 1
        self.refused += int(ok)
        if status is not None and status >= 500:
            self.server_errors += 1
        if not ok and note:
            self.notes.append(note)


def env(extra: dict[str, str] | None = None) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("CONFLICT_KG_")}
    base.update({"NO_COLOR": "1", "TERM": "dumb"})
    base.update(extra or {})
    return base


def cli(args: list[str], store: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), "--store", store, *args],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(store: str, workdir: Path, extra: dict[str, str] | None = None) -> Iterator[str]:
    port = free_port()
    log = (workdir / f"server-{port}.log").open("wb")
    process = subprocess.Popen(
        [str(CLI), "--store", store, "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env({"CONFLICT_KG_TOKEN": TOKEN, **(extra or {})}),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise SystemExit(f"the server exited with {process.returncode}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = int(self.sock.getsockname()[1])
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


def is_problem(response: httpx.Response) -> bool:
    return 400 <= response.status_code < 500 and response.headers.get(
        "content-type", ""
    ).startswith("application/problem+json")


def triples(base: str) -> int:
    return int(httpx.get(f"{base}/stats", timeout=30).json()["triples"])


# -- the bad-input classes, as (name, HTTP request, CLI file bytes or None) -------------------
def bad_inputs(max_body: int) -> list[tuple[str, dict[str, object], bytes | None]]:
    html = b"<!doctype html><html><head><title>T</title></head><body><p>Gunmen attacked.</p>"
    html += b"<script>alert(1)</script></body></html>"
    plain = {"Content-Type": "text/plain; charset=utf-8"}
    as_json = {"Content-Type": "application/json"}
    return [
        (
            "lone surrogate (JSON)",
            {"content": b'{"text": "a \\ud800 b"}', "headers": as_json},
            b'{"text": "a \\ud800 b"}',
        ),
        (
            "NUL bytes (text)",
            {"content": b"Gunmen\x00 attacked.", "headers": plain},
            b"Gunmen\x00 attacked.",
        ),
        (
            "NUL bytes (JSON)",
            {"content": b'{"text": "Gunmen\\u0000 attacked."}', "headers": as_json},
            b'{"text": "Gunmen\\u0000 attacked."}',
        ),
        ("HTML sent as text", {"content": html, "headers": plain}, html),
        ("empty text body", {"content": b"", "headers": plain}, b""),
        (
            "blank JSON text",
            {"content": b'{"text": "   "}', "headers": as_json},
            b'{"text": "   "}',
        ),
        ("malformed JSON", {"content": b'{"text": ', "headers": as_json}, b'{"text": '),
        (
            "invalid UTF-8",
            {"content": b"Gunmen \xff\xfe attacked.", "headers": plain},
            b"Gunmen \xff\xfe attacked.",
        ),
        ("wrong media type", {"content": b"x", "headers": {"Content-Type": "image/png"}}, None),
        ("oversized body", {"content": b"a " * (max_body // 2 + 16), "headers": plain}, None),
    ]


def try_bad_inputs(base: str, workdir: Path, http: Row, cmd: Row) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = triples(base)
    for name, request, _ in bad_inputs(5 * 1024 * 1024):
        headers = {**auth, **request["headers"]}  # type: ignore[dict-item]
        response = httpx.post(
            f"{base}/articles", content=request["content"], headers=headers, timeout=120
        )
        http.record(is_problem(response), response.status_code, f"{name}: {response.status_code}")
    if triples(base) != before:
        http.notes.append(f"the store changed: {before} -> {triples(base)} triples")
    # The same classes on the CLI, against a store of its own (the server holds its own).
    for name, _, raw in bad_inputs(5 * 1024 * 1024):
        if raw is None:
            continue
        suffix = ".json" if raw.lstrip().startswith(b"{") else ".txt"
        path = workdir / f"bad-{abs(hash(name))}{suffix}"
        path.write_bytes(raw)
        result = cli(["ingest", str(path)], f"oxigraph:{workdir / 'cli-store'}")
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        ok = result.returncode != 0 and "Traceback" not in result.stderr and bool(lines)
        cmd.record(ok, None, f"{name}: exit {result.returncode} {result.stderr[-200:]!r}")
        path.unlink()


INJECTIONS = (
    '"} ; DROP ALL ; #',
    "> } DELETE WHERE { ?s ?p ?o } #",
    "x' OR '1'='1",
    "kataib-hezbollah> ?p ?o } #",
    "\\u0000",
    "%00",
    "?s ?p ?o",
)
INJECTION_ROUTES = (
    "/entities?q={v}",
    "/entities/{v}",
    "/incidents?place={v}",
    "/incidents?actor={v}",
    "/groups/{v}/incidents",
    "/paths?source={v}&target=iraq",
    "/export/graphml?place={v}",
    "/view/data?place={v}",
)


def try_injections(base: str, row: Row) -> None:
    before = triples(base)
    for route in INJECTION_ROUTES:
        for value in INJECTIONS:
            url = base + route.format(v=httpx.QueryParams({"v": value})["v"])
            try:
                response = httpx.get(url, timeout=30)
            except httpx.HTTPError as error:
                row.record(False, None, f"{route}: {error}")
                continue
            row.record(response.status_code < 500, response.status_code, f"{route} {value!r}")
    after = triples(base)
    if after != before:
        row.lost += 1
        row.notes.append(f"the store changed: {before} -> {after} triples")


def try_ssrf(base: str, row: Row) -> None:
    listener = Listener()
    target = f"http://127.0.0.1:{listener.port}/internal"
    queries = {
        "SERVICE": f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        "SERVICE SILENT": f"SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}",
        "SERVICE in OPTIONAL": "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <"
        + target
        + "> { ?s ?q ?r } } } LIMIT 1",
        "FROM remote": f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }} LIMIT 1",
        "FROM NAMED remote": f"SELECT * FROM NAMED <{target}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    }
    try:
        for name, text in queries.items():
            response = httpx.get(f"{base}/sparql", params={"query": text}, timeout=30)
            row.record(
                is_problem(response), response.status_code, f"{name}: {response.status_code}"
            )
        response = httpx.get(
            f"{base}/sparql",
            params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "default-graph-uri": target},
            timeout=30,
        )
        row.record(response.status_code < 500, response.status_code, "default-graph-uri")
        response = httpx.post(
            f"{base}/update",
            data={"update": f"LOAD <{target}>"},
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=30,
        )
        row.record(is_problem(response), response.status_code, f"LOAD: {response.status_code}")
        time.sleep(0.5)
    finally:
        listener.close()
    if listener.connections:
        row.lost += listener.connections
        row.notes.append(f"the listener received {listener.connections} connection(s)")


def nquads(store: str) -> list[str]:
    result = cli(["export", "--format", "nquads"], store)
    return sorted(line for line in result.stdout.splitlines() if line.strip())


def try_sigkill(workdir: Path, row: Row, articles: int) -> None:
    corpus = workdir / "corpus"
    corpus.mkdir()
    for n in range(articles):
        (corpus / f"a{n:04d}.txt").write_text(invented_article(n), encoding="utf-8")
    reference = f"oxigraph:{workdir / 'reference'}"
    cli(["ingest", str(corpus)], reference)
    expected = nquads(reference)
    killed = f"oxigraph:{workdir / 'killed'}"
    for attempt, delay in enumerate((6.0, 9.0, 12.0)):
        process = subprocess.Popen(
            [str(CLI), "--store", killed, "ingest", str(corpus)],
            cwd=ROOT,
            env=env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        row.notes.append(f"kill {attempt + 1} after {delay:g} s")
    cli(["ingest", str(corpus)], killed)
    got = nquads(killed)
    row.tried += 1
    row.refused += int(got == expected)
    missing = len(set(expected) - set(got))
    row.lost += missing
    if got != expected:
        row.notes.append(f"{missing} quads missing, {len(set(got) - set(expected))} extra")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def probe(base: str, stop: threading.Event, out: list[float], errors: list[str]) -> None:
    with httpx.Client(timeout=30) as client:
        while not stop.is_set():
            started = time.monotonic()
            try:
                status = client.get(f"{base}/health").status_code
                if status != 200:
                    errors.append(str(status))
            except httpx.HTTPError as error:
                errors.append(type(error).__name__)
            out.append(time.monotonic() - started)
            time.sleep(0.1)


def try_long_article(base: str, row: Row, megabytes: float) -> dict[str, object]:
    paragraph = invented_article(7)
    text = (paragraph * (int(megabytes * 1024 * 1024) // len(paragraph)))[: 5 * 1024 * 1024 - 64]
    latencies: list[float] = []
    errors: list[str] = []
    stop = threading.Event()
    watcher = threading.Thread(target=probe, args=(base, stop, latencies, errors), daemon=True)
    watcher.start()
    started = time.monotonic()
    try:
        response = httpx.post(
            f"{base}/articles",
            content=text.encode(),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
            timeout=900,
        )
        status = response.status_code
    except httpx.HTTPError as error:
        status = 0
        errors.append(f"write: {type(error).__name__}")
    took = time.monotonic() - started
    stop.set()
    watcher.join(timeout=5)
    row.record(
        status in (200, 201) or (400 <= status < 500) or status == 503,
        status,
        f"long article: {status}",
    )
    return {
        "bytes": len(text.encode()),
        "status": status,
        "seconds": round(took, 1),
        "health_probes": len(latencies),
        "health_p50_ms": round(1000 * statistics.median(latencies), 1) if latencies else None,
        "health_p99_ms": round(1000 * percentile(latencies, 0.99), 1) if latencies else None,
        "health_errors": len(errors),
    }


def try_load(base: str, row: Row, clients: int, seconds: float) -> dict[str, object]:
    routes = [
        "/health",
        "/stats",
        "/incidents?limit=10",
        "/entities?q=iraq",
        "/links/groups-incidents?limit=20",
        "/view/data",
        "/export/graphml",
        "/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%2010",
    ]
    statuses: list[int] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        with httpx.Client(timeout=60) as http:
            n = offset
            while time.monotonic() < deadline:
                try:
                    status = http.get(base + routes[n % len(routes)]).status_code
                except httpx.HTTPError:
                    status = 0
                with lock:
                    statuses.append(status)
                n += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for status in statuses:
        row.record(0 < status < 500, status)
    return {
        "requests": len(statuses),
        "rate": round(len(statuses) / seconds, 1),
        "5xx": sum(s >= 500 for s in statuses),
        "failed": sum(s == 0 for s in statuses),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=40, help="articles in the SIGKILL run")
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of the long article")
    parser.add_argument("--clients", type=int, default=8, help="clients in the load run")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the load run")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    rows: list[Row] = []
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="conflict-kg-reliability-") as tmp:
        workdir = Path(tmp)
        store = f"oxigraph:{workdir / 'store'}"
        cli(["ingest", str(SAMPLE)], store)
        with server(store, workdir) as base:
            steps: list[tuple[str, Callable[[Row], object]]] = [
                ("SPARQL injection via lookups", lambda r: try_injections(base, r)),
                ("server-side requests (SSRF)", lambda r: try_ssrf(base, r)),
            ]
            http, cmd = Row("bad input over HTTP"), Row("bad input on the CLI")
            try_bad_inputs(base, workdir, http, cmd)
            rows += [http, cmd]
            for name, step in steps:
                row = Row(name)
                step(row)
                rows.append(row)
            row = Row(f"{args.megabytes:g} MB article, /health probed")
            figures["long_article"] = try_long_article(base, row, args.megabytes)
            rows.append(row)
            row = Row(f"load: {args.clients} clients x {args.seconds:g} s")
            figures["load"] = try_load(base, row, args.clients, args.seconds)
            rows.append(row)
        row = Row("SIGKILL during ingest, rerun")
        try_sigkill(workdir, row, args.articles)
        rows.append(row)

    width = max(len(r.name) for r in rows)
    print(f"{'class':<{width}}  tried  refused-correctly  lost  5xx")
    for r in rows:
        print(
            f"{r.name:<{width}}  {r.tried:>5}  {r.refused:>17}  {r.lost:>4}  {r.server_errors:>3}"
        )
    for key, value in figures.items():
        print(f"{key}: {json.dumps(value)}")
    for r in rows:
        for note in r.notes[:8]:
            print(f"  {r.name}: {note}")
    if args.json:
        args.json.write_text(json.dumps({"rows": [r.__dict__ for r in rows], **figures}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
