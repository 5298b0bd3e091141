"""Corrections of the statistical NER's label read off a name's own words.

The small English model types names by their context more than by their words: "Oxford
Street" comes out as an organisation, "the Stormont Cabinet" as a person, "Bloody Sunday" as
a person or an organisation, and wiki markup ("References==") as a person. A name's head word
says better what it is: streets, cafes and airfields are facilities (places), cabinets and
parties are organisations, a name ending in a weekday is an event's name, and a span without
letters or with markup is no name. `corrected_label` returns spaCy's label vocabulary, so
`extract.entities.resolution` dispatches on it as on the NER's own.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..language import WEEKDAYS

__all__ = [
    "AMBIGUOUS_GROUP_HEADS",
    "ARMED_GROUP_HEADS",
    "FORCE_HEADS",
    "GOVERNMENT_HEADS",
    "INSTITUTION_HEADS",
    "PARTY_HEADS",
    "common_noun_opening",
    "corrected_label",
    "kind_by_head",
    "name_head",
]

FACILITY_HEADS = frozenset(
    {"street", "st", "road", "rd", "avenue", "ave", "boulevard", "lane", "square", "bridge",
     "cafe", "café", "restaurant", "bakery", "hotel", "motel", "airport", "airfield",
     "airbase", "station",
     "stadium", "mosque", "church", "cathedral", "synagogue", "temple", "shrine", "hospital",
     "prison", "jail", "market", "bazaar", "mall", "building", "tower", "palace", "estate",
     "camp", "barracks", "port", "harbour", "harbor", "dam", "highway", "motorway", "checkpoint",
     "lake", "river", "valley"}
)  # fmt: skip
"""Last words that make a name a facility or a place ("Cavehill Road", "Bagram Airfield")."""
ORGANISATION_HEADS = frozenset(
    {"cabinet", "party", "council", "committee", "ministry", "parliament", "assembly",
     "agency", "commission", "union", "federation", "association", "institute", "university",
     "court", "bank", "company", "corporation", "group", "front", "movement", "vanguard"}
)  # fmt: skip
"""Last words that make a name an organisation, never a person."""
MARKUP = frozenset("=|")
"""Wiki heading and table markup; brackets are not here: "Cinco[898]" is still a name."""


def _event_name(span: Span) -> bool:
    """ "Bloody Sunday", "Black Friday": a name ending in a weekday names a day's events."""
    if span[-1].lower_ in WEEKDAYS:
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.lower_ in WEEKDAYS and after.text[:1].isupper()


def _shouted_word(span: Span) -> bool:
    """ "WHAT IS NEXT", "LET US PRAY": an acronym that is also a common word ("IS" for the
    Islamic State, "US") is that word when the words around it are in capitals too."""
    if len(span) != 1 or not span.text.isupper() or not span.doc.vocab[span.text.lower()].is_stop:
        return False
    doc = span.doc
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return any(t.is_alpha and len(t) > 1 and t.is_upper for t in neighbours)


GANG_HEADS = frozenset(
    {"militia", "militias", "brigade", "brigades", "battalion", "guerrillas", "commandos",
     "cartel", "cartels", "mafia", "mafias", "gang", "gangs", "faction", "movement",
     "organisation", "organization", "group", "party"}
)  # fmt: skip
"""Last words of a name that make it a body of people, never a place, whatever label the NER
gave it ("the Northern Cartel" as a location). Not "front" or "army": "the Western Front"
and "Army Road" are places."""


def _unit_or_plural_acronym(span: Span) -> bool:
    """ "1.5 MB", "1530 UTC": capitals right after a number are a unit; "UAVs", "IEDs": a
    plural acronym is a kind of thing, never one named organisation."""
    if len(span) != 1:
        return False
    text = span.text
    if len(text) >= 3 and text.endswith("s") and text[:-1].isupper() and text[:-1].isalpha():
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return text.isupper() and before is not None and before.like_num


def corrected_label(span: Span, label: str) -> str | None:
    """The label a PERSON or ORG name should carry (None: it is no name); other labels are
    returned unchanged, except that no word of a line in capitals is an acronym."""
    if _shouted_word(span):
        return None
    if label in ("LOC", "FAC", "GPE") and len(span) > 1 and span[-1].lower_ in GANG_HEADS:
        return "ORG"  # "the Northern Cartel", "the Black Hand Gang" are no places
    if label not in ("PERSON", "ORG"):
        return label
    text = span.text
    if not any(c.isalpha() for c in text) or any(c in MARKUP for c in text):
        return None
    if _event_name(span) or _unit_or_plural_acronym(span):
        return None
    head = span[-1].lower_
    if head in FACILITY_HEADS and (len(span) > 1 or label == "PERSON"):
        return "FAC"  # "Bagram Airfield", and "Airfield" alone is no person either
    if label == "PERSON" and head in ORGANISATION_HEADS and len(span) > 1:
        return "ORG"
    return label


MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def common_noun_opening(span: Span, common_nouns: frozenset[str]) -> bool:
    """ "Riot police fired tear gas", "Mortar fire hit the market": a word of the lexicon's
    common nouns (an event noun, a weapon word) is capitalised only because it opens the
    sentence, and the NER reads it as a name. It is none when it modifies the common noun
    after it; "Riot said ..." (the word as a subject, a surname) is left alone."""
    first = span[0]
    if not first.is_sent_start or not all(t.lower_ in common_nouns for t in span):
        return False
    head = span[-1].head
    return (
        span[-1].dep_ in MODIFIER_DEPS
        and head.i >= span.end
        and head.pos_ == "NOUN"
        and head.text[:1].islower()
    )


ARMED_GROUP_HEADS = frozenset(
    {"militia", "militias", "brigade", "brigades", "battalion", "battalions", "guerrillas",
     "commandos", "mujahideen", "insurgency"}
)  # fmt: skip
"""Head nouns that make a name an armed group whatever else is said of it ("the X militia",
"the Y Brigade")."""
GOVERNMENT_HEADS = frozenset({"ministry", "government", "presidency", "cabinet"})
"""Head nouns that make a name an organ of a government ("the Ministry of Water")."""
INSTITUTION_HEADS = (ORGANISATION_HEADS - {"group", "front", "movement", "vanguard"}) | {
    "presidency"
}
"""Head nouns of bodies that fight only in words, in courts and over budgets (a union, a
ministry, a parliament, a court, a company): not the group nouns that also name armed
movements ("group", "front", "movement"), nor "government", whose fighting with a party or
a front is civil war."""
AMBIGUOUS_GROUP_HEADS = frozenset(
    {"front", "movement", "alliance", "coalition", "group", "organisation",
     "organization", "council", "union", "party", "committee", "association", "federation",
     "league", "resistance"}
)  # fmt: skip
"""Head nouns of organisations that are armed only when the text says so ("the X Front
said it had attacked", "the Y Movement, a rebel group"): political fronts, parties and
councils are named the same way. Not "army" or "forces", which name a state's own as often."""
NAME_HEADS = ARMED_GROUP_HEADS | GOVERNMENT_HEADS | AMBIGUOUS_GROUP_HEADS
FORCE_HEADS = frozenset(
    {"army", "military", "force", "forces", "police", "guard", "navy", "command", "column",
     "unit", "squad", "patrol", "commando", "cell", "detachment", "garrison", "cartel",
     "mafia", "gang", "faction", "band", "wing", "network"}
)  # fmt: skip
"""Singular head nouns of a body of armed men, a state's or not ("the army", "a guerrilla
column", "the X cartel"): what, besides the group nouns above, can carry out an attack as one
actor."""
PARTY_HEADS = ARMED_GROUP_HEADS | AMBIGUOUS_GROUP_HEADS | FORCE_HEADS
"""Head nouns of a phrase that names or describes a group that can act as one party to
violence, in whatever case it is written ("the X front", "the army of Y")."""


def name_head(span: Span) -> Span:
    """The name with its head noun: the span itself when its syntactic head is already a
    group noun ("the People's Liberation Front", "the Ministry of Water"), or extended over
    the lowercase group noun the name modifies right after it ("Mai-Mai Kifuafua militia")."""
    root = span.root
    if root.lower_ in NAME_HEADS:
        return span
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if (
        after is not None
        and after.lower_ in NAME_HEADS
        and root.head.i == after.i
        and root.dep_ in ("compound", "amod", "nmod")
    ):
        return doc[span.start : span.end + 1]
    return span


def kind_by_head(span: Span) -> tuple[str, str | None] | None:
    """(entity type, ACLED actor category) the head noun of a name (with its head noun, as
    `name_head` gives it) settles, or None when the head leaves it open (an ambiguous group
    noun, or no group noun at all)."""
    head = span.root.lower_
    if head in ARMED_GROUP_HEADS or _closing_armed_noun(span):
        return "ArmedGroup", "Political militias"
    if head in GOVERNMENT_HEADS:
        return "Government", "State forces"
    return None


def _closing_armed_noun(span: Span) -> bool:
    """ "the Lions of Karsa militia": a lowercase armed-group noun closing a name of
    capitalised words is the whole name's head, though the parse hangs it on the last name
    ("Karsa militia") under the first ("Lions")."""
    return (
        len(span) > 2
        and span[-1].lower_ in ARMED_GROUP_HEADS
        and span[-1].text.islower()
        and span[-2].text[:1].isupper()
        and span[0].text[:1].isupper()
    )
