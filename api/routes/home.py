"""`/`: the way in. A browser gets a small page (what the store holds, and links to the view,
the SPARQL editor, the API docs and the exports); any other client the same as JSON.

Also the SPARQL editor: a browser asking `/sparql` for HTML without a query gets YASGUI
(shipped in `api/static/vendor/yasgui/`) pre-filled with example queries from
`graph/queries`, instead of the 422 a query-less protocol request earns. The editor is a
middleware in front of the protocol route, so `/sparql` itself stays the SPARQL 1.1 Protocol.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import cache
from string import Template
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Receive, Scope, Send

from conflict_kg.graph.lookups import list_articles
from conflict_kg.graph.network import ACTOR_TYPES
from conflict_kg.graph.queries import load_named_queries
from conflict_kg.graph.store import Store

from ..deps import get_store, known_query_only
from ..openapi import STORE_UNAVAILABLE, problems
from ..problems import Problem
from .sparql import _choose
from .view import CONTENT_SECURITY_POLICY, STATIC

__all__ = ["EXAMPLE_QUERIES", "LINKS", "SparqlEditor", "router", "wants_html"]

router = APIRouter(tags=["status"], dependencies=[Depends(known_query_only)])

LINKS = {
    "view": "/view",
    "sparql_editor": "/sparql",
    "api_docs": "/docs",
    "openapi": "/openapi.json",
    "incidents": "/incidents",
    "export_acled": "/export/acled",
    "export_plover": "/export/plover",
    "export_geojson": "/export/geojson",
    "export_gexf": "/export/gexf",
    "export_trig": "/export/trig",
}
"""Where a newcomer goes next; the same links on the page and in the JSON summary."""

EXAMPLE_QUERIES = (
    "perpetrators",
    "resolved_incidents",
    "incidents_by_certainty",
    "claims_from",
    "relations_over_time",
    "group_links",
    "canonical_actors",
    "articles",
)
"""The named queries the editor opens as tabs, in this order (an analyst's first questions)."""


PAGE_TYPES = {"application/json": "json", "text/html": "html", "application/xhtml+xml": "html"}


class Summary(BaseModel):
    """What the store holds, and where to go from here."""

    service: str = "conflict-kg"
    articles: int
    incidents: int = Field(description="Incidents after cross-article resolution.")
    actors: int = Field(description="Entities that can act: groups, forces, states, people.")
    triples: int
    newest_article: str | None = Field(
        description="Title of the most recently published article stored."
    )
    newest_published: str | None
    last_ingest: str | None = Field(
        description="When the most recently stored article was written to the store (ISO "
        "8601, UTC, to the second); null when none carries an ingest time."
    )
    links: dict[str, str]


SUMMARY_EXAMPLE = {
    "service": "conflict-kg",
    "articles": 1,
    "incidents": 6,
    "actors": 22,
    "triples": 832,
    "newest_article": "The Iranian-backed militia carried out a drone strike on the Iraqi "
    "prime minister – officials",
    "newest_published": "2021-11-08",
    "last_ingest": "2026-12-06T11:40:00Z",
    "links": LINKS,
}


def wants_html(accept: str) -> bool:
    """True when the client prefers HTML to JSON (a browser), by the negotiation `/sparql`
    uses (`Accept` order and q); anything else, even a type neither offers, gets JSON."""
    try:
        return _choose(accept, PAGE_TYPES, "application/json")[1] == "html"
    except Problem:
        return False


def summary(store: Store) -> Summary:
    figures = store.stats()
    newest = list_articles(store, limit=1).items
    return Summary(
        articles=figures.articles,
        incidents=figures.incidents,
        actors=sum(figures.entities_by_type.get(kind, 0) for kind in ACTOR_TYPES),
        triples=figures.triples,
        newest_article=newest[0].title if newest else None,
        newest_published=newest[0].published if newest else None,
        last_ingest=figures.last_ingest,
        links=LINKS,
    )


def _home_page(figures: Summary) -> str:
    newest = "none yet"
    if figures.newest_article is not None:
        newest = html.escape(figures.newest_article)
        if figures.newest_published:
            newest += f" <span class=hint>({html.escape(figures.newest_published)})</span>"
    last = "never"
    if figures.last_ingest is not None:
        # The machine-readable instant, and the same instant for a reader.
        shown = figures.last_ingest.replace("T", " ").replace("Z", " UTC")
        last = f'<time datetime="{html.escape(figures.last_ingest)}">{html.escape(shown)}</time>'
    template = _template("home.html")
    return template.substitute(
        articles=figures.articles,
        incidents=figures.incidents,
        actors=figures.actors,
        triples=figures.triples,
        newest=newest,
        last_ingest=last,
    )



@cache
def _template(name: str) -> Template:
    """A page of `api/static/` as a template, read once per process, not once per request."""
    return Template((STATIC / name).read_text(encoding="utf-8"))

@router.get(
    "/",
    response_model=Summary,
    responses={
        200: {
            "description": "JSON for API clients; a small HTML page for a browser "
            "(`Accept: text/html` first).",
            "content": {
                "application/json": {"example": SUMMARY_EXAMPLE},
                "text/html": {"example": "<!doctype html><html lang=en><head><title>conflict-kg"},
            },
        },
        **problems({503: STORE_UNAVAILABLE}),
    },
)
async def home(request: Request, store: Annotated[Store, Depends(get_store)]) -> Response:
    """What the store holds (articles, resolved incidents, actors, triples, the newest
    article, when the last one was stored) and links to the view, the SPARQL editor, the
    API docs and the exports."""
    figures = await anyio.to_thread.run_sync(summary, store)
    if wants_html(request.headers.get("accept", "")):
        return HTMLResponse(
            _home_page(figures), headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY}
        )
    return JSONResponse(figures.model_dump())


@dataclass(frozen=True, slots=True)
class ExampleQuery:
    name: str
    title: str
    query: str


def example_queries() -> list[ExampleQuery]:
    """The editor's tabs: the named queries of `EXAMPLE_QUERIES` without their comment
    header (the title becomes the tab's name and the query's first line)."""
    named = load_named_queries()
    examples = []
    for name in EXAMPLE_QUERIES:
        if name not in named:
            continue
        query = named[name]
        body = "\n".join(
            line for line in query.text.splitlines() if not line.lstrip().startswith("# ")
        ).strip()
        examples.append(ExampleQuery(name, query.title, f"# {query.title}\n{body}\n"))
    return examples


def editor_page() -> bytes:
    """The YASGUI page, its examples embedded as a JSON data block (not a script: the
    Content-Security-Policy runs only this origin's files)."""
    data = json.dumps(
        [{"name": e.name, "title": e.title, "query": e.query} for e in example_queries()],
        ensure_ascii=False,
    )
    # "<" escaped so that no query text can close the data block.
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    template = _template("sparql.html")
    return template.substitute(examples=data).encode("utf-8")


class SparqlEditor:
    """ASGI middleware: `GET /sparql` from a browser, with no `query` parameter, is the
    editor page; every other request passes through to the SPARQL Protocol route."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.page: bytes | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and self._wanted(scope):
            self.page = self.page or editor_page()
            response = HTMLResponse(
                self.page, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY}
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _wanted(scope: Scope) -> bool:
        if scope["path"].rstrip("/") != "/sparql":
            return False
        query_string = scope.get("query_string", b"").decode("latin-1")
        names = {part.partition("=")[0] for part in query_string.split("&") if part}
        if "query" in names:
            return False
        headers = dict(scope.get("headers") or [])
        return wants_html(headers.get(b"accept", b"").decode("latin-1"))
