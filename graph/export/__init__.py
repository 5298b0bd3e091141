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

Event tables write one record per resolved incident, from the full projection (filters
apply; `graph.export.tables`, docs/exports.md):

    acled      CSV in ACLED's column order and vocabulary, then our own columns
    plover     PLOVER/POLECAT-style JSON lines (event, mode, actor, recipient, location)

RDF formats are the store's own serialisations of every article graph, unfiltered:
`trig`, `nquads` (quads: one named graph per article), `turtle`, `nt`, `jsonld` (triples).
"""

from __future__ import annotations

import networkx as nx

from conflict_kg.graph.export import files, json_formats, picture, tables
from conflict_kg.graph.export.style import (
    CERTAINTY_COLOURS,
    FORMATS,
    INCIDENT_COLOUR,
    NETWORK_FORMATS,
    RDF_FORMATS,
    TABLE_FORMATS,
    TYPE_COLOURS,
    ExportError,
    ExportFormat,
    flat_attributes,
    flat_graph,
    node_colour,
)
from conflict_kg.graph.network import Budget, NetworkFilter, network_from_store, with_measures
from conflict_kg.graph.queries import bind_named_query
from conflict_kg.graph.store import Store

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
    "export",
    "export_network",
    "flat_attributes",
    "flat_graph",
    "node_colour",
    "publishers",
]


def export_network(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """`graph` written in network format `fmt` (see the module docstring)."""
    writers = {
        "graphml": files.graphml,
        "gexf": files.gexf,
        "dot": files.dot,
        "csv": files.csv_zip,
        "cytoscape": json_formats.cytoscape,
        "nodelink": json_formats.nodelink,
        "geojson": json_formats.geojson,
        "svg": picture.svg,
        "png": picture.png,
    }
    if fmt not in writers:
        raise ExportError(f"unknown network format {fmt!r}; use one of {', '.join(writers)}")
    return writers[fmt](graph)


def publishers(store: Store) -> dict[str, str]:
    """Each stored article's id and its publisher's name (the `source` of a table row)."""
    text, bindings = bind_named_query("articles", {})
    names = {}
    for row in store.query(text, bindings):
        sha, name = row.sha, row.publisherName  # type: ignore[union-attr]
        if sha is not None and name is not None:
            names[str(sha)] = str(name)
    return names


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
    if spec.table:
        if projection != "full":
            raise ExportError(
                f"{fmt} has one row per incident, read off the full network; "
                f"the projection {projection!r} does not apply"
            )
        graph = network_from_store(store, "full", filters, budget)
        budget.check()
        writer = tables.acled_csv if fmt == "acled" else tables.plover_jsonl
        content = writer(
            graph, publishers(store), tables.place_admin1(store), tables.stated_scales(store)
        )
        budget.check()
        return content
    graph = with_measures(network_from_store(store, projection, filters, budget), budget)
    budget.check()
    content = export_network(graph, fmt)
    budget.check()
    return content
