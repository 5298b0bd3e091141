"""Measures over a network projection: centrality, Louvain communities, ego networks and the
shortest paths between two actors with the evidence of every hop.

Centrality and communities are computed on an undirected simple copy of the projection
(parallel edges merged, their weights summed): "who is central" should not depend on whether
a link was recorded as `backedBy` from one side or on how many roles link an actor to the
same incident.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice, pairwise, product
from typing import Any

import networkx as nx

from conflict_kg.graph.network.budget import Budget
from conflict_kg.graph.network.data import NetworkError

__all__ = [
    "MEASURES",
    "SEED",
    "ActorRank",
    "Hop",
    "betweenness",
    "centrality",
    "communities",
    "ego_network",
    "find_paths",
    "simple_graph",
    "top_actors",
    "with_measures",
]

MEASURES = ("degree", "betweenness", "eigenvector")
SEED = 42
"""Louvain's seed: the same graph always gives the same communities."""
MAX_ITER = 1000


def simple_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """An undirected simple copy of `graph`: one edge per linked pair, weights summed."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for source, target, data in graph.edges(data=True):
        if source == target:
            continue
        weight = data.get("weight", 1)
        if simple.has_edge(source, target):
            simple[source][target]["weight"] += weight
        else:
            simple.add_edge(source, target, weight=weight)
    return simple


def centrality(
    graph: nx.MultiDiGraph, measure: str, budget: Budget | None = None
) -> dict[str, float]:
    """Normalised degree, betweenness or eigenvector centrality of every node; betweenness,
    the costly one, checks `budget` as it goes."""
    budget = budget or Budget()
    simple = simple_graph(graph)
    budget.check()
    if measure == "degree":
        scores = nx.degree_centrality(simple) if len(simple) > 1 else dict.fromkeys(simple, 0.0)
    elif measure == "betweenness":
        scores = betweenness(simple, budget)
    elif measure == "eigenvector":
        scores = eigenvector(simple)
    else:
        raise NetworkError(f"measure must be one of {', '.join(MEASURES)}, got {measure!r}")
    return {node: round(float(value), 6) for node, value in scores.items()}


def betweenness(simple: nx.Graph, budget: Budget) -> dict[str, float]:
    """`networkx.betweenness_centrality(simple, normalized=True)`, the same numbers, one
    source at a time so that the budget is checked between sources: on a few thousand nodes
    the whole computation takes longer than a request may. networkx's subset betweenness
    from one source to every node is that source's share, halved for an undirected graph;
    the sum over sources, doubled and divided by (n-1)(n-2), is the normalised value."""
    total = dict.fromkeys(simple, 0.0)
    size = len(simple)
    if size < 3:
        return total
    targets = list(simple)
    for source in simple:
        budget.check()
        share = nx.betweenness_centrality_subset(simple, [source], targets, normalized=False)
        for node, value in share.items():
            total[node] += value
    scale = 2 / ((size - 1) * (size - 2))
    return {node: value * scale for node, value in total.items()}


def eigenvector(simple: nx.Graph, max_iter: int = MAX_ITER) -> dict[str, float]:
    """Eigenvector centrality, weighted; if the power iteration does not converge on the
    whole graph, each connected component is measured on its own and scaled by its share
    of the nodes (a component too small or too regular to converge gets its degree
    centrality instead). Isolated nodes score 0."""
    scores = dict.fromkeys(simple, 0.0)
    if simple.number_of_edges() == 0:
        return scores
    try:
        found = nx.eigenvector_centrality(simple, max_iter=max_iter, weight="weight")
        return {node: float(value) for node, value in found.items()}
    except nx.PowerIterationFailedConvergence:
        pass
    for component in nx.connected_components(simple):
        if len(component) < 2:
            continue
        part = simple.subgraph(component)
        try:
            found = nx.eigenvector_centrality(part, max_iter=max_iter, weight="weight")
        except nx.PowerIterationFailedConvergence:
            found = nx.degree_centrality(part)
        share = len(component) / len(simple)
        scores.update({node: float(value) * share for node, value in found.items()})
    return scores


def communities(
    graph: nx.MultiDiGraph, seed: int = SEED, budget: Budget | None = None
) -> list[list[str]]:
    """Louvain communities (weighted, fixed seed), largest first, members sorted: the last
    of networkx's Louvain levels (what `louvain_communities` returns), the budget checked
    between levels."""
    budget = budget or Budget()
    simple = simple_graph(graph)
    if len(simple) == 0:
        return []
    found: list[set[str]] = []
    for level in nx.community.louvain_partitions(simple, weight="weight", seed=seed):
        budget.check()
        found = level
    return sorted((sorted(members) for members in found), key=lambda c: (-len(c), c[0]))


def with_measures(graph: nx.MultiDiGraph, budget: Budget | None = None) -> nx.MultiDiGraph:
    """A copy of `graph` whose nodes carry `degree`, `betweenness`, `eigenvector` and
    `community` (the index in `communities(graph)`), for Gephi and the view; within
    `budget` if given."""
    budget = budget or Budget()
    annotated = graph.copy()
    for measure in MEASURES:
        for node, value in centrality(graph, measure, budget).items():
            annotated.nodes[node][measure] = value
        budget.check()
    for index, members in enumerate(communities(graph, budget=budget)):
        for node in members:
            annotated.nodes[node]["community"] = index
    return annotated


@dataclass(frozen=True, slots=True)
class ActorRank:
    id: str
    name: str
    type: str
    score: float
    links: int
    """Distinct neighbours (actors and incidents)."""
    incidents: int
    community: int


def top_actors(graph: nx.MultiDiGraph, measure: str = "degree", top: int = 10) -> list[ActorRank]:
    """The `top` actors by `measure`, best first (ties by name)."""
    scores = centrality(graph, measure)
    membership = {n: i for i, members in enumerate(communities(graph)) for n in members}
    simple = simple_graph(graph)
    actors = [node for node, data in graph.nodes(data=True) if data.get("kind") == "actor"]
    actors.sort(key=lambda node: (-scores[node], graph.nodes[node].get("name", node)))
    ranks = []
    for node in actors[: max(top, 0)]:
        data = graph.nodes[node]
        neighbours = list(simple[node])
        ranks.append(
            ActorRank(
                id=data.get("local_id", node),
                name=data.get("name", node),
                type=data.get("type", ""),
                score=scores[node],
                links=len(neighbours),
                incidents=sum(1 for n in neighbours if graph.nodes[n].get("kind") == "incident"),
                community=membership.get(node, -1),
            )
        )
    return ranks


def ego_network(graph: nx.MultiDiGraph, node: str, radius: int = 1) -> nx.MultiDiGraph:
    """The nodes within `radius` links of `node` (either direction) and the edges among them."""
    if node not in graph:
        raise NetworkError(f"{node} is not in this network")
    return nx.MultiDiGraph(nx.ego_graph(graph, node, radius=radius, undirected=True))


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a path, in walking order (`source` -> `target`), with the edge as stated
    (`subject` `predicate` `object`) and the claims behind it."""

    source: str
    target: str
    subject: str
    predicate: str
    object: str
    kind: str
    certainty: str
    evidence: tuple[dict[str, Any], ...]


