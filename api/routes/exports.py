"""`/export/{format}`: the network (filtered) or the whole store, as a file to download.

The filters are the one dependency of every filtering route, `api.deps.network_filter`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from conflict_kg.graph.export import FORMATS, ExportError, export
from conflict_kg.graph.network import (
    PROJECTIONS,
    Budget,
    NetworkError,
    NetworkFilter,
)
from conflict_kg.graph.store import Store

from ..deps import get_settings, get_store, known_query_only, network_filter
from ..network_budget import run_within_budget
from ..openapi import STORE_UNAVAILABLE, problems
from ..problems import Problem
from ..settings import Settings

__all__ = ["ENTITY_ID", "NETWORK_ERRORS", "Projection", "router"]

router = APIRouter(tags=["network"], dependencies=[Depends(known_query_only)])

ExportFormatName = StrEnum("ExportFormatName", {name: name for name in FORMATS})  # type: ignore[misc]
Projection = StrEnum("Projection", {name: name for name in PROJECTIONS})  # type: ignore[misc]
ENTITY_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
FULL = Projection("full")
NETWORK_ERRORS = {
    422: "Filters out of their schema, or `date_from` after `date_to`.",
    503: "Building the network ran out of its time or row budget (CONFLICT_KG_QUERY_TIMEOUT, "
    f"CONFLICT_KG_MAX_ROWS). Or: {STORE_UNAVAILABLE}",
}
"""The errors of every route that builds a network from the filters below."""


@router.get(
    "/export/{format}",
    response_class=Response,
    responses={
        200: {
            "description": "The export as a file (Content-Disposition names it).",
            "content": {spec.media_type: {} for spec in FORMATS.values()},
        },
        **problems(
            {
                **NETWORK_ERRORS,
                422: "Filters out of their schema, `date_from` after `date_to`, or filters "
                "or a projection on an RDF format (which exports the whole store).",
            }
        ),
    },
)
async def export_file(
    request: Request,
    format: Annotated[ExportFormatName, Path(description="The file format.", examples=["graphml"])],
    store: Annotated[Store, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
    filters: Annotated[NetworkFilter, Depends(network_filter)],
    projection: Annotated[
        Projection,
        Query(
            description="full: incidents, actors, roles and relations; bipartite: incidents "
            "and actors; actors: relations and co-perpetration."
        ),
    ] = FULL,
) -> Response:
    """The network in GraphML, GEXF, Cytoscape.js JSON, node-link JSON, DOT, GeoJSON, CSV
    (a zip of nodes.csv and edges.csv), SVG or PNG, filtered by the query parameters; or the
    whole store in TriG, N-Quads, Turtle, N-Triples or JSON-LD (no filters). Made within
    the query time limit; a network also within the row cap (503 when it outgrows them)."""
    spec = FORMATS[str(format)]

    def write(budget: Budget) -> bytes:
        return export(store, spec.name, str(projection), filters, budget)

    try:
        content = await run_within_budget(
            request, settings, write, "Export" if spec.rdf else "Network"
        )
    except (ExportError, NetworkError) as exc:
        raise Problem(422, "Cannot export", str(exc)) from None
    return Response(
        content,
        media_type=spec.media_type,
        headers={"Content-Disposition": f'attachment; filename="{spec.filename}"'},
    )
