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

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..language import positions
from .name_labels import (
    AMBIGUOUS_GROUP_HEADS,
    ARMED_GROUP_HEADS,
    FACILITY_HEADS,
    FORCE_HEADS,
    NAME_HEADS,
    ORGANISATION_HEADS,
    kind_by_head,
    name_head,
)
from .titles import TITLE_WORDS

__all__ = [
    "HOLD_NOUNS",
    "PERSON_NOUNS",
    "UNTAKEN_LABELS",
    "armed_by_context",
    "described_as_person",
    "facility_after",
    "group_kind",
    "kin_group_names",
    "person_by_context",
    "place_by_context",
    "reporter_by_context",
    "unlabelled_facilities",
    "unlabelled_groups",
    "unlabelled_places",
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
FACILITY_NOUNS_BEFORE_OF = frozenset(
    {"port", "harbour", "harbor", "airport", "hospital", "market", "bazaar"}
)
"""Facilities named after the town they serve: "the port of X", "the hospital of X" (not
"camp", "estate" or "palace", which are as often a group's or a person's)."""
LOCATING_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "throughout"})
"""Prepositions after which a name is where something happens, not who did it."""
NEARBY_PREPOSITIONS = frozenset({"near", "outside"})
"""Locating prepositions that only ever place: "in" a party or a parliament is membership."""
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
GROUND_ONLY_VERBS = frozenset(
    {"retake", "overrun", "besiege", "encircle", "shell", "bombard", "storm"}
)
"""Verbs of `PLACE_OBJECT_VERBS` whose object is never a person ("overran X"): "captured",
"reached" or "recaptured" X may be a man (a fugitive recaptured)."""
SITED_PREPOSITIONS = frozenset({"in", "at", "near", "outside"})
"""Prepositions that site a facility: "a checkpoint in X", "the camp at X"."""
PLACE_OBJECT_VERBS = frozenset(
    {"enter", "reach", "flee", "besiege", "encircle", "overrun", "shell", "bombard",
     "capture", "seize", "recapture", "retake", "liberate", "evacuate", "storm"}
)  # fmt: skip
"""Verbs whose object is ground ("entered X", "besieged X", "shelled X"): a name the NER
typed as an organisation is a place when it is their object."""
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
    return bool(nouns) and nouns[-1].lower_ in PERSON_NOUNS | TITLE_WORDS


def described_as_person(span: Span) -> bool:
    """Whether this very mention is set beside what only a person is: an age ("X, 52,") or
    an apposition headed by a person noun or a title ("X, the port director,"). Evidence of
    the mention itself, so it holds whatever another mention of the name says ("the port of
    X" is still the port's town)."""
    if span[-1].lower_ in ORGANISATION_HEADS or span[-1].lower_ in FACILITY_HEADS:
        return False
    if place_by_context(span):
        return False  # "in X, a suicide bomber blew himself up": the phrase is the subject
    if _is_age(span):
        return True
    # the parse must agree that the phrase is the name's apposition: "regarding X, the
    # president said" sets a subject after a comma, no description of X
    apposed = any(
        t.dep_ == "appos" and t.head.i in range(span.start, span.end)
        for t in span.doc[span.end : span.end + 8]
    )
    return apposed and _apposed_person_noun(span)


def _person_noun_before(span: Span) -> bool:
    """ "his wife X", "radical preacher X", "Governor X", "the assassination of X", and an
    office the name is set beside ("the state governor, X,"): the parse hangs the name on
    it as an apposition."""
    doc = span.doc
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ in PERSON_NOUNS and before.text.islower():
        return True
    if before.lower_ in TITLE_WORDS and before.text.istitle():
        return True  # a title the NER left outside the name it took for a body
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start:
        head = root.head
        return head.lower_ in PERSON_NOUNS | TITLE_WORDS and head.text.islower()
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


