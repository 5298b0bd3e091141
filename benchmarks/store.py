"""Store benchmark: our `Store` over embedded Oxigraph vs bare pyoxigraph vs rdflib in memory.

    .venv/bin/python benchmarks/store.py [--triples 120000] [--repeat 3] [--rdflib-timeout 30]

Data: `examples/*.txt` and, when present, the texts of the evaluation files in ../shared/eval/
(read at run time, never copied) are extracted once; their article graphs are then
replicated under new article hashes (new article, claim and incident IRIs, new `ck:sha256`;
actors, places and weapons stay shared, as they would across real reports) until the
corpus holds at least `--triples` triples. Every copy is a distinct article.

Ingest, side by side, each into a fresh temporary directory or memory, `--ingest-repeat`
times alternating which goes first (median):
- ours: `open_store("oxigraph:DIR").add_article(iri, graph)` per article (term conversion
  and validation, the idempotence check, one transaction per article);
- bare pyoxigraph: `pyoxigraph.Store(DIR).extend(quads)` per article, quads built
  beforehand (their building time is shown on its own line), plus one `bulk_extend` of
  everything for reference;
- rdflib: `Dataset(default_union=True)`, `addN` per article into its named graph.

Queries (each `--repeat` times, median, results fully read): events by type; the
perpetrator claims (as written in the brief, and bound to one actor through bindings); a
two-join aggregate, claims per actor type. Ours: `store.query`; bare:
`store.query(..., use_default_graph_as_union=True)`; rdflib: `Dataset.query` in a forked
child process that is killed after `--rdflib-timeout` seconds. The three answers are
compared (order-independent fingerprint of every row): "DIFFER" in the rows column flags a
disagreement.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from conflict_kg.graph.store.terms import from_ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import DEFAULT_EVAL_DIR, ROOT, add_json_option, load_texts, write_json

PREFIXES = """PREFIX ck: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
QUERIES: dict[str, str] = {
    "events by type": PREFIXES
    + """SELECT ?type (COUNT(DISTINCT ?event) AS ?n)
WHERE { ?event ck:reportedIn ?article ; a ?type }
GROUP BY ?type ORDER BY DESC(?n)""",
    "perpetrator claims": PREFIXES
    + """SELECT ?incident ?actor WHERE {
  ?c a ck:Claim ; rdf:predicate ck:perpetrator ; rdf:subject ?incident ; rdf:object ?actor
}""",
    "claims per actor type": PREFIXES
    + """SELECT ?type (COUNT(?c) AS ?n)
WHERE { ?c a ck:Claim ; rdf:object ?actor . ?actor a ?type }
GROUP BY ?type ORDER BY DESC(?n)""",
}
BOUND_QUERY = "perpetrator claims"
BOUND_LABEL = "perpetrator claims, ?actor bound"
PREFERRED_ACTORS = ("kataib-hezbollah",)
"""The actor to bind, if the corpus has perpetrator claims about it (the example's KH)."""


# Corpus ----------------------------------------------------------------------------------------


def extract_graphs(texts: list[str]) -> list[tuple[str, URIRef, Graph]]:
    """(sha256, article IRI, graph) per distinct text."""
    from conflict_kg.extract import ArticleInput, Extractor, article_graph

    items = [ArticleInput(source=f"text-{i}", text=t) for i, t in enumerate(texts)]
    graphs = []
    for extraction in Extractor().extract_many(items):
        iri, graph = article_graph(extraction)
        graphs.append((extraction.article.id, iri, graph))
    return graphs


def _renamer(sha: str, new_sha: str) -> Callable[[Node], Node]:
    short, new_short = sha[:12], new_sha[:12]

    def rename(term: Node) -> Node:
        if isinstance(term, URIRef):
            text = str(term)
            if short in text:
                return URIRef(text.replace(sha, new_sha).replace(short, new_short))
            return term
        if isinstance(term, Literal) and str(term) == sha:
            return Literal(new_sha)
        return term

    return rename


