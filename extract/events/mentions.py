"""What happened: trigger spans become event mentions.

Each trigger the rulers found is read in its context (a hazard told with the words of war,
a word in a peaceful sense, a hypothetical) and, when it reports an event, becomes a mention
with its class (the `mentions` stage leaves them as `doc._.ck_mentions`); `coref` then groups
the mentions of one incident into one event.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..inputs import article_anchor
from ..language import Lexicon, TriggerRecord, doers_of, objects_of, positions
from ..model import NonSpecificReason
from ..nlp import TRIGGERS_KEY, WEAPON
from .learned import reported_incidents
from .senses import (
    ACCIDENT,
    ACCIDENT_NOUNS,
    FIRES,
    HAZARDS,
    PLACE_PREPS,
    blaze,
    caused_by_attack,
    deliberate,
    effect_of_other_event,
    hazard_reading,
    is_explosion,
    labour_strike,
    negated,
    non_conflict_sense,
    renames_told_event,
)
from .shared import (
    AIMING_PREPOSITIONS,
    ARMED_ACTORS,
    ARMED_WORDS,
    ATTACK_FAMILY,
    CROWD_CLASSES,
    CROWD_CONTROL,
    HARM_LEMMAS,
    PROPERTY_DESTRUCTION,
    STATE_FORCE_WORDS,
    STATEMENTS,
    VIOLENT,
    EventMention,
)
from .specificity import claims_follow_incidents, date_precision, is_headline, split_specific
from .subevents import ARMED_PHRASE_WORDS, CIVILIAN_PHRASE_WORDS, PROTEST_WORDS

__all__ = ["find", "find_mentions"]

HYPOTHETICAL_GOVERNORS = frozenset(
    {"fear", "threaten", "plan", "want", "hope", "prevent", "avoid", "urge"}
)
"""Verbs whose complement has not happened ("plans to attack"). Not "try" or "seek": an
attempted attack took place, and ACLED codes it ("tried to storm a police station")."""
DEFINITE = frozenset({"the", "this", "that", "its", "their", "his", "her", "these", "those"})


TERRITORY_NOUNS = frozenset(
    {"village", "villages", "town", "towns", "city", "district", "districts", "area", "areas",
     "base", "bases", "region", "province", "territory", "airport", "port", "camp", "hill",
     "hills", "neighbourhood", "neighborhood", "positions", "outpost", "checkpoint", "road",
     "highway", "border", "crossing", "oilfield", "dam", "bridge", "county", "capital"}
)  # fmt: skip


def _is_hypothetical(token: Token) -> bool:
    """ "fearing he could reach an agreement", "they were about to attack": an event that
    has not happened."""
    governor = token if token.pos_ == "VERB" else token.head
    for _ in range(3):
        if governor.pos_ == "VERB" or governor.pos_ == "AUX":
            break
        governor = governor.head
    if token is not governor and token.dep_ in ("nsubj", "nsubjpass"):
        return False
    if token.dep_ == "xcomp" and token.head.lemma_ in HYPOTHETICAL_GOVERNORS:
        return True  # "vowed to hit back", "plans to attack"
    if governor.dep_ == "xcomp" and governor.head.lower_ == "about" and governor.head.pos_ == "ADJ":
        return True  # "were about to be attacked": the prospective, not yet happened
    if any(c.lower_ in ("could", "would", "might", "may") for c in governor.children):
        if any(a.lemma_ in HYPOTHETICAL_GOVERNORS for a in governor.ancestors):
            return True
    return any(c.dep_ == "mark" and c.lower_ == "if" for c in governor.children)


WEAPON_NOUNS = frozenset(
    {"weapons", "weapon", "arms", "ammunition", "ammunitions", "rounds", "explosives", "guns",
     "pistols", "rifles", "cache", "caches", "bullets", "grenades", "ieds", "devices", "device",
     "packages", "mines", "landmines", "rockets", "missiles", "drones", "bombs", "magazines",
     "munitions", "detonators"}
)  # fmt: skip


BASE_NOUNS = frozenset(
    {"base", "bases", "post", "posts", "outpost", "outposts", "headquarters", "camp", "camps",
     "checkpoint", "checkpoints", "garrison", "airbase", "airfield"}
)  # fmt: skip


def _window(span: Span) -> Span:
    return span.doc[span.end : min(span.end + 8, span.sent.end)]


def _ground_taken(span: Span) -> list[Token]:
    """Where ground may be named: the words after the trigger ("captured the village"),
    and the head of its subject or passive subject with its compounds ("the district was
    captured by militiamen", "the town fell to the rebels"); not the rest of the subject
    ("troops from the city captured the rebel leader"). Nor an "as" phrase, which says
    what the doer becomes ("takes over as governor of the province"), not what was taken."""
    heads = [c for c in span.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    heads += [c for h in heads for c in h.children if c.dep_ in ("compound", "conj")]
    role = {
        t.i
        for c in span.root.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for t in c.subtree
    }
    return [*(t for t in _window(span) if t.i not in role), *heads]


PERSON_WORDS = frozenset({"suspect", "suspects", "leader", "commander", "ringleader"})
"""Nouns for one person taken, besides `CAPTIVE_NOUNS`."""


def _is_person(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lower_ in CAPTIVE_NOUNS | PERSON_WORDS


def _object_heads(span: Span) -> list[Token]:
    """The heads of what a one-word verb of taking took: its object or passive subject and
    their conjuncts ("captured the suspect and his driver"); empty for phrases ("took
    control of")."""
    root = span.root
    if len(span) > 1 or root.pos_ != "VERB":
        return []
    objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
    return objects + [c for o in objects for c in o.children if c.dep_ == "conj"]


QUANTITY_NOUNS = frozenset(
    {"quantity", "quantities", "amount", "amounts", "number", "total", "haul", "lot", "lots",
     "consignment", "consignments", "shipment", "shipments", "batch", "supply", "supplies",
     "kind", "kinds", "type", "types", "variety", "range", "assortment", "collection", "set",
     "pile", "box", "boxes", "crate", "crates", "bag", "bags", "truckload", "dozens",
     "hundreds", "thousands", "tons", "tonnes", "kilograms", "kg"}
)  # fmt: skip
"""Nouns that measure what was seized: "a total of 20 rifles", "quantities of explosives"."""
STORAGE_NOUNS = frozenset(
    {"cache", "caches", "stash", "stashes", "stockpile", "stockpiles", "depot", "depots",
     "store", "stores", "storehouse", "warehouse", "warehouses", "arsenal", "arsenals",
     "hideout", "hideouts", "bunker", "bunkers", "workshop", "workshops", "factory",
     "factories", "storage"}
)  # fmt: skip
"""Places that hold weapons: a hideout "used to store arms" found is a weapons find, so
the whole of their phrase counts."""


def _what_was_acted_on(span: Span) -> list[Token]:
    """The thing found or seized: the object's or passive subject's head with its
    modifiers and conjuncts ("seized nine pistols", "pistols and rifles were seized"),
    what a quantity noun measures ("a total of 20 rifles"), anything a store of weapons
    is said to hold ("a hideout used to store arms"); a trigger noun's "of" phrase
    ("the seizure of weapons"). Not the object's other attachments: in "found the launch
    site of the drone" the site was found, not the drone. With no object in the tree (nor
    a clause the parser made of it), the words after the trigger."""
    root = span.root
    heads = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
    if root.pos_ != "VERB":
        heads += [
            pobj
            for prep in root.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
    if not heads:
        # "found the site of the rockets fired at ..." misparsed as a clause: its subject.
        heads = [
            subject
            for clause in root.children
            if clause.dep_ == "ccomp"
            for subject in clause.children
            if subject.dep_ == "nsubj"
        ]
    if not heads:
        return list(_window(span))
    tokens: list[Token] = []
    while heads:
        head = heads.pop()
        tokens.append(head)
        if head.lower_ in STORAGE_NOUNS:
            tokens.extend(head.subtree)
            continue
        for child in head.children:
            if child.dep_ in ("compound", "amod", "conj", "nmod", "appos"):
                heads.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of" and head.lower_ in QUANTITY_NOUNS:
                heads.extend(c for c in child.children if c.dep_ == "pobj")
    return tokens


DIPLOMATIC_NOUNS = frozenset(
    {"diplomat", "diplomats", "ambassador", "ambassadors", "envoy", "envoys", "embassy",
     "embassies", "consulate", "consulates", "consul", "consuls", "attache", "attaches",
     "chargé", "charge", "diplomatic", "legation"}
)  # fmt: skip
"""What is expelled, closed or recalled when the act is diplomatic (PLOVER SANCTION, expel)."""
OWN_POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})
"""A state closing *its own* mission withdraws it; closing another's is the sanction."""
CONTRABAND_NOUNS = frozenset(
    {"drug", "drugs", "narcotics", "narcotic", "heroin", "cocaine", "cannabis", "marijuana",
     "hashish", "hash", "methamphetamine", "meth", "opium", "ketamine", "amphetamine",
     "amphetamines", "captagon", "tramadol", "fentanyl", "steroids", "pills", "contraband",
     "counterfeit", "fake", "smuggled", "cigarettes", "ivory", "liquor"}
)  # fmt: skip
"""What a seizure takes when it is a blow to crime rather than to an armed group."""
SUBSTANCE_NOUNS = frozenset(
    {"gas", "oil", "crude", "fuel", "petrol", "diesel", "gasoline", "chemical", "chemicals",
     "ammonia", "chlorine", "toxic", "radioactive", "radiation", "sewage", "waste", "water",
     "acid", "cyanide", "oxygen", "methane", "propane", "tank", "tanks", "tanker", "pipe",
     "pipes", "pipeline", "pipelines", "cylinder", "valve", "reactor", "plant", "factory"}
)  # fmt: skip
"""What leaks or spills as a hazard (or holds it); a leaked report or secret is no spill."""
ABSTRACT_NOUNS = frozenset(
    {"market", "markets", "stock", "stocks", "share", "shares", "price", "prices", "currency",
     "economy", "economic", "financial", "system", "server", "servers", "computer", "website",
     "software", "app", "talks", "party", "coalition", "government"}
)  # fmt: skip
"""What crashes without anyone being hurt: a market, a currency, a website."""


PROPERTY_NOUNS = frozenset(
    {"house", "houses", "home", "homes", "hut", "huts", "dwelling", "dwellings", "building",
     "buildings", "shop", "shops", "store", "stores", "stall", "stalls", "market", "markets",
     "business", "businesses", "property", "properties", "vehicle", "vehicles", "car", "cars",
     "truck", "trucks", "bus", "buses", "church", "churches", "mosque", "mosques", "temple",
     "temples", "school", "schools", "clinic", "clinics", "office", "offices", "granary",
     "granaries", "crops", "farms", "farm", "barn", "barns", "warehouse", "warehouses",
     "compound", "compounds", "premises", "livestock", "village", "villages", "homestead",
     "homesteads", "tents", "shelters"}
)  # fmt: skip
"""What is destroyed, burnt or razed when the act is destruction of property (ACLED
PROPERTY_DISTRUCT): homes, shops, vehicles, places of worship, crops."""
CROWD_DOERS = frozenset(
    {"mob", "mobs", "crowd", "crowds", "rioters", "protesters", "protestors", "demonstrators",
     "youths", "vigilantes"}
)  # fmt: skip
"""Unarmed crowds whose destruction of property ACLED counts as well."""
MILITARY_MODIFIERS = frozenset(
    {"armored", "armoured", "military", "army", "police", "enemy", "troop", "patrol"}
)
"""What makes a vehicle or a building the other side's materiel, not civilian property."""
CAPTIVE_NOUNS = frozenset(
    {"man", "men", "woman", "women", "child", "children", "girl", "girls", "boy", "boys",
     "people", "person", "persons", "villagers", "residents", "civilians", "workers", "worker",
     "students", "student", "pupils", "schoolgirls", "schoolchildren", "passengers",
     "journalists", "journalist", "traders", "farmers", "herders", "tourists", "foreigners",
     "foreigner", "priest", "priests", "pastor", "nun", "nuns", "teachers", "doctors",
     "nurses", "engineers", "officials", "official", "chief", "chiefs", "hostages", "family",
     "relatives", "son", "daughter", "wife", "husband", "brother"}
)  # fmt: skip
"""Nouns for people, whom armed men take as captives ("seized two aid workers")."""
ARMED_LABELS = frozenset({"ArmedGroup", "StateForce"})
"""Entity labels the gazetteer ruler gives armed actors."""
ARMED_DOERS = frozenset(
    {"gunmen", "gunman", "attackers", "attacker", "assailants", "assailant", "bandits",
     "terrorists", "terrorist", "raiders", "shooter", "shooters", "sniper", "snipers",
     "bomber", "bombers", "kidnappers", "jihadist", "insurgent", "militant", "rebel",
     "fighter", "extremists", "extremist", "militiamen", "militiaman", "guerrillas",
     "commandos", "paramilitaries", "separatists", "mercenaries"}
)  # fmt: skip
"""Words for those who kill by intent, beyond the fighters of `ARMED_WORDS` (not the
singular "guerrilla", which qualifies as often as it names: "guerrilla marketing")."""
GANG_NOUNS = frozenset({"gang", "gangs", "individual", "individuals", "youths", "youth",
                        "neighbour", "neighbor", "neighbours", "neighbors"})  # fmt: skip
"""Nouns for people who act together or alone, beyond the captives' and fighters' words."""
HUMAN_WORDS = (
    CAPTIVE_NOUNS | PERSON_WORDS | ARMED_DOERS | ARMED_WORDS | CROWD_DOERS | GANG_NOUNS
) - {"checkpoint", "convoy", "positions", "outpost", "garrison", "family"}
"""Nouns for people (not the places and columns `ARMED_WORDS` holds for armed forces)."""


def _weapon_is_subject(span: Span, weapon_tokens: set[int]) -> bool:
    """ "a car bomb hit a checkpoint", "rockets slammed into the base", "two soldiers were
    killed by a roadside bomb": a verb of harm whose doer is a weapon reports the attack
    that weapon made, typed by the weapon downstream; so does one whose instrument or cause
    is a weapon or a wound (`_weapon_cause`: "killed with a machete", "died of gunshot
    wounds"). "The storm hit the coast" and "he hit the ball" name no weapon and no attack."""
    root = span.root
    doers = doers_of(root, relative=True, controlled=True)
    if not doers and root.dep_ == "advcl" and root.tag_ == "VBG" and not _told(root.head):
        # "a grenade was thrown into a bar, injuring three": the participle's doer is
        # its clause's subject (when that clause is no attack already told)
        doers = [c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    doers += [c for d in doers for c in d.children if c.dep_ == "conj"]
    # The doer's head itself: in "the drone strike hit the depot" the doer is the strike,
    # an attack already reported, and "hit" is that attack's verb, not a second one.
    return any(t.i in weapon_tokens for t in doers) or _weapon_cause(root, weapon_tokens)


GOAL_PREPOSITIONS = frozenset({"at", "into", "toward", "towards", "onto", "on", "upon"})
"""Prepositions that name where a thing sent through the air was aimed or landed."""


def _weapon_sent(verb: Token, weapon_tokens: set[int]) -> bool:
    """ "a grenade was thrown at the convoy", "militants lobbed two grenades into the
    market", "rockets were launched towards the airport": a verb of sending whose thing sent (its
    object or passive subject) is a weapon and that names where it was aimed is an attack
    with that weapon, typed by the weapon downstream. "The ball was thrown at the
    goalkeeper" sends no weapon; "the grenades were thrown away" and "the fleeing soldiers
    tossed their rifles aside" aim at nothing."""
    if verb.pos_ != "VERB":
        return False
    sent = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    sent += [c for t in sent for c in t.children if c.dep_ == "conj"]
    if not any(t.i in weapon_tokens for t in _modified(sent)):
        return False
    return any(_aimed_at(goal, verb) for goal in objects_of(verb, GOAL_PREPOSITIONS))


TIME_LABELS = frozenset({"DATE", "TIME"})
LANDING_PREPOSITIONS = frozenset({"into", "onto"})
PEOPLE_OR_BUILDINGS = CIVILIAN_PHRASE_WORDS | ARMED_PHRASE_WORDS | STATE_FORCE_WORDS | PROTEST_WORDS


def _aimed_at(goal: Token, verb: Token) -> bool:
    """Whether a goal phrase names something a weapon can be aimed at. "On Monday" and "at
    dawn" tell when; a weapon sent "into" or "onto" something lands there, which is an
    attack when it is people, a named place or a building full of them, or hurt someone
    ("lobbed grenades into a market, wounding six"), not when it is the sea, orbit or a
    lake ("launched a missile into the sea", "threw the seized grenades into the lake")."""
    if goal.ent_type_ in TIME_LABELS:
        return False
    if goal.head.lower_ not in LANDING_PREPOSITIONS:
        return True
    if goal.ent_type_ or goal.lower_ in PEOPLE_OR_BUILDINGS or goal.lower_ == "crowd":
        return True
    return any(t.lemma_.lower() in HARM_LEMMAS for t in verb.subtree)


WOUND_CAUSES = frozenset(
    {"gunshot", "gunshots", "bullet", "bullets", "shrapnel", "stab", "knife", "machete",
     "wounds", "wound"}
)  # fmt: skip
"""What a violent death or injury is "of" or "from": "died of gunshot wounds", "died of his
wounds", "injured by shrapnel" (injuries, illness and burns say nothing of an attacker)."""


def _weapon_cause(verb: Token, weapon_tokens: set[int]) -> bool:
    """ "killed his neighbour with a machete", "died of gunshot wounds", "perished from
    stab wounds": a death or injury whose instrument or cause is a weapon or a wound is
    violent, whoever is named as its doer, unless the sentence names a hazard or an
    accident for the wound; "died of cancer", "killed with kindness" and "injured in a
    fall" are not."""
    if verb.pos_ != "VERB":
        return False
    causes = _modified(objects_of(verb, frozenset({"with", "of", "from"})))
    if any(t.i in weapon_tokens for t in causes):
        return True
    if _weapon_in_occasion(verb) and not _hazard_in(verb.sent):
        return True
    # A wound alone says nothing of its cause: "died of head wounds after a road accident".
    return any(t.lower_ in WOUND_CAUSES for t in causes) and not _hazard_in(verb.sent)


OCCASION_MARKERS = frozenset({"when", "after", "as"})
"""Subordinators of a clause that tells what was happening when someone was hurt."""


def _weapon_in_occasion(verb: Token) -> bool:
    """ "killed when he stepped on a landmine", "wounded after their bus hit a roadside
    bomb", "injured as they played with a grenade": a death or injury whose "when"/"after"/
    "as" clause has an explosive weapon as its subject, object or the object of its
    preposition was caused by that weapon. "Killed when his car hit a tree" and "died after
    he bought a rifle" name none, and an accident the sentence names is no attack."""
    # "two were killed and five wounded when a grenade ...": the clause tells the occasion
    # of every verb of the coordination, wherever the parser hangs it
    clauses = [
        clause
        for coordinated in (verb, *verb.conjuncts)
        for clause in coordinated.children
        if clause.dep_ == "advcl"
        and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in OCCASION_MARKERS for c in clause.children
        )
    ]
    if not clauses:
        return False
    explosives = _explosive_tokens(verb.doc)  # weapon tokens of an explosive's class
    for clause in clauses:
        args = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        args += objects_of(clause, frozenset(p.lower_ for p in clause.children))
        if any(t.i in explosives for t in _modified(args)):
            return True
    return False


EXPLOSIVE_CLASSES = frozenset({"Bombing", "Shelling"})
"""Weapon classes that go off where they are touched or land (mines, bombs, grenades,
shells): what a "when"/"after" clause can name as a cause of death without a doer."""


def _explosive_tokens(doc: Doc) -> set[int]:
    """Tokens of the weapon names whose lexicon class is an explosive's: "killed when he
    stepped on a landmine" was; "died after he bought a rifle" was not."""
    weapons = doc._.ck_lexicon.weapons
    return {
        i
        for span in doc.spans.get(TRIGGERS_KEY, [])
        if span.label_ == WEAPON
        and span.id_ in weapons
        and weapons[span.id_].event_class in EXPLOSIVE_CLASSES
        for i in range(span.start, span.end)
    }


def _told(token: Token) -> bool:
    """Whether the token is a violent trigger word itself ("struck", "exploded")."""
    spans = token.doc.spans.get(TRIGGERS_KEY, [])
    return any(s.label_ in ATTACK_FAMILY and s.start <= token.i < s.end for s in spans)


def _instance(noun: Token) -> bool:
    """ "the murder of X", "a murder in Kano", "his murder", "two homicides": a noun that
    names one act (a determiner, a possessor, a number or what it was done to), not the
    crime in general ("found guilty of murder", "murder rates")."""
    return any(
        c.dep_ in ("det", "poss", "nummod") or (c.dep_ == "prep" and c.lower_ == "of")
        for c in noun.children
    )


def _to_death(verb: Token) -> bool:
    """ "a crowd beat a man to death", "he was stoned to death", "hacked two farmers to
    death": blows that killed someone, whoever dealt them (a crowd, residents, unnamed
    assailants), with the one killed as object or passive subject."""
    if verb.pos_ != "VERB":
        return False
    dead = any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
        for c in verb.children
    )
    return dead and any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)


