"""`/incidents`: the filtered list of incidents and one incident with all its evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from conflict_kg.graph import lookups
from conflict_kg.graph.network import NetworkFilter
from conflict_kg.graph.store import Store

from ..deps import (
    FILTER_CLASH,
    LOOKUP_UNAVAILABLE,
    Lookup,
    filter_dependency,
    get_store,
    known_query_only,
)
from ..models import (
    ARTICLE,
    KH,
    KH_EVIDENCE,
    STRIKE,
    TITLE,
    CertaintyQuery,
    IncidentIdPath,
    LimitQuery,
    OffsetQuery,
    example_response,
    page_example,
)
from ..openapi import problems
from ..problems import Problem

__all__ = ["router"]

INCIDENT_FILTER = filter_dependency("denied", old_names=True)
"""Every claim shown, denied ones too, unless `min_certainty` says otherwise."""

router = APIRouter(tags=["incidents"], dependencies=[Depends(known_query_only)])
StoreDep = Annotated[Store, Depends(get_store)]


# Examples of the answers, for /docs ------------------------------------------------------

REPORT = {
    "article": ARTICLE,
    "title": TITLE,
    "published": "2021-11-08",
    "sources": ["Two Iraqi security officials", "A militia source"],
    "report": STRIKE,
    "type": "AirOrDroneStrike",
    "date": "2021-11-07",
    "date_precision": "day",
    "fatalities": None,
    "injuries": None,
}
INCIDENT_PAGE = page_example(
    {
        "id": f"c-{STRIKE}",
        "type": "AirOrDroneStrike",
        "acled": "AIR_STRIKE",
        "date": "2021-11-07",
        "date_precision": "day",
        "place": {"id": "baghdad", "name": "Baghdad"},
        "actors": [
            {**KH, "role": "perpetrator", "certainty": "alleged"},
            {
                "id": "iran",
                "name": "Iran",
                "type": "State",
                "role": "perpetrator",
                "certainty": "denied",
            },
        ],
        "reports": [REPORT],
        "report_count": 1,
    }
)
INCIDENT_DETAIL = {
    "id": f"c-{STRIKE}",
    "iri": f"https://w3id.org/conflict-kg/id/incident/c-{STRIKE}",
    "type": "AirOrDroneStrike",
    "acled": "AIR_STRIKE",
    "label": "drone strike",
    "trigger": "drone strike",
    "date": "2021-11-07",
    "date_precision": "day",
    "places": [{"id": "baghdad", "name": "Baghdad"}],
    "roles": [
        {
            "role": "perpetrator",
            "actor": KH,
            "certainty": "alleged",
            "source": "Two Iraqi security officials",
            "evidence": KH_EVIDENCE,
        }
    ],
    "instruments": [{"id": "drone", "name": "drone"}],
    "fatalities": None,
    "injuries": None,
    "fatalities_reported": False,
    "injuries_reported": True,
    "reports": [REPORT],
    "fatalities_max": None,
    "injuries_max": None,
}


@router.get(
    "/incidents",
    response_model=lookups.Page[lookups.IncidentSummary],
    summary="Incidents, filtered",
    responses={
        **problems({422: FILTER_CLASH, 503: LOOKUP_UNAVAILABLE}),
        **example_response(INCIDENT_PAGE),
    },
)
async def list_incidents(
    store: StoreDep,
    lookup: Lookup,
    filters: Annotated[NetworkFilter, Depends(INCIDENT_FILTER)],
    certainty: CertaintyQuery = None,
    min_reports: Annotated[
        int,
        Query(
            ge=1,
            le=10_000,
            description="Only incidents reported by at least this many articles' reports "
            "(2: corroborated by a second article).",
            examples=[2],
        ),
    ] = 1,
    limit: LimitQuery = 50,
    offset: OffsetQuery = 0,
) -> lookups.Page[lookups.IncidentSummary]:
    """Incidents newest first, each with its class, ACLED label, date and precision, place,
    actors (every role at every certainty: a denied claim is listed as "denied", never as a
    fact, unless `min_certainty` leaves it out) and the articles reporting it with their
    sources. The filters are those of every route (`/export`, `/view/data`...), which
    select the same incidents: `incident_class` with its subclasses, dates by overlap at
    their precision, `place` with the places inside it, `actor` in any role, `actor_type`
    an actor of that type in any role. Besides: `certainty` needs one role claim with it
    (that actor's, when both are given); `min_reports` keeps incidents that several
    articles report."""
    return await lookup(
        lambda: lookups.list_incidents(
            store,
            actor=filters.actor,
            place=filters.place,
            date_from=filters.date_from,
            date_to=filters.date_to,
            certainty=certainty,
            min_reports=min_reports,
            limit=limit,
            offset=offset,
            incident_classes=filters.incident_classes,
            actor_types=filters.actor_types,
            min_certainty=filters.min_certainty,
        )
    )


@router.get(
    "/incidents/{id}",
    response_model=lookups.IncidentDetail,
    summary="One incident with its evidence",
    responses={
        **problems({404: "No incident with this id.", 503: LOOKUP_UNAVAILABLE}),
        **example_response(INCIDENT_DETAIL),
    },
)
async def get_incident(
    id: IncidentIdPath, store: StoreDep, lookup: Lookup
) -> lookups.IncidentDetail:
    """Class, ACLED label, date and precision, places, every role claim with its actor,
    certainty, source and evidence (article, sentence, span), weapons, casualty figures and
    the reports."""
    incident = await lookup(lambda: lookups.get_incident(store, id))
    if incident is None:
        raise Problem(404, "Not found", f"no incident with id {id!r}")
    return incident
