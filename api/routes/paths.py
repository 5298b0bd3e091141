"""`/paths`: how two actors connect, each hop with the claims that support it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from conflict_kg.graph.network import (
    Budget,
    Hop,
    NetworkFilter,
    entity_node,
    find_paths,
    lookup_entity,
    network_from_store,
)
from conflict_kg.graph.store import Store

from ..deps import get_settings, get_store, known_query_only, network_filter
from ..network_budget import run_within_budget
from ..openapi import problems
from ..problems import Problem
from ..settings import Settings
from .exports import ENTITY_ID, NETWORK_ERRORS

__all__ = ["router"]

router = APIRouter(tags=["network"], dependencies=[Depends(known_query_only)])


class PathEnd(BaseModel):
    id: str
    name: str
    types: list[str]


class PathEvidence(BaseModel):
    claim: str
    article: str
    certainty: str
    sentence: str | None = None
    text: str | None = Field(None, description="The span of the sentence that says it.")
    according_to: str | None = Field(None, description="Who said so, as the article puts it.")
    start: int | None = None
    end: int | None = None
    article_title: str | None = None
    published: str | None = None
    confidence: float | None = None


class PathHop(BaseModel):
    source: str = Field(description="Where this hop starts, in walking order (a local id).")
    source_kind: str = Field(description="entity or incident")
    target: str
    target_kind: str
    subject: str = Field(description="The link as stated: subject, predicate, object.")
    predicate: str
    object: str
    kind: str = Field(description="role (incident -> actor) or relation (actor -> actor)")
    certainty: str = Field(description="The strongest certainty over the link's claims.")
    evidence: list[PathEvidence]


class Connection(BaseModel):
    length: int
    nodes: list[str] = Field(description="Node ids along the path: entity/<id>, incident/<id>.")
    hops: list[PathHop]


class Paths(BaseModel):
    source: PathEnd
    target: PathEnd
    max_length: int
    paths: list[Connection] = Field(description="The shortest connections; empty if none.")


def _split(node: str) -> tuple[str, str]:
    kind, _, local = node.partition("/")
    return local, kind


def _hop(hop: Hop) -> PathHop:
    source, source_kind = _split(hop.source)
    target, target_kind = _split(hop.target)
    return PathHop(
        source=source,
        source_kind=source_kind,
        target=target,
        target_kind=target_kind,
        subject=_split(hop.subject)[0],
        predicate=hop.predicate,
        object=_split(hop.object)[0],
        kind=hop.kind,
        certainty=hop.certainty,
        evidence=[PathEvidence(**e) for e in hop.evidence],
    )


def _end(store: Store, entity_id: str, which: str, budget: Budget) -> PathEnd:
    found = lookup_entity(store, entity_id, budget)
    if found is None:
        raise Problem(404, "Not found", f"no entity {entity_id!r} ({which}) in the store")
    return PathEnd(id=entity_id, name=found[0], types=found[1])


@router.get(
    "/paths",
    response_model=Paths,
    responses=problems(
        {
            **NETWORK_ERRORS,
            404: "No entity with the `source` or the `target` id.",
            422: f"{NETWORK_ERRORS[422][:-1]}, or `source` and `target` the same entity.",
        }
    ),
)
async def paths(
    request: Request,
    source: Annotated[
        str,
        Query(pattern=ENTITY_ID, description="An entity id (e.g. iran).", examples=["iran"]),
    ],
    target: Annotated[
        str,
        Query(pattern=ENTITY_ID, description="Another entity id.", examples=["kataib-hezbollah"]),
    ],
    store: Annotated[Store, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
    filters: Annotated[NetworkFilter, Depends(network_filter)],
    max_length: Annotated[int, Query(ge=1, le=6, description="Most hops in a path.")] = 4,
) -> Paths:
    """The shortest paths between two actors through incidents and actor relations, of at
    most `max_length` hops, with the evidence of each hop. Filters as for `/export`. Built
    within the query time limit and row cap (503 when the network outgrows them)."""

    def connect(budget: Budget) -> Paths:
        start = _end(store, source, "source", budget)
        end = _end(store, target, "target", budget)
        if source == target:
            raise Problem(422, "Invalid parameters", "source and target are the same entity")
        graph = network_from_store(store, "full", filters, budget)
        found = find_paths(graph, entity_node(source), entity_node(target), max_length)
        budget.check()
        return Paths(
            source=start,
            target=end,
            max_length=max_length,
            paths=[
                Connection(
                    length=len(hops),
                    nodes=[hops[0].source, *(h.target for h in hops)],
                    hops=[_hop(h) for h in hops],
                )
                for hops in found
            ],
        )

    return await run_within_budget(request, settings, connect)
