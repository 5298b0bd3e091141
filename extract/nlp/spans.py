"""Where the pipeline's own annotations are left on the Doc, for the stages to read."""

from __future__ import annotations

__all__ = ["TRIGGERS_KEY", "WEAPON"]

TRIGGERS_KEY = "conflict_kg_triggers"
"""`doc.spans` key of the trigger and weapon spans the span ruler writes."""
WEAPON = "WEAPON"
"""Label of weapon spans among them (the others are labelled by event class)."""
