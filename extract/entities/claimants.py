"""Who claims an attack: a name the NER missed that takes responsibility is an armed group.

"The Provisional IRA accepted responsibility for the bombing": the small NER leaves such
names unlabelled or calls them a plain organisation, yet claiming an attack is what armed
groups do (ACLED codes the claimant as the attack's actor). The subject of "claimed /
accepted / admitted responsibility", when it is a capitalised name, is entered as an
`ArmedGroup`, so the role rules (`extract.roles.roles.salient_roles`) find it as the perpetrator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..language import positions
from .name_labels import PARTY_HEADS

if TYPE_CHECKING:
    from .table import EntityTable

__all__ = ["RESPONSIBILITY_VERBS", "add_claimants"]

RESPONSIBILITY_VERBS = frozenset({"claim", "bear", "take", "accept", "admit", "assume"})
"""Verbs whose subject owns the responsibility they govern: "X accepted responsibility"."""
CLAIMANT_CATEGORY = "Political militias"
"""ACLED's category for a named armed group of no known kind, as for unnamed attackers."""
NAME_DEPS = frozenset({"compound", "amod", "det"})


def _claimant_name(subject: Token) -> Span | None:
    """The capitalised name the subject heads ("The Provisional IRA" -> "Provisional
    IRA"), else a name told by the words themselves in whatever case (`_uncased_name`), or
    None when it is no name ("the group", "he")."""
    doc = subject.doc
    if subject.pos_ != "PROPN" or not subject.text[:1].isupper():
        return _uncased_name(subject)
    words = [c for c in subject.lefts if c.dep_ in NAME_DEPS]
    start = min((w.i for w in words), default=subject.i)
    while start < subject.i and (
        not doc[start].text[:1].isupper() or doc[start].lower_ in ("the", "a", "an")
    ):
        start += 1
    span = doc[start : subject.i + 1]
    if not all(t.text[:1].isupper() for t in span):
        return None
    return span


def _uncased_name(subject: Token) -> Span | None:
    """The name a subject heads that capitals do not tell: a proper noun the tagger knows
    as one ("the hlf"), or a group noun after the words of its name ("the ravens movement";
    not "the movement", which refers back)."""
    words = [c for c in subject.lefts if c.dep_ in ("compound", "amod", "nmod")]
    if subject.pos_ != "PROPN" and not (subject.lower_ in PARTY_HEADS and words):
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
        return None  # "no armed movement claimed responsibility": nobody did
    start = min((w.left_edge.i for w in words), default=subject.i)
    return subject.doc[start : subject.i + 1]


def add_claimants(table: EntityTable, doc: Doc) -> None:
    """Enter the named subjects of "claimed responsibility" as armed groups; a plain
    organisation the article already has becomes one."""
    for index in positions(doc, ("responsibility",)):
        verb = doc[index].head
        if doc[index].dep_ != "dobj" or verb.lemma_.lower() not in RESPONSIBILITY_VERBS:
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            entity = table.at(subject)
            if entity is None:
                name = _claimant_name(subject)
                if name is None or any(t.i in table.token_entity for t in name):
                    continue
                # the name may be an organisation the NER found elsewhere in the article
                entity = table.add(name, name.text, "ArmedGroup", acled_category=CLAIMANT_CATEGORY)
            if entity.type == "Organization" and entity.acled_category is None:
                entity.type = "ArmedGroup"
                entity.acled_category = CLAIMANT_CATEGORY
