"""Who did what to whom, where, with what: role arguments read off the dependency tree.

Rules follow the constructions news uses for incidents: "X carried out the attack", "the
attack was carried out by X", "a strike on Y", "drones dropped at Z", "X's role", and
casualty clauses ("some bodyguards were injured", "killing 12 people"). What a noun phrase
denotes is `extract.roles.phrases`; casualty counts are `extract.roles.casualties`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from ..entities import RESPONSIBILITY_VERBS, EntityTable, claimant_phrases
from ..events import (
    ARMED_ACTORS,
    ATTACK_FAMILY,
    PROPERTY_DESTRUCTION,
    EventCluster,
    EventMention,
)
from ..language import (
    DENYING_VERBS,
    FRAME_SLOTS,
    Lexicon,
    RoleFinding,
    TriggerRecord,
    attempted,
    attribute,
    dependency_distance,
    objects_of,
)
from .casualties import damaged, negated_clause, victims
from .described import described_actors
from .facilities import DETONATION_VERBS, facilities_in_phrase, is_facility
from .frames import SUPPORT_VERBS, fillers, governing_verb, speaker_of, subject_of
from .locatives import (
    PEOPLE_HEADS,
    facilities_on,
    places_attacked,
    places_in_clause,
    places_of_the_struck,
    places_on,
    places_struck,
)
from .phrases import (
    ACTING_TYPES,
    ATTACKER_NOUNS,
    actors_in_phrase,
    denoted_actors,
    group_antecedent,
    mention_span,
    pronoun_antecedent,
    with_examples,
)
from .targets import aimed_roles, striking_verb

__all__ = [
    "find_roles",
    "read_mention_roles",
    "salient_roles",
    "victim_roles",
    "weapon_users",
]

PEOPLE_NOUNS = frozenset(
    {"supporters", "protesters", "demonstrators", "students", "workers", "residents",
     "followers", "activists", "farmers", "teachers", "villagers", "crowds", "thousands",
     "hundreds", "people", "women", "youths"}
)  # fmt: skip
INVOLVEMENT_WORDS = frozenset(
    {"involved", "role", "responsible", "behind", "responsibility", "involvement"}
)
SURVIVING_VERBS = frozenset({"escape", "survive"})
DESCRIBING_CLASSES = ATTACK_FAMILY | {"Abduction", "Arrest", "Riot"}
"""Classes whose slots take the actors news describes without naming ("police arrested three
students", "gunmen abducted a farmer"): for others, such as a meeting or a seizure of drugs,
"officials" or "police" are no party worth an actor of their own."""
PATIENT_SLOTS = frozenset({"object", "passive_subject"})
"""Slots whose filler a harming verb harms: its victim rather than its target."""
AIMED_SLOTS = frozenset({"at", "on", "upon"})
"""Prepositions a frame reads as what an attack was aimed at ("opened fire at X")."""


def _harmed_its_object(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a verb harmed the object it has ("shot dead a boy", "wounded two men"): its
    harm then fell on that object, and its "at"/"on" phrase says where, not whom it aimed
    at. A verb whose object is its means ("fired rockets at the base") aimed at it."""
    if verb.pos_ != "VERB" or not harms(verb, lexicon):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)


def read_mention_roles(doc: Doc) -> None:
    """Stage `mention_roles`: the roles each mention's own sentence states, read once, as
    `doc._.ck_mention_roles` (by `id(mention)`): coreference compares them, and they become
    the arguments of the event the mention joins, or of the non-specific mention."""
    ext = doc._
    table = ext.ck_entities
    lexicon = ext.ck_lexicon
    ext.ck_mention_roles = {id(m): find_roles(m, table, lexicon) for m in ext.ck_mentions}
    # words that tell no incident keep the roles their sentence states ("homicides in
    # Chicago", "opponents could be jailed"): they are reported beside the events
    for mention, _ in ext.ck_nonspecific or ():
        ext.ck_mention_roles[id(mention)] = find_roles(mention, table, lexicon)


