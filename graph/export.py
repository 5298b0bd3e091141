"""Exports of the knowledge graph for the tools analysts already use.

Network formats write a projection built by `graph.network` (with its filters), its nodes
carrying `degree`, `betweenness`, `eigenvector` and `community`:

    graphml    GraphML; attributes flattened to scalars (Gephi, yEd, Cytoscape, networkx)
    gexf       GEXF 1.2 with dynamic time intervals (`start`/`end`) from incident dates
    cytoscape  Cytoscape.js JSON (`elements.nodes`/`elements.edges`, string ids)
    nodelink   node-link JSON (d3, `networkx.node_link_data`)
    dot        Graphviz DOT
    geojson    incidents as a GeoJSON FeatureCollection of points
    csv        a zip holding `nodes.csv` and `edges.csv`
    svg, png   a picture of the network (matplotlib, spring layout with a fixed seed)

RDF formats are the store's own serialisations of every article graph, unfiltered:
`trig`, `nquads` (quads: one named graph per article), `turtle`, `nt`, `jsonld` (triples).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.network import Budget, NetworkFilter, network_from_store, with_measures
from graph.store import Store

__all__ = [
    "CERTAINTY_COLOURS",
    "FORMATS",
    "INCIDENT_COLOUR",
    "NETWORK_FORMATS",
    "RDF_FORMATS",
    "TYPE_COLOURS",
    "ExportError",
    "ExportFormat",
    "export",
    "export_network",
    "flat_attributes",
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
        ExportFormat("trig", "application/trig", ".trig", True, "trig"),
        ExportFormat("nquads", "application/n-quads", ".nq", True, "nquads"),
        ExportFormat("turtle", "text/turtle", ".ttl", True, "turtle"),
        ExportFormat("nt", "application/n-triples", ".nt", True, "nt"),
        ExportFormat("jsonld", "application/ld+json", ".jsonld", True, "json-ld"),
    )
}
NETWORK_FORMATS = tuple(name for name, f in FORMATS.items() if not f.rdf)
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


def export_network(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """`graph` written in network format `fmt` (see the module docstring)."""
    from graph import export_files, export_json, export_picture

    writers = {
        "graphml": export_files.graphml,
        "gexf": export_files.gexf,
        "dot": export_files.dot,
        "csv": export_files.csv_zip,
        "cytoscape": export_json.cytoscape,
        "nodelink": export_json.nodelink,
        "geojson": export_json.geojson,
        "svg": export_picture.svg,
        "png": export_picture.png,
    }
    if fmt not in writers:
        raise ExportError(f"unknown network format {fmt!r}; use one of {', '.join(writers)}")
    return writers[fmt](graph)


def export(
    store: Store,
    fmt: str,
    projection: str = "full",
    filters: NetworkFilter | None = None,
    budget: Budget | None = None,
) -> bytes:
    """The store exported as `fmt`: a network projection under `filters`, or (RDF formats,
    which take no filters) the store's serialisation. `fmt` "json-ld" is `jsonld`.

    Within `budget` if given (`BudgetExceeded` when it runs out): a network is built, measured
    and written under its deadline and row cap. An RDF dump reads every quad once, so its cost
    grows with the store alone; the deadline is checked before and after it, as `/sparql`
    does for a CONSTRUCT, but the serialisation itself cannot be interrupted."""
    budget = budget or Budget()
    fmt = "jsonld" if fmt == "json-ld" else fmt
    spec = FORMATS.get(fmt)
    if spec is None:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if spec.rdf:
        if (filters and filters != NetworkFilter()) or projection != "full":
            raise ExportError(
                f"{fmt} exports every article graph as stored; filters and projections "
                f"apply to the network formats ({', '.join(NETWORK_FORMATS)})"
            )
        assert spec.store_format is not None
        budget.task = f"writing the store as {fmt}"
        budget.check()
        dump = store.export(spec.store_format)
        budget.check()
        return dump
    graph = with_measures(network_from_store(store, projection, filters, budget), budget)
    budget.check()
    content = export_network(graph, fmt)
    budget.check()
    return content
