"""Casualties a sentence reports: how many were killed or injured, and who.

"killing 12 people", "some bodyguards were injured", "five hurt": counts are read from the
subject or object of the killing or injuring word, so that "two bodyguards" gives 2, and
the same phrase names the victims (named, or unnamed civilians and security forces).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..entities import PARTY_HEADS, EntityTable
from ..events import ATTACK_FAMILY
from ..language import MONTH_NAMES, WEEKDAYS, RoleFinding, attempted, objects_of
from ..model import Entity
from .described import described_actors
from .facilities import facilities_in_phrase
from .phrases import (
    ATTACKER_NOUNS,
    PARTITIVE_WORDS,
    QUANTITY_WORDS,
    SECURITY_NOUNS,
    conjuncts,
    counted,
    denoted_actors,
    mention_span,
)

if TYPE_CHECKING:
    from ..events import EventCluster

__all__ = [
    "INJURING",
    "KILLING",
    "casualties",
    "casualty_clauses",
    "damaged",
    "harmed_in_incident",
    "misparsed_objects",
    "negated_clause",
    "none_quantified",
    "passive",
    "tally",
    "victims",
]

KILLING = frozenset(
    {
        "kill",
        "die",
        "dead",
        "death",
        "killing",
        "slay",
        "massacre",
        "murder",
        "lynch",
        "behead",
        "assassinate",
        "assassination",
    }
)
"""Lemmas of words that say someone died. "assassinate" and "assassination" too: the word
means the person was killed (an attempt, "an assassination attempt", "tried to assassinate",
is told apart by `attempted` and counts nobody dead)."""
INJURING = frozenset({"injure", "wound", "hurt", "injured", "wounded"})
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}  # fmt: skip


def _number(token: Token) -> int | None:
    """The number modifying a phrase head; a numeral's conjunct is a count of its own ("left
    one dead and 12 wounded": 12 is the wounded's), never this head's."""
    for child in token.children:
        if child.dep_ == "nummod" or (child.like_num and child.dep_ != "conj"):
            text = child.text.replace(",", "")
            if text.isdigit():
                return int(text)
            value = _word_number(child)
            if value is not None:
                return value
    return None


def _no_one(numeral: Token) -> bool:
    """ "no one": the numeral under "no" counts nobody (`none_quantified` reads the same
    words as a subject that nobody is)."""
    before = numeral.doc[numeral.i - 1] if numeral.i > 0 else None
    return any(c.lower_ == "no" for c in numeral.children) or (
        before is not None and before.lower_ == "no"
    )


def _word_number(token: Token) -> int | None:
    """A number written in words, with the number words the parse hangs on it:
    "twenty-three" (23), "two hundred" (200)."""
    value = NUMBER_WORDS.get(token.lower_)
    if value is None:
        return None
    for child in token.children:
        part = NUMBER_WORDS.get(child.lower_) if child.dep_ in ("compound", "nummod") else None
        if part is None:
            continue
        if value in (100, 1000) and part < 100:
            value *= part  # "two hundred"
        elif part % 10 == 0 and 20 <= part <= 90 and value < 10:
            value += part  # "twenty-three"
    return value


PAIR_NOUNS = frozenset({"couple", "pair"})
"""Singular nouns for two people: "the couple were beaten to death" counts 2 ("a couple of
villagers", a loose few, keeps no count)."""


def _own_number(token: Token) -> int | None:
    """The count a phrase head gives: its number modifier ("two bodyguards"), itself a
    number ("five were hurt"), or a noun for a pair ("the couple")."""
    if token.lower_ in PAIR_NOUNS and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children
    ):
        return 2
    count = _number(token)
    if count is None and token.like_num:
        digits = int(token.text) if token.text.isdigit() else None
        count = _word_number(token) or digits
    return count


def _count(holder: Token) -> int | None:
    """The count of a phrase and its conjuncts, summed: "three soldiers and two civilians"
    are 5; a phrase that quantifies nobody ("nobody", "no one", "no soldiers") is 0."""
    if none_quantified(holder):
        return 0
    parts = [holder]
    for part in parts:
        parts.extend(c for c in part.children if c.dep_ == "conj")
    counts = [_own_number(t) or _one(t) for t in parts]
    uncounted = [t for c, t in zip(counts, parts, strict=True) if c is None]
    if len(parts) > 1 and all(_one_person(t) for t in uncounted):
        # "its driver and a passenger", "a soldier and his wife": in a coordination of
        # people each singular noun is one person, whatever its determiner
        counts = [c if c is not None else 1 for c in counts]
    if counts[0] is None:
        return None
    return sum(c for c in counts if c is not None)


def _one_person(token: Token) -> bool:
    """A singular common noun that is no count word ("his driver", "the mayor"): one of
    the people a coordination lists. "a number of", "the rest" are not one."""
    singular = token.pos_ == "NOUN" and "Sing" in token.morph.get("Number")
    return singular and token.lower_ not in QUANTITY_WORDS


def _one(token: Token) -> int | None:
    """1 for a singular noun with an indefinite article ("two soldiers and a civilian"),
    and for one named person ("Judge Ana Ferro was shot dead", "killing Tomas Vell and
    two guards" are 1 and 3)."""
    if _named_person(token) or _named_noun(token):
        return 1
    singular = token.pos_ == "NOUN" and "Sing" in token.morph.get("Number")
    if token.lower_ in QUANTITY_WORDS:
        return None  # "a number of villagers", "a handful of soldiers" are not one
    return 1 if singular and any(c.lower_ in ("a", "an") for c in token.children) else None


def _named_noun(noun: Token) -> bool:
    """A singular noun that one person's name names: by apposition ("the victim, a trader
    named X", "the driver, X") or by a naming participle ("the man, identified as X")."""
    if noun.pos_ != "NOUN" or "Sing" not in noun.morph.get("Number"):
        return False
    for child in noun.children:
        if child.dep_ == "appos" and (_named_person(child) or _named_noun(child)):
            return True
        if child.dep_ == "acl" and child.lemma_.lower() in NAMING_PARTICIPLES:
            names = [o for p in _children_of(child, "prep") if p.lower_ == "as"
                     for o in _children_of(p, "pobj")]  # fmt: skip
            if any(_named_person(n) for n in names + _children_of(child, "oprd")):
                return True
    return False


