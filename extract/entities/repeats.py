"""Later mentions of a name the article has already typed, where the NER left them bare.

The small statistical NER labels a name by its context, so the same name is found in one
sentence and missed in the next ("Dagestan sees frequent attacks" after "Dagestan became a
republic" was found). Once the article has typed a name, every other capitalised
occurrence of exactly that name, read as a proper noun, is a mention of the same
entity. Persons are
`extract.entities.persons`' business (bare surnames); unnamed actors ("gunmen") have no name to
repeat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..language import positions
from .name_context import described_as_person, facility_after

if TYPE_CHECKING:
    from .table import EntityTable

__all__ = ["add_repeated_names"]

REPEATABLE_TYPES = frozenset(
    {"Place", "State", "ArmedGroup", "StateForce", "Government", "Organization"}
)
MIN_LETTERS = 3
"""Shorter names ("US", "UN") are acronyms the gazetteer already matches case-sensitively."""


def _inside_longer_name(span: Span, table: EntityTable) -> bool:
    """ "Greater Manchester Police", "Cafe Rolando": a capitalised word right before (not
    opening the sentence) or right after makes the occurrence part of another name,
    unless that word is a name of its own ("the Belfast IRA leaders")."""
    doc = span.doc

    def capitalised_word(index: int) -> bool:
        if not 0 <= index < len(doc):
            return False
        token = doc[index]
        return (
            token.is_alpha
            and token.text[:1].isupper()
            and not token.ent_type_
            and index not in table.token_entity
        )

    if capitalised_word(span.end):
        return True
    return capitalised_word(span.start - 1) and not doc[span.start - 1].is_sent_start


def add_repeated_names(table: EntityTable, doc: Doc) -> None:
    """Add each unlabelled, capitalised occurrence of a mention text of a named entity as a
    mention of that entity."""
    names: dict[tuple[str, ...], str] = {}
    for entity in table.entities.values():
        if entity.type not in REPEATABLE_TYPES or table.article_key in entity.id.split("-"):
            continue
        for mention in entity.mentions:
            words = tuple(mention.text.split())
            if (
                words
                and sum(c.isalpha() for c in mention.text) >= MIN_LETTERS
                and words[0][:1].isupper()
                and words[-1][:1].isupper()
            ):
                names.setdefault(words, entity.id)
    if not names:
        return
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in names:
        by_first.setdefault(words[0].lower(), []).append(words)
    for index in positions(doc, by_first):
        token = doc[index]
        if token.ent_type_ or index in table.token_entity:
            continue
        for words in sorted(by_first[token.lower_], key=len, reverse=True):
            span = doc[index : index + len(words)]
            if tuple(t.text for t in span) != words:
                continue
            if any(t.ent_type_ or t.i in table.token_entity for t in span):
                continue
            if _inside_longer_name(span, table) or facility_after(span) is not None:
                break
            if not any(t.pos_ == "PROPN" for t in span):
                break  # "Gunmen fled": a sentence's capitalised common noun is no name
            entity = table.entities[names[words]]
            if entity.type == "Place" and described_as_person(span):
                # "the harbour of X ... X, the harbour director, said": a man of that name
                table.add_apart(span, span.text, "Person")
            else:
                table.add(span, entity.name, entity.type)
            break