RESULT_DEPS = frozenset({"oprd", "acomp", "advmod", "xcomp", "ccomp", "dobj"})
"""How the parser hangs a result ("dead") on the verb that brought it about."""


def harms(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the verb says its object was harmed: a verb whose frame makes its object a
    victim ("killed ten villagers"), or any act with a result of death ("shot dead",
    "beaten to death", "hacked to death"), read off the verb's complements."""
    frame = lexicon.verb_frames.get(verb.lemma_.lower())
    if frame is not None and frame.verb_roles.get("object") == "victim":
        return True
    after = verb.i + 1
    if after < len(verb.doc) and verb.doc[after].lower_ == "dead":
        return True  # "shot dead six farmers", where the parser hangs "dead" on the object
    for child in verb.children:
        if child.dep_ in RESULT_DEPS and child.lower_ == "dead":
            return True
        if child.dep_ == "prep" and child.lower_ == "to":
            if any(o.lemma_.lower() == "death" for o in child.children if o.dep_ == "pobj"):
                return True
    return False


def frame_of(mention: EventMention, lexicon: Lexicon) -> TriggerRecord | None:
    """The frame line of a mention: its trigger's, or, where the mention was read as
    another class (an explosion read as an accident, "the incident"), that class's first."""
    record = lexicon.trigger_line(mention.span.id_)
    if record is not None and record.event_class == mention.event_class:
        return record
    return lexicon.class_frames.get(mention.event_class)


def find_roles(mention: EventMention, table: EntityTable, lexicon: Lexicon) -> list[RoleFinding]:
    """Roles stated in the trigger's own sentence: the frame's slots (`extract.roles.frames`)
    read around its head, then targets, places, winners and blame."""
    found: list[RoleFinding] = []
    head = mention.head
    cls = mention.event_class
    frame = frame_of(mention, lexicon)
    destroys = mention.acled == PROPERTY_DESTRUCTION  # the clinic burned down is its target

    def add(role: str, phrase_head: Token, anchor: Token, rule: str, places: bool = True) -> None:
        if cls in DESCRIBING_CLASSES:
            named = denoted_actors(phrase_head, role, table)
            named = described_actors(phrase_head, role, table, named)
        else:
            named = list(actors_in_phrase(phrase_head, table))
        if role == "target" and places and (cls in ATTACK_FAMILY or destroys):
            named += facilities_in_phrase(phrase_head, table)
        for entity, span in named:
            found.append(RoleFinding(role, entity, None, span, attribute(anchor), rule))

    if frame is not None:
        _frame_roles(mention, frame, table, lexicon, add, found)
    anchor = head
    verb = governing_verb(head) if head.pos_ != "VERB" else None
    if verb is not None and verb.lemma_.lower() in SUPPORT_VERBS:
        anchor = verb
    if cls in ATTACK_FAMILY:
        for role, phrase, anchor_token, rule in aimed_roles(head, cls):
            add(role, phrase, anchor_token, rule)
    if cls == "Election":
        found.extend(_winners(head, table))
    found.extend(_blamed(head, table))
    anchors = [anchor, head, *_place_anchors(head)]
    for anchor_token in dict.fromkeys(anchors):
        for entity, span in places_on(anchor_token, table):
            found.append(RoleFinding("place", entity, None, span, attribute(anchor), "locative"))
        if cls in ATTACK_FAMILY:
            for entity, span in facilities_on(anchor_token, table):
                found.append(
                    RoleFinding("place", entity, None, span, attribute(anchor), "facility-place")
                )
    if cls in ATTACK_FAMILY or destroys:
        # "shelled the town of X"; "the bombing campaign devastated the town of X";
        # "burned the village of X"
        struck = head if head.pos_ == "VERB" else striking_verb(head)
        if struck is not None:
            for entity, span in places_attacked(struck, table):
                found.append(
                    RoleFinding("place", entity, None, span, attribute(struck), "place-object")
                )
    if not any(f.role == "place" for f in found):
        for entity, span in places_in_clause(head, table):
            found.append(
                RoleFinding("place", entity, None, span, attribute(anchor), "clause-place")
            )
    if cls in ATTACK_FAMILY and head.pos_ == "VERB" and not any(f.role == "place" for f in found):
        for entity, span in places_of_the_struck(head, table):
            found.append(
                RoleFinding("place", entity, None, span, attribute(head), "struck-place")
            )
    return found


def _frame_roles(
    mention: EventMention,
    frame: TriggerRecord,
    table: EntityTable,
    lexicon: Lexicon,
    add: Callable[..., None],
    found: list[RoleFinding],
) -> None:
    """The roles the frame gives the fillers of its slots around the mention's head, added
    to `found` (the actors through `add`, which resolves a phrase to them)."""
    head, cls = mention.head, mention.event_class
    roles = frame.verb_roles if head.pos_ == "VERB" else frame.noun_roles
    for slot, phrase, anchor, rule in fillers(head, frame):
        if slot == "modifier" and head.pos_ != "VERB" and _named_place(phrase, table):
            # "the Mosul shooting", "the Kandahar massacre": a place's name before an event
            # noun says where it happened (a state's, "a U.S. strike", says who did it)
            span, place = mention_span(phrase, table), table.at(phrase)
            found.append(
                RoleFinding("place", place, None, span, attribute(anchor), "place-modifier")
            )
            continue
        role, named_slot = roles.get(slot), slot
        if slot == "lone_possessor":
            armed = _armed(phrase, table)  # "the rebels' kidnapping": they did it
            role = roles.get("possessor") if armed else roles.get(slot, roles.get("possessor"))
            slot = "possessor"
        if role is None or not _may_fill(slot, rule, phrase, cls, table):
            continue
        rule = rule if rule == "name-before" else f"{rule}-{slot}"
        owner = table.at(phrase)
        if slot in frame.places and owner is not None and owner.type in ("Place", "State"):
            span = mention_span(phrase, table)
            found.append(RoleFinding("place", owner, None, span, attribute(anchor), rule))
            continue
        if role == "target" and slot in AIMED_SLOTS and _harmed_its_object(anchor, lexicon):
            continue  # "shot dead a boy at a checkpoint": where it was done, not its aim
        if role == "target" and slot in PATIENT_SLOTS and harms(anchor, lexicon):
            role = "victim"
        if role == "victim" and attempted(head):
            role = "target"  # "tried to assassinate X", "a foiled assassination": X lived
        if role == "target" and cls in ATTACK_FAMILY and head.pos_ != "VERB":
            # "an offensive against the town of X": where it happened (a verb's object is
            # read by `places_attacked`)
            for place, span in places_struck(phrase, table):
                found.append(RoleFinding("place", place, None, span, attribute(anchor), rule))
        said = speaker_of(phrase)
        if said is not None:
            phrase, rule = said, rule + "-speaker"
        elif role in ("perpetrator", "participant"):
            # "The militia has grown. On Monday it ambushed a convoy": the pronoun's party
            earlier = pronoun_antecedent(phrase, table)
            if earlier is not None:
                phrase, rule = earlier, rule + "-antecedent"
        if role in ("perpetrator", "participant") and table.at(phrase) is None:
            phrase = group_antecedent(phrase, table) or phrase
        # "exploded at the market": where a blast went off is no facility it was aimed at
        aimed = slot in FRAME_SLOTS or anchor.lemma_.lower() not in DETONATION_VERBS
        add(role, phrase, anchor, rule, aimed)
        if role == "target" and named_slot in frame.harmed and not attempted(head):
            # "the judge was assassinated", "was shot": aimed at and hit, so also harmed,
            # when it is someone ("a police vehicle was shot up" harms no one)
            if _someone(phrase, table):
                add("victim", phrase, anchor, rule)
        if cls == "Protest" and slot == "subject" and head.pos_ != "VERB":
            if not any(f.role == "participant" for f in found):
                found.extend(_collective(phrase, table, anchor))


PERSON_TYPES = frozenset({"Person", "CommunalGroup", "ArmedGroup", "StateForce"})


def _someone(phrase: Token, table: EntityTable) -> bool:
    """Whether a phrase may name people, who can be harmed: not a facility or a vehicle
    ("a police vehicle was shot up", "the car of X was shot": `is_facility`) nor an
    entity that is a place or an organisation's premises; a person, a group, a noun for
    people or a name the tagger cannot type (lower-case text) may be."""
    if phrase.lower_ in PEOPLE_HEADS or phrase.lower_ in PEOPLE_NOUNS:
        return True
    if is_facility(phrase):
        return False
    entity = table.at(phrase)
    return entity is None or entity.type in PERSON_TYPES or entity.type == "Organization"


def _named_place(token: Token, table: EntityTable) -> bool:
    """Whether the token is part of the name of a place (a town, a region, a square), not
    of a state, which acts through its forces."""
    entity = table.at(token)
    return entity is not None and entity.type == "Place"


def _may_fill(slot: str, rule: str, phrase: Token, cls: str, table: EntityTable) -> bool:
    """Whether a name before an event noun may fill its "modifier" slot: the name before
    a misparsed noun only when it is an acting party ("killed in IS attacks"); a compound
    when it names its author ("a Hamas attack", "the Labour rally"), not, before an attack
    noun, a plain organisation or person, which is the target or the place ("the Charlie
    Hebdo attack", "the Kennedy assassination")."""
    if slot != "modifier":
        return True
    entity = table.at(phrase)
    if entity is None:
        return False
    if rule == "name-before":
        return entity.type in ACTING_TYPES
    return cls not in ATTACK_FAMILY or entity.type not in ("Organization", "Person")


def _place_anchors(head: Token) -> list[Token]:
    """Words besides the trigger whose locative phrases say where it happened: the verb
    of a trigger subject or of the subject it qualifies ("a drone strike killed two soldiers
    near Sanaa", "the explosion was at the station", "the bombing campaign killed 40 near
    X"), a trigger verb's object ("attacked a police post in Helmand"), what a trigger
    subject struck ("the blast hit a market in X") and what a trigger agent struck ("the
    building in X was destroyed by an explosion")."""
    anchors: list[Token] = []
    struck = head if head.pos_ == "VERB" else striking_verb(head)
    subject = head.head if head.dep_ == "compound" and head.head.pos_ == "NOUN" else head
    qualified = subject is not head  # "the bombing campaign", not "the bombing suspects"
    if subject.dep_ == "nsubj" and subject.head.pos_ in ("VERB", "AUX"):
        if not qualified or struck is not None:
            anchors.append(subject.head)  # also "the bombing campaign killed 40 near X"
    if struck is not None:  # also "the blast hit a market in X"
        anchors.extend(c for c in struck.children if c.dep_ == "dobj")
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        verb = head.head.head
        anchors.extend(c for c in verb.children if c.dep_ == "nsubjpass")
    return anchors


def _winners(head: Token, table: EntityTable) -> list[RoleFinding]:
    """ "the winner of the election, X" and "X won the election"."""
    found: list[RoleFinding] = []
    holders: list[Token] = []
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_ == "winner":
        winner = head.head.head
        holders = [c for c in winner.children if c.dep_ == "appos"]
        if winner.dep_ in ("nsubj", "attr"):
            holders += [
                c for c in winner.head.children if c.dep_ in ("attr", "nsubj") and c is not winner
            ]
        anchor = winner
    elif head.dep_ == "dobj" and head.head.lemma_ == "win":
        anchor = head.head
        holders = [c for c in anchor.children if c.dep_ == "nsubj"]
    else:
        return found
    for holder in holders:
        for entity, span in actors_in_phrase(holder, table):
            found.append(RoleFinding("winner", entity, None, span, attribute(anchor), "winner"))
    return found


def _blamed(head: Token, table: EntityTable) -> list[RoleFinding]:
    """ "attacks ..., which Washington blames on militias, including Kataib Hezbollah"."""
    found: list[RoleFinding] = []
    for token in head.subtree:
        if token.lemma_ != "blame" or token.pos_ != "VERB":
            continue
        if dependency_distance(token, head) > 4:
            continue
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != "on":
                continue
            for pobj in prep.children:
                for phrase in with_examples(pobj):
                    for entity, span in actors_in_phrase(phrase, table):
                        found.append(
                            RoleFinding(
                                "perpetrator", entity, None, span, attribute(token), "blame"
                            )
                        )
    return found


def _collective(subject: Token, table: EntityTable, verb: Token) -> list[RoleFinding]:
    """Unnamed crowds ("their supporters") as one actor named after whom they support."""
    if subject.lower_ not in PEOPLE_NOUNS:
        return []
    doc = subject.doc
    words = doc[subject.left_edge.i : subject.i + 1]
    label = words.text
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ == "PRON":
        antecedent = _previous_subject(subject.sent)
        if antecedent is None:
            return []
        label = f"{subject.text} of {antecedent}"
    label = label[0].upper() + label[1:]
    entity = table.add(words, label, "CommunalGroup", acled_category="Protesters")
    return [RoleFinding("participant", entity, None, words, attribute(verb), "collective-subject")]


def _previous_subject(sentence: Span) -> str | None:
    doc = sentence.doc
    if sentence.start == 0:
        return None
    previous = doc[sentence.start - 1].sent
    for token in previous:
        if token.dep_ == "nsubj" and token.tag_ in ("NNS", "NNPS"):
            return doc[token.left_edge.i : token.i + 1].text
    return None


def salient_roles(sentence: Span, table: EntityTable, cluster: EventCluster) -> list[RoleFinding]:
    """Roles in a sentence that names no trigger but speaks of the salient incident.

    "Kataib Hezbollah was involved", "could not confirm Asaib's role", "Iranian authorities
    had not ordered it", "the PM escaped unharmed when drones were dropped at his residence".
    """
    found: list[RoleFinding] = []
    violent = cluster.event_class in ATTACK_FAMILY
    for token in sentence:
        lower = token.lower_
        if violent and lower in INVOLVEMENT_WORDS:
            holders: list[Token] = []
            if lower in ("involved", "responsible", "behind"):
                verb = token if token.pos_ == "VERB" else token.head
                holders = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            else:
                # "X's role"; not "X's involvement", which headlines use for anyone a case
                # touches ("Y's involvement" over a story about a witness).
                holders = [c for c in token.children if c.dep_ == "poss" and lower != "involvement"]
                # "X claimed responsibility", and "X denied any role": the denial is the
                # same perpetrator claim with the certainty `attribute` reads as denied.
                # A message claims for its author ("leaflets signed by X claimed ...").
                if token.head.lemma_ in RESPONSIBILITY_VERBS and any(
                    c.dep_ == "neg" for c in token.head.children
                ):
                    continue  # "did not claim responsibility": no one claimed
                if token.head.lemma_ in RESPONSIBILITY_VERBS | DENYING_VERBS:
                    holders += claimant_phrases(token.head)
            for holder in holders:
                for entity, span in actors_in_phrase(holder, table):
                    found.append(
                        RoleFinding(
                            "perpetrator", entity, None, span, attribute(token), "involvement"
                        )
                    )
        elif violent and token.lower_ in ("it", "this") and token.dep_ == "dobj":
            verb = token.head
            if verb.lemma_.lower() in SUPPORT_VERBS:
                subject = subject_of(verb)
                if subject is not None:
                    subject = speaker_of(subject) or subject  # "X said they carried it out"
                    for entity, span in actors_in_phrase(subject, table):
                        found.append(
                            RoleFinding(
                                "perpetrator", entity, None, span, attribute(verb), "pronoun-object"
                            )
                        )
        elif violent and lower in ATTACKER_NOUNS and _definite(token):
            for holder in _identified_as(token):
                for entity, span in actors_in_phrase(holder, table):
                    found.append(
                        RoleFinding(
                            "perpetrator", entity, None, span, attribute(token), "attackers-named"
                        )
                    )
        elif violent and token.lemma_ in SURVIVING_VERBS and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "nsubj":
                    for entity, span in actors_in_phrase(child, table):
                        found.append(
                            RoleFinding("target", entity, None, span, attribute(token), "survivor")
                        )
    return found


def _armed(phrase: Token, table: EntityTable) -> bool:
    """Whether a phrase names armed men: an armed group or state force, or a noun for
    attackers ("the rebels", "the gunmen")."""
    owner = table.at(phrase)
    return phrase.lower_ in ATTACKER_NOUNS or (owner is not None and owner.type in ARMED_ACTORS)


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children)


