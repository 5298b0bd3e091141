"""`/articles`: list the stored articles, ingest one (token only), read back what one
contributed, delete one (token only).

POST takes the article as `text/plain` (the body is the text; `title`, `published` and `url`
as query parameters), as `text/html` (a page: its main text, title, author and date are
taken by `conflict_kg.web`, the query parameters win) or as JSON `{"text", "title"?,
"published"?, "url"?}`, read by the same functions and rules as the CLI's files
(`extract.inputs.article`). The text's sha256 is the article's identity: posting the same
text again changes nothing and answers 200 instead of 201, with the same body, without
extracting again.

Extraction runs in the write pool (`api.writes`): one worker process, a bounded queue, 503
with Retry-After beyond it. A write is committed when its extraction finishes while its
client is still connected; a client that leaves before that leaves nothing stored. A client
that got no answer asks `GET /articles/{sha256 of the text}` (200: stored, 404: not) or
simply posts again, which is idempotent.
"""

from __future__ import annotations

import asyncio
import re
from datetime import date
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import TypeAdapter

from conflict_kg.extract import (
    ArticleError,
    ArticleInput,
    Extraction,
    MalformedInput,
    field_refusal,
    json_article,
    plain_article,
    sha256_text,
)
from conflict_kg.graph import lookups
from conflict_kg.graph.resolve.incremental import footprint
from conflict_kg.graph.resolve.queue import ResolutionQueue
from conflict_kg.graph.store import Store
from conflict_kg.ingest import IngestResult, store_extraction
from conflict_kg.ontologies import article_iri
from conflict_kg.web import HTML_TYPES, NoArticleText, html_article

from ..auth import require_token
from ..deps import LOOKUP_UNAVAILABLE, Lookup, get_store, known_query_only
from ..models import (
    ARTICLE,
    ARTICLE_TEXT,
    KH,
    PUBLISHED_PATTERN,
    STRIKE,
    TITLE,
    ArticleIdPath,
    Day,
    DeletedArticleIdPath,
    LimitQuery,
    OffsetQuery,
    example_response,
    page_example,
)
from ..openapi import STORE_UNAVAILABLE, problems
from ..problems import Problem
from ..writes import ExtractionFailed, WritePool, WritesBusy

__all__ = ["router"]

router = APIRouter(tags=["articles"], dependencies=[Depends(known_query_only)])
StoreDep = Annotated[Store, Depends(get_store)]
# The article's URL becomes an IRI (dcterms:source): RFC 3986's grammar over printable ASCII
# (one `?` part, one `#` part, `%` only before two hex digits), so the store never meets a
# term it refuses. Matched with `fullmatch`: `$` alone would let a final newline through.
_URL_CHAR = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})"
_URL = re.compile(
    rf"^https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/(?:{_URL_CHAR}|/)*)?"
    rf"(?:\?(?:{_URL_CHAR}|[/?])*)?(?:#(?:{_URL_CHAR}|[/?])*)?$"
)

_ARTICLE_BODY = {
    "required": True,
    "content": {
        "text/plain": {
            "schema": {"type": "string", "pattern": ARTICLE_TEXT},
            "example": "BAGHDAD, Nov 8 (Reuters) - A drone strike targeting the Iraqi prime "
            "minister on Sunday was carried out by at least one Iranian-backed militia, "
            "Iraqi security officials said.",
        },
        "text/html": {
            "schema": {"type": "string"},
            "example": "<html><head><title>Drone strike on the Iraqi prime minister</title>"
            "</head><body><article><p>A drone strike targeting the Iraqi prime minister on "
            "Sunday was carried out by Kataib Hezbollah, two officials said.</p></article>"
            "</body></html>",
        },
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": {"type": "string", "pattern": ARTICLE_TEXT},
                    "title": {"type": ["string", "null"]},
                    "published": {
                        "type": ["string", "null"],
                        "pattern": PUBLISHED_PATTERN,
                        "description": "YYYY-MM-DD, or an ISO date and time (the day is kept).",
                    },
                    "url": {"type": ["string", "null"], "pattern": _URL.pattern},
                },
            },
            "example": {
                "text": "A drone strike targeting the Iraqi prime minister on Sunday was "
                "carried out by Kataib Hezbollah, two officials said.",
                "title": "Drone strike on the Iraqi prime minister",
                "published": "2021-11-08",
            },
        },
    },
}


