"""Cross-article resolution: one actor and one incident for many reports, rebuilt from
the article graphs, and the queue that reruns it after writes.
"""

from __future__ import annotations

from conflict_kg.graph.resolve.incremental import resolve_articles
from conflict_kg.graph.resolve.queue import (
    ResolutionQueue,
)
from conflict_kg.graph.resolve.rebuild import (
    Resolution,
    canonical_incident_iri,
    resolution_graph,
    resolve,
)

__all__ = [
    "Resolution",
    "ResolutionQueue",
    "canonical_incident_iri",
    "resolution_graph",
    "resolve",
    "resolve_articles",
]