def _identified_as(attackers: Token) -> list[Token]:
    """What a definite noun for the incident's attackers says they are: the noun itself
    with its apposition or "of"/"from" phrase ("the attackers, members of X"; "the gunmen
    from X"), the complement of "be" ("the gunmen were X fighters") or what they belonged
    to ("the assailants belonged to X")."""
    found = [attackers]
    verb = attackers.head
    if attackers.dep_ == "nsubj" and verb.lemma_.lower() == "be":
        found += [c for c in verb.children if c.dep_ == "attr"]
    elif attackers.dep_ == "nsubj" and verb.lemma_.lower() == "belong":
        found += [
            o
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children
            if o.dep_ == "pobj"
        ]
    return found


def victim_roles(
    sentence: Span, table: EntityTable, triggers: set[int], continuing: bool = False
) -> list[tuple[Token, RoleFinding]]:
    """Victims of the sentence's casualty clauses (`extract.roles.casualties.victims`; a
    sentence `continuing` an incident's story gives them to it), the facilities its damage
    clauses name as targets (`extract.roles.casualties.damaged`), and the places where the
    clause says they were hit ("wounding 13 people in Lyon"), each with the verb that says
    so (to find the incident it belongs to)."""
    found: list[tuple[Token, RoleFinding]] = []
    verbs: dict[int, Token] = {}
    for entity, span, verb in victims(sentence, table, triggers, continuing):
        verbs.setdefault(verb.i, verb)
        # "tried to kill X in a bomb attack": aimed at, not harmed
        role = "target" if attempted(verb) else "victim"
        found.append((verb, RoleFinding(role, entity, None, span, attribute(verb), "casualty")))
    for entity, span, verb in damaged(sentence, table, triggers, continuing):
        found.append((verb, RoleFinding("target", entity, None, span, attribute(verb), "damage")))
    for verb in verbs.values():
        for entity, span in places_on(verb, table):
            found.append(
                (verb, RoleFinding("place", entity, None, span, attribute(verb), "casualty-place"))
            )
    return found


