"""How the exports look and what they are: actor and certainty colours, the export formats,
and attributes flattened for formats without lists. Shared by every writer in this package,
so the writers depend on it and never on each other."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import networkx as nx

__all__ = [
    "CERTAINTY_COLOURS",
    "FORMATS",
    "INCIDENT_COLOUR",
    "NETWORK_FORMATS",
    "RDF_FORMATS",
    "TABLE_FORMATS",
    "TYPE_COLOURS",
    "ExportError",
    "ExportFormat",
    "flat_attributes",
    "flat_graph",
    "node_colour",
]

TYPE_COLOURS = {
    "Person": "#e69f00",
    "ArmedGroup": "#d55e00",
    "StateForce": "#0072b2",
    "Government": "#56b4e9",
    "State": "#009e73",
    "Organization": "#cc79a7",
    "CommunalGroup": "#c9b400",
}
"""Actor colours (Okabe-Ito, readable by colour-blind readers); incidents are grey."""
INCIDENT_COLOUR = "#6e6e6e"
CERTAINTY_COLOURS = {
    "asserted": "#3c3c3c",
    "alleged": "#b35806",
    "hedged": "#8073ac",
    "unconfirmed": "#8c8c8c",
    "denied": "#d7191c",
}


class ExportError(ValueError):
    """An export that cannot be made as asked (unknown format, filters on an RDF format,
    a picture of too many nodes)."""


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    media_type: str
    extension: str
    rdf: bool = False
    """True: the store's RDF serialisation (`store_format`), False: a network projection."""
    store_format: str | None = None
    table: bool = False
    """True: one record per resolved incident (`graph.export.tables`), from the full network."""

    @property
    def filename(self) -> str:
        return f"conflict-kg{self.extension}"


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("graphml", "application/graphml+xml", ".graphml"),
        ExportFormat("gexf", "application/gexf+xml", ".gexf"),
        ExportFormat("cytoscape", "application/json", ".cyjs"),
        ExportFormat("nodelink", "application/json", ".nodelink.json"),
        ExportFormat("dot", "text/vnd.graphviz", ".dot"),
        ExportFormat("geojson", "application/geo+json", ".geojson"),
        ExportFormat("csv", "application/zip", ".csv.zip"),
        ExportFormat("svg", "image/svg+xml", ".svg"),
        ExportFormat("png", "image/png", ".png"),
        ExportFormat("acled", "text/csv", ".acled.csv", table=True),
        ExportFormat("plover", "application/x-ndjson", ".plover.jsonl", table=True),
        ExportFormat("trig", "application/trig", ".trig", True, "trig"),
        ExportFormat("nquads", "application/n-quads", ".nq", True, "nquads"),
        ExportFormat("turtle", "text/turtle", ".ttl", True, "turtle"),
        ExportFormat("nt", "application/n-triples", ".nt", True, "nt"),
        ExportFormat("jsonld", "application/ld+json", ".jsonld", True, "json-ld"),
    )
}
NETWORK_FORMATS = tuple(name for name, f in FORMATS.items() if not f.rdf and not f.table)
TABLE_FORMATS = tuple(name for name, f in FORMATS.items() if f.table)
RDF_FORMATS = tuple(name for name, f in FORMATS.items() if f.rdf)


def node_colour(data: dict[str, Any]) -> str:
    if data.get("kind") == "incident":
        return INCIDENT_COLOUR
    return TYPE_COLOURS.get(str(data.get("type")), "#999999")


def flat_attributes(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    """Attributes as scalars for formats without lists: a list of scalars becomes its
    items joined by "; ", anything else structured (the evidence) its JSON text."""
    flat: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, str | int | float | bool):
            flat[key] = value
        elif isinstance(value, list | tuple) and all(
            isinstance(v, str | int | float) for v in value
        ):
            flat[key] = "; ".join(str(v) for v in value)
        else:
            flat[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return flat


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of `graph` with every node, edge and graph attribute flattened."""
    flat = nx.MultiDiGraph(**flat_attributes(graph.graph))
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **flat_attributes(data))
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key, **flat_attributes(data))
    return flat
