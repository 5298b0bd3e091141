"""Within-article event coreference: the mentions of one incident become one event.

A report names its incident many times: in the headline, in the lead, and again as "the
attack", "Sunday's strike", "the assault"; one day of fighting is told through "clashed",
"battled" and "exchanged fire". Each mention is decided from how it refers and what its
arguments say, never from its wording:

- how it refers, read off the parse: a definite noun phrase ("the attack", "Sunday's
  attack", "its assault") points back to the nearest incident it fits; an indefinite or
  bare one ("an attack", "heavy fighting") opens a new incident unless it is the body's
  first telling of the headline's incident, is tied in the tree to an incident's trigger in
  its own sentence ("killed 11 in an attack") or names that incident's place, actor or
  day; a clause ("troops clashed with rebels") joins an incident when it shares one of its
  arguments, or goes on telling the last one;
- which incidents it may be: one of the same family (the class right under `ck:Event`,
  from the ontology), whose date, place and target do not contradict its own, and that its
  sentence does not set before or after it ("two days after the attack");
- words of alterity ("another", "a separate attack", "a second blast") never refer back,
  unless the phrase is in apposition to a trigger ("..., the second attack this week");
  distributive words ("either attack") open no incident of their own.

The event's class is the most specific that fits all its mentions (`extract.events.event_classes`);
an assassination attempt told as a drone strike is one `AirOrDroneStrike` that is
`targeted`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..entities import is_article_scoped
from ..inputs import ResolvedDate
from ..language import TriggerRecord, doers_of
from ..model import Entity
from ..nlp import item_label, list_items
from .dates import dated_mentions
from .event_classes import class_tree
from .shared import (
    AIMING_PREPOSITIONS,
    ATTACK_FAMILY,
    CAPTURES,
    CROWD_CLASSES,
    CROWD_NOUNS,
    DEMONSTRATORS,
    STATE_FORCE_WORDS,
    STATE_SIDE,
    STATEMENTS,
    VIOLENT,
    EventMention,
)

if TYPE_CHECKING:
    from ..language import RoleFinding

__all__ = [
    "EventCluster",
    "MentionArguments",
    "cluster",
    "cluster_mentions",
    "concerned_clusters",
    "header_end",
    "mention_arguments",
]

COLLECTIVE_CLASSES = frozenset({"ArmedClash", "Protest", "Riot", "Election", "Sanction", "Meeting"})
"""Events made of many acts (fighting, marches, votes, sessions) that English reports in the
plural: "the clashes", "protests", "the talks" name one event; "attacks" do not."""
ALTERITY = frozenset(
    {"another", "other", "separate", "different", "new", "fresh", "further", "earlier",
     "previous", "similar", "separately", "elsewhere"}
)  # fmt: skip
"""Determiners, adjectives and adverbs that say the incident is not one already told
("Separately, gunmen abducted ..."). Ordinals ("a second blast") are read from the entity
label ORDINAL."""
JOINT_ACTS = ATTACK_FAMILY | CROWD_CLASSES
"""Classes of acts that, told by coordinated clauses of one doer, are one incident."""
ARREST = "Arrest"
WITHDRAWAL = "NON_VIOL_TERRIT_TRANSFER"
DEMONSTRATION_CROWD_WORDS = DEMONSTRATORS | CROWD_NOUNS
"""Nouns that name the people of whatever demonstration was told: its demonstrators or its
crowd. Unlike subevents' `CROWD_WORDS`, not "mob": a set left as it was found when the two
were put side by side, since adding it would change which arrests and acts join a
demonstration told before."""
BATTLE = "ArmedClash"
BATTLE_FIRE = frozenset({"Shelling"})
"""Classes of fire that, told within a battle, are that battle's weapons: ACLED types an
armed clash by its two armed sides, whatever they fire ("exchanged artillery fire")."""
DISTRIBUTIVE = frozenset({"either", "each", "both", "neither", "every", "all"})
"""Determiners that speak of several incidents at once: no one incident to refer to."""
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
INDEFINITE = frozenset({"a", "an", "one", "some", "another"})
PRECEDENCE = frozenset({"after", "before", "since", "following", "until", "till", "prior", "ahead"})
"""Prepositions and subordinators that set one event before or after another."""
SEQUENCE_ADVERBS = frozenset({"later", "afterwards", "afterward", "subsequently", "thereafter"})
"""Adverbs that set a clause's act after what was told before it ("Troops later raided a
house"): told by doers of its own, it is a new act, not more of the last incident."""
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside"})
"""Prepositions of a phrase that, opening a sentence, sets its scene in a place."""
PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them"})
WINDOW = 12
"""How many of the most recently told incidents a mention is compared with: reference to an
incident past a dozen others does not happen in news, and the bound keeps long texts linear."""
LINK_DISTANCE = 3
"""Tree distance within which a noun mention is tied to a trigger of its sentence."""
CLAUSE_LINK_DISTANCE = 4
"""Tree distance within which a clause is tied to a trigger of its sentence (coordinated,
subordinate and participial clauses of one telling)."""
PRONOUN_REACH = 2
"""Sentences within which a clause of the same class, or whose actor is a pronoun, goes on
telling the last incident."""
ADMIN_UNITS = frozenset(
    {"region", "province", "state", "district", "county", "governorate", "prefecture",
     "department", "oblast", "municipality", "territory", "division", "zone"}
)  # fmt: skip
"""Nouns that name a place as an administrative area, which holds towns and sites."""
HEADLINE_REACH = 200
"""How far into the text a title found without a dateline may start (after a date line)."""
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")),
        start=1,
    )
    for name in names
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class MentionArguments:
    """What a mention's own sentence says about its incident, for telling incidents apart."""

    places: frozenset[str] = frozenset()
    """Named places (entity ids); countries are left out, as they hold every other place,
    and so are facilities the article only describes ("a police post")."""
    targets: frozenset[str] = frozenset()
    """Named actors it was aimed at: a different one is a different incident."""
    actors: frozenset[str] = frozenset()
    """Every entity in any role (sharing one is a sign of the same incident)."""
    local_actors: frozenset[str] = frozenset()
    """Those of `actors` the article only describes ("gunmen", "civilians")."""
    pronoun: bool = False
    """A clause whose doer or patient is a personal pronoun ("they stormed the post")."""
    several_victims: bool = False
    """Its own sentence names victims in the plural or counts more than one ("five
    farmers"): an incident "the killings" can name (`several_victim_candidates`)."""
    taker_sides: frozenset[str] = frozenset()
    """The sides ("state", "non-state") of its perpetrators: of a capture, who took the
    ground (`captures_clash`)."""
    doers: frozenset[str] = frozenset()
    """Its perpetrators (entity ids), described ones included."""


