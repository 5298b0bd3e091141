"""`/export/{format}`: the network (filtered) or the whole store, as a file to download.

The network filters are one dependency, `network_filter`, shared with `/paths` and `/view`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import WithJsonSchema

from conflict_kg.graph.export import FORMATS, ExportError, export
from conflict_kg.graph.network import (
    ACTOR_TYPES,
    CERTAINTIES,
    DEFAULT_MIN_CERTAINTY,
    PROJECTIONS,
    Budget,
    NetworkError,
    NetworkFilter,
    event_class_names,
)
from conflict_kg.graph.store import Store

from ..deps import get_settings, get_store
from ..models import ISO_DAY
from ..network_budget import run_within_budget
from ..openapi import STORE_UNAVAILABLE, problems
from ..problems import Problem
from ..settings import Settings

__all__ = ["ENTITY_ID", "Projection", "filter_dependency", "network_filter", "router"]

router = APIRouter(tags=["network"])

ExportFormatName = StrEnum("ExportFormatName", {name: name for name in FORMATS})  # type: ignore[misc]
Certainty = StrEnum("Certainty", {name: name for name in CERTAINTIES})  # type: ignore[misc]
ActorType = StrEnum("ActorType", {name: name for name in ACTOR_TYPES})  # type: ignore[misc]
Projection = StrEnum("Projection", {name: name for name in PROJECTIONS})  # type: ignore[misc]
ENTITY_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
FULL = Projection("full")
# Checked by NetworkFilter, whose message lists the classes; the schema lists the same, so a
# schema-valid value is never refused.
IncidentClass = Annotated[
    str, WithJsonSchema({"type": "string", "enum": list(event_class_names())})
]
NETWORK_ERRORS = {
    422: "Filters out of their schema, or `date_from` after `date_to`.",
    503: "Building the network ran out of its time or row budget (CONFLICT_KG_QUERY_TIMEOUT, "
    f"CONFLICT_KG_MAX_ROWS). Or: {STORE_UNAVAILABLE}",
}
"""The errors of every route that builds a network from the filters below."""


def filter_dependency(default_certainty: str) -> Callable[..., NetworkFilter]:
    """A dependency reading the network filters from the query string, `min_certainty`
    defaulting to `default_certainty`; a bad combination is a 422 problem."""
    default = Certainty(default_certainty)

    def network_filter(
        date_from: Annotated[
            date | None,
            Query(description="Incidents whose date span ends on or after this day."),
            ISO_DAY,
        ] = None,
        date_to: Annotated[
            date | None,
            Query(description="Incidents whose date span starts on or before it."),
            ISO_DAY,
        ] = None,
        place: Annotated[
            str | None,
            Query(
                pattern=ENTITY_ID,
                description="A place id (e.g. iraq): incidents there or in a place inside it.",
            ),
        ] = None,
        incident_class: Annotated[
            list[IncidentClass] | None,
            Query(description="Event classes, with their subclasses (repeatable; e.g. Attack)."),
        ] = None,
        actor_type: Annotated[
            list[ActorType] | None, Query(description="Only actors of these types (repeatable).")
        ] = None,
        min_certainty: Annotated[
            Certainty,
            Query(description="Leave out claims less certain than this (denied keeps all)."),
        ] = default,
    ) -> NetworkFilter:
        try:
            return NetworkFilter(
                date_from=date_from,
                date_to=date_to,
                place=place,
                incident_classes=tuple(incident_class or ()),
                min_certainty=str(min_certainty),
                actor_types=tuple(str(t) for t in actor_type or ()),
            )
        except NetworkError as exc:
            raise Problem(422, "Invalid parameters", str(exc)) from None

    return network_filter


network_filter = filter_dependency(DEFAULT_MIN_CERTAINTY)


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
