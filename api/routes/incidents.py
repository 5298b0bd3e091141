"""`/incidents`: the filtered list of incidents and one incident with all its evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from conflict_kg.graph import lookups
from conflict_kg.graph.store import Store

from ..deps import get_store
from ..models import (
    ARTICLE,
    KH,
    KH_EVIDENCE,
    STRIKE,
    TITLE,
    CertaintyQuery,
    DateFromQuery,
    DateToQuery,
    EventType,
    IdQuery,
    IncidentIdPath,
    LimitQuery,
    OffsetQuery,
    date_bounds,
    example_response,
    page_example,
)
from ..openapi import STORE_UNAVAILABLE, problems
from ..problems import Problem

__all__ = ["router"]

router = APIRouter(tags=["incidents"])
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
    responses={**problems({503: STORE_UNAVAILABLE}), **example_response(INCIDENT_PAGE)},
)
def list_incidents(
    store: StoreDep,
    type: Annotated[
        EventType | None,
        Query(
            description="An event class; matches its subclasses too (Attack includes "
            "AirOrDroneStrike, Bombing, Shelling...).",
            examples=["Attack"],
        ),
    ] = None,
    actor: IdQuery = None,
    place: Annotated[
        str | None,
        Query(
            pattern=lookups.LOCAL_ID.pattern,
            max_length=200,
            description="A place id; places located in it match too.",
            examples=["baghdad"],
        ),
    ] = None,
    date_from: DateFromQuery = None,
    date_to: DateToQuery = None,
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
    fact) and the articles reporting it with their sources. `actor` matches an actor in any
    role; `certainty` needs one role claim with it (that actor's, when both are given);
    `min_reports` keeps incidents that several articles report."""
    page = lookups.list_incidents(
        store,
        type=type.value if type else None,
        actor=actor,
        place=place,
        certainty=certainty,
        min_reports=min_reports,
        limit=limit,
        offset=offset,
        **date_bounds(date_from, date_to),
    )
    return page


@router.get(
    "/incidents/{id}",
    response_model=lookups.IncidentDetail,
    summary="One incident with its evidence",
    responses={
        **problems({404: "No incident with this id.", 503: STORE_UNAVAILABLE}),
        **example_response(INCIDENT_DETAIL),
    },
)
def get_incident(id: IncidentIdPath, store: StoreDep) -> lookups.IncidentDetail:
    """Class, ACLED label, date and precision, places, every role claim with its actor,
    certainty, source and evidence (article, sentence, span), weapons, casualty figures and
    the reports."""
    incident = lookups.get_incident(store, id)
    if incident is None:
        raise Problem(404, "Not found", f"no incident with id {id!r}")
    return incident
