"""The spaCy pipeline: the English model with our registered components, which annotate a
Doc (sentence ends at line breaks and datelines, gazetteer entities, trigger and weapon spans
in `doc.spans[TRIGGERS_KEY]`) for the stages to read."""

from __future__ import annotations

from .pipeline import MODEL_NAMES, load_nlp
from .spans import TRIGGERS_KEY, WEAPON

__all__ = ["MODEL_NAMES", "TRIGGERS_KEY", "WEAPON", "load_nlp"]
