"""The knowledge graph's store: one `Store` interface over three backends, chosen by URL.

    oxigraph:PATH                 embedded Oxigraph (RocksDB) in directory PATH, created if
                                  missing; the default (`DEFAULT_STORE_URL`). One process at
                                  a time: a second one gets a `StoreError`.
    memory:                       an rdflib Dataset in memory; gone after `close()`.
    sparql:QUERY_URL              a remote SPARQL 1.1 endpoint. If the URL's path ends with
                                  /query (Oxigraph, Fuseki), the update endpoint is the same
                                  URL ending with /update; otherwise the store is read-only.
    sparql:QUERY_URL|UPDATE_URL   a remote endpoint with an explicit update URL.

Each article lives in its own named graph (its IRI is the article's IRI); queries see the
union of all named graphs as their default graph on every backend. Writes of one article are
atomic and idempotent. Callers never need to know which backend they talk to:

    with open_store("oxigraph:./data/store") as store:
        store.add_article(article_iri(sha256), article_graph)
        store.query(text, bindings={"group": entity_iri("Kata'ib Hezbollah")})
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from conflict_kg.graph.errors import InvalidQueryError, QueryTimeoutError, StoreError
from conflict_kg.graph.store.base import (
    ENTITY_CLASSES,
    EXPORT_FORMATS,
    QueryOptions,
    Store,
    StoreStats,
    event_classes,
)
from conflict_kg.graph.store.memory import MemoryStore
from conflict_kg.graph.store.oxigraph import OxigraphStore
from conflict_kg.graph.store.sparql import SparqlStore

__all__ = [
    "DEFAULT_STORE_URL",
    "ENTITY_CLASSES",
    "EXPORT_FORMATS",
    "InvalidQueryError",
    "QueryOptions",
    "QueryTimeoutError",
    "Store",
    "StoreError",
    "StoreStats",
    "event_classes",
    "open_store",
]

DEFAULT_STORE_URL = "oxigraph:./data/store"

ACCEPTED_FORMS = (
    "oxigraph:PATH (embedded, on disk), memory: (in memory), "
    "sparql:QUERY_URL or sparql:QUERY_URL|UPDATE_URL (a SPARQL 1.1 endpoint)"
)


def open_store(url: str) -> Store:
    """Open the store that `url` names (see the module docstring for the forms).

    Raises `StoreError` with a message naming the accepted forms for an unknown or malformed
    URL, and, for `oxigraph:`, when another process (or another open `Store`) holds the
    directory.
    """
    scheme, colon, rest = url.partition(":")
    if not colon:
        raise StoreError(f"store URL {url!r} has no scheme; use one of: {ACCEPTED_FORMS}")
    if scheme == "oxigraph":
        if not rest:
            raise StoreError(f"store URL {url!r} names no directory; use oxigraph:PATH")
        return OxigraphStore(rest, url)
    if scheme == "memory":
        if rest:
            raise StoreError(f"store URL {url!r}: the in-memory store takes no path; use memory:")
        return MemoryStore(url)
    if scheme == "sparql":
        query_url, update_url = _endpoint_urls(url, rest)
        return SparqlStore(url, query_url, update_url)
    raise StoreError(f"unknown store URL {url!r}; use one of: {ACCEPTED_FORMS}")


def _endpoint_urls(url: str, rest: str) -> tuple[str, str | None]:
    """The query URL and the update URL (None: read-only) of a `sparql:` store URL."""
    query_url, bar, update_url = rest.partition("|")
    for endpoint in (query_url, update_url) if bar else (query_url,):
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(
                f"store URL {url!r}: {endpoint!r} is not an http(s) URL; "
                "use sparql:QUERY_URL or sparql:QUERY_URL|UPDATE_URL"
            )
    if bar:
        return query_url, update_url
    parts = urlsplit(query_url)
    if parts.path.endswith("/query"):
        return query_url, urlunsplit(parts._replace(path=parts.path[: -len("query")] + "update"))
    return query_url, None
