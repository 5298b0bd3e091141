"""The spaCy pipeline: the English model with our registered components, which annotate a
Doc (sentence ends at line breaks and datelines, gazetteer entities, trigger and weapon spans
in `doc.spans[TRIGGERS_KEY]`) for the stages to read; and the learned incident classifier
(`learned`), whose weights ship with the package."""

from __future__ import annotations

from .learned import NO_INCIDENT_BELOW, incident_probability
from .line_breaks import item_label, list_items
from .pipeline import MODEL_NAMES, load_nlp
from .spans import TRIGGERS_KEY, WEAPON

__all__ = [
    "MODEL_NAMES",
    "NO_INCIDENT_BELOW",
    "TRIGGERS_KEY",
    "WEAPON",
    "incident_probability",
    "item_label",
    "list_items",
    "load_nlp",
]
