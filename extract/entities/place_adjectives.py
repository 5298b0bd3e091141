"""Adjectives of places the article names: "Chechen fighters" after "Chechnya", "the
Dagestani towns" after "Dagestan".

The lexicon's demonyms (`Lexicon.demonym_to_country`) cover countries only; regions,
provinces and cities have adjectives too, and ACE and KAIROS annotate them as mentions of
the place. A one-word nationality (NORP) that no country owns and that shares its stem
with a place the article names is recorded as a reference to that place: a mention, never
an actor ("Chechen fighters" are not Chechnya acting).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from ..language import Lexicon

if TYPE_CHECKING:
    from .table import EntityTable

__all__ = ["add_place_adjectives"]

STEM_LETTERS = 5
"""Letters an adjective and a place name must share from their start ("Chech-", "Dages-");
shorter stems join unrelated names."""
PLACE_TYPES = frozenset({"Place", "State"})


def _stem(word: str) -> str:
    return word.lower()[:STEM_LETTERS]


def _a_person(span: Span) -> bool:
    """ "an Afghani was injured": the word after an indefinite article is one person."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in ("a", "an")


def add_place_adjectives(table: EntityTable, adjectives: list[Span], lexicon: Lexicon) -> None:
    """Record each one-word, singular nationality among `adjectives` whose stem is that of
    exactly one place or state of the article as a reference to that place."""
    places: dict[str, set[str]] = {}
    for entity in table.entities.values():
        if entity.type in PLACE_TYPES and len(entity.name) >= STEM_LETTERS:
            places.setdefault(_stem(entity.name), set()).add(entity.id)
    if not places:
        return
    for span in adjectives:
        word = span.text
        if len(span) != 1 or len(word) < STEM_LETTERS or word.lower() in lexicon.demonym_to_country:
            continue
        if word.endswith("s") or span[0].i in table.token_entity or _a_person(span):
            continue  # "Chechens" are a communal group, "a Chechen" a person
        owners = places.get(_stem(word), set())
        if len(owners) == 1:
            entity = table.entities[next(iter(owners))]
            table.add_reference(span, entity.name, entity.type)