def mention_arguments(
    mention: EventMention,
    roles: Iterable[tuple[str, Entity | None]],
    is_local: Callable[[str], bool],
    *,
    several_victims: bool = False,
) -> MentionArguments:
    """The arguments of one mention from its (role, entity) findings; `is_local` tells an
    entity the article only describes from a named one, `several_victims` whether its victims
    are several (`_several`)."""
    places: set[str] = set()
    targets: set[str] = set()
    actors: set[str] = set()
    sides: set[str] = set()
    doers: set[str] = set()
    for role, entity in roles:
        if entity is None:
            continue
        country = entity.type == "State" or entity.also_place
        local = is_local(entity.id)
        if (role == "place" or entity.type == "Place") and not local:
            if not country:
                places.add(entity.id)
            continue
        actors.add(entity.id)  # described facilities ("an army base") tell nothing apart
        if role == "target" and not is_local(entity.id):
            targets.add(entity.id)
        if role != "perpetrator":
            continue
        doers.add(entity.id)
        if entity.type in STATE_SIDE:
            sides.add("state")
        elif entity.type == "ArmedGroup":
            sides.add("non-state")
    return MentionArguments(
        places=frozenset(places),
        targets=frozenset(targets),
        actors=frozenset(actors),
        local_actors=frozenset(a for a in actors if is_local(a)),
        pronoun=_pronoun_actor(mention),
        taker_sides=frozenset(sides),
        doers=frozenset(doers),
        several_victims=several_victims,
    )


def captures_clash(
    a: EventMention, a_sides: frozenset[str], b: EventMention, b_sides: frozenset[str]
) -> bool:
    """Whether two captures are two transfers of ground: one side took it and the other
    side took it ("troops recaptured the town from the rebels ... the rebels had seized it
    in March"). Ground changes hands once in an incident, so captures by a state's forces
    and by a non-state group are two incidents, whatever place they share."""
    if a.acled not in CAPTURES or b.acled not in CAPTURES:
        return False
    return bool(a_sides) and bool(b_sides) and not a_sides & b_sides


@dataclass(slots=True, eq=False)
class EventCluster:
    """Mentions of one incident, with what they say about it gathered as they join."""

    mentions: list[EventMention] = field(default_factory=list)
    casualties: tuple[int | None, bool, int | None, bool] | None = None
    """(fatalities, fatalities reported, injuries, injuries reported)."""
    places: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    doers: set[str] = field(default_factory=set)
    items: set[int] = field(default_factory=set)
    """The list items its mentions lie in (`_Reader.item`)."""
    several_victims: bool = False
    days: dict[str, str] = field(default_factory=dict)
    """Calendar keys of its dates ("weekday" -> "sunday", "month-day" -> "03-14")."""
    _classes: list[str] = field(default_factory=list)
    _class: str = ""
    _sentences: dict[int, list[EventMention]] = field(default_factory=dict)
    _date: ResolvedDate | None = None
    _parts: set[int] = field(default_factory=set)

    def in_sentence(self, start: int) -> list[EventMention]:
        """Its mentions in the sentence starting at token `start`."""
        return self._sentences.get(start, [])

    def add(
        self,
        mention: EventMention,
        arguments: MentionArguments,
        days: dict[str, str],
        *,
        part: bool = False,
    ) -> None:
        """Add a mention; a `part` (an arrest of a demonstration's people) tells something
        done within the incident and has no say in its class."""
        self.mentions.append(mention)
        if part:
            self._parts.add(id(mention))
        self._sentences.setdefault(mention.sentence.start, []).append(mention)
        self.places |= arguments.places
        self.targets |= arguments.targets
        self.actors |= arguments.actors
        self.doers |= arguments.doers
        self.several_victims |= arguments.several_victims
        for kind, value in days.items():
            self.days.setdefault(kind, value)
        if not (mention.anaphoric or part) and mention.event_class not in self._classes:
            self._classes.append(mention.event_class)
            self._settle_class()
        elif not self._class:
            self._class = mention.event_class
        if mention.date is not None and (
            self._date is None
            or _PRECISION.get(mention.date.precision, 9) < _PRECISION.get(self._date.precision, 9)
        ):
            self._date = mention.date

    def demote(self, mention: EventMention) -> None:
        """Make one of its mentions a `part` once a later mention shows what it was part of
        ("police arrested twenty protesters": the arrest is the protest's intervention)."""
        self._parts.add(id(mention))
        voting = [m for m in self.mentions if not m.anaphoric and id(m) not in self._parts]
        self._classes = list(dict.fromkeys(m.event_class for m in voting))
        self._settle_class()

    def is_part(self, mention: EventMention) -> bool:
        return id(mention) in self._parts

    def _settle_class(self) -> None:
        if not self._classes:
            return
        self._class = class_tree().most_specific(self._classes)
        if BATTLE in self._classes and self._class in BATTLE_FIRE:
            self._class = BATTLE  # a clash with artillery is still a clash

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    @property
    def event_class(self) -> str:
        """The most specific class that fits every mention (a drone strike beats "the
        attack"; between siblings, ACLED's precedence)."""
        return self._class

    @property
    def classes(self) -> list[str]:
        """The classes its mentions name, in the order they were first named."""
        return list(self._classes) or [self._class]

    @property
    def family(self) -> str:
        return class_tree().family(self._class)

    @property
    def targeted(self) -> bool:
        """Aimed at a specific person: one of its mentions names an assassination, whatever
        class the means of the attack gave the event."""
        tree = class_tree()
        return any(tree.subsumes("Assassination", c) for c in self._classes)

    @property
    def date(self) -> ResolvedDate | None:
        """The most precise date any mention has (the first of those)."""
        return self._date

    @property
    def violent(self) -> bool:
        return self.event_class in VIOLENT

    @property
    def acled(self) -> str | None:
        """The ACLED code of the first mention of the cluster's own class that has one; a
        capture's code first ("after heavy fighting, insurgents took the town": the battle
        ended in a capture, whichever the sentence tells first)."""
        captured = [m.acled for m in self.mentions if m.acled in CAPTURES]
        if captured and self.event_class == BATTLE:
            return captured[0]
        for mention in self.mentions:
            if mention.event_class == self.event_class and mention.acled:
                return mention.acled
        return next((m.acled for m in self.mentions if m.acled), None)

    def ordered_mentions(self) -> list[EventMention]:
        """Its mentions, the most specific first: those of the event's own class, then by
        depth in the class tree, each group in text order; "the incident" last."""
        tree = class_tree()

        def rank(mention: EventMention) -> tuple[int, int, int]:
            if mention.anaphoric:
                return (2, 0, mention.span.start)
            own = 0 if mention.event_class == self.event_class else 1
            return (own, -tree.depth(mention.event_class), mention.span.start)

        return sorted(self.mentions, key=rank)


