"""Cross-article resolution: one actor and one incident for many reports, derived from the
article graphs: rebuilt whole (`resolve`), or updated after new and removed articles
(`resolve_articles`), and the queue that updates it after HTTP writes.
"""

from __future__ import annotations

from conflict_kg.graph.resolve.incremental import (
    Footprint,
    Touched,
    footprint,
    resolve_articles,
    resolve_changes,
)
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
    "Footprint",
    "Resolution",
    "ResolutionQueue",
    "Touched",
    "canonical_incident_iri",
    "footprint",
    "resolution_graph",
    "resolve",
    "resolve_articles",
    "resolve_changes",
]
