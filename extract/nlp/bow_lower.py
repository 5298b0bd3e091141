"""The learned incident classifier's architecture: spaCy's bag-of-words text classifier over
lower-case n-grams.

spaCy's `spacy.TextCatBOW.v3` hashes the n-grams of each token's exact form (ORTH). Its
training documents include the MUC-4 set, whose texts exist only in lower case, so exact
forms would teach it that capitals never occur; hashing the lower-case form (LOWER) makes a
headline in capitals, a sentence start and a lower-case wire read alike. Everything else
(the hashed sparse linear layer, the softmax) is spaCy's own, so the model costs what a
bag-of-words textcat costs: one hash lookup per n-gram, no tok2vec.

This module imports nothing from the package, so `spacy train --code extract/nlp/bow_lower.py`
can register the architecture on its own; importing it registers it too.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.ml.models.textcat import build_bow_text_classifier_v3
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model
from thinc.types import Floats2d

__all__ = ["ARCHITECTURE", "build_bow_lower"]

ARCHITECTURE = "conflict_kg.TextCatBOWLower.v1"


@registry.architectures(ARCHITECTURE)
def build_bow_lower(
    exclusive_classes: bool,
    ngram_size: int,
    no_output_layer: bool,
    length: int = 262144,
    nO: int | None = None,
) -> Model[list[Doc], Floats2d]:
    """`spacy.TextCatBOW.v3` with its n-gram extractor reading LOWER instead of ORTH."""
    model = build_bow_text_classifier_v3(
        exclusive_classes=exclusive_classes,
        ngram_size=ngram_size,
        no_output_layer=no_output_layer,
        length=length,
        nO=nO,
    )
    extractors = [node for node in model.walk() if node.name == "extract_ngrams"]
    if len(extractors) != 1:
        raise RuntimeError(f"expected one n-gram extractor in spaCy's BOW model: {extractors}")
    extractors[0].attrs["attr"] = LOWER
    return model