_PRECISION = {"day": 0, "month-day": 1, "week": 2, "month": 3, "year": 4}


def header_end(text: str, title: str | None, dateline: tuple[int, int, str] | None) -> int:
    """Where the article's body starts: at the line of its dateline, or after its title
    when the text opens with it; 0 when the text has neither (all of it is body)."""
    if dateline is not None:
        return text.rfind("\n", 0, dateline[0]) + 1
    if title:
        at = text.find(title, 0, HEADLINE_REACH + len(title))
        if at >= 0:
            return at + len(title)
    return 0


def _kind(mention: EventMention) -> str:
    """How the mention refers: "anaphor" (definite, possessive, "the incident", or named by
    a proper name or date without "the"), "bare" (no determiner), "indefinite", "clause" (a
    verb), "distributive" or "other"."""
    root = mention.head
    if mention.anaphoric or mention.definite:
        return "anaphor"
    if root.pos_ in ("VERB", "AUX") or root.tag_.startswith("VB"):
        return "clause"
    determiners = {c.lower_ for c in root.children if c.dep_ in ("det", "predet", "nummod")}
    if determiners & DISTRIBUTIVE:
        return "distributive"
    if determiners & INDEFINITE:
        return "indefinite"
    if determiners - DEFINITE:
        return "other"
    if any(_naming(c) for c in root.children if c.dep_ in ("compound", "nmod", "npadvmod")):
        return "anaphor"  # "the April 15 bombing", "Boston Marathon bombing" without "the"
    return "bare"


def _naming(token: Token) -> bool:
    """A modifier that makes a bare noun a name for one incident: a proper name or a date."""
    return token.pos_ == "PROPN" or token.ent_type_ in ("DATE", "GPE", "FAC", "EVENT")


def _other_incident(mention: EventMention) -> bool:
    """ "another attack", "a separate raid": not an incident told before."""
    return any(
        c.dep_ in ("det", "amod", "advmod") and c.lower_ in ALTERITY for c in mention.head.children
    )


def _says_what_it_was(mention: EventMention) -> bool:
    """ "It was the second attempt on his life", "This was the deadliest attack this
    year": the predicate of a pronoun subject says what the incident just told was, even
    with an ordinal or a word of alterity."""
    head = mention.head
    verb = head.head
    if head.dep_ != "attr" or verb.lemma_.lower() != "be":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("it", "this") for c in verb.children)


def _ordinal(mention: EventMention) -> bool:
    """ "a second blast", "the third attack this month": one of a series."""
    return any(
        c.dep_ == "amod" and c.ent_type_ == "ORDINAL" and c.lower_ != "first"
        for c in mention.head.children
    )


def _climb(a: Token, b: Token) -> tuple[list[Token], list[Token]] | None:
    """The tokens from `a` and from `b` up to their lowest common ancestor (exclusive),
    each list starting at its own end; None when they are in different trees."""
    above_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(above_a)}
    climbed: list[Token] = []
    for token in (b, *b.ancestors):
        if token.i in index:
            return above_a[: index[token.i]], climbed
        climbed.append(token)
    return None


def _distance(a: Token, b: Token) -> int:
    found = _climb(a, b)
    return len(found[0]) + len(found[1]) if found is not None else 99


def _sequenced(a: Token, b: Token) -> bool:
    """Whether the sentence sets one event before or after the other: "killed two days
    after the attack", "stormed the town after rebels shelled it". The marker must govern
    the event itself (it is its preposition, or the mark of its clause or of the clause it
    is the subject of: "after an air strike killed two"); what hangs deeper
    inside the phrase ("after the attack to meet with leaders") is not set by it."""
    found = _climb(a, b)
    if found is None:
        return False
    for side in found:
        for token in side[:2]:  # the event, and the clause it is the subject of
            if any(c.dep_ == "mark" and c.lower_ in PRECEDENCE for c in token.children):
                return True
        if len(side) > 1 and side[1].lower_ in PRECEDENCE:
            return side[1].dep_ in ("prep", "mark", "advmod", "pcomp")
    return False


def _won_by(earlier: EventMention, later: EventMention) -> bool:
    """Whether one of two mentions that the sentence sets in order is ground taken and the
    other the fighting that took it: "seized the town after a fierce battle" is one
    battle that ended in a capture, as ACLED codes it."""
    codes = {earlier.acled, later.acled}
    return bool(codes & CAPTURES) and {earlier.event_class, later.event_class} == {BATTLE}


def _day_keys(value: ResolvedDate | None, text: str | None) -> dict[str, str]:
    """Calendar keys a date gives without a year: its weekday and month-day."""
    keys: dict[str, str] = {}
    if value is not None and value.precision == "day":
        try:
            day = date.fromisoformat(value.value)
        except ValueError:
            return keys
        keys["weekday"] = WEEKDAYS[day.weekday()]
        keys["month-day"] = f"{day.month:02d}-{day.day:02d}"
        return keys
    if value is not None and value.precision == "month-day":
        keys["month-day"] = value.value.lstrip("-")
        return keys
    if not text:
        return keys
    words = re.findall(r"[a-z]+|\d+", text.lower())
    weekday = next((w for w in words if w in WEEKDAYS), None)
    if weekday:
        keys["weekday"] = weekday
    month = next((MONTHS[w] for w in words if w in MONTHS), 0)
    day_numbers = [int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31]
    if month and day_numbers:
        keys["month-day"] = f"{month:02d}-{day_numbers[0]:02d}"
    return keys


