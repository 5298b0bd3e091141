"""`/groups/{id}/incidents` and `/links/groups-incidents`: which groups are linked to which
incidents, in which role, how certain, on whose word.

Groups are the actors of `graph.lookups.GROUP_TYPES` (ArmedGroup, StateForce, Government,
State, Organization). Asking for the incidents of another kind of entity (a person, a place,
a communal group) is a 422, an unknown id a 404.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from conflict_kg.graph import lookups
from conflict_kg.graph.network import NetworkFilter
from conflict_kg.graph.store import Store

from ..deps import (
    FILTER_CLASH,
    LOOKUP_UNAVAILABLE,
    Lookup,
    dates_and_classes,
    get_store,
    known_query_only,
)
from ..models import (
    KH,
    KH_EVIDENCE,
    STRIKE,
    CertaintyQuery,
    GroupType,
    IdPath,
    LimitQuery,
    OffsetQuery,
    RoleQuery,
    example_response,
    page_example,
)
from ..openapi import problems
from ..problems import Problem

__all__ = ["router"]

router = APIRouter(tags=["groups"], dependencies=[Depends(known_query_only)])
StoreDep = Annotated[Store, Depends(get_store)]


# Examples of the answers, for /docs ------------------------------------------------------

GROUP_INCIDENT_PAGE = page_example(
    {
        "id": STRIKE,
        "type": "AirOrDroneStrike",
        "acled": "AIR_STRIKE",
        "date": "2021-11-07",
        "date_precision": "day",
        "links": [
            {
                "role": "perpetrator",
                "certainty": "alleged",
                "source": "Two Iraqi security officials",
                "evidence": [KH_EVIDENCE],
            }
        ],
    }
)
GROUP_LINK_PAGE = page_example(
    {
        "group": KH,
        "incident": {
            "id": STRIKE,
            "type": "AirOrDroneStrike",
            "acled": "AIR_STRIKE",
            "date": "2021-11-07",
            "date_precision": "day",
        },
        "role": "perpetrator",
        "certainty": "alleged",
        "source": "Two Iraqi security officials",
        "evidence": [KH_EVIDENCE],
    }
)


@router.get(
    "/groups/{id}/incidents",
    response_model=lookups.Page[lookups.GroupIncident],
    summary="The incidents one group is linked to",
    responses=problems(
        {
            404: "No entity with this id.",
            422: f"The entity is not a group (e.g. a person or a place). Or: {FILTER_CLASH}",
            503: LOOKUP_UNAVAILABLE,
        }
    )
    | example_response(GROUP_INCIDENT_PAGE),
)
async def group_incidents(
    id: IdPath,
    store: StoreDep,
    lookup: Lookup,
    later: Annotated[Callable[[], NetworkFilter], Depends(dates_and_classes)],
    role: RoleQuery = None,
    certainty: CertaintyQuery = None,
    limit: LimitQuery = 50,
    offset: OffsetQuery = 0,
) -> lookups.Page[lookups.GroupIncident]:
    """Newest first; each incident with the group's links to it: role, certainty, the source
    that says so, and the evidence of each claim."""

    def answer() -> lookups.Page[lookups.GroupIncident]:
        try:
            try:
                filters = later()
            except Problem:
                # An unknown id is a 404 whatever the filters say.
                if lookups.group_incidents(store, id, limit=1) is None:
                    raise _unknown(id) from None
                raise
            page = lookups.group_incidents(
                store,
                id,
                role=role,
                certainty=certainty,
                date_from=filters.date_from,
                date_to=filters.date_to,
                limit=limit,
                offset=offset,
                incident_classes=filters.incident_classes,
            )
        except lookups.NotAGroupError as error:
            raise Problem(422, "Not a group", str(error)) from None
        if page is None:
            raise _unknown(id)
        return page

    return await lookup(answer)


def _unknown(id: str) -> Problem:
    return Problem(404, "Not found", f"no entity with id {id!r}")


@router.get(
    "/links/groups-incidents",
    response_model=lookups.Page[lookups.GroupLink],
    summary="Every group-incident link, with role, certainty and source",
    responses={
        **problems({422: FILTER_CLASH, 503: LOOKUP_UNAVAILABLE}),
        **example_response(GROUP_LINK_PAGE),
    },
)
async def links_groups_incidents(
    store: StoreDep,
    lookup: Lookup,
    later: Annotated[Callable[[], NetworkFilter], Depends(dates_and_classes)],
    role: RoleQuery = None,
    certainty: CertaintyQuery = None,
    group_type: Annotated[
        GroupType | None, Query(description="The group's class.", examples=["ArmedGroup"])
    ] = None,
    limit: LimitQuery = 50,
    offset: OffsetQuery = 0,
) -> lookups.Page[lookups.GroupLink]:
    """One row per (group, incident, role, certainty, source), newest incident first, with
    the evidence of the claims behind it."""
    filters = later()
    return await lookup(
        lambda: lookups.links_groups_incidents(
            store,
            role=role,
            certainty=certainty,
            group_type=group_type,
            date_from=filters.date_from,
            date_to=filters.date_to,
            limit=limit,
            offset=offset,
            incident_classes=filters.incident_classes,
        )
    )
