"""Paths in the dependency tree that every stage reads the same way."""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

__all__ = ["Sharing", "dependency_distance", "doers_of", "objects_of"]


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


Sharing = Literal["none", "head", "first"]
"""How a coordinated verb with no doer of its own ("a mob surrounded the bus and attacked
its driver") shares one: not at all, the doers of the verb it is coordinated with, or the
doers of the first verb up its chain of coordination that has some ("stormed the village,
burned houses and killed ten", where each verb hangs on the one before it)."""


def doers_of(
    verb: Token,
    *,
    relative: bool = False,
    controlled: bool = False,
    shared: Sharing = "none",
    hosted: bool = False,
    conjuncts: bool = False,
) -> list[Token]:
    """Who or what does `verb`: its subject ("gunmen stormed the post") and the object of
    its passive "by" ("the post was stormed by gunmen"). Stages ask the question in ways
    that differ, so each reading beyond those two is an option:

    - `relative`: in a relative clause a relative pronoun ("that", "who", "which") stands
      for the noun its clause describes ("the bomb that killed three": the bomb).
    - `controlled`: a gerund with no doer after a preposition of a verb has that verb's
      object, or its passive subject, as its doer (object control: "accused the militia of
      burning the clinic", "the militia was accused of burning it").
    - `shared`: a coordinated verb with no doer of its own shares one (`Sharing`); the
      verb shared from is read with the same options.
    - `hosted`: a purpose or participle clause with no subject of its own ("fired tear gas
      to disperse them") has the doers of the clause it hangs on.
    - `conjuncts`: coordinated doers are doers too ("police and soldiers fired").

    Why one function: "who did it" decides whether an act is an attack, a riot or the
    state's force, and each stage reading it its own way would let them disagree."""
    if hosted:
        verb = _host(verb)
    doers = _own_doers(verb, relative=relative, controlled=controlled)
    if shared != "none":
        while not doers and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
            verb = verb.head
            doers = _own_doers(verb, relative=relative, controlled=controlled)
            if shared == "head":
                break
    if conjuncts:
        doers += [c for d in doers for c in d.children if c.dep_ == "conj"]
    return doers


def _own_doers(verb: Token, *, relative: bool, controlled: bool) -> list[Token]:
    """The doers the verb's own dependents name (see `doers_of`)."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    if relative and verb.dep_ == "relcl":
        doers = [verb.head if d.tag_ in ("WDT", "WP") else d for d in doers]
    if doers or not controlled:
        return doers
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
        return doers
    governor = verb.head.head
    if governor.pos_ not in ("VERB", "AUX"):
        return doers
    return [c for c in governor.children if c.dep_ in ("dobj", "nsubjpass")]


def _host(verb: Token) -> Token:
    """The verb whose clause a purpose or participle clause with no subject of its own
    hangs on, up a chain of such clauses; the verb itself otherwise."""
    while (
        verb.dep_ in ("xcomp", "advcl")
        and verb.head is not verb
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        verb = verb.head
    return verb
