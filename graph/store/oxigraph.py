"""The default backend: embedded, persistent Oxigraph (RocksDB) at a local directory.

pyoxigraph is used directly rather than through oxrdflib's rdflib Store: we need the union
default graph, transactional `extend` for whole articles, native serialisation for exports,
and results in the same rdflib form as the other backends (oxrdflib returns plain literals
as `xsd:string`-typed ones, which do not compare equal to what rdflib's parsers and
in-memory store produce). Bindings are a trailing VALUES clause rather than pyoxigraph's
`substitutions`, which in 0.5 refuse variables that a SELECT does not project.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.query import Result

from conflict_kg.graph.errors import InvalidQueryError, StoreError
from conflict_kg.graph.store.base import (
    NO_OPTIONS,
    QUAD_FORMATS,
    QueryOptions,
    Store,
    store_query,
    values_clause,
)
from conflict_kg.graph.store.results import to_result
from conflict_kg.graph.store.stamps import BOOKKEEPING_GRAPHS, INGEST_GRAPH
from conflict_kg.graph.store.terms import ArticleQuads, insert_data, to_ox_iri
from conflict_kg.graph.store.workers import QueryWorkers
from conflict_kg.ontologies import CK, CKID, PREFIXES

__all__ = ["OxigraphStore"]

_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
}
_WITH_PREFIXES = {"trig", "turtle"}

BULK_QUADS = 20_000
"""A batch of at least this many quads goes through the bulk loader (`_insert_many`)."""
FLUSH_QUADS = 50_000
"""Quads written in transactions after which RocksDB's memtables are flushed to disk
(`_written`). Oxigraph lets each of its dozen column families buffer 128 MB before it
flushes on its own, so without this the memory of a long ingest or a long-running server
grew with everything written since the store was opened (a serial ingest of 2,400
articles: 705 MB at its peak, 477 MB with this, for the same CPU time)."""
BULK_JOURNAL = "conflict-kg-bulk-load.pending"
"""A file in the store's directory (RocksDB leaves files it does not know alone): the IRIs
of the articles a bulk load is writing, one a line, until the load has returned."""
PENDING_GRAPH = CKID["graph/pending"]
"""Where stores written before `BULK_JOURNAL` listed those articles (still read on opening);
never an article graph."""
_PENDING_GRAPH = ox.NamedNode(str(PENDING_GRAPH))
_INGEST_GRAPH = ox.NamedNode(str(INGEST_GRAPH))
_BOOKKEEPING = frozenset(ox.NamedNode(str(g)) for g in BOOKKEEPING_GRAPHS)
_PENDING = ox.NamedNode(f"{PENDING_GRAPH}#writing")
_TYPE = ox.NamedNode(str(RDF.type))
_ARTICLE = ox.NamedNode(str(CK.Article))


class OxigraphStore(Store):
    """Embedded Oxigraph: one process at a time holds the directory (RocksDB's lock)."""

    bulk_derived = True

    def __init__(self, location: str, url: str) -> None:
        super().__init__(url)
        self.location = location
        self._workers: QueryWorkers | None = None
        self._unflushed = 0
        """About how many quads transactions have written since the last flush."""
        path = Path(location).expanduser()
        self._journal = path / BULK_JOURNAL
        try:
            path.mkdir(parents=True, exist_ok=True)
            self._store: ox.Store | None = ox.Store(str(path))
        except OSError as error:
            message = str(error)
            if "current process" in message:
                raise StoreError(
                    f"store {location} is already open in this process; close it first "
                    "or use a different --store"
                ) from error
            if "lock" in message.lower():
                raise StoreError(
                    f"store {location} is in use by another process; "
                    "stop the server or use a different --store"
                ) from error
            raise StoreError(f"cannot open store {location}: {message}") from error
        try:
            self._recover()
        except OSError as error:
            raise StoreError(f"cannot recover store {location}: {error}") from error

    @property
    def _inner(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"store {self.url} is closed")
        return self._store

    def _query(
        self,
        sparql: str,
        bindings: dict[str, URIRef | Literal],
        options: QueryOptions = NO_OPTIONS,
    ) -> Result:
        # Not pyoxigraph's `substitutions`: they refuse `?g` in "SELECT ?s ?p ?o WHERE
        # { GRAPH ?g {...} }". This VALUES clause is the one rdflib sends to remote
        # endpoints, so the two backends agree.
        sparql += values_clause(bindings)
        if options.deadline is not None:
            return self._query_isolated(sparql, options)
        dataset: dict[str, object] = {"use_default_graph_as_union": True}
        if options.default_graphs is not None:
            dataset = {"default_graph": [to_ox_iri(g) for g in options.default_graphs]}
        if options.named_graphs is not None:
            dataset["named_graphs"] = [to_ox_iri(g) for g in options.named_graphs]
        try:
            answer = self._inner.query(sparql, **dataset)  # type: ignore[arg-type]
            return to_result(answer, options)
        except SyntaxError as error:
            raise InvalidQueryError(f"invalid SPARQL query: {error}") from error
        except OSError as error:
            raise StoreError(f"query failed on store {self.location}: {error}") from error

    def _query_isolated(self, sparql: str, options: QueryOptions) -> Result:
        """A query with a deadline runs in a killable worker over a snapshot of the store.

        A deadline already past stops the query before it starts: a worker that answers a
        tiny query within its last few milliseconds would otherwise let it through."""
        options.check_deadline()
        if self._workers is None:
            self._workers = QueryWorkers()
        inner = self._inner

        def backup(path: str) -> None:
            inner.flush()
            inner.backup(path)

        try:
            snapshot = self._workers.snapshot(self._writes, backup)
        except OSError as error:
            raise StoreError(f"cannot snapshot store {self.location}: {error}") from error
        assert options.deadline is not None
        return self._workers.run(
            snapshot,
            sparql,
            None if options.default_graphs is None else tuple(map(str, options.default_graphs)),
            None if options.named_graphs is None else tuple(map(str, options.named_graphs)),
            options.max_rows,
            options.deadline - time.monotonic(),
        )

    def _update(self, sparql: str) -> None:
        try:
            self._inner.update(sparql)
        except SyntaxError as error:
            raise InvalidQueryError(f"invalid SPARQL update: {error}") from error
        except OSError as error:
            raise StoreError(f"update failed on store {self.location}: {error}") from error
        self._written(len(sparql) // 100)  # about a quad per 100 characters of update

    def _insert(self, graph_iri: URIRef, quads: list[ox.Quad]) -> None:
        try:
            self._inner.extend(quads)
        except OSError as error:
            raise StoreError(f"cannot write <{graph_iri}> to {self.location}: {error}") from error
        self._written(len(quads))

    def _insert_many(self, articles: list[tuple[URIRef, ArticleQuads]]) -> None:
        """A batch in one transaction; a large one through RocksDB's bulk loader.

        The batch goes in as one N-Quads document (an article's bytes as a worker sent
        them, or its quads serialised here), parsed by Oxigraph as it loads: no Python
        object per quad. `bulk_load` writes sorted files straight into the database, about
        twice as fast as a transaction, but without one: a crash half-way could leave half
        an article, which `has_article` would then take for a stored one. So the batch's
        article IRIs are first written to the journal file `BULK_JOURNAL`, which is removed
        once the load has returned; opening the store drops the graphs of any article still
        listed there, so the next run extracts and writes them again, and a load that fails
        (a statement that does not parse) drops them at once. The journal is a file, not
        quads: a write to the database between two bulk loads would make RocksDB flush it
        to a file of its own before each load and merge those files again (a fifth of the
        writer's CPU time in a 10,000-article ingest).
        """
        data = b"".join(
            quads if isinstance(quads, bytes) else ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
            for _, quads in articles
        )
        lines = data.count(b"\n")
        try:
            # Loading a document renames its blank nodes (and would make one of two articles'
            # same labels): a batch that may hold one goes in as quads, labels kept.
            quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS)) if b"_:" in data else None
            if lines < BULK_QUADS:  # one transaction
                if quads is None:
                    self._inner.load(data, format=ox.RdfFormat.N_QUADS)
                else:
                    self._inner.extend(quads)
            else:
                load = (
                    partial(self._inner.bulk_load, data, format=ox.RdfFormat.N_QUADS)
                    if quads is None
                    else partial(self._inner.bulk_extend, quads)
                )
                self._bulk_load([iri for iri, _ in articles], load)
        except SyntaxError as error:
            raise StoreError(f"cannot write a batch of articles: {error}") from error
        except OSError as error:
            raise StoreError(
                f"cannot write a batch of articles to {self.location}: {error}"
            ) from error
        if lines < BULK_QUADS:
            self._written(lines)

    def _bulk_load(self, graphs: list[URIRef], load: Callable[[], None]) -> None:
        """Run `load`, a bulk load into `graphs`, between writing the journal that lists them
        and removing it (`_insert_many`); a load that does not parse is undone at once."""
        _write_durably(self._journal, "".join(f"{iri}\n" for iri in graphs))
        try:
            load()
        except SyntaxError:
            self._recover()
            raise
        self._journal.unlink()

    def _written(self, quads: int) -> None:
        """Flush the memtables once `FLUSH_QUADS` have gone into them: memory then follows
        the writes of the last few batches, not of the whole run. The bulk loader writes
        sorted files directly and never fills them."""
        self._unflushed += quads
        if self._unflushed >= FLUSH_QUADS:
            self._unflushed = 0
            try:
                self._inner.flush()
            except OSError as error:  # the write itself is committed: say what failed
                raise StoreError(
                    f"written, but flushing store {self.location} to disk failed: {error}"
                ) from error

    def _recover(self) -> None:
        """Drop what an interrupted bulk load may have half-written (see `_insert_many`)."""
        listed = self._journal.read_text().split() if self._journal.exists() else []
        pending = [ox.NamedNode(iri) for iri in listed] + [
            quad.subject
            for quad in self._inner.quads_for_pattern(None, _PENDING, None, _PENDING_GRAPH)
        ]
        for article in pending:
            assert isinstance(article, ox.NamedNode)
            self._inner.remove_graph(article)
            for stamp in list(self._inner.quads_for_pattern(article, None, None, _INGEST_GRAPH)):
                self._inner.remove(stamp)  # its ingest stamp, written with it
        if pending:
            self._inner.remove_graph(_PENDING_GRAPH)
            self._inner.flush()
        self._journal.unlink(missing_ok=True)

    def _present(self, graph_iris: list[URIRef]) -> set[URIRef]:
        """One index lookup per graph rather than a query: the ingest asks it per batch."""
        inner = self._inner
        return {
            iri
            for iri in graph_iris
            if next(iter(inner.quads_for_pattern(None, _TYPE, _ARTICLE, to_ox_iri(iri))), None)
            is not None
        }

    def _replace(self, graph_iri: URIRef, quads: list[ox.Quad]) -> None:
        """Only the difference, in one update: a resolution graph mostly stays the same
        from one rebuild to the next, and parsing all of it again was most of the time."""
        if not quads:  # emptied: no need to read the old quads, nor to spell them out
            self._drop(graph_iri)
            return
        old = set(self._inner.quads_for_pattern(None, None, None, to_ox_iri(graph_iri)))
        new = set(quads)
        if not old and len(new) >= BULK_QUADS:  # a large first write: the bulk loader
            self._bulk_derived(graph_iri, list(new))
            return
        if not old:  # a first write: one transaction, without an update's text to parse
            self._insert(graph_iri, list(new))
            return
        if any(isinstance(t, ox.BlankNode) for q in old ^ new for t in (q.subject, q.object)):
            super()._replace(graph_iri, quads)  # DELETE DATA cannot name a blank node
            return
        parts = []
        if old - new:
            parts.append(insert_data(graph_iri, old - new, verb="DELETE"))
        if new - old:
            parts.append(insert_data(graph_iri, new - old))
        if parts:
            self._update(" ;\n".join(parts))

    def _bulk_derived(self, graph_iri: URIRef, quads: list[ox.Quad]) -> None:
        """A derived graph written whole through the bulk loader, a fifth of the CPU of a
        transaction and its flush (a 10,000-article rebuild's 160,000 quads: 0.9 s against
        4.5 s). Journaled as a bulk load of articles is (`_insert_many`): a crash half-way
        leaves the graph listed, and opening the store drops it, so the next resolution
        finds none and rebuilds it."""
        try:
            self._bulk_load([graph_iri], partial(self._inner.bulk_extend, quads))
        except OSError as error:
            raise StoreError(f"cannot write <{graph_iri}> to {self.location}: {error}") from error

    def _drop(self, graph_iri: URIRef) -> None:
        try:
            self._inner.remove_graph(to_ox_iri(graph_iri))
        except OSError as error:
            raise StoreError(f"cannot drop <{graph_iri}> in {self.location}: {error}") from error

    def _serialize(self, fmt: str) -> bytes:
        if fmt in QUAD_FORMATS:
            items: list[ox.Quad] | list[ox.Triple] = [
                quad
                for quad in self._inner.quads_for_pattern(None, None, None, None)
                if not isinstance(quad.graph_name, ox.DefaultGraph)
                and quad.graph_name not in _BOOKKEEPING  # stamps, entity facts (`stamps`)
            ]
        else:
            answer = self._inner.query(
                store_query("union_triples"), use_default_graph_as_union=True
            )
            assert isinstance(answer, ox.QuerySolutions)
            items = [ox.Triple(row["s"], row["p"], row["o"]) for row in answer]
        prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
        output = ox.serialize(
            items, format=_FORMATS[fmt], prefixes=prefixes if fmt in _WITH_PREFIXES else None
        )
        assert output is not None
        return output

    def _close(self) -> None:
        if self._workers is not None:
            self._workers.close()
            self._workers = None
        store, self._store = self._store, None
        if store is not None:
            store.flush()
        # Dropping the last reference closes RocksDB and releases the directory lock.
        del store


def _write_durably(path: Path, text: str) -> None:
    """`text` in file `path`, whole or not at all, on disk before this returns: written
    beside it, synced, then renamed over it."""
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
