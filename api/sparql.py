"""`/sparql`: a read-only SPARQL 1.1 Protocol endpoint over the union of the article graphs.

Queries run in a worker thread under a deadline so one slow query never blocks the event
loop; updates are refused here (they go to the token-protected `/update`).
"""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Query, Request, Response
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.query import Result

from graph.errors import InvalidQueryError
from graph.store import Store

from .deps import get_settings, get_store
from .problems import Problem
from .settings import Settings

__all__ = ["router"]

router = APIRouter(tags=["sparql"])

SELECT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
EXAMPLE = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"


def _choose(accept: str, offered: dict[str, str], default: str) -> tuple[str, str]:
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in offered:
            return media, offered[media]
        if media in ("*/*", ""):
            break
    return default, offered[default]


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


async def _run(text: str, store: Store, settings: Settings) -> Result:
    try:
        with anyio.fail_after(settings.query_timeout):
            return await anyio.to_thread.run_sync(store.query, text, abandon_on_cancel=True)
    except TimeoutError:
        raise Problem(
            503, "Query timed out", f"the query ran longer than {settings.query_timeout:g} s"
        ) from None
    except InvalidQueryError as exc:
        if _is_update(text):
            raise Problem(
                403, "Read-only endpoint", "SPARQL Update is not accepted on /sparql; use /update"
            ) from None
        raise Problem(400, "Malformed SPARQL", str(exc)) from None


def _respond(result: Result, accept: str, settings: Settings) -> Response:
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        media, fmt = _choose(accept, GRAPH_TYPES, "text/turtle")
        graph = result.graph
        assert graph is not None
        return Response(graph.serialize(format=fmt, encoding="utf-8"), media_type=media)
    media, fmt = _choose(accept, SELECT_TYPES, "application/sparql-results+json")
    headers: dict[str, str] = {}
    if result.type == "SELECT" and result.bindings is not None:
        if len(result.bindings) > settings.max_rows:
            result.bindings = result.bindings[: settings.max_rows]
            headers["X-Row-Cap"] = str(settings.max_rows)
    body = result.serialize(format=fmt, encoding="utf-8")
    assert isinstance(body, bytes)
    return Response(body, media_type=media, headers=headers)


@router.get("/sparql", summary="SPARQL query (GET)")
async def sparql_get(
    request: Request,
    query: Annotated[str, Query(description="A SPARQL 1.1 query.", examples=[EXAMPLE])],
    store: Annotated[Store, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    """Run a read-only query; the default graph is the union of all article graphs."""
    result = await _run(query, store, settings)
    return _respond(result, request.headers.get("accept", ""), settings)


@router.post("/sparql", summary="SPARQL query (POST form or application/sparql-query)")
async def sparql_post(
    request: Request,
    store: Annotated[Store, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    """Accepts `application/x-www-form-urlencoded` (field `query`) or a raw
    `application/sparql-query` body."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
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
    else:
        raise Problem(
            415,
            "Unsupported media type",
            "send application/sparql-query or application/x-www-form-urlencoded",
        )
    if not text.strip():
        raise Problem(400, "Missing query", "the query is empty")
    result = await _run(text, store, settings)
    return _respond(result, request.headers.get("accept", ""), settings)
