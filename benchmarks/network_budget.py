"""Time and peak memory of the network routes on a store where one report is stored N times.

The store: the sample article extracted once by the real pipeline and stored as N reports
(tests/repeated_store.py), then resolved; every actor it names is named in N articles. For
each route (`/paths`, `/view/data`, every `/export/{format}`) a fresh `conflict-kg serve`
is started over the store, the route is asked once, and the memory of the server and its
query workers is sampled while it answers. A guard kills the server when that memory passes
`--guard-mb` (the code before issue 13 grows without bound here), so the benchmark itself
cannot take the machine down.

    python benchmarks/network_budget.py                     # this checkout's code
    python benchmarks/network_budget.py --code ../main      # another checkout's code

`--code` puts that checkout first on the server's PYTHONPATH: the same store and requests,
the code before and after a change.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the store builder the tests use

from repeated_store import REPEATED_ACTOR, store_reports  # noqa: E402

SAMPLE = ROOT / "examples" / "reuters-2021-11-08-iraq-pm-drone-strike.txt"
CLI = Path(sys.executable).parent / "conflict-kg"
OTHER_ACTOR = "asaib-ahl-al-haq"
"""Named with the repeated actor as a perpetrator of the same strike: paths of two hops."""


def build_store(path: Path, reports: int) -> None:
    from conflict_kg.extract import ArticleInput, Extractor
    from conflict_kg.graph.resolve import resolve
    from conflict_kg.graph.store import open_store

    text = SAMPLE.read_text(encoding="utf-8")
    extraction = Extractor().extract(ArticleInput(source=str(SAMPLE), text=text))
    with open_store(f"oxigraph:{path}") as store:
        store_reports(store, extraction, text, reports)
        resolve(store)


def routes() -> list[str]:
    from conflict_kg.graph.export import FORMATS

    paths = f"/paths?source={REPEATED_ACTOR}&target={OTHER_ACTOR}&max_length=2"
    return [paths, "/view/data", *(f"/export/{name}" for name in FORMATS)]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of `pid` and every process below it (the query workers, which the
    server starts from its worker threads), in MB."""
    total = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
        for task in tasks:
            try:
                todo.extend(int(c) for c in (task / "children").read_text().split())
            except OSError:
                continue
    return total / 1024


def hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Figure:
    route: str
    status: str
    seconds: float
    warm_seconds: float | None
    """The same request again: the network data is kept until the next write."""
    peak_mb: float
    server_hwm_mb: float
    size: int


class Server:
    """`conflict-kg serve` over the store with `code` first on its PYTHONPATH."""

    def __init__(self, store: str, code: Path, workdir: Path, env: dict[str, str]) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        environment = {k: v for k, v in os.environ.items() if not k.startswith("CONFLICT_KG_")}
        environment.update(env, PYTHONPATH=str(code))
        self.log = (workdir / f"server-{self.port}.log").open("wb")
        command = [str(CLI), "--store", store, "serve", "--port", str(self.port)]
        self.process = subprocess.Popen(
            command, env=environment, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


def measure(server: Server, route: str, guard_mb: float, timeout: float) -> Figure:
    peak = [0.0]
    killed: list[str] = []
    finished = threading.Event()
    started = time.monotonic()

    def sample() -> None:
        while not finished.is_set():
            rss = tree_rss_mb(server.process.pid)
            peak[0] = max(peak[0], rss)
            if rss > guard_mb:
                killed.append(f"killed at {rss:.0f} MB")
                server.process.kill()
                return
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    status, size = "", 0
    try:
        response = httpx.get(server.base + route, timeout=timeout)
        status, size = str(response.status_code), len(response.content)
        if response.status_code >= 400:
            status += f" {response.json().get('title', '')}"
    except httpx.TimeoutException:
        status = f"no answer in {timeout:g} s"
    except httpx.TransportError as error:
        status = f"connection lost ({type(error).__name__})"
    finally:
        finished.set()
        sampler.join()
    seconds = time.monotonic() - started
    warm = None
    if not killed and status == "200":
        again = time.monotonic()
        httpx.get(server.base + route, timeout=timeout)
        warm = time.monotonic() - again
    hwm = hwm_mb(server.process.pid) if server.process.poll() is None else 0.0
    return Figure(route, killed[0] if killed else status, seconds, warm, peak[0], hwm, size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=200, help="copies of the report")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout the server runs")
    parser.add_argument("--guard-mb", type=float, default=3000, help="kill the server above")
    parser.add_argument("--timeout", type=float, default=60, help="client timeout, seconds")
    parser.add_argument("--route", action="append", help="only these routes (repeatable)")
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the server")
    args = parser.parse_args()
    env = dict(item.split("=", 1) for item in args.env)
    workdir = Path(tempfile.mkdtemp(prefix="network-budget-"))
    try:
        began = time.monotonic()
        build_store(workdir / "store", args.reports)
        print(
            f"store: {args.reports} reports of {SAMPLE.name}, built and resolved in "
            f"{time.monotonic() - began:.1f} s; server code: {args.code.resolve()}"
        )
        print(
            f"{'route':<44} {'status':<20} {'seconds':>7} {'again':>6} {'peak MB':>8} "
            f"{'HWM MB':>7} {'bytes':>9}"
        )
        if not args.route:
            print(f"/paths is {routes()[0]}")
        for route in args.route or routes():
            server = Server(f"oxigraph:{workdir / 'store'}", args.code, workdir, env)
            try:
                figure = measure(server, route, args.guard_mb, args.timeout)
            finally:
                server.stop()
            warm = "-" if figure.warm_seconds is None else f"{figure.warm_seconds:.2f}"
            label = route if len(route) <= 44 else route[:43] + "…"
            print(
                f"{label:<44} {figure.status:<20} {figure.seconds:>7.2f} {warm:>6} "
                f"{figure.peak_mb:>8.0f} {figure.server_hwm_mb:>7.0f} {figure.size:>9}",
                flush=True,
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
