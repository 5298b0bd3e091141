"""Shared route dependencies: the settings and the store, opened once per application; the
incident filters every filtering route reads (defined once here, so their names, aliases
and meaning cannot drift between routes); and the refusal of query parameters no route
reads.

The filters, on `/incidents`, `/groups/...`, `/links/...`, `/export/{format}`,
`/view/data` and `/paths`: `date_from`, `date_to`, `place`, `actor`, `actor_type`,
`incident_class`, `min_certainty`. Their older names (`from`, `to`, `type`) are kept as
deprecated aliases. Which incidents a filter selects never depends on `min_certainty`: it
chooses the claims shown (the network's edges, an incident's actors).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import WithJsonSchema

from conflict_kg.graph import lookups
from conflict_kg.graph.network import (
    ACTOR_TYPES,
    CERTAINTIES,
    DEFAULT_MIN_CERTAINTY,
    NetworkError,
    NetworkFilter,
    event_class_names,
)
from conflict_kg.graph.store import Store

from .models import PartialDate
from .network_budget import run_lookup
from .problems import Problem
from .settings import Settings

__all__ = [
    "FILTER_CLASH",
    "LOOKUP_UNAVAILABLE",
    "Lookup",
    "LookupRunner",
    "dates_and_classes",
    "filter_dependency",
    "get_settings",
    "get_store",
    "known_query_only",
    "network_filter",
]


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


# Lookups within the budget ------------------------------------------------------------------

T = TypeVar("T")

LOOKUP_UNAVAILABLE = (
    "The store could not answer (a remote store down or refusing the request); or the "
    "lookup ran out of its budget: \"Lookup timed out\" "
    "past CONFLICT_KG_QUERY_TIMEOUT, \"Lookup too large\" when one of its queries reads more "
    "than CONFLICT_KG_MAX_ROWS rows."
)
"""The 503 of every lookup route (`api.openapi.STORE_UNAVAILABLE` and the budget's; written
out because `api.openapi` imports this module)."""


class LookupRunner:
    """Runs a call of `graph.lookups` for one request within its budget (deadline and row
    cap, work stopped when the client goes away): `await lookup(lambda: ...)`."""

    def __init__(self, request: Request) -> None:
        self._request = request

    async def __call__(self, call: Callable[[], T]) -> T:
        return await run_lookup(self._request, get_settings(self._request), call)


Lookup = Annotated[LookupRunner, Depends(LookupRunner)]
"""The dependency of the lookup routes."""


# Filters ------------------------------------------------------------------------------------

Certainty = StrEnum("Certainty", {name: name for name in CERTAINTIES})  # type: ignore[misc]
ActorType = StrEnum("ActorType", {name: name for name in ACTOR_TYPES})  # type: ignore[misc]
# Checked by NetworkFilter, whose message lists the classes; the schema lists the same, so a
# schema-valid value is never refused.
IncidentClass = Annotated[
    str, WithJsonSchema({"type": "string", "enum": list(event_class_names())})
]
_DATE_HELP = (
    "YYYY, YYYY-MM or YYYY-MM-DD. Incidents match when their date, taken at its precision "
    "(a month-precision 2021-10 covers the whole month), overlaps the range."
)
_ALIAS = "Deprecated: the old name of `{}` (given with it, both hold)."
DateFrom = Annotated[
    PartialDate | None,
    Query(description=f"Incidents on or after this date. {_DATE_HELP}", examples=["2021-11-01"]),
]
DateTo = Annotated[
    PartialDate | None,
    Query(
        description=f"Incidents on or before this date (to=2021-11: up to 30 November). "
        f"{_DATE_HELP}",
        examples=["2021-11-30"],
    ),
]
OldFrom = Annotated[
    PartialDate | None, Query(alias="from", deprecated=True, description=_ALIAS.format("date_from"))
]
OldTo = Annotated[
    PartialDate | None, Query(alias="to", deprecated=True, description=_ALIAS.format("date_to"))
]
IncidentClasses = Annotated[
    list[IncidentClass] | None,
    Query(
        description="Event classes, each with its subclasses (repeatable; Attack includes "
        "AirOrDroneStrike, Bombing, Shelling...).",
        examples=[["Attack"]],
    ),
]
OldType = Annotated[
    IncidentClass | None,
    Query(alias="type", deprecated=True, description=_ALIAS.format("incident_class")),
]


FILTER_CLASH = "`date_from` after `date_to` (under either of their names)."
"""The 422 of a schema-valid filter combination that cannot be answered."""


def _first_day(value: str | None) -> date | None:
    return lookups.date_span(value)[0] if value else None


def _last_day(value: str | None) -> date | None:
    """The last day of the span: to=2021-11 means up to 30 November."""
    return lookups.date_span(value)[1] if value else None


def _classes(incident_class: list[str] | None, old_type: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*(incident_class or ()), *([old_type] if old_type else [])]))


def dates_and_classes(
    date_from: DateFrom = None,
    date_to: DateTo = None,
    incident_class: IncidentClasses = None,
    old_from: OldFrom = None,
    old_to: OldTo = None,
    old_type: OldType = None,
) -> Callable[[], NetworkFilter]:
    """The date and class filters of the group routes, with their old names, checked when
    called: a group route answers an unknown id with 404 before it judges the dates."""

    def check() -> NetworkFilter:
        filters = _filter(
            date_from=_first_day(date_from),
            date_to=_last_day(date_to),
            incident_classes=_classes(incident_class, None),
        )
        return _with_old_names(filters, old_from, old_to, old_type)

    return check


def _filter(**values: Any) -> NetworkFilter:
    try:
        return NetworkFilter(**values)
    except NetworkError as exc:
        raise Problem(422, "Invalid parameters", str(exc)) from None


def filter_dependency(
    default_certainty: str, *, old_names: bool = False
) -> Callable[..., NetworkFilter]:
    """A dependency reading every incident filter from the query string, `min_certainty`
    defaulting to `default_certainty`; a bad combination is a 422 problem. With
    `old_names`, for the routes that had them, `from`, `to` and `type` too."""
    default = Certainty(default_certainty)

    def incident_filter(
        date_from: DateFrom = None,
        date_to: DateTo = None,
        place: Annotated[
            str | None,
            Query(
                pattern=lookups.LOCAL_ID.pattern,
                max_length=200,
                description="A place id: incidents there or in any place inside it (a city "
                "inside the country, by the graph's links or the gazetteer's country).",
                examples=["iraq"],
            ),
        ] = None,
        actor: Annotated[
            str | None,
            Query(
                pattern=lookups.LOCAL_ID.pattern,
                max_length=200,
                description="An entity id (any spelling resolution grouped): incidents where "
                "it has a role, at any certainty.",
                examples=["kataib-hezbollah"],
            ),
        ] = None,
        actor_type: Annotated[
            list[ActorType] | None,
            Query(
                description="Incidents where an actor of these types has a role, at any "
                "certainty; a network keeps only actors of these types (repeatable)."
            ),
        ] = None,
        incident_class: IncidentClasses = None,
        min_certainty: Annotated[
            Certainty,
            Query(
                description="Leave out claims less certain than this (denied keeps all); "
                "it selects no incidents."
            ),
        ] = default,
    ) -> NetworkFilter:
        return _filter(
            date_from=_first_day(date_from),
            date_to=_last_day(date_to),
            place=place,
            actor=actor,
            incident_classes=_classes(incident_class, None),
            min_certainty=str(min_certainty),
            actor_types=tuple(str(t) for t in actor_type or ()),
        )

    if not old_names:
        return incident_filter

    # A default, not `Annotated`: the annotations are strings (PEP 563), and FastAPI resolves
    # them in this module's namespace, where `incident_filter` is not.
    def with_old_names(
        filters: NetworkFilter = Depends(incident_filter),  # noqa: B008
        old_from: OldFrom = None,
        old_to: OldTo = None,
        old_type: OldType = None,
    ) -> NetworkFilter:
        return _with_old_names(filters, old_from, old_to, old_type)

    return with_old_names


def _with_old_names(
    filters: NetworkFilter, old_from: str | None, old_to: str | None, old_type: str | None
) -> NetworkFilter:
    """`filters` with what the old names add: given under both names, both dates hold (the
    later start, the earlier end); the classes add up, as a repeated `incident_class`."""
    starts = [d for d in (filters.date_from, _first_day(old_from)) if d]
    ends = [d for d in (filters.date_to, _last_day(old_to)) if d]
    values = {f.name: getattr(filters, f.name) for f in fields(filters)}
    values.update(
        date_from=max(starts, default=None),
        date_to=min(ends, default=None),
        incident_classes=_classes(list(filters.incident_classes), old_type),
    )
    return _filter(**values)


network_filter = filter_dependency(DEFAULT_MIN_CERTAINTY)
"""The filters of `/export` and `/paths`: denied claims left out unless asked for."""


# Unknown parameters -------------------------------------------------------------------------


def _query_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_query_only(request: Request) -> None:
    """Refuse (422) a query parameter a GET route does not read: a misspelt or unsupported
    filter must not answer as if it had not been asked. Every router but the SPARQL
    endpoint's depends on it (SPARQL clients send parameters of their own)."""
    route = request.scope.get("route")
    if request.method not in ("GET", "HEAD") or not isinstance(route, APIRoute):
        return  # a write's query string belongs to the protocol it speaks (SPARQL Update)
    known = _query_names(route.dependant)
    unknown = sorted({name for name in request.query_params} - known)
    if unknown:
        raise Problem(
            422,
            "Unknown parameters",
            f"unknown query parameter(s): {', '.join(unknown)}; this route reads "
            f"{', '.join(sorted(known)) or 'none'}",
        )
