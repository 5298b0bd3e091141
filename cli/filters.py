"""The filters that `network` and `export` share, as options and as the `NetworkFilter` the
HTTP routes take, so both commands and `/export/{format}` filter alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from conflict_kg.cli.shell import fail

if TYPE_CHECKING:
    from conflict_kg.graph.network import NetworkFilter

DateFromOption = Annotated[
    str | None,
    typer.Option("--date-from", help="Incidents whose date span ends on or after YYYY-MM-DD."),
]
DateToOption = Annotated[
    str | None,
    typer.Option("--date-to", help="Incidents whose date span starts on or before YYYY-MM-DD."),
]
PlaceOption = Annotated[
    str | None,
    typer.Option("--place", help="A place id (e.g. iraq): incidents there or inside it."),
]
IncidentClassOption = Annotated[
    list[str] | None,
    typer.Option("--incident-class", help="Event class, subclasses included (repeatable)."),
]
ActorTypeOption = Annotated[
    list[str] | None,
    typer.Option("--actor-type", help="Only actors of this type (repeatable)."),
]
MinCertaintyOption = Annotated[
    str,
    typer.Option(
        "--min-certainty",
        help="Leave out claims less certain than this: asserted, alleged, hedged, "
        "unconfirmed or denied (keeps all).",
    ),
]
ProjectionOption = Annotated[
    str,
    typer.Option(
        "--projection",
        help="full (incidents, actors, roles, relations), bipartite (incidents and actors) "
        "or actors (relations and co-perpetration).",
    ),
]


def network_filter(
    date_from: str | None,
    date_to: str | None,
    place: str | None,
    incident_class: list[str] | None,
    actor_type: list[str] | None,
    min_certainty: str,
) -> NetworkFilter:
    """The filters of `network` and `export`, as the HTTP routes take them."""
    from datetime import date

    from conflict_kg.graph.network import NetworkError, NetworkFilter

    days = {}
    for option, value in (("--date-from", date_from), ("--date-to", date_to)):
        try:
            days[option] = date.fromisoformat(value) if value else None
        except ValueError:
            raise fail(f"{option} must be a date YYYY-MM-DD, got {value!r}", 2) from None
    try:
        return NetworkFilter(
            date_from=days["--date-from"],
            date_to=days["--date-to"],
            place=place,
            incident_classes=tuple(incident_class or ()),
            min_certainty=min_certainty,
            actor_types=tuple(actor_type or ()),
        )
    except NetworkError as exc:
        raise fail(str(exc), 2) from None