def weapons_in(sentence: Span, weapon_spans: Sequence[Span]) -> list[Span]:
    """The weapons inside `sentence`, from `weapon_spans` sorted and not overlapping (as
    `filter_spans` leaves them): found by bisection, not by a pass over every weapon of the
    text for each sentence."""
    found: list[Span] = []
    index = bisect_left(weapon_spans, sentence.start, key=lambda w: w.start)
    while index < len(weapon_spans) and weapon_spans[index].end <= sentence.end:
        found.append(weapon_spans[index])
        index += 1
    return found


def place_near_weapons(
    sentence: Span, weapons: list[Span], table: EntityTable
) -> list[RoleFinding]:
    """A locative phrase on the clause that moves the weapon ("dropped at his residence")."""
    found: list[RoleFinding] = []
    for weapon in weapons:
        verb = weapon.root.head
        for _ in range(3):
            if verb.pos_ == "VERB":
                break
            verb = verb.head
        for entity, span in places_on(verb, table):
            found.append(
                RoleFinding("place", entity, None, span, attribute(verb), "weapon-locative")
            )
    return found


USING_VERBS = frozenset(
    {"plant", "place", "leave", "hurl", "throw", "lob", "toss", "detonate", "set", "fire",
     "launch", "drop", "use", "hide", "attach", "park"}
)  # fmt: skip
"""Verbs of putting a weapon to use (placing, throwing, setting off, firing): whoever does
it is the author of the incident the weapon served ("the bomb had been planted by X", "X
placed a bomb", "a grenade thrown by X"). Finding, defusing or seizing a weapon is no use."""