def _interval(value: ResolvedDate) -> tuple[date, date] | None:
    """The days a resolved date spans."""
    try:
        if value.precision == "day":
            day = date.fromisoformat(value.value)
            return day, day
        if value.precision == "week":
            monday = date.fromisoformat(value.value)
            return monday, monday + timedelta(days=6)
        if value.precision == "month":
            year, month = (int(p) for p in value.value.split("-")[:2])
            following = date(year + month // 12, month % 12 + 1, 1)
            return date(year, month, 1), following - timedelta(days=1)
        if value.precision == "year":
            year = int(value.value[:4])
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def _dates_clash(a: ResolvedDate | None, b: ResolvedDate | None) -> bool:
    if a is None or b is None:
        return False
    span_a, span_b = _interval(a), _interval(b)
    if span_a is None or span_b is None:
        return False
    return span_a[1] < span_b[0] or span_b[1] < span_a[0]


def _date_texts(doc: Doc, mentions: list[EventMention]) -> dict[int, str]:
    """The date expression each mention is nearest to in the tree (as the `dates` stage dates them),
    kept even when it cannot be resolved: "on Monday" and "on Wednesday" are two days
    whatever the year."""
    texts: dict[int, str] = {}
    for ent, nearest in dated_mentions(doc, mentions):
        texts.setdefault(id(nearest), ent.text)
    return texts


def regions(doc: Doc, place_of: Mapping[int, str]) -> set[str]:
    """Places the article names as administrative areas ("Gedo region", "Zamfara state",
    "the province of Anbar"): areas that hold towns."""
    found: set[str] = set()
    for index, entity_id in place_of.items():
        token = doc[index]
        after = doc[index + 1] if index + 1 < len(doc) else token
        if ADMIN_UNITS & {token.lower_, token.head.lower_, after.lower_}:
            found.add(entity_id)
    return found


def nested_places(
    doc: Doc, place_of: Mapping[int, str], names: Mapping[str, str], starts: list[int]
) -> set[frozenset[str]]:
    """Pairs of places that may hold one another, so that they never tell two incidents
    apart: places whose names begin alike ("Bagram" and "Bagram Airfield", "Kirkuk" and
    "Kirkuk province"), and places the article ties together in one phrase ("Kadawa in
    Zamfara state", "the road from Hawija to Kirkuk"). Places joined as conjuncts ("in
    Hawija and Daquq") are not tied. `starts` are the token indices where sentences
    start."""
    pairs: set[frozenset[str]] = set()
    by_word: dict[str, list[str]] = {}
    for entity_id in set(place_of.values()):
        words = names.get(entity_id, "").lower().split()
        if words:
            by_word.setdefault(words[0], []).append(entity_id)
    for same in by_word.values():
        pairs.update(frozenset((a, b)) for a in same for b in same if a < b)
    by_sentence: dict[int, list[tuple[str, Token]]] = {}
    for index, entity_id in place_of.items():
        token = doc[index]
        if token.head.i != index and place_of.get(token.head.i) == entity_id:
            continue  # not the root of its name
        sentence = starts[bisect_right(starts, index) - 1]
        by_sentence.setdefault(sentence, []).append((entity_id, token))
    for places in by_sentence.values():
        for n, (id_a, a) in enumerate(places):
            for id_b, b in places[n + 1 :]:
                if id_a == id_b:
                    continue
                found = _climb(a, b)
                if found is None or len(found[0]) + len(found[1]) > LINK_DISTANCE:
                    continue
                if any(t.dep_ == "conj" for t in (*found[0], *found[1])):
                    continue
                pairs.add(frozenset((id_a, id_b)))
    return pairs


@dataclass(slots=True)
class _Reader:
    """The state of one article's walk over its mentions."""

    arguments: Mapping[int, MentionArguments]
    date_texts: Mapping[int, str]
    nested: set[frozenset[str]]
    regions: set[str]
    body_start: int
    place_of: Mapping[int, str]
    """The place entity of each token that names a place."""
    sentence_starts: list[int]
    """Token index where each sentence of the Doc starts, in order."""
    triggers: Sequence[TriggerRecord] = ()
    """The trigger lexicon's lines, by row (a trigger span's `id_`): their frames."""
    items: Sequence[tuple[int, int, bool]] = ()
    """The (start, end) tokens of each item of a list in the body (`list_items`), and
    whether the item opens with a label ("Dorra: ...")."""
    told: Sequence[EventMention] = ()
    """Every mention of the article, in text order."""
    clusters: list[EventCluster] = field(default_factory=list)
    recent: list[EventCluster] = field(default_factory=list)
    """Open clusters, the most recently told last (at most WINDOW of them)."""
    headlines: list[EventCluster] = field(default_factory=list)
    """Clusters of the headline and summary lines that the body has not told yet."""

    def apart(self, earlier: EventMention, later: EventMention) -> int:
        """How many sentences lie between two mentions' sentences (0: the same one)."""
        starts = self.sentence_starts
        first = bisect_right(starts, earlier.sentence.start)
        return max(0, bisect_right(starts, later.sentence.start) - first)

    def args(self, mention: EventMention) -> MentionArguments:
        return self.arguments.get(id(mention), MentionArguments())

    def item(self, mention: EventMention) -> int | None:
        """The list item the mention lies in, by its index; None outside a list."""
        at = bisect_right(self.items, mention.span.start, key=lambda item: item[0]) - 1
        if at < 0 or mention.span.start >= self.items[at][1]:
            return None
        return at

    def other_item(self, cluster: EventCluster, mention: EventMention) -> bool:
        """Whether the mention lies in an item of a list that none of the cluster's
        mentions lie in, naming no place and no named actor of the cluster's: the items
        of a digest ("- Kessin: ...", "- Dorra: ...") are its incidents, one a line. "The
        attack" in an item with no label may still point back to one told in another
        ("- Iran denies ordering the attack"), and so may a bare one in a labelled item
        that tells no other act of its kind ("Police: officers arrested twelve after the
        fighting", "Evening: troops retook the base and the fighting stopped"); otherwise a
        label sets each item's scene apart ("- Sorn: the attack on a church by gunmen")."""
        item = self.item(mention)
        if item is None or not cluster.items or item in cluster.items:
            return False
        if _kind(mention) == "anaphor" and (
            not self.items[item][2]
            or not (self.kin_in_item(mention, item) or self.args(mention).actors)
        ):
            return False
        args = self.args(mention)
        named = (args.actors - args.local_actors) & cluster.actors
        return not (args.places & cluster.places or named)

    def kin_in_item(self, mention: EventMention, item: int) -> bool:
        """Whether another mention of the mention's family lies in the same list item."""
        start, end, _ = self.items[item]
        family = class_tree().family
        return any(
            other is not mention
            and start <= other.span.start < end
            and family(other.event_class) == family(mention.event_class)
            for other in self.told
        )

    def departs(self, cluster: EventCluster, mention: EventMention) -> bool:
        """Whether the mention's clause, not tied to the cluster's in the tree, tells
        something the cluster's incident cannot be: set somewhere else by its opening
        phrase, done by a doer it presents as another ("a separate group", "another
        gang", a second "a bomb"), or done later by doers of its own that the incident
        never had ("Troops later raided a house"). Who did it alone says nothing: the
        headline's "soldiers killed" is read with the soldiers as doers as often as not."""
        if self.opens_elsewhere(cluster, mention) or _introduces_another(cluster, mention):
            return True
        if _another_doer(mention.head):
            return True
        args = self.args(mention)
        if not args.doers or args.pronoun or args.doers & cluster.doers:
            return False  # no doer of its own, or the same doers acting on
        return _told_later(mention.head)

    def days(self, mention: EventMention) -> dict[str, str]:
        return _day_keys(mention.date, self.date_texts.get(id(mention)))

    def places_clash(self, ours: frozenset[str], theirs: set[str]) -> bool:
        """Two places of one kind (two towns, two provinces) that nothing ties together;
        a province may hold a town the article never places in it ("Gedo region", "El
        Wak"), so a region and a town never clash."""
        if not ours or not theirs or ours & theirs:
            return False
        pairs = [(a, b) for a in ours for b in theirs]
        if any(frozenset(pair) in self.nested for pair in pairs):
            return False
        return any((a in self.regions) == (b in self.regions) for a, b in pairs)

    def contradicts(self, cluster: EventCluster, mention: EventMention) -> bool:
        """Whether what the mention says of its incident contradicts the cluster's: another
        date, another place, another named target."""
        if _dates_clash(cluster.date, mention.date):
            return True
        days = self.days(mention)
        if any(cluster.days.get(kind, value) != value for kind, value in days.items()):
            return True
        args = self.args(mention)
        if self.places_clash(args.places, cluster.places):
            return True
        if mention.acled in CAPTURES and any(
            captures_clash(m, self.args(m).taker_sides, mention, args.taker_sides)
            for m in cluster.mentions
        ):
            return True
        if self.other_item(cluster, mention):
            return True
        return bool(args.targets and cluster.targets and not args.targets & cluster.targets)

    def shares(self, cluster: EventCluster, mention: EventMention, *, named: bool) -> bool:
        """Whether the mention names something of the cluster's own: a place, a named
        actor, a day; unless `named`, also an actor the article only describes ("the
        gunmen") near the cluster's last mention."""
        args = self.args(mention)
        if args.places & cluster.places:
            return True
        days = self.days(mention)
        if any(cluster.days.get(kind) == value for kind, value in days.items()):
            return True
        common = args.actors & cluster.actors
        if common - args.local_actors:
            return True
        if named or not common or self.opens_elsewhere(cluster, mention):
            return False
        return self.apart(cluster.mentions[-1], mention) <= PRONOUN_REACH

    def opens_elsewhere(self, cluster: EventCluster, mention: EventMention) -> bool:
        """Whether the mention's clause opens its sentence with a phrase setting the scene
        in a place the cluster never named ("In the border town of Mosk, residents beat a
        man"): a fronted place phrase tells the reader the story moves on to somewhere
        else, so the clause does not go on telling the last incident by nearness or a
        described actor alone. A place phrase after the verb, or one naming the
        cluster's place, moves nothing."""
        verb = _clause_verb(mention.head)
        if verb is None:
            return False
        first = mention.sentence.start
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.i > verb.i or prep.left_edge.i != first:
                continue
            places = {self.place_of[t.i] for t in prep.subtree if t.i in self.place_of}
            if places and not places & cluster.places:
                return True
            if not places and any(_unplaced_name(o) for o in prep.children):
                return True  # "In nearby Osk, ...": a name the entities left unplaced
        return False

    def candidates(self, mention: EventMention) -> list[EventCluster]:
        """Open clusters the mention may belong to, the most recent first (the headline's
        untold incidents after the others)."""
        family = class_tree().family(mention.event_class)
        found: list[EventCluster] = []
        for cluster in [*reversed(self.recent), *self.headlines]:
            if cluster in found or cluster.family != family:
                continue
            if self.contradicts(cluster, mention):
                continue
            here = cluster.in_sentence(mention.sentence.start)
            if any(_sequenced(m.head, mention.head) and not _won_by(m, mention) for m in here):
                continue
            found.append(cluster)
        return found

    def tied(self, candidates: list[EventCluster], mention: EventMention) -> EventCluster | None:
        """The candidate with a trigger in the mention's own sentence that the mention is
        tied to in the tree: a clause to the clause it continues ("stormed the village,
        shooting residents"), a noun to a trigger near it ("killed 11 in an attack", "the
        blast was a suicide attack"). A verb deep inside another phrase ("supported by air
        strikes from the coalition bombing IS") tells something else."""
        reach = CLAUSE_LINK_DISTANCE if _kind(mention) == "clause" else LINK_DISTANCE
        for cluster in candidates:
            for other in cluster.in_sentence(mention.sentence.start):
                if _distance(other.head, mention.head) <= reach:
                    return cluster
        return None

    def per_victim_plural(self, mention: EventMention) -> bool:
        """A definite plural noun of a frame that counts victims, not incidents ("the
        killings" of the seven villagers shot dead): it may still name one incident."""
        row = mention.span.id_
        if not (mention.plural and mention.definite and row.isdigit()):
            return False
        return int(row) < len(self.triggers) and self.triggers[int(row)].frame in PER_VICTIM_FRAMES

    def several_victim_candidates(self, mention: EventMention) -> list[EventCluster]:
        """The candidates whose victims were several: what "the killings" can tell again;
        with one, that one; with two or more, the words do not say which."""
        return [c for c in self.candidates(mention) if c.several_victims]

    def ambiguous_killings(self, mention: EventMention) -> bool:
        """ "The killings", naming none of their own victims, after two incidents of several
        dead: no event of their own either, as they point back to one of those."""
        if not self.per_victim_plural(mention) or self.args(mention).several_victims:
            return False
        return len(self.several_victim_candidates(mention)) > 1

    def antecedent(self, mention: EventMention) -> EventCluster | None:
        """The incident the mention tells again, or None for a new one."""
        if mention.plural and self.per_victim_plural(mention):
            several = self.several_victim_candidates(mention)
            return several[0] if len(several) == 1 else None
        if mention.plural and mention.event_class not in COLLECTIVE_CLASSES:
            return None  # "attacks": several incidents; "the clashes", "protests": one
        candidates = self.candidates(mention)
        if not candidates:
            return None
        kind = _kind(mention)
        if mention.head.dep_ in ("appos", "attr"):
            # "..., the second attack this week", "the blast was a suicide attack": the
            # phrase says what the incident of its sentence was.
            tied = self.tied(candidates, mention)
            if tied is not None:
                return tied
        if _says_what_it_was(mention) and _fits(candidates[0], mention):
            return candidates[0]  # "It was the second attempt on his life this year"
        if _other_incident(mention) or _ordinal(mention):
            return None
        if mention.event_class in COLLECTIVE_CLASSES and kind in ("bare", "indefinite", "other"):
            # "protesters", "some demonstrators", "a general strike": a crowd or its acts,
            # told as they go on, not a new referent of its own.
            kind = "clause"
        if kind == "other":
            return None
        if kind == "distributive":
            return candidates[0]  # "before each explosion": told already, among others
        if mention.span.start_char >= self.body_start:
            # The body's first telling of the headline's incident, of a kind that fits.
            lead = next(
                (
                    c
                    for c in candidates
                    if c in self.headlines
                    and (_fits(c, mention) or self.shares(c, mention, named=False))
                ),
                None,
            )
            if lead is not None:
                return lead
        tied = self.tied(candidates, mention)
        if tied is not None:
            return tied
        if kind == "anaphor":
            # The nearest incident whose class fits its own, one sharing an argument with
            # it first ("the bombing" skips the clashes told since); an incident of another
            # kind only through an argument they share.
            sharing = [c for c in candidates if self.shares(c, mention, named=False)]
            fits = [c for c in candidates if _fits(c, mention)]
            ranked = [c for c in sharing if c in fits] or fits or sharing
            return ranked[0] if ranked else None
        if kind in ("indefinite", "bare"):
            # A new referent, unless it names the place, actor or day of one already told
            # ("The federal building was shattered by an explosion" of the bombing there).
            sharing = [c for c in candidates if self.shares(c, mention, named=True)]
            if sharing:
                return sharing[0]
            return self.continued(candidates, mention) if kind == "bare" else None
        sharing = [
            c
            for c in candidates
            if self.shares(c, mention, named=False)
            and (_fits(c, mention) or self.shares_beyond_day(c, mention))
            and not self.departs(c, mention)
        ]
        if sharing:
            return sharing[0]
        return self.continued(candidates, mention)

    def shares_beyond_day(self, cluster: EventCluster, mention: EventMention) -> bool:
        """Whether the mention names a place or an actor of the cluster's: a day alone does
        not make a kidnapping part of a battle told the same day."""
        args = self.args(mention)
        return bool(args.places & cluster.places or args.actors & cluster.actors)

    def continued(
        self, candidates: list[EventCluster], mention: EventMention
    ) -> EventCluster | None:
        """The last incident, when the mention goes on telling it: of its class, right
        after it or with no other incident of its family open ("a man was arrested ...
        The suspect was detained at a checkpoint", "the election ... a defeat at polling
        stations"); or a clause whose actor is a pronoun right after it ("They set homes on
        fire")."""
        last = candidates[0]
        if self.departs(last, mention):
            return None
        near = self.apart(last.mentions[-1], mention) <= PRONOUN_REACH
        if mention.event_class in last.classes and (near or len(candidates) == 1):
            return last
        if near and last.event_class == BATTLE and mention.event_class in BATTLE_FIRE:
            return last  # "... clashed near Djenne. The two sides exchanged artillery fire"
        if near and self.args(mention).pronoun:
            return last
        return None

    def acted_on(self, mention: EventMention) -> EventCluster | None:
        """The incident whose act was done to the crowd the mention names: in "police fired
        tear gas at protesters" or "soldiers shot dead three demonstrators" the crowd is
        what the act was aimed at, not a demonstration told a second time."""
        if mention.event_class not in CROWD_CLASSES:
            return None
        noun = _crowd_head(mention.head)
        if noun is None:
            return None
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ in AIMING_PREPOSITIONS:
            verb = verb.head
        elif noun.dep_ not in ("dobj", "nsubjpass"):
            return None
        here = mention.sentence.start
        for cluster in reversed(self.recent):
            arrest = next((m for m in cluster.in_sentence(here) if m.head.i == verb.i), None)
            if arrest is not None and cluster.classes == [ARREST]:
                # "police arrested twenty protesters": ACLED codes protesters detained at
                # their protest as the protest met with intervention, not as an arrest.
                cluster.demote(arrest)
                return cluster
        if not _state_doer(verb):
            return None  # gunmen firing on a protest attack civilians; the protest stays
        acts = (verb.i, verb.head.i) if verb.dep_ in ("advcl", "conj", "xcomp") else (verb.i,)
        for cluster in reversed(self.recent):
            if cluster.event_class not in ATTACK_FAMILY | CROWD_CLASSES:
                continue
            if any(m.head.i in acts for m in cluster.in_sentence(here)):
                return cluster
        return None

    def detained_crowd(self, mention: EventMention) -> EventCluster | None:
        """The demonstration, told in the mention's sentence or the one before, whose
        people the arrest took: "Students protested outside the ministry. Police detained
        twelve students" (the same noun as the protesters), "arrested nine of them", "detained
        dozens of protesters". Someone else arrested near a protest stays an arrest."""
        if mention.event_class != ARREST:
            return None
        verb = mention.head
        taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        taken += [o for t in taken for p in t.children if p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        if not taken:
            return None
        for cluster in reversed(self.recent):
            if cluster.event_class not in CROWD_CLASSES or self.contradicts(cluster, mention):
                continue
            told = [m for m in cluster.mentions if self.apart(m, mention) <= 1]
            if not told or any(m.sentence.start > mention.sentence.start for m in told):
                continue
            people = {p.lemma_.lower() for m in told for p in _crowd_people(m)}
            if any(
                t.lemma_.lower() in people
                or t.lower_ in DEMONSTRATION_CROWD_WORDS
                or _plural_pronoun(t)
                for t in taken
            ):
                return cluster
        return None

    def conjoined(self, mention: EventMention) -> EventCluster | None:
        """The incident whose clause the mention's clause is coordinated with, sharing its
        doer: "protesters stormed the office and set fire to cars", "gunmen raided the
        village and burned homes" tell one incident through two acts, whatever family each
        verb alone would give. A clause with a doer of its own ("... and police fired
        back"), or an abduction or arrest beside the attack, stays apart."""
        verb = mention.head
        if verb.dep_ != "conj" or mention.event_class not in JOINT_ACTS:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        first = verb.head
        while first.dep_ == "conj":
            first = first.head
        for cluster in reversed(self.recent):
            if cluster.event_class not in JOINT_ACTS or self.contradicts(cluster, mention):
                continue
            if any(m.head.i == first.i for m in cluster.in_sentence(mention.sentence.start)):
                return cluster
        return None

    def crowd_act(self, mention: EventMention) -> EventCluster | None:
        """The demonstration whose crowd does the mention's act: "an angry mob attacked a
        bus", "hundreds of protesters stormed the ministry" tell the crowd and its act as
        one riot, not a crowd and an attack beside it; so does "the crowd" or "the
        protesters" doing it within two sentences of their demonstration."""
        verb = mention.head
        if verb.pos_ != "VERB" or mention.event_class not in JOINT_ACTS:
            return None
        while verb.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
        ):
            verb = verb.head
        subjects = _subjects(verb)
        if not subjects:
            return None
        doers = {t.i for t in subjects}
        the_crowd = any(
            t.lower_ in DEMONSTRATION_CROWD_WORDS and any(c.lower_ == "the" for c in t.children)
            for t in subjects
        )
        for cluster in reversed(self.recent):
            if cluster.event_class not in CROWD_CLASSES or self.contradicts(cluster, mention):
                continue
            for other in cluster.in_sentence(mention.sentence.start):
                if other.head.i in doers and other.head.pos_ == "NOUN":
                    return cluster
            if the_crowd:
                # "Hundreds protested in Tarbo. The crowd later beat a policeman": the
                # crowd told before, doing the act
                if self.apart(cluster.mentions[-1], mention) <= PRONOUN_REACH:
                    return cluster
        return None

    def effect_of(self, mention: EventMention) -> EventCluster | None:
        """The incident whose effect the mention tells: a clause whose doer is a mention of
        an incident ("the strike also destroyed an ammunition depot", "the blast killed
        six"), or the object that such a clause acted on ("an ammunition depot"). An effect
        tells what the incident did, not a second incident, and has no say in its class."""
        head = mention.head
        here = mention.sentence.start
        if head.pos_ == "VERB":
            doers = {d.i for d in doers_of(head)}
            if not doers:
                return None
            for cluster in reversed(self.recent):
                if any(
                    m.head.i in doers and m.event_class not in CROWD_CLASSES
                    for m in cluster.in_sentence(here)
                ):
                    return cluster  # a crowd doing an act is `crowd_act`'s: a riot
            return None
        if head.dep_ != "dobj":
            return None
        for cluster in reversed(self.recent):
            for other in cluster.in_sentence(here):
                if other.head.i == head.head.i and cluster.is_part(other):
                    return cluster
        return None

    def withdrawn_from(self, mention: EventMention) -> EventCluster | None:
        """The capture a withdrawal gives way to: "rebels seized Kesh ... Soldiers withdrew
        from the town overnight" tells the side that lost the ground, within the capture
        (ACLED's non-violent transfer is a withdrawal with no fighting told). A withdrawal
        from another named place, on another day, or more than two sentences on stays
        its own: it must name no place, or one of the capture's."""
        if mention.acled != WITHDRAWAL:
            return None
        places = self.args(mention).places
        for cluster in reversed(self.recent):
            if cluster.acled not in CAPTURES or self.contradicts(cluster, mention):
                continue
            if places and not places & cluster.places:
                continue  # a named place the capture never named
            if self.apart(cluster.mentions[-1], mention) <= PRONOUN_REACH:
                return cluster
        return None

    def join(self, cluster: EventCluster, mention: EventMention, *, part: bool = False) -> None:
        """Add the mention to the cluster with its arguments, its days and its list item."""
        cluster.add(mention, self.args(mention), self.days(mention), part=part)
        item = self.item(mention)
        if item is not None:
            cluster.items.add(item)

    def read(self, mention: EventMention) -> None:
        whole = (
            self.detained_crowd(mention)
            or self.effect_of(mention)
            or self.withdrawn_from(mention)
        )
        if whole is not None:
            self.join(whole, mention, part=True)
            return
        target = (
            self.acted_on(mention)
            or self.conjoined(mention)
            or self.crowd_act(mention)
            or self.antecedent(mention)
        )
        in_header = mention.span.start_char < self.body_start
        if target is None:
            if mention.anaphoric:
                return  # "the incident" with nothing to point back to names no event
            if self.ambiguous_killings(mention):
                return  # "the killings" after two massacres: which, the words do not say
            target = EventCluster()
            self.clusters.append(target)
            if mention.plural and mention.event_class not in COLLECTIVE_CLASSES:
                self.join(target, mention)
                return  # "attacks": no one incident for a later mention to tell again
            if in_header:
                self.headlines.append(target)
        self.join(target, mention)
        if not in_header and target in self.headlines:
            self.headlines.remove(target)
        if target in self.recent:
            self.recent.remove(target)
        self.recent.append(target)
        if len(self.recent) > WINDOW:
            self.recent.pop(0)


def _plural_pronoun(token: Token) -> bool:
    """ "arrested them", "nine of them": a plural personal pronoun ("him" is one person)."""
    return token.pos_ == "PRON" and "Plur" in token.morph.get("Number")


def _crowd_people(mention: EventMention) -> list[Token]:
    """The nouns naming the people of a crowd mention: the crowd noun itself
    ("protesters"), whom a participle describes ("students protesting"), who does a crowd
    verb ("students marched"), whose a crowd noun is ("a march by students", "hundreds of
    teachers")."""
    head = mention.head
    if head.dep_ == "acl":
        return [head.head]
    if head.pos_ == "VERB":
        return _subjects(head)
    return [head] + [o for p in head.children if p.lower_ in ("by", "of") for o in p.children]


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, and for a quantity the people it counts ("hundreds of
    protesters": the crowd is the object of the quantity's "of")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return subjects + [o for s in subjects for p in s.children if p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"]  # fmt: skip


def _crowd_head(token: Token) -> Token | None:
    """The plural noun naming the crowd of a crowd mention: the mention itself
    ("protesters"), or the noun a participle describes ("teachers protesting"), through
    a quantity ("hundreds of teachers protesting" is aimed at as "hundreds")."""
    noun = token
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        noun = token.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # "hundreds of teachers protesting"
    return noun if noun.tag_ == "NNS" else None


def _state_doer(verb: Token) -> bool:
    """Whether the act's doer is the state's force ("police", "troops", "riot police"):
    ACLED codes the force of the state against a crowd within the demonstration's event,
    and an armed group's against it as an attack on civilians of its own. A purpose or
    participle clause with no doer of its own ("fired tear gas to disperse them") has the
    doer of the clause it hangs on."""
    return any(
        t.lower_ in STATE_FORCE_WORDS or t.lemma_.lower() in STATE_FORCE_WORDS
        for t in doers_of(verb, hosted=True)
    )


def _fits(cluster: EventCluster, mention: EventMention) -> bool:
    """Whether the mention's class fits the cluster's (`ClassTree.fit`): "the attack" fits
    a bombing, "the assassination attempt" a drone strike, "the bombing" a clash only
    through an argument they share. A kidnapping is no "attack" (`ATTACK_FAMILY` leaves
    abductions out, as ACLED codes them apart)."""
    own, theirs = mention.event_class, cluster.event_class
    if (own in ATTACK_FAMILY) != (theirs in ATTACK_FAMILY):
        return False
    return class_tree().fit(own, theirs)


def _clause_verb(head: Token) -> Token | None:
    """The verb of the clause a mention tells: the verb itself, or for a noun the verb it
    is an argument of ("a bomb exploded": none; "residents beat ... to death": beat)."""
    if head.pos_ in ("VERB", "AUX"):
        return head
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


def _indefinite_doers(head: Token) -> set[str]:
    """The head nouns of a clause's doers that an indefinite article introduces ("a car
    bomb killed two", "a gunman shot a guard"), as lemmas."""
    if head.pos_ not in ("VERB", "AUX"):
        return set()
    return {
        d.lemma_.lower()
        for d in doers_of(head, shared="first")
        if d.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in d.children)
    }


