"""Titles and offices before a person's name ("Prime Minister X", "Col. X"), and mentions
made only of an office ("the Iraqi prime minister"), which name a person but are never one of
their names. Read by the entity table (no alias is an office) and by `persons`.
"""

from __future__ import annotations

from ..language import load_lexicon

__all__ = ["OFFICE_WORDS", "PERSON_TITLES", "TITLE_WORDS", "is_title_only"]

PERSON_TITLES: dict[str, str | None] = {
    "prime minister": "Prime Minister",
    "president": "President",
    "foreign minister": "Foreign Minister",
    "defence minister": "Defence Minister",
    "defense minister": "Defence Minister",
    "interior minister": "Interior Minister",
    "vice president": "Vice President",
    "king": "King",
    "supreme leader": "Supreme Leader",
    "cleric": None,
    "commander": None,
    "general": None,
    "spokesman": None,
    "spokeswoman": None,
    "leader": None,
}
"""Words that type the following name as a person; offices (non-None) also give a position."""
TITLE_WORDS = frozenset(
    {"president", "minister", "secretary", "king", "queen", "prince", "leader", "judge",
     "magistrate", "prosecutor", "agent", "sergeant", "sgt", "colonel", "col", "general",
     "gen", "major", "maj", "captain", "capt", "lieutenant", "lt", "commander", "admiral",
     "corporal", "private", "chief", "governor", "mayor", "senator", "sen", "rep",
     "ambassador", "sheikh", "ayatollah", "imam", "cleric", "bishop", "spokesman",
     "spokeswoman", "director", "chairman", "emir"}
)  # fmt: skip
"""Capitalised words that stand before a person's name as their title ("Special Agent X",
"Col. X"): the title is a mention of that person, as ACE and KAIROS annotate it. Honorifics
("Mr", "Dr", "Sir") are part of the name, not a mention of their own."""


OFFICE_MODIFIERS = frozenset(
    {"prime", "vice", "deputy", "foreign", "interior", "defence", "defense", "finance",
     "supreme", "special", "chief", "head", "former", "acting", "senior", "state", "of",
     "the", "army", "police", "security", "staff"}
)  # fmt: skip
"""Words that qualify an office ("Prime Minister", "Vice President", "Head of State",
"Chief of Staff")."""
OFFICE_WORDS = TITLE_WORDS | OFFICE_MODIFIERS


def is_title_only(text: str) -> bool:
    """ "President", "Prime Minister", "the Interior Minister", "U.S. President", "the
    Iraqi prime minister": a mention by office, which many people hold (the country or
    demonym before it only says which state's), so it is a mention of the person but never
    one of their names."""
    words = [w.strip(",") for w in text.split()]
    lexicon = load_lexicon()
    office = False
    i = 0
    while i < len(words):
        country = (  # the longest name, abbreviation or demonym of a country here
            j for j in range(len(words), i, -1) if lexicon.country_of_name(" ".join(words[i:j]))
        )
        if (end := next(country, None)) is not None:
            i = end
            continue
        if words[i].strip(".").lower() not in OFFICE_WORDS:
            return False
        office = True
        i += 1
    return office
