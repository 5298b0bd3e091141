"""Casualties a sentence reports: how many were killed or injured.

"killing 12 people", "some bodyguards were injured", "five hurt": counts are read from the
subject or object of the killing or injuring word, so that "two bodyguards" gives 2.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["INJURING", "KILLING", "casualties", "negated_clause"]

KILLING = frozenset({"kill", "die", "dead", "death", "killing", "slay", "massacre"})
INJURING = frozenset({"injure", "wound", "hurt", "injured", "wounded"})
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}  # fmt: skip


def _number(token: Token) -> int | None:
    for child in token.children:
        if child.dep_ == "nummod" or child.like_num:
            text = child.text.replace(",", "")
            if text.isdigit():
                return int(text)
            value = NUMBER_WORDS.get(child.lower_)
            if value is not None:
                return value
    return None


def casualties(sentence: Span) -> tuple[int | None, bool, int | None, bool]:
    """(fatalities, fatalities mentioned, injuries, injuries mentioned) stated in a sentence."""
    fatalities: int | None = None
    injuries: int | None = None
    killed = injured = False
    for token in sentence:
        lemma = token.lemma_.lower()
        kind = "kill" if lemma in KILLING else "injure" if lemma in INJURING else None
        if kind is None or negated_clause(token):
            continue
        count: int | None = None
        for child in token.children:
            if child.dep_ in ("nsubjpass", "dobj", "nsubj"):
                count = _number(child)
                if count is None and child.like_num:
                    count = NUMBER_WORDS.get(child.lower_) or (
                        int(child.text) if child.text.isdigit() else None
                    )
        if token.dep_ == "amod" and count is None:
            count = _number(token.head)
        if kind == "kill":
            killed = True
            if count is not None:
                fatalities = max(fatalities or 0, count)
        else:
            injured = True
            if count is not None:
                injuries = max(injuries or 0, count)
    return fatalities, killed, injuries, injured


def negated_clause(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or token.lower_ == "unharmed"
