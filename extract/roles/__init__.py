"""Who did what to whom, where, with what: the stages `mention_roles`, `incident_roles`
(with casualties, targets, places and weapons), `responsibility`, `dateline_place` and
`relations`. What they find are `RoleFinding`s (`extract.language`); the facts stage takes
one rule name from here, and no other stage calls the rules."""

from __future__ import annotations

from .dateline_places import place_at_dateline
from .incidents import CARRIER_RULE, gather
from .relations import RelationFinding, relate
from .responsibility import settle
from .roles import read_mention_roles

__all__ = [
    "CARRIER_RULE",
    "RelationFinding",
    "gather",
    "place_at_dateline",
    "read_mention_roles",
    "relate",
    "settle",
]
