"""The in-memory backend: an rdflib `Dataset` whose default graph is the union of its graphs.

For tests, one-off extractions and small experiments; nothing is kept after `close()`. rdflib
is not thread-safe for writes, so every operation holds the store's lock. Its updates are not
transactional: a failing `update()` may leave part of its changes (article writes cannot fail
half-way: their terms are validated before the first one is added).

It never fetches: rdflib would download a `FROM`/`USING` graph it does not hold and the
source of a `LOAD`, so graph loading is switched off for the process (`SPARQL_LOAD_GRAPHS`)
and `LOAD` is refused. (`SERVICE` is refused or allowed by `graph.federation`, before a
query reaches any backend.)
"""

from __future__ import annotations

import pyoxigraph as ox
import rdflib.plugins.sparql
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery, prepareUpdate
from rdflib.query import Result
from rdflib.term import Variable

from conflict_kg.graph.errors import InvalidQueryError, QueryTimeoutError, StoreError
from conflict_kg.graph.store.base import NO_OPTIONS, QueryOptions, Store
from conflict_kg.graph.store.federation import RemoteAccessRefused
from conflict_kg.graph.store.terms import from_ox_triple

__all__ = ["MemoryStore"]

# Process-wide: with it on, a FROM naming a graph the dataset lacks is fetched from the web.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


class MemoryStore(Store):
    """rdflib's in-memory Dataset with `default_union=True`."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self._dataset = Dataset(default_union=True)

    def _query(
        self,
        sparql: str,
        bindings: dict[str, URIRef | Literal],
        options: QueryOptions = NO_OPTIONS,
    ) -> Result:
        # Parsed without the dataset's namespace bindings, so a query that forgets a PREFIX
        # fails here as it does on Oxigraph and on a remote endpoint.
        try:
            prepared = prepareQuery(sparql)
        except Exception as error:
            raise InvalidQueryError(f"invalid SPARQL query: {error}") from error
        with self._write_lock:
            dataset = self._restricted(options)
            try:
                result = dataset.query(prepared, initBindings=bindings)
                if result.type == "SELECT":
                    rows = []
                    for row in result:  # evaluated lazily, row by row, under the lock
                        options.check_deadline()
                        rows.append(row.asdict())  # type: ignore[union-attr]
                        if options.max_rows is not None and len(rows) > options.max_rows:
                            break
                    selected = Result("SELECT")
                    selected.vars = result.vars
                    selected.bindings = [{Variable(k): v for k, v in row.items()} for row in rows]
                    result = selected
            except QueryTimeoutError:
                raise
            except Exception as error:
                raise StoreError(f"query failed: {error}") from error
        return result

    def _restricted(self, options: QueryOptions) -> Dataset:
        """The dataset a protocol request names: a copy holding only those graphs."""
        if options.default_graphs is None and options.named_graphs is None:
            return self._dataset
        dataset = Dataset(default_union=False)
        default = dataset.default_context
        for iri in options.default_graphs or ():
            for triple in self._dataset.graph(iri):
                default.add(triple)
        names = options.named_graphs
        if names is None:
            names = tuple(
                g.identifier for g in self._dataset.contexts() if isinstance(g.identifier, URIRef)
            )
        for iri in names:
            target = dataset.graph(iri)
            for triple in self._dataset.graph(iri):
                target.add(triple)
        return dataset

    def _update(self, sparql: str) -> None:
        try:
            prepared = prepareUpdate(sparql)
        except Exception as error:
            raise InvalidQueryError(f"invalid SPARQL update: {error}") from error
        for operation in prepared.algebra:
            if operation.name == "Load":
                raise RemoteAccessRefused(
                    "LOAD",
                    f"<{dict.get(operation, 'iri')}>",
                    "the in-memory store never fetches graphs",
                )
        try:
            self._dataset.update(prepared)
        except Exception as error:
            raise StoreError(f"update failed: {error}") from error

    def _insert(self, graph_iri: URIRef, quads: list[ox.Quad]) -> None:
        """Each quad into its own graph: an article's, and its ingest stamp's."""
        contexts = {graph_iri: self._dataset.graph(graph_iri)}

        def context(quad: ox.Quad) -> Graph:
            name = quad.graph_name
            iri = URIRef(name.value) if isinstance(name, ox.NamedNode) else graph_iri
            if iri not in contexts:
                contexts[iri] = self._dataset.graph(iri)
            return contexts[iri]

        self._dataset.addN((*from_ox_triple(quad), context(quad)) for quad in quads)

    def _drop(self, graph_iri: URIRef) -> None:
        self._dataset.remove_graph(graph_iri)

    def _replace(self, graph_iri: URIRef, quads: list[ox.Quad]) -> None:
        """rdflib's update parser is slow on a large INSERT DATA; the write lock already
        makes this one step for the threads of the process that holds the store."""
        self._drop(graph_iri)
        if quads:
            self._insert(graph_iri, quads)

    def _close(self) -> None:
        self._dataset = Dataset(default_union=True)
