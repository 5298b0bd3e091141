"""Readings of a trigger word in which it names no conflict event.

The trigger lexicon matches words ("fire", "strike", "explosion"); some of their senses are
no event at all: a worker is *fired*, unions call a *48-hour strike*, an earthquake
*strikes* a town, firefighters *battle* a wildfire, and a bulleted "see also" line names past
attacks without reporting one. Others name a hazard, not an attack: a boiler *explodes* at a
plant, gas *leaks* from a factory, a cylinder explodes *accidentally* in a kitchen. A bomb
that goes off too soon in an armed group's hands stays a bombing, as ACLED codes it.
Each rule reads the trigger's own dependency neighbourhood and category word lists (hazards,
industrial objects, substances), never particular names, so it holds in any text.
A bare trigger noun that names what a law, a campaign or a report is about ("a law against
sexual violence") is a topic, not an incident.
`events.find_mentions` drops violent triggers for which `non_conflict_sense` holds, reads a
`labour_strike` as the protest it is and a `hazard_reading` as the accident it is.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..entities import INSTITUTION_HEADS
from ..language import objects_of
from ..nlp import TRIGGERS_KEY, WEAPON
from .shared import HARM_LEMMAS

__all__ = [
    "ACCIDENT",
    "blaze",
    "caused_by_attack",
    "deliberate",
    "effect_of_other_event",
    "hazard_reading",
    "is_explosion",
    "labour_strike",
    "negated",
    "non_conflict_sense",
    "procession_without_cause",
    "renames_told_event",
]

ACCIDENT = "Accident"
"""The class of a man-made disaster (extract/data/frames.jsonl, ontologies/conflict.ttl)."""

PERSONAL_OBJECTS = frozenset(
    {"me", "us", "you", "him", "her", "them", "i", "we", "he", "she", "they", "employees",
     "employee", "workers", "worker", "staff", "manager", "coach", "officials", "teachers",
     "doctors", "nurses", "journalists", "director", "chief", "minister", "ministers"}
)  # fmt: skip
"""Who gets fired from a job: people, where a weapon is fired at or upon a target."""
AIMING_PREPS = frozenset({"at", "on", "upon", "into", "towards", "toward"})
LABOUR_MODIFIERS = frozenset(
    {"hour", "day", "week", "general", "national", "nationwide", "labour", "labor", "worker",
     "workers", "union", "unions", "teachers", "doctors", "hunger", "transport", "indefinite",
     "sit-down", "wildcat", "rail", "strike"}
)  # fmt: skip
"""Words that make "strike" a work stoppage ("a 48-hour strike", "the general strike")."""
ACCIDENT_WORDS = frozenset({"accidental", "accidentally", "accident", "inadvertently"})
EXPLOSION_LEMMAS = frozenset({"explosion", "blast", "explode", "detonate", "detonation", "go"})
BULLETS = frozenset({"*", "•", "·", "▪"})
NATURAL_HAZARDS = frozenset(
    {"earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors", "tsunami", "tsunamis",
     "flood", "floods", "flooding", "floodwaters", "landslide", "landslides", "mudslide",
     "mudslides", "cyclone", "cyclones", "hurricane", "hurricanes", "typhoon", "typhoons",
     "tornado", "tornadoes", "storm", "storms", "drought", "wildfire", "wildfires", "bushfire",
     "bushfires", "blaze", "blazes", "avalanche", "eruption",
     "volcano", "rain", "rains", "snowstorm", "blizzard", "heatwave", "lightning"}
)  # fmt: skip
"""Natural forces and fires: what "struck" a town or what firefighters "battle" against."""
DISEASES = frozenset(
    {"virus", "coronavirus", "covid", "covid-19", "pandemic", "epidemic", "disease", "cholera",
     "ebola", "measles", "malaria", "outbreak", "infection", "infections", "flu", "influenza"}
)  # fmt: skip
HAZARDS = NATURAL_HAZARDS | DISEASES
MEASURES = frozenset({"magnitude", "intensity", "strength", "category", "force", "scale"})
"""What an "of" phrase gives a real hazard: "an earthquake of magnitude 6.1"."""
FIRES = frozenset({"fire", "fires", "flames", "blaze", "blazes", "inferno"})
"""What firefighters battle. Not among the forces that "strike": "rocket fire struck" is
shelling."""
INDUSTRIAL_OBJECTS = frozenset(
    {"storage", "boiler", "boilers", "furnace", "furnaces", "kiln",
     "cylinder", "cylinders", "canister", "canisters", "container", "containers", "pipeline",
     "pipelines", "pipe", "pipes", "plant", "plants", "factory", "factories", "warehouse",
     "warehouses", "refinery", "refineries", "reactor", "reactors", "mill", "mills", "colliery",
     "coal", "rig", "silo", "silos", "compressor", "generator", "transformer",
     "substation", "workshop", "foundry", "smelter", "gas", "propane", "butane", "methane",
     "lpg", "fuel", "petrol", "gasoline", "diesel", "oil", "chemical", "chemicals", "fertilizer",
     "fertiliser", "ammonia", "oxygen", "fireworks", "firecracker", "firecrackers", "industrial",
     "cooker", "stove", "heater", "battery", "batteries", "dust"}
)  # fmt: skip
"""Things that blow up by accident, and the places that hold them. "Tank" and "tanker" are
not among them: in conflict reports they are as often armour or a convoy's trucks, so only
what they hold ("a fuel tank", "a gas tanker", "a storage tank") makes them industrial."""
ACCIDENT_NOUNS = frozenset(
    {"crash", "crashes", "collision", "collisions", "fire", "fires", "blaze", "leak", "leaks",
     "leakage", "spill", "accident", "accidents", "derailment", "collapse", "short-circuit"}
)  # fmt: skip
"""Accidents an explosion is coordinated with or happens during: "a crash and explosion"."""
MISHAP_VERBS = frozenset({"crash", "collide", "overturn", "capsize", "derail", "skid", "topple"})
"""Verbs of a vehicle's mishap: an explosion coordinated with one ("overturned and
exploded") is the same accident, when nothing in the sentence says someone did it."""
ATTACKER_CUES = frozenset(
    {"attack", "attacks", "attacker", "attackers", "bomber", "bombers", "militant", "militants",
     "terrorist", "terrorists", "insurgent", "insurgents", "sabotage", "saboteurs", "arson",
     "arsonist", "arsonists", "claimed", "targeted", "planted", "suicide", "gunmen", "rebel",
     "rebels", "jihadist", "jihadists", "militia", "militias", "militiamen", "enemy"}
)  # fmt: skip
"""Words that make a fire, a crash or an explosion someone's deed, whatever burnt."""
WAR_CUES = ATTACKER_CUES | frozenset(
    {"troops", "soldiers", "army", "mine", "mines", "landmine", "landmines", "roadside",
     "gunfire", "shelling"}
)  # fmt: skip
"""What makes an explosion part of the war: soldiers, mines, a roadside, gunfire."""
VICTIM_VERBS = frozenset(
    {"burn", "die", "kill", "injure", "destroy", "damage", "perish", "hurt", "wound"}
)
LEAK_LEMMAS = frozenset({"leak", "leakage", "spill", "release", "escape", "seep", "vent"})
EXPLOSION_HOSTS = frozenset({"occur", "happen", "take", "rock", "rip", "tear", "hit", "destroy"})
"""Verbs whose subject is an explosion and whose object or place is where it happened:
"an explosion occurred at", "a blast ripped through", "explosions rocked"."""
PLACE_PREPS = frozenset({"at", "in", "inside", "through", "of", "from"})


