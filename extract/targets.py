"""Whom an attack was aimed at, from constructions the main role rules (`extract.roles`)
do not read.

- "bombings aimed at civilians", "attacks targeted at the military": a participle or
  relative clause of aiming on the trigger names the target after "at"/"against";
- "the assassination of X": only people are assassinated, so "of" names the target;
- "X, shot dead by police": a passive participle trigger modifying a noun makes that noun
  its target;
- "opened fire on X", "fired rockets at X": what a violent verb is directed at;
- "fighters clashed with B": the other side of a clash, ACLED's second actor (`target`).

Each finding is (role, phrase head, anchor token, rule name); `extract.roles.find_roles`
resolves the phrase to actors as it does for its own rules.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["aimed_roles", "objects_of"]

AIMING_VERBS = frozenset({"aim", "target", "direct"})
AIMING_PREPS = frozenset({"at", "against"})
OF = frozenset({"of"})
WITH = frozenset({"with"})
FIRED_AT = frozenset({"on", "at", "upon"})
PASSIVE_PARTICIPLE_TAG = "VBN"

Finding = tuple[str, Token, Token, str]


def objects_of(head: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the prepositions `preps` that hang on `head` ("of X", "at Y")."""
    return [
        pobj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _aimed_at(head: Token) -> list[Finding]:
    """ "bombings (which seemed to be) aimed at X"."""
    found: list[Finding] = []
    for clause in head.children:
        if clause.dep_ not in ("acl", "relcl"):
            continue
        verbs = [clause, *(c for c in clause.children if c.dep_ in ("xcomp", "ccomp"))]
        verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "xcomp"]
        for verb in verbs:
            if verb.lemma_.lower() not in AIMING_VERBS:
                continue
            found.extend(("target", o, verb, "aimed-at") for o in objects_of(verb, AIMING_PREPS))
    return found


def _assassinated(head: Token, event_class: str) -> list[Finding]:
    """ "the assassination of X"."""
    if event_class != "Assassination" or head.pos_ == "VERB":
        return []
    return [("target", o, head, "assassination-of") for o in objects_of(head, OF)]


def _modified_by_participle(head: Token) -> list[Finding]:
    """ "the man shot by police", "X – shot dead by police"."""
    if head.pos_ != "VERB" or head.tag_ != PASSIVE_PARTICIPLE_TAG:
        return []
    if head.dep_ not in ("acl", "appos") or head.head.pos_ not in ("NOUN", "PROPN"):
        return []
    return [("target", head.head, head, "participle-patient")]


def _fired_on(head: Token) -> list[Finding]:
    """ "opened fire on X", "fired rockets at X", "shot at X": what a violent verb (or its
    object) is directed at."""
    if head.pos_ != "VERB":
        return []
    holders = [head, *(c for c in head.children if c.dep_ == "dobj")]
    return [("target", o, head, "fired-on") for h in holders for o in objects_of(h, FIRED_AT)]


def _clashed_with(head: Token, event_class: str) -> list[Finding]:
    """ "fighters clashed with B", "clashes with B": B is the clash's other side."""
    if event_class != "ArmedClash":
        return []
    return [("target", o, head, "clash-with") for o in objects_of(head, WITH)]


def aimed_roles(head: Token, event_class: str) -> list[Finding]:
    """Targets stated around the trigger head `head`."""
    return (
        _aimed_at(head)
        + _assassinated(head, event_class)
        + _modified_by_participle(head)
        + _fired_on(head)
        + _clashed_with(head, event_class)
    )
