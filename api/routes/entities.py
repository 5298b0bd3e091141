"""`/entities`: actors and places, one entity with its relations and incidents, and the
subgraph around it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import Field

from conflict_kg.graph import lookups
from conflict_kg.graph.store import Store

from ..deps import get_store
from ..models import (
    ARTICLE,
    STRIKE,
    TITLE,
    EntityRef,
    EntityType,
    Evidence,
    IdPath,
    LimitQuery,
    LookupModel,
    OffsetQuery,
    example_config,
    page_example,
)
from ..openapi import STORE_UNAVAILABLE, problems
from ..problems import Problem

__all__ = ["router"]

router = APIRouter(tags=["entities"])
StoreDep = Annotated[Store, Depends(get_store)]
NOT_FOUND = problems({404: "No article mentions an entity with this id.", 503: STORE_UNAVAILABLE})


# Response bodies ---------------------------------------------------------------------------


class EntitySummary(LookupModel):
    id: str
    name: str
    type: str | None
    aliases: list[str]
    incidents: int = Field(description="Distinct incidents linked by any claim (denied too).")


class EntityPage(LookupModel):
    model_config = example_config(
        page_example(
            {
                "id": "asaib-ahl-al-haq",
                "name": "Asaib Ahl al-Haq",
                "type": "ArmedGroup",
                "aliases": ["Asaib"],
                "incidents": 1,
            }
        )
    )
    items: list[EntitySummary]
    total: int
    limit: int
    offset: int


class Relation(LookupModel):
    predicate: str = Field(description="backedBy, partOf, memberOf, affiliatedWith, ...")
    direction: Literal["out", "in"] = Field(
        description="out: this entity is the subject (it is backedBy the other)."
    )
    other: EntityRef
    certainty: str
    source: str | None = Field(description="Who said so, as the article puts it.")
    evidence: Evidence


class EntityIncident(LookupModel):
    id: str
    type: str | None
    acled: str | None
    date: str | None
    role: str
    certainty: str
    source: str | None
    incident: str | None = Field(
        default=None,
        description="The incident, resolved across articles, that this article's report "
        "(`id`) belongs to: `/incidents/{incident}`.",
    )


class AliasSeen(LookupModel):
    name: str
    articles: list[str] = Field(description="Ids of the articles that used this name.")


class EntityDetailModel(LookupModel):
    model_config = example_config(
        {
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
    )
    id: str
    iri: str
    name: str
    type: str | None
    aliases: list[str]
    acled_category: str | None
    country: str | None = Field(description="The country entity's id.")
    relations: list[Relation]
    incidents: list[EntityIncident]
    articles: list[str] = Field(description="Ids of the articles that mention it.")
    names_seen: list[AliasSeen] = Field(
        default=[], description="Every name the articles used for it, with those articles."
    )
    same_as: list[str] = Field(
        default=[],
        description="Ids of other articles' spellings resolved to this actor; asking for any "
        "of them returns this entity.",
    )


class Node(LookupModel):
    id: str
    name: str
    kind: Literal["actor", "place", "incident", "weapon", "position", "other"]
    type: str | None


class Edge(LookupModel):
    source: str
    target: str
    predicate: str = Field(description="A role (perpetrator, place, instrument...) or relation.")
    certainty: str


class SubgraphModel(LookupModel):
    model_config = example_config(
        {
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
    )
    center: str
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool = Field(description="True when the node cap cut the walk short.")


def _unknown(id: str) -> Problem:
    return Problem(404, "Not found", f"no entity with id {id!r}")


# Plain `def` routes: FastAPI runs them in its worker threads, so the store's blocking calls
# never hold up the event loop.


@router.get(
    "/entities",
    response_model=EntityPage,
    summary="Actors and places",
    responses=problems({503: STORE_UNAVAILABLE}),
)
def list_entities(
    store: StoreDep,
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
) -> EntityPage:
    """Actors and places by name, with their type, other names and how many incidents they
    are linked to."""
    page = lookups.list_entities(
        store, type=type.value if type else None, q=q, limit=limit, offset=offset
    )
    return EntityPage.model_validate(page)


@router.get(
    "/entities/{id}",
    response_model=EntityDetailModel,
    summary="One actor or place",
    responses=NOT_FOUND,
)
def get_entity(id: IdPath, store: StoreDep) -> EntityDetailModel:
    """Names, type, ACLED category, country; every relation in both directions with its
    certainty, source and evidence; the incidents it has a role in; the articles naming it."""
    entity = lookups.get_entity(store, id)
    if entity is None:
        raise _unknown(id)
    return EntityDetailModel.model_validate(entity)


@router.get(
    "/entities/{id}/neighbors",
    response_model=SubgraphModel,
    summary="The subgraph around an entity",
    responses=NOT_FOUND,
)
def get_neighbors(
    id: IdPath,
    store: StoreDep,
    depth: Annotated[int, Query(ge=1, le=3, description="Hops from the entity (1-3).")] = 1,
) -> SubgraphModel:
    """Nodes (actors, places, incidents, weapons, positions) within `depth` hops over role
    and relation claims in both directions, and the edges between them with their certainty
    (denied claims included, marked "denied")."""
    subgraph = lookups.neighbors(store, id, depth=depth)
    if subgraph is None:
        raise _unknown(id)
    return SubgraphModel.model_validate(subgraph)