def place_by_context(span: Span, label: str = "PERSON", *, strict: bool = False) -> bool:
    """Whether a name the NER typed as a person (`label` "PERSON"), an organisation ("ORG")
    or a place is where something is. Every label: the text calls it a place ("the city of
    X", "the capital X", not "the governor of Y province, X"), names a facility after it
    ("the port of X", unless the facility goes on to its town) or sited in or at it ("a
    checkpoint in X"), takes it as ground ("overran X", "took control of X"), or lists it
    with places ("in Kunduz and X"); an organisation also when one is near or outside it,
    unless it names a body, and when it is one capitalised word after "in" or stations men
    there ("police in X", `_town_after_in`). A person also after any locating preposition
    ("killed in X"): "in Congress" stays an organisation. `strict` reads a person
    as strictly as an organisation ("in X" alone no longer places it); it changes nothing
    for an organisation."""
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
    if (
        root.dep_ == "appos"
        and root.head.lower_ in PLACE_NOUNS_BEFORE_OF
        and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in root.head.children)
    ):
        return True  # "in the capital X", "the border town X"; not "X province, Y"
    if (_of_a_facility(doc, first) and not _placed_after(span)) or _ground_object(root, label):
        return True
    if _sited_facility(doc, first) and not _names_a_body(root, label):
        return True  # "a checkpoint in X", "the camp at X"
    if label in ("PERSON", "ORG") and _motion_goal(span, root, before, label):
        return True  # "travelled to X", "convoys into X", "fled towards X"
    if len(span) == 1 and before.dep_ == "amod" and before.head.i == root.i:
        # "in nearby X", "in northern X": the preposition, past the adjective of a one-word
        # name (a town); "in young Tomas Verel" names someone
        before = root.head if root.dep_ == "pobj" else before
    if before.lower_ not in LOCATING_PREPOSITIONS:
        return False
    nearby = before.lower_ in NEARBY_PREPOSITIONS and root.head.i == before.i
    if nearby and (label == "ORG" or strict):
        # "an army post near X": one is near or outside a place, a building or a
        # body's seat ("near the Ministry of Oil"), never a body as such
        return not _names_a_body(root, label)
    listed_with_places = any(t.ent_type_ in PLACE_LABELS for t in neighbours)
    if label == "ORG" and _town_after_in(span, root, before):
        return True
    return (label == "PERSON" and not strict) or listed_with_places


MOTION_PREPOSITIONS = frozenset({"to", "into", "towards", "toward", "from"})
"""Prepositions of a way's end or start: "travelled to X", "fled from X"."""
MOTION_LEMMAS = frozenset(
    {"travel", "go", "move", "flee", "head", "return", "march", "drive", "fly", "sail",
     "walk", "escape", "retreat", "advance", "withdraw", "relocate", "migrate", "journey",
     "evacuate", "deploy", "redeploy", "convoy", "trip", "visit", "flight", "route", "road",
     "exodus", "evacuation", "deployment", "withdrawal", "shipment", "corridor"}
)  # fmt: skip
"""Lemmas of verbs and nouns of going somewhere (or of what goes): the name at the end or
start of the way is ground, not someone met. Not "send", "deliver", "give", "speak" or
"write", whose "to" names the one who receives."""


def _motion_goal(span: Span, root: Token, before: Token, label: str) -> bool:
    """A one-word name the way of a motion ends at or starts from: the object of "to",
    "into", "towards" or "from" hung on a verb or noun of going ("the envoy travelled to
    X", "fled from X") or on a verb whose object goes ("allow aid convoys into X"). A name
    the text calls a person (a title before it, an age or a person noun set beside it, a
    relative "who") or that names a body ("marched to Parliament") stays what it was."""
    if len(span) != 1 or before.lower_ not in MOTION_PREPOSITIONS or root.head.i != before.i:
        return False
    if _names_a_body(root, label) or root.tag_ == "NNPS":
        return False
    goer = before.head
    if goer.pos_ == "NOUN" and before.lower_ == "from":
        return False  # "a visit from X" is from someone
    goes = goer.lemma_.lower() in MOTION_LEMMAS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in MOTION_LEMMAS for c in goer.children
    )
    if not goes:
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ in TITLE_WORDS | PERSON_NOUNS:
        return False  # "travelled to President X", "went to his brother X"
    if _is_age(span) or _apposed_person_noun(span):
        return False
    return not any(
        c.dep_ == "relcl" and any(t.lower_ in ("who", "whom") for t in c.children)
        for c in root.children
    )


