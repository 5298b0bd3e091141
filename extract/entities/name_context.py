"""Corrections of the statistical NER's label read off the words around a name.

`extract.entities.name_labels` reads a name's own words; this module reads its neighbours, which
the small English model weighs too little. A name an age, a kinship word or a person's
trade stands beside ("X, 23,", "his wife X", "preacher X", "X, an opposition leader") is a
person whatever the NER called it; only people are assassinated; a name in a list of
persons is one more person. A "person" the text puts somewhere ("in X", "the town of X") is
a place, and a name followed by a common facility noun ("X mosque", "X restaurant") is that
facility.

`person_by_context` and `place_by_context` are pure functions over a span, so
`extract.entities.resolution` applies them to every mention of a name and the whole article agrees.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..language import positions
from .name_labels import FACILITY_HEADS, ORGANISATION_HEADS

__all__ = [
    "PERSON_NOUNS",
    "facility_after",
    "person_by_context",
    "place_by_context",
    "reporter_by_context",
    "unlabelled_facilities",
]

PERSON_NOUNS = frozenset(
    {"wife", "husband", "widow", "son", "daughter", "brother", "sister", "father", "mother",
     "uncle", "aunt", "nephew", "niece", "cousin", "friend", "girlfriend", "boyfriend",
     "preacher", "cleric", "imam", "priest", "pastor", "rabbi", "bishop", "playwright",
     "writer", "author", "poet", "novelist", "journalist", "reporter", "photographer",
     "actor", "actress", "singer", "director", "producer", "pilot", "driver", "worker",
     "student", "teacher", "professor", "lawyer", "attorney", "doctor", "nurse", "farmer",
     "businessman", "businesswoman", "activist", "politician", "lawmaker", "senator",
     "governor", "mayor", "leader", "spokesman", "spokeswoman", "official", "recruiter",
     "militant", "fighter", "commander", "soldier", "officer", "ringleader", "suspect",
     "bomber", "gunman", "defendant", "victim", "witness", "resident", "owner", "manager",
     "founder", "chairman", "secretary", "minister", "diplomat", "ambassador", "envoy"}
)  # fmt: skip
"""Nouns that only people are: "his wife X", "X, a 17-year-old student"."""
KILLING_OF_A_PERSON = frozenset({"assassination", "assassinations"})
"""Only people are assassinated: "the assassination of X"."""
NAMED_FACILITY_NOUNS = frozenset(
    {"street", "road", "avenue", "square", "bridge", "cafe", "café", "restaurant", "bakery",
     "hotel", "motel", "mosque", "church", "cathedral", "synagogue", "temple", "shrine",
     "market", "bazaar", "mall", "stadium", "airport", "station", "stations", "hospital",
     "lake", "river", "valley", "district", "province", "village", "neighbourhood", "area",
     "neighborhood", "estate"}
)  # fmt: skip
"""Lowercase nouns that turn the name before them into a facility or place ("X mosque");
not "camp", "base" or "office", which follow their owner as often ("a Taliban camp")."""
PLACE_NOUNS_BEFORE_OF = frozenset(
    {"town", "city", "village", "province", "district", "region", "state", "area", "suburb",
     "outskirts", "centre", "center", "county", "governorate", "capital", "streets", "towns",
     "cities", "villages", "provinces", "districts", "regions", "states", "areas", "suburbs"}
)  # fmt: skip
"""Nouns of "the town of X" that make X a place."""
LOCATING_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "throughout"})
"""Prepositions after which a name is where something happens, not who did it."""
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
AGE_WORDS = ("year-old", "years old")
RULE_NOUNS = frozenset({"administration", "regime", "presidency", "government"})
"""Nouns of rule named after a leader: "the X administration"."""


def _token_after(span: Span, offset: int = 0) -> str:
    index = span.end + offset
    return span.doc[index].lower_ if index < len(span.doc) else ""


def _is_age(span: Span) -> bool:
    """ "X, 23," — a bare number set off by commas right after a name is an age."""
    doc = span.doc
    end = span.end
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].like_num
        and doc[end + 1].text.isdigit()
        and int(doc[end + 1].text) < 120
        and doc[end + 2].text in (",", ")")
    )


def _apposed_person_noun(span: Span) -> bool:
    """ "X, an opposition leader", "X, a 17-year-old student", "X, wife of ...": the head
    noun of the phrase set off after the name says what X is."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return False
    window = doc[span.end + 1 : span.end + 8]
    phrase = []
    for token in window:
        if token.is_punct and token.text not in ("-", "–"):
            break
        phrase.append(token)
    text = " ".join(t.text for t in phrase).replace(" - ", "-")
    if any(word in text for word in AGE_WORDS):
        return True
    nouns = []
    for token in phrase:
        if token.pos_ == "NOUN":
            nouns.append(token)
        elif nouns or token.pos_ not in ("DET", "ADJ", "NUM", "ADV", "PROPN", "PUNCT"):
            break
    return bool(nouns) and nouns[-1].lower_ in PERSON_NOUNS