def _introduces_another(cluster: EventCluster, mention: EventMention) -> bool:
    """Whether the mention's clause introduces a new doer of the same kind as one its
    cluster introduced ("A roadside bomb wounded three soldiers. A car bomb killed two
    civilians"): an indefinite article presents a thing not told yet, so a second "a
    bomb" is a second bomb, and its clause a second incident; "the bomb" or "a
    gunman" after "gunmen" presents nothing new."""
    ours = _indefinite_doers(mention.head)
    if not ours:
        return False
    return any(ours & _indefinite_doers(m.head) for m in cluster.mentions)


def _another_doer(verb: Token) -> bool:
    """Whether a verb mention's doer is presented as another than any told ("a separate
    group ambushed a convoy", "other gunmen stormed a school"): a word of alterity on it."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for doer in doers_of(verb, shared="first"):
        words = {c.lower_ for c in doer.children if c.dep_ in ("det", "amod")}
        if words & ALTERITY and not words & DEFINITE:
            return True  # "the other gunmen" are the others of the same band
    return False


def _told_later(verb: Token) -> bool:
    """Whether a verb mention's clause is set after what was told before it ("later
    raided", "hours later, troops stormed ..."): a sequence adverb on the verb, or on the
    verb it is coordinated with."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    verbs = (verb, verb.head) if verb.dep_ == "conj" else (verb,)
    return any(
        c.dep_ == "advmod" and c.lower_ in SEQUENCE_ADVERBS for v in verbs for c in v.children
    )


