"""Errors as RFC 9457 problem details, translated in one place for every route."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match

from conflict_kg.graph.errors import InvalidQueryError, StoreError

__all__ = [
    "PROBLEM_JSON",
    "Problem",
    "allowed_methods",
    "install_problem_handlers",
    "problem_response",
    "served_routes",
]

PROBLEM_JSON = "application/problem+json"
_TITLES = {404: "Not found", 405: "Method not allowed"}


class Problem(Exception):
    """An error a route raises on purpose: status, short title and a detail for the user."""

    def __init__(
        self, status: int, title: str, detail: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.headers = dict(headers or {})


def problem_response(
    status: int,
    title: str,
    detail: str,
    headers: Mapping[str, str] | None = None,
    **extra: object,
) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def served_routes(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """The routes that answer requests, looking inside included routers (FastAPI keeps an
    included router as one entry of `app.routes`). Our routers are included without a
    prefix, so a route's own path is the path it serves."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from served_routes(included.routes)
        else:
            yield route


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path: the `Allow` of a 405 (RFC 9110 15.5.6).

    Starlette's own 405 names the methods of the first route whose path matched only, but
    GET and POST /sparql are two routes; the union is what a client may try instead."""
    methods: set[str] = set()
    for route in served_routes(request.app.router.routes):
        route_methods = getattr(route, "methods", None)
        if route_methods and route.matches(request.scope)[0] is not Match.NONE:
            methods |= set(route_methods)
    return sorted(methods)


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(_: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc.status, exc.title, exc.detail, exc.headers)

    @app.exception_handler(InvalidQueryError)
    async def _invalid(_: Request, exc: InvalidQueryError) -> JSONResponse:
        return problem_response(400, "Malformed SPARQL", str(exc))

    @app.exception_handler(StoreError)
    async def _store(_: Request, exc: StoreError) -> JSONResponse:
        return problem_response(503, "Store unavailable", str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        return problem_response(422, "Invalid parameters", detail, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers or {})
        detail = str(exc.detail)
        if exc.status_code == 405:
            allow = ", ".join(allowed_methods(request))
            headers["Allow"] = allow
            detail = f"{request.method} is not served at {request.url.path}; use {allow}"
        title = _TITLES.get(exc.status_code, "HTTP error")
        return problem_response(exc.status_code, title, detail, headers)
