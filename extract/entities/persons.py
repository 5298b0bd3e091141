"""People: full names, the surnames and misspellings that refer back to them, their
offices ("Prime Minister X", later "the Iraqi prime minister"), and one-word "persons" that
are large cities.

Part of entity resolution (`extract.entities.resolution.resolve_entities` calls `add_persons`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from conflict_kg.ontologies import slugify

from ..language import Lexicon, is_major_city, positions
from .titles import PERSON_TITLES, TITLE_WORDS

if TYPE_CHECKING:
    from .table import EntityTable

__all__ = [
    "add_persons",
    "listed_names",
    "split_misread_cities",
    "surname",
    "title_before",
]


def surname(name: str) -> str:
    last = name.split()[-1]
    for prefix in ("al-", "el-", " al ", "bin ", "ibn "):
        if last.lower().startswith(prefix):
            last = last[len(prefix) :]
    return last.lower()


def listed_names(persons: list[Span]) -> list[Span]:
    """Full names the NER left unlabelled in a list with persons ("A, B and C" where A and
    C are persons): a coordinated run of two or more capitalised proper nouns is one more
    person. Titles before the name ("Colonel") stay out of it."""
    found: list[Span] = []
    seen: set[int] = set()
    stack = [p.root for p in persons]
    while stack:
        token = stack.pop()
        neighbours = [c for c in token.children if c.dep_ == "conj"]
        if token.dep_ == "conj":
            neighbours.append(token.head)
        for other in neighbours:
            if other.i in seen or other.ent_type_:
                continue
            seen.add(other.i)
            name = _proper_name_ending_at(other)
            if name is not None:
                found.append(name)
                stack.append(other)
    return found


def _proper_name_ending_at(token: Token) -> Span | None:
    """The run of capitalised, unlabelled proper nouns that ends at `token` (two words at
    least, without a leading title), or None."""
    doc = token.doc
    start = token.i
    while start > 0:
        word = doc[start - 1]
        if word.pos_ != "PROPN" or not word.text[:1].isupper() or word.ent_type_:
            break
        start -= 1
    while start < token.i and doc[start].lower_.rstrip(".") in TITLE_WORDS:
        start += 1
    if token.pos_ != "PROPN" or token.i - start < 1 or not token.text[:1].isupper():
        return None
    return doc[start : token.i + 1]


def split_misread_cities(persons: list[Span]) -> tuple[list[Span], list[Span]]:
    """(persons, city names the NER typed as persons): a one-word "person" that is a large
    city and no surname of a person the article names in full ("Lyon will host the final",
    but "Jackson" after "Michael Jackson" stays a person). The article's other typings of
    the word are no evidence: the NER misreads surnames as places just as often."""
    surnames = {surname(p.text) for p in persons if len(p) > 1}
    kept: list[Span] = []
    cities: list[Span] = []
    for span in persons:
        one_word = len(span) == 1 and span.text.lower() not in surnames
        if one_word and is_major_city(span.text):
            cities.append(span)
        else:
            kept.append(span)
    return kept, cities


def add_persons(
    table: EntityTable, doc: Doc, persons: list[Span], others: list[Span], lexicon: Lexicon
) -> None:
    """Long names first, so that surnames and misspelt short forms join them."""
    full = sorted({p.text: p for p in persons}.values(), key=lambda s: -len(s.text))
    known = _KnownNames()
    for span in full:
        name = known.match(span.text)
        if name is None:
            known.append(span.text)
            name = span.text
        table.add(span, name, "Person")
        _note_title(table, doc, span, name)
    matches: dict[str, str | None] = {}  # the names are all known now: one look-up a text
    for span in persons:
        if span.text not in matches:
            matches[span.text] = known.match(span.text)
        name = matches[span.text]
        if name is not None:
            table.add(span, name, "Person")
            if (title := title_before(span)) is not None:
                table.add(title, name, "Person")
    for span in others:
        if len(span) == 1:
            if span.text not in matches:
                matches[span.text] = known.match(span.text)
            name = matches[span.text]
            if name is not None:
                table.add(span, name, "Person")
    _add_bare_surnames(table, doc, known.names)
    _add_nominal_office_mentions(table, doc, lexicon)


def _add_bare_surnames(table: EntityTable, doc: Doc, canonical: list[str]) -> None:
    """A capitalised surname the NER left unlabelled ("..., Hadley said") is the person
    the article named in full."""
    surnames: dict[str, str] = {}
    for name in canonical:
        last = surname(name)
        if len(name.split()) > 1 and len(last) >= 4:
            surnames.setdefault(last, name)
    for index in positions(doc, surnames):
        token = doc[index]
        if token.ent_type_ or token.pos_ != "PROPN" or index in table.token_entity:
            continue
        if token.text[:1].isupper():
            table.add(doc[index : index + 1], surnames[token.lower_], "Person")


TITLE_ENTITY_LABELS = frozenset({"", "ORG", "PERSON"})
"""NER labels a word of a title may carry: none, or the NER's misreadings of it."""


