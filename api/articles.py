"""`/articles`: list the stored articles, ingest one (token only), read back what one
contributed, delete one (token only).

POST takes the article as `text/plain` (the body is the text; `title`, `published` and `url`
as query parameters) or as JSON `{"text", "title"?, "published"?, "url"?}`. The text's
sha256 is the article's identity: posting the same text again changes nothing and answers
200 instead of 201, with the same body. Extraction runs in a worker thread with one spaCy
pipeline per application, loaded on the first POST and shared by the ones after it.
"""

from __future__ import annotations

import json
import re
import threading
from datetime import date
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import Field

from extract.article import ArticleError, ArticleInput, article_from_json
from extract.pipeline import Extractor
from graph import lookups
from graph.resolve_queue import ResolutionQueue
from graph.store import Store
from ontologies import article_iri

from .auth import require_token
from .deps import get_store
from .ingest import IngestResult, ingest
from .models import (
    ARTICLE,
    KH,
    STRIKE,
    TITLE,
    EntityRef,
    IdPath,
    LimitQuery,
    LookupModel,
    OffsetQuery,
    Ref,
    TextSpan,
    example_config,
    page_example,
)
from .problems import Problem

__all__ = ["router"]

router = APIRouter(tags=["articles"])
StoreDep = Annotated[Store, Depends(get_store)]
SOURCE = "POST /articles"
# The article's URL becomes an IRI (dcterms:source): printable ASCII without the characters
# an IRI may not hold, so the store never meets a term it refuses.
_URL = re.compile(
    r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#][!#$%&'()*+,\-./0-9:;=?@A-Z\[\]_a-z~]*)?$"
)

# One extraction at a time per process: the spaCy pipeline is shared, and an article takes
# well under a second, so queueing costs less than a pipeline per request.
_EXTRACTION = threading.Lock()

