"""A static picture of a network for reports: SVG or PNG drawn with matplotlib.

No pyplot: a bare `Figure` renders through matplotlib's Agg and SVG canvases, so drawing
neither needs a display nor touches global state shared with other threads of the server.
The layout is networkx's spring layout with a fixed seed: the same network gives the same
picture.
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from conflict_kg.graph.export.style import (
    CERTAINTY_COLOURS,
    INCIDENT_COLOUR,
    TYPE_COLOURS,
    ExportError,
    node_colour,
)
from conflict_kg.graph.network.measures import SEED, simple_graph

__all__ = ["MAX_PICTURE_NODES", "png", "svg"]

MAX_PICTURE_NODES = 1500
"""Beyond this a picture is unreadable and the layout slow: filter the network first."""
LABELLED_NODES = 150
LABELLED_EDGES = 60


def _figure(graph: nx.MultiDiGraph) -> Any:
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    if len(graph) > MAX_PICTURE_NODES:
        raise ExportError(
            f"the network has {len(graph)} nodes; a picture takes at most {MAX_PICTURE_NODES}: "
            "narrow it with filters (dates, place, incident class, actor type)"
        )
    simple = simple_graph(graph)
    position = nx.spring_layout(simple, seed=SEED) if len(simple) else {}
    figure = Figure(figsize=(12, 9), dpi=100)
    axes = figure.add_axes((0.01, 0.01, 0.98, 0.98))
    axes.set_axis_off()
    for dashed in (False, True):
        segments, colours = [], []
        for source, target, data in graph.edges(data=True):
            certainty = data.get("certainty", "asserted")
            if (certainty != "asserted") == dashed and source != target:
                segments.append((position[source], position[target]))
                colours.append(CERTAINTY_COLOURS.get(certainty, "#000000"))
        if segments:
            axes.add_collection(
                LineCollection(
                    segments,
                    colors=colours,
                    linewidths=1.0,
                    linestyles="dashed" if dashed else "solid",
                    zorder=1,
                )
            )
    if graph.number_of_edges() <= LABELLED_EDGES:
        for source, target, key in graph.edges(keys=True):
            (x1, y1), (x2, y2) = position[source], position[target]
            axes.text((x1 + x2) / 2, (y1 + y2) / 2, key, fontsize=6, color="#555555", ha="center")
    groups: dict[tuple[str, str], list[str]] = {}
    for node, data in graph.nodes(data=True):
        kind = "incident" if data.get("kind") == "incident" else str(data.get("type", "actor"))
        groups.setdefault((kind, node_colour(data)), []).append(node)
    for (kind, colour), nodes in sorted(groups.items()):
        axes.scatter(
            [position[n][0] for n in nodes],
            [position[n][1] for n in nodes],
            s=[90 + 30 * min(simple.degree(n), 10) for n in nodes],
            c=colour,
            marker="D" if kind == "incident" else "o",
            edgecolors="white",
            linewidths=0.8,
            zorder=2,
        )
    if len(graph) <= LABELLED_NODES:
        for node, data in graph.nodes(data=True):
            x, y = position[node]
            axes.annotate(
                str(data.get("label", node)),
                (x, y),
                xytext=(0, 8),
                textcoords="offset points",
                fontsize=7,
                ha="center",
                zorder=3,
            )
    present = {kind for kind, _ in groups}
    handles = [
        Line2D([], [], marker="o", linestyle="", color=colour, label=name)
        for name, colour in TYPE_COLOURS.items()
        if name in present
    ]
    if "incident" in present:
        handles.append(
            Line2D([], [], marker="D", linestyle="", color=INCIDENT_COLOUR, label="incident")
        )
    handles.append(Line2D([], [], color=CERTAINTY_COLOURS["asserted"], label="asserted"))
    handles.append(
        Line2D([], [], color=CERTAINTY_COLOURS["alleged"], linestyle="--", label="not asserted")
    )
    axes.legend(handles=handles, loc="upper left", fontsize=7, frameon=False)
    axes.autoscale()
    axes.margins(0.1)
    return figure


def svg(graph: nx.MultiDiGraph) -> bytes:
    """SVG with text kept as text (searchable, selectable) and no timestamp."""
    from matplotlib import rc_context

    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "conflict-kg"}):
        _figure(graph).savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def png(graph: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    _figure(graph).savefig(buffer, format="png", dpi=120)
    return buffer.getvalue()
