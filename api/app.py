"""The FastAPI application: assembles routers, the store and the error handlers, nothing else."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

import anyio
from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from conflict_kg.graph.resolve.queue import ResolutionQueue
from conflict_kg.graph.store import QueryOptions, Store, StoreError, open_store

from .fallback import install_fallback_handler
from .limits import BodySizeLimit
from .openapi import install_contract
from .problems import install_problem_handlers
from .routes import (
    articles,
    entities,
    exports,
    groups,
    home,
    incidents,
    paths,
    sparql,
    status,
    update,
    view,
)
from .settings import Settings
from .writes import WritePool

__all__ = ["create_app"]

WARM_UP_SECONDS = 60.0
WARM_UP_WAIT = 10.0
"""How long the start-up waits for the warm-up: a remote store that does not answer (a
dropped connection, not a refused one) must not keep the server shut for a minute."""


def _warm_up(store: Store) -> None:
    """Answer one tiny time-limited query while the server starts.

    The embedded store runs such queries in worker processes forked from a fork server;
    starting that server costs a second or more, which would otherwise fall on the first
    visitor's query and could push it past CONFLICT_KG_QUERY_TIMEOUT. It runs beside the
    rest of the start-up, and the server opens once it is done or `WARM_UP_WAIT` has
    passed. A store that cannot answer yet is not an error here: /health and the first
    real query report it."""
    with suppress(StoreError):
        store.query("ASK { }", options=QueryOptions(deadline=time.monotonic() + WARM_UP_SECONDS))


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app over the store `settings.store` names (opened now, closed at shutdown)."""
    settings = settings or Settings.from_env()
    store = open_store(settings.store)
    # The worker's extractor refuses an article past CONFLICT_KG_ARTICLE_BUDGET seconds.
    writes = WritePool(settings.write_queue, {"budget": settings.article_budget})
    warming = threading.Thread(target=_warm_up, args=(store,), name="warm-up", daemon=True)
    warming.start()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(warming.join, WARM_UP_WAIT)
        yield
        writes.close()
        store.close()

    # Swagger UI and ReDoc served from the package, not a CDN: /docs works offline.
    app = FastAPIOffline(
        title="conflict-kg",
        summary="Knowledge graph of conflict events, with the evidence of every fact.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.resolution = ResolutionQueue(store)
    app.state.writes = writes
    install_problem_handlers(app)
    install_fallback_handler(app)
    app.add_middleware(BodySizeLimit, max_body=settings.max_body)
    app.add_middleware(home.SparqlEditor)  # a browser's GET /sparql without a query
    app.include_router(home.router)
    app.include_router(status.router)
    app.include_router(sparql.router)
    app.include_router(update.router)
    app.include_router(exports.router)
    app.include_router(paths.router)
    app.include_router(view.router)
    app.include_router(entities.router)
    app.include_router(incidents.router)
    app.include_router(groups.router)
    app.include_router(articles.router)
    install_contract(app)
    return app