def _armed_doer(span: Span) -> bool:
    """ "gunmen killed ten villagers", "the wounded were shot by militants", "Rossi killed
    his neighbour": a verb of killing whose doer is armed (an armed actor of the gazetteer
    or a word for fighters) or a named person (in a sentence with no hazard nor accident)
    reports an attack; "the flood killed ten" and "cancer killed him" do not. Doers named
    by the group they belong to are that group ("members of the Red Dawn Front")."""
    # "abducted a teacher and killed his brother": the second verb has the first's doers
    doers = doers_of(span.root, relative=True, controlled=True, shared="first")
    if any(t.ent_type_ == "PERSON" for t in doers) and not _hazard_in(span.sent):
        return True  # "Rossi shot his neighbour", "killed by Rossi": a person did it
    groups = [o for d in doers for p in d.children if p.lower_ in ("of", "from")
              for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    return _armed(_modified(doers + groups), ARMED_WORDS | ARMED_DOERS)


HUMAN_KILLING_VERBS = frozenset({"kill", "murder", "slaughter", "slay"})
"""Verbs of killing that report an attack when people kill people, armed or not (issue 16:
a death a person caused is an attack unless the text says better)."""
COLLECTIVE_PEOPLE_NOUNS = frozenset({"group", "groups", "band", "bands"})
"""Nouns that are people only through their "of" phrase ("a group of men", not "a group of
companies")."""
ROAD_USERS = frozenset(
    {"driver", "drivers", "motorist", "motorists", "pilot", "pilots", "cyclist", "cyclists",
     "motorcyclist", "motorcyclists", "trucker", "truckers"}
)  # fmt: skip
"""People whose killing is as often a traffic accident as an act: "a drunk driver killed"."""
HUMAN_SUFFIXES = ("man", "men", "woman", "women", "er", "ers", "or", "ors", "ist", "ists",
                  "ian", "ians", "ant", "ants", "ent", "ents")  # fmt: skip
"""Endings of nouns for people by what they do (a trader, a lawyer, a policeman, a
journalist, a resident): read for the killed only, never for the killer."""
NOT_PEOPLE_ENDINGS = frozenset(
    {"power", "water", "order", "matter", "number", "paper", "border", "corner", "letter",
     "chapter", "answer", "career", "computer", "server", "timer", "buzzer", "monitor",
     "mirror", "error", "rumour", "rumor", "humour", "humor", "favour", "favor", "honour",
     "honor", "colour", "color", "labour", "labor", "sector", "factor", "motor", "tractor",
     "reactor", "anchor", "filter", "cancer", "fever", "tumour", "tumor",
     "poison", "poisons", "moment", "momentum", "element", "argument", "treatment",
     "agreement", "movement", "government", "parliament", "settlement", "plant", "plants",
     "event", "events", "content", "talent", "accent", "percent", "elephant", "elephants",
     "restaurant", "bunker"}
)  # fmt: skip
"""Nouns with an ending of `HUMAN_SUFFIXES` that name no one ("killed the power")."""


def _human(token: Token, *, by_ending: bool = False) -> bool:
    """Whether a noun phrase's head names people: a person's name, a word for people
    (captives, suspects, fighters, crowds, gangs) or a group of them ("a group of men");
    with `by_ending`, a noun for people by what they do (`HUMAN_SUFFIXES`). A count with
    no noun ("killed two") is people when `by_ending` (said of the killed)."""
    if token.ent_type_ == "PERSON":
        return True  # not a pronoun: the parse cannot tell whether "they" are the floods
    if token.lower_ in COLLECTIVE_PEOPLE_NOUNS:
        members = [o for p in token.children if p.lower_ == "of" for o in p.children
                   if o.dep_ == "pobj"]  # fmt: skip
        return any(_human(m, by_ending=by_ending) for m in members)
    word = token.lower_
    if word in HUMAN_WORDS:
        return True
    if not by_ending:
        return False
    if token.pos_ == "NUM" or (token.pos_ == "NOUN" and word in QUANTITY_NOUNS):
        of = [o for p in token.children if p.lower_ == "of" for o in p.children
              if o.dep_ == "pobj"]  # fmt: skip
        return all(_human(o, by_ending=True) for o in of)  # "killed two", "dozens of men"
    if token.pos_ != "NOUN" or len(word) <= 4 or word in NOT_PEOPLE_ENDINGS:
        return False
    return word.endswith(HUMAN_SUFFIXES)


def _thing_caused_it(verb: Token, weapon_tokens: set[int]) -> bool:
    """ "A man killed three pedestrians when his car mounted the pavement": a killing whose
    occasion clause ("when", "after", "as") has the doer's thing for its subject (no person,
    no weapon, no violent act) was done by that thing, as in an accident, not by the doer's
    deliberate act. "Drove his car into the crowd" (the driver is the subject), "when he
    opened fire" and "when their bomb went off" stay attacks."""
    occasions = [
        c for c in verb.children if c.dep_ == "advcl" and _peaceful_occasion(c, weapon_tokens)
    ]
    if not occasions:
        return False
    doers = doers_of(verb, relative=True, controlled=True, shared="first")
    for clause in occasions:
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and doers and all(_owned_thing(s, doers[0]) for s in subjects):
            return True
    return False


def _owned_thing(noun: Token, doer: Token) -> bool:
    """ "his car" of "a man", "their lorry" of "soldiers": a noun the doer's possessive
    pronoun owns (its number agrees with the doer's) that names no person nor group of
    people ("her family", "his men" are people; "the argument" is owned by nobody, and
    "their quarrel" is not one man's)."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    number = doer.morph.get("Number")
    if not owners or not number or owners[0].morph.get("Number") != number:
        return False
    return not _human(noun, by_ending=True) and noun.lower_ not in CAPTIVE_NOUNS


def _people_kill_people(span: Span) -> bool:
    """ "unknown men killed a trader", "a group of youths killed two farmers", "a lawyer
    was killed by men on a motorbike": a verb of killing (`HUMAN_KILLING_VERBS`) whose doer
    is people and whose killed are people reports an attack, armed or not; "the virus
    killed", "the storm killed", "senators killed the bill", "he killed time", "a drunk
    driver killed a cyclist" (a road user: an accident as often) and a sentence naming a
    hazard or an accident do not."""
    root = span.root
    if root.lemma_.lower() not in HUMAN_KILLING_VERBS or _hazard_in(span.sent):
        return False
    doers = doers_of(root, relative=True, controlled=True, shared="first")
    if not doers or any(d.lower_ in ROAD_USERS for d in doers):
        return False
    if not all(_human(d) for d in doers):
        return False
    killed = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(killed) and all(_human(k, by_ending=True) for k in killed)


def _agentless_killing(span: Span, weapon_tokens: set[int]) -> bool:
    """ "Two villagers were killed in Darel on Monday": a passive verb of killing
    (`HUMAN_KILLING_VERBS`) with no doer, whose killed are people, is a violent death
    (issue 16) when it is the only act of violence the article tells (otherwise the dead
    are the toll of the act told: "were killed in the fighting", "ten were killed" after
    a bombing), the article names no hazard nor accident and the sentence no occasion that
    is not violent ("when their bus overturned"), and the article names weapons or armed
    actors. Without them a bare "were killed" is as often a death at work or on a mountain
    ("two climbers were killed", "five miners were killed"): widened to every article, the
    rule made attacks of three such invented reports out of three, for one village killing
    it found."""
    root = span.root
    if root.lemma_.lower() not in HUMAN_KILLING_VERBS or _hazard_in(span.doc[:]):
        return False
    if not any(c.dep_ == "auxpass" for c in root.children):
        return False
    if doers_of(root, relative=True, controlled=True, shared="first"):
        return False
    killed = [c for c in root.children if c.dep_ == "nsubjpass"]
    if not killed or not all(_human(k, by_ending=True) for k in killed):
        return False
    if any(_peaceful_occasion(c, weapon_tokens) for c in root.children if c.dep_ == "advcl"):
        return False
    if any(
        o.label_ in VIOLENT and o.root.lemma_.lower() not in HUMAN_KILLING_VERBS
        for o in span.doc.spans.get(TRIGGERS_KEY, [])
    ):
        return False
    return bool(weapon_tokens) or _armed(list(span.doc))


def _peaceful_occasion(clause: Token, weapon_tokens: set[int]) -> bool:
    """ "when their bus overturned": an occasion clause that names no weapon and no
    violent act told (`_told`)."""
    if not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in OCCASION_MARKERS for c in clause.children
    ):
        return False
    return not any(t.i in weapon_tokens or _told(t) for t in clause.subtree)


def _destroys_property(span: Span) -> bool:
    """ "militants burned houses", "shops were destroyed by the militia", "a mob torched
    cars": a verb of destruction is destruction of property (a row of class Riot) when its
    doer is armed, a named person or a crowd and what it destroyed is property; "burned the
    midnight oil", "destroyed the opposition in the debate" and "an airstrike destroyed
    homes" (a weapon's effect, see `_weapon_is_subject`) are not."""
    acted_on = _what_was_acted_on(span)
    if not any(t.lower_ in PROPERTY_NOUNS for t in acted_on):
        return False
    if any(t.lower_ in MILITARY_MODIFIERS for t in acted_on):
        return False  # "destroyed an armoured vehicle", "burned army trucks": combat
    doers = doers_of(span.root, relative=True, controlled=True, shared="first")
    return _armed_doer(span) or _armed(_modified(doers), CROWD_DOERS)


def _driven_into_people(span: Span) -> bool:
    """ "rammed a truck into marchers", "ploughed his van into a crowd of shoppers": a verb
    of driving whose object is a thing (no person: "drove the children into town") and
    whose "into" object is people (a plural when read by its ending) is a ramming attack,
    in a sentence that names no hazard nor accident ("his car skidded on the ice"); "drove
    a nail into the wall", "drove a car into the basement" and "rammed his car into a lamp
    post" hit no one."""
    root = span.root
    if root.pos_ != "VERB" or _hazard_in(span.sent):
        return False
    driven = [c for c in root.children if c.dep_ == "dobj"]
    if not driven or any(_human(d, by_ending=True) for d in driven):
        return False
    hit = objects_of(root, frozenset({"into"}))
    members = [o for h in hit for p in h.children if p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    return any(_human(h) or _plural_people(h) for h in hit + members)


def _plural_people(noun: Token) -> bool:
    """A plural noun for people by what they do ("marchers", "shoppers"); a singular
    ending is too loose a sign of people for a thing driven into ("the basement")."""
    return noun.morph.get("Number") == ["Plur"] and _human(noun, by_ending=True)


def _purpose_of_same_class(span: Span) -> bool:
    """ "travelled to Baghdad to meet militia leaders": a verb whose purpose clause (an
    infinitive with "to", or "in order to") holds a trigger of the verb's own class is
    that event's first step, so it tells the event and its place; "a lorry travelling near
    X" has no such purpose and tells no event."""
    root = span.root
    # the parser often hangs the purpose on the last noun of an adjunct ("travelled to X
    # after the attack to meet ...": "to meet" an acl of "attack")
    adjuncts = [o for p in root.children if p.dep_ == "prep"
                for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    purposes = [
        c
        for head in [root, *adjuncts]
        for c in head.children
        if c.dep_ in ("advcl", "xcomp", "acl")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    triggers = span.doc.spans.get(TRIGGERS_KEY, [])
    return any(
        t.label_ == span.label_ and t.start <= clause.i < t.end
        for clause in purposes
        for t in triggers
    )


def _described_armed(verb: Token) -> bool:
    """ "armed men", "masked gunmen": a doer the text calls armed by an adjective."""
    return any(
        c.dep_ == "amod" and c.lower_ == "armed"
        for d in doers_of(verb, relative=True, controlled=True, shared="first")
        for c in d.children
    )


def _abducts(span: Span) -> bool:
    """Armed men (`_armed_doer`, or "armed men") take people away (`_takes_people`)."""
    return _takes_people(span) and (_armed_doer(span) or _described_armed(span.root))


def _takes_people(span: Span) -> bool:
    """ "gunmen seized two aid workers", "three men disappeared after being taken by armed
    men": a verb of taking is an abduction when whom it took are people (a person's name or
    a noun for people), its object or passive subject, or for a passive with no subject of
    its own ("after being taken") the subject of the clause it hangs on; "seized the town"
    and "took the weapons" take no one."""
    root = span.root
    taken = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
    if not taken and any(c.dep_ == "auxpass" for c in root.children):
        clause = root.head.head if root.dep_ == "pcomp" else root.head
        if root.dep_ in ("pcomp", "advcl", "xcomp", "conj"):
            taken = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    taken += [c for t in taken for c in t.children if c.dep_ in ("conj", "compound")]
    return any(t.lower_ in CAPTIVE_NOUNS or t.ent_type_ == "PERSON" for t in taken)


def _hazard_in(sentence: Span) -> bool:
    """Whether the sentence names a hazard or an accident ("killed in a crash he caused")."""
    return any(t.lower_ in HAZARDS or t.lower_ in ACCIDENT_NOUNS for t in sentence)


def _armed(tokens: list[Token], words: frozenset[str] = ARMED_WORDS) -> bool:
    """An armed actor of the gazetteer or of the article's entity table (a group typed
    armed by its context: "the Rivers Front"), or one of `words` for armed people, among
    `tokens`."""
    if any(t.lower_ in words or t.ent_type_ in ARMED_LABELS for t in tokens):
        return True
    table = tokens[0].doc._.ck_entities if tokens else None
    if table is None:
        return False
    return any(
        (entity := table.at(t)) is not None and entity.type in ARMED_ACTORS for t in tokens
    )


def _armed_opponents(span: Span) -> bool:
    """ "troops battled Taliban fighters", "police skirmished with rebels": a verb of
    struggle is a clash only when the side fought is armed, not when someone (soldiers
    too) battles a disease, a fire, floods or for votes. The side fought is the object or
    the "with"/"against" object; with neither, the subject's conjuncts ("troops and rebels
    battled"). It is armed when it is an armed actor of the gazetteer or a word for
    fighters, and no hazard."""
    root = span.root
    opponents = [c for c in root.children if c.dep_ == "dobj" and not _reciprocal(c)]
    opponents += objects_of(root, frozenset({"with", "against"}))
    if not opponents:
        opponents = _sides_among_subjects(root)
    sides = _modified(opponents)
    if any(t.lower_ in HAZARDS or t.lower_ in FIRES for t in sides):
        return False
    described = any(t.dep_ == "amod" and t.lower_ == "armed" for t in sides)  # "armed groups"
    return described or _armed(sides)


def _reciprocal(token: Token) -> bool:
    """ "each other", "one another": an object that names no opponent of its own, so the
    sides are the subject's."""
    return token.lower_ in ("other", "another") and any(
        c.dep_ == "det" and c.lower_ in ("each", "one") for c in token.children
    )


def _sides_among_subjects(verb: Token) -> list[Token]:
    """The sides of a struggle told with no opponent: the subject's conjuncts ("troops and
    rebels battled"), or a plural subject, which holds both sides ("rival militias fought
    for the mine", "two factions fought each other"), with the group its members are "of"
    ("factions of the Red Hand"). A singular subject with no opponent names one side only
    ("the army fought on")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    sides = [c for s in subjects for c in s.children if c.dep_ == "conj"]
    if sides:
        return sides
    plural = [s for s in subjects if s.morph.get("Number") == ["Plur"] and s.pos_ == "NOUN"]
    groups = [o for s in plural for p in s.children if p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    return plural + groups


def _modified(tokens: list[Token]) -> list[Token]:
    """The tokens with their compound and adjective modifiers ("butane cylinder", "diesel
    spill")."""
    return tokens + [c for t in tokens for c in t.children if c.dep_ in ("compound", "amod")]


def _requirement_met(
    requires: str | None,
    span: Span,
    place_tokens: set[int],
    weapon_tokens: set[int],
    attack_tokens: set[int],
) -> bool:
    """Context conditions of ambiguous triggers: "captured the village" is about territory,
    "seized nine pistols" about weapons; "captured the suspect" is neither. "Expelled
    diplomats" is diplomacy (not "expelled students"), "accused of the bombing" attribution
    (an attack trigger in its phrase), "seized heroin" a blow to crime, "ammonia spilled"
    a hazard (not "leaked documents"), "a car crash" an accident (not "a market crash")."""
    if requires is None:
        return True
    if requires == "territory":
        if _abducts(span):
            return False  # "gunmen seized two aid workers on the road": people, not the road
        if any(_is_person(t) for t in _object_heads(span)):
            return False  # "police captured the suspect in Kesh": a person is no ground
        return any(t.i in place_tokens or t.lower_ in TERRITORY_NOUNS for t in _ground_taken(span))
    if requires == "weapons":
        return any(
            t.lower_ in WEAPON_NOUNS or t.i in weapon_tokens for t in _what_was_acted_on(span)
        )
    if requires == "base":
        return any(t.lower_ in BASE_NOUNS for t in _window(span))
    if requires == "armed":
        return _armed_opponents(span)
    if requires == "weapon_subject":
        return _weapon_is_subject(span, weapon_tokens)
    if requires == "to_death":
        return _to_death(span.root)
    if requires == "into_people":
        return _driven_into_people(span)
    if requires == "purpose":
        return _purpose_of_same_class(span)
    if requires == "weapon_theme":
        return _weapon_sent(span.root, weapon_tokens) or _weapon_is_subject(span, weapon_tokens)
    # "armed_subject": the doer decides, and for the classes whose verbs are common ones
    # ("burn", "seize") what was done to whom as well: property destroyed, people taken.
    if requires == "armed_subject" and span.label_ == "Riot":
        return _destroys_property(span)
    if requires == "armed_subject" and span.label_ == "Abduction":
        return _abducts(span)
    if requires == "armed_subject":
        killers = (
            _armed_doer(span)
            or _people_kill_people(span)
            or _agentless_killing(span, weapon_tokens)
        )
        return killers and not _thing_caused_it(span.root, weapon_tokens)
    if requires == "instance":
        return _instance(span.root)
    if requires == "diplomatic":
        acted_on = _what_was_acted_on(span)
        if span.root.lemma_ in ("close", "shut") and any(
            c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for t in acted_on for c in t.children
        ):
            return False  # "closed its embassy as the rebels advanced": evacuation, no sanction
        return any(t.lower_ in DIPLOMATIC_NOUNS for t in _modified(acted_on))
    if requires == "contraband":
        return any(t.lower_ in CONTRABAND_NOUNS for t in _modified(_what_was_acted_on(span)))
    if requires == "attack":
        own_tokens = range(span.start, span.end)
        return any(t.i in attack_tokens and t.i not in own_tokens for t in span.root.subtree)
    root = span.root
    own = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if root.dep_ in ("amod", "acl"):
        own.append(root.head)  # "spilled diesel", "ammonia leaking from the works"
    if root.pos_ != "VERB":
        own += [c for c in root.children if c.dep_ in ("compound", "amod", "nmod")]
        own += [
            c
            for prep in root.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for c in prep.children
        ]
    if requires == "substance":
        return any(t.lower_ in SUBSTANCE_NOUNS for t in _modified(own))
    if requires == "physical":
        return not any(t.lower_ in ABSTRACT_NOUNS for t in _modified(own))
    if requires == "blaze":
        return blaze(root)
    raise ValueError(f"unknown trigger condition {requires!r}")


CASUALTY_VERBS = frozenset({"die", "kill", "injure", "wound", "hurt", "perish"})
"""An arson that kills or injures is an attack on people, not only on property."""
SETTING_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
"""Entity labels that set an explosion in a place or a time of its own."""


def _same_accident(span: Span, accident: EventMention | None) -> bool:
    """ "A boiler exploded at a mill. The explosion was heard for miles": a definite
    explosion in the accident's sentence or the next one refers back to it, unless the words
    since the accident name a place or a time the accident's sentence does not ("On Tuesday
    the blast at the checkpoint ..." is another event), or it has a place of its own."""
    root = span.root
    if accident is None or not is_explosion(root):
        return False
    if not any(c.lower_ in DEFINITE for c in root.children if c.dep_ == "det"):
        return False
    earlier = accident.sentence
    sentence = span.sent
    if sentence.start not in (earlier.start, earlier.end):
        return False
    known = {e.text.lower() for e in earlier.ents if e.label_ in SETTING_LABELS}
    since = span.doc[max(accident.span.end, sentence.start) : span.end]
    if any(e.label_ in SETTING_LABELS and e.text.lower() not in known for e in since.ents):
        return False
    own_places = objects_of(root, PLACE_PREPS)
    return all(t.text.lower() in earlier.text.lower() for t in own_places)


def _reading(
    span: Span,
    acled: str | None,
    weapon_tokens: set[int],
    violent_tokens: set[int],
    other_triggers: set[int],
    accident: EventMention | None,
) -> tuple[str, str | None] | None:
    """(class, ACLED code) the trigger reports in its context, or None when it reports no
    event: a hazard named with the words of war is the hazard; "the explosion" just after an
    accidental one is that accident; a fire or crash an attack caused is that attack (the
    attack of its sentence, or an attack of its own when only the attacker or the weapon is
    named); a work stoppage is a protest; a claim nobody made, a word read in a peaceful
    sense, a destruction that is the effect of another reported event ("demolished by
    the explosion"), or a name a speaker gives to an event already told ("called the
    explosion an attack") is none."""
    event_class, root = span.label_, span.root
    if event_class in STATEMENTS and negated(root):
        return None
    if event_class in VIOLENT:
        hazard = hazard_reading(span, acled, weapon_tokens, violent_tokens)
        if hazard is None and _same_accident(span, accident):
            if not deliberate(span, weapon_tokens, violent_tokens):
                hazard = ACCIDENT
        if hazard is not None:
            return hazard, None
        if _nothing_exploded(span, weapon_tokens):
            return None
    if event_class == ACCIDENT and caused_by_attack(span, weapon_tokens, violent_tokens):
        if any(t.i in violent_tokens for t in span.sent):
            return None
        arson = any(t.lower_ in FIRES for t in span)
        if arson and not any(t.lemma_.lower() in CASUALTY_VERBS for t in span.sent):
            return "Riot", PROPERTY_DESTRUCTION  # as "set fire to" is
        return "Attack", "ATTACK"
    if (
        non_conflict_sense(span)
        or effect_of_other_event(root, {i for i in other_triggers if not _human(span.doc[i])})
        or renames_told_event(root, other_triggers)
    ):
        return None
    if event_class == "Attack" and labour_strike(root):
        # The class's default ACLED code (a peaceful protest) applies downstream.
        return "Protest", None
    return event_class, acled


EXPLOSION_NOUNS = frozenset({"explosion", "explosions", "blast", "blasts", "detonation"})
"""Nouns that are an explosion themselves ("an explosion went off")."""


def _nothing_exploded(span: Span, weapon_tokens: set[int]) -> bool:
    """ "Car alarms went off across the town", "children were blowing up balloons": the
    phrasal verbs of explosions have everyday senses. "Went off" reports an explosion
    when what went off is a weapon, an explosive or an explosion (or is not named: "it
    went off"); "blew up" does unless civilians blew up something that is no building,
    ground, vehicle nor weapon. Either way, a clause that tells harm or names a weapon
    reports the explosion ("a bomb went off", "militants blew up a bridge", "a device
    went off, wounding two"). The blowing up is judged in its own clause when its doers are
    told by common nouns, unarmed ones ("fans"): with a harmless object they blew nothing
    up, whatever else the story tells. A pronoun ("they"), which may stand for the armed
    men of another sentence, or a name the gazetteer does not know (a group's name may be
    an armed group's) is judged by the story."""
    root = span.root
    particle = {c.lower_ for c in root.children if c.dep_ == "prt"}
    if root.pos_ != "VERB" or not particle & {"off", "up"}:
        return False
    if any(t.lemma_.lower() in HARM_LEMMAS for t in root.subtree):
        return False
    # a weapon of an occasion clause is that clause's ("sirens went off after a rocket landed")
    occasions = {
        t.i
        for c in root.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children)
        for t in c.subtree
    }
    if any(t.i in weapon_tokens and t.i not in occasions for t in root.subtree):
        return False
    if root.lemma_.lower() == "go" and "off" in particle:
        return any(not _explosive(t, weapon_tokens) for t in _subjects(root))
    if root.lemma_.lower() == "blow" and "up" in particle:
        doers = doers_of(root, relative=True, controlled=True, shared="first")
        blown = [c for c in root.children if c.dep_ == "dobj"]
        unarmed = all(d.lower_ in CIVILIAN_PHRASE_WORDS for d in doers) or (
            not _armed_by_name(_modified(doers))
            and (all(d.pos_ == "NOUN" and not d.ent_type_ for d in doers) or _peaceful_story(span))
        )
        return (
            bool(doers)
            and unarmed
            and bool(blown)
            and not any(_destructible(t, weapon_tokens) for t in _modified(blown))
        )
    return False


def _armed_by_name(tokens: list[Token]) -> bool:
    """An armed actor by its own words: a word for armed people or a gazetteer label. The
    entity table is not asked: it may type a doer armed from this very trigger ("fans
    blew up balloons" makes "fans" an armed group)."""
    return any(t.lower_ in ARMED_WORDS | ARMED_DOERS or t.ent_type_ in ARMED_LABELS for t in tokens)


def _peaceful_story(span: Span) -> bool:
    """A text that tells no violence but this trigger's: no other trigger of a violent
    class and no word of harm ("killed", "wounded", "dead") anywhere in it. "They blew up
    the generators" in such a story blew nothing up; in a story of a raid by gunmen
    "they" may be the gunmen, and the generators their target."""
    doc = span.doc
    if any(t.lemma_.lower() in HARM_LEMMAS for t in doc):
        return False
    return not any(
        other.label_ in VIOLENT and other.start != span.start
        for other in doc.spans.get(TRIGGERS_KEY, [])
    )


def _subjects(verb: Token) -> list[Token]:
    """The verb's nouns that are its subject (a pronoun tells nothing of what it is)."""
    return [
        c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")
    ]


def _explosive(noun: Token, weapon_tokens: set[int]) -> bool:
    """A weapon, an explosive device or an explosion: what can go off as a blast."""
    words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    return any(
        t.i in weapon_tokens
        or t.lower_ in WEAPON_NOUNS
        or t.lower_ + "s" in WEAPON_NOUNS
        or t.lower_ in EXPLOSION_NOUNS
        for t in words
    )


def _destructible(token: Token, weapon_tokens: set[int]) -> bool:
    """Something whose blowing up is an attack: a building, ground, a vehicle, a named
    place or a weapon."""
    word = token.lower_
    return (
        bool(token.ent_type_)
        or _explosive(token, weapon_tokens)
        or word in PROPERTY_NOUNS | TERRITORY_NOUNS | BASE_NOUNS | PEOPLE_OR_BUILDINGS
    )


def _headline_accident(mentions: list[EventMention], weapon_tokens: set[int]) -> None:
    """ "5 rebels killed in blasts" over "... were killed in two accidental explosions": an
    explosion the headline tells with no weapon, no attacker and no other violent act is
    the accident the body then tells (the first explosion after it), when nothing violent
    is told before that accident; "Bomb blast kills 5" and "Rebels kill 5 in blast" over
    the same body stay attacks."""
    accident = next(
        (m for m in mentions if m.event_class == ACCIDENT and is_explosion(m.head)), None
    )
    if accident is None:
        return
    before = [
        m for m in mentions if m.span.start < accident.span.start and m.event_class in VIOLENT
    ]
    if not before or not all(
        is_explosion(m.head) and is_headline(m.sentence) and not deliberate(m.span, weapon_tokens)
        for m in before
    ):
        return
    for mention in before:
        mention.event_class, mention.acled = ACCIDENT, None


def _record(span: Span, triggers: Sequence[TriggerRecord]) -> str | None:
    """The trigger row's context condition (`extract.language.TRIGGER_CONDITIONS`)."""
    if not span.id_.isdigit():
        return None
    record = triggers[int(span.id_)]
    return record.requires


CAMPAIGN_FRAME = "Waging_war"
"""The frame (`frames.jsonl`) of the words for a whole war or armed conflict."""
NON_ARMED_CONTESTS = frozenset(
    {"trade", "price", "prices", "tariff", "tariffs", "currency", "culture", "bidding",
     "words", "interest", "interests", "ratings", "format", "formats", "browser"}
)  # fmt: skip
"""What a war or conflict is about when nobody fights with arms: "a trade war", "a war of
words", "a conflict of interest"."""


def _campaign(span: Span, triggers: Sequence[TriggerRecord]) -> bool:
    """Whether the trigger names a whole war or conflict (`CAMPAIGN_FRAME`)."""
    return span.id_.isdigit() and triggers[int(span.id_)].frame == CAMPAIGN_FRAME


def _armed_contest(span: Span) -> bool:
    """ "the civil war", "the conflict in the north": a war fought with arms; not a noun
    modifying another ("war games", "conflict zone": the thing named is the other noun) nor
    a contest of trade, prices or words (`NON_ARMED_CONTESTS`)."""
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod"):
        return False
    modifiers = [c for c in root.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    modifiers += objects_of(root, frozenset({"of"}))
    return not any(t.lower_ in NON_ARMED_CONTESTS for t in modifiers)


def find(doc: Doc) -> None:
    """Stage `mentions`: the trigger spans the pipeline left in `doc.spans` that report a
    specific event (`extract.events.specificity`) in a text that reports an incident at all
    (`extract.events.learned`), as `doc._.ck_mentions`; the others, with the reason they
    tell no incident, as `doc._.ck_nonspecific` (the violent mentions of a text that reports
    no incident are background there)."""
    ext = doc._
    table = ext.ck_entities
    specific, nonspecific = split_specific(
        find_mentions(
            doc,
            TRIGGERS_KEY,
            set(table.token_entity),
            table.place_tokens(),
            ext.ck_lexicon.triggers,
        ),
        article_anchor(ext.ck_meta, ext.ck_text),
    )
    specific += _dated_weapons(doc, specific, ext.ck_lexicon)
    specific = _one_crowd_event(specific)
    specific.sort(key=lambda m: m.span.start)
    ext.ck_mentions = reported_incidents(doc, specific)
    kept = {id(m) for m in ext.ck_mentions}
    nonspecific += [(m, "background") for m in specific if id(m) not in kept]
    ext.ck_mentions, nonspecific = claims_follow_incidents(ext.ck_mentions, nonspecific)
    ext.ck_nonspecific = sorted(nonspecific, key=lambda pair: pair[0].span.start)


BATTLE = "ArmedClash"


def _one_crowd_event(mentions: list[EventMention]) -> list[EventMention]:
    """A demonstration told through its crowd and their acts is one event (ACLED codes
    the day's protest or riot once): "protesters" doing a protest's or riot's act in the
    same sentence ("Hundreds of protesters burned tyres and threw stones") or clashing
    ("demonstrators clashed with police", a riot to the subevent rules) is told by that
    act, not by the noun too; and a response with crowd-control means only ("police
    fired tear gas to disperse the crowd"), told right after a sentence telling a
    demonstration, is part of that demonstration (a peaceful one becomes one met with
    intervention), never an attack or a clash of its own. Force that killed or wounded
    stays an event (excessive force against protesters). A crowd that names the kind of
    riot ("a mob") gives the act its code, and its class to an attack the crowd did ("a
    man was beaten to death by a mob" is one mob killing, told by the verb with its
    victim and doer, not by the noun)."""
    crowd_told = [m for m in mentions if m.event_class in CROWD_CLASSES]
    if not crowd_told:
        return [_as_intervention(m) for m in mentions]
    # A crowd's clash with police is the riot itself (ACLED never codes it as a battle);
    # a crowd's act typed by a weapon ("set off a bomb") leaves the crowd its own telling.
    acts = [
        m
        for m in mentions
        if m.event_class in CROWD_CLASSES | {BATTLE, "Attack"} and m.head.pos_ == "VERB"
    ]
    crowd_doers = {
        t.i: act
        for act in acts
        for doer in doers_of(act.head, relative=True, controlled=True, shared="first")
        for t in doer.subtree
    }
    # The demonstration told in the sentence before each sentence: in its own sentence
    # the subevent rules read a response against the crowd's phrase already ("fired tear
    # gas to disperse teachers protesting" is typed as the intervention).
    before = {m.sentence.end: m for m in crowd_told}
    # ... or in the sentence right after it ("Police fired tear gas to break up a march.
    # The students were protesting against fees."): the same crowd, told second
    after = {m.sentence.start: m for m in crowd_told}
    kept: list[EventMention] = []
    for mention in mentions:
        head = mention.head
        if mention.event_class in CROWD_CLASSES and head.pos_ == "NOUN":
            act = crowd_doers.get(head.i)
            if act is not None and _names_crowd_people(head):
                if act.event_class == "Attack" and mention.event_class != "Riot":
                    kept.append(mention)  # "protesters attacked a bus": the protest stays
                    continue
                if mention.event_class == "Riot" and act.event_class in ("Riot", "Attack"):
                    # "a mob torched cars", "was beaten to death by a mob": the mob's
                    # violence (an attack keeps its class for its roles; its code makes it
                    # the riot it is in `subevents`)
                    act.acled = mention.acled
                continue
        elif mention.event_class in ATTACK_FAMILY and head.pos_ == "VERB":
            crowd = before.get(mention.sentence.start)
            if crowd is not None and _crowd_control_only(head) and not _aimed_elsewhere(head):
                if crowd.acled == "PEACE_PROTEST":
                    crowd.acled = "PROTEST_WITH_INTER"
                continue
            mention = _as_intervention(mention, after.get(mention.sentence.end))
        kept.append(mention)
    return kept


def _as_intervention(mention: EventMention, told_next: EventMention | None = None) -> EventMention:
    """A response with crowd-control means only against a crowd its clause names ("Police
    fired tear gas to disperse the crowd"), or against the demonstration the next sentence
    tells (`told_next`: "... to break up a march. The students were protesting"): a protest
    met with intervention (ACLED's coding), told first by the response, never an attack or
    a clash. Force that killed or wounded, or means aimed at no crowd ("fired rubber bullets
    at rebels"), stays what it was."""
    head = mention.head
    if mention.event_class not in ATTACK_FAMILY or head.pos_ != "VERB":
        return mention
    if not _crowd_control_only(head) or _aimed_elsewhere(head):
        return mention
    crowd = any(_names_crowd_people(t) or t.lower_ in CROWDS for t in head.subtree)
    if not crowd and told_next is None:
        return mention
    if told_next is not None and told_next.acled == "PEACE_PROTEST":
        told_next.acled = "PROTEST_WITH_INTER"
    mention.event_class = "Protest"
    mention.acled = "PROTEST_WITH_INTER"
    return mention


def _aimed_elsewhere(verb: Token) -> bool:
    """Whether the response names whom it was aimed at and that is no crowd: "fired
    rubber bullets at rebels in the hills" is no part of the demonstration told before it,
    while "fired tear gas" or "fired tear gas at the crowd" is."""
    # "on Saturday" says when, not at whom
    goals = [
        g for g in objects_of(verb, AIMING_PREPOSITIONS) if g.ent_type_ not in ("DATE", "TIME")
    ]
    return bool(goals) and not any(
        _names_crowd_people(g) or g.lower_ in CROWDS or g.pos_ == "PRON" for g in goals
    )


CROWDS = frozenset({"crowd", "crowds", "gathering", "rally", "march", "protest", "protests"})


def _names_crowd_people(noun: Token) -> bool:
    """A noun for the people of a crowd: one of `CROWD_DOERS` ("protesters", "rioters") or a
    plural agent noun ("strikers"). Coref's `_crowd_head` asks another question: which noun
    a crowd mention names."""
    word = noun.lower_
    return word in CROWD_DOERS or (noun.tag_ == "NNS" and word.endswith(AGENT_SUFFIXES))


AGENT_SUFFIXES = ("ers", "ors", "ists")
"""Plural agent-noun endings: the people who do what the noun's stem names."""


def _crowd_control_only(verb: Token) -> bool:
    """Whether what the verb used or sent is a crowd-control means ("fired tear gas",
    "used water cannon") and its clause names no harm ("killing two")."""
    used = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    used += objects_of(verb, frozenset({"with"}))
    means = " ".join(t.lower_ for u in used for t in u.subtree)
    if not any(m in means for m in CROWD_CONTROL):
        return False
    clause = [t for t in verb.subtree]
    return not any(t.lemma_.lower() in HARM_LEMMAS for t in clause)


DAY_PRECISIONS = frozenset({"day", "week"})
"""Precisions of a date that pins one incident ("Saturday's", "last week's")."""


def _dated_weapons(
    doc: Doc, mentions: list[EventMention], lexicon: Lexicon
) -> list[EventMention]:
    """ "the death toll from Saturday's car bomb", "last week's rocket": a weapon noun whose
    possessor is a day or a week names that day's incident made with it, as "Saturday's
    attack" does (a definite mention of the weapon's class, dated by its possessor); not a
    weapon modifying another noun ("Saturday's car bomb show") nor one inside a trigger
    already found ("a car bomb attack") or doing one ("last week's grenade wounded nine",
    where the verb tells the incident and the day dates it)."""
    weapons = lexicon.weapons
    told = {t.i for m in mentions for t in m.span}
    heads = {m.head.i for m in mentions}
    found: list[EventMention] = []
    for span in doc.spans.get(TRIGGERS_KEY, []):
        if span.label_ != WEAPON or span.id_ not in weapons:
            continue
        root = span.root
        if root.dep_ in ("compound", "nmod", "amod") or any(t.i in told for t in span):
            continue
        if any(
            root.i == d.i
            for h in heads
            if doc[h].pos_ == "VERB"
            for d in doers_of(doc[h], relative=True, controlled=True)
        ):
            continue  # "last week's grenade wounded nine": the verb tells the incident
        if not any(c.dep_ == "poss" and date_precision(c) in DAY_PRECISIONS for c in root.children):
            continue
        weapon = weapons[span.id_]
        found.append(
            EventMention(
                span=span, event_class=weapon.event_class, definite=True,
                plural=root.tag_ in ("NNS", "NNPS"), acled=weapon.acled,
            )
        )  # fmt: skip
        told.update(range(span.start, span.end))
    return found


def _adjective_use(span: Span, record: TriggerRecord) -> bool:
    """A trigger noun the tagger reads as an adjective modifying another noun ("offensive
    remarks", "offensive behaviour"): the word names a quality of that noun, not an event.
    Participles are verbs to the lexicon, not nouns, so "wounded soldiers" is no such use."""
    root = span.root
    if len(span) != 1 or root.tag_ != "JJ" or root.dep_ != "amod":
        return False
    return root.head.pos_ == "NOUN" and root.lower_ in record.nouns


def find_mentions(
    doc: Doc,
    spans_key: str,
    entity_tokens: set[int],
    place_tokens: set[int],
    triggers: Sequence[TriggerRecord],
) -> list[EventMention]:
    """Trigger spans of the Doc as mentions, skipping ones inside names or dates and ones
    whose context condition fails; hypotheticals under a verb of fearing or vowing are marked
    so (`EventMention.hypothetical`) for `specificity` to keep as background."""
    date_tokens = {t.i for ent in doc.ents if ent.label_ in ("DATE", "TIME") for t in ent}
    spans = doc.spans.get(spans_key, [])
    weapon_tokens = {t.i for span in spans if span.label_ == WEAPON for t in span}
    named = [
        (span, _record(span, triggers))
        for span in spans
        if span.label_ != WEAPON
        and not any(t.i in entity_tokens or t.i in date_tokens for t in span)
    ]
    # Conditions that look for an attack in the phrase ("accused of the bombing") are
    # checked last, against attack triggers whose own condition held: a "destroyed" with no
    # weapon as its doer is no attack for a claim to be about.
    candidates: list[Span] = []
    in_general: dict[int, NonSpecificReason] = {}
    for span, requires in named:
        if requires == "attack":
            continue
        if _requirement_met(requires, span, place_tokens, weapon_tokens, set()):
            if not _campaign(span, triggers):
                candidates.append(span)
            elif _armed_contest(span):
                candidates.append(span)
                in_general[span.start] = "background"
        elif requires == "instance":
            # "murder rates", "charged with murder": the crime in general, no incident
            candidates.append(span)
            in_general[span.start] = "generic"
    # A war or a crime in general is the setting of attacks, not an attack: it colours no
    # other trigger's reading.
    general = {t.i for span in candidates if span.start in in_general for t in span}
    attack_tokens = {
        t.i for span in candidates if span.label_ in ATTACK_FAMILY for t in span
    } - general
    candidates += [
        span
        for span, requires in named
        if requires == "attack"
        and _requirement_met(requires, span, place_tokens, weapon_tokens, attack_tokens)
    ]
    candidates.sort()
    trigger_tokens = {t.i for span in candidates for t in span}
    # Violent acts that may cause a fire or a crash: attacks other than explosions (an
    # explosion may itself be an accident), and explosions once read as attacks.
    violent_tokens = {
        t.i
        for span in candidates
        if span.label_ in ATTACK_FAMILY and not is_explosion(span.root)
        for t in span
    } - general
    mentions: list[EventMention] = []
    accident: EventMention | None = None
    for span in filter_spans(candidates):
        record = triggers[int(span.id_)] if span.id_.isdigit() else None
        root = span.root
        if record is not None and _adjective_use(span, record):
            continue
        hypothetical = _is_hypothetical(root)
        reading = _reading(
            span,
            record.acled if record is not None else None,
            weapon_tokens,
            violent_tokens,
            trigger_tokens - {t.i for t in span},
            accident,
        )
        if reading is None:
            continue
        event_class, acled = reading
        determiners = {c.lower_ for c in root.children if c.dep_ in ("det", "poss")}
        mention = EventMention(
            span=span,
            event_class=event_class,
            definite=bool(determiners & DEFINITE) or any(c.dep_ == "poss" for c in root.children),
            plural=root.tag_ in ("NNS", "NNPS"),
            acled=acled,
            hypothetical=hypothetical,
            in_general=in_general.get(span.start),
        )
        mentions.append(mention)
        if hypothetical or mention.in_general is not None:
            continue  # kept as background only: it colours no other trigger's reading
        if event_class in ATTACK_FAMILY:
            violent_tokens.update(range(span.start, span.end))
        if is_explosion(root):
            accident = mention if event_class == ACCIDENT else None
    _headline_accident(mentions, weapon_tokens)
    for index in positions(doc, ("incident", "operation")):
        token = doc[index]
        if token.i not in entity_tokens:
            determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
            if determiners & {"the", "this", "that"}:
                mentions.append(
                    EventMention(
                        span=doc[token.i : token.i + 1],
                        event_class="Attack",
                        definite=True,
                        plural=False,
                        anaphoric=True,
                    )
                )
    mentions.sort(key=lambda m: m.span.start)
    return mentions
