"""`/sparql`: the SPARQL 1.1 Protocol for queries, read-only, over the article graphs.

Queries run in a worker thread with a deadline the store checks while it reads results, so
one slow query neither blocks the event loop nor keeps working after its client was told it
timed out (an aggregate that computes before its first row is the exception: the client is
answered at the deadline and the thread finishes alone). Updates are refused here; they go
to the token-protected `/update`. Nothing a query names outside the store is contacted
unless the operator allowed its origin (`graph.federation`): the check runs before the store
sees the query, and a failure at an allowed endpoint is reported without its detail.
"""

from __future__ import annotations

import time
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import WithJsonSchema
from rdflib import URIRef
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.query import Result

from conflict_kg.graph.errors import InvalidQueryError, QueryTimeoutError, StoreError
from conflict_kg.graph.store import QueryOptions, Store
from conflict_kg.graph.store.federation import (
    FederatedQueryFailed,
    RemoteAccessRefused,
    check_query,
)
from conflict_kg.graph.store.terms import to_ox_iri

from ..deps import get_settings, get_store
from ..models import NON_BLANK, NOT_BLANK
from ..openapi import STORE_UNAVAILABLE, problems
from ..problems import Problem
from ..settings import Settings

__all__ = ["router"]

# No `known_query_only` here: SPARQL Protocol clients add parameters of their own to a query
# (SPARQLWrapper sends `format`, `output` and `results`), which endpoints ignore.
router = APIRouter(tags=["sparql"])

SELECT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
EXAMPLE = (
    "PREFIX ck: <https://w3id.org/conflict-kg/ontology#> "
    "SELECT ?event ?group WHERE { ?event a ck:AirOrDroneStrike ; ck:perpetrator ?group }"
)
# An absolute IRI without the characters no IRI holds (controls, space, <>"{}|\\^`): what
# `_graphs` takes, before the IRI parser checks the rest of RFC 3987.
GRAPH_IRI = {"type": "string", "pattern": '^(?:https?://|urn:)[^\x00-\x20<>"{}|\\\\^`\x7f-\x9f]*$'}
_DEFAULT_GRAPHS = "Restrict the default graph to these article graphs (repeatable)."
_NAMED_GRAPHS = "Graphs visible to GRAPH patterns (repeatable)."
GraphIri = Annotated[str, WithJsonSchema(GRAPH_IRI)]
GraphUris = Annotated[
    list[GraphIri] | None, Query(alias="default-graph-uri", description=_DEFAULT_GRAPHS)
]
NamedUris = Annotated[
    list[GraphIri] | None, Query(alias="named-graph-uri", description=_NAMED_GRAPHS)
]
_QUERY_TEXT = {"type": "string", "pattern": NON_BLANK}
_RESULTS_JSON = {
    "type": "object",
    "required": ["head"],
    "properties": {
        "head": {"type": "object"},
        "results": {
            "type": "object",
            "required": ["bindings"],
            "properties": {"bindings": {"type": "array", "items": {"type": "object"}}},
        },
        "boolean": {"type": "boolean"},
    },
}
_ERRORS = {
    400: "Malformed SPARQL, an empty query, a graph IRI that is not absolute, or a query "
    "that would make the server fetch a URL (SERVICE, LOAD, a remote FROM).",
    403: "An update sent to the read-only endpoint: use /update.",
    406: "None of the media types in `Accept` can carry this kind of result.",
    502: "An allowed federation endpoint (CONFLICT_KG_FEDERATION_ORIGINS) failed; no detail "
    "is given, so the endpoint cannot be used to scan ports.",
    503: f"The query ran past CONFLICT_KG_QUERY_TIMEOUT. Or: {STORE_UNAVAILABLE}",
}
QUERY_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "SELECT and ASK results by `Accept`: SPARQL JSON (default), XML, CSV, "
        "TSV; CONSTRUCT and DESCRIBE graphs: Turtle (default), N-Triples, JSON-LD, RDF/XML.",
        "content": {
            **{
                media: {"schema": _RESULTS_JSON if fmt == "json" else {"type": "string"}}
                for media, fmt in SELECT_TYPES.items()
            },
            **{
                media: {"schema": {} if fmt == "json-ld" else {"type": "string"}}
                for media, fmt in GRAPH_TYPES.items()
            },
        },
    },
    **problems(_ERRORS),
}