def title_before(span: Span) -> Span | None:
    """The capitalised title right before a name ("Special Agent", "Col.", "Interior
    Minister"), without the demonyms and places the NER labels in it ("French" in "French
    President X" stays a mention of France; the NER's ORG for "Interior" is no
    organisation); None when no title stands there."""
    doc = span.doc
    end = span.start
    if end > 0 and doc[end - 1].text == ".":
        end -= 1  # "Col." split as "Col" "."
    if end == 0 or doc[end - 1].lower_ not in TITLE_WORDS or not doc[end - 1].text[0].isupper():
        return None
    start = end - 1
    while start > 0:
        word = doc[start - 1]
        if word.ent_type_ not in TITLE_ENTITY_LABELS or not word.text[:1].isupper():
            break
        if not word.is_alpha:
            break
        if word.is_sent_start and word.lower_ not in TITLE_WORDS:
            break  # "Yesterday President X": the sentence's first word is no title
        start -= 1
    return doc[start:end]


class _KnownNames:
    """The article's full names, in the order they became known, indexed so that matching
    a mention costs look-ups and one C-level fuzzy pass, not a Python loop over every name
    (a long text names thousands of persons).

    `match` answers what the first known name to accept the mention is: the same text, or
    for a one-word mention of four letters or more, a name whose surname it is, abbreviates
    ("Kadhim" for "al-Kadhimi": the surname's start, two letters short at most, five letters
    at least) or misspells (`fuzz.ratio` >= 90).
    """

    def __init__(self) -> None:
        self.names: list[str] = []
        self.surnames: list[str] = []
        self.exact: dict[str, int] = {}
        self.prefixes: dict[str, int] = {}

    def append(self, name: str) -> None:
        index = len(self.names)
        self.names.append(name)
        last = surname(name)
        self.surnames.append(last)
        self.exact.setdefault(name, index)
        for cut in range(3):  # the surname itself and its starts one or two letters short
            if len(last) - cut >= 5:
                self.prefixes.setdefault(last[: len(last) - cut], index)

    def match(self, text: str) -> str | None:
        best = self.exact.get(text, len(self.names))
        short = surname(text)
        if len(text.split()) == 1 and len(short) >= 4:
            # Equal surnames score 100, so the fuzzy pass finds those too.
            best = min(best, self.prefixes.get(short, best))
            fuzzy = process.extract_iter(
                short, self.surnames[:best], scorer=fuzz.ratio, score_cutoff=90
            )
            best = next((index for _, _, index in fuzzy), best)
        return self.names[best] if best < len(self.names) else None


def _note_title(table: EntityTable, doc: Doc, span: Span, name: str) -> None:
    """Record "Prime Minister X" as X's position, with the country a demonym gives."""
    before = doc[max(0, span.start - 3) : span.start]
    text = before.text.lower()
    for phrase, office in PERSON_TITLES.items():
        if text.endswith(phrase) and office is not None:
            start = before.start
            while start < span.start and not doc[start].text.strip():
                start += 1
            table.positions.setdefault(slugify(name), (office, None, doc[start : span.end]))
            return


def _add_nominal_office_mentions(table: EntityTable, doc: Doc, lexicon: Lexicon) -> None:
    """ "the Iraqi prime minister" is the person the article names as prime minister."""
    holders: dict[str, str] = {}
    for person_id, (office, _, _) in table.positions.items():
        holders.setdefault(office.lower(), person_id)
    if not holders:
        return
    lowered = [t.lower_ for t in doc]
    for office, person_id in holders.items():
        words = office.split()
        width = len(words)
        for i in range(len(doc) - width + 1):
            if lowered[i : i + width] != words or i in table.token_entity:
                continue
            following = doc[i + width] if i + width < len(doc) else None
            if following is not None and following.ent_type_ == "PERSON":
                continue
            start = i
            if start > 0 and doc[start - 1].ent_type_ in ("NORP", "GPE"):
                start -= 1
                while start > 0 and doc[start].ent_iob_ == "I":
                    start -= 1  # the whole name: "the United States president"
                word = doc[start:i].text
                country = lexicon.demonym_to_country.get(word.lower()) or lexicon.country_of_name(
                    word
                )
                office_label, _, evidence = table.positions[person_id]
                table.positions[person_id] = (office_label, country, evidence)
            if start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            entity = table.entities[person_id]
            table.add(doc[start : i + width], entity.name, "Person")