FORCE_MEMBER_LEMMAS = frozenset({"troop", "soldier", "officer", "policeman", "policewoman"})
"""Lemmas of nouns for a state's armed men, besides the singular `FORCE_HEADS`: "police in
X", "troops in X" are stationed there, so X is where they are."""


def _town_after_in(span: Span, root: Token, before: Token) -> bool:
    """An "organisation" the text puts "in" and nothing else says is a body: the NER's
    commonest misreading of a small town it does not know. Two readings, each a general
    one: a single capitalised word (no acronym) as the object of "in", whose own word is
    no organisation's or force's head ("killed in Brisna"; "in Parliament", "in NATO" stay);
    or any name after "<force noun> in" ("police in Port Sella said"), which stations men
    somewhere, unless its head says it is a body or is plural ("soldiers in the X Tigers")."""
    if before.lower_ != "in" or root.dep_ != "pobj" or root.head.i != before.i:
        return False
    if _names_a_body(root, "ORG") or root.lower_ in FORCE_HEADS or root.tag_ == "NNPS":
        return False
    if len(span) == 1:
        word = span[0]
        return word.text[:1].isupper() and not word.text.isupper() and word.is_alpha
    stationed = before.head
    return stationed.pos_ == "NOUN" and (
        stationed.lower_ in FORCE_HEADS or stationed.lemma_.lower() in FORCE_MEMBER_LEMMAS
    )


def _names_a_body(root: Token, label: str) -> bool:
    """An organisation whose head noun names a body ("the Ministry of Oil", "Parliament"):
    a building may stand in it or near it, but it is no place."""
    return label == "ORG" and root.lower_ in NAME_HEADS | ORGANISATION_HEADS


def _placed_after(span: Span) -> bool:
    """ "the hospital of Saint Orla in Brevik": a facility "of X" that goes on to say where
    it stands is named after X, a patron or a founder, not after its town."""
    after = span.end
    doc = span.doc
    return (
        after + 1 < len(doc)
        and doc[after].lower_ in ("in", "at", "near")
        and doc[after + 1].text[:1].isupper()
    )


def _of_a_facility(doc: Doc, first: int) -> bool:
    """ "the port of X", "the hospital of X": a facility named after its town."""
    return (
        first >= 2
        and doc[first - 1].lower_ == "of"
        and doc[first - 2].lower_ in FACILITY_NOUNS_BEFORE_OF
    )


HOLD_NOUNS = frozenset({"control", "hold", "possession", "command"})
"""Nouns of a hold over ground, through which a verb takes it: "seized control of X"."""
HOLD_TAKING_VERBS = frozenset({"take", "regain", "gain", "wrest", "establish", "assume"})
"""Verbs that take a hold ("took control of X") besides those that take ground itself."""


def _ground_object(root: Token, label: str) -> bool:
    """ "troops besieged X" (an organisation to the NER), "retook X" (even a person to it),
    "seized control of X": the object of a verb that takes ground, or of its noun of hold."""
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "over"):
        hold = root.head.head  # "took control of X", "regained full control over X"
        return (
            hold.lower_ in HOLD_NOUNS
            and hold.dep_ == "dobj"
            and hold.head.lemma_.lower() in PLACE_OBJECT_VERBS | HOLD_TAKING_VERBS
            and not _names_a_body(root, label)
        )
    if root.dep_ != "dobj":
        return False
    verbs = PLACE_OBJECT_VERBS if label == "ORG" else GROUND_ONLY_VERBS
    return root.head.lemma_.lower() in verbs


