"""What happened and when: the stages `mentions` (trigger spans read in context become event
mentions), `dates`, `coreference` (mentions of one incident become one cluster) and
`subevents` (an incident's class refined once its roles are settled). Other stages use the
mention and cluster types and the class families from here, never the rules."""

from __future__ import annotations

from .coref import EventCluster, cluster, concerned_clusters
from .dates import dates
from .mentions import find
from .shared import (
    ARMED_ACTORS,
    ATTACK_FAMILY,
    HAZARD_CLASSES,
    PROPERTY_DESTRUCTION,
    STATEMENTS,
    VIOLENT,
    EventMention,
)
from .subevents import refine

__all__ = [
    "ARMED_ACTORS",
    "ATTACK_FAMILY",
    "HAZARD_CLASSES",
    "PROPERTY_DESTRUCTION",
    "STATEMENTS",
    "VIOLENT",
    "EventCluster",
    "EventMention",
    "cluster",
    "concerned_clusters",
    "dates",
    "find",
    "refine",
]
