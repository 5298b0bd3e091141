"""`/entities`: actors and places, one entity with its relations and incidents, and the
subgraph around it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from conflict_kg.graph import lookups
from conflict_kg.graph.store import Store

from ..deps import LOOKUP_UNAVAILABLE, Lookup, get_store, known_query_only
from ..models import (
    ARTICLE,
    STRIKE,
    TITLE,
    EntityType,
    IdPath,
    LimitQuery,
    OffsetQuery,
    example_response,
    page_example,
)
from ..openapi import problems
from ..problems import Problem

__all__ = ["router"]

router = APIRouter(tags=["entities"], dependencies=[Depends(known_query_only)])
StoreDep = Annotated[Store, Depends(get_store)]
NOT_FOUND = problems({404: "No article mentions an entity with this id.", 503: LOOKUP_UNAVAILABLE})


# Examples of the answers, for /docs ------------------------------------------------------

ENTITY_PAGE = page_example(
    {
        "id": "asaib-ahl-al-haq",
        "name": "Asaib Ahl al-Haq",
        "type": "ArmedGroup",
        "aliases": ["Asaib"],
        "incidents": 1,
    }
)
ENTITY_DETAIL = {
    "id": "kataib-hezbollah",
    "iri": "https://w3id.org/conflict-kg/id/entity/kataib-hezbollah",
    "name": "Kataib Hezbollah",
    "type": "ArmedGroup",
    "aliases": [],
    "acled_category": "Political militias",
    "country": "iraq",
    "relations": [
        {
            "predicate": "backedBy",
            "direction": "out",
            "other": {"id": "iran", "name": "Iran", "type": "State"},
            "certainty": "asserted",
            "source": None,
            "evidence": {
                "article": ARTICLE,
                "sentence": TITLE,
                "start": 35,
                "end": 49,
                "text": "Iranian-backed",
            },
        }
    ],
    "incidents": [
        {
            "id": STRIKE,
            "type": "AirOrDroneStrike",
            "acled": "AIR_STRIKE",
            "date": "2021-11-07",
            "role": "perpetrator",
            "certainty": "alleged",
            "source": "Two Iraqi security officials",
            "incident": f"c-{STRIKE}",
        }
    ],
    "articles": [ARTICLE],
    "names_seen": [{"name": "Kataib Hezbollah", "articles": [ARTICLE]}],
    "same_as": [],
}
SUBGRAPH = {
    "center": "asaib-ahl-al-haq",
    "nodes": [
        {
            "id": "asaib-ahl-al-haq",
            "name": "Asaib Ahl al-Haq",
            "kind": "actor",
            "type": "ArmedGroup",
        },
        {"id": "iran", "name": "Iran", "kind": "actor", "type": "State"},
        {
            "id": STRIKE,
            "name": "drone strike",
            "kind": "incident",
            "type": "AirOrDroneStrike",
        },
    ],
    "edges": [
        {
            "source": "asaib-ahl-al-haq",
            "target": "iran",
            "predicate": "backedBy",
            "certainty": "asserted",
        },
        {
            "source": STRIKE,
            "target": "asaib-ahl-al-haq",
            "predicate": "perpetrator",
            "certainty": "alleged",
        },
    ],
    "truncated": False,
}


def _unknown(id: str) -> Problem:
    return Problem(404, "Not found", f"no entity with id {id!r}")


# Each lookup runs in a worker thread within the request's budget (`Lookup`), so the store's
# blocking calls never hold up the event loop.


@router.get(
    "/entities",
    response_model=lookups.Page[lookups.EntitySummary],
    summary="Actors and places",
    responses={**problems({503: LOOKUP_UNAVAILABLE}), **example_response(ENTITY_PAGE)},
)
async def list_entities(
    store: StoreDep,
    lookup: Lookup,
    type: Annotated[
        EntityType | None,
        Query(
            description="An ontology class; matches its subclasses too (Actor: every actor).",
            examples=["ArmedGroup"],
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Part of the id, name or an alias; case, accents and apostrophes ignored.",
            examples=["kadhim"],
        ),
    ] = None,
    limit: LimitQuery = 50,
    offset: OffsetQuery = 0,
) -> lookups.Page[lookups.EntitySummary]:
    """Actors and places by name, with their type, other names and how many incidents they
    are linked to."""
    return await lookup(
        lambda: lookups.list_entities(
            store, type=type.value if type else None, q=q, limit=limit, offset=offset
        )
    )


@router.get(
    "/entities/{id}",
    response_model=lookups.EntityDetail,
    summary="One actor or place",
    responses={**NOT_FOUND, **example_response(ENTITY_DETAIL)},
)
async def get_entity(id: IdPath, store: StoreDep, lookup: Lookup) -> lookups.EntityDetail:
    """Names, type, ACLED category, country; every relation in both directions with its
    certainty, source and evidence; the incidents it has a role in; the articles naming it."""
    entity = await lookup(lambda: lookups.get_entity(store, id))
    if entity is None:
        raise _unknown(id)
    return entity


@router.get(
    "/entities/{id}/neighbors",
    response_model=lookups.Subgraph,
    summary="The subgraph around an entity",
    responses={**NOT_FOUND, **example_response(SUBGRAPH)},
)
async def get_neighbors(
    id: IdPath,
    store: StoreDep,
    lookup: Lookup,
    depth: Annotated[int, Query(ge=1, le=3, description="Hops from the entity (1-3).")] = 1,
) -> lookups.Subgraph:
    """Nodes (actors, places, incidents, weapons, positions) within `depth` hops over role
    and relation claims in both directions, and the edges between them with their certainty
    (denied claims included, marked "denied")."""
    subgraph = await lookup(lambda: lookups.neighbors(store, id, depth=depth))
    if subgraph is None:
        raise _unknown(id)
    return subgraph
