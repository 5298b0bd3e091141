"""Where given words occur in a Doc, found from its arrays instead of a loop over tokens.

Fact building looks for a few dozen words per rule ("authorities", demonyms, unit names);
walking every token of every article creates a Python Token object per token per rule and
was most of the time spent after the pipeline. The LOWER array is one C call, indexed once
per Doc (word hash -> positions), so each rule's question is a few dictionary look-ups.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc

__all__ = ["positions"]


@cache
def _hashes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(hash_string(w) for w in words)


_last_index: tuple[Doc | None, dict[int, list[int]]] = (None, {})
"""The word index of the Doc looked at last: fact building asks about one Doc a few dozen
times before the next, so the index is built once per Doc (read as one tuple, so a second
thread's Doc never answers for this one)."""


def _index(doc: Doc) -> dict[int, list[int]]:
    global _last_index
    last_doc, index = _last_index
    if last_doc is doc:
        return index
    index = {}
    for i, word in enumerate(doc.to_array(LOWER).tolist()):
        index.setdefault(word, []).append(i)
    _last_index = (doc, index)
    return index


def positions(doc: Doc, words: Iterable[str]) -> list[int]:
    """Indices, in order, of the tokens whose lowercase form is one of `words` (given in
    lowercase)."""
    if not len(doc):
        return []
    index = _index(doc)
    # Only the words the Doc has: a set intersection (in C, over the smaller side), not a
    # look-up per word of a long list (demonyms, unit names).
    found = [i for h in index.keys() & _hashes(frozenset(words)) for i in index[h]]
    found.sort()
    return found
