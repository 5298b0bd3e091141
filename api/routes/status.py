"""`/health` and `/stats`: is the service up, and what does the graph hold."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from conflict_kg.graph.store import Store

from ..deps import get_store, known_query_only
from ..openapi import STORE_UNAVAILABLE, problems

__all__ = ["router"]

router = APIRouter(tags=["status"], dependencies=[Depends(known_query_only)])


HEALTH_EXAMPLE = {"status": "ok", "store": "oxigraph:./data/store"}
STATS_EXAMPLE = {
    "articles": 1,
    "triples": 737,
    "entities_by_type": {"ArmedGroup": 2, "Person": 4, "State": 4},
    "events_by_type": {"AirOrDroneStrike": 1, "Election": 1},
    "derived_triples": 30,
    "incidents": 2,
    "last_ingest": "2026-12-06T11:40:00Z",
}


def _example(value: object) -> dict[int | str, dict[str, object]]:
    return {200: {"content": {"application/json": {"example": value}}}}


class Health(BaseModel):
    status: str
    store: str


class Stats(BaseModel):
    articles: int
    triples: int
    entities_by_type: dict[str, int]
    events_by_type: dict[str, int] = Field(
        description="Event reports by class: one per article that reports an incident."
    )
    derived_triples: int = Field(
        description="Triples of the resolution graph, derived from the articles."
    )
    incidents: int = Field(
        description="Incidents after cross-article resolution: reports of one incident count once."
    )
    last_ingest: str | None = Field(
        description="When the most recently stored article was written to the store (ISO 8601, "
        "UTC, to the second); null when none carries an ingest time."
    )


@router.get("/health", response_model=Health, responses=_example(HEALTH_EXAMPLE))
async def health(store: Annotated[Store, Depends(get_store)]) -> Health:
    """Liveness: the service answers and knows its store."""
    return Health(status="ok", store=store.url)


@router.get(
    "/stats",
    response_model=Stats,
    responses={**_example(STATS_EXAMPLE), **problems({503: STORE_UNAVAILABLE})},
)
async def stats(store: Annotated[Store, Depends(get_store)]) -> Stats:
    """Articles, triples, entities by type, event reports by type, resolved incidents and
    when the last article was stored."""
    figures = await anyio.to_thread.run_sync(store.stats)
    return Stats(**asdict(figures))
