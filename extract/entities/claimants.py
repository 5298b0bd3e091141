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
from ..nlp import TRIGGERS_KEY
from .name_labels import PARTY_HEADS

if TYPE_CHECKING:
    from ..model import Entity
    from .table import EntityTable

__all__ = [
    "RESPONSIBILITY_VERBS",
    "add_claimants",
    "claimant_phrases",
    "claimed_acts",
    "message_authors",
]

RESPONSIBILITY_VERBS = frozenset({"claim", "bear", "take", "accept", "admit", "assume"})
"""Verbs whose subject owns the responsibility they govern: "X accepted responsibility"."""
CLAIMANT_CATEGORY = "Political militias"
"""ACLED's category for a named armed group of no known kind, as for unnamed attackers."""
NAME_DEPS = frozenset({"compound", "amod", "det"})
MESSAGE_NOUNS = frozenset(
    {"leaflet", "leaflets", "statement", "statements", "communique", "communiqué", "message",
     "messages", "letter", "letters", "video", "videos", "pamphlet", "pamphlets", "flyer",
     "flyers", "poster", "posters", "post", "posts", "note", "notes", "recording", "audio",
     "bulletin", "announcement", "declaration"}
)  # fmt: skip
"""What carries a group's word: a claim made by one of them ("leaflets claimed
responsibility") is its author's."""


def claimant_phrases(verb: Token) -> list[Token]:
    """Who claims (or denies) by `verb` ("X claimed responsibility"): its subject, or the
    noun a participle describes ("men claiming ..."); where that is a message rather than a
    party, the message's author (`message_authors`)."""
    messages = message_authors(verb)
    if messages is not None:
        return messages
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        subjects = [verb.head]
    return subjects


def message_authors(verb: Token) -> list[Token] | None:
    """The authors of the message that claims (or denies) by `verb`: "leaflets signed by X
    claimed responsibility", "a statement issued by X", "a statement from X", "X distributed
    leaflets claiming responsibility"; [] for a message whose author is not told, None where
    no message is the claimant."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "acl":
        subjects = [verb.head]
    messages = [s for s in subjects if s.pos_ == "NOUN" and s.lower_ in MESSAGE_NOUNS]
    if not messages:
        return None
    return [author for message in messages for author in _author(message)]


def _author(message: Token) -> list[Token]:
    """Who a message is by: the "by" phrase of the participle that describes it ("signed
    by X"), its "from" phrase, else the subject of the verb it is the object of ("X issued
    a statement ...")."""
    for child in message.children:
        words = [child] if child.dep_ == "prep" and child.lower_ == "from" else []
        if child.dep_ == "acl":
            words = [a for a in child.children if a.dep_ == "agent"]
        authors = [p for w in words for p in w.children if p.dep_ == "pobj"]
        if authors:
            return authors
    if message.dep_ == "dobj":
        return [c for c in message.head.children if c.dep_ == "nsubj"]
    return []


def _named_by_modifier(subject: Token, table: EntityTable) -> Entity | None:
    """The entity a group noun's name words are ("the Iron Crescent group claimed ...":
    the NER's name stops before "group")."""
    if subject.lower_ not in PARTY_HEADS:
        return None
    for word in subject.lefts:
        if word.dep_ in ("compound", "nmod") and (entity := table.at(word)) is not None:
            return entity
    return None


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
    end = subject.i + 1
    of = doc[end] if end < len(doc) and doc[end].lower_ == "of" else None
    if of is not None and of.head.i == subject.i:
        # "the Vanguard of Dawn": an "of" phrase in capitals is part of the name
        owned = [c for c in of.children if c.dep_ == "pobj"]
        words = doc[end + 1 : owned[0].i + 1] if owned else []
        if owned and all(t.text[:1].isupper() or t.lower_ == "the" for t in words):
            end = owned[0].i + 1  # "the Sons of the Red Valley"
    span = doc[start:end]
    if not all(t.text[:1].isupper() or t.lower_ in ("of", "the") for t in span[1:]):
        return None
    return span if span[0].text[:1].isupper() else None


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


CLAIMED_CLASSES = frozenset(
    {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination",
     "Abduction"}
)  # fmt: skip
"""Trigger classes of the acts an armed group claims (the violent classes of
`extract.events.shared`, which a stage before events cannot import): a union that "claimed
the protest" or a party that "claimed the vote" is no armed group."""


def claimed_acts(doc: Doc) -> list[Token]:
    """The objects of a claim of an act: "responsibility" under "claimed / accepted /
    admitted", and an event word of the trigger lexicon right under "claim" ("X claimed
    the bombing", "claimed the attack on its website"); not "claimed the town" nor "claimed
    the lives of", whose objects are no acts."""
    acts = [
        doc[i]
        for i in positions(doc, ("responsibility",))
        if doc[i].dep_ == "dobj" and doc[i].head.lemma_.lower() in RESPONSIBILITY_VERBS
    ]
    for span in doc.spans.get(TRIGGERS_KEY, []):
        noun = span.root
        if span.label_ not in CLAIMED_CLASSES or noun.pos_ != "NOUN" or noun.dep_ != "dobj":
            continue
        verb = noun.head
        if verb.lemma_.lower() == "claim" and not any(
            c.dep_ == "prep" and c.lower_ == "as" for c in verb.children
        ):
            acts.append(noun)  # not "claimed the strike as a victory"
    return acts


def add_claimants(table: EntityTable, doc: Doc) -> None:
    """Enter the named subjects of a claim of an act (`claimed_acts`) as armed groups; a
    plain organisation the article already has becomes one."""
    for act in claimed_acts(doc):
        verb = act.head
        for subject in claimant_phrases(verb):
            entity = table.at(subject) or _named_by_modifier(subject, table)
            if entity is None:
                name = _claimant_name(subject)
                if name is None or any(t.i in table.token_entity for t in name):
                    continue
                # the name may be an organisation the NER found elsewhere in the article
                entity = table.add(name, name.text, "ArmedGroup", acled_category=CLAIMANT_CATEGORY)
            if entity.type == "Organization" and entity.acled_category is None:
                entity.type = "ArmedGroup"
                entity.acled_category = CLAIMANT_CATEGORY