def _person_noun_before(span: Span) -> bool:
    """ "his wife X", "radical preacher X", "the assassination of X"."""
    doc = span.doc
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ in PERSON_NOUNS and before.text.islower():
        return True
    return (
        before.lower_ == "of"
        and span.start >= 2
        and doc[span.start - 2].lower_ in KILLING_OF_A_PERSON
    )


def _listed_with_persons(span: Span) -> bool:
    """ "A, B and C" where A or C is a name the NER typed as a person."""
    root = span.root
    neighbours = [root.head] if root.dep_ == "conj" else []
    neighbours.extend(child for child in root.children if child.dep_ == "conj")
    return any(t.ent_type_ == "PERSON" for t in neighbours)


def _leader_of(span: Span) -> bool:
    """ "the X administration", "the X regime": one capitalised word (no acronym) before a
    noun of rule names the person who leads it."""
    return (
        len(span) == 1
        and not span.text.isupper()
        and span[0].pos_ == "PROPN"
        and _token_after(span) in RULE_NOUNS
    )


def person_by_context(span: Span, *, listed: bool = True) -> bool:
    """Whether the words around `span` (a name the NER did not call a person) say it is
    one; a name whose last word is an organisation's or a facility's is never one. With
    `listed` False a list of persons is no evidence (a place the NER typed GPE stays one in
    "the villages of A, B and C" where C came out as a person)."""
    if span[-1].lower_ in ORGANISATION_HEADS or span[-1].lower_ in FACILITY_HEADS:
        return False
    if place_by_context(span):
        return False  # "in X, a suicide bomber blew himself up": the phrase is the subject
    if _token_after(span) in ("'s", "’s") and _token_after(span, 1) in PERSON_NOUNS:
        return True  # "X's wife"
    if _leader_of(span):
        return True
    return (
        _is_age(span)
        or _apposed_person_noun(span)
        or _person_noun_before(span)
        or (listed and _listed_with_persons(span))
    )


def reporter_by_context(span: Span, surnames: set[str]) -> bool:
    """Whether a one-word "person" is a news outlet: the subject of "reported" ("...,
    Al-Monitor reported") that is no surname of a person the article names in full
    (`surnames`, lowercase): journalists are introduced by their full name first."""
    if " " in span.text or span.text.lower() in surnames:
        return False
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() == "report"


def place_by_context(span: Span, label: str = "PERSON") -> bool:
    """Whether a name the NER typed as a person (`label` "PERSON") or an organisation
    ("ORG") is where something is. A person after a locating preposition is ("killed in
    X", and the names listed with such an X); an organisation only when the text calls it
    a place ("the city of X") or lists it with places ("in Kunduz and X"): "in Congress"
    stays an organisation."""
    doc = span.doc
    if _token_after(span) in ("'s", "’s", "'", "’") or span.start == 0:
        return False
    root = span.root
    neighbours = [c for c in root.children if c.dep_ == "conj"]
    first = span.start
    while root.dep_ == "conj" and root.head.i < root.i:  # up to the list's first name
        root = root.head
        neighbours.append(root)
        first = root.left_edge.i
    if first == 0:
        return False
    before = doc[first - 1]
    if before.lower_ == "of" and first >= 2 and doc[first - 2].lower_ in PLACE_NOUNS_BEFORE_OF:
        return True
    if before.lower_ not in LOCATING_PREPOSITIONS:
        return False
    return label == "PERSON" or any(t.ent_type_ in PLACE_LABELS for t in neighbours)


def facility_after(span: Span) -> Span | None:
    """The span extended over the lowercase facility noun that follows it ("X mosque",
    "X metro station"), or None when no such noun follows."""
    doc = span.doc
    for width in (1, 2):
        end = span.end + width
        if end > len(doc):
            return None
        words = doc[span.end : end]
        if not all(t.is_alpha and t.text.islower() for t in words):
            return None
        if words[-1].lower_ in NAMED_FACILITY_NOUNS:
            return doc[span.start : end]
    return None


def unlabelled_facilities(doc: Doc) -> list[Span]:
    """Facilities named by proper nouns the NER left unlabelled and a lowercase facility
    noun ("on Victor Hugo street", "at the Rolando cafe"), whole."""
    found: list[Span] = []
    for index in positions(doc, NAMED_FACILITY_NOUNS):
        noun = doc[index]
        if noun.ent_type_ or not noun.text.islower():
            continue
        start = index
        while start > 0:
            word = doc[start - 1]
            if word.pos_ != "PROPN" or not word.text[:1].isupper() or word.ent_type_:
                break
            start -= 1
        if start < index:
            found.append(doc[start : index + 1])
    return found
