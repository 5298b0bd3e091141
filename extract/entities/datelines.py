"""The dateline ("KIRKUK, Iraq, March 12 (Reuters) -"): its place as an entity, and the place
and date context it gives the report, never an actor.

A dateline only says where a report was filed, and its city is set in capitals, which the
small statistical NER reads as a person or a nationality as often as a place. The article's
header parsing (`extract.inputs.article.dateline_place`) already knows the words are a place, so
they are entered as one before the NER's entities, and the NER's later misreadings of the
same name ("Kirkuk" typed PERSON) join it.

The dateline says where and when the report was filed, not where its incident happened: its
place becomes the place of an incident of the lead only when the text names none for it, and
its date anchors "yesterday" and "on Friday" when the article gives no other date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..language import WEEKDAYS, Lexicon, positions

if TYPE_CHECKING:
    from .table import EntityTable

__all__ = ["add_dateline", "dateline_context", "overlaps", "unlabelled"]


def add_dateline(
    table: EntityTable, doc: Doc, lexicon: Lexicon, dateline: tuple[int, int, str] | None
) -> Span | None:
    """Enter the dateline's place, (start, end, title-cased name), as a Place (or as the
    State a country name stands for), never as an actor. Returns its span, or None when
    the text has no dateline."""
    if dateline is None:
        return None
    start, end, name = dateline
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    country = lexicon.country_of_name(name)
    if country:
        table.add(span, country, "State", also_place=True)
    else:
        table.add(span, name, "Place")
    return span


DATELINE_ENDS = frozenset({"-", "–", "—", "--", "("})
"""What closes the place part of a dateline: the agency's bracket or the dash before the
story ("KIRKUK, Iraq, Nov 10 (Reuters) -")."""


def dateline_context(doc: Doc, place: Span, lexicon: Lexicon) -> list[Span]:
    """Names the dateline gives after its city ("Iraq" in "KIRKUK, Iraq, Nov 10 (Reuters)
    -"): the country or province the report was filed from, context like the city, never an
    actor. Read off the dateline's own words, up to its bracket or dash on the same line: a
    known country, or any name the dateline closes with a comma before its date ("KESH,
    Norland, March 3 -"; the month is followed by its day, not by a comma)."""
    found: list[Span] = []
    index = place.end
    while index < len(doc) and index - place.end < 8:
        token = doc[index]
        if token.text in DATELINE_ENDS or "\n" in token.text:
            break
        if token.is_alpha and token.text[:1].isupper():
            end = index + 1
            while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
                end += 1
            name = doc[index:end]
            slot = end < len(doc) and doc[end].text == "," and not _is_weekday(name)
            if lexicon.country_of_name(name.text) or slot:
                found.append(name)
            index = end
            continue
        index += 1
    return found


def _is_weekday(name: Span) -> bool:
    """"Monday" in "LAGOS, Monday, March 9 (AFP) -" repeats the date; it names no place."""
    return len(name) == 1 and name[0].lower_ in WEEKDAYS


def unlabelled(doc: Doc, name: str, untaken: frozenset[str] = frozenset({""})) -> list[Span]:
    """Mentions of `name` (lowercase words) that the NER left without any label, or with
    one of the `untaken` labels that no rule reads."""
    words = name.split()
    width = len(words)
    found: list[Span] = []
    for index in positions(doc, words[:1]):
        token = doc[index]
        if token.ent_type_ not in untaken:
            continue
        span = doc[token.i : token.i + width]
        if [t.lower_ for t in span] == words and all(t.ent_type_ in untaken for t in span):
            found.append(span)
    return found


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