def _sited_facility(doc: Doc, first: int) -> bool:
    """A lowercase facility noun right before the preposition that opens the name ("a
    checkpoint in X", "the shrine at X"): the name is where the facility stands, whatever the
    parse hangs the preposition on. A verb there ("worked at X", "arrested in X") or a noun
    of no facility ("a branch in X") says nothing."""
    if first < 2 or doc[first - 1].lower_ not in SITED_PREPOSITIONS:
        return False
    noun = doc[first - 2]
    return noun.pos_ == "NOUN" and noun.text.islower() and noun.lemma_.lower() in FACILITY_HEADS


UNTAKEN_LABELS = frozenset({"", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
"""NER labels no rule of the resolution reads as anything: a name under one of them ("the
village of X" read as a product) is as good as unlabelled."""


def unlabelled_places(doc: Doc) -> list[str]:
    """Names, lowercase, that the text calls a place and the NER left unlabelled: "the town
    of Falu", "the villages of Dasso and Kiri", a lone name after "in", "near" or
    "outside". Small towns and villages are what the statistical NER knows least, and wire
    copy names them exactly this way; a name it did label keeps its label ("the city of
    Aleppo" is already a place)."""
    names: list[str] = []
    for index in positions(doc, PLACE_NOUNS_BEFORE_OF):
        end = index + 2
        if end >= len(doc) or doc[index + 1].text != "of" or not doc[index].text.islower():
            continue  # "State Of Emergency" in a title-case headline names no place
        while (
            end < len(doc) and _capitalised_word(doc[end]) and doc[end].ent_type_ in UNTAKEN_LABELS
        ):
            end += 1
        if end > index + 2:
            names.append(doc[index + 2 : end].text.lower())
    towns = sorted(
        (c for i in positions(doc, TOWN_PREPOSITIONS) for c in doc[i].children
         if _unlabelled_town(c)),
        key=lambda t: t.i,
    )  # fmt: skip
    return names + [t.lower_ for t in towns]


TOWN_PREPOSITIONS = frozenset({"in", "near", "outside"})
"""Prepositions after which a lone unlabelled proper noun is a town ("detained in Wemble")."""


def _unlabelled_town(token: Token) -> bool:
    """A single capitalised word the NER left unlabelled, the whole object of "in", "near"
    or "outside" ("detained by police in Wemble", "a gathering near Qemmal"): the small
    towns the statistical NER does not know. Not a word the parse joins to others (a name
    of several words, "in Kelmet crossroads"), a sentence's first word, a word in capitals
    or a head noun of a body ("in Parliament")."""
    if token.ent_type_ or token.pos_ != "PROPN" or token.is_sent_start:
        return False
    if not _capitalised_word(token) or token.text.isupper():
        return False
    if token.dep_ != "pobj" or token.head.lower_ not in TOWN_PREPOSITIONS:
        return False
    if token.lower_ in ORGANISATION_HEADS | FORCE_HEADS or any(
        c.dep_ != "amod" or not c.text.islower() for c in token.children
    ):
        return False  # "in northern X" is one word still; "in Kelmet crossroads" is not
    return token.i + 1 >= len(token.doc) or not token.nbor().text[:1].isupper()


def _capitalised_word(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN")


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


VIOLENT_LEMMAS = frozenset(
    {"attack", "ambush", "kill", "bomb", "shell", "raid", "storm", "abduct", "kidnap", "seize",
     "capture", "overrun", "plant", "detonate", "behead", "massacre", "burn", "loot", "fire",
     "fight", "clash", "shoot", "murder", "execute", "assassinate", "target", "strike"}
)  # fmt: skip
"""Acts of armed violence: a name that is their subject is an armed actor."""
ALLEGING_LEMMAS = frozenset({"accuse", "suspect", "blame"})
"""Verbs whose object is charged with the act their "of"/"for" phrase names ("suspected X
of planting the bomb")."""
CLAIMING_LEMMAS = frozenset({"say", "claim", "announce", "admit", "state"})
"""Verbs by which a group reports its own act ("X said it had attacked ...")."""
ARMED_MEN = frozenset(
    {"fighters", "militants", "gunmen", "members", "commanders", "rebels", "insurgents",
     "militiamen", "combatants", "units"}
)  # fmt: skip
"""Nouns for a group's armed men: "fighters of X", "gunmen from X", "X militants"."""
ARMED_KINDS = frozenset(
    {"militia", "rebel", "rebels", "insurgent", "insurgents", "faction", "guerrilla", "jihadist",
     "jihadists", "armed", "militant", "separatist", "paramilitary", "insurgency"}
)  # fmt: skip
"""Words that, in an apposition to a name, say it is armed ("X, a rebel group")."""


def _violent(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "NOUN") and verb.lemma_.lower() in VIOLENT_LEMMAS


def _apposed_armed(head: Token) -> bool:
    """ "the X Front, a rebel group", "a militia, the Y Movement"."""
    apposed = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        apposed.append(head.head)
    for noun in apposed:
        words = [noun, *(c for c in noun.children if c.dep_ in ("amod", "compound"))]
        if any(w.lower_ in ARMED_KINDS for w in words):
            return True
    return False


MEMBER_NOUNS = frozenset({"members", "commanders", "units"})
"""Nouns of `ARMED_MEN` that any body has ("members of the teachers' union"): they are a
group's armed men only where they act so ("members of X attacked")."""


def _armed_men_of(head: Token) -> bool:
    """ "fighters of X", "gunmen from X", "X fighters"; "members of X" that attack (not
    "killed three members of X")."""
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "from"):
        men = head.head.head
    elif head.dep_ in ("compound", "nmod"):
        men = head.head
    else:
        return False
    if men.lower_ in MEMBER_NOUNS:
        return _acts_violently(men)
    return men.lower_ in ARMED_MEN


def _own_word(pronoun: Token, name: Token) -> bool:
    """ "X said it had attacked", "the Y Units said they had attacked": a pronoun that
    agrees with the name in number is the name's own."""
    plural = name.tag_ in ("NNPS", "NNS")
    return pronoun.lower_ == "we" or pronoun.lower_ == ("they" if plural else "it")


def _acts_violently(head: Token) -> bool:
    """The name is the doer of an act of violence ("X attacked", "were killed by X"),
    reports one of its own ("X said it had attacked"), or is charged with one ("suspected
    X of planting")."""
    if head.dep_ == "conj":
        head = head.head
    verb = head.head
    if head.dep_ == "nsubj":
        if _violent(verb):
            return True
        if verb.lemma_.lower() in CLAIMING_LEMMAS:
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                subjects = [c for c in clause.children if c.dep_ == "nsubj"]
                own = any(_own_word(s, head) or s.lower_ in ARMED_MEN for s in subjects)
                if own and _violent(clause):
                    return True
        return False
    if head.dep_ == "pobj" and verb.lower_ == "with" and _violent(verb.head):
        return True  # "soldiers clashed with X", "fighting with X"
    if head.dep_ == "pobj" and verb.dep_ == "agent" and _violent(verb.head):
        return True  # "three policemen were killed by X", "by members of X"
    if head.dep_ == "pobj" and verb.lower_ == "from" and _ground_taken(verb.head):
        return True  # "troops recaptured the town from X": X held it by arms
    if head.dep_ == "dobj" and verb.lemma_.lower() in ALLEGING_LEMMAS:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
            if any(_violent(c) for c in prep.children if c.dep_ in ("pcomp", "pobj")):
                return True
    return False


TAKING_LEMMAS = frozenset(
    {"capture", "recapture", "seize", "retake", "regain", "liberate", "wrest", "reclaim"}
)
"""Verbs of taking ground by force: whom it is taken "from" held it by force."""


def _ground_taken(verb: Token) -> bool:
    """ "recaptured the town", "seized Hadar": a verb of taking whose object is ground (a
    place name or a noun for one); "seized weapons from X" takes no ground."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in TAKING_LEMMAS:
        return False
    return any(
        o.dep_ == "dobj" and (o.ent_type_ in PLACE_LABELS or o.lower_ in PLACE_NOUNS_BEFORE_OF)
        for o in verb.children
    )


def _side_of_fight(head: Token) -> bool:
    """ "fighting between the X Army and the Y Guard": one of the two sides of a fight. Not
    for every name: unions and ministries "fight" over budgets, and a union clashing with
    police is rioting, not an armed group."""
    if head.dep_ == "conj":
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "between" and _violent(head.head.head)


def _fights_armed_men(head: Token) -> bool:
    """ "fighting between the army and the X Front": a side of a fight whose other side is
    a body of armed men (a force noun, "troops", a name headed by "Army"), which only an
    armed group fights. A union or a party "clashing" with the police is rioting, and two
    ministries "fighting" over a budget are no sides of violence: neither makes one armed."""
    if not _side_of_fight(head) or head.lower_ in CIVIL_BODY_HEADS:
        return False  # "clashes between the army and the X Miners Union": no armed group
    first = head.head if head.dep_ == "conj" else head
    sides = [first, *(c for c in first.children if c.dep_ == "conj")]
    armies = ARMY_HEADS | ARMY_PLURAL_HEADS
    return any(
        side.i != head.i and (side.lower_ in armies or side.lemma_.lower() in FORCE_MEMBER_LEMMAS)
        for side in sides
    )


CIVIL_BODY_HEADS = ORGANISATION_HEADS - {"group", "front", "movement", "vanguard"}
"""Head nouns of bodies that are no armed group whoever they fight (a union, an
association, a party); "Front", "Movement" and "Group" name fighting bodies as often."""


def armed_by_context(name: Span) -> bool:
    """Whether the text says the organisation `name` is armed: an apposition that calls it
    so, armed men said to be its own, or an act of violence it governs. Read off the parse,
    so a name seen once in the article is typed by what it does, not by a list of names."""
    head = name.root
    return _apposed_armed(head) or _armed_men_of(head) or _acts_violently(head)


ARMY_HEADS = FORCE_HEADS - {"police", "command", "unit", "cell"}
"""Force nouns that head the name of a body of fighters ("the X Liberation Army", "the Y
Tribal Guard"); not police, a state's own by definition, nor nouns that name parts of
bodies of any kind ("Command", "Unit", "Cell")."""
ARMY_PLURAL_HEADS = frozenset(
    {f"{noun}s" for noun in ARMY_HEADS if not noun.endswith(("s", "y"))} | {"armies", "units"}
)
"""The same heads in the plural, as many names of fighting bodies are ("the X Defence Units",
"the Y Guards"): "Units" too, which in the plural names a whole body, not a part of one.
Armed, like the singular ones, only when the text shows them fighting."""


NO_HEAD_EXTENSION = frozenset({"GPE", "NORP", "LOC"})
"""Labels of names that modify a group noun as its owner, not as its name ("Iraqi army",
"Kirkuk militia"): their group noun is left to the rules for states and unnamed actors."""


def group_kind(span: Span, label: str) -> tuple[Span, str, str | None] | None:
    """The name of a group, with its head noun, and its (type, ACLED category), when its
    head noun, an apposition or the verbs it governs say what it is: "the X militia" is an
    armed group whatever the NER called it (a place, a facility), "the Ministry of Y" a
    government body, "the Z Front said it had attacked" an armed group, "the Z Front said"
    an organisation. None when nothing does."""
    named = span if label in NO_HEAD_EXTENSION else name_head(span)
    kind = kind_by_head(named)
    if kind is not None:
        return named, *kind
    if label in NO_HEAD_EXTENSION:
        return None  # "the Russian Federation", "the Soviet Union" are states, not bodies
    if named.root.lower_ in ARMY_HEADS | ARMY_PLURAL_HEADS and named.root.text[:1].isupper():
        # "the Varn Liberation Army ambushed ...": a name headed by a force noun is armed,
        # but whose it is (a state's army or a rebel one) only its words can say; armed
        # here when it acts so, else left to the rules for states and organisations
        # ("the Salvation Army")
        armed = armed_by_context(named) or _side_of_fight(named.root)
        return (named, "ArmedGroup", None) if armed else None
    if (kind_noun := _kind_noun_before(named)) is not None:
        if kind_noun.lower_ in ARMED_GROUP_HEADS or armed_by_context(named):
            return named, "ArmedGroup", None
        return named, "Organization", None
    if named.root.lower_ not in AMBIGUOUS_GROUP_HEADS:
        return None
    if not named.root.text[:1].isupper() and not (label == "PERSON" and len(named) > len(span)):
        # "the Hamas group" is Hamas, its group noun only a description; but no person
        # names a group after him with a group noun of his own ("the Sword group claimed"
        # is the NER reading a group's name as a man's)
        return None
    if armed_by_context(named) or _fights_armed_men(named.root):
        return named, "ArmedGroup", None
    return named, "Organization", None


KIND_NOUNS = NAME_HEADS | ORGANISATION_HEADS | frozenset(
    {"charity", "ngo", "foundation", "watchdog", "organisation", "organization"}
)
"""Lowercase nouns that say what kind of body the name after them is ("the charity X", "the
rights group Y", "the militia Z")."""


def _kind_noun_before(name: Span) -> Token | None:
    """The lowercase kind noun the parse sets before the name as its compound ("the charity
    Hope Without Borders", "the rights group Ralla Watch"), when the name's own words say
    nothing of what it is; None otherwise. Not a noun the name stands beside after a comma:
    "a member of the group, Musa Dantal," sets a man beside the group."""
    if name.start == 0:
        return None
    noun = name.doc[name.start - 1]
    if not noun.text.islower() or noun.lower_ not in KIND_NOUNS:
        return None
    return noun if noun.dep_ == "compound" and name.start <= noun.head.i < name.end else None


def _name_word(token: Token) -> bool:
    if token.pos_ == "DET":
        return False
    return token.text[:1].isupper() or token.text in ("-", "'s", "’s") or token.lower_ == "of"


def unlabelled_groups(doc: Doc, taken: set[int], is_country: Callable[[str], bool]) -> list[Span]:
    """Names of groups the NER missed or gave a label no rule takes ("the Ngumino
    Self-Defence Front", "Nyatura Kasongo militia"): capitalised words the parse hangs on a
    group noun, none of them already an entity (`taken`) nor a country or its adjective
    (`is_country`: "Iraqi army" is the state's)."""
    found: list[Span] = []
    for index in positions(doc, NAME_HEADS | ARMY_PLURAL_HEADS):
        head = doc[index]
        if index in taken:
            continue
        if head.lower_ not in NAME_HEADS and not head.text[:1].isupper():
            continue  # "the X Defence Units" is a name; "X units" is X's
        start = index
        while (
            start > 0
            and _name_word(doc[start - 1])
            and doc[start - 1].head.i in range(start - 1, index + 1)
        ):
            start -= 1
        while start < index and not doc[start].text[:1].isupper():
            start += 1  # a name starts with a capital, not with a hyphen or "of"
        end = index + 1
        if head.text[:1].isupper() and end + 1 < len(doc) and doc[end].lower_ == "of":
            if doc[end + 1].text[:1].isupper() and doc[end + 1].ent_type_ not in ("GPE", "NORP"):
                end += 2  # "the Ministry of Water"
        words = doc[start:end]
        own = [t for t in words if t.i != index and t.text[:1].isupper()]
        if not own or any(t.i in taken for t in words) or any(is_country(t.text) for t in own):
            continue
        if len(own) < 2 and not head.text[:1].isupper():
            continue  # "Assad militia", "a Taliban brigade": an owner, not a name
        if own[0].i == doc[own[0].i].sent.start and len(own) == 1:
            continue  # a capital that only opens the sentence
        found.append(words)
    return found


KIN_GROUP_HEADS = frozenset(
    {"clan", "clans", "subclan", "subclans", "sub-clan", "sub-clans", "tribe", "tribes",
     "clansmen", "tribesmen"}
)  # fmt: skip
"""Lowercase nouns that make the names before them kin or communal groups ("the X clan",
"the X and Y tribes"): a people acting as one party to a fight or a truce. Not
"community", which a town's name precedes as often ("the Osk community")."""
NOT_KIN_NAMES = frozenset({"FAC", "DATE", "CARDINAL", "ORDINAL"})
"""NER labels of words before a kin noun that say it is no name: a building, a date, a
number. Not a place's labels: the small model calls many an unknown clan name a place, and a
known country is left out by name. Not NORP either: the small model calls an unknown proper
noun before "clans" a nationality as readily ("the Abrin and Tollu clans"), while a real
nationality is an adjective ("the Kurdish tribes", never walked over: proper nouns only) or a
known demonym (left out by name, as countries are)."""
KIN_PLURALS = frozenset(h for h in KIN_GROUP_HEADS if h.endswith(("s", "men")))
"""Kin nouns that take several names ("the X and Y clans"); a singular takes one."""


def _kin_name_words(head: Token) -> list[list[Token]]:
    """The capitalised names the kin noun `head` is preceded by, one list of words per
    name: "the Harun and Dabei clans" gives Harun and Dabei. Walks left over proper nouns,
    "and" and commas, and stops at anything else (a determiner, a lowercase word)."""
    names: list[list[Token]] = [[]]
    index = head.i - 1
    doc = head.doc
    while index >= 0:
        token = doc[index]
        if token.lower_ in ("and", ",") and names[0]:
            names.insert(0, [])
        elif token.tag_ == "NNP" and token.text[:1].isupper() and token.is_alpha:
            names[0].insert(0, token)
        else:
            break
        index -= 1
    return [words for words in names if words]


def kin_group_names(
    doc: Doc, is_country: Callable[[str], bool]
) -> list[tuple[Span, str, str | None]]:
    """Mentions and names of communal groups the text names by a kin noun ("the Warsame
    clan", "elders of the Harun and Dabei clans"), whatever the NER called the names (a
    person, an organisation, nothing): the noun says what they are. The mention of the name
    right before the noun covers the noun too, so a phrase headed by it resolves to the
    group; a coordinated name stands alone. No name the NER calls a nationality or a place,
    nor a country or its adjective (`is_country`), nor a lone capital opening a sentence.
    The third value is the ACLED actor category: "Identity militias" for a group the text
    shows fighting ("the X clan attacked"), as ACLED codes clan and tribal militias; None for
    one that only signs, meets or mourns."""
    found: list[tuple[Span, str, str | None]] = []
    for index in positions(doc, KIN_GROUP_HEADS):
        head = doc[index]
        if not head.text.islower() or head.pos_ != "NOUN":
            continue
        names = _kin_name_words(head)
        category = "Identity militias" if armed_by_context(doc[index : index + 1]) else None
        if len(names) > 1 and head.lower_ not in KIN_PLURALS:
            names = names[-1:]  # "Osk, Tesk and Lira clan": one clan, the last name's
        for words in names:
            if any(t.ent_type_ in NOT_KIN_NAMES or is_country(t.text) for t in words):
                continue
            if words[0].is_sent_start and not words[0].ent_type_:
                continue
            end = index + 1 if words[-1].i == index - 1 else words[-1].i + 1
            found.append((doc[words[0].i : end], " ".join(t.text for t in words), category))
    return found
