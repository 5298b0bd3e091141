"""Do the lookups stay fast as the store grows? (issue 17, item 7)

Builds stores of invented articles (1,000 and 10,000 by default), starts the real server
(`conflict-kg serve`) on each, and asks every lookup route the same questions side by side:
p50 and p99 of each route at each size and the ratio of the p50s (the goal: within 2x).

The articles are invented `Extraction`s written straight to the store (no spaCy): an armed
group attacks a state force in a city on a random day of ten years, killing a person, the
group backed by a state. Names are made of syllables, so they differ, and the pools of
groups, forces, persons and places grow with the corpus (a larger corpus covers more
actors, not the same few more often): each group is named by about eight articles at any
size. The entity asked about is a group named by as many articles as most groups are, and
the incident and article are one of its; so each question has an answer of the same size at
either size of store.

    python benchmarks/lookups_scale.py                          # 1,000 and 10,000 articles
    python benchmarks/lookups_scale.py --sizes 200 2000 --requests 50

Timings vary with the machine and its load: compare the two columns of one run.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date, timedelta
from pathlib import Path

import httpx

from conflict_kg.extract import Extraction, article_graph, sha256_text
from conflict_kg.extract.model import Argument, ArticleMeta, Entity, Event, Relation, Span
from conflict_kg.graph.resolve import resolve
from conflict_kg.graph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).with_name("conflict-kg")
SYLLABLES = tuple(
    "ka lo mir ta san bel dor ush ven ri zo pa gun ha tel rom is bak fen yu or dal ki mu "
    "sef nar pol jin ag tor wes em qa vil nox ure bis hal ok ter gan lis rad ob ze fum".split()
)
KINDS = {
    "Attack": "ATTACK",
    "AirOrDroneStrike": "AIR_STRIKE",
    "Bombing": "REMOTE_EXPLOSIVE",
    "Shelling": "SHELLING",
    "ArmedClash": "ARMED_CLASH",
}
START = date(2015, 1, 1)
COLD = ("/entities", "/incidents", "/articles", "/links/groups-incidents")
"""The lists whose first request builds what is kept per write, in this order."""


def word(salt: str) -> str:
    """An invented word of three syllables, the same for the same salt. Names of two such
    words are rarely close enough for resolution to join them (as real names are)."""
    pick = random.Random(salt)
    return "".join(pick.choice(SYLLABLES) for _ in range(3)).capitalize()


def slug(name: str) -> str:
    return name.lower().replace(" ", "-")


class Corpus:
    """Invented articles for a corpus of `size`; pools of names grow with it."""

    def __init__(self, size: int, seed: int = 17) -> None:
        self.size = size
        self.random = random.Random(seed)
        self.reports: Counter[str] = Counter()
        """How many articles name each group, as they are invented."""
        self.pools = {
            "group": max(size // 8, 4),
            "force": max(size // 20, 4),
            "person": max(size // 2, 4),
            "place": max(size // 10, 4),
            "state": max(size // 100, 4),
        }

    def name(self, kind: str, number: int) -> str:
        first, second = word(f"{kind}-{number}-1"), word(f"{kind}-{number}-2")
        return {
            "group": f"{first} {second} Brigade",
            "force": f"{first} {second} Police",
            "person": f"{first} {second}",
            "place": f"{first}{second.lower()}",
            "state": f"{first}{second.lower()}stan",
        }[kind]

    def pick(self, kind: str) -> str:
        return self.name(kind, self.random.randrange(self.pools[kind]))

    def typical_group(self) -> str:
        """The id of a group named by as many articles as most groups are (the mode), the
        one nearest the middle of the pool: the same question at every size."""
        mode = Counter(self.reports.values()).most_common(1)[0][0]
        middle = self.pools["group"] // 2
        numbers = sorted(range(self.pools["group"]), key=lambda n: abs(n - middle))
        return next(
            slug(self.name("group", n))
            for n in numbers
            if self.reports[self.name("group", n)] == mode
        )

    def article(self, number: int) -> Extraction:
        group, force, person = self.pick("group"), self.pick("force"), self.pick("person")
        self.reports[group] += 1
        place, state = self.pick("place"), self.pick("state")
        kind = self.random.choice(list(KINDS))
        day = START + timedelta(days=self.random.randrange(3650))
        title = f"{group} attack on {force} in {place} kills {person}"
        text = (
            f"{title}\n\nOn {day:%B} {day.day}, {day.year}, fighters of {group}, backed by "
            f"{state}, attacked the {force} in {place}, killing {person}, officials said. "
            f"(Dispatch {number}.)\n"
        )
        sha = sha256_text(text)

        def span(words: str) -> Span:
            start = text.index(words, len(title))
            return Span(start, start + len(words), words)

        def entity(name: str, type: str) -> Entity:
            return Entity(slug(name), name, type, mentions=[span(name)])

        def argument(role: str, name: str, certainty: str = "asserted") -> Argument:
            where = span(name)
            return Argument(role, slug(name), where.start, where.end, name, certainty)  # type: ignore[arg-type]

        sentence = Span(len(title) + 2, len(text) - 1, text[len(title) + 2 : -1])
        event = Event(
            id=f"{sha[:12]}-1",
            type=kind,
            acled=KINDS[kind],
            trigger=span("attacked"),
            date=day.isoformat(),
            date_precision="day",
            arguments=[
                argument("perpetrator", group, self.random.choice(["asserted", "alleged"])),
                argument("target", force),
                argument("victim", person),
                argument("place", place),
            ],
            fatalities=1,
            fatalities_reported=True,
            sentence=sentence,
        )
        backed = Relation(slug(group), "backedBy", slug(state), "asserted", span("backed by"))
        return Extraction(
            source=f"invented-{number}.txt",
            article=ArticleMeta(
                id=sha, title=title, published=(day + timedelta(days=1)).isoformat()
            ),
            text=text,
            entities=[
                entity(group, "ArmedGroup"),
                entity(force, "StateForce"),
                entity(person, "Person"),
                entity(place, "Place"),
                entity(state, "State"),
            ],
            events=[event],
            relations=[backed],
        )


def build(path: Path, corpus: Corpus) -> float:
    """Store the corpus's invented articles and resolve them; the seconds it took."""
    size = corpus.size
    started = time.perf_counter()
    with open_store(f"oxigraph:{path}") as store:
        for number in range(1, size + 1):
            iri, graph = article_graph(corpus.article(number))
            store.add_article(iri, graph)
            if number % 1000 == 0 or number == size:
                print(f"  {size}: stored {number} articles", file=sys.stderr, flush=True)
        print(f"  {size}: resolving", file=sys.stderr, flush=True)
        resolve(store)
    return time.perf_counter() - started


