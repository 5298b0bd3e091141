"""Readings of a trigger word in which it names no conflict event.

The trigger lexicon matches words ("fire", "strike", "explosion"); some of their senses are
no event at all: a worker is *fired*, unions call a *48-hour strike*, a bomb explodes
*accidentally* in its makers' hands, and a bulleted "see also" line names past attacks
without reporting one. Each rule reads the trigger's own dependency neighbourhood, so it
holds in any text. `events.find_mentions` drops violent triggers for which
`non_conflict_sense` holds, and reads a `labour_strike` as the protest it is.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["labour_strike", "non_conflict_sense"]

PERSONAL_OBJECTS = frozenset(
    {"me", "us", "you", "him", "her", "them", "i", "we", "he", "she", "they", "employees",
     "employee", "workers", "worker", "staff", "manager", "coach", "officials", "teachers",
     "doctors", "nurses", "journalists", "director", "chief", "minister", "ministers"}
)  # fmt: skip
"""Who gets fired from a job: people, where a weapon is fired at or upon a target."""
AIMING_PREPS = frozenset({"at", "on", "upon", "into", "towards", "toward"})
LABOUR_MODIFIERS = frozenset(
    {"hour", "day", "week", "general", "national", "nationwide", "labour", "labor", "worker",
     "workers", "union", "unions", "teachers", "doctors", "hunger", "transport", "indefinite",
     "sit-down", "wildcat", "rail", "strike"}
)  # fmt: skip
"""Words that make "strike" a work stoppage ("a 48-hour strike", "the general strike")."""
ACCIDENT_WORDS = frozenset({"accidental", "accidentally", "accident", "inadvertently"})
EXPLOSION_LEMMAS = frozenset({"explosion", "blast", "explode", "detonate", "detonation", "go"})
BULLETS = frozenset({"*", "•", "·", "▪"})


def _dismissal(head: Token) -> bool:
    """ "they'll fire us", "she was fired": the job sense of "fire" takes a person as its
    object (or passive subject) and no aiming preposition."""
    if head.lemma_.lower() != "fire" or head.pos_ != "VERB":
        return False
    if any(c.dep_ == "prep" and c.lower_ in AIMING_PREPS for c in head.children):
        return False
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        and (c.lower_ in PERSONAL_OBJECTS or c.ent_type_ == "PERSON")
        for c in head.children
    )


def labour_strike(head: Token) -> bool:
    """ "a 48-hour strike", "went on strike", "the general strike": a work stoppage, which
    ACLED counts as a protest, not as an attack."""
    if head.lemma_.lower() != "strike" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "on":
        return True
    return any(
        c.lemma_.lower() in LABOUR_MODIFIERS or c.lower_ in LABOUR_MODIFIERS
        for c in head.children
        if c.dep_ in ("compound", "amod", "nmod", "nummod")
    )


def _accidental(head: Token) -> bool:
    """ "an accidental explosion", "the device detonated accidentally": an explosion the
    text calls an accident is no attack."""
    if head.lemma_.lower() not in EXPLOSION_LEMMAS:
        return False
    neighbours = [*head.children]
    if head.pos_ != "VERB":
        neighbours.append(head.head)
    return any(t.lower_ in ACCIDENT_WORDS for t in neighbours)


def _list_item(span: Span) -> bool:
    """A bulleted list without a verb ("* 2011 Kandahar hotel attack * 2014 ...") names
    events, as "see also" lists and tables of contents do; it reports nothing."""
    sentence = span.sent
    if not any(t.text in BULLETS for t in sentence):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in sentence)


def non_conflict_sense(span: Span) -> bool:
    """True when the trigger span is read in a sense that reports no conflict event."""
    head = span.root
    return _dismissal(head) or _accidental(head) or _list_item(span)
