"""The remote backend: any SPARQL 1.1 Query + Update endpoint, through rdflib's
`SPARQLUpdateStore`.

rdflib builds the requests (bindings become a trailing `VALUES` clause made from each term's
`n3()`); this module only replaces its two HTTP calls so that requests are POSTed (long
queries fit), time out, and surface the server's own error text instead of a generic
"you did something wrong". An article is written as one `INSERT DATA { GRAPH <g> { ... } }`
request, which a SPARQL 1.1 server applies atomically.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from io import BytesIO
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import Node, Variable

from conflict_kg.graph.errors import InvalidQueryError, QueryTimeoutError, StoreError
from conflict_kg.graph.store.base import NO_OPTIONS, QueryOptions, Store, values_first
from conflict_kg.graph.store.terms import ArticleQuads, as_quads, insert_data

__all__ = ["SparqlStore"]

DEFAULT_TIMEOUT_S = 60.0
REQUEST_QUADS = 10_000
"""Quads per batched write request (a few MB of SPARQL): see `SparqlStore._insert_many`."""

# Solutions as JSON; graphs (CONSTRUCT, DESCRIBE) in a syntax rdflib parses.
_ACCEPT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "application/n-triples;q=0.8, text/turtle;q=0.7, application/rdf+xml;q=0.6"
)


class _Endpoint(SPARQLUpdateStore):
    """`SPARQLUpdateStore` with POSTed, time-limited requests and readable errors."""

    def __init__(self, query_url: str, update_url: str | None, timeout: float) -> None:
        super().__init__(query_endpoint=query_url, update_endpoint=update_url, autocommit=True)
        self.timeout = timeout

    def _query(
        self, query: str, default_graph: str | None = None, named_graph: str | None = None
    ) -> Result:
        form = {"query": query}
        if default_graph is not None:
            form["default-graph-uri"] = default_graph
        request = Request(
            str(self.query_endpoint),
            data=urlencode(form).encode("utf-8"),
            headers={"Accept": _ACCEPT, "Content-Type": "application/x-www-form-urlencoded"},
        )
        body, content_type = self._send(request)
        return Result.parse(BytesIO(body), content_type=content_type)

    def protocol_query(
        self, query: str, default_graphs: list[str], named_graphs: list[str], timeout: float
    ) -> Result:
        """A query with the protocol's dataset parameters, several of each allowed."""
        form = [("query", query)]
        form += [("default-graph-uri", g) for g in default_graphs]
        form += [("named-graph-uri", g) for g in named_graphs]
        request = Request(
            str(self.query_endpoint),
            data=urlencode(form).encode("utf-8"),
            headers={"Accept": _ACCEPT, "Content-Type": "application/x-www-form-urlencoded"},
        )
        saved, self.timeout = self.timeout, timeout
        try:
            body, content_type = self._send(request)
        finally:
            self.timeout = saved
        return Result.parse(BytesIO(body), content_type=content_type)

    def _update(self, update: str) -> None:
        request = Request(
            str(self.update_endpoint),
            data=update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=UTF-8"},
        )
        self._send(request)

    def _send(self, request: Request) -> tuple[bytes, str]:
        url = request.full_url
        try:
            with urlopen(request, timeout=self.timeout) as response:
                return response.read(), response.headers.get_content_type()
        except HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip()[:2000]
            if error.code == 400:
                raise InvalidQueryError(
                    f"SPARQL endpoint {url} rejected the request: {detail}"
                ) from error
            raise StoreError(
                f"SPARQL endpoint {url} failed (HTTP {error.code}): {detail}"
            ) from error
        except URLError as error:
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {error.reason}") from error
        except OSError as error:  # timeouts, resets
            raise StoreError(f"SPARQL endpoint {url} did not answer: {error}") from error


def _plain(term: Node) -> Node:
    # Some servers label simple literals xsd:string; rdflib then compares them unequal to
    # the plain literals the other backends return.
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


class SparqlStore(Store):
    """A remote SPARQL 1.1 endpoint; read-only when it has no update URL."""

    def __init__(
        self,
        url: str,
        query_url: str,
        update_url: str | None,
        timeout: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        super().__init__(url)
        self.query_url = query_url
        self.update_url = update_url
        self._endpoint = _Endpoint(query_url, update_url, timeout)

    @property
    def writable(self) -> bool:
        return self.update_url is not None

    def _query(
        self,
        sparql: str,
        bindings: dict[str, URIRef | Literal],
        options: QueryOptions = NO_OPTIONS,
    ) -> Result:
        if bindings:
            sparql = self._with_values(sparql, tuple(bindings), [tuple(bindings.values())])
        if options == NO_OPTIONS:
            result = self._endpoint.query(
                sparql, initNs={}, initBindings={}, queryGraph="__UNION__"
            )
        else:
            # The protocol's dataset parameters and a time budget: one direct request.
            options.check_deadline()
            timeout = self._endpoint.timeout
            if options.deadline is not None:
                timeout = max(0.1, min(timeout, options.deadline - time.monotonic()))
            try:
                result = self._endpoint.protocol_query(
                    sparql,
                    [str(g) for g in options.default_graphs or ()],
                    [str(g) for g in options.named_graphs or ()],
                    timeout,
                )
            except StoreError as error:
                if options.deadline is not None and time.monotonic() >= options.deadline:
                    raise QueryTimeoutError(
                        "the query ran past its time limit and was stopped"
                    ) from error
                raise
        if result.type == "SELECT":
            rows = result.bindings
            if options.max_rows is not None:
                rows = rows[: options.max_rows + 1]
            result.bindings = [
                {Variable(name): _plain(term) for name, term in row.items()} for row in rows
            ]
        return result

    def _with_values(
        self, sparql: str, names: Sequence[str], rows: Sequence[Sequence[URIRef | Literal]]
    ) -> str:
        """Always first in the WHERE group (`values_first`): Virtuoso 7 gets a trailing VALUES
        wrong (after SELECT DISTINCT with several rows it answers no rows, on a variable the
        query does not select it fails, after ASK it refuses it)."""
        return values_first(sparql, names, rows)

    def _update(self, sparql: str) -> None:
        try:
            self._endpoint.update(sparql, initNs={}, initBindings={}, queryGraph=None)
        except BaseException:
            # SPARQLUpdateStore keeps a failed edit queued and would resend it with the
            # next update; forget it.
            self._endpoint.rollback()
            raise

    def _insert(self, graph_iri: URIRef, quads: list[ox.Quad]) -> None:
        self._update(insert_data(graph_iri, quads))

    def _insert_many(self, articles: list[tuple[URIRef, ArticleQuads]]) -> None:
        """Several articles per request (one `INSERT DATA` operation each, a request applied
        atomically by a SPARQL 1.1 server), a new request past `REQUEST_QUADS` quads: never
        an article split over two requests, never a request the server's limits refuse."""
        parsed = [(graph_iri, as_quads(quads)) for graph_iri, quads in articles]
        parts: list[str] = []
        size = 0
        for graph_iri, quads in parsed:  # all parsed first: a bad one sends nothing
            if parts and size + len(quads) > REQUEST_QUADS:
                self._update(" ;\n".join(parts))
                parts, size = [], 0
            parts.append(insert_data(graph_iri, quads))
            size += len(quads)
        if parts:
            self._update(" ;\n".join(parts))

    def _drop(self, graph_iri: URIRef) -> None:
        self._update(f"DROP SILENT GRAPH {graph_iri.n3()}")

    @property
    def generation(self) -> int | None:
        """None: other clients may write to the endpoint."""
        return None

    def _close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""
