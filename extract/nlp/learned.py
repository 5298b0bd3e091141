"""The learned incident classifier: does this text report a specific violent incident?

Rules find violent events word by word; they cannot tell a report of an attack from a
political story that talks about the war, an interview about security or a trial, and such
documents yield attacks that never happened (issue 15: non-conflict documents yielding a
conflict event). Whether a whole text reports an incident is a document-level judgement
that a bag of words answers well, so it is learned: a spaCy `textcat` (`bow_lower`: hashed
lower-case unigrams and bigrams, softmax over INCIDENT / NONE) trained with `spacy train` by
`make train` on the tune half of the development sets (benchmarks/train_incident.py says
which records and why), with settings chosen by cross-validation inside that half
(benchmarks/cv_incident.py). Its weights ship in `extract/models/incident/` (labels, settings and
hashed weights only: no vocabulary, no strings) and load once per process; nothing is
downloaded.

Its decision is used in one place, the stage `incident_gate` (right after `mentions`): a
text the classifier is confident reports no incident keeps its non-violent mentions
(meetings, arrests, protests, statements) and loses its violent ones. The bar is low
(`NO_INCIDENT_BELOW`), so the gate acts only where the model is confident; a news text in a
style it never saw reads as INCIDENT and keeps its events.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.pipeline import TextCategorizer
from spacy.tokens import Doc

from .bow_lower import ARCHITECTURE

__all__ = ["INCIDENT", "MODEL_DIR", "NO_INCIDENT_BELOW", "incident_probability", "load_classifier"]

INCIDENT = "INCIDENT"
NO_INCIDENT_BELOW = 0.3
"""A text whose INCIDENT probability is below this reports no specific violent incident
(chosen with the model's settings by 5-fold cross-validation inside the tune half,
`benchmarks/cv_incident.py`; see docs/extraction.md)."""
MODEL_DIR = Path(str(files("conflict_kg.extract") / "models" / "incident"))


@cache
def load_classifier(model_dir: Path = MODEL_DIR) -> TextCategorizer:
    """The shipped textcat, rebuilt from its architecture settings and loaded from its
    weights; a missing model is an installation error, reported with what to run."""
    settings = model_dir / "architecture.json"
    if not settings.is_file():
        raise RuntimeError(f"learned incident model missing in {model_dir}: run `make train`")
    architecture = json.loads(settings.read_text(encoding="utf-8"))
    if architecture.get("@architectures") != ARCHITECTURE:
        raise RuntimeError(f"{settings}: expected architecture {ARCHITECTURE}")
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": architecture})
    textcat.from_disk(model_dir, exclude=["vocab"])  # type: ignore[attr-defined]
    return textcat  # type: ignore[return-value]


def incident_probability(doc: Doc) -> float:
    """P(INCIDENT) for the text of `doc`. The model reads token lower forms as hashes, which
    do not depend on the vocabulary, so any English Doc will do."""
    textcat = load_classifier()
    scores = textcat.predict([doc])
    return float(scores[0][textcat.labels.index(INCIDENT)])