def _choose(accept: str, offered: dict[str, str], default: str) -> tuple[str, str]:
    """The first offered media type in the client's order of preference (q ignored)."""
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, position, media.strip().lower()))
    for _, _, media in sorted(ranked):
        if media in offered:
            return media, offered[media]
        if media in ("*/*", "application/*", "text/*"):
            return default, offered[default]
    if accept.strip():
        raise Problem(
            406,
            "Not acceptable",
            f"cannot answer in {accept!r}; offered: {', '.join(offered)}",
        )
    return default, offered[default]


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:  # any parse failure means "not an update"
        return False
    return True


def _graphs(values: list[str] | None, name: str) -> tuple[URIRef, ...] | None:
    if not values:
        return None
    graphs = []
    for value in values:
        if not value.startswith(("http://", "https://", "urn:")) or any(
            c in value for c in ' <>"{}|\\^`'
        ):
            raise Problem(400, "Bad graph IRI", f"{name} must be an absolute IRI, got {value!r}")
        try:
            to_ox_iri(URIRef(value))  # the store's own IRI check (RFC 3987), before the query
        except StoreError as error:
            raise Problem(400, "Bad graph IRI", f"{name}: {error}") from None
        graphs.append(URIRef(value))
    return tuple(graphs)


async def run_query(
    text: str,
    store: Store,
    settings: Settings,
    default_graphs: tuple[URIRef, ...] | None = None,
    named_graphs: tuple[URIRef, ...] | None = None,
) -> Result:
    """Run a read-only query under the configured deadline and row cap, once
    `graph.federation` has found nothing in it the server may not contact."""
    options = QueryOptions(
        default_graphs=default_graphs,
        named_graphs=named_graphs,
        deadline=time.monotonic() + settings.query_timeout,
        max_rows=settings.max_rows,
    )
    timed_out = Problem(
        503, "Query timed out", f"the query ran longer than {settings.query_timeout:g} s"
    )

    def checked() -> Result:
        reach = check_query(
            text, store, settings.federation_origins, default_graphs or (), named_graphs or ()
        )
        try:
            return store.query(text, options=options)
        except QueryTimeoutError:
            raise
        except StoreError:
            if reach.connects:  # the upstream's words would tell a prober what is there
                raise FederatedQueryFailed() from None
            raise

    try:
        with anyio.fail_after(settings.query_timeout + 1.0):
            return await anyio.to_thread.run_sync(checked, abandon_on_cancel=True)
    except (TimeoutError, QueryTimeoutError):
        raise timed_out from None
    except RemoteAccessRefused as exc:
        raise Problem(400, f"{exc.construct} refused", str(exc)) from None
    except FederatedQueryFailed as exc:
        raise Problem(502, "Federated query failed", str(exc)) from None
    except InvalidQueryError as exc:
        if _is_update(text):
            raise Problem(
                403, "Read-only endpoint", "SPARQL Update is not accepted on /sparql; use /update"
            ) from None
        raise Problem(400, "Malformed SPARQL", str(exc)) from None


def _tsv(result: Result) -> bytes:
    """SPARQL 1.1 TSV: a header of ?variables, then terms in their N-Triples form."""
    variables = list(result.vars or [])
    lines = ["\t".join(f"?{v}" for v in variables)]
    for row in result.bindings:
        lines.append("\t".join(row[v].n3() if v in row else "" for v in variables))
    return ("\n".join(lines) + "\n").encode("utf-8")


def respond(result: Result, accept: str, settings: Settings) -> Response:
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        media, fmt = _choose(accept, GRAPH_TYPES, "text/turtle")
        graph = result.graph
        assert graph is not None
        return Response(graph.serialize(format=fmt, encoding="utf-8"), media_type=media)
    media, fmt = _choose(accept, SELECT_TYPES, "application/sparql-results+json")
    headers: dict[str, str] = {}
    if result.type == "SELECT" and len(result.bindings) > settings.max_rows:
        result.bindings = result.bindings[: settings.max_rows]
        headers["X-Row-Cap"] = str(settings.max_rows)
    if fmt == "tsv":
        if result.type == "ASK":
            body = b"?_askResult\n" + (b"true\n" if result.askAnswer else b"false\n")
        else:
            body = _tsv(result)
    else:
        serialized = result.serialize(format=fmt, encoding="utf-8")
        assert isinstance(serialized, bytes)
        body = serialized
    return Response(body, media_type=media, headers=headers)


