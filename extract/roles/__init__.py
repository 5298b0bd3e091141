"""Who did what to whom, where, with what: the stages `mention_roles`, `incident_roles`
(with casualties, targets, places and weapons), `responsibility`, `dateline_place` and
`relations`. Other stages use the `RoleFinding` type from here, never the rules."""

from __future__ import annotations

from .dateline_places import place_at_dateline
from .incidents import CARRIER_RULE, gather
from .relations import RelationFinding, relate
from .responsibility import settle
from .roles import RoleFinding, read_mention_roles

__all__ = [
    "CARRIER_RULE",
    "RelationFinding",
    "RoleFinding",
    "gather",
    "place_at_dateline",
    "read_mention_roles",
    "relate",
    "settle",
]