def _named_person(token: Token) -> bool:
    """A singular proper name of a person: one person, whom the sentence names."""
    return (
        token.pos_ == "PROPN"
        and token.ent_type_ == "PERSON"
        and "Plur" not in token.morph.get("Number")
    )


NOBODY = frozenset({"nobody", "none", "noone", "no-one"})
CASUALTY_NOUNS = {"casualties": ("kill", "injure"), "deaths": ("kill",), "fatalities": ("kill",),
                  "injuries": ("injure",), "casualty": ("kill", "injure"), "death": ("kill",),
                  "fatality": ("kill",), "injury": ("injure",)}  # fmt: skip
"""Nouns of harm whose negation ("there were no casualties") reports none of that kind."""


def none_quantified(holder: Token) -> bool:
    """ "nobody", "none", "no one", "no soldiers", "not a single soldier": the phrase says
    that no one is meant (its determiner or its own word is the negative quantifier)."""
    if holder.lower_ in NOBODY:
        return True
    return any(
        c.dep_ in ("det", "neg", "advmod") and c.lower_ in ("no", "not") for c in holder.children
    )


def _tells_no_incident(token: Token) -> bool:
    """Whether the word is an event word the mentions stage found to tell no incident (a
    background, looked-back, generic or hypothetical mention: `doc._.ck_nonspecific`):
    the deaths it tells are not the sentence's incident's."""
    doc = token.doc
    told = doc._.ck_nonspecific if doc.has_extension("ck_nonspecific") else None
    return any(m.span.start <= token.i < m.span.end for m, _ in told or ())


def casualty_clauses(sentence: Span) -> list[tuple[Token, str, int | None]]:
    """(killing or injuring word, "kill" or "injure", count or None) for each casualty
    clause of a sentence, so that a sentence telling two incidents gives each its own.
    "Nobody was hurt" and "there were no casualties" are clauses with the count 0."""
    found: list[tuple[Token, str, int | None]] = []
    for token in sentence:
        lemma = token.lemma_.lower()
        lost_life = _lost_life(token)
        kind = "kill" if lemma in KILLING or lost_life else None
        kind = kind or ("injure" if lemma in INJURING else None)
        if _unknown_toll(token):
            continue  # "there were no immediate reports of deaths"
        denied = _no_casualties(token)
        if kind is None or denied:
            # "no casualties", and "no deaths were reported": "death" is a killing word,
            # but under "no" it reports that nobody died
            found.extend((token, k, 0) for k in denied)
            continue
        if negated_clause(token) or background_tally(token) or attempted(token):
            continue  # "nobody was killed"; "900 have been killed since 1985": no incident's;
            # "tried to kill the mayor": an attempt kills nobody
        if _tells_no_incident(token) or any(
            c.dep_ == "nsubj" and _tells_no_incident(c) for c in token.children
        ):
            continue  # "on the anniversary of the assassination of X": a past one's death;
            # "after a similar attack in October killed ten": that attack's dead
        if _open_question(token):
            continue  # "it was not clear whether anyone was hurt": no harm is told
        count: int | None = None
        holders = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
        if lost_life:
            holders = [c for c in holders if c.dep_ == "nsubj"]  # who lost them, not "lives"
        if not holders and token.dep_ == "conj":
            # "nobody was killed or injured": the second verb shares the first's subject
            holders = [c for c in token.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        for child in holders:
            count = _count(child)
        patients = [c for c in holders if c.dep_ in ("nsubjpass", "dobj")]
        if len(patients) > 1:
            # "forty insurgents and six soldiers were killed", the parser giving the verb two
            # subjects instead of one coordinated phrase: both are counted
            counts = [_count(c) for c in patients]
            count = sum(c for c in counts if c is not None) if counts[0] is not None else count
        if token.dep_ in ("amod", "acl") and count is None:
            # "the five officers killed in the ambush"; a number itself ("left one man dead
            # and 12 wounded"), never "no one"
            numeral = token.head
            count = _number(numeral) if _no_one(numeral) else _own_number(numeral)
        if count is None and token.dep_ == "compound" and token.head.lemma_.lower() == "toll":
            count = _toll_figure(token.head)  # "the death toll rose to 21"
        if count is None and token.lower_ == "dead" and token.pos_ in ("ADJ", "NOUN"):
            count = _number(token)  # "with at least 20 dead", "left 14 dead": the count is its own
        if count is None and token.dep_ == "oprd":
            count = _bare_conjunct_count(token.head)  # "left one dead and 12 wounded"
        verb = token.head.head if token.head.lower_ == "to" else token.head
        if count is None and token.lower_ in ("dead", "death") and verb.pos_ == "VERB":
            # "shot dead five farmers", "found five farmers dead", "beat two men to death":
            # who is dead is the verb's
            patients = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            for holder in patients + misparsed_objects(verb):
                count = _count(holder) or _single(holder)
        found.append((token, kind, count))
    return found


TIME_ENTITIES = frozenset({"DATE", "TIME"})


def misparsed_objects(verb: Token) -> list[Token]:
    """The object of a verb of killing that the parser hung on it as an adverbial noun
    ("gunmen shot dead the couple": "the couple" read like "the day"): a noun after the
    verb and its result ("dead", "to death"), on a verb that has no object or passive
    subject of its own, and not a time ("shot dead the night before" tells when)."""
    if not _killed_outright(verb) or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "npadvmod"
        and c.i > verb.i
        and c.pos_ == "NOUN"
        and not any(t.ent_type_ in TIME_ENTITIES for t in c.subtree)
    ]


def _killed_outright(verb: Token) -> bool:
    """Whether a verb carries a result of death: "shot dead", "beaten to death"."""
    if verb.pos_ != "VERB":
        return False
    for child in verb.children:
        if child.lower_ == "dead" and child.dep_ in ("oprd", "acomp", "advmod", "xcomp"):
            return True
        if child.dep_ == "prep" and child.lower_ == "to":
            if any(o.lemma_.lower() == "death" for o in child.children if o.dep_ == "pobj"):
                return True
    return False