def _unplaced_name(token: Token) -> bool:
    """A proper name that is the object of a fronted locative preposition ("In nearby
    Osk, ...") yet no place entity: where the sentence is set, whatever the NER made of
    it; not a date, a body or a possessor ("In Smith's view")."""
    if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPOSITIONS:
        return False
    if token.pos_ != "PROPN" or token.ent_type_ in ("DATE", "TIME", "ORG", "NORP"):
        return False
    return not any(c.dep_ == "case" for c in token.children)


def _pronoun_actor(mention: EventMention) -> bool:
    """ "They stormed the post", "they tried to kill me": a clause whose doer or patient
    is a personal pronoun; the doer of a clause with no subject of its own is that of the
    clause it hangs on (`doers_of(hosted=True)`)."""
    root = mention.head
    if root.pos_ not in ("VERB", "AUX"):
        return False
    own = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(t.lower_ in PRONOUNS for t in [*own, *doers_of(root, hosted=True)])


def cluster(doc: Doc) -> None:
    """Stage `coreference`: the mentions of `doc._.ck_mentions` grouped into incidents, as
    `doc._.ck_clusters`, comparing what each mention's own sentence says about it (the
    roles of `doc._.ck_mention_roles`), its date and its places."""
    ext = doc._
    table = ext.ck_entities
    meta = ext.ck_meta
    mentions = ext.ck_mentions
    place_tokens = table.place_tokens()
    ext.ck_clusters = cluster_mentions(
        doc,
        mentions,
        _arguments(mentions, ext.ck_mention_roles, meta.id),
        {i: table.token_entity[i] for i in place_tokens},
        {table.token_entity[i]: table.entities[table.token_entity[i]].name for i in place_tokens},
        header_end(ext.ck_text, meta.title, ext.ck_dateline),
        ext.ck_lexicon.triggers,
    )


