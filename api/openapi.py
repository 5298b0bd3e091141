"""The OpenAPI document as the service's contract: every answer a route can give, with the
media type the running service gives it in.

FastAPI documents what it sees in a route's signature: the success body, and a 422 in
`application/json` with its own error schema. Our errors are RFC 9457 problem details in
`application/problem+json`, and some come from the machinery around a route rather than from
its code: request validation (422), the write token (401, 403), the body size limit (413).
`install_contract` post-processes the generated document once: it adds those answers where
that machinery applies, and gives every 4xx and 5xx answer the one `Problem` schema. What a
route's own code raises, the route declares in its decorator with `problems(...)`, next to
the code that raises it; schemathesis checks both against the live service
(tests/api/test_contract.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from .auth import require_token
from .deps import known_query_only
from .problems import PROBLEM_JSON, served_routes

__all__ = [
    "BEARER",
    "STORE_UNAVAILABLE",
    "install_contract",
    "problems",
]

BEARER = "bearerToken"
"""The security scheme of the write routes: `Authorization: Bearer <CONFLICT_KG_TOKEN>`."""

STORE_UNAVAILABLE = "The store could not answer (a remote store down or refusing the request)."
"""The 503 of every route that reads or writes the store (`graph.errors.StoreError`)."""

_PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "An RFC 9457 problem detail: the body of every error answer.",
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "description": "Always about:blank: `title` says what."},
        "title": {"type": "string", "description": "The kind of error, the same each time."},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string", "description": "What was wrong with this request."},
        "errors": {
            "type": "array",
            "description": "422 for a parameter out of its schema: each refused value.",
            "items": {
                "type": "object",
                "required": ["loc", "msg"],
                "properties": {
                    "loc": {"type": "array", "items": {"type": ["string", "integer"]}},
                    "msg": {"type": "string"},
                },
            },
        },
    },
}
_VALIDATION = (
    "Invalid parameters: a value out of its schema (`errors` lists each one), or a query "
    "parameter the route does not read (`detail` names it)."
)
_GENERIC = {
    401: "No bearer token sent.",
    403: "Wrong token, or writes disabled (the server has no CONFLICT_KG_TOKEN).",
    413: "The body is larger than CONFLICT_KG_MAX_BODY bytes.",
}
_RETRY_AFTER = {
    "description": "Seconds to wait before sending the request again.",
    "schema": {"type": "integer", "minimum": 0},
}


def problems(
    documented: Mapping[int, str], *, retry_after: Collection[int] = ()
) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route for the errors its own code raises, each with why.

    The content (`application/problem+json`, the Problem schema) is filled in for every
    error answer by `install_contract`; `retry_after` names the statuses that may carry a
    `Retry-After` header."""
    responses: dict[int | str, dict[str, Any]] = {}
    for status, description in documented.items():
        response: dict[str, Any] = {"description": description}
        if status in retry_after:
            response["headers"] = {"Retry-After": _RETRY_AFTER}
        responses[status] = response
    return responses


def install_contract(app: FastAPI) -> None:
    """Make `app.openapi()` (and /openapi.json) return the post-processed document."""
    generate: Callable[[], dict[str, Any]] = app.openapi
    done = False

    def openapi() -> dict[str, Any]:
        nonlocal done
        document = generate()  # FastAPI builds it once and caches it in app.openapi_schema
        if not done:
            _contract(app, document)
            done = True
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def _contract(app: FastAPI, document: dict[str, Any]) -> None:
    components = document.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = _PROBLEM_SCHEMA
    for route in served_routes(app.routes):
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        for method in route.methods:
            # Every served APIRoute is in the document (tests/api/test_contract.py counts).
            operation = document["paths"].get(route.path_format, {}).get(method.lower())
            if operation is None:
                continue
            _complete(route, operation)
            if _depends_on(route.dependant, require_token):
                operation["security"] = [{BEARER: []}]
                components.setdefault("securitySchemes", {})[BEARER] = {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "The value of CONFLICT_KG_TOKEN; needed by every write.",
                }
    # Every 422 now refers to Problem; FastAPI's own error schemas are left unused.
    schemas = components["schemas"]
    if "HTTPValidationError" not in json.dumps(document["paths"]):
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)


def _complete(route: APIRoute, operation: dict[str, Any]) -> None:
    """Add the answers of the machinery around `route`, then give every error the Problem
    schema with its own status."""
    responses: dict[str, Any] = operation["responses"]
    declared_422 = route.responses.get(422) or route.responses.get("422")
    # A GET route refuses a query parameter it does not read (`known_query_only`).
    refuses_unknown = "GET" in route.methods and _depends_on(route.dependant, known_query_only)
    if _validates(route.dependant) or refuses_unknown:
        description = _VALIDATION
        if declared_422:
            description = f"{declared_422['description']} Or: {_VALIDATION}"
        responses["422"] = {"description": description}
    if _depends_on(route.dependant, require_token):
        for status in (401, 403):
            responses.setdefault(str(status), {"description": _GENERIC[status]})
    if "requestBody" in operation:
        responses.setdefault("413", {"description": _GENERIC[413]})
    for code, response in responses.items():
        if code.isdigit() and int(code) >= 400:
            response["content"] = {PROBLEM_JSON: {"schema": _problem_schema(int(code))}}
    operation["responses"] = dict(sorted(responses.items()))


def _problem_schema(status: int) -> dict[str, Any]:
    return {
        "allOf": [
            {"$ref": "#/components/schemas/Problem"},
            {"type": "object", "properties": {"status": {"const": status}}},
        ]
    }


def _validates(dependant: Dependant) -> bool:
    """Whether FastAPI validates any input of the route or its dependencies (and so may
    answer 422)."""
    own = (
        dependant.path_params,
        dependant.query_params,
        dependant.header_params,
        dependant.cookie_params,
        dependant.body_params,
    )
    return any(own) or any(_validates(d) for d in dependant.dependencies)


def _depends_on(dependant: Dependant, call: Callable[..., Any]) -> bool:
    return dependant.call is call or any(_depends_on(d, call) for d in dependant.dependencies)
