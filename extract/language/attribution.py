"""Who says a fact and how sure they are, read off the dependency tree around it.

The certainty scale follows how conflict datasets code claims: a fact the reporter states is
asserted; a fact put in a source's mouth is alleged; "could not confirm" is unconfirmed; a
negated or denied fact is denied; "probably", "likely" hedge it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Certainty, Entity

__all__ = [
    "DENYING_VERBS",
    "REPORTING_VERBS",
    "Attribution",
    "RoleFinding",
    "attribute",
    "source_phrase",
]

REPORTING_VERBS = frozenset(
    {
        "say", "tell", "report", "claim", "allege", "accuse", "blame", "state", "add",
        "announce", "confirm", "believe", "suggest", "insist", "assert", "write",
        "think", "fear", "warn", "acknowledge", "admit", "explain", "note", "indicate",
        "deny", "reject", "dismiss", "suspect",
    }
)  # fmt: skip
ALLEGING_VERBS = frozenset({"claim", "allege", "accuse", "blame", "suspect", "believe", "think"})
"""Verbs that make the clause they govern, or their own object, an allegation."""
DENYING_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})
CONFIRMING_VERBS = frozenset({"confirm", "verify", "corroborate"})
HEDGES = frozenset(
    {
        "probably", "likely", "possibly", "perhaps", "reportedly", "apparently",
        "allegedly", "may", "might", "could", "presumably", "seemingly", "suspected",
        "purportedly",
    }
)  # fmt: skip
NEGATIVE_HEDGES = frozenset({"unlikely", "doubtful", "improbable"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
ASIDE_DEPS = frozenset({"relcl", "appos"})
"""Links of a relative clause or an apposition to the noun it tells more of. What they tell
is taken as known, not what a verb above them asserts or denies: "X denied that the men
who shelled Y were its fighters" denies whose men they were, and concedes the shelling."""


@dataclass(frozen=True, slots=True)
class Attribution:
    certainty: Certainty
    source: str | None
    denied_clause: bool = field(default=False, compare=False)
    """The certainty is `denied` because a speaker denies the clause the fact sits in ("X
    denied that the group carried out a strike on Y"), not because the fact itself is
    negated: a denial disputes who did it, so only the actor's claim is denied by it."""


DENIABLE_ROLES = frozenset({"perpetrator", "participant"})
"""Roles a denial of the clause they sit in denies: who did it. The incident's target,
victims, place and weapon inside a denied clause are what the denier reports of the
incident ("denied carrying out the strike on Y" concedes there was a strike on Y)."""


