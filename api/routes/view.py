"""`/view`: an interactive network page (vis-network, shipped in `api/static/vendor/`), and
`/view/data`, the elements it draws.

The page loads nothing from outside this service, and says so to the browser: its
Content-Security-Policy allows requests to this origin only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from conflict_kg.graph.export import CERTAINTY_COLOURS, INCIDENT_COLOUR, TYPE_COLOURS
from conflict_kg.graph.export.json_formats import cytoscape_data
from conflict_kg.graph.network import (
    CERTAINTIES,
    Budget,
    NetworkFilter,
    network_from_store,
    with_measures,
)
from conflict_kg.graph.store import Store

from ..deps import filter_dependency, get_settings, get_store, known_query_only
from ..network_budget import run_within_budget
from ..openapi import problems
from ..settings import Settings
from .exports import NETWORK_ERRORS

__all__ = ["router"]

STATIC = Path(__file__).resolve().parents[1] / "static"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'self'"
)

VIEW_FILTER = filter_dependency("denied")
"""The view's filters: denied claims shown (dashed) unless `min_certainty` says otherwise."""

router = APIRouter(tags=["view"], dependencies=[Depends(known_query_only)])
router.mount("/view/static", StaticFiles(directory=STATIC), name="view-static")


@router.get(
    "/view",
    response_class=FileResponse,
    responses={
        200: {
            "content": {"text/html": {"example": "<!doctype html><html><head><title>conflict-kg"}}
        }
    },
)
def view(_: Annotated[NetworkFilter, Depends(VIEW_FILTER)]) -> FileResponse:
    """The interactive network: actors coloured by type, incidents as diamonds, roles and
    relations as labelled edges (dashed unless asserted), with date, certainty and type
    filters, a search box and the evidence of whatever is clicked. The page draws what
    `/view/data` answers for the filters in its own query string."""
    return FileResponse(
        STATIC / "view.html",
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
    )


@router.get(
    "/view/data",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "elements": {
                            "nodes": [
                                {
                                    "data": {
                                        "id": "entity/kataib-hezbollah",
                                        "name": "Kataib Hezbollah",
                                        "type": "ArmedGroup",
                                    }
                                }
                            ],
                            "edges": [],
                        }
                    }
                }
            }
        },
        **problems(NETWORK_ERRORS),
    },
)
async def view_data(
    request: Request,
    store: Annotated[Store, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
    filters: Annotated[NetworkFilter, Depends(VIEW_FILTER)],
) -> Response:
    """The full network as Cytoscape.js elements (every edge with its evidence; denied
    claims included unless `min_certainty` says otherwise) and the page's palette. Built
    within the query time limit and row cap (503 when the network outgrows them)."""

    def elements(budget: Budget) -> bytes:
        graph = with_measures(network_from_store(store, "full", filters, budget), budget)
        data = cytoscape_data(graph)
        data["style"] = {
            "types": TYPE_COLOURS,
            "incident": INCIDENT_COLOUR,
            "certainties": CERTAINTY_COLOURS,
            "certainty_order": list(CERTAINTIES),
        }
        data["links"] = {"entity": "/entities/{id}", "incident": "/incidents/{id}"}
        budget.check()
        # Encoded here, in the worker thread: a large network must not hold the event loop.
        return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode(
            "utf-8"
        )

    body = await run_within_budget(request, settings, elements)
    return Response(body, media_type="application/json")