def weapon_users(weapon: Span, table: EntityTable) -> list[RoleFinding]:
    """The perpetrators a clause that puts `weapon` to use names: the subject of the using
    verb whose object it is, or the "by" agent of the passive or participle that has it as
    its subject or noun ("a bomb which had been placed by X", "a grenade thrown by X"); and
    the owner of a weapon that acts itself ("the army's drones hit X",
    `_acting_weapon_owners`)."""
    root = weapon.root
    holders: list[tuple[Token, Token]] = []
    verbs = [root.head] if root.dep_ in ("dobj", "nsubjpass") else []
    verbs += [c for c in root.children if c.dep_ in ("acl", "relcl")]
    for verb in verbs:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in USING_VERBS:
            continue
        if negated_clause(verb):
            continue  # "the bomb had not been planted by X"
        if root.dep_ == "dobj" and verb.i == root.head.i:
            subject = subject_of(verb)
            if subject is not None:
                holders.append((speaker_of(subject) or subject, verb))
        holders += [
            (pobj, verb)
            for agent in verb.children
            if agent.dep_ == "agent"
            for pobj in agent.children
            if pobj.dep_ == "pobj"
        ]
    found: list[RoleFinding] = []
    for holder, verb in holders:
        if table.at(holder) is None:
            holder = pronoun_antecedent(holder, table) or group_antecedent(holder, table) or holder
        named = denoted_actors(holder, "perpetrator", table)
        for entity, span in described_actors(holder, "perpetrator", table, named):
            found.append(
                RoleFinding("perpetrator", entity, None, span, attribute(verb), "weapon-user")
            )
    return found + _acting_weapon_owners(root, table)