_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "No bearer token sent."},
    403: {"description": "Wrong token, or writes disabled (no CONFLICT_KG_TOKEN set)."},
}
_ARTICLE_BODY = {
    "required": True,
    "content": {
        "text/plain": {
            "schema": {"type": "string", "minLength": 1},
            "example": "BAGHDAD, Nov 8 (Reuters) - A drone strike targeting the Iraqi prime "
            "minister on Sunday was carried out by at least one Iranian-backed militia, "
            "Iraqi security officials said.",
        },
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": {"type": "string", "minLength": 1},
                    "title": {"type": "string"},
                    "published": {"type": "string", "format": "date"},
                    "url": {"type": "string"},
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


# Response bodies ---------------------------------------------------------------------------


class ArticleSummary(LookupModel):
    id: str
    iri: str
    title: str | None
    published: str | None
    publisher: Ref | None
    dateline: Ref | None
    events: int = Field(description="Incidents the article reports.")
    entities: int = Field(description="Actors and places it mentions.")


class ArticlePage(LookupModel):
    model_config = example_config(
        page_example(
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
    )
    items: list[ArticleSummary]
    total: int
    limit: int
    offset: int


class ArticleEvent(LookupModel):
    id: str
    type: str | None
    acled: str | None
    date: str | None
    mentions: list[TextSpan] = Field(
        default_factory=list,
        description="Every telling of the incident in the article (headline, lead, "
        "'the attack'...), the most specific first: the first is its trigger.",
    )


class ArticleContentsModel(LookupModel):
    model_config = example_config(
        {
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
    )
    id: str
    iri: str
    title: str | None
    published: str | None
    events: list[ArticleEvent]
    entities: list[EntityRef]
    triples: int = Field(description="Triples in the article's named graph.")


def _extractor(app: FastAPI) -> Extractor:
    """The application's pipeline, created on first use (call with `_EXTRACTION` held)."""
    extractor: Extractor | None = getattr(app.state, "extractor", None)
    if extractor is None:
        extractor = app.state.extractor = Extractor()
    return extractor


def _ingest(app: FastAPI, store: Store, item: ArticleInput) -> IngestResult:
    with _EXTRACTION:
        result = next(ingest([item], store, _extractor(app)))
    if result.added:
        _resolution(app).after_write()
    return result


def _resolution(app: FastAPI) -> ResolutionQueue:
    queue: ResolutionQueue = app.state.resolution
    return queue


def _remove(app: FastAPI, store: Store, id: str) -> bool:
    """Drop the article, then re-resolve what leaned on it (its reports leave their incidents,
    its spellings leave their actors)."""
    if not store.remove_article(article_iri(id)):
        return False
    _resolution(app).after_write()
    return True


def _record(request: Request, body: bytes, params: dict[str, str | None]) -> dict[str, Any]:
    """The article as `article_from_json` takes it, from either kind of body."""
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type == "application/json":
        try:
            record = json.loads(body)
        except (ValueError, UnicodeDecodeError) as error:
            raise Problem(400, "Malformed JSON", f"the body is not JSON: {error}") from None
        if not isinstance(record, dict):
            raise Problem(422, "Invalid article", "expected a JSON object with a 'text' field")
        return record
    if media_type in ("text/plain", ""):
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise Problem(400, "Not UTF-8", f"the body is not UTF-8 text ({error})") from None
        return {"text": text, **params}
    raise Problem(
        415, "Unsupported media type", f"send text/plain or application/json, not {media_type}"
    )


def _checked(record: dict[str, Any]) -> ArticleInput:
    try:
        item = article_from_json(SOURCE, record)
    except ArticleError as error:
        raise Problem(422, "Invalid article", str(error).removeprefix(f"{SOURCE}: ")) from None
    if item.url is not None and not _URL.match(item.url):
        detail = f"'url' must be an http(s) URL in ASCII (percent-encode the rest): {item.url!r}"
        raise Problem(422, "Invalid article", detail)
    if item.published:
        try:
            date.fromisoformat(item.published)
        except ValueError:
            detail = f"'published' is not a date: {item.published!r}"
            raise Problem(422, "Invalid article", detail) from None
    return item


@router.get("/articles", response_model=ArticlePage, summary="Stored articles")
def list_articles(store: StoreDep, limit: LimitQuery = 50, offset: OffsetQuery = 0) -> ArticlePage:
    """Most recently published first, with their publisher, dateline, and how many incidents
    and entities each contributed."""
    return ArticlePage.model_validate(lookups.list_articles(store, limit=limit, offset=offset))


@router.get(
    "/articles/{id}",
    response_model=ArticleContentsModel,
    summary="What one article contributed",
    responses={404: {"description": "No article with this id."}},
)
def get_article(id: IdPath, store: StoreDep) -> ArticleContentsModel:
    """The incidents the article reports, the entities it mentions, and its triple count."""
    contents = lookups.get_article(store, id)
    if contents is None:
        raise Problem(404, "Not found", f"no article with id {id!r}")
    return ArticleContentsModel.model_validate(contents)


@router.post(
    "/articles",
    status_code=201,
    response_model=ArticleContentsModel,
    summary="Ingest an article (token required)",
    dependencies=[Depends(require_token)],
    responses={
        200: {"description": "Already stored: nothing changed.", "model": ArticleContentsModel},
        201: {"description": "Stored: what was extracted."},
        **_WRITE_ERRORS,
        400: {"description": "Malformed JSON or not UTF-8."},
        413: {"description": "Body too large."},
        415: {"description": "Neither text/plain nor application/json."},
        422: {"description": "No text, or a field of the wrong kind."},
    },
    openapi_extra={"requestBody": _ARTICLE_BODY},
)
async def create_article(
    request: Request,
    store: StoreDep,
    title: Annotated[
        str | None, Query(max_length=1000, description="Title, for a text/plain body.")
    ] = None,
    published: Annotated[
        str | None,
        Query(
            pattern=r"^\d{4}-\d{2}-\d{2}$",
            description="Publication date YYYY-MM-DD, for a text/plain body.",
            examples=["2021-11-08"],
        ),
    ] = None,
    url: Annotated[
        str | None,
        Query(
            max_length=2000,
            description="Where it was published: an http(s) URL in ASCII.",
            examples=["https://www.reuters.com/world/middle-east/"],
        ),
    ] = None,
) -> Response:
    """Extract the article's entities, incidents, roles and relations and store them as the
    article's named graph: 201 with what was extracted, or 200 with the same body when this
    exact text is already stored."""
    body = await request.body()
    item = _checked(_record(request, body, {"title": title, "published": published, "url": url}))
    result = await anyio.to_thread.run_sync(_ingest, request.app, store, item)
    if result.error is not None or result.article_id is None:
        raise Problem(422, "Invalid article", result.error or "nothing could be extracted")
    contents = await anyio.to_thread.run_sync(lookups.get_article, store, result.article_id)
    if contents is None:  # removed between the write and the read
        raise Problem(409, "Conflict", "the article was deleted while it was being stored")
    model = ArticleContentsModel.model_validate(contents)
    return JSONResponse(model.model_dump(mode="json"), status_code=201 if result.added else 200)


@router.delete(
    "/articles/{id}",
    status_code=204,
    summary="Delete an article (token required)",
    dependencies=[Depends(require_token)],
    responses={**_WRITE_ERRORS, 404: {"description": "No article with this id."}},
)
def delete_article(id: IdPath, request: Request, store: StoreDep) -> Response:
    """Remove the article's named graph: everything it contributed. Facts other articles
    also stated stay, in their graphs."""
    if not _remove(request.app, store, id):
        raise Problem(404, "Not found", f"no article with id {id!r}")
    return Response(status_code=204)