def _noun_phrase(head: Token) -> str | None:
    """The noun phrase `head` heads, without trailing clauses; a name goes on through an
    "of" phrase that is a name too ("the Vanguard of Dawn", "the Ministry of Oil")."""
    keep = [t for t in head.subtree if t.i <= head.i or t.dep_ in ("compound", "amod", "nummod")]
    left = _after_heading(head.doc, min(t.i for t in keep), head.i)
    end = head.i + 1
    if head.pos_ == "PROPN" and end < len(head.doc) and head.doc[end].lower_ == "of":
        named = [c for c in head.doc[end].children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
        if named and head.doc[end].head.i == head.i:
            end = named[0].i + 1
    return head.doc[left:end].text.strip(" ,") or None


DASHES = frozenset({"-", "–", "—", "--"})
"""The dashes of a dateline's or a heading's end ("KIRKUK, May 3 (Reuters) -", "14:30 -")."""


def _after_heading(doc: Doc, left: int, head: int) -> int:
    """Where a noun phrase starts once a heading glued before it is cut off: a line's label
    or clock time and its spaced dash ("10:42 - Witnesses", "UPDATE - Police") head the
    entry like a dateline and name no one, and nothing before a line break belongs to a
    name after it. A dash inside a name ("Al-Kesh") has no space around it."""
    for i in range(head - 1, left - 1, -1):
        token = doc[i]
        spaced = token.text in DASHES and token.whitespace_ and (
            i == 0 or doc[i - 1].whitespace_
        )
        if spaced or "\n" in token.text:
            return i + 1
    return left


def source_phrase(verb: Token) -> str | None:
    """The speaker: the reporting verb's subject noun phrase, without trailing clauses; of
    a passive verb, its "by" phrase ("the attack was claimed by X": X is the source, not
    the attack)."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for head in (c for c in agent.children if c.dep_ == "pobj"):
                return _noun_phrase(head) if head.pos_ != "PRON" else None
        return None
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _noun_phrase(child) if child.pos_ != "PRON" else None
    return None


def _according_to(sentence: Span) -> str | None:
    for token in sentence[:-1]:
        if token.lower_ == "according" and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            if objects:
                head = objects[0]
                return token.doc[head.left_edge.i : head.i + 1].text
    return None


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in token.children):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _hedged(token: Token) -> bool:
    return any(c.lower_ in HEDGES for c in token.children if c.dep_ in ("advmod", "aux"))


def attribute(token: Token, *, negation_scope: Token | None = None) -> Attribution:
    """Attribution of the fact anchored at `token` (a trigger, or the verb linking a role).

    `negation_scope` is the verb whose negation negates the fact ("had not ordered it");
    defaults to the token itself.
    """
    scope = negation_scope if negation_scope is not None else token
    certainty: Certainty = "asserted"
    source: str | None = None

    if _negated(scope):
        certainty = "denied"
    elif _hedged(scope):
        certainty = "hedged"
    elif scope.lemma_.lower() in ALLEGING_VERBS:
        certainty = "alleged"
        source = source_phrase(scope)

    node = scope
    steps = 0
    settled = False
    denied_clause = False
    aside = False
    while node.head is not node and steps < 6:
        child, node = node, node.head
        steps += 1
        aside = aside or child.dep_ in ASIDE_DEPS
        lemma = node.lemma_.lower()
        if settled:
            if lemma in REPORTING_VERBS:
                source = source_phrase(node)
                break
            continue
        if node.lower_ in NEGATIVE_HEDGES or any(
            c.lower_ in NEGATIVE_HEDGES for c in node.children if c.dep_ == "acomp"
        ):
            certainty = "denied"
        if lemma in CONFIRMING_VERBS and _negated(node):
            certainty = "unconfirmed"
            source = source_phrase(node)
            if source is not None:
                break
            settled = True
            continue
        if lemma in REPORTING_VERBS and child.dep_ in ("ccomp", "xcomp", "conj", "advcl", "dobj"):
            source = source_phrase(node)
            if lemma in DENYING_VERBS and aside:
                certainty = "alleged"  # "denied that men who shelled X were its own"
            elif lemma in DENYING_VERBS:
                certainty = "denied"
                denied_clause = True
            elif certainty == "asserted":
                certainty = "hedged" if _hedged(node) else "alleged"
            break
        if node.pos_ == "VERB" and node.dep_ == "ROOT":
            break
    if source is None:
        source = _according_to(token.sent)
        if source and certainty == "asserted":
            certainty = "alleged"
    if certainty == "asserted" and node is not scope and _hedged(node):
        certainty = "hedged"
    return Attribution(certainty, source, denied_clause=denied_clause)


@dataclass(slots=True)
class RoleFinding:
    """An actor, place or weapon found in a role of an event, with who says so and how
    surely, and the rule that found it: what the role stages find and the later stages
    (coreference, subevents, facts) read."""

    role: str
    entity: Entity | None
    weapon: str | None
    span: Span
    attribution: Attribution
    rule: str

    def __post_init__(self) -> None:
        # A denied clause denies its actor only; the rest is the denier's account of the
        # incident, alleged on the denier's word like any reported clause.
        if self.attribution.denied_clause and self.role not in DENIABLE_ROLES:
            self.attribution = Attribution("alleged", self.attribution.source)