def _dismissal(head: Token) -> bool:
    """ "they'll fire us", "she was fired": the job sense of "fire" takes a person as its
    object (or passive subject) and no aiming preposition."""
    if head.lemma_.lower() != "fire" or head.pos_ != "VERB":
        return False
    if any(c.dep_ == "prep" and c.lower_ in AIMING_PREPS for c in head.children):
        return False
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        and (c.lower_ in PERSONAL_OBJECTS or c.ent_type_ == "PERSON")
        for c in head.children
    )


WORKER_NOUNS = frozenset(
    {"worker", "workers", "employee", "employees", "staff", "union", "unions", "teacher",
     "teachers", "doctor", "doctors", "nurse", "nurses", "judge", "judges", "magistrate",
     "magistrates", "driver", "drivers", "miner", "miners", "docker", "dockers",
     "lecturer", "lecturers", "clerk", "clerks", "labourer", "labourers",
     "laborer", "laborers", "trader", "traders", "farmer", "farmers", "servants"}
)  # fmt: skip
"""People who stop work: a strike "by employees" or "the teachers' strike" is a stoppage."""


def labour_strike(head: Token) -> bool:
    """ "a 48-hour strike", "went on strike", "the general strike", "the strike by court
    employees", "the nurses' strike": a work stoppage, which ACLED counts as a protest, not
    as an attack."""
    if head.lemma_.lower() != "strike" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "on":
        return True
    strikers = [c for c in head.children if c.dep_ == "poss"]
    strikers += objects_of(head, frozenset({"by"}))
    aimed = any(c.dep_ == "prep" and c.lower_ in AIMING_PREPS for c in head.children)
    if not aimed and any(s.lower_ in WORKER_NOUNS for s in strikers):
        return True  # not "a strike by the crews on a camp": that one hits something
    return any(
        c.lemma_.lower() in LABOUR_MODIFIERS or c.lower_ in LABOUR_MODIFIERS
        for c in head.children
        if c.dep_ in ("compound", "amod", "nmod", "nummod")
    )


