"""Graph file formats with scalar attributes: GraphML, GEXF (dynamic), DOT and CSV tables."""

from __future__ import annotations

import csv
import io
import zipfile

import networkx as nx

from conflict_kg.graph.export.style import (
    CERTAINTY_COLOURS,
    flat_attributes,
    flat_graph,
    node_colour,
)

__all__ = ["CSV_FILES", "DOT_SKIPPED", "csv_zip", "dot", "gexf", "graphml"]

CSV_FILES = ("nodes.csv", "edges.csv")
NODE_COLUMNS = ("id", "label", "kind", "type")
EDGE_COLUMNS = ("source", "target", "key", "label", "kind", "certainty")
DOT_SKIPPED = frozenset({"name"})


def graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML with flattened attributes (networkx's writer declares one typed key each)."""
    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(graph), buffer, encoding="utf-8")
    return buffer.getvalue()


def _rgb(colour: str) -> dict[str, int]:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16)}


def gexf(graph: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 (`1.2draft`, what Gephi reads). Incidents, role edges and actors carry
    `start`/`end` dates (an actor spans its incidents), which makes the graph
    `mode="dynamic"` with `timeformat="date"`: Gephi's timeline filters on them. Nodes
    get their type's colour as `viz:color`."""
    dynamic = flat_graph(graph)
    dynamic.graph["mode"] = "dynamic"
    for _, data in dynamic.nodes(data=True):
        _interval(data)
        data["viz"] = {"color": {**_rgb(node_colour(data)), "a": 1.0}}
    for _, _, data in dynamic.edges(data=True):
        _interval(data)
    buffer = io.BytesIO()
    nx.write_gexf(dynamic, buffer, encoding="utf-8", version="1.2draft")
    return buffer.getvalue()


def _interval(data: dict) -> None:
    if "date_start" in data and "date_end" in data:
        data["start"] = data["date_start"]
        data["end"] = data["date_end"]


def _dot_id(text: object) -> str:
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _dot_attributes(attributes: dict[str, object]) -> str:
    return ", ".join(f"{key}={_dot_id(value)}" for key, value in attributes.items())


def dot(graph: nx.MultiDiGraph) -> bytes:
    """Graphviz DOT: actors as filled ellipses in their type's colour, incidents as grey
    diamonds, edges labelled by role or relation and dashed unless asserted. Every
    attribute is written, flattened and quoted (Graphviz ignores the ones it does not know),
    except `name`, which `label` carries and which pydot's reader cannot take."""
    lines = [
        f"digraph {_dot_id(graph.graph.get('name', 'conflict-kg'))} {{",
        '  graph [overlap="false", splines="true"];',
        '  node [style="filled", fontname="Helvetica", fontsize="10"];',
        '  edge [fontname="Helvetica", fontsize="8"];',
    ]
    for node, data in graph.nodes(data=True):
        attributes = flat_attributes({k: v for k, v in data.items() if k not in DOT_SKIPPED})
        style = {
            "shape": "diamond" if data.get("kind") == "incident" else "ellipse",
            "fillcolor": node_colour(data),
        }
        lines.append(f"  {_dot_id(node)} [{_dot_attributes({**attributes, **style})}];")
    for source, target, key, data in graph.edges(keys=True, data=True):
        attributes = flat_attributes(data)
        certainty = str(data.get("certainty", "asserted"))
        style = {
            "key": key,
            "style": "solid" if certainty == "asserted" else "dashed",
            "color": CERTAINTY_COLOURS.get(certainty, "#000000"),
        }
        edge = f"{_dot_id(source)} -> {_dot_id(target)}"
        lines.append(f"  {edge} [{_dot_attributes({**attributes, **style})}];")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _table(columns: tuple[str, ...], rows: list[dict[str, object]]) -> bytes:
    names = [*columns, *sorted({k for row in rows for k in row} - set(columns))]
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


def csv_zip(graph: nx.MultiDiGraph) -> bytes:
    """A zip of `nodes.csv` (one row per node, column `id` first) and `edges.csv` (`source`,
    `target`, `key` first), attributes flattened, UTF-8 with a header row: the two tables
    Gephi's spreadsheet import, R and pandas read."""
    nodes = [{"id": node, **flat_attributes(data)} for node, data in graph.nodes(data=True)]
    edges = [
        {"source": source, "target": target, "key": key, **flat_attributes(data)}
        for source, target, key, data in graph.edges(keys=True, data=True)
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in zip(
            CSV_FILES, (_table(NODE_COLUMNS, nodes), _table(EDGE_COLUMNS, edges)), strict=True
        ):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()