@router.get(
    "/sparql",
    summary="SPARQL query (GET)",
    response_class=Response,
    responses=QUERY_RESPONSES,
)
async def sparql_get(
    request: Request,
    query: Annotated[
        str,
        Query(
            min_length=1,
            json_schema_extra={"pattern": NON_BLANK},
            description="A SPARQL 1.1 query (not blank).",
            examples=[EXAMPLE],
        ),
        NOT_BLANK,
    ],
    store: Annotated[Store, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
    default_graph_uri: GraphUris = None,
    named_graph_uri: NamedUris = None,
) -> Response:
    """Run a read-only query; the default graph is the union of all article graphs unless
    `default-graph-uri` names some. Results by `Accept`: SPARQL JSON (default), XML, CSV,
    TSV; CONSTRUCT/DESCRIBE as Turtle (default), N-Triples, JSON-LD, RDF/XML."""
    if not query.strip():
        raise Problem(400, "Missing query", "the query is empty")
    result = await run_query(
        query,
        store,
        settings,
        _graphs(default_graph_uri, "default-graph-uri"),
        _graphs(named_graph_uri, "named-graph-uri"),
    )
    return respond(result, request.headers.get("accept", ""), settings)


@router.post(
    "/sparql",
    summary="SPARQL query (POST form or application/sparql-query)",
    response_class=Response,
    responses={
        **QUERY_RESPONSES,
        **problems({415: "Neither application/sparql-query nor a form."}),
    },
    openapi_extra={
        "parameters": [
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": description,
                "schema": {"type": "array", "items": GRAPH_IRI},
            }
            for name, description in (
                ("default-graph-uri", _DEFAULT_GRAPHS),
                ("named-graph-uri", _NAMED_GRAPHS),
            )
        ],
        "requestBody": {
            "required": True,
            "content": {
                "application/sparql-query": {"schema": _QUERY_TEXT, "example": EXAMPLE},
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "query": _QUERY_TEXT,
                            "default-graph-uri": {"type": "array", "items": GRAPH_IRI},
                            "named-graph-uri": {"type": "array", "items": GRAPH_IRI},
                        },
                        "required": ["query"],
                    },
                    "example": {"query": EXAMPLE},
                },
            },
        },
    },
)
async def sparql_post(
    request: Request,
    store: Annotated[Store, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    """Accepts `application/x-www-form-urlencoded` (fields `query`, `default-graph-uri`,
    `named-graph-uri`) or a raw `application/sparql-query` body (dataset in the URL)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    default_uris = request.query_params.getlist("default-graph-uri")
    named_uris = request.query_params.getlist("named-graph-uri")
    if content_type == "application/sparql-query":
        text = (await request.body()).decode("utf-8", errors="replace")
    elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.form()
        value = form.get("query")
        if not isinstance(value, str):
            if isinstance(form.get("update"), str):
                raise Problem(403, "Read-only endpoint", "SPARQL Update is not accepted on /sparql")
            raise Problem(400, "Missing query", "the form has no 'query' field")
        text = value
        default_uris += [v for v in form.getlist("default-graph-uri") if isinstance(v, str)]
        named_uris += [v for v in form.getlist("named-graph-uri") if isinstance(v, str)]
    else:
        raise Problem(
            415,
            "Unsupported media type",
            "send application/sparql-query or application/x-www-form-urlencoded",
        )
    if not text.strip():
        raise Problem(400, "Missing query", "the query is empty")
    result = await run_query(
        text,
        store,
        settings,
        _graphs(default_uris, "default-graph-uri"),
        _graphs(named_uris, "named-graph-uri"),
    )
    return respond(result, request.headers.get("accept", ""), settings)