def _lost_life(verb: Token) -> bool:
    """ "four soldiers lost their lives": a verb of losing whose object is a life says its
    subject died ("lost his job" does not)."""
    return verb.lemma_.lower() == "lose" and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children
    )


def _bare_conjunct_count(verb: Token) -> int | None:
    """The count of a result participle ("left one dead and 12 wounded") that the parse
    hangs on the verb: the last numeral coordinated with the verb's object that has no
    noun or adjective of its own ("12"), the first numeral going with its own "dead"."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        bare = [
            c
            for c in obj.conjuncts
            if c.pos_ == "NUM" and not any(g.dep_ in ("amod", "prep") for g in c.children)
        ]
        if bare:
            return _own_number(bare[-1])
    return None


def _single(holder: Token) -> int | None:
    """1 for one singular person the verb killed ("stabbed his neighbour to death", "beat
    him to death"), whatever its determiner; None for a plural, a mass or a count word
    ("stoned the couple to death")."""
    if holder.lower_ in ("it", "this", "that") or holder.pos_ not in ("NOUN", "PRON"):
        return None
    if holder.lower_ in QUANTITY_WORDS:
        return None  # "the couple", "a handful": more than one
    if any(c.dep_ == "conj" for c in holder.children):
        return None
    return 1 if "Sing" in holder.morph.get("Number") else None


def _open_question(verb: Token) -> bool:
    """Whether a verb of harm is the clause of an open question ("whether anyone was hurt",
    "did not say if anyone was killed"), which tells no harm, not even without a count."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children)


TOLL_VERBS = frozenset({"rise", "climb", "reach", "jump", "increase", "stand", "hit", "soar"})
"""Verbs a toll takes its figure with: "rose to 21", "stood at 21", "reached 21"."""


def _toll_figure(toll: Token) -> int | None:
    """The figure a death toll is given ("the death toll rose to 21", "stood at 21",
    "reached 21", "the death toll is 21"); None for a toll over a period ("the death toll
    this year rose to 400"), which counts more than one incident, or one only brought to a
    figure by another ("bringing the toll to 40")."""
    verb = toll.head
    if toll.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    if lemma not in TOLL_VERBS and lemma != "be":
        return None
    # "the toll from Tuesday's car bomb": the day in the phrase naming the incident is its
    # own; "the toll from this year's attacks" still counts over a period
    incident = {
        t.i
        for p in toll.children
        if p.dep_ == "prep"
        for t in p.subtree
        if t.ent_type_ == "DATE" and t.lower_ not in PERIOD_WORDS
    }
    period_named = any(t.lower_ in PERIOD_WORDS for t in toll.subtree if t.ent_type_ == "DATE")
    if period_named or any(
        t.ent_type_ == "DATE" and t.i not in incident and _over_period(t) for t in verb.subtree
    ):
        return None
    figures = [c for c in verb.children if c.dep_ in ("attr", "dobj")]
    figures += objects_of(verb, frozenset({"to", "at"}))
    for figure in figures:
        count = _own_number(figure)
        if count is not None:
            return count
    return None


MOMENT_PREPOSITIONS = frozenset({"on", "by", "at", "as", "until", "till"})
"""Prepositions of a date that tell when a toll was given or reached ("on Monday", "by
Monday", "as of Tuesday"), not a period it counts over ("in 2023", "since March")."""


def _over_period(date: Token) -> bool:
    """Whether a date word of a toll's clause names a period the toll is counted over
    ("this year", "since March", "in 2023", "by the end of the year"), not the day it was
    given or reached ("on Monday", "by Monday": the same incident's toll, later)."""
    head = date
    while head.head is not head and head.head.ent_type_ in ("DATE", "TIME"):
        head = head.head
    if head.head.lower_ not in MOMENT_PREPOSITIONS:
        return True
    words = list(head.subtree)
    if any(t.lower_ in PERIOD_WORDS for t in words):
        return True
    # "by 2024" is a year; "on 3 March 2024" a day that happens to give its year
    return any(_year(t) for t in words) and not any(
        t.lower_ in MONTH_NAMES or (t.like_num and not _year(t)) for t in words
    )


def _no_casualties(token: Token) -> tuple[str, ...]:
    """The kinds of harm a negated noun of harm denies: "no casualties" both, "no deaths"
    killing; nothing for any other word. The "no" of a coordination denies each of its
    nouns ("no injuries or deaths were reported"), and "without" denies as "no" does
    ("the town was shelled without casualties", "without causing casualties"). "No
    reports of casualties" is not among them: it says the toll is not known yet."""
    kinds = _harm_noun_kinds(token)
    if not kinds:
        return ()
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return kinds if none_quantified(first) or _without(first) else ()


def _harm_noun_kinds(token: Token) -> tuple[str, ...]:
    """The kinds of harm a noun names: "casualties" (or "casualty") both, "deaths" and
    "the dead" killing, "injuries" and "the wounded" injuring; nothing for a verb."""
    kinds = CASUALTY_NOUNS.get(token.lower_, ())
    if kinds:
        return kinds
    # "no dead", "no wounded were reported": the word stands as a noun (the parser may
    # still tag the participle a verb)
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
        return ()
    lemma = token.lemma_.lower()
    return ("kill",) if lemma in KILLING else ("injure",) if lemma in INJURING else ()


def _unknown_toll(noun: Token) -> bool:
    """Whether a noun of harm is what a negated report is about ("no reports of
    casualties", "no word on deaths"): the toll is not known, neither none nor some."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in ("of", "on", "about"):
        return False
    return head.head.i != head.i and none_quantified(head.head)


def _without(noun: Token) -> bool:
    """Whether a noun is the object of "without", directly ("without casualties") or
    through the gerund it governs ("without causing casualties")."""
    head = noun.head
    if noun.dep_ == "dobj" and head.dep_ == "pcomp" and head.tag_ == "VBG":
        noun, head = head, head.head
    return noun.dep_ in ("pobj", "pcomp") and head.lower_ == "without"


def casualties(sentence: Span) -> tuple[int | None, bool, int | None, bool]:
    """(fatalities, fatalities mentioned, injuries, injuries mentioned) stated in a sentence."""
    return tally(casualty_clauses(sentence))


def _sum_coordinated(
    clauses: list[tuple[Token, str, int | None]],
) -> list[tuple[Token, str, int | None]]:
    """ "Twelve insurgents were killed and four soldiers lost their lives": coordinated
    clauses of the same kind, each with a subject and a count of its own, count different
    people, so the first clause carries their sum (the highest count stands otherwise:
    "killed ten, among them four children" names the same dead twice)."""
    counted = {token.i: (kind, count) for token, kind, count in clauses if count is not None}
    summed = []
    for token, kind, count in clauses:
        if count is not None and _has_subject(token):
            for other in token.children:
                mate = counted.get(other.i)
                same_kind = mate is not None and mate[0] == kind
                if other.dep_ == "conj" and same_kind and _has_subject(other):
                    count += mate[1]  # type: ignore[index,operator]
        summed.append((token, kind, count))
    return summed


def tally(
    clauses: list[tuple[Token, str, int | None]],
) -> tuple[int | None, bool, int | None, bool]:
    """(fatalities, fatalities mentioned, injuries, injuries mentioned) of casualty clauses:
    the highest count of each kind, once coordinated clauses with subjects of their own
    are summed (`_sum_coordinated`)."""
    fatalities: int | None = None
    injuries: int | None = None
    killed = injured = False
    for _, kind, count in _sum_coordinated(clauses):
        if kind == "kill":
            killed = True
            if count is not None:
                fatalities = max(fatalities or 0, count)
        else:
            injured = True
            if count is not None:
                injuries = max(injuries or 0, count)
    return fatalities, killed, injuries, injured


def negated_clause(token: Token) -> bool:
    """Whether the clause tells that nobody was harmed: negated ("was not hurt",
    "unharmed") or a harm that did not happen ("could have been killed")."""
    negated = any(c.dep_ == "neg" for c in token.children) or token.lower_ == "unharmed"
    return negated or _counterfactual(token)


COUNTERFACTUAL_MODALS = frozenset({"could", "would"})
"""Modals whose perfect tells a harm that did not happen: "the pupils could have been
killed" means they were not ("may have been killed" is a hedge about a harm that was)."""


def _counterfactual(verb: Token) -> bool:
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return "have" in auxiliaries and any(a in COUNTERFACTUAL_MODALS for a in auxiliaries)


def victims(
    sentence: Span, table: EntityTable, triggers: set[int], continuing: bool = False
) -> list[tuple[Entity, Span, Token]]:
    """(victim, evidence, the killing or injuring verb) in a sentence: the passive subject
    ("two policemen were killed"), the subject of "die", or the object ("killing 12
    civilians"). Verbs that are event triggers themselves (`triggers`, token indices) are
    left to the role rules, which read their objects as targets. In a sentence with a
    trigger the verb must tell what the trigger did; a sentence that names no event and
    `continuing` the story of the incident before it ("Three passengers were killed.")
    tells that incident's casualties, as its counts do."""
    found = _misparsed_victims(sentence, table, triggers, continuing)
    for token in sentence:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or token.i in triggers or lemma not in KILLING | INJURING:
            continue
        if negated_clause(token) or not (continuing or _caused_by_trigger(token, triggers)):
            continue
        if background_tally(token):
            continue  # "more than 900 members have been killed since 1985": no one incident's
        holders = [c for c in token.children if c.dep_ == "nsubjpass"]
        if lemma == "die":
            holders += [c for c in token.children if c.dep_ == "nsubj"]
        elif not holders:
            holders = [c for c in token.children if c.dep_ == "dobj"]
        for holder in holders:
            if none_quantified(holder):
                continue  # "no soldiers were killed": nobody is a victim
            named = denoted_actors(holder, "victim", table)
            named = described_actors(holder, "victim", table, named)
            if _in_fighting(token):
                # "three soldiers died in clashes with the rebels": a side, not a victim;
                # in "three soldiers and two civilians" the civilians still are
                sides = _fighter_tokens(holder)
                named = [(e, span) for e, span in named if not any(t.i in sides for t in span)]
            found.extend((e, span, token) for e, span in named)
    if continuing or any(t.i in triggers for t in sentence):
        found.extend(identified_victims(sentence, table))
        found.extend(named_later(sentence, table, triggers))
    return found


def _misparsed_victims(
    sentence: Span, table: EntityTable, triggers: set[int], continuing: bool
) -> list[tuple[Entity, Span, Token]]:
    """(victim, evidence, verb) for the object of a verb of killing that the parser hung
    on it as an adverbial noun (`misparsed_objects`): no frame reads it, whether the verb
    is a trigger ("gunmen shot dead the couple") or tells what one did."""
    found: list[tuple[Entity, Span, Token]] = []
    for verb in sentence:
        holders = misparsed_objects(verb)
        if not holders or negated_clause(verb) or attempted(verb):
            continue
        if verb.i not in triggers and not (continuing or _caused_by_trigger(verb, triggers)):
            continue
        for holder in holders:
            named = denoted_actors(holder, "victim", table)
            found.extend(
                (e, span, verb) for e, span in described_actors(holder, "victim", table, named)
            )
    return found


NAMING_PARTICIPLES = frozenset({"identify", "name"})
"""Participles that give the name of the person a noun stands for ("the man, identified as
X", "the victim, named as X")."""


def named_later(
    sentence: Span, table: EntityTable, triggers: set[int]
) -> list[tuple[Entity, Span, Token]]:
    """(victim, evidence, the naming participle) where a definite noun names, by a naming
    participle, the person an earlier sentence told was harmed: "a crowd beat a man to
    death ... The man, identified as X, was dragged from a shop" names the man killed. The
    earlier noun of the same word must be the harmed of the incident (the object or passive
    subject of a trigger or of a verb of harm); a man who did the harm is not the victim."""
    found: list[tuple[Entity, Span, Token]] = []
    for noun in sentence:
        if noun.pos_ != "NOUN" or not any(c.lower_ == "the" for c in noun.children):
            continue
        if not _harmed_before(noun, sentence.start, triggers):
            continue
        for verb in noun.children:
            if verb.dep_ != "acl" or verb.lemma_.lower() not in NAMING_PARTICIPLES:
                continue
            if not passive_participle(verb):
                continue
            names = [o for p in _children_of(verb, "prep") if p.lower_ == "as"
                     for o in _children_of(p, "pobj")]  # fmt: skip
            names += _children_of(verb, "oprd")  # "the man, named Tomas Vell"
            for name in names:
                entity = table.at(name)
                if entity is not None and entity.type == "Person":
                    found.append((entity, mention_span(name, table), verb))
    return found


def _harmed_before(noun: Token, start: int, triggers: set[int]) -> bool:
    """Whether a noun of the same word, earlier in the article, is one the incident harmed:
    the object of its trigger or of a verb of harm ("beat a man to death", "killed a
    man"), or their passive subject ("a man was stabbed")."""
    lemma = noun.lemma_.lower()
    for earlier in noun.doc[:start]:
        if earlier.lemma_.lower() != lemma or earlier.dep_ not in ("dobj", "nsubjpass"):
            continue
        verb = earlier.head
        harming = verb.lemma_.lower() in KILLING | INJURING or verb.i in triggers
        if harming and not negated_clause(verb) and not attempted(verb):
            return True
    return False


HARMED_NOUNS = frozenset({"victim", "dead", "injured", "wounded", "casualty", "hostage"})
"""Nouns for the people an incident harmed: "the victims", "the dead", "the injured"."""
HARMED_PARTICIPLES = KILLING | INJURING | frozenset({"kidnap", "abduct"})
"""Participles that make a noun the harmed of the incident ("the people killed", "the
injured persons", "the men kidnapped")."""


def identified_victims(sentence: Span, table: EntityTable) -> list[tuple[Entity, Span, Token]]:
    """(victim, evidence, the verb that identifies them) where a sentence says who the
    harmed were: "the victims were identified as A and B", "one of the injured is A", "A
    and B were the missionaries killed", "among the dead are A and B". The phrase for the
    harmed (`_harmed_phrase`) stands on one side of "be" (or is the subject of "identified
    as", "named as"), the people it names on the other."""
    found: list[tuple[Entity, Span, Token]] = []
    for verb in sentence:
        lemma = verb.lemma_.lower()
        if lemma == "be" and verb.pos_ in ("AUX", "VERB"):
            sides = _children_of(verb, "nsubj") + _children_of(verb, "attr")
            among = [o for p in _children_of(verb, "prep") if p.lower_ == "among"
                     for o in _children_of(p, "pobj")]  # fmt: skip
            if among and _harmed_phrase(among[0]):
                pairs = [(among[0], side) for side in sides]
            elif len(sides) == 2:
                pairs = [(sides[0], sides[1]), (sides[1], sides[0])]
            else:
                continue
        elif lemma in ("identify", "name") and passive(verb):
            named = [o for p in _children_of(verb, "prep") if p.lower_ == "as"
                     for o in _children_of(p, "pobj")]  # fmt: skip
            pairs = [(s, n) for s in _children_of(verb, "nsubjpass") for n in named]
        else:
            continue
        if negated_clause(verb):
            continue
        for harmed, names in pairs:
            if not _harmed_phrase(harmed) or _harmed_phrase(names) or names.pos_ == "PRON":
                continue
            named = denoted_actors(names, "victim", table)
            actors = described_actors(names, "victim", table, named)
            found.extend((e, span, verb) for e, span in actors)
    return found


def _harmed_phrase(head: Token) -> bool:
    """A phrase for the people an incident harmed: a noun for them ("the victims", "the
    dead", "one of the injured persons"), or a noun a participle of harm modifies ("the
    people killed", "the missionaries killed", "the injured persons")."""
    noun = counted(head)
    if noun.lemma_.lower() in HARMED_NOUNS or noun.lower_ in HARMED_NOUNS:
        return True
    return any(
        c.dep_ in ("amod", "acl")
        and c.lemma_.lower() in HARMED_PARTICIPLES
        and (c.dep_ == "amod" or passive_participle(c))
        for c in noun.children
    )


def passive_participle(verb: Token) -> bool:
    """A participle with no object of its own ("the people killed in the blast"), not one
    that acts ("the men killing civilians")."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("dobj", "nsubj") for c in verb.children)


def _children_of(token: Token, dep: str) -> list[Token]:
    return [c for c in token.children if c.dep_ == dep]


PERIOD_WORDS = frozenset(
    {"year", "years", "month", "months", "decade", "decades", "weeks", "war", "conflict"}
)  # fmt: skip
"""Nouns that head an adjunct spanning a period rather than a moment: "during ten years of
war", "in the past months", "over the last decade" (not "in the past 24 hours", "in the
last attack")."""
PERIOD_PREPOSITIONS = frozenset({"since", "during", "over", "throughout", "in", "for"})
PERIOD_ADVERB_WORDS = frozenset({"year", "far", "lately", "months", "weeks"})
"""Words of an adverbial that spans a period: "so far", "this year", "lately"."""


def background_tally(verb: Token) -> bool:
    """A casualty clause that sums up a period, not an incident: a perfect ("have been
    killed", "has killed", "have died") with an adjunct spanning a period ("so far this
    year", "since 1985", "during ten years of war", "in the past months", "in 2023"), or a
    clause that opens one ("since the party was founded")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not any(a.lemma_.lower() == "have" for a in auxiliaries):
        return False
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "since" for m in child.children
        ):
            if not _since_an_incident(child):
                return True  # "since the party was founded, 900 members have been killed"
        if child.dep_ == "prep" and child.lower_ in PERIOD_PREPOSITIONS:
            if child.lower_ == "since" and _since_an_incident(child):
                continue  # "have died since Monday's bombing": that bombing's toll
            if child.lower_ == "since" or any(
                o.dep_ == "pobj" and (o.lower_ in PERIOD_WORDS or _year(o)) for o in child.subtree
            ):
                return True
        elif child.dep_ in ("npadvmod", "advmod") and any(
            t.lower_ in PERIOD_ADVERB_WORDS for t in child.subtree
        ):
            return True
    return False


def _since_an_incident(since: Token) -> bool:
    """Whether a "since" phrase or clause starts from one incident, not from the start of a
    period: it holds a specific event mention ("since the gunmen opened fire", "since
    fighting erupted", "since Monday's bombing") or a day ("since Monday"). The dead counted
    since then are that incident's toll; "since the party was founded" or "since the
    insurgency began" (a campaign, never a specific mention) open a period, and so does a
    start dated by a month or a year ("since fighting erupted in April", "since the
    offensive began in 2021"): that toll is a campaign's."""
    doc = since.doc
    inside = {t.i for t in since.subtree}
    if any(_year(doc[i]) or doc[i].lower_ in MONTH_NAMES for i in inside):
        return False  # "since the rebels launched their offensive in 2021": a campaign's toll
    mentions = doc._.ck_mentions if doc.has_extension("ck_mentions") else None
    if any(m.span.root.i in inside for m in mentions or ()):
        return True
    return any(doc[i].lower_ in WEEKDAYS for i in inside)


def _year(token: Token) -> bool:
    """A year told as a number ("have died during 1990", "in 2023"): a period."""
    return token.shape_ == "dddd" and token.text[:2] in ("19", "20")


FIGHTING_WORDS = frozenset(
    {"clash", "clashes", "fighting", "fight", "fights", "combat", "combats", "battle",
     "battles", "skirmish", "skirmishes", "firefight", "firefights", "crossfire", "shootout",
     "gunbattle", "gunfight", "confrontation", "confrontations", "engagement", "engagements"}
)  # fmt: skip
"""Nouns of armed sides fighting each other (ACLED's armed clash)."""


def _in_fighting(verb: Token) -> bool:
    """The casualty verb says the harm came in fighting: "killed in clashes with", "died in
    a firefight", "wounded during the fighting"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "after"):
            if any(o.dep_ == "pobj" and o.lower_ in FIGHTING_WORDS for o in child.children):
                return True
    return False


def _fighter_tokens(holder: Token) -> set[int]:
    """The tokens of the coordinated phrases of `holder` that name armed men (`_fighters`),
    each phrase without the phrases coordinated with it."""
    found: set[int] = set()
    for part in conjuncts(holder):
        if not _fighters(part):
            continue
        found.add(part.i)
        for child in part.children:
            if child.dep_ not in ("conj", "cc"):
                found.update(t.i for t in child.subtree)
    return found


def _fighters(holder: Token) -> bool:
    """A phrase for armed men: soldiers, guerrillas, a unit's members ("three members of
    the battalion", "army troops", "two rebels and a soldier")."""
    noun = counted(holder)
    words = {noun.lower_} | {
        t.lower_
        for c in noun.children
        if c.dep_ in ("compound", "amod") or (c.dep_ == "prep" and c.lower_ == "of")
        for t in c.subtree
    }
    armed = ATTACKER_NOUNS | SECURITY_NOUNS | PARTY_HEADS
    return noun.lower_ in armed or (noun.lower_ in ("members", "member") and bool(words & armed))


DAMAGING = frozenset(
    {"destroy", "damage", "burn", "raze", "wreck", "gut", "level", "flatten", "torch",
     "shatter", "demolish"}
)  # fmt: skip
"""Verbs of harm to property: what they harm in an incident's story is its target, as the
killed are its victims ("two vehicles were destroyed", "the blast damaged three houses")."""


def damaged(
    sentence: Span, table: EntityTable, triggers: set[int], continuing: bool = False
) -> list[tuple[Entity, Span, Token]]:
    """(facility, evidence, the damaging verb) in a sentence: the passive subject of a verb
    of damage ("several houses were damaged"), or its object ("the blast destroyed a
    bus"), under the conditions of `victims` (the verb tells what the incident did, or the
    sentence continues its story). Only facilities: buildings, installations, vehicles."""
    found: list[tuple[Entity, Span, Token]] = []
    for token in sentence:
        if token.pos_ != "VERB" or token.i in triggers or token.lemma_.lower() not in DAMAGING:
            continue
        if negated_clause(token) or not (continuing or _caused_by_trigger(token, triggers)):
            continue
        holders = [c for c in token.children if c.dep_ == "nsubjpass"]
        holders = holders or [c for c in token.children if c.dep_ == "dobj"]
        for holder in holders:
            if not none_quantified(holder):
                found.extend((e, span, token) for e, span in facilities_in_phrase(holder, table))
    for noun in sentence:
        for holder in _target_of_incident(noun, triggers):
            found.extend((e, span, noun) for e, span in facilities_in_phrase(holder, table))
    return found


def _target_of_incident(noun: Token, triggers: set[int]) -> list[Token]:
    """The subject of "was the target of" an incident ("the customs warehouse had been the
    target of an arson attack"): what the incident was aimed at."""
    verb = noun.head
    if noun.lower_ not in ("target", "targets") or noun.dep_ != "attr":
        return []
    if verb.lemma_.lower() != "be" or negated_clause(verb):
        return []
    aimed = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
             for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    if not any(t.i in triggers for o in aimed for t in o.subtree):
        return []
    return [c for c in verb.children if c.dep_ == "nsubj"]


def _caused_by_trigger(verb: Token, triggers: set[int]) -> bool:
    """The casualty verb says what an incident did: its subject is a trigger ("the strike
    killed two policemen"), or a trigger is in its own clause ("were killed in the
    attack", "exploded, wounding 13 people")."""
    # "three were killed and five wounded in an ambush": coordinated verbs share the
    # adjunct that the parser hangs on the last of them
    sharing = [verb]
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
        # "... and an office was damaged following the blast": the parser may make the
        # second participle the complement of its "was"
        sharing.append(conj)
        sharing.extend(c for c in conj.children if c.dep_ in ("acomp", "xcomp"))
    for node in sharing:
        for child in node.children:
            dep = child.dep_
            if (dep == "prep" or (dep in ("nsubj", "agent") and node is verb)) and any(
                t.i in triggers for t in child.subtree
            ):
                return True
    if any(c.dep_ == "advcl" and c.i in triggers for c in verb.children):
        return True  # "three soldiers were killed when militants attacked a checkpoint"
    head = verb.head
    if verb.dep_ == "conj" and not _has_subject(verb):
        # "the blast damaged 30 stores and destroyed 20 stalls": the subject is shared
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if any(t.i in triggers for s in subjects for t in s.subtree):
            return True
    return verb.dep_ in ("advcl", "conj", "xcomp", "relcl") and head.i in triggers


# Who the incident harmed, settled over all its findings -----------------------------------------

ROLE_NOUNS = frozenset(
    {"attacker", "attackers", "assailant", "assailants", "gunman", "gunmen", "bomber", "bombers",
     "shooter", "shooters", "kidnapper", "kidnappers", "abductor", "abductors", "raider",
     "raiders", "hijacker", "hijackers", "killer", "killers", "perpetrator", "perpetrators"}
)  # fmt: skip
"""Nouns that name someone by the attack they carry out: "the attacker" of an incident's
story is its doer, not the people it harmed."""
DEFINITE_WORDS = frozenset({"the", "this", "that", "these", "those"})


def harmed_in_incident(findings: list[RoleFinding], cluster: EventCluster) -> list[RoleFinding]:
    """An incident's findings less the victims it did not harm: its own attackers ("police
    then shot dead the attacker", "one of the attacking guerrillas died"), and in an armed
    clash the fighters of either side, who are its sides, not its victims. Whoever harmed
    the attackers answered the attack and is no perpetrator of it."""
    triggers = {t.i for m in cluster.mentions for t in m.span}
    # The state's forces of one article are one unnamed actor: police who were shot are
    # not thereby the police who shot.
    doers = {
        f.entity.id
        for f in findings
        if f.role == "perpetrator"
        and f.entity is not None
        and f.entity.type != "StateForce"
        and f.attribution.certainty != "denied"
    }
    doer_nouns = _doer_nouns(findings)
    clash = cluster.event_class == "ArmedClash"
    harming = cluster.event_class in HARMING_CLASSES
    harmed = {f.span.root.i for f in findings if f.role == "victim"}
    # whom the incident aimed at or harmed: a name in the description of one of them ("X,
    # leader of the Y party") says who they are, and was neither hit nor harmed
    patients = harmed | {f.span.root.i for f in findings if f.role == "target"}
    kept: list[RoleFinding] = []
    answered: set[int] = set()
    for finding in findings:
        if finding.role == "victim":
            holder = finding.span.root
            verb = _clause_word(holder)
            own = (finding.entity is not None and finding.entity.id in doers) or _attackers(
                holder, verb, triggers
            )
            if own and verb is not None and holder.dep_ != "nsubj":
                answered.add(verb.i)  # someone harmed them: "police shot dead the attacker"
            tally_of_period = (
                verb is not None and verb.pos_ == "VERB" and background_tally(verb)
            ) or _tallied_in_relative_clause(holder, triggers)
            described = _in_description_of(holder, patients, triggers) or _of_a_habit(holder, verb)
            # "a raider died" in a raid by raiders: the raid's own dead, not its victims
            own_dead = _one_of_doers(holder, doer_nouns)
            if own or own_dead or tally_of_period or described or (clash and _fighters(holder)):
                continue
        if harming and _qualifier(finding, triggers):
            continue
        if finding.role == "target" and _in_description_of(finding.span.root, patients, triggers):
            continue
        kept.append(finding)
    return [f for f in kept if not (f.role == "perpetrator" and _doer_of(f.span.root, answered))]


def _doer_nouns(findings: list[RoleFinding]) -> set[str]:
    """Lemmas of the plural nouns for armed men or attackers that name an incident's doers
    ("guerrillas", "gunmen"); not the state's forces (police who were shot are not thereby
    the police who shot) nor people of any kind (a person killed by "unknown persons" is a
    victim)."""
    return {
        f.span.root.lemma_.lower()
        for f in findings
        if f.role == "perpetrator"
        and f.span.root.tag_ == "NNS"
        and f.span.root.lower_ in ROLE_NOUNS | ATTACKER_NOUNS
        and not (f.entity is not None and f.entity.type == "StateForce")
        and f.attribution.certainty != "denied"
    }


SETTING_APART_DEPS = frozenset({"amod", "relcl", "acl", "compound", "poss", "appos"})
"""Modifiers that may set one of a kind apart from the doers ("a rival rebel", "a rebel who
had deserted", "the rebels' hostage")."""


def _one_of_doers(holder: Token, doer_nouns: set[str]) -> bool:
    """Whether a harmed phrase is one or some of the doers told by their own noun: "a
    raider died" in a raid by raiders, "two of the gunmen died": the attackers' own dead,
    not the incident's victims. The doers harmed as a whole ("six insurgents were killed
    when their explosives blew up") are the victims of what they set off; a modifier that
    sets the harmed apart from the doers ("a rival rebel", "a rebel who had deserted") keeps
    them victims too."""
    noun = counted(holder)
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in doer_nouns:
        return False
    if noun.tag_ != "NN" and noun.i == holder.i:
        return False  # "insurgents" harmed in a deed of "insurgents": the whole of them
    return not any(c.dep_ in SETTING_APART_DEPS for c in noun.children)


MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
"""How a name hangs on the noun it qualifies: "the town's clinic", "the Vanta party
offices", "Kelmish pilgrims"."""


def modifier_only(holder: Token, triggers: set[int]) -> bool:
    """Whether a victim's or target's phrase is only a name qualifying another noun: the
    town of "the town's neighbourhoods were shelled", the party of "the party offices were
    attacked", the owner of "the mayor's bodyguards were killed". The noun it qualifies was
    hit, not the name; the name before the incident's own word ("the mayor's murder") is
    its filler, and so is a name's own part ("policeman Tomas Vell")."""
    if holder.dep_ not in MODIFIER_DEPS or holder.head.i == holder.i:
        return False
    head = holder.head
    return head.pos_ == "NOUN" and head.i not in triggers


def _tallied_in_relative_clause(holder: Token, triggers: set[int]) -> bool:
    """Whether the incident's own word is a relative clause on the harmed phrase that sums
    up a period ("the nine students who have been kidnapped over the past two weeks"): the
    phrase is a tally's, as the subject of such a clause is (`background_tally`). A phrase
    the incident harmed in its own clause ("killed two students who had been kidnapped
    since 2020") is its victim whatever the relative clause tells."""
    return any(
        c.dep_ == "relcl" and c.i in triggers and c.pos_ == "VERB" and background_tally(c)
        for noun in {counted(holder), _coordination_head(holder)}
        for c in noun.children
    )


def _of_a_habit(holder: Token, word: Token | None) -> bool:
    """Whether a victim is a kind of people harmed in many incidents: a bare plural ("of
    farmers", no article, number or owner) in the "of" phrase of a bare plural event noun
    ("blamed for kidnappings of farmers", "massacres of villagers"), which tells a
    practice, not who one incident harmed ("the kidnappings of the three farmers", "the
    massacres of villagers", "Monday's kidnappings of schoolgirls" still tell whom). Each
    bare plural of a coordination there is one ("kidnappings of reporters and judges")."""
    if word is None or word.tag_ != "NNS" or word.pos_ != "NOUN" or holder.tag_ != "NNS":
        return False
    first = _coordination_head(holder)
    of = first.head
    if first.tag_ != "NNS" or of.dep_ != "prep" or of.lower_ != "of" or of.head.i != word.i:
        return False
    # all bare: "Monday's kidnappings of schoolgirls", "the massacres of villagers last
    # week" and "kidnappings of the farmers" tell one incident's victims
    return not any(
        c.dep_ in ("det", "nummod", "poss", "npadvmod")
        for t in {holder, first, word}
        for c in t.children
    )


HARMING_CLASSES = ATTACK_FAMILY | {"Abduction", "Riot"}
"""Classes that hit what they are aimed at; a sanction "on Iran's drone programme" is aimed
at Iran, whose programme it names."""


def _qualifier(finding: RoleFinding, triggers: set[int]) -> bool:
    """A victim or target that is only a place qualifying the noun that was hit
    (`modifier_only`): "the town's neighbourhoods were shelled", "Oskel's border villages";
    the place says where they are, and is the event's place, not what was hit. Every other
    name before the noun is kept: a state, a group, a party or a person whose embassy,
    convoy, commanders, activists or house were hit was itself aimed at ("Kenya's
    embassy", "two Ostral Front commanders", "the mayor's house")."""
    entity = finding.entity
    if finding.role not in ("victim", "target") or entity is None or entity.type != "Place":
        return False
    return modifier_only(finding.span.root, triggers)


def _clause_word(holder: Token) -> Token | None:
    """The verb or event noun whose participant the phrase is: "shot dead" of "shot dead
    the attacker", "killed" of "one of the attackers was killed", "murder" of "the murder
    of the minister"."""
    node = _coordination_head(holder)
    if node.dep_ == "pobj" and node.head.lower_ == "of":
        owner = node.head.head
        if not (owner.like_num or owner.pos_ == "NUM" or owner.lower_ in PARTITIVE_WORDS):
            return owner
        node = _coordination_head(owner)  # "one of the attackers": the count is the phrase
    return None if node.head.i == node.i else node.head


def _in_description_of(holder: Token, patients: set[int], triggers: set[int]) -> bool:
    """Whether the phrase lies inside the apposition that describes another victim or
    target: the party of "Ana Ferro, a member of the Green Party (GP)", the husband of "Rosa
    Vell, the wife of a judge", say who the victim is and were not harmed. The described
    phrase is one the incident's findings hold (`patients`, token indices), or the object
    of a trigger whose name the tagger missed ("the assassination of tomas vell, leader of
    the green union"). The apposition itself and its coordinated names ("two reporters,
    Rosa Vell and Tomas Grane") are the victims."""
    node, nested = holder, False
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ == "appos" and nested:
            described = node.head
            if described.i in patients or _object_of_trigger(described, triggers):
                return True
        nested = nested or node.dep_ not in ("appos", "conj", "cc")
        node = node.head
    return False


def _object_of_trigger(phrase: Token, triggers: set[int]) -> bool:
    """Whether a phrase is what a trigger acted on: its object or passive subject ("killed
    X", "X was killed"), or the object of its preposition ("the murder of X")."""
    if phrase.dep_ in ("dobj", "nsubjpass"):
        return phrase.head.i in triggers
    return phrase.dep_ == "pobj" and phrase.head.head.i in triggers


def _coordination_head(token: Token) -> Token:
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token


def _attackers(holder: Token, verb: Token | None, triggers: set[int]) -> bool:
    """Whether a harmed phrase names the incident's doers: a definite noun for those who
    attack ("the attacker", "his assailant", "one of the gunmen"), a phrase for armed men
    "attacking", or the subject of a harm verb whose own clause attacks ("a guerrilla died
    while attacking the house")."""
    noun = counted(holder)
    if noun.lower_ in ROLE_NOUNS | ATTACKER_NOUNS:
        # "the attacking guerrillas": the parser may hang the participle as a compound
        attacking = (
            c.lemma_.lower() == "attack"
            for c in noun.children
            if c.dep_ == "amod" or (c.dep_ == "compound" and c.tag_ == "VBG")
        )
        if any(attacking):
            return True
        if noun.lower_ in ROLE_NOUNS and _definite(noun):
            return True
    if verb is None or holder.dep_ not in ("nsubj", "nsubjpass"):
        return False
    # "died while attacking", "was shot while attacking"; "attacked and died" (a passive
    # coordinated with a passive, "were abducted and murdered", tells two harms to them)
    deps = ("advcl", "conj") if holder.dep_ == "nsubj" else ("advcl",)
    return any(
        c.dep_ in deps and c.i in triggers and not _has_subject(c) and not passive(c)
        for c in verb.children
    )


def passive(verb: Token) -> bool:
    """Whether the verb is in the passive voice ("was accused", "were killed")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _definite(noun: Token) -> bool:
    """ "the attacker", "his assailant", "one of the gunmen": someone the story told."""
    return any(
        c.dep_ in ("det", "poss") and (c.lower_ in DEFINITE_WORDS or c.dep_ == "poss")
        for c in noun.children
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _doer_of(head: Token, verbs: set[int]) -> bool:
    """Whether the phrase is the subject, or the "by" phrase, of one of `verbs`."""
    if head.dep_ == "nsubj":
        return head.head.i in verbs
    return head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.i in verbs
