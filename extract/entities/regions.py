"""A compass word before a country's name or demonym makes a region, not the country:
"Latin America", "South America", "North African", "the Middle East".

The gazetteer ruler matches "America" and "American" (the United States) before the
statistical NER runs, so "Latin America" was the United States. Names that begin with a
compass word and are countries ("South Korea", "North Macedonia") are gazetteer names
themselves and matched whole, so they never reach this rule.
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["COMPASS_WORDS", "region_around"]

COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "latin", "middle", "northeast", "northwest", "southeast", "southwest",
     "sub-saharan"}
)  # fmt: skip


def region_around(name: Span) -> Span | None:
    """The region `name` (a country's name or demonym) is the last word of, when a
    capitalised compass word comes right before it; None otherwise ("northern Syria",
    lowercase, is a part of Syria and stays Syria)."""
    if name.start == 0:
        return None
    before = name.doc[name.start - 1]
    if before.lower_ in COMPASS_WORDS and before.text[:1].isupper():
        return name.doc[name.start - 1 : name.end]
    return None
