"""Whether an act a word names was only attempted: tried, plotted, foiled or survived.

"X was assassinated" says X died; "an attempt to assassinate X", "a plot to assassinate X",
"a failed assassination", "X survived the assassination" say X lived. The difference is in
the parse, not in the trigger word: the act is the complement of a verb of trying ("tried
to kill"), the complement or the modifier of a noun of trying ("a bid to kill", "the
assassination plot"), qualified as unachieved ("a foiled assassination", "was nearly
killed"), or the object of a verb that says it did not come off ("thwarted the
assassination", "escaped assassination"), or the gerund its subject escaped, survived or
avoided undergoing ("escaped being kidnapped", "survived being shot"). One rule for every
trigger; the word classes below are English function-like vocabulary of attempt, not words
of any story.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["TERMINATIVE_VERBS", "attempted"]

TRYING_VERBS = frozenset({"try", "attempt", "seek", "plot", "conspire", "fail", "plan"})
"""Verbs whose "to" complement is an act that was tried or meant, not done ("tried to kill",
"failed to assassinate", "plotted to assassinate")."""
TRYING_NOUNS = frozenset({"attempt", "plot", "bid", "try", "conspiracy", "plan"})
"""Nouns whose complement or modifier is an act tried or meant ("an attempt to kill",
"a bid to assassinate", "the assassination plot")."""
UNACHIEVED_MODIFIERS = frozenset(
    {"attempted", "failed", "foiled", "thwarted", "botched", "abortive", "aborted",
     "unsuccessful", "would-be", "frustrated"}
)  # fmt: skip
"""Modifiers that say an act did not come off ("a failed assassination")."""
NEAR_MISS_ADVERBS = frozenset({"nearly", "almost"})
"""Adverbs that say a harm did not happen ("was nearly assassinated")."""
THWARTING_VERBS = frozenset(
    {"foil", "thwart", "survive", "escape", "avert", "prevent", "frustrate", "attempt", "try"}
)  # fmt: skip
"""Verbs whose object is an act that did not come off ("foiled the assassination",
"escaped assassination"), or was only tried ("attempted an assassination")."""
ESCAPING_VERBS = frozenset({"escape", "survive", "avoid", "evade"})
"""Verbs whose subject did not undergo the act of their gerund complement ("escaped being
kidnapped", "survived being shot", "avoided being abducted")."""
TERMINATIVE_VERBS = frozenset({"stop", "cease", "quit", "halt", "end", "finish", "suspend"})
"""Aspect verbs of ending, whose "-ing" complement was under way whatever their own polarity
or mood: "will not stop bombing the city", "appeals to stop shelling" presuppose the bombing
and the shelling (unlike "will keep shelling", whose shelling is as future as its governor).
Read by the events' specificity and by the roles' frames."""


def attempted(word: Token) -> bool:
    """Whether the act `word` (a trigger verb or noun) names was tried, meant or foiled
    rather than done, read off its place in the parse (see the module's docstring)."""
    if any(c.lower_ in NEAR_MISS_ADVERBS for c in word.children if c.dep_ == "advmod"):
        return True
    if word.pos_ == "VERB":
        return _complement_of_trying(word) or _undergoing_escaped(word)
    modifiers = (c.lower_ for c in word.children if c.dep_ in ("amod", "compound"))
    if any(m in UNACHIEVED_MODIFIERS for m in modifiers):
        return True  # "a failed assassination"
    governor = word.head
    if word.dep_ == "compound" and governor.lemma_.lower() in TRYING_NOUNS:
        return True  # "the assassination plot"
    if word.dep_ == "pobj" and governor.head.lemma_.lower() in TRYING_NOUNS:
        return True  # "an attempt at assassination"
    return word.dep_ == "dobj" and governor.lemma_.lower() in THWARTING_VERBS


def _complement_of_trying(verb: Token) -> bool:
    """Whether a verb is the "to" complement of a verb or a noun of trying ("tried to
    kill", "a plot to assassinate"), through at most one coordination ("tried to seize and
    kill")."""
    node = verb
    if node.dep_ == "conj":
        if verb.tag_ != "VB":
            return False  # "sought to storm the town and killed twelve": a finite verb, done
        node = node.head
    if node.dep_ not in ("xcomp", "acl", "advcl", "ccomp"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return False
    governor = node.head
    lemma = governor.lemma_.lower()
    if governor.pos_ not in ("VERB", "AUX"):
        return lemma in TRYING_NOUNS
    if lemma in THWARTING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in TRYING_NOUNS for c in governor.children
    ):
        return True  # "foiled a plot to assassinate", the parser hanging it on "foiled"
    if lemma == "be":
        # "it was a plot to kill", the parser hanging the complement on "was", not the noun
        return any(c.dep_ == "attr" and c.lemma_.lower() in TRYING_NOUNS for c in governor.children)
    return lemma in TRYING_VERBS


def _undergoing_escaped(verb: Token) -> bool:
    """Whether a verb is a passive gerund its governor's subject escaped, survived or
    avoided ("escaped being kidnapped": the kidnapping was tried, it did not happen). An
    act told beside the escape ("was kidnapped after escaping from prison") or one the
    subject avoided doing ("avoided shelling the town") is not the subject's harm."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in ESCAPING_VERBS:
        return False
    return any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children)
