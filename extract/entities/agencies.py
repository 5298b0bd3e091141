"""Named bodies of a state that begin with the state's name: "U.S. Air Force", "United
States Treasury Department", "U.S. Air Force Office of Special Investigations".

The gazetteer ruler runs before the statistical NER and claims "U.S." for the state, so the
NER never gets to see the longer organisation name. The words after a country name are
read here instead: capitalised words up to the last one that names a body (Force,
Ministry, Department ...), plus an "of ..." complement of capitalised words.
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["MILITARY_WORDS", "agency_after_state"]

MILITARY_WORDS = frozenset(
    {"force", "forces", "army", "navy", "corps", "marines", "guard", "command", "military"}
)
"""Last words of a state's armed body (typed StateForce)."""
BODY_WORDS = MILITARY_WORDS | frozenset(
    {"ministry", "department", "office", "agency", "embassy", "consulate", "treasury",
     "bureau", "administration", "service", "council", "congress", "senate", "court",
     "mission", "police", "intelligence", "directorate"}
)  # fmt: skip
"""Last words of a state's body (typed Government unless military)."""
CONNECTORS = frozenset({"of", "for", "and"})
MAX_WORDS = 8


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text) and not text.isupper()


def agency_after_state(state: Span) -> tuple[Span, str] | None:
    """(the body's whole name, its type: StateForce or Government) when a country name is
    followed by the name of one of its bodies; None otherwise (a title-case headline that
    runs on, "U.S. Strikes Hit Syria", names no body)."""
    doc = state.doc
    end = state.end
    last_body: int | None = None
    while end < len(doc) and end - state.end < MAX_WORDS:
        token = doc[end]
        if _capitalised(token.text):
            if token.lower_ in BODY_WORDS:
                last_body = end
        elif not (
            token.lower_ in CONNECTORS and end + 1 < len(doc) and _capitalised(doc[end + 1].text)
        ):
            break
        end += 1
    if last_body is None:
        return None
    stop = last_body + 1
    if stop < end and doc[stop].lower_ == "of":  # "Office of Special Investigations"
        stop = end
    name = doc[state.start : stop]
    kind = "StateForce" if doc[last_body].lower_ in MILITARY_WORDS else "Government"
    return name, kind