@contextmanager
def serving(store: Path, workdir: Path) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (workdir / f"server-{port}.log").open("wb")
    command = [str(CLI), "--store", f"oxigraph:{store}", "serve", "--port", str(port)]
    # A deadline long enough for the first request, which builds the indexes kept per write.
    env = {**os.environ, "CONFLICT_KG_QUERY_TIMEOUT": "300"}
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start: see {log.name}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def routes(client: httpx.Client, corpus: Corpus) -> dict[str, str]:
    """The questions, picked alike at every size: a group named by as many articles as
    most groups are."""
    group = corpus.typical_group()
    incidents = client.get("/incidents", params={"actor": group, "limit": 1}).json()
    incident = incidents["items"][0]["id"]
    article = incidents["items"][0]["reports"][0]["article"]
    fragment = group.split("-")[1][1:6]
    return {
        "/entities": "/entities",
        "/entities?q=": f"/entities?q={fragment}",
        "/entities?type=": "/entities?type=ArmedGroup",
        "/entities/{id}": f"/entities/{group}",
        "/entities/{id}/neighbors": f"/entities/{group}/neighbors",
        "/incidents": "/incidents",
        "/incidents?actor=": f"/incidents?actor={group}",
        "/incidents/{id}": f"/incidents/{incident}",
        "/groups/{id}/incidents": f"/groups/{group}/incidents",
        "/links/groups-incidents": "/links/groups-incidents",
        "/articles": "/articles",
        "/articles/{id}": f"/articles/{article}",
    }


def timed_get(client: httpx.Client, url: str) -> float:
    """Milliseconds of one request, which must answer 200."""
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.text[:300])
    return elapsed


def first_requests(base: str) -> dict[str, float]:
    """Milliseconds of the first request of each list on a fresh server: what the first
    reader after a write pays to build the indexes kept per write."""
    with httpx.Client(base_url=base, timeout=300) as client:
        return {url: timed_get(client, url) for url in COLD}


def measure(
    bases: list[str], corpora: list[Corpus], requests: int
) -> list[dict[str, tuple[float, float]]]:
    """For each server, {route: (p50, p99) in ms} over `requests` requests each, after two
    to warm up. The servers are asked in turn, request by request, so that both sizes meet
    the same load of a shared machine."""
    clients = [httpx.Client(base_url=base, timeout=300) for base in bases]
    try:
        questions = [routes(c, corpus) for c, corpus in zip(clients, corpora, strict=True)]
        found: list[dict[str, tuple[float, float]]] = [{} for _ in bases]
        for name in questions[0]:
            times: list[list[float]] = [[] for _ in bases]
            for turn in range(requests + 2):
                for which, client in enumerate(clients):
                    elapsed = timed_get(client, questions[which][name])
                    if turn >= 2:
                        times[which].append(elapsed)
            for which, measured in enumerate(times):
                quantiles = statistics.quantiles(measured, n=100, method="inclusive")
                found[which][name] = (statistics.median(measured), quantiles[98])
        return found
    finally:
        for client in clients:
            client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 10000])
    parser.add_argument("--requests", type=int, default=100, help="per route and size")
    args = parser.parse_args()
    cold: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="lookups-scale-") as tmp, ExitStack() as servers:
        corpora, bases = [], []
        for size in args.sizes:
            path = Path(tmp) / f"store-{size}"
            corpus = Corpus(size)
            seconds = build(path, corpus)
            print(f"built {size} articles in {seconds:.0f} s", file=sys.stderr, flush=True)
            base = servers.enter_context(serving(path, Path(tmp)))
            cold.append(first_requests(base))
            corpora.append(corpus)
            bases.append(base)
        results = measure(bases, corpora, args.requests)
    small, large = args.sizes
    print(f"\nLookup latency over the real server, {args.requests} requests per route and size,")
    print("the two servers asked in turn (ms)\n")
    header = f"{'route':28} {'p50 ' + str(small):>10} {'p99 ' + str(small):>10} "
    header += f"{'p50 ' + str(large):>11} {'p99 ' + str(large):>11} {'p50 ratio':>9}"
    print(header)
    worst = 0.0
    for name in results[0]:
        (p50a, p99a), (p50b, p99b) = results[0][name], results[1][name]
        worst = max(worst, p50b / p50a)
        print(f"{name:28} {p50a:10.1f} {p99a:10.1f} {p50b:11.1f} {p99b:11.1f} {p50b / p50a:8.2f}x")
    print(f"\nlargest p50 ratio: {worst:.2f}x (goal: at most 2x)")
    print("\nFirst request on a fresh server (builds the indexes kept until the next write), ms")
    for url in COLD:
        print(f"{url:28} {cold[0][url]:10.0f} {cold[1][url]:11.0f}")


if __name__ == "__main__":
    main()
