"""`conflict-kg export` and `network`: the store written out in RDF, network, map, picture or
event-table formats, and the actors ranked by centrality.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from conflict_kg.cli.filters import (
    ActorTypeOption,
    DateFromOption,
    DateToOption,
    IncidentClassOption,
    MinCertaintyOption,
    PlaceOption,
    ProjectionOption,
    network_filter,
)
from conflict_kg.cli.shell import err, fail, open_cli_store, out, reader_may_stop
from conflict_kg.graph.errors import StoreError
from conflict_kg.graph.store import EXPORT_FORMATS


def export(
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="RDF: trig, nquads, turtle, nt, jsonld; network: graphml, gexf, cytoscape, "
            "nodelink, dot, geojson, csv (a zip of nodes.csv and edges.csv), svg, png; "
            "event tables, one row per incident: acled (CSV in ACLED's columns), "
            "plover (PLOVER-style JSON lines).",
        ),
    ] = "trig",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    projection: ProjectionOption = "full",
    date_from: DateFromOption = None,
    date_to: DateToOption = None,
    place: PlaceOption = None,
    incident_class: IncidentClassOption = None,
    actor_type: ActorTypeOption = None,
    min_certainty: MinCertaintyOption = "unconfirmed",
) -> None:
    """Write the whole store in an RDF format (quad formats keep the per-article graphs), the
    network in a graph, map or picture format, or the incidents as an ACLED- or PLOVER-shaped
    table, filtered like `/export/{format}`."""
    from conflict_kg.graph.export import FORMATS, ExportError
    from conflict_kg.graph.export import export as export_as
    from conflict_kg.graph.network import NetworkError

    known = list(dict.fromkeys([*FORMATS, *EXPORT_FORMATS]))
    if format not in known:
        raise fail(f"unknown format {format!r}: use one of {', '.join(known)}", 2)
    filters = network_filter(date_from, date_to, place, incident_class, actor_type, min_certainty)
    store = open_cli_store()
    try:
        data = export_as(store, format, projection, filters)
    except (ExportError, NetworkError) as exc:
        raise fail(str(exc), 2) from None
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    if output is None:
        with reader_may_stop():
            sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        err.print(f"wrote {len(data)} bytes to {escape(str(output))}", highlight=False)


def network(
    measure: Annotated[
        str,
        typer.Option("--measure", "-m", help="degree, betweenness or eigenvector centrality."),
    ] = "degree",
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many actors.")] = 10,
    ego: Annotated[
        str | None,
        typer.Option("--ego", help="Measure only the ego network of this entity id."),
    ] = None,
    radius: Annotated[int, typer.Option("--radius", min=1, help="Hops of the ego network.")] = 2,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    projection: ProjectionOption = "full",
    date_from: DateFromOption = None,
    date_to: DateToOption = None,
    place: PlaceOption = None,
    incident_class: IncidentClassOption = None,
    actor_type: ActorTypeOption = None,
    min_certainty: MinCertaintyOption = "unconfirmed",
) -> None:
    """Rank the actors of the network by degree, betweenness or eigenvector centrality."""
    from conflict_kg.graph.network import (
        MEASURES,
        NetworkError,
        ego_network,
        entity_node,
        network_from_store,
        top_actors,
    )

    if measure not in MEASURES:
        raise fail(f"unknown measure {measure!r}: use one of {', '.join(MEASURES)}", 2)
    if format not in ("table", "json"):
        raise fail(f"unknown format {format!r}: use table or json", 2)
    filters = network_filter(date_from, date_to, place, incident_class, actor_type, min_certainty)
    store = open_cli_store()
    try:
        graph = network_from_store(store, projection, filters)
        if ego is not None:
            graph = ego_network(graph, entity_node(ego), radius)
        ranks = top_actors(graph, measure, top)
    except NetworkError as exc:
        raise fail(str(exc), 2) from None
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    if format == "json":
        summary = {
            "measure": measure,
            "projection": projection,
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "actors": [asdict(rank) for rank in ranks],
        }
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(
        title=f"top {len(ranks)} actors by {measure} ({projection} network: "
        f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)"
    )
    for column in ("#", "actor", "type"):
        table.add_column(column, justify="right" if column == "#" else "left")
    for column in (measure, "links", "incidents", "community"):
        table.add_column(column, justify="right")
    for number, rank in enumerate(ranks, start=1):
        table.add_row(
            str(number),
            f"{escape(rank.name)}\n[dim]{escape(rank.id)}[/dim]",
            rank.type,
            f"{rank.score:.4f}",
            str(rank.links),
            str(rank.incidents),
            str(rank.community),
        )
    out.print(table)
