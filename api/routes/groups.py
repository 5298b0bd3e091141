"""`/groups/{id}/incidents` and `/links/groups-incidents`: which groups are linked to which
incidents, in which role, how certain, on whose word.

Groups are the actors of `graph.lookups.GROUP_TYPES` (ArmedGroup, StateForce, Government,
State, Organization). Asking for the incidents of another kind of entity (a person, a place,
a communal group) is a 422, an unknown id a 404.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from conflict_kg.graph import lookups
from conflict_kg.graph.store import Store

from ..deps import get_store
from ..models import (
    KH,
    KH_EVIDENCE,
    STRIKE,
    CertaintyQuery,
    DateFromQuery,
    DateToQuery,
    EventType,
    GroupType,
    IdPath,
    LimitQuery,
    OffsetQuery,
    RoleQuery,
    date_bounds,
    example_response,
    page_example,
)
from ..openapi import STORE_UNAVAILABLE, problems
from ..problems import Problem

__all__ = ["router"]

router = APIRouter(tags=["groups"])
StoreDep = Annotated[Store, Depends(get_store)]
IncidentTypeQuery = Annotated[
    EventType | None,
    Query(description="The incident's class, subclasses included.", examples=["Attack"]),
]


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
            422: "The entity is not a group (e.g. a person or a place).",
            503: STORE_UNAVAILABLE,
        }
    )
    | example_response(GROUP_INCIDENT_PAGE),
)
def group_incidents(
    id: IdPath,
    store: StoreDep,
    role: RoleQuery = None,
    certainty: CertaintyQuery = None,
    type: IncidentTypeQuery = None,
    date_from: DateFromQuery = None,
    date_to: DateToQuery = None,
    limit: LimitQuery = 50,
    offset: OffsetQuery = 0,
) -> lookups.Page[lookups.GroupIncident]:
    """Newest first; each incident with the group's links to it: role, certainty, the source
    that says so, and the evidence of each claim."""
    try:
        page = lookups.group_incidents(
            store,
            id,
            role=role,
            certainty=certainty,
            type=type.value if type else None,
            limit=limit,
            offset=offset,
            **date_bounds(date_from, date_to),
        )
    except lookups.NotAGroupError as error:
        raise Problem(422, "Not a group", str(error)) from None
    if page is None:
        raise Problem(404, "Not found", f"no entity with id {id!r}")
    return page


@router.get(
    "/links/groups-incidents",
    response_model=lookups.Page[lookups.GroupLink],
    summary="Every group-incident link, with role, certainty and source",
    responses={**problems({503: STORE_UNAVAILABLE}), **example_response(GROUP_LINK_PAGE)},
)
def links_groups_incidents(
    store: StoreDep,
    role: RoleQuery = None,
    certainty: CertaintyQuery = None,
    type: IncidentTypeQuery = None,
    group_type: Annotated[
        GroupType | None, Query(description="The group's class.", examples=["ArmedGroup"])
    ] = None,
    date_from: DateFromQuery = None,
    date_to: DateToQuery = None,
    limit: LimitQuery = 50,
    offset: OffsetQuery = 0,
) -> lookups.Page[lookups.GroupLink]:
    """One row per (group, incident, role, certainty, source), newest incident first, with
    the evidence of the claims behind it."""
    page = lookups.links_groups_incidents(
        store,
        role=role,
        certainty=certainty,
        type=type.value if type else None,
        group_type=group_type,
        limit=limit,
        offset=offset,
        **date_bounds(date_from, date_to),
    )
    return page
