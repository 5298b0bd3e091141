"""Sentence ends that the parser does not see: line ends and datelines."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from ..inputs import dateline_span

__all__ = ["NAME", "line_breaks"]

NAME = "conflict_kg_line_breaks"

DASHES = frozenset({"-", "–", "—", "--"})


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
    for start in line_starts[:4]:
        for i in range(start + 4, min(start + 15, len(doc))):
            if doc[i - 1].text in DASHES and doc[i - 2].text == ")" and doc[i - 4].text == "(":
                doc[i].is_sent_start = True
                break
    span = dateline_span(doc.text)
    if span is not None:  # also a dateline the headline runs into on one line
        for char in span:
            token = doc.char_span(char, char + 1, alignment_mode="expand")
            if char and token is not None and len(token):
                doc[token.start].is_sent_start = True
    return doc
