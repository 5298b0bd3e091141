"""Network projections of the graph (networkx): actors, incidents and the claims behind
every edge; filters, measures, paths, and the budget every projection runs under.
"""

from __future__ import annotations

from conflict_kg.graph.network.budget import Budget, BudgetExceeded, NetworkTimeout, NetworkTooLarge
from conflict_kg.graph.network.data import (
    ACTOR_TYPES,
    CERTAINTIES,
    DEFAULT_MIN_CERTAINTY,
    RELATIONS,
    ROLES,
    Evidence,
    NetworkData,
    NetworkError,
    date_span,
    entity_node,
    event_class_names,
    incident_node,
    load_network_data,
    lookup_entity,
)
from conflict_kg.graph.network.measures import (
    MEASURES,
    ActorRank,
    Hop,
    centrality,
    communities,
    ego_network,
    find_paths,
    top_actors,
    with_measures,
)
from conflict_kg.graph.network.projection import (
    CO_PERPETRATION,
    PROJECTIONS,
    NetworkFilter,
    build_network,
    network_from_store,
)

__all__ = [
    "ACTOR_TYPES",
    "CERTAINTIES",
    "CO_PERPETRATION",
    "DEFAULT_MIN_CERTAINTY",
    "MEASURES",
    "PROJECTIONS",
    "RELATIONS",
    "ROLES",
    "ActorRank",
    "Budget",
    "BudgetExceeded",
    "Evidence",
    "Hop",
    "NetworkData",
    "NetworkError",
    "NetworkFilter",
    "NetworkTimeout",
    "NetworkTooLarge",
    "build_network",
    "centrality",
    "communities",
    "date_span",
    "ego_network",
    "entity_node",
    "event_class_names",
    "find_paths",
    "incident_node",
    "load_network_data",
    "lookup_entity",
    "network_from_store",
    "top_actors",
    "with_measures",
]
