"""`/update`: SPARQL 1.1 Update, only for holders of the write token.

A token is no licence to make the server fetch: `LOAD`, `SERVICE` and `USING` obey the same
rule as on `/sparql` (`graph.federation`), checked before the store sees the update.
"""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Request, Response

from conflict_kg.graph.errors import InvalidQueryError, StoreError
from conflict_kg.graph.store import Store
from conflict_kg.graph.store.federation import (
    FederatedQueryFailed,
    RemoteAccessRefused,
    check_update,
)

from ..auth import require_token
from ..deps import get_settings, get_store, known_query_only
from ..models import NON_BLANK
from ..openapi import STORE_UNAVAILABLE, problems
from ..problems import Problem
from ..settings import Settings

__all__ = ["router"]

router = APIRouter(tags=["sparql"], dependencies=[Depends(known_query_only)])
EXAMPLE = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    'INSERT DATA { GRAPH <urn:notes> { <urn:x> rdfs:comment "checked by hand" } }'
)

_UPDATE_TEXT = {"type": "string", "pattern": NON_BLANK}


@router.post(
    "/update",
    status_code=204,
    summary="SPARQL Update (token only)",
    dependencies=[Depends(require_token)],
    responses=problems(
        {
            400: "Malformed SPARQL Update, an empty one, or one that would make the server "
            "fetch a URL (LOAD, SERVICE, USING) from an origin not allowed.",
            415: "Neither application/sparql-update nor a form.",
            502: "An allowed federation endpoint failed (no detail is given).",
            503: STORE_UNAVAILABLE,
        }
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/sparql-update": {"schema": _UPDATE_TEXT, "example": EXAMPLE},
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "properties": {"update": _UPDATE_TEXT},
                        "required": ["update"],
                    },
                    "example": {"update": EXAMPLE},
                },
            },
        }
    },
)
async def update(
    request: Request,
    store: Annotated[Store, Depends(get_store)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    """Apply an update atomically. Name graphs explicitly (`GRAPH <g>`): each article lives
    in its own named graph."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update":
        text = (await request.body()).decode("utf-8", errors="replace")
    elif content_type == "application/x-www-form-urlencoded":
        value = (await request.form()).get("update")
        if not isinstance(value, str):
            raise Problem(400, "Missing update", "the form has no 'update' field")
        text = value
    else:
        raise Problem(
            415,
            "Unsupported media type",
            "send application/sparql-update or application/x-www-form-urlencoded",
        )
    if not text.strip():
        raise Problem(400, "Missing update", "the update is empty")

    def checked() -> None:
        reach = check_update(text, store, settings.federation_origins)
        try:
            store.update(text)
        except RemoteAccessRefused:
            raise
        except StoreError:
            if reach.connects:
                raise FederatedQueryFailed() from None
            raise

    try:
        await anyio.to_thread.run_sync(checked)
    except RemoteAccessRefused as exc:
        raise Problem(400, f"{exc.construct} refused", str(exc)) from None
    except FederatedQueryFailed as exc:
        raise Problem(502, "Federated update failed", str(exc)) from None
    except InvalidQueryError as exc:
        raise Problem(400, "Malformed SPARQL Update", str(exc)) from None
    return Response(status_code=204)
