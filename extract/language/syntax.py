"""Paths in the dependency tree that every stage reads the same way."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["dependency_distance", "objects_of"]


def objects_of(head: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the prepositions `preps` that hang on `head` ("of X", "at Y")."""
    return [
        pobj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def dependency_distance(a: Token, b: Token) -> int:
    """Path length between two tokens of one sentence in the dependency tree."""
    ancestors_a = [a, *a.ancestors]
    ancestors_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(ancestors_b)}
    for n, token in enumerate(ancestors_a):
        if token.i in index_b:
            return n + index_b[token.i]
    return 99
