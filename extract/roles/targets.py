"""Whom an attack was aimed at, from constructions the main role rules (`extract.roles.roles`)
(the frame reader, `extract.roles.frames`) do not read.

- "bombings aimed at civilians", "attacks targeted at the military": a participle or
  relative clause of aiming on the trigger names the target after "at"/"against";
- "the blast targeted a petrol station", "the base was hit by a drone strike": what a trigger that
  is the subject (or the passive agent) of a verb of striking struck, also where the trigger
  qualifies the subject ("the bombing campaign devastated X");
- "the bombing of the embassy": a facility after "of" (a town there is where it happened).

Each finding is (role, phrase head, anchor token, rule name); `extract.roles.roles.find_roles`
resolves the phrase to actors as it does for its own rules.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..language import objects_of
from .facilities import is_facility

__all__ = ["aimed_roles", "striking_verb"]

AIMING_VERBS = frozenset({"aim", "target", "direct"})
AIMING_PREPS = frozenset({"at", "against"})
OF = frozenset({"of"})
STRIKING_VERBS = frozenset(
    {"target", "hit", "strike", "destroy", "damage", "shatter", "rock", "flatten", "raze",
     "level", "demolish", "wreck", "devastate", "gut"}
)  # fmt: skip
"""Verbs whose subject, when it is an attack noun ("the explosion", "a drone strike"),
says the attack struck their object."""

Finding = tuple[str, Token, Token, str]


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


def _struck_by(head: Token) -> list[Finding]:
    """ "the blast targeted a petrol station", "the base was hit by a drone strike"."""
    if head.pos_ == "VERB":
        return []
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "agent" and verb.head.pos_ == "VERB":
        passive = verb.head  # "was hit by a drone strike": head -> by -> hit
        if passive.lemma_.lower() in STRIKING_VERBS:
            return [
                ("target", c, passive, "struck-by")
                for c in passive.children
                if c.dep_ == "nsubjpass"
            ]
        return []
    struck = striking_verb(head)
    if struck is None:
        return []
    return [("target", c, struck, "trigger-struck") for c in struck.children if c.dep_ == "dobj"]


def striking_verb(head: Token) -> Token | None:
    """The verb of striking whose subject is the attack noun `head`, or the noun it
    qualifies ("the blast rocked X", "the bombing campaign devastated X"); None elsewhere."""
    subject = head.head if head.dep_ == "compound" and head.head.pos_ == "NOUN" else head
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.pos_ != "VERB":
        return None
    return verb if verb.lemma_.lower() in STRIKING_VERBS else None


def _facility_of(head: Token, event_class: str) -> list[Finding]:
    """ "the bombing of the embassy": a facility after the attack noun's "of"."""
    if event_class == "Assassination" or head.pos_ == "VERB":
        return []
    return [
        ("target", o, head, "facility-of")
        for o in objects_of(head, OF)
        if is_facility(o) or any(is_facility(t) for t in o.lefts)
    ]


def aimed_roles(head: Token, event_class: str) -> list[Finding]:
    """Targets stated around the trigger head `head`."""
    return (
        _aimed_at(head)
        + _struck_by(head)
        + _facility_of(head, event_class)
    )
