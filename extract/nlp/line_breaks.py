"""Sentence ends that the parser does not see: line ends and datelines."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..inputs import dateline_span
from ..language import DASHES

__all__ = ["NAME", "item_label", "line_breaks", "list_items"]

NAME = "conflict_kg_line_breaks"



@Language.component(NAME)
def line_breaks(doc: Doc) -> Doc:
    """Headlines, bullets and datelines end without a full stop: a newline ends a sentence,
    and so does a dateline ("KIRKUK, March 15 (Reuters) -"), so that the agency never
    becomes an actor of the first sentence, nor a headline run into the dateline on one
    line its place. Only whitespace tokens, the first line starts and the dateline's
    pattern are looked at: this runs on every document."""
    spaces = numpy.flatnonzero(doc.to_array([IS_SPACE]))
    line_starts = [0]
    for index in spaces.tolist():
        if index + 1 < len(doc) and "\n" in doc[index].text:
            doc[index + 1].is_sent_start = True
            line_starts.append(index + 1)
    for start in line_starts:
        after = _after_line_label(doc, start)
        if after is not None:
            doc[after].is_sent_start = True
    for start in line_starts[:4]:
        for i in range(start + 4, min(start + 15, len(doc))):
            if _after_agency(doc, i):
                doc[i].is_sent_start = True
                break
    span = dateline_span(doc.text)
    if span is not None:
        start, end = (doc.char_span(c, c + 1, alignment_mode="expand") for c in span)
        if span[0] > 0 and start is not None and len(start):
            # a dateline the headline runs into on one line
            doc[start.start].is_sent_start = True
        if end is not None and len(end) and (
            (span[0] > 0 and _after_agency(doc, end.start)) or _after_bare_dateline(doc, end.start)
        ):
            doc[end.start].is_sent_start = True
            if end.start + 1 < len(doc):
                doc[end.start + 1].is_sent_start = False  # the lead is no one-word sentence
    return doc


LABEL_LENGTH = 4
"""At most this many tokens before the dash of a line's label ("14:30 -", "PRESS RELEASE -",
"BREAKING NEWS -")."""


def _after_line_label(doc: Doc, start: int) -> int | None:
    """The token after a label that opens a line and ends in a spaced dash: a clock time
    ("14:30 - Riot police fired ...", a live blog's entry) or words in capitals ("UPDATE -
    Police say ...", "PRESS RELEASE - Ministry of ..."). What follows is a sentence of its
    own: the label never joins the first name of the line, nor the parser reads it as the
    subject. A dash inside a name ("Al-Nur") has no spaces and is not a label's."""
    for i in range(start + 1, min(start + LABEL_LENGTH + 1, len(doc) - 1)):
        token = doc[i]
        if token.text not in DASHES or not token.whitespace_ or not doc[i - 1].whitespace_:
            continue
        label = doc[start:i]
        clock = len(label) == 1 and _clock(label[0].text)
        capitals = all(t.is_upper and t.is_alpha for t in label)
        return i + 1 if clock or capitals else None
    return None


def _clock(text: str) -> bool:
    """ "14:30", "9.05", "0830": a time of day written as digits."""
    digits = text.replace(":", "").replace(".", "")
    return digits.isdigit() and 3 <= len(digits) <= 4


def _after_bare_dateline(doc: Doc, i: int) -> bool:
    """Whether token `i` follows the dash of a dateline with no agency ("KESHVAR, March 3
    -"): the lead is a sentence of its own, or the parser reads the capitals as its
    subject."""
    return i >= 2 and doc[i - 1].text in DASHES and doc[i - 2].text != ")"


def _after_agency(doc: Doc, i: int) -> bool:
    """Whether token `i` follows a one-word agency and its dash ("(Reuters) -"): where a
    dateline's lead starts. After an agency of several words the lead stays in the
    dateline's sentence, whose day then dates it."""
    return (
        i >= 4 and doc[i - 1].text in DASHES and doc[i - 2].text == ")" and doc[i - 4].text == "("
    )


BULLETS = DASHES | {"•", "*", "·", "▪", "‣"}
"""Marks that open an item of a list, one item a line."""


def list_items(doc: Doc) -> list[Span]:
    """The items of a list the text holds: lines that open with a bullet ("- Kessin:
    ...", "• ...") or with a label ended by a colon ("Monday: ...", "Dorra: ..."), when
    at least two lines do. A digest tells one incident an item, so the items tell
    coreference where one incident ends and the next starts; the label is the item's
    (`item_label`). Only whitespace tokens and the first tokens of lines are read."""
    spaces = numpy.flatnonzero(doc.to_array([IS_SPACE]))
    starts = [0] + [i + 1 for i in spaces.tolist() if "\n" in doc[i].text and i + 1 < len(doc)]
    ends = [*starts[1:], len(doc)]
    items = [
        doc[start:end]
        for start, end in zip(starts, ends, strict=True)
        if doc[start].text in BULLETS or _label_end(doc, start) is not None
    ]
    return items if len(items) > 1 else []


def item_label(item: Span) -> Span | None:
    """The label of a list item, without its bullet or colon ("Dorra" in "- Dorra: Two
    men were ..."), or None when the item has none."""
    doc = item.doc
    start = item.start + 1 if doc[item.start].text in BULLETS else item.start
    end = _label_end(doc, start)
    return doc[start : end - 1] if end is not None and end <= item.end else None


def _label_end(doc: Doc, start: int) -> int | None:
    """The token after the colon of a label of capitalised words that opens a line at
    `start` ("Dorra:", "North Kessin:"); None when the line opens otherwise."""
    for i in range(start, min(start + LABEL_LENGTH + 1, len(doc) - 1)):
        token = doc[i]
        if token.text == ":":
            return i + 1 if i > start else None
        if not (token.is_alpha and token.text[:1].isupper()):
            return None
    return None
