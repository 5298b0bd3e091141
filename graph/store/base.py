"""The `Store` interface that all three backends share, and the logic written once for them.

A backend only knows how to run a query, run an update, write a validated list of quads into
one named graph and drop one named graph (`_query`, `_update`, `_insert`, `_drop`). Everything
callers see — idempotent article writes, article listing, copies, exports, statistics — is
written here over those four hooks and the named SPARQL queries in `graph/queries/store_*.rq`,
so the backends cannot drift apart.
"""

from __future__ import annotations

import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from types import TracebackType
from typing import Any, Self, TypeVar

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.query import Result
from rdflib.term import Node

from conflict_kg.graph.errors import QueryTimeoutError, StoreError
from conflict_kg.graph.store.stamps import ingest_time, stamp, unstamp
from conflict_kg.graph.store.terms import (
    ArticleQuads,
    article_quads,
    as_quads,
    checked_nquads,
    from_ox,
    insert_data,
    to_ox,
)
from conflict_kg.ontologies import CK, bind_prefixes, load_ontology

T = TypeVar("T")

__all__ = [
    "ENTITY_CLASSES",
    "EXPORT_FORMATS",
    "QueryOptions",
    "Store",
    "StoreStats",
    "checked_bindings",
    "event_classes",
    "store_query",
    "values_clause",
    "values_first",
    "values_rows_clause",
]

ENTITY_CLASSES = (
    "Person",
    "ArmedGroup",
    "StateForce",
    "Government",
    "State",
    "Organization",
    "CommunalGroup",
    "Place",
)
"""Local names of the `ck:` classes counted in `StoreStats.entities_by_type`."""

QUAD_FORMATS = ("trig", "nquads")
TRIPLE_FORMATS = ("turtle", "nt", "json-ld")
EXPORT_FORMATS = QUAD_FORMATS + TRIPLE_FORMATS
"""Quad formats carry every named graph; triple formats carry their union."""

_VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class QueryOptions:
    """What the SPARQL protocol lets a client ask beyond the query text.

    `default_graphs`/`named_graphs` are the protocol's `default-graph-uri` and
    `named-graph-uri` (None: the union of all article graphs, and all of them by name).
    `deadline` is a `time.monotonic()` instant after which reading results stops with
    `QueryTimeoutError`; `max_rows` stops reading after that many rows plus one, so that a
    caller can tell a cut result from a complete one without the store materialising it.
    """

    default_graphs: tuple[URIRef, ...] | None = None
    named_graphs: tuple[URIRef, ...] | None = None
    deadline: float | None = None
    max_rows: int | None = None

    def check_deadline(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise QueryTimeoutError("the query ran past its time limit and was stopped")


NO_OPTIONS = QueryOptions()


@cache
def store_query(name: str) -> str:
    """The text of `graph/queries/store_<name>.rq`, read once per process."""
    query = files("conflict_kg.graph.queries").joinpath(f"store_{name}.rq")
    return query.read_text(encoding="utf-8")


@cache
def event_classes() -> tuple[URIRef, ...]:
    """The ontology's event classes: `ck:Event` and its `ck:` subclasses, at any depth.

    Read from the ontology rather than listed here so that adding an event class to
    `conflict.ttl` is enough for it to show up in `stats()`.
    """
    try:
        ontology = load_ontology()
    except OSError as error:
        raise StoreError(f"cannot read the ontology to list the event classes: {error}") from error
    classes = {
        cls
        for cls in ontology.transitive_subjects(RDFS.subClassOf, CK.Event)
        if isinstance(cls, URIRef) and str(cls).startswith(str(CK))
    }
    return tuple(sorted(classes))


def checked_bindings(bindings: Mapping[str, Node] | None) -> dict[str, URIRef | Literal]:
    """Validate query bindings so that every backend accepts and rejects the same ones.

    Names must be plain SPARQL variable names (`g`, not `?g`): the remote backend writes
    them into a VALUES clause. Values must be IRIs or literals that a store can hold. Blank
    nodes are refused because a SPARQL endpoint cannot be asked about a particular one.
    Values are returned in the stores' normal form (see `graph.store.terms`).
    """
    checked: dict[str, URIRef | Literal] = {}
    for name, value in (bindings or {}).items():
        if not isinstance(name, str) or not _VARIABLE_NAME.fullmatch(name):
            raise StoreError(
                f"invalid variable name {name!r} in bindings: use letters, digits and _ "
                "without the leading ?"
            )
        if isinstance(value, BNode):
            raise StoreError(f"?{name} is bound to a blank node; bind IRIs or literals only")
        if not isinstance(value, URIRef | Literal):
            raise StoreError(
                f"?{name} must be bound to an rdflib URIRef or Literal, not {type(value).__name__}"
            )
        # Through pyoxigraph and back: refuses what no store holds and gives the in-memory
        # store the normal form it stores (Literal("x", datatype=XSD.string) -> "x").
        normal = from_ox(to_ox(value))
        assert isinstance(normal, URIRef | Literal)
        checked[name] = normal
    return checked


def values_clause(bindings: Mapping[str, URIRef | Literal]) -> str:
    """A trailing `VALUES` clause for checked bindings, terms written by rdflib's `n3()`.

    The same text rdflib's SPARQLStore appends for remote endpoints: string escaping is
    rdflib's, and `checked_bindings` has already refused anything `n3()` could not write
    safely (malformed IRIs, blank nodes, odd variable names).
    """
    if not bindings:
        return ""
    return values_rows_clause(tuple(bindings), [tuple(bindings.values())])


def values_rows_clause(names: Sequence[str], rows: Iterable[Sequence[URIRef | Literal]]) -> str:
    """A trailing `VALUES` clause of several rows of checked terms, written as in
    `values_clause`: how one request asks the same question about many nodes."""
    head = " ".join(f"?{name}" for name in names)
    body = " ".join(f"( {' '.join(term.n3() for term in row)} )" for row in rows)
    return f"\nVALUES ( {head} )\n{{ {body} }}\n"


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def values_first(
    sparql: str, names: Sequence[str], rows: Iterable[Sequence[URIRef | Literal]]
) -> str:
    """The query with a VALUES block of checked terms placed first inside its outermost
    WHERE group (after the query when it has no WHERE keyword). For the bindings `Store.query`
    allows this means the same as a trailing clause, and engines join it earlier: Oxigraph
    evaluates a flat OPTIONAL chain for one value instead of all (50 times faster, measured),
    and Virtuoso gets a trailing one wrong (see `SparqlStore`)."""
    block = values_rows_clause(names, rows).strip()
    for found in _WHERE.finditer(sparql):
        line_start = sparql.rfind("\n", 0, found.start()) + 1
        if "#" in sparql[line_start : found.start()]:
            continue  # in a comment
        return f"{sparql[: found.end()]}\n  {block}\n{sparql[found.end() :]}"
    return f"{sparql}\n{block}\n"


def _checked_graph_iri(graph_iri: URIRef) -> URIRef:
    if not isinstance(graph_iri, URIRef):
        raise StoreError(f"a graph name must be an rdflib URIRef, not {type(graph_iri).__name__}")
    return graph_iri


def _count(result: Result) -> int:
    row = next(iter(result))
    return int(str(row[0]))


def _utc(value: Node) -> str:
    """An xsd:dateTime as `stats()` reports it: ISO 8601 in UTC, to the second, "Z"."""
    text = str(value)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text  # not ours; shown as stored
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class StoreStats:
    """What the store holds, for `conflict-kg stats` and `/stats`.

    `triples` counts quads in article graphs (a fact stated by two articles counts twice);
    the per-type counts are distinct subjects with that asserted `rdf:type`, keyed by the
    class's local name, every class listed even when its count is 0.
    """

    articles: int
    triples: int
    entities_by_type: dict[str, int]
    events_by_type: dict[str, int]
    derived_triples: int = 0
    """Quads of the resolution graph, derived from the articles (not in `triples`)."""
    incidents: int = 0
    """Canonical incidents from cross-article resolution; `events_by_type` counts reports,
    one per article that reports an incident."""
    last_ingest: str | None = None
    """When the most recently stored article was written (ISO 8601, UTC, to the second:
    `2026-12-06T11:40:00Z`); None when no stored article carries an ingest stamp."""


class Store(ABC):
    """An RDF dataset with one named graph per article, over one of three backends.

    Open one with `graph.store.open_store(url)`; callers never need to know which backend
    they hold. Every result is made of rdflib terms in the same normal form on every
    backend. A store is a context manager; `close()` releases it (for the embedded
    backend: the directory lock, so another process may open it).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._closed = False
        # Makes "is it there? then write it" one step for the threads of this process.
        self._write_lock = threading.RLock()
        self._writes = 0
        self._memo: tuple[int, dict[Hashable, Any]] = (0, {})

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.url!r}{' closed' if self._closed else ''}>"

    def exclusive(self) -> AbstractContextManager[bool]:
        """Hold while reading something and writing what was derived from it, so that no
        other thread of this process writes in between (`graph.resolve` rebuilds under it)."""
        return self._write_lock

    @property
    def generation(self) -> int | None:
        """A number that changes with every write made through this object, for callers
        that cache what they read; None when others may write behind its back (a remote
        endpoint), so nothing read from it may be cached."""
        return self._writes

    @property
    def writable(self) -> bool:
        """False for a remote store opened without an update endpoint."""
        return True

    bulk_derived = False
    """Whether `replace_graph` of an empty derived graph takes any number of quads at the
    cost of a bulk load (the embedded store); a store that writes through update requests
    is better given a large derived graph in chunks."""

    # Verbs -------------------------------------------------------------------------------

    def add_article(self, graph_iri: URIRef, graph: Graph) -> bool:
        """Write all triples of `graph` into the named graph `graph_iri`, atomically.

        Idempotent, because an article's identity is its text's hash: returns False and
        writes nothing when that named graph already holds triples, True after writing all
        of them. The whole graph is read and validated first, so an invalid term or an
        error while iterating `graph` raises (`StoreError` for terms) with nothing written;
        the write itself is one transaction (one `INSERT DATA` request on a remote store),
        the article's ingest stamp (`graph.store.stamps`) written in it.
        """
        self._check_writable()
        graph_iri = _checked_graph_iri(graph_iri)
        quads = article_quads(graph_iri, graph)
        if not quads:
            raise StoreError(f"refusing to store an empty graph as article <{graph_iri}>")
        with self._write_lock:
            if self.has_article(graph_iri):
                return False
            self._counted(self._insert, graph_iri, [*quads, stamp(graph_iri, ingest_time())])
        return True

    def add_articles(self, articles: Sequence[tuple[URIRef, ArticleQuads]]) -> list[bool]:
        """Write many articles at once: the bulk path of a large ingest.

        Each entry is an article's graph IRI and its quads, every quad in that graph: from
        `terms.article_quads`, or as the N-Quads bytes pyoxigraph serialises them to (a Dask
        worker's answer, which the embedded store loads without parsing it into Python;
        checked with `terms.checked_nquads`). Like `add_article` for each: an article
        already stored (or twice in `articles`) is skipped and gets False; each article is
        written whole or not at all. The backend writes the batch in as few transactions as
        it can (one on the embedded store, one request per few MB on a remote one), which
        is what makes a large ingest fast; its quads are checked before anything is written.
        Each new article's ingest stamp, one time for the batch, goes with its quads.
        """
        self._check_writable()
        checked: list[tuple[URIRef, ArticleQuads]] = []
        for graph_iri, quads in articles:
            graph_iri = _checked_graph_iri(graph_iri)
            listed: ArticleQuads = quads if isinstance(quads, bytes) else list(quads)
            if not listed:
                raise StoreError(f"refusing to store an empty graph as article <{graph_iri}>")
            if isinstance(listed, bytes):
                checked_nquads(graph_iri, listed)
            else:
                name = to_ox(graph_iri)
                if any(quad.graph_name != name for quad in listed):
                    raise StoreError(f"a quad of article <{graph_iri}> is outside its graph")
            checked.append((graph_iri, listed))
        with self._write_lock:
            present = self.stored_articles([iri for iri, _ in checked])
            fresh: dict[URIRef, ArticleQuads] = {}
            added = []
            now = ingest_time()
            for graph_iri, quads in checked:
                new = graph_iri not in present and graph_iri not in fresh
                if new:
                    stamped = stamp(graph_iri, now)
                    fresh[graph_iri] = (
                        quads + ox.serialize([stamped], format=ox.RdfFormat.N_QUADS)
                        if isinstance(quads, bytes)
                        else [*quads, stamped]
                    )
                added.append(new)
            if fresh:
                self._counted(self._insert_many, list(fresh.items()))
        return added

    def stored_articles(self, graph_iris: Sequence[URIRef]) -> set[URIRef]:
        """Which of `graph_iris` already hold an article (a `ck:Article`): `has_article`
        for a whole batch, in one request (a streaming ingest asks it before extracting)."""
        self._check_open()
        iris = [_checked_graph_iri(iri) for iri in graph_iris]
        if not iris:
            return set()
        return self._present(iris)

    def replace_graph(self, graph_iri: URIRef, graph: Graph | Sequence[ox.Quad]) -> None:
        """Make the named graph `graph_iri` hold exactly the triples of `graph`, in one step.

        For derived graphs that are rebuilt as a whole (`graph.resolve`'s), never for an
        article: articles are written once by `add_article` and removed by `remove_article`.
        An empty `graph` drops the named graph. `graph` may be quads already in that graph
        (a large derived table is smaller as pyoxigraph quads than as an rdflib graph).
        """
        self._check_writable()
        graph_iri = _checked_graph_iri(graph_iri)
        quads = (
            article_quads(graph_iri, graph) if isinstance(graph, Graph) else list(graph)
        )
        if any(quad.graph_name != to_ox(graph_iri) for quad in quads):
            raise StoreError(f"a quad given to replace <{graph_iri}> is outside it")
        with self._write_lock:
            if self._query(store_query("is_article_graph"), {"g": graph_iri}).bindings:
                raise StoreError(f"<{graph_iri}> is an article's graph; it cannot be replaced")
            self._counted(self._replace, graph_iri, quads)

    def patch_graph(
        self,
        graph_iri: URIRef,
        remove: Graph,
        add: Graph,
        moved: tuple[Collection[ox.Quad], Collection[ox.Quad]] = ((), ()),
    ) -> None:
        """Take the triples of `remove` out of the derived graph `graph_iri` and put those of
        `add` in, in one write (an update; a plain insert when nothing is taken out): how
        incremental resolution changes only what it touched.
        `moved` are quads to take out of and put into other derived graphs in the same
        update (each quad names its graph: the entity facts moved with resolution).
        Like `replace_graph`, never for an article's graph."""
        self._check_writable()
        graph_iri = _checked_graph_iri(graph_iri)
        taken, put = set(moved[0]), set(moved[1])
        gone = [*article_quads(graph_iri, remove - add), *(taken - put)]
        new = [*article_quads(graph_iri, add - remove), *(put - taken)]
        graphs = {graph_iri} | {URIRef(q.graph_name.value) for q in taken | put}  # type: ignore[union-attr]
        with self._write_lock:
            for name in sorted(graphs):
                if self._query(store_query("is_article_graph"), {"g": name}).bindings:
                    raise StoreError(f"<{name}> is an article's graph; it cannot be patched")
            if new and not gone:  # only additions: a plain insert, no update text to parse
                self._counted(self._insert, graph_iri, new)
            elif gone:
                parts = [insert_data(graph_iri, gone, verb="DELETE")]
                parts += [insert_data(graph_iri, new)] if new else []
                self._counted(self._update, " ;\n".join(parts))

    def has_article(self, graph_iri: URIRef) -> bool:
        """Whether the named graph `graph_iri` holds at least one triple."""
        self._check_open()
        graph_iri = _checked_graph_iri(graph_iri)
        return bool(self._query(store_query("graph_exists"), {"g": graph_iri}).bindings)

    def remove_article(self, graph_iri: URIRef) -> bool:
        """Drop the named graph `graph_iri` and every triple in it; False if it held none.

        Only that graph changes: a fact also stated by another article stays, in that
        article's graph. The article's ingest stamp goes with it.
        """
        self._check_writable()
        graph_iri = _checked_graph_iri(graph_iri)
        with self._write_lock:
            if not self.has_article(graph_iri):
                return False
            self._counted(self._drop_stamped, graph_iri)
        return True

    def _drop_stamped(self, graph_iri: URIRef) -> None:
        """One write (one generation step, so a pass that knows this write may move the
        lookup tables over it): the stamp first, so that a crash in between leaves an
        unstamped article, never a stamp of an article that is gone."""
        self._update(unstamp(graph_iri))
        self._drop(graph_iri)

    def article_graphs(self) -> list[URIRef]:
        """The IRIs of the named graphs that hold a `?a a ck:Article`, in IRI order."""
        self._check_open()
        return [URIRef(row[0]) for row in self._query(store_query("article_graphs"), {})]

    def article_graph(self, graph_iri: URIRef) -> Graph:
        """A copy of the triples of named graph `graph_iri` (empty if there is none).

        A copy, with our prefixes bound, so that callers can serialise or change it without
        touching the store.
        """
        self._check_open()
        graph_iri = _checked_graph_iri(graph_iri)
        copy = bind_prefixes(Graph(identifier=graph_iri))
        for row in self._query(store_query("graph_triples"), {"g": graph_iri}):
            copy.add((row[0], row[1], row[2]))
        return copy

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        options: QueryOptions | None = None,
    ) -> Result:
        """Run a SPARQL 1.1 query; its default graph is the union of all named graphs.

        `bindings` maps variable names (without `?`) to rdflib IRIs or literals, checked
        and never pasted as user text: pre-bound through rdflib's `initBindings` on the
        in-memory store; on Oxigraph and remote stores a trailing `VALUES` clause written
        from each term's `n3()` (rdflib's SPARQLStore does this for the remote one). The
        two agree when the WHERE clause always binds the variable: do not bind one that
        occurs only inside OPTIONAL, a subquery, EXISTS or MINUS, and with GROUP BY bind
        only grouping keys. A query must not end with its own VALUES clause.

        A remote endpoint must itself be configured to query the union of its named graphs
        by default: `oxigraph serve --union-default-graph`, Fuseki `tdb2:unionDefaultGraph
        true`, Virtuoso (does so by default). Prefixes are not predeclared: queries carry
        their own `PREFIX` lines, as on any endpoint.

        Returns an rdflib `Result` (rows of rdflib terms, `askAnswer`, or `graph`); raises
        `InvalidQueryError` for malformed SPARQL, `QueryTimeoutError` past
        `options.deadline` and `StoreError` for other failures.
        """
        self._check_open()
        return self._query(sparql, checked_bindings(bindings), options or NO_OPTIONS)

    def query_each(
        self,
        sparql: str,
        variable: str,
        values: Sequence[Node],
        bindings: Mapping[str, Node] | None = None,
        options: QueryOptions | None = None,
        first: bool = False,
    ) -> Result:
        """Run `sparql` once for every value of `variable`, in one request.

        A page of fifty incidents would otherwise cost fifty round trips per question;
        here they become the rows of one trailing `VALUES` clause (with `bindings` repeated
        in every row), terms checked as in `query` and written by rdflib's `n3()` on every
        backend. The same cautions as for `bindings` apply, and the query must select
        `variable` for its rows to say which value they answer. No values, no rows.
        `first` places the values first in the WHERE group (`values_first`) on every
        backend; remote stores always do.
        """
        self._check_open()
        fixed = checked_bindings(bindings)
        if variable in fixed:
            raise StoreError(f"?{variable} is both bound and iterated; bind it one way")
        each = [checked_bindings({variable: value})[variable] for value in values]
        if not each:
            empty = Result("SELECT")
            empty.vars = []
            empty.bindings = []
            return empty
        names = (*fixed, variable)
        rows = [(*fixed.values(), value) for value in each]
        text = (
            values_first(sparql, names, rows) if first else self._with_values(sparql, names, rows)
        )
        return self._query(text, {}, options or NO_OPTIONS)

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update, applied atomically by the backend.

        Name graphs explicitly (`GRAPH <g>`, `GRAPH ?g`): articles live in named graphs, and
        unnamed patterns differ by backend (a WHERE sees the union in memory and on
        `oxigraph serve --union-default-graph`, only the default graph on embedded Oxigraph;
        DELETE WHERE reaches into named graphs only in memory). Triples written to the
        default graph are not counted by `stats()` nor exported.
        """
        self._check_writable()
        with self._write_lock:
            self._counted(self._update, sparql)

    def export(self, fmt: str) -> bytes:
        """The store serialised as "trig" or "nquads" (every named graph, as quads) or as
        "turtle", "nt" or "json-ld" (the union of the named graphs, as triples)."""
        self._check_open()
        if fmt not in EXPORT_FORMATS:
            raise StoreError(
                f"unknown export format {fmt!r}; use one of: {', '.join(EXPORT_FORMATS)}"
            )
        return self._serialize(fmt)

    def stats(self) -> StoreStats:
        """Counts of articles, quads, entities by class and events by class, counted once
        per write generation (`memo`): five whole-store counts are most of a `/stats`
        request, and dashboards poll it."""
        self._check_open()
        return self.memo("stats", self._count_stats)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, kept under `key` until this store's next write: paging through a
        list asks the same whole-store question on every page. A store that cannot tell
        when it was written (a remote one: `generation` is None) computes every time. The
        generation is read before computing, so a value computed during a write is filed
        under the generation before it and never served once that write is visible."""
        generation = self.generation
        if generation is None:
            return compute()
        memo = self._memo
        if memo[0] != generation:
            memo = self._memo = (generation, {})
        if key not in memo[1]:
            memo[1][key] = compute()
        return memo[1][key]  # type: ignore[no-any-return]

    def _count_stats(self) -> StoreStats:
        counts = {row[0]: int(str(row[1])) for row in self._query(store_query("count_types"), {})}
        total = _count(self._query(store_query("count_quads"), {}))
        derived = _count(self._query(store_query("count_derived_quads"), {}))
        kept = _count(self._query(store_query("count_bookkeeping_quads"), {}))  # bookkeeping
        last = [row[0] for row in self._query(store_query("last_ingest"), {}) if row[0]]
        prefix = len(str(CK))
        return StoreStats(
            articles=_count(self._query(store_query("count_articles"), {})),
            triples=total - derived - kept,
            derived_triples=derived,
            entities_by_type={name: counts.get(CK[name], 0) for name in ENTITY_CLASSES},
            events_by_type={str(cls)[prefix:]: counts.get(cls, 0) for cls in event_classes()},
            incidents=counts.get(CK.Incident, 0),
            last_ingest=_utc(last[0]) if last else None,
        )

    def close(self) -> None:
        """Release the backend; further calls raise `StoreError`. Safe to call twice."""
        if not self._closed:
            self._closed = True
            self._close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Backend hooks ----------------------------------------------------------------------

    @abstractmethod
    def _query(
        self,
        sparql: str,
        bindings: dict[str, URIRef | Literal],
        options: QueryOptions = NO_OPTIONS,
    ) -> Result:
        """Run a query (by default over the union of the named graphs) with checked bindings."""

    @abstractmethod
    def _update(self, sparql: str) -> None:
        """Run an update as one transaction (one request)."""

    @abstractmethod
    def _insert(self, graph_iri: URIRef, quads: list[ox.Quad]) -> None:
        """Write validated quads as one transaction, each in its own named graph (`graph_iri`
        for one in the default graph): an article's with its ingest stamp, or a derived
        graph's with the entity facts moved beside it."""

    def _insert_many(self, articles: list[tuple[URIRef, ArticleQuads]]) -> None:
        """Write several articles' quads (stamps included); each article all or nothing. By
        default one `_insert` per article, N-Quads parsed first; backends override it with
        fewer, larger transactions."""
        parsed = [(graph_iri, as_quads(quads)) for graph_iri, quads in articles]
        for graph_iri, quads in parsed:  # all parsed first: a bad one writes nothing
            self._insert(graph_iri, quads)

    def _present(self, graph_iris: list[URIRef]) -> set[URIRef]:
        """The graphs of `graph_iris` holding a ck:Article; one query with a VALUES clause."""
        rows = self.query_each(store_query("graphs_present"), "g", graph_iris)
        return {URIRef(row[0]) for row in rows}

    @abstractmethod
    def _drop(self, graph_iri: URIRef) -> None:
        """Remove the named graph `graph_iri` with all its triples."""

    def _replace(self, graph_iri: URIRef, quads: list[ox.Quad]) -> None:
        """Drop and refill one graph as a single SPARQL Update request (one transaction on
        Oxigraph and on SPARQL endpoints that apply a request atomically)."""
        drop = f"DROP SILENT GRAPH {graph_iri.n3()}"
        self._update(f"{drop} ;\n{insert_data(graph_iri, quads)}" if quads else drop)

    @abstractmethod
    def _close(self) -> None:
        """Release backend resources."""

    def _serialize(self, fmt: str) -> bytes:
        """Serialise through rdflib from two SELECTs; backends may do it natively."""
        if fmt in QUAD_FORMATS:
            dataset = bind_prefixes(Dataset())
            contexts: dict[Node, Graph] = {}
            for s, p, o, g in self._query(store_query("quads"), {}):
                if g not in contexts:
                    contexts[g] = dataset.graph(g)
                contexts[g].add((s, p, o))
            return dataset.serialize(format=fmt, encoding="utf-8")
        union = bind_prefixes(Graph())
        for s, p, o in self._query(store_query("union_triples"), {}):
            union.add((s, p, o))
        return union.serialize(format=fmt, encoding="utf-8")

    def _with_values(
        self, sparql: str, names: Sequence[str], rows: Sequence[Sequence[URIRef | Literal]]
    ) -> str:
        """The query with its VALUES rows: a trailing clause by default; a backend whose
        engine mishandles that may place them elsewhere (see `SparqlStore`)."""
        return sparql + values_rows_clause(names, rows)

    def _counted(self, hook: Callable[..., None], *args: object) -> None:
        """Run a write hook, then move `generation` on, even if it failed half-way: a reader
        who sees the new generation must see the write, never the state before it."""
        try:
            hook(*args)
        finally:
            self._writes += 1

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"store {self.url} is closed")

    def _check_writable(self) -> None:
        self._check_open()
        if not self.writable:
            raise StoreError(
                f"read-only remote store {self.url}: no update endpoint; "
                "give one as sparql:QUERY_URL|UPDATE_URL"
            )
