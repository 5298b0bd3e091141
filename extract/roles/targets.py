"""Whom an attack was aimed at, from constructions the main role rules (`extract.roles.roles`)
(the frame reader, `extract.roles.frames`) do not read.

- "bombings aimed at civilians", "attacks targeted at the military": a participle or
  relative clause of aiming on the trigger names the target after "at"/"against";
- "the blast targeted a petrol station", "the base was hit by a drone strike": what a trigger that
  is the subject (or the passive agent) of a verb of striking struck;
- "the bombing of the embassy": a facility after "of" (a town there is where it happened).

Each finding is (role, phrase head, anchor token, rule name); `extract.roles.roles.find_roles`
resolves the phrase to actors as it does for its own rules.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..language import objects_of
from .facilities import is_facility

__all__ = ["aimed_roles"]

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
    verb = head.head
    if head.pos_ == "VERB" or verb.pos_ != "VERB":
        if head.dep_ == "pobj" and verb.dep_ == "agent" and verb.head.pos_ == "VERB":
            passive = verb.head  # "was hit by a drone strike": head -> by -> hit
            if passive.lemma_.lower() in STRIKING_VERBS:
                return [
                    ("target", c, passive, "struck-by")
                    for c in passive.children
                    if c.dep_ == "nsubjpass"
                ]
        return []
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in STRIKING_VERBS:
        return []
    return [("target", c, verb, "trigger-struck") for c in verb.children if c.dep_ == "dobj"]


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