PER_VICTIM_FRAMES = frozenset({"Killing"})
"""Frames whose event nouns count victims, not incidents: "the killings" of seven villagers
in one shooting, "the murders" of a family."""


def _arguments(
    mentions: list[EventMention], own_roles: dict[int, list[RoleFinding]], article_id: str
) -> dict[int, MentionArguments]:
    return {
        id(m): mention_arguments(
            m,
            ((f.role, f.entity) for f in own_roles[id(m)] if f.attribution.certainty != "denied"),
            lambda entity_id: is_article_scoped(entity_id, article_id),
            several_victims=any(f.role == "victim" and _several(f.span) for f in own_roles[id(m)]),
        )
        for m in mentions
    }


def _several(phrase: Span) -> bool:
    """A phrase for more than one person: a plural head ("farmers") or a count above one."""
    root = phrase.root
    if "Plur" in root.morph.get("Number"):
        return True
    return any(
        c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1") for c in root.children
    )


def cluster_mentions(
    doc: Doc,
    mentions: list[EventMention],
    arguments: Mapping[int, MentionArguments],
    place_of: Mapping[int, str],
    place_names: Mapping[str, str],
    body_start: int,
    triggers: Sequence[TriggerRecord] = (),
) -> list[EventCluster]:
    """Group the mentions (in text order) into incidents. `arguments` holds each mention's
    arguments by `id(mention)`, `place_of` the place entity of each token that names a place
    and `place_names` their names, `body_start` the offset where the headline and summary
    lines end; the items of a list the text holds are read off `doc`."""
    starts = [sentence.start for sentence in doc.sents] if mentions else [0]
    reader = _Reader(
        arguments=arguments,
        date_texts=_date_texts(doc, mentions),
        nested=nested_places(doc, place_of, place_names, starts) if mentions else set(),
        regions=regions(doc, place_of),
        place_of=place_of,
        sentence_starts=starts,
        body_start=body_start,
        triggers=triggers,
        items=_body_items(doc, body_start) if mentions else (),
        told=mentions,
    )
    for mention in mentions:
        reader.read(mention)
    return reader.clusters


def _body_items(doc: Doc, body_start: int) -> list[tuple[int, int, bool]]:
    """The items of the lists in the article's body, with whether each has a label: the
    bullets of a header summarise the headline's one incident, not one each."""
    return [
        (item.start, item.end, item_label(item) is not None)
        for item in list_items(doc)
        if item.start_char >= body_start
    ]


def concerned_clusters(clusters: list[EventCluster]) -> dict[int, EventCluster]:
    """For each statement cluster (by `id`), the event it is about: the first other cluster
    with a mention whose trigger the statement's trigger governs in the dependency tree
    ("X claimed responsibility for the bombing", "accused of bombing the mosque")."""
    concerned: dict[int, EventCluster] = {}
    for cluster in clusters:
        if cluster.event_class not in STATEMENTS:
            continue
        governed = {t.i for m in cluster.mentions for t in m.head.subtree}
        for other in clusters:
            if other is cluster or other.event_class in STATEMENTS:
                continue
            if any(m.head.i in governed for m in other.mentions):
                concerned[id(cluster)] = other
                break
    return concerned
