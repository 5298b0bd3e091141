"""JSON exports: Cytoscape.js elements, node-link (d3) and GeoJSON incidents.

These keep structured attributes as JSON (every edge's `evidence` list stays a list)."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

__all__ = [
    "cytoscape",
    "cytoscape_data",
    "edge_id",
    "geojson",
    "geojson_data",
    "nodelink",
]


def _dump(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def edge_id(source: str, target: str, key: str) -> str:
    """A string id unique in a multigraph: "incident/x->entity/y:perpetrator"."""
    return f"{source}->{target}:{key}"


def cytoscape_data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Cytoscape.js elements (`cy.add(data.elements)`, Cytoscape desktop's .cyjs): string
    ids, `data.source`/`data.target` on edges. `value`, `directed` and `multigraph` are
    there for `networkx.cytoscape_graph`, which reads the file back."""
    nodes = [{"data": {"id": node, "value": node, **data}} for node, data in graph.nodes(data=True)]
    edges = [
        {
            "data": {
                "id": edge_id(source, target, key),
                "source": source,
                "target": target,
                "key": key,
                **data,
            }
        }
        for source, target, key, data in graph.edges(keys=True, data=True)
    ]
    return {
        "format_version": "1.0",
        "generated_by": "conflict-kg",
        "target_cytoscapejs_version": "~3",
        "data": dict(graph.graph),
        "directed": True,
        "multigraph": True,
        "elements": {"nodes": nodes, "edges": edges},
    }


def cytoscape(graph: nx.MultiDiGraph) -> bytes:
    return _dump(cytoscape_data(graph))


def nodelink(graph: nx.MultiDiGraph) -> bytes:
    """networkx's node-link form (`nodes`, `edges` with `source`/`target`/`key`), what d3's
    force layout takes; `networkx.node_link_graph(data, edges="edges")` reads it back."""
    return _dump(nx.node_link_data(graph, edges="edges"))


def geojson_data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Incidents as a FeatureCollection: a Point `[longitude, latitude]` where the incident
    has a located place (else `geometry: null`, as RFC 7946 allows), and properties: class
    (`type`), ACLED type, date and its span, places, how precise the point is, casualties and
    `actors` (`id`, `name`, `type`, `role`, `certainty`)."""
    features = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "incident":
            continue
        actors = []
        for _, actor, role, edge in graph.out_edges(node, keys=True, data=True):
            target = graph.nodes[actor]
            actors.append(
                {
                    "id": target.get("local_id", actor),
                    "name": target.get("name", actor),
                    "type": target.get("type"),
                    "role": role,
                    "certainty": edge.get("certainty"),
                }
            )
        actors.sort(key=lambda a: (a["role"], a["name"]))
        properties = {k: v for k, v in data.items() if k not in ("latitude", "longitude")}
        properties["actors"] = actors
        geometry = None
        if "latitude" in data and "longitude" in data:
            geometry = {
                "type": "Point",
                "coordinates": [round(data["longitude"], 6), round(data["latitude"], 6)],
            }
        features.append(
            {
                "type": "Feature",
                "id": data.get("local_id", node),
                "geometry": geometry,
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def geojson(graph: nx.MultiDiGraph) -> bytes:
    return _dump(geojson_data(graph))