def _accidental(head: Token) -> bool:
    """ "an accidental explosion", "the cylinder exploded accidentally": an explosion the
    text calls an accident is one, unless its sentence is deliberate (see `hazard_reading`:
    a bomb that goes off in its makers' hands is still a bombing)."""
    if head.lemma_.lower() not in EXPLOSION_LEMMAS:
        return False
    neighbours = [*head.children]
    if head.pos_ != "VERB":
        neighbours.append(head.head)
    return any(t.lower_ in ACCIDENT_WORDS for t in neighbours)


def _list_item(span: Span) -> bool:
    """A bulleted list without a verb ("* 2011 Kandahar hotel attack * 2014 ...") names
    events, as "see also" lists and tables of contents do; it reports nothing. The list may
    share a sentence with its heading or with the text before it when a page's lines were
    run together ("See also * 2011 Kandahar hotel attack * ..."): then the item the trigger
    stands in, from the bullet before it to the next one, is what must have no verb."""
    sentence = span.sent
    if not any(t.text in BULLETS for t in sentence):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in sentence):
        return True
    before = [t.i for t in sentence if t.i < span.start and t.text in BULLETS]
    if not before:
        return False
    after = [t.i for t in sentence if t.i >= span.end and t.text in BULLETS]
    item = span.doc[before[-1] + 1 : after[0] if after else sentence.end]
    return not any(t.pos_ in ("VERB", "AUX") for t in item)


MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
"""How a word modifies the noun after it."""


def _in_weapon_name(span: Span) -> bool:
    """A trigger word that modifies a weapon's name ("assault rifles", "attack helicopters"
    when the lexicon names them) names a kind of weapon, not an event: "seized two assault
    rifles" tells a seizure, no assault. A weapon span (`WEAPON`, written by the same
    ruler) that holds the trigger and has another head is such a name; "bomb" in a "car
    bomb" trigger is the weapon's own head and stays. A trigger that modifies a weapon word
    outside its own span ("attack drones", "strike drones", when the lexicon names only
    "drones") is the same kind of name, when that word heads its phrase: in a headline's
    "attack missile battery" the weapon word only qualifies what was attacked."""
    root = span.root
    modified = root.head if root.dep_ in MODIFIER_DEPS and root.head.i >= span.end else None
    if modified is not None and modified.dep_ in MODIFIER_DEPS:
        modified = None  # "attack missile battery", "attack drone base": the weapon names a place
    for weapon in span.doc.spans.get(TRIGGERS_KEY, []):
        if weapon.label_ != WEAPON:
            continue
        if modified is not None and weapon.start <= modified.i < weapon.end:
            return True  # "seized two attack drones": the trigger classifies a weapon
        if not (weapon.start <= span.start and span.end <= weapon.end):
            continue
        if weapon.root.i not in range(span.start, span.end):
            return True
    return False