_CONTENTS = TypeAdapter(lookups.ArticleContents)
"""Writes answer with a `JSONResponse` of their own (201 or 200), so they encode it here."""

# Examples of the answers, for /docs ------------------------------------------------------

ARTICLE_PAGE = page_example(
    {
        "id": ARTICLE,
        "iri": f"https://w3id.org/conflict-kg/id/article/{ARTICLE}",
        "title": TITLE,
        "published": "2021-11-08",
        "publisher": {"id": "reuters", "name": "Reuters"},
        "dateline": {"id": "baghdad", "name": "Baghdad"},
        "events": 6,
        "entities": 23,
    }
)
ARTICLE_CONTENTS = {
    "id": ARTICLE,
    "iri": f"https://w3id.org/conflict-kg/id/article/{ARTICLE}",
    "title": TITLE,
    "published": "2021-11-08",
    "events": [
        {
            "id": STRIKE,
            "type": "AirOrDroneStrike",
            "acled": "AIR_STRIKE",
            "date": "2021-11-07",
            "mentions": [
                {"start": 72, "end": 84, "text": "drone strike"},
                {"start": 177, "end": 183, "text": "attack"},
            ],
        }
    ],
    "entities": [KH],
    "triples": 478,
}


def _store(app: FastAPI, store: Store, extraction: Extraction) -> IngestResult:
    """Store the article, then resolve what it can touch (incrementally, in one pass shared
    with the writers that wait at the same time)."""
    with store.exclusive():
        result = store_extraction(extraction, store)
        written = store.generation
    if result.added and result.article_id is not None:
        steps = [written] if written is not None else []
        _resolution(app).after_write(added=[article_iri(result.article_id)], generations=steps)
    return result


def _resolution(app: FastAPI) -> ResolutionQueue:
    queue: ResolutionQueue = app.state.resolution
    return queue


def _remove(app: FastAPI, store: Store, id: str) -> bool:
    """Drop the article, then re-resolve what leaned on it: its reports leave their
    incidents (an incident left with no report goes), its spellings leave their actors'
    groups. What it held is read first, under the store's write lock with the removal."""
    iri = article_iri(id)
    with store.exclusive():
        if not store.has_article(iri):
            return False
        removed = footprint(store, [iri])
        store.remove_article(iri)
        written = store.generation
    steps = [written] if written is not None else []
    _resolution(app).after_write(removed=removed, generations=steps)
    return True


def _article(media_type: str, body: bytes, params: dict[str, str | None]) -> ArticleInput:
    """The article from either kind of body, by the CLI's rules; errors name the content
    type that was sent (400 for bytes that are not UTF-8 or not JSON, 422 for content the
    rules refuse). Called in a worker thread: the rules scan up to 5 MB."""
    if media_type not in ("application/json", "text/plain", "", *HTML_TYPES):
        detail = f"send text/plain, text/html or application/json, not {media_type}"
        raise Problem(415, "Unsupported media type", detail)
    source = f"{media_type} body" if media_type else "body (no Content-Type, read as text/plain)"
    title_refusal = field_refusal(params["title"] or "")
    if title_refusal is not None and media_type != "application/json":
        detail = f"query parameter 'title' is {title_refusal}"
        raise Problem(422, "Invalid parameters", detail)
    try:
        if media_type == "application/json":
            item = json_article(source, body)
        elif media_type in HTML_TYPES:
            # main text, title, author and date from the page; the query parameters win
            item = html_article(source, body, params["url"])
            item.title = params["title"] or item.title
            item.published = params["published"] or item.published
        else:
            item = plain_article(source, body)
            item.title, item.published = params["title"], params["published"]
            item.url = params["url"]
    except MalformedInput as error:
        raise Problem(400, "Malformed body", str(error)) from None
    except NoArticleText as error:
        raise Problem(422, "No article in the page", str(error)) from None
    except ArticleError as error:
        raise Problem(422, "Invalid article", str(error)) from None
    return _checked(item)