OF_PREP = frozenset({"of"})
OWNER_DEPS = frozenset({"poss", "compound", "amod"})
"""What says whose a weapon is before its noun: "the army's drones", "coalition warplanes",
"Tessan jets"."""


def _acting_weapon_owners(root: Token, table: EntityTable) -> list[RoleFinding]:
    """The owner of a weapon that acts ("warplanes of the coalition struck a depot", "the
    army's drones hit a house", "strikes carried out by government aircraft"): whose the
    weapon is did what it did. Only a weapon that is a verb's subject or agent acts; a
    weapon seized, found or shown ("police seized the militia's rifles") was not used by
    its owner there, and a maker's mark ("Russian-made jets") hangs on "made", not on the
    weapon."""
    if root.dep_ == "nsubj":
        verb = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "agent":
        verb = root.head.head
    else:
        return []
    if verb.pos_ != "VERB" or negated_clause(verb):
        return []
    owners = [c for c in root.children if c.dep_ in OWNER_DEPS] + objects_of(root, OF_PREP)
    found: list[RoleFinding] = []
    for owner in owners:
        for entity, span in denoted_actors(owner, "perpetrator", table):
            if entity.type in OWNING_TYPES:
                found.append(
                    RoleFinding("perpetrator", entity, None, span, attribute(verb), "weapon-owner")
                )
    return found


OWNING_TYPES = ACTING_TYPES | {"Organization"}
"""Actors that can own and use weapons of war (a person's "his rifle" is read elsewhere)."""