def _with_modifiers(tokens: list[Token]) -> list[Token]:
    """The tokens and their compounds, adjectives, conjuncts and "of" phrases ("the kiln of
    a brick works", "butane and oxygen cylinders")."""
    found: list[Token] = []
    stack = list(tokens)
    while stack and len(found) < 24:
        token = stack.pop()
        found.append(token)
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod", "conj"):
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                stack.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _exploded_things(head: Token) -> list[Token]:
    """What blew up and where: the subject of "exploded", the modifiers of "explosion", the
    places "at/in" either, and the object or place of a verb whose subject the explosion is
    ("an explosion ripped through a factory")."""
    things: list[Token] = []
    if head.pos_ == "VERB":
        things += [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        things += [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in EXPLOSION_HOSTS:
            host = head.head
            things += [c for c in host.children if c.dep_ == "dobj"]
            things += objects_of(host, PLACE_PREPS)
    things += objects_of(head, PLACE_PREPS)
    return _with_modifiers(things)


def _accident_context(head: Token) -> bool:
    """ "a crash and explosion", "exploded during a fire": an explosion coordinated with, or
    happening in, an accident is part of it."""
    coordinated = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj":
        coordinated.append(head.head)
    during = objects_of(head, frozenset({"during", "after", "amid", "following"}))
    if any(t.pos_ == "VERB" and t.lemma_.lower() in MISHAP_VERBS for t in coordinated):
        return True  # "a tanker overturned and exploded": the vehicle's mishap
    return any(t.lower_ in ACCIDENT_NOUNS for t in coordinated + during)


def _harmed(token: Token) -> bool:
    """ "three militants died", "killing two soldiers", "5 rebels killed in blasts": the
    word names whom the event hurt, which says nothing about who caused it."""
    while token.dep_ in ("conj", "compound", "amod", "nummod"):
        token = token.head
    if any(c.dep_ == "acl" and c.lemma_.lower() in VICTIM_VERBS for c in token.children):
        return True  # a headline's "5 rebels killed in blasts"
    verb = token.head.lemma_.lower()
    if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return verb in VICTIM_VERBS
    return token.dep_ == "pobj" and verb in ("of", "among")


def deliberate(
    span: Span,
    weapon_tokens: set[int],
    violent_tokens: set[int] = frozenset(),
    cues: frozenset[str] = WAR_CUES,
) -> bool:
    """Someone did it: besides the trigger, its sentence names a weapon, another violent
    act, or one of the `cues` for an attacker or for war that is not among the harmed."""
    for token in span.sent:
        if span.start <= token.i < span.end:
            continue
        if token.i in weapon_tokens or token.i in violent_tokens:
            return True
        if token.lower_ in cues and not _harmed(token):
            return True
    return False


def caused_by_attack(span: Span, weapon_tokens: set[int], violent_tokens: set[int]) -> bool:
    """ "a fire set by militants", "a drone crashed into a block of flats", "a blaze after
    an air raid": a fire, crash or leak that an attacker, a weapon or another violent act
    of its sentence caused is no accident."""
    return deliberate(span, weapon_tokens, violent_tokens, ATTACKER_CUES)


def is_explosion(head: Token) -> bool:
    return head.lemma_.lower() in EXPLOSION_LEMMAS or head.lower_ in ("blew", "blown")


def hazard_reading(
    span: Span, acled: str | None, weapon_tokens: set[int], violent_tokens: set[int]
) -> str | None:
    """The hazard class a violent trigger names instead of an attack, or None.

    An explosion is an accident when what exploded, or where, is an industrial object or
    site (a fuel tank, a kiln, a paint factory), when it is coordinated with
    or happens during another accident, or when the text calls it accidental, and the
    sentence names no weapon, no other violent act and no attacker, soldier, mine or
    gunfire: a bomb at a factory stays a bombing. A chemical named by a chemical-weapons
    phrase that leaks or spills is an accident too."""
    head = span.root
    if not is_explosion(head) and acled != "CHEM_WEAP":
        return None
    if deliberate(span, weapon_tokens, violent_tokens):
        return None
    if is_explosion(head):
        if _accidental(head) or _accident_context(head):
            return ACCIDENT
        if any(t.lower_ in INDUSTRIAL_OBJECTS for t in _exploded_things(head)):
            return ACCIDENT
        return None
    neighbours = [head.head, *head.children, *(g for c in head.children for g in c.children)]
    if any(t.lemma_.lower() in LEAK_LEMMAS for t in neighbours):
        return ACCIDENT
    return None


def _figurative(token: Token) -> bool:
    """ "a storm of rockets", "a flood of refugees", "a cyclone of violence": a hazard
    noun measuring what its "of" phrase names is a figure of speech, not the hazard ("an
    earthquake of magnitude 6" and "the floods of 2010" still are)."""
    return any(
        pobj.lower_ not in MEASURES and pobj.ent_type_ not in ("DATE", "CARDINAL")
        for pobj in objects_of(token, frozenset({"of"}))
    )


def _struck_by_hazard(head: Token) -> bool:
    """ "a hailstorm and floods hit the valley": a violent verb whose subject (with its
    compounds, adjectives and conjuncts) is a natural force or a disease reports a
    disaster, not an attack; "a storm of rockets struck" is shelling."""
    if head.pos_ != "VERB":
        return False
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [g for c in head.children if c.dep_ == "agent" for g in c.children]
    forces: list[Token] = []
    while subjects:
        token = subjects.pop()
        forces.append(token)
        subjects += [c for c in token.children if c.dep_ in ("compound", "amod", "conj")]
    return any(t.lower_ in HAZARDS and not _figurative(t) for t in forces)


def _fight_against_hazard(head: Token) -> bool:
    """ "a long battle to put out the bushfires", "the fight against the virus": a struggle
    against a hazard is no armed clash."""
    if head.pos_ == "VERB":
        return False
    opponents = objects_of(head, frozenset({"against", "with"}))
    for clause in head.children:
        if clause.dep_ in ("acl", "relcl", "xcomp"):
            opponents += [c for c in clause.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.lower_ in HAZARDS or t.lower_ in FIRES for t in _with_modifiers(opponents))


SOCIAL_ILLS = frozenset(
    {"drugs", "narcotics", "trafficking", "smuggling", "crime", "corruption", "poverty",
     "impunity", "inflation", "hunger", "illiteracy", "unemployment", "fraud", "racism",
     "addiction", "pollution", "disease", "drought", "famine", "inequality",
     "tax", "evasion", "bureaucracy", "laundering"}
)  # fmt: skip
"""Practices, ills and institutions a government or a movement "fights" or "wages an
offensive against" in words and laws, with no armed opponent named: "the offensive against
drug trafficking", "the fight against corruption", "a battle against poverty"."""


def _fight_against_practice(head: Token) -> bool:
    """ "the government's offensive against drug trafficking", "a battle against poverty",
    "groups fighting against illiteracy": a verb or noun of fighting whose
    opponent (its "against"/"on" phrase, or a verb's object) is a practice or an ill of
    `SOCIAL_ILLS` names no armed clash. Only the opponent's head counts: "an offensive
    against the cartel's gunmen" is against people."""
    opponents = objects_of(head, frozenset({"against", "on"}))
    if head.pos_ == "VERB":
        opponents += [c for c in head.children if c.dep_ == "dobj"]
    opponents += [c for o in opponents for c in o.children if c.dep_ == "conj"]
    return bool(opponents) and all(o.lower_ in SOCIAL_ILLS for o in opponents)


FIGHT_CLASSES = frozenset({"ArmedClash", "Attack"})
"""Classes of the words bodies also "fight" or "attack" each other with in words; talks,
meetings and agreements between institutions are what they say."""


def _dispute_between_institutions(head: Token) -> bool:
    """ "fighting between the Nurses Union and the Health Ministry over pay", "the union
    clashed with the ministry over wages": a fight whose every side is a body headed by an
    institution noun (`INSTITUTION_HEADS`: a union, a ministry, a parliament, a court) is a
    dispute, not an armed clash. One side that is armed or known to the gazetteer ("clashes
    between the union and police", "the Karen National Union"), or a death or an injury
    told in the sentence, leaves it a clash."""
    if any(t.lemma_.lower() in HARM_LEMMAS for t in head.sent):
        return False  # "fighting between the union and the company killed four workers"
    sides = objects_of(head, frozenset({"between", "with"}))
    if head.pos_ == "VERB":
        sides += [c for c in head.children if c.dep_ in ("nsubj", "dobj")]
    sides += [c for s in sides for c in s.children if c.dep_ == "conj"]
    return bool(sides) and all(s.lower_ in INSTITUTION_HEADS and not s.ent_id_ for s in sides)


TOPIC_PREPS = frozenset({"against", "on", "about"})
"""Prepositions by which a noun phrase names what a law, a campaign or a report is about."""
TOPIC_BLOCKERS = frozenset(
    {"det", "poss", "nummod", "prep", "relcl", "acl", "appos", "compound", "nmod"}
)
"""What makes a trigger noun an incident rather than a topic: a determiner, a possessive, a
number, a modifying noun or a phrase of its own ("the rape", "his attack", "two bombings",
"the bus station bombing", "looting of shops", "looting that began on Monday")."""


def _topic(span: Span) -> bool:
    """ "a law against sexual violence", "a campaign on looting", "a report about rape": a
    bare singular trigger noun (no determiner, possessive, number, modifying noun or phrase
    of its own) that names, through one of `TOPIC_PREPS`, what another noun is about reports
    no incident. Not "the protest against the killing" (a determiner), "a crackdown on
    protesters" (people, not an act), "arrested over the bus station bombing" (a
    preposition of cause) nor "clashed about looting" (the preposition hangs on a verb)."""
    head = span.root
    if head.tag_ != "NN" or head.dep_ != "pobj":
        return False
    preposition = head.head
    if preposition.lower_ not in TOPIC_PREPS or preposition.head.pos_ not in ("NOUN", "PROPN"):
        return False
    own = [c for c in head.children if c.i < span.start or c.i >= span.end]
    return not any(c.dep_ in TOPIC_BLOCKERS for c in own)


def non_conflict_sense(span: Span) -> bool:
    """True when the trigger span is read in a sense that reports no conflict event (nor
    any hazard: "a cyclone of violence")."""
    head = span.root
    if head.lower_ in HAZARDS and _figurative(head):
        return True
    return (
        _dismissal(head)
        or _struck_by_hazard(head)
        or _fight_against_hazard(head)
        or _fight_against_practice(head)
        or (span.label_ in FIGHT_CLASSES and _dispute_between_institutions(head))
        or _list_item(span)
        or _in_weapon_name(span)
        or _topic(span)
        or achievement(head)
        or handing_in(head)
        or procession_without_cause(head)
    )


NEGATING_SUBJECTS = frozenset({"nobody", "none", "no-one"})
SPREADING_VERBS = frozenset(
    {"break", "spread", "rage", "engulf", "gut", "destroy", "burn", "ravage", "erupt", "start",
     "sweep", "damage", "kill", "injure", "tear", "consume"}
)  # fmt: skip
"""What a fire does when it is a blaze: it breaks out, spreads, rages, guts a building."""
GUNFIRE_MODIFIERS = frozenset(
    {"cross", "gun", "artillery", "rocket", "mortar", "sniper", "machine", "machine-gun",
     "enemy", "friendly", "tank", "automatic", "heavy", "small", "arms", "return", "live"}
)  # fmt: skip


def negated(head: Token) -> bool:
    """ "No group claimed responsibility", "did not claim": a statement not made."""
    if any(c.dep_ == "neg" for c in head.children):
        return True
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        s.lower_ in NEGATING_SUBJECTS
        or any(c.dep_ == "det" and c.lower_ == "no" for c in s.children)
        for s in subjects
    )


def blaze(head: Token) -> bool:
    """ "a fire broke out", "a fire that gutted the market", "died in a house fire": the
    noun "fire" as a blaze, not gunfire ("came under fire", "returned fire", "cross fire")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    modifiers = (c for c in head.children if c.dep_ in ("compound", "amod"))
    if any(c.lower_ in GUNFIRE_MODIFIERS for c in modifiers):
        return False
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in SPREADING_VERBS:
        return True
    if any(c.dep_ == "relcl" and c.lemma_.lower() in SPREADING_VERBS for c in head.children):
        return True
    preposition = head.head
    return (
        head.dep_ == "pobj"
        and preposition.lower_ in ("in", "by")
        and preposition.head.lemma_.lower() in VICTIM_VERBS
    )


def effect_of_other_event(head: Token, other_triggers: set[int]) -> bool:
    """ "a mosque flattened by the blast", "homes razed by airstrikes": a destruction
    whose agent is another reported event is that event's effect, not an event of its own."""
    if head.pos_ != "VERB":
        return False
    return any(
        pobj.i in other_triggers
        for agent in head.children
        if agent.dep_ == "agent"
        for pobj in agent.children
        if pobj.dep_ == "pobj"
    )


NAMING_VERBS = frozenset(
    {"call", "describe", "label", "term", "dub", "brand", "characterise", "characterize"}
)
"""Verbs that put a name on something already told ("called the explosion an attack")."""
RELATIVE_PRONOUNS = frozenset({"what", "which", "that", "it"})


def renames_told_event(head: Token, other_triggers: set[int]) -> bool:
    """ "the governor called the explosion an 'attack'", "in what the mayor called an
    attack": an event noun that is the name a speaker gives (the object predicate of a verb
    of naming) to another reported event, or to "what"/"it" standing for it, tells no event
    of its own: the event is the one already told. "She called the impeachment a coup"
    names a thing no trigger told, and stays."""
    if head.dep_ != "oprd" or head.head.lemma_.lower() not in NAMING_VERBS:
        return False
    named = [c for c in head.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.i in other_triggers or t.lower_ in RELATIVE_PRONOUNS for t in named)


ACHIEVEMENT_NOUNS = frozenset({"coup"})
"""Event nouns that also name a success ("a diplomatic coup", "a coup for the mediator")."""


def achievement(head: Token) -> bool:
    """ "the deal was a diplomatic coup", "a major coup for the mediator": the success
    sense, told as the predicate of "be" or with the "for" of whom it benefits; "soldiers
    staged a coup", "the coup failed" tell a seizure of power."""
    if head.lower_ not in ACHIEVEMENT_NOUNS and head.lemma_.lower() not in ACHIEVEMENT_NOUNS:
        return False
    return head.dep_ == "attr" or bool(objects_of(head, frozenset({"for"})))


YIELDING_VERBS = frozenset({"surrender", "capitulate"})
"""Verbs of giving up a fight, which also mean handing a thing in."""
YIELDED_THINGS = frozenset(
    {"town", "city", "village", "base", "territory", "positions", "position", "garrison",
     "weapons", "arms", "guns", "fort", "fortress", "stronghold", "enclave", "district",
     "area", "region", "province", "capital", "airport", "port", "outpost", "camp"}
)  # fmt: skip
"""What an armed side gives up when it surrenders something: ground or its arms."""


def handing_in(head: Token) -> bool:
    """ "he surrendered his passport": a verb of yielding whose object is a thing handed in,
    not ground (a place, a town, a base) or arms; "the garrison surrendered", "surrendered
    to the army" and "surrendered the town" give up a fight."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in YIELDING_VERBS:
        return False
    objects = [c for c in head.children if c.dep_ == "dobj"]
    return bool(objects) and not any(
        o.lower_ in YIELDED_THINGS or o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects
    )


PROCESSION_VERBS = frozenset({"march"})
"""Verbs of walking together that are a demonstration only when told with a cause."""
DEMAND_VERBS = frozenset(
    {"demand", "call", "protest", "denounce", "condemn", "oppose", "reject", "urge", "press",
     "seek", "support", "chant", "demonstrate", "mourn", "commemorate", "express", "voice",
     "defend", "decry", "highlight"}
)  # fmt: skip
"""What marchers march to do when they demonstrate ("to demand their pay", "chanting")."""
CAUSE_NOUNS = frozenset({"protest", "support", "solidarity", "defiance", "memory", "opposition"})
"""What "in" gives a march as its cause ("in protest at", "in solidarity with")."""
CROWD_COUNTS = frozenset({"dozen", "hundred", "thousand", "million", "score", "ten"})
"""Number nouns that, in the plural, count a crowd ("thousands marched"): a closed class of
English."""
MARCHING_FORCES = frozenset(
    {"troops", "soldiers", "army", "forces", "militants", "rebels", "fighters", "militia",
     "militiamen", "insurgents", "team", "side", "squad", "band", "army's"}
)  # fmt: skip
"""Who marches without demonstrating: an army on the move, a team into a final."""


def procession_without_cause(head: Token) -> bool:
    """ "the team marched into the final", "troops marched on the capital": a verb of
    walking together is no demonstration unless its clause tells a cause ("marched to
    demand their pay", "marched against the reform", "marched in protest", "marched
    chanting slogans") or its marchers are a bare count ("thousands marched"), and its
    marchers are no armed force nor a team."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in PROCESSION_VERBS:
        return False
    marchers = [c for c in head.children if c.dep_ == "nsubj"]
    counted = [o for t in marchers for o in objects_of(t, frozenset({"of"}))]
    if any(t.lower_ in MARCHING_FORCES for t in marchers + counted):
        return True  # "troops marched", "thousands of soldiers marched"
    if any(t.lemma_.lower() in CROWD_COUNTS and t.tag_ == "NNS" for t in marchers) and not counted:
        # "thousands marched through the capital": a crowd on the street; a counted group
        # of someone ("hundreds of pilgrims marched to the shrine") may only be travelling
        return False
    clauses = [c for c in head.children if c.dep_ in ("advcl", "xcomp", "conj")]
    if any(c.lemma_.lower() in DEMAND_VERBS for c in clauses):
        return False
    if objects_of(head, frozenset({"against"})):
        return False
    return not any(t.lower_ in CAUSE_NOUNS for t in objects_of(head, frozenset({"in"})))