def replicate(
    base: list[tuple[str, URIRef, Graph]], min_triples: int
) -> list[tuple[URIRef, Graph]]:
    """The base graphs, then renamed copies of them, until `min_triples` triples."""
    articles: list[tuple[URIRef, Graph]] = [(iri, graph) for _, iri, graph in base]
    total = sum(len(graph) for _, graph in articles)
    copy = 0
    while total < min_triples:
        copy += 1
        for sha, iri, graph in base:
            new_sha = hashlib.sha256(f"{sha}/copy-{copy}".encode()).hexdigest()
            rename = _renamer(sha, new_sha)
            clone = Graph()
            for s, p, o in graph:
                clone.add((rename(s), p, rename(o)))
            articles.append((URIRef(str(rename(iri))), clone))
            total += len(clone)
            if total >= min_triples:
                break
    return articles


# Measurements ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Timing:
    seconds: list[float]
    rows: int | None = None
    note: str = ""
    digest: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None


def timed(func: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = func()
    return time.perf_counter() - started, value


def repeat_query(run: Callable[[], int], repeat: int) -> Timing:
    seconds: list[float] = []
    rows = 0
    for _ in range(repeat):
        elapsed, value = timed(run)
        seconds.append(elapsed)
        rows = int(value)  # type: ignore[call-overload]
    return Timing(seconds, rows)


def _rdflib_child(
    dataset: Dataset, sparql: str, bindings: dict[str, Node], repeat: int, conn: Connection
) -> None:
    for _ in range(repeat):
        started = time.perf_counter()
        result = list(dataset.query(sparql, initBindings=bindings))
        elapsed = time.perf_counter() - started
        conn.send((elapsed, len(result), digest(result)))  # type: ignore[arg-type]
    conn.close()


def rdflib_query(
    dataset: Dataset, sparql: str, bindings: dict[str, Node], repeat: int, timeout: float
) -> Timing:
    """Run the query in a forked child (it shares the dataset) and kill it after `timeout`."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_rdflib_child, args=(dataset, sparql, bindings, repeat, sender), daemon=True
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        child.start()
    sender.close()
    timing = Timing([])
    deadline = time.monotonic() + timeout
    while len(timing.seconds) < repeat:
        left = deadline - time.monotonic()
        if left <= 0 or not receiver.poll(left):
            break
        try:
            seconds, rows, fingerprint = receiver.recv()
        except EOFError:
            timing.note = "child failed"
            break
        timing.seconds.append(seconds)
        timing.rows, timing.digest = rows, fingerprint
    if child.is_alive():
        child.kill()
        if len(timing.seconds) < repeat:
            timing.note = (
                f"> {timeout:g} s timeout"
                if not timing.seconds
                else f"{len(timing.seconds)}/{repeat} runs before the {timeout:g} s timeout"
            )
    child.join()
    receiver.close()
    return timing


def ox_store_query(store: ox.Store, sparql: str) -> int:
    answer = store.query(sparql, use_default_graph_as_union=True)
    return sum(1 for _ in answer)  # type: ignore[union-attr]


# Output ----------------------------------------------------------------------------------------


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [list(header), *[[_fmt(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for number, row in enumerate(cells):
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if number == 0:
            print("  ".join("-" * w for w in widths))


def _fmt(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4f}" if value < 1 else f"{value:.2f}"
    return str(value)


def _runs(seconds: list[float]) -> str:
    return " ".join(f"{x:.2f}" for x in seconds)


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "-"
    return f"{a / b:.2f}x"


# Main ------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Bulk ingest and query times: our Store over embedded Oxigraph vs bare "
        "pyoxigraph vs rdflib's in-memory Dataset, on the same >= 100k-triple corpus.",
    )
    parser.add_argument(
        "--triples",
        type=int,
        default=120_000,
        help="replicate article graphs until at least this many triples (default 120000)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per query; the median is shown (default 3)"
    )
    parser.add_argument(
        "--ingest-repeat",
        type=int,
        default=3,
        help="ingests of each backend into a fresh store, alternating order; median (default 3)",
    )
    parser.add_argument(
        "--rdflib-timeout",
        type=float,
        default=30.0,
        help="seconds an rdflib query (all its runs) may take before it is killed (default 30)",
    )
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=DEFAULT_EVAL_DIR,
        help=f"evaluation data directory (default: {DEFAULT_EVAL_DIR})",
    )
    parser.add_argument(
        "--examples", type=Path, default=ROOT / "examples", help="directory of *.txt articles"
    )
    add_json_option(parser)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    texts, notes = load_texts(args.examples, args.eval_dir)
    if not texts:
        print("no texts found (no examples/*.txt and no evaluation data); nothing to measure")
        return 0
    print("Texts: " + "; ".join(notes))
    extract_s, value = timed(lambda: extract_graphs(texts))
    base: list[tuple[str, URIRef, Graph]] = value  # type: ignore[assignment]
    base = [b for b in base if len(b[2])]
    replicate_s, value = timed(lambda: replicate(base, args.triples))
    articles: list[tuple[URIRef, Graph]] = value  # type: ignore[assignment]
    triples = sum(len(g) for _, g in articles)
    print(
        f"Corpus: {len(base)} extracted articles ({sum(len(g) for *_, g in base)} triples, "
        f"extraction {extract_s:.1f} s) replicated to {len(articles)} articles, "
        f"{triples} triples ({replicate_s:.1f} s)"
    )

    figures: dict[str, Any] = {"articles": len(articles), "triples": triples}
    with tempfile.TemporaryDirectory(prefix="conflict-kg-bench-") as tmp:
        ox_side = run_oxigraph(Path(tmp), articles, args.repeat, args.ingest_repeat)
    rdflib_times: list[float] = []
    dataset = Dataset(default_union=True)
    for _ in range(args.ingest_repeat):
        dataset = Dataset(default_union=True)
        rdflib_times.append(timed(lambda d=dataset: rdflib_ingest(d, articles))[0])
    rdflib_s = statistics.median(rdflib_times)
    print(
        f"Ingest runs (s): ours {_runs(ox_side.ours_ingest)}; bare {_runs(ox_side.bare_ingest)}; "
        f"rdflib {_runs(rdflib_times)} (median used)"
    )
    rdflib_quads = sum(1 for _ in dataset.quads((None, None, None, None)))
    print(
        f"Stored quads: ours {ox_side.counts[0]} ({ox_side.stored_articles} articles), "
        f"bare pyoxigraph {ox_side.counts[1]}, bulk {ox_side.counts[2]}, rdflib {rdflib_quads}"
    )
    ours_s, bare_s, quads_s, bulk_s = (
        ox_side.ours_s,
        ox_side.bare_s,
        ox_side.quads_s,
        ox_side.bulk_s,
    )
    print_table(
        "Bulk ingest",
        ("backend", "seconds", "triples/s", "time vs ours"),
        [
            ("ours: Store(oxigraph:) add_article", ours_s, round(triples / ours_s), "1.00x"),
            (
                "bare pyoxigraph extend per article",
                bare_s,
                round(triples / bare_s),
                ratio(bare_s, ours_s),
            ),
            ("  + building the pyoxigraph quads", quads_s, None, None),
            (
                "  = bare incl. quad building",
                bare_s + quads_s,
                round(triples / (bare_s + quads_s)),
                ratio(bare_s + quads_s, ours_s),
            ),
            (
                "bare pyoxigraph bulk_extend (all)",
                bulk_s,
                round(triples / bulk_s),
                ratio(bulk_s, ours_s),
            ),
            (
                "rdflib Dataset addN per article",
                rdflib_s,
                round(triples / rdflib_s),
                ratio(rdflib_s, ours_s),
            ),
        ],
    )
    print(
        f"ratios: ours/bare-oxigraph {ratio(ours_s, bare_s)} "
        f"(vs bare incl. quad building {ratio(ours_s, bare_s + quads_s)}), "
        f"rdflib/ours {ratio(rdflib_s, ours_s)}"
    )
    figures["ingest"] = {
        "ours": ours_s,
        "ours_runs": ox_side.ours_ingest,
        "bare_extend": bare_s,
        "bare_extend_runs": ox_side.bare_ingest,
        "rdflib_runs": rdflib_times,
        "bare_quad_building": quads_s,
        "bare_bulk_extend": bulk_s,
        "rdflib": rdflib_s,
    }

    rows: list[list[object]] = []
    figures["queries"] = {}
    union_mismatch: list[str] = []
    for (name, sparql, bindings), ours_t, bare_t in zip(
        ox_side.plan, ox_side.ours_q, ox_side.bare_q, strict=True
    ):
        rdf_t = rdflib_query(dataset, sparql, bindings, args.repeat, args.rdflib_timeout)
        same = len({t.digest for t in (ours_t, bare_t, rdf_t) if t.digest is not None}) == 1
        if ours_t.digest == bare_t.digest and rdf_t.digest not in (None, ours_t.digest):
            union_mismatch.append(name)
        if rdf_t.median is None:
            rdf_cell: object = rdf_t.note
            rdf_ratio = f"> {args.rdflib_timeout / (ours_t.median or 1):.0f}x"
        else:
            rdf_cell = f"{_fmt(rdf_t.median)} ({rdf_t.note})" if rdf_t.note else rdf_t.median
            rdf_ratio = ratio(rdf_t.median, ours_t.median)
        rows.append(
            [
                name,
                ours_t.rows if same else f"{ours_t.rows}/{bare_t.rows}/{rdf_t.rows} DIFFER",
                ours_t.median,
                bare_t.median,
                rdf_cell,
                ratio(ours_t.median, bare_t.median),
                rdf_ratio,
            ]
        )
        figures["queries"][name] = {
            "rows": ours_t.rows,
            "ours": ours_t.seconds,
            "bare_oxigraph": bare_t.seconds,
            "rdflib": rdf_t.seconds,
            "rdflib_note": rdf_t.note,
            "answers_agree": same,
        }
    print_table(
        f"Queries (seconds, median of {args.repeat}; results fully read)",
        ("query", "rows", "ours", "bare ox", "rdflib", "ours/bare", "rdflib/ours"),
        rows,
    )
    if union_mismatch:
        print(
            f"DIFFER on {', '.join(union_mismatch)}: both Oxigraph sides agree, rdflib does "
            "not. pyoxigraph 0.5's union default graph yields a triple once per named graph "
            "that holds it (no RDF merge; oxigraph/oxigraph#1919, fixed upstream by #1920), "
            "so non-DISTINCT counts over triples shared by articles (an actor's rdf:type) "
            "come out inflated; rdflib's default_union merges them."
        )
    if ox_side.actor is not None:
        print(
            f"(bound actor: <{ox_side.actor}>; ours binds through store.query(bindings), bare "
            "pyoxigraph through a VALUES clause, rdflib through initBindings)"
        )
    write_json(args.json, figures)
    return 0


@dataclass(slots=True)
class OxigraphSide:
    ours_s: float
    quads_s: float
    bare_s: float
    bulk_s: float
    counts: tuple[int, int, int]
    stored_articles: int
    actor: URIRef | None
    plan: list[tuple[str, str, dict[str, Node]]]
    ours_q: list[Timing]
    bare_q: list[Timing]
    ours_ingest: list[float]
    bare_ingest: list[float]


def ingest_ours(location: Path, articles: list[tuple[URIRef, Graph]]) -> tuple[float, Any]:
    from conflict_kg.graph.store import open_store

    store = open_store(f"oxigraph:{location}")
    started = time.perf_counter()
    for iri, graph in articles:
        store.add_article(iri, graph)
    return time.perf_counter() - started, store


def ingest_bare(location: Path, quads: list[list[ox.Quad]]) -> tuple[float, ox.Store]:
    store = ox.Store(str(location))
    started = time.perf_counter()
    for article in quads:
        store.extend(article)
    return time.perf_counter() - started, store


def run_oxigraph(
    tmp: Path, articles: list[tuple[URIRef, Graph]], repeat: int, ingest_repeat: int
) -> OxigraphSide:
    """Ingest into our store and bare pyoxigraph (per article and bulk), then time queries.

    Each ingest goes into a fresh directory, `ingest_repeat` times, alternating which side
    goes first; the stores of the last round answer the queries. The stores live only in
    this function, so they are closed before rdflib's forked query children start.
    """
    from conflict_kg.graph.store.terms import article_quads

    quads_s, value = timed(lambda: [article_quads(iri, g) for iri, g in articles])
    quads: list[list[ox.Quad]] = value  # type: ignore[assignment]
    ours_times: list[float] = []
    bare_times: list[float] = []
    ours: Any = None
    bare: ox.Store | None = None
    for round_ in range(ingest_repeat):
        if ours is not None:
            ours.close()
        if round_ % 2 == 0:
            ours_s, ours = ingest_ours(tmp / f"ours-{round_}", articles)
            bare_s, bare = ingest_bare(tmp / f"bare-{round_}", quads)
        else:
            bare_s, bare = ingest_bare(tmp / f"bare-{round_}", quads)
            ours_s, ours = ingest_ours(tmp / f"ours-{round_}", articles)
        ours_times.append(ours_s)
        bare_times.append(bare_s)
    assert ours is not None and bare is not None
    bulk = ox.Store(str(tmp / "bulk"))
    bulk_s, _ = timed(lambda: bulk.bulk_extend(q for qs in quads for q in qs))
    stats = ours.stats()

    actor = _bound_actor(bare)
    plan: list[tuple[str, str, dict[str, Node]]] = [(n, q, {}) for n, q in QUERIES.items()]
    if actor is not None:
        plan.insert(2, (BOUND_LABEL, QUERIES[BOUND_QUERY], {"actor": actor}))
    ours_q: list[Timing] = []
    bare_q: list[Timing] = []
    for _, sparql, bindings in plan:
        bare_text = sparql + (f"\nVALUES ?actor {{ <{actor}> }}" if bindings else "")
        ours_t = repeat_query(lambda s=sparql, b=bindings: len(ours.query(s, b)), repeat)
        ours_t.digest = digest(ours.query(sparql, bindings))
        bare_t = repeat_query(lambda s=bare_text: ox_store_query(bare, s), repeat)
        bare_t.digest = digest(
            [from_ox(t) if t is not None else None for t in row]
            for row in bare.query(bare_text, use_default_graph_as_union=True)  # type: ignore[union-attr]
        )
        ours_q.append(ours_t)
        bare_q.append(bare_t)
    ours.close()
    return OxigraphSide(
        ours_s=statistics.median(ours_times),
        quads_s=quads_s,
        bare_s=statistics.median(bare_times),
        bulk_s=bulk_s,
        counts=(stats.triples, len(bare), len(bulk)),
        stored_articles=stats.articles,
        actor=actor,
        plan=plan,
        ours_q=ours_q,
        bare_q=bare_q,
        ours_ingest=ours_times,
        bare_ingest=bare_times,
    )


def digest(rows: Iterable[Iterable[Node | None]]) -> str:
    """An order-independent fingerprint of a result, to check the backends agree."""
    lines = sorted("\t".join("" if t is None else t.n3() for t in row) for row in rows)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def rdflib_ingest(dataset: Dataset, articles: list[tuple[URIRef, Graph]]) -> None:
    for iri, graph in articles:
        context = dataset.graph(iri)
        dataset.addN((s, p, o, context) for s, p, o in graph)


def _bound_actor(store: ox.Store) -> URIRef | None:
    """The preferred actor if it has perpetrator claims, else the most claimed one."""
    sparql = (
        PREFIXES
        + """SELECT ?actor (COUNT(?c) AS ?n) WHERE {
  ?c a ck:Claim ; rdf:predicate ck:perpetrator ; rdf:object ?actor
} GROUP BY ?actor ORDER BY DESC(?n) ?actor"""
    )
    answer = store.query(sparql, use_default_graph_as_union=True)
    actors = [str(row["actor"].value) for row in answer]  # type: ignore[union-attr]
    for preferred in PREFERRED_ACTORS:
        for actor in actors:
            if actor.endswith(f"/entity/{preferred}"):
                return URIRef(actor)
    return URIRef(actors[0]) if actors else None


if __name__ == "__main__":
    sys.exit(main())