def _hops(graph: nx.MultiDiGraph, source: str, target: str) -> list[Hop]:
    hops = []
    for subject, obj in ((source, target), (target, source)):
        for key, data in sorted((graph.get_edge_data(subject, obj) or {}).items()):
            hops.append(
                Hop(
                    source,
                    target,
                    subject,
                    data.get("predicate", key),
                    obj,
                    data.get("kind", ""),
                    data.get("certainty", ""),
                    tuple(data.get("evidence", ())),
                )
            )
    return hops


def find_paths(
    graph: nx.MultiDiGraph, source: str, target: str, max_length: int = 4, limit: int = 50
) -> list[list[Hop]]:
    """The shortest paths from `source` to `target` of at most `max_length` hops, links
    followed in either direction; two nodes joined by several edges (`backedBy` and
    `affiliatedWith`) give one path per edge. At most `limit` paths, in a stable order."""
    if source not in graph or target not in graph or source == target:
        return []
    simple = simple_graph(graph)
    try:
        walks = sorted(islice(nx.all_shortest_paths(simple, source, target), 4 * limit))
    except nx.NetworkXNoPath:
        return []
    paths: list[list[Hop]] = []
    for walk in walks:
        if len(walk) - 1 > max_length:
            return []
        steps = [_hops(graph, a, b) for a, b in pairwise(walk)]
        for choice in product(*steps):
            paths.append(list(choice))
            if len(paths) == limit:
                return paths
    return paths
