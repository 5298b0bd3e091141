"""Where given words occur in a Doc, found from its arrays instead of a loop over tokens.

Fact building looks for a few dozen words per rule ("authorities", demonyms, unit names);
walking every token of every article creates a Python Token object per token per rule and
was most of the time spent after the pipeline. The LOWER array is one C call, and numpy
picks the few positions worth a Token.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import numpy
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc

__all__ = ["positions"]


@cache
def _hashes(words: frozenset[str]) -> numpy.ndarray:
    return numpy.array([hash_string(w) for w in words], dtype=numpy.uint64)


def positions(doc: Doc, words: Iterable[str]) -> list[int]:
    """Indices, in order, of the tokens whose lowercase form is one of `words` (given in
    lowercase)."""
    if not len(doc):
        return []
    lowered = doc.to_array(LOWER)
    found = numpy.isin(lowered, _hashes(frozenset(words)))
    return numpy.flatnonzero(found).tolist()