def _checked(item: ArticleInput) -> ArticleInput:
    if item.url is not None and not _URL.fullmatch(item.url):
        detail = f"'url' must be an http(s) URL in ASCII (percent-encode the rest): {item.url!r}"
        raise Problem(422, "Invalid article", detail)
    if item.published:
        try:
            date.fromisoformat(item.published)
        except ValueError:
            detail = f"'published' is not a date: {item.published!r}"
            raise Problem(422, "Invalid article", detail) from None
    return item


async def _watch_disconnect(request: Request, gone: asyncio.Event) -> None:
    """Set `gone` when the client closes the connection. The body has been read, so the
    next ASGI message is the disconnect (uvicorn sends nothing else before the answer)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            gone.set()
            return


def _busy(busy: WritesBusy) -> Problem:
    detail = (
        f"the write queue is full ({busy.waiting} write(s) extracting or waiting): "
        f"retry in {busy.retry_after} s"
    )
    return Problem(503, "Writes busy", detail, headers={"Retry-After": str(busy.retry_after)})


async def _answer(store: Store, article_id: str, *, added: bool) -> JSONResponse:
    contents = await anyio.to_thread.run_sync(lookups.get_article, store, article_id)
    if contents is None:  # removed between the write and the read
        raise Problem(409, "Conflict", "the article was deleted while it was being stored")
    body = _CONTENTS.dump_python(contents, mode="json")
    return JSONResponse(body, status_code=201 if added else 200)


@router.get(
    "/articles",
    response_model=lookups.Page[lookups.ArticleSummary],
    summary="Stored articles",
    responses={**problems({503: LOOKUP_UNAVAILABLE}), **example_response(ARTICLE_PAGE)},
)
async def list_articles(
    store: StoreDep, lookup: Lookup, limit: LimitQuery = 50, offset: OffsetQuery = 0
) -> lookups.Page[lookups.ArticleSummary]:
    """Most recently published first, with their publisher, dateline, and how many incidents
    and entities each contributed."""
    return await lookup(lambda: lookups.list_articles(store, limit=limit, offset=offset))


@router.get(
    "/articles/{id}",
    response_model=lookups.ArticleContents,
    summary="What one article contributed",
    responses={
        **problems(
            {404: "No article with this id (or not yet: see the detail).", 503: LOOKUP_UNAVAILABLE}
        ),
        **example_response(ARTICLE_CONTENTS),
    },
)
async def get_article(
    id: ArticleIdPath, request: Request, store: StoreDep, lookup: Lookup
) -> lookups.ArticleContents:
    """The incidents the article reports, the entities it mentions, and its triple count.

    The id is the sha256 of the article's text (UTF-8, without a BOM), so a client whose
    POST got no answer learns here whether it was stored: 200 it was, 404 it was not (a
    write whose client left before its extraction finished is dropped). Posting the same
    text again is safe either way."""
    contents = await lookup(lambda: lookups.get_article(store, id))
    if contents is None:
        writes: WritePool = request.app.state.writes
        detail = f"no article with id {id!r}"
        if writes.pending(id):
            detail += " yet: a write of it is being extracted, ask again later"
        raise Problem(404, "Not found", detail)
    return contents


@router.post(
    "/articles",
    status_code=201,
    response_model=lookups.ArticleContents,
    summary="Ingest an article (token required)",
    dependencies=[Depends(require_token)],
    responses={
        200: {
            "description": "Already stored: nothing changed.",
            "model": lookups.ArticleContents,
        },
        201: {
            "description": "Stored: what was extracted.",
            **example_response(ARTICLE_CONTENTS)[200],
        },
        **problems(
            {
                400: "Malformed JSON or not UTF-8.",
                409: "The article was deleted while it was being stored.",
                415: "Neither text/plain, text/html nor application/json.",
                422: "No text, a field of the wrong kind, text the input rules refuse (lone "
                "surrogates, NUL bytes, HTML), or an article extraction refuses (over its "
                "time budget). Nothing is stored.",
                500: "Extraction failed (a fault of ours): nothing is stored.",
                503: f"{STORE_UNAVAILABLE} Or the write queue is full: nothing is stored, try "
                "again after `Retry-After` seconds.",
            },
            retry_after={503},
        ),
    },
    openapi_extra={"requestBody": _ARTICLE_BODY},
)
async def create_article(
    request: Request,
    store: StoreDep,
    title: Annotated[
        str | None, Query(max_length=1000, description="Title, for a text/plain or text/html body.")
    ] = None,
    published: Annotated[
        Day | None,
        Query(
            description="Publication date YYYY-MM-DD, for a text/plain or text/html body.",
            examples=["2021-11-08"],
        ),
    ] = None,
    url: Annotated[
        str | None,
        Query(
            max_length=2000,
            pattern=_URL.pattern,
            description="Where it was published: an http(s) URL in ASCII.",
            examples=["https://www.reuters.com/world/middle-east/"],
        ),
    ] = None,
) -> Response:
    """Extract the article's entities, incidents, roles and relations and store them as the
    article's named graph: 201 with what was extracted, or 200 with the same body when this
    exact text is already stored.

    One article extracts at a time; a few more wait (CONFLICT_KG_WRITE_QUEUE), the next gets
    503 with Retry-After. A write whose client disconnects before its extraction finishes is
    not stored: `GET /articles/{sha256 of the text}` tells a client that got no answer."""
    body = await request.body()
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    params = {"title": title, "published": published, "url": url}
    item = await anyio.to_thread.run_sync(_article, media_type, body, params)
    article_id = sha256_text(item.text)  # hashlib lets go of the GIL; encoding 5 MB is ~5 ms
    if await anyio.to_thread.run_sync(store.has_article, article_iri(article_id)):
        return await _answer(store, article_id, added=False)
    writes: WritePool = request.app.state.writes
    gone = asyncio.Event()
    watcher = asyncio.create_task(_watch_disconnect(request, gone))
    try:
        extraction = await writes.extract(article_id, item, gone)
    except WritesBusy as busy:
        raise _busy(busy) from None
    except ArticleError as error:
        raise Problem(422, "Article refused", str(error)) from None
    except ExtractionFailed as error:
        raise Problem(500, "Extraction failed", str(error)) from None
    finally:
        watcher.cancel()
    if extraction is None:
        # The client left before its extraction finished: nothing is stored, and nobody
        # reads this answer (499 is nginx's "client closed request", for the access log).
        return Response(status_code=499)
    result = await anyio.to_thread.run_sync(_store, request.app, store, extraction)
    if result.error is not None or result.article_id is None:
        raise Problem(422, "Invalid article", result.error or "nothing could be extracted")
    return await _answer(store, result.article_id, added=result.added)


@router.delete(
    "/articles/{id}",
    status_code=204,
    summary="Delete an article (token required)",
    dependencies=[Depends(require_token)],
    responses=problems({404: "No article with this id.", 503: STORE_UNAVAILABLE}),
)
def delete_article(id: DeletedArticleIdPath, request: Request, store: StoreDep) -> Response:
    """Remove the article's named graph: everything it contributed. Facts other articles
    also stated stay, in their graphs."""
    if not _remove(request.app, store, id):
        raise Problem(404, "Not found", f"no article with id {id!r}")
    return Response(status_code=204)
