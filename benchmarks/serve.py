"""HTTP under load: our service against rdflib-endpoint serving the same triples, one run.

Builds a store of at least --triples triples (the example article and the dev texts,
extracted once and replicated as distinct articles), starts `conflict-kg serve` over it
and rdflib-endpoint (PyPI) over the same triples, both as subprocesses on 127.0.0.1, then
sends --requests requests per scenario with --concurrency clients in flight and prints
requests/s and p50/p99 latency side by side with their ratios. Only loopback is used; every
request loop is bounded in count and time.

    .venv/bin/pip install rdflib-endpoint   # once (the `bench` extra)
    .venv/bin/python benchmarks/serve.py --help
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
from rdflib import Graph

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from corpus import load_texts  # noqa: E402
from store import extract_graphs, replicate  # noqa: E402

CK = "PREFIX ck: <https://w3id.org/conflict-kg/ontology#>\n"
RDF = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
QUERIES = {
    "sparql: events by type": CK
    + "SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e ck:reportedIn ?a ; a ?type } "
    "GROUP BY ?type",
    "sparql: KH perpetrator claims": CK
    + RDF
    + "SELECT ?incident ?source WHERE { ?c rdf:predicate ck:perpetrator ; "
    "rdf:subject ?incident ; rdf:object <https://w3id.org/conflict-kg/id/entity/kataib-hezbollah> "
    "OPTIONAL { ?c ck:accordingTo ?source } }",
}
LOOKUPS = {
    "GET /stats": "/stats",
    "GET /incidents?type=AirOrDroneStrike": "/incidents?type=AirOrDroneStrike&limit=20",
    "GET /entities/kataib-hezbollah": "/entities/kataib-hezbollah",
    "GET /links/groups-incidents": "/links/groups-incidents?limit=50",
}
RDFLIB_ENDPOINT = textwrap.dedent(
    """
    import sys, uvicorn
    from rdflib import Graph
    from rdflib_endpoint import SparqlEndpoint
    graph = Graph()
    graph.parse(sys.argv[1], format="nt")
    uvicorn.run(SparqlEndpoint(graph=graph), host="127.0.0.1", port=int(sys.argv[2]),
                log_level="warning")
    """
)


@dataclass(slots=True)
class Load:
    ok: int
    failed: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server for {url} exited with {process.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not come up within {seconds:.0f} s")


async def hammer(base: str, path: str, params: dict[str, str] | None, n: int, c: int) -> Load:
    latencies: list[float] = []
    failed = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(n):
        queue.put_nowait(i)

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal failed
        while not queue.empty():
            queue.get_nowait()
            start = time.perf_counter()
            try:
                response = await http.get(
                    path, params=params, headers={"Accept": "application/sparql-results+json"}
                )
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                latencies.append(time.perf_counter() - start)
            else:
                failed += 1

    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        started = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(client(http) for _ in range(c))), timeout=600)
        seconds = time.perf_counter() - started
    return Load(len(latencies), failed, seconds, latencies)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000, help="minimum store size")
    parser.add_argument("--requests", type=int, default=200, help="requests per scenario")
    parser.add_argument("--concurrency", type=int, default=8, help="clients in flight")
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=ROOT.parent / "shared" / "eval",
        help="dev texts used to grow the store (skipped when absent)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        import rdflib_endpoint  # noqa: F401
    except ImportError:
        print("rdflib-endpoint is not installed: .venv/bin/pip install rdflib-endpoint")
        return 0
    from conflict_kg.graph.resolve import resolve
    from conflict_kg.graph.store import open_store
    from conflict_kg.ontologies import RESOLUTION_GRAPH

    texts, notes = load_texts(ROOT / "examples", args.eval_dir)
    articles = replicate(extract_graphs(texts), args.triples)
    total = sum(len(g) for _, g in articles)
    print(f"corpus: {'; '.join(notes)}; {len(articles)} articles, {total} triples")

    work = Path(tempfile.mkdtemp(prefix="conflict-kg-serve-bench-"))
    store_url = f"oxigraph:{work / 'store'}"
    union = Graph()
    with open_store(store_url) as store:
        for iri, graph in articles:
            store.add_article(iri, graph)
            union += graph
        # As `conflict-kg ingest` does: the lookups read resolved incidents and actors.
        started = time.perf_counter()
        resolution = resolve(store)
        print(
            f"resolution: {resolution.reports} reports into {resolution.incidents} incidents "
            f"in {time.perf_counter() - started:.2f} s"
        )
        union += store.article_graph(RESOLUTION_GRAPH)
    union.serialize(work / "union.nt", format="nt", encoding="utf-8")

    ours_port, theirs_port = free_port(), free_port()
    cli = Path(sys.executable).parent / "conflict-kg"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONFLICT_KG_")}
    ours = subprocess.Popen(
        [str(cli), "--store", store_url, "serve", "--port", str(ours_port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    theirs = subprocess.Popen(
        [sys.executable, "-c", RDFLIB_ENDPOINT, str(work / "union.nt"), str(theirs_port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    ours_base, theirs_base = f"http://127.0.0.1:{ours_port}", f"http://127.0.0.1:{theirs_port}"
    try:
        wait_until_up(f"{ours_base}/health", ours)
        wait_until_up(f"{theirs_base}/", theirs)
        print(f"{args.requests} requests per scenario, {args.concurrency} in flight\n")
        header = (
            f"{'scenario':40} {'server':15} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'fail':>5}"
        )
        print(header)
        print("-" * len(header))
        for name, query in QUERIES.items():
            loads = {}
            for label, base, path in (
                ("conflict-kg", ours_base, "/sparql"),
                ("rdflib-endpoint", theirs_base, "/"),
            ):
                load = asyncio.run(
                    hammer(base, path, {"query": query}, args.requests, args.concurrency)
                )
                loads[label] = load
                print(
                    f"{name:40} {label:15} {load.rate:8.1f} {load.percentile(0.5) * 1000:8.1f}"
                    f" {load.percentile(0.99) * 1000:8.1f} {load.failed:5d}"
                )
            ours_load, theirs_load = loads["conflict-kg"], loads["rdflib-endpoint"]
            if theirs_load.rate:
                print(
                    f"{'':40} {'ratio':15} {ours_load.rate / theirs_load.rate:7.1f}x"
                    f" {theirs_load.percentile(0.5) / ours_load.percentile(0.5):7.1f}x"
                    "  (throughput ours/theirs, p50 theirs/ours)"
                )
        for name, path in LOOKUPS.items():
            load = asyncio.run(hammer(ours_base, path, None, args.requests, args.concurrency))
            print(
                f"{name:40} {'conflict-kg':15} {load.rate:8.1f}"
                f" {load.percentile(0.5) * 1000:8.1f} {load.percentile(0.99) * 1000:8.1f}"
                f" {load.failed:5d}"
            )
    finally:
        for process in (ours, theirs):
            process.terminate()
            process.wait(timeout=15)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
