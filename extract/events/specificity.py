"""Specific incidents only: which trigger mentions report something that happened.

News text names events that did not happen, or no one event: "police did not detain anyone"
(negated), "rebels could attack the town" (hypothetical), "if they attack" (conditional),
"the army will strike back" (future), "talks were proposed" (intended), "insurgents often
target markets" (habitual), "raids of that kind are common" (generic), "attacks on convoys
have doubled over the past decade" (a trend: plural background). An event dataset that
counts them inflates violence, so such mentions yield no event.

The decision reads the parse, not phrasings: the trigger's clause (its own verb, or the
verb its noun phrase hangs from) and that clause's tense, aspect and mood from spaCy's
morphology and auxiliaries (`Tense`, `VerbForm`, `Aspect`, modal `MD`), negation (`neg`,
`Polarity=Neg`, the quantifiers "no", "nobody", "any"), complementation (a "to"-infinitive
under a verb that does not entail its complement), subordination ("if", "unless") and the
noun phrase's number and determiners. The only word classes are closed ones (determiners,
quantifiers, modal lemmas) and a few verb classes that grammar books name (implicative
verbs, verbs and nouns of intention and prevention), never sentences.

Definite mentions ("the attack", "Sunday's strike") refer to an incident the text already
knows, so the mood of the clause they sit in says nothing about whether it happened ("the
attack could be a warning"); only what governs them as a plan ("called for the
assassination of the general") does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..inputs import MonthDay, resolve_date
from ..language import (
    DENYING_VERBS,
    MONTH_NAMES,
    REPORTING_VERBS,
    TERMINATIVE_VERBS,
    objects_of,
)
from ..model import NonSpecificReason
from ..nlp import TRIGGERS_KEY
from .shared import VIOLENT

if TYPE_CHECKING:
    from .shared import EventMention

__all__ = [
    "Reason",
    "claims_follow_incidents",
    "date_precision",
    "is_headline",
    "nonspecific_reason",
    "split_specific",
]

Reason = NonSpecificReason

FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
"""Modal auxiliaries of the future ("wo" is "won't" split by the tokenizer)."""
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
NONSPECIFIC_DETERMINERS = frozenset({"any", "either", "such", "whatever"})
"""Quantifiers that range over possible events rather than pick one ("any attack"); not
"each" or "every", which range over events that happened ("before each explosion")."""
NEGATIVE_PRONOUNS = frozenset({"nobody", "none", "no-one", "noone", "nothing"})
NEGATIVE_ADVERBIAL_NOUNS = frozenset(
    {"time", "point", "stage", "moment", "occasion", "way", "means", "account", "circumstance",
     "circumstances"}
)  # fmt: skip
"""Nouns that, with "no" in a prepositional phrase on the verb, deny the whole clause ("at no
time", "in no way", "on no occasion", "under no circumstances", "by no means"): English's
negative adverbials, a closed class. "With no warning" denies the warning, not the act."""
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
KIND_NOUNS = frozenset({"kind", "kinds", "type", "types", "sort", "sorts", "form", "forms"})
"""Nouns that make an event noun name a kind ("raids of that kind", "this type of attack")."""
IRREALIS_ADJECTIVES = frozenset(
    {"possible", "potential", "likely", "probable", "imminent", "impending", "future",
     "prospective", "hypothetical", "eventual"}
)  # fmt: skip
"""Adjectives that make an event noun one that may yet happen ("a possible attack", "an
imminent offensive"), not one that did. Not "attempted" or "failed": ACLED codes attempts,
and a failed attack took place; nor "planned", "expected" or "feared", which say how an
event came about as readily as that it has not ("the carefully planned attack killed 12",
"the expected offensive began on Monday")."""
LASTING_UNITS = frozenset({"week", "month", "year", "decade", "century"})
"""Time units long enough that an event lasting them is a campaign, not one incident ("two
weeks of fighting", "months of shelling"); days and hours still pin one."""
TERMINAL_PUNCTUATION = frozenset({".", "!", "?", '"', "”", "’", "'", ":", ";", "»", ")"})

IMPLICATIVE_GOVERNORS = frozenset(
    {"begin", "start", "continue", "keep", "resume", "manage", "try", "attempt", "proceed",
     "go", "come", "help", "dare", "happen", "seem", "appear", "force", "compel", "oblige",
     "get", "return", "move", "rush", "hurry", "set", "launch", "step", "escalate", "seek",
     "opt", "choose"}
)  # fmt: skip
"""Verbs whose "to"-infinitive happened when they did ("began to shell", "tried to storm":
ACLED codes attempts). Every other governor of a "to"-infinitive ("plans to", "vowed to",
"urged them to", "offered to") leaves its complement unrealised."""
NEGATIVE_IMPLICATIVE_GOVERNORS = frozenset({"fail", "refuse", "decline", "neglect", "cease"})
"""Verbs whose "to"-infinitive did not happen ("failed to detonate", "refused to attack")."""
PREVENTING_VERBS = frozenset(
    {"prevent", "stop", "keep", "deter", "bar", "ban", "prohibit", "forbid", "block",
     "discourage", "dissuade", "protect", "shield", "save", "spare", "refrain", "restrain",
     "hinder", "restrict"}
)  # fmt: skip
"""Verbs whose "from"-gerund did not happen ("to prevent judges from being murdered",
"stopped the gang from attacking the bank", "refrained from shelling")."""
HABITUAL_GOVERNORS = frozenset({"tend", "use"})
"""Active "used to attack", "tend to strike": a habit, no incident (a passive "drones were
used to attack" or "used tear gas to disperse" is a purpose and follows the governor)."""
INTENTION_LEMMAS = frozenset(
    {"propose", "proposal", "plan", "plot", "threaten", "threat", "vow", "pledge", "promise",
     "want", "wish", "hope", "intend", "intention", "aim", "demand", "urge", "request",
     "prepare", "preparation", "offer", "suggest", "suggestion", "recommend",
     "fear", "risk", "danger", "possibility", "prospect", "likelihood", "prevent",
     "prevention", "avoid", "avert", "deter", "thwart", "foil", "ban", "prohibit", "expect",
     "predict", "anticipate", "await", "call", "push", "press", "appeal", "invite",
     "invitation", "agree", "decide", "decision", "order", "need", "prospects", "readiness",
     "ready", "contingency", "scenario", "warn", "warning", "schedule"}
)  # fmt: skip
"""Verbs and nouns of intention, request, expectation and prevention: an event they govern
is planned, asked for, feared or stopped, not reported ("proposed talks", "a plot to bomb",
"to prevent further clashes", "fears of reprisal attacks")."""
WITH_PREPOSITION = {
    "call": frozenset({"for", "on", "upon"}),
    "push": frozenset({"for"}),
    "press": frozenset({"for"}),
    "appeal": frozenset({"for"}),
    "warn": frozenset({"of", "against", "about"}),
    "agree": frozenset({"to", "on"}),
    "order": frozenset(),
    "set": frozenset(),
}
"""Lemmas of `INTENTION_LEMMAS` that only intend through one of these prepositions ("called
for talks", not "called the attack cowardly"); an empty set: only through a "to"-infinitive
("ordered troops to attack", not "ordered the arrest" -- ordering an arrest reports it)."""
NUMBER_FREE_CLASSES = frozenset({"Protest", "Election", "Sanction", "Meeting", "Agreement"})
"""Classes whose plural names one event ("protests", "talks", "sanctions", "elections"), so
a plural is no sign of background for them."""
ASSENT_LEMMAS = frozenset({"agree"})
"""Verbs of intention whose prepositional object, when an agreement, is the agreement
itself: "agreed to a truce" tells the truce reached."""
NEGOTIATION_LEMMAS = frozenset(
    {"discuss", "discussion", "negotiate", "negotiation", "talk", "debate", "consider",
     "explore", "dialogue", "mediate", "mediation"}
)  # fmt: skip
"""Verbs and nouns of negotiation: an agreement they are about is sought, not reached ("met
to discuss a ceasefire", "talks on a peace deal", "negotiated a truce for weeks")."""
COMPLIANCE_LEMMAS = frozenset(
    {"violate", "violation", "breach", "break", "flout", "observe", "respect", "honour",
     "honor", "uphold", "monitor", "enforce", "abide"}
)  # fmt: skip
"""Verbs and nouns of keeping or breaking an agreement: the agreement they are about was
reached before and is presupposed, not told ("accused each other of violating a truce",
"violations of the ceasefire"); the violation, if violent, is an incident of its own."""
REJECTING_LEMMAS = DENYING_VERBS | frozenset(
    {"refuse", "refusal", "decline", "spurn", "rebuff", "veto", "rejection"}
)
"""Verbs and nouns of turning an offer down: an agreement they take as object was offered,
never reached ("rejected a ceasefire", "the truce was refused", "the rejection of the deal").
The counterpart of `ASSENT_LEMMAS`."""
FAILING_LEMMAS = frozenset(
    {"collapse", "fail", "failure", "founder", "unravel", "crumble", "breakdown"}
)  # fmt: skip
"""Verbs and nouns of an agreement coming to nothing ("the truce collapsed", "the failure of
the deal"); "break" and "fall" only with a particle of `FAILING_PARTICLES` ("broke down",
"fell apart"). The agreement they are about was made before or never held: the news is its
end, not an agreement."""
FAILING_PARTICLES = frozenset({"down", "apart", "through"})
TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "for", "of", "by", "towards", "toward"})
"""Prepositions that attach what a negotiation or a compliance is about."""
AGREEMENT = "Agreement"
SUPPORT_VERBS = frozenset({"hold"})
"""Verbs of `COMMUNICATION_LEMMAS` that are also support verbs of an event noun ("held
talks", "hold a rally"): the noun as their object is the event their clause tells."""
PARTITIVE_NOUNS = frozenset(
    {"round", "rounds", "series", "session", "sessions", "wave", "waves", "spate", "string",
     "cycle"}
)  # fmt: skip
"""Nouns that count an event noun's occurrences ("a new round of talks", "a wave of
attacks"): intending the round intends the talks."""
SKIP_CLASSES = frozenset({"ClaimOfResponsibility"})
"""Statements about another event are judged by the claims rules, not here."""

FREQUENCY_ADVERBS = frozenset(
    {"often", "frequently", "regularly", "usually", "routinely", "sometimes", "always",
     "habitually", "occasionally", "seldom", "rarely", "generally", "typically", "normally",
     "periodically", "constantly", "daily", "nightly", "weekly"}
)  # fmt: skip
"""Adverbs of frequency (a closed class): the event they modify recurs."""
RECURRENCE_UNITS = frozenset(
    {"day", "night", "week", "month", "year", "morning", "evening", "weekend", "time",
     "season", "spring", "summer", "autumn", "winter"}
)  # fmt: skip
"""Time nouns that "every"/"each" turns into a frequency ("every week", "each time")."""
TREND_LEMMAS = frozenset(
    {"rise", "increase", "double", "triple", "treble", "fall", "drop", "decline", "decrease",
     "grow", "surge", "soar", "climb", "dwindle", "halve", "multiply", "spike", "slow"}
)  # fmt: skip
"""Verbs of change in quantity: with a plural event noun as subject they tell a trend."""
FREQUENCY_ADJECTIVES = frozenset(
    {"daily", "nightly", "weekly", "monthly", "frequent", "regular", "routine", "constant",
     "continual", "habitual", "periodic", "recurrent", "recurring", "occasional", "incessant",
     "everyday"}
)  # fmt: skip
"""Adjectives of frequency (the adjective forms of `FREQUENCY_ADVERBS`): "daily bombings",
"frequent raids" recur. Not "repeated" or "sporadic": "repeated strikes on the town
overnight" is one night's incident."""
COURT_NOUNS = frozenset(
    {"trial", "retrial", "verdict", "sentencing", "conviction", "acquittal", "indictment",
     "tribunal", "court"}
)  # fmt: skip
"""Nouns of a court judging what someone did."""
RETROSPECT_NOUNS = COURT_NOUNS | frozenset(
    {"anniversary", "commemoration", "memorial", "remembrance", "memory", "jubilee"}
)
"""Nouns that look back on a past event: a court judging it, a day or a monument marking
it."""
COMMEMORATION_VERBS = frozenset({"commemorate", "memorialize", "memorialise"})
RETROSPECT_VERBS = COMMEMORATION_VERBS | frozenset(
    {"convict", "acquit", "sentence", "indict", "prosecute", "retry"}
)
"""Verbs that look back on a past event: commemorating it, or a court's judging of it
("convicted of the bombing"); not "charge" or "arrest", said the day of the incident."""
RETROSPECT_PREPOSITIONS = frozenset({"of", "for", "over"})
ALLEGING_LEMMAS = frozenset(
    {"accuse", "accusation", "allege", "allegation", "blame", "charge", "suspect", "suspicion"}
)  # fmt: skip
"""Verbs and nouns of allegation (accusing, charging, suspecting someone of an act)."""
ALLEGED_PREPOSITIONS = frozenset({"of", "with", "for"})
"""Prepositions that attach the act someone is accused of, charged with or blamed for."""
INCITING_LEMMAS = frozenset({"incite", "instigate", "foment", "provoke", "stir", "encourage"})
"""Verbs of causing others to act: what one is accused of inciting is a charge, not an act
the text reports (unless it names a known one: "inciting the riot")."""
BACKGROUND_PREPOSITIONS = frozenset({"since"})
"""Prepositions that set a plural event noun as the background of another clause ("have
fled since the raids"): the state is reported, not the raids."""
DISTRIBUTIVE_ADJECTIVES = frozenset({"separate", "unrelated", "distinct"})
"""Adjectives that make a plural event noun stand for several incidents each told apart
("two separate attacks were reported"): a round-up's summary, not an incident of its own."""
AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists")
"""Agent-noun endings ("leaders", "organisers", "activists"): an event noun that only
classifies people ("protest leaders") names no incident."""
EQUIPPED_KINDS = frozenset(
    {"troop", "unit", "squad", "battalion", "brigade", "regiment", "helicopter", "aircraft",
     "plane", "jet", "craft", "boat", "ship", "vessel", "vehicle", "rifle", "weapon", "dog",
     "capability", "training", "exercise", "drill"}
)  # fmt: skip
"""Heads of units, craft, arms and practice that an event noun classifies by what they are
made or trained for ("assault troops", "attack helicopters", "assault rifles", "combat
training"), like the agent nouns of `AGENT_SUFFIXES`: no incident is told."""

SHORT_TIME_UNITS = frozenset(
    {"day", "days", "hour", "hours", "night", "nights", "overnight", "morning", "evening",
     "afternoon", "tonight", "dawn", "dusk", "midnight", "noon"}
)  # fmt: skip
"""Units of a time span short enough to pin an incident ("over the past two days")."""
DIRECT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative", "pobj"})
"""How an event noun can be an argument of its clause's verb (a "pobj" through one
preposition: "will continue with attacks")."""

COMMUNICATION_LEMMAS = REPORTING_VERBS | frozenset(
    {"tell", "inform", "describe", "discuss", "mention", "talk", "speak", "hear", "learn",
     "investigate", "probe", "condemn", "denounce", "recall", "remember", "ask", "question",
     "charge", "convict", "sentence", "indict", "try", "prosecute", "jail", "imprison",
     "acquit", "link", "connect", "tie", "implicate", "arrest", "detain", "hold"}
)  # fmt: skip
"""Verbs that speak of an event rather than make it, in words or in court: their tense and
mood are the speaker's ("will tell us about two explosions", "reports the kidnapping of",
"is charged with the bombings")."""

_REFERENCE_DAY = date(2001, 6, 15)
"""Any fixed day: only the precision of a resolved date expression is read, to tell a time
that pins a day ("since Friday", "on 3 June") from a period ("over the past decade")."""


def split_specific(
    mentions: Iterable[EventMention], anchor: date | MonthDay | None = None
) -> tuple[list[EventMention], list[tuple[EventMention, Reason]]]:
    """The mentions that report a specific incident, and the others with the reason why
    not, each in order. The others are kept as background (a trend, a threat, a negated
    arrest is still something the article talks about) but never become incidents.
    `anchor` is the article's day (`extract.inputs.article_anchor`), against which a
    mention dated to a past month or year is told as history (`_dated_long_before`)."""
    specific: list[EventMention] = []
    others: list[tuple[EventMention, Reason]] = []
    for mention in mentions:
        reason = nonspecific_reason(mention, anchor)
        if reason is None:
            specific.append(mention)
        else:
            others.append((mention, reason))
    return specific, others


def claims_follow_incidents(
    specific: list[EventMention], others: list[tuple[EventMention, Reason]]
) -> tuple[list[EventMention], list[tuple[EventMention, Reason]]]:
    """The specific mentions without the claims and accusations about no incident, and the
    others with those claims, each with the reason of what it is about
    (`_concerned_reason`): a claim is read on the incident it is about, never alone."""
    reasons: dict[int, Reason | None] = {id(m): None for m in specific}
    reasons.update((id(m), reason) for m, reason in others)
    mentions = specific + [m for m, _ in others]
    kept: list[EventMention] = []
    moved: list[tuple[EventMention, Reason]] = []
    for mention in specific:
        reason = None
        if mention.event_class in SKIP_CLASSES:
            reason = _concerned_reason(mention, mentions, reasons)
        if reason is None:
            kept.append(mention)
        else:
            moved.append((mention, reason))
    return kept, others + moved


def _concerned_reason(
    claim: EventMention, mentions: list[EventMention], reasons: dict[int, Reason | None]
) -> Reason | None:
    """A claim or an accusation speaks about the incidents its trigger governs ("accused
    the group of bombing a bridge"): when every one of them tells no incident (an alleged
    act, a threat), the claim is about no incident either and shares their reason; a claim
    that governs no event mention, or one specific incident, stands."""
    root = claim.span.root
    governed = {  # not a conjoined clause ("was accused of X and was detained")
        t.i for c in root.children if c.dep_ not in ("conj", "cc") for t in c.subtree
    }
    about = [
        reasons[id(m)]
        for m in mentions
        if m is not claim and m.event_class not in SKIP_CLASSES and m.span.root.i in governed
    ]
    if not about or any(reason is None for reason in about):
        return None
    return about[0]


def nonspecific_reason(
    mention: EventMention, anchor: date | MonthDay | None = None
) -> Reason | None:
    """Why the mention reports no specific incident, or None when it does."""
    if mention.hypothetical:
        return "hypothetical"
    if mention.in_general is not None:
        return mention.in_general
    if mention.anaphoric or mention.event_class in SKIP_CLASSES:
        return None
    root = mention.span.root
    if _alleged_conduct(root):
        return "hypothetical"  # "accused of inciting unrest": an allegation, not an incident
    if _dated_long_before(root, anchor) or _prior_occurrence(root, mention.sentence):
        return "background"  # "the March 1980 assassination", "the previous round of talks"
    if root.dep_ == "relcl" and _looked_back_on(root.head):
        return "background"  # "the anniversary of the siege, when the city was shelled"
    if root.pos_ in ("VERB", "AUX") and root.tag_.startswith("VB"):
        return _verb_reason(root, mention.sentence, mention.event_class)
    return _noun_reason(root, mention.event_class, mention.sentence)


def _alleged_conduct(word: Token) -> bool:
    """ "was accused of inciting unrest", "charged with fomenting violence": an event noun
    that a gerund of causing (`INCITING_LEMMAS`) governs, where that gerund completes a
    word of allegation (`ALLEGING_LEMMAS`), is the charge, what someone is said to have
    stirred up, not an incident the text reports. An act the gerund tells itself ("accused
    of burning a clinic", "suspected of carrying out attacks"), a noun that is itself the
    complement ("blamed for an attack on the depot"), a definite noun ("accused of
    inciting the riot") and a noun whose own clause tells what it did ("inciting riots
    that left five dead") name an incident whose doer is alleged: they stay incidents."""
    if word.pos_ in ("VERB", "AUX") or _definite(word):
        return False
    if any(c.dep_ == "relcl" for c in word.children):
        return False
    if word.dep_ == "pobj" and _inciting_modifier(word):
        verb = word  # "charged with provoking riots", the gerund parsed as an adjective
    elif word.dep_ == "dobj" and word.head.lemma_.lower() in INCITING_LEMMAS:
        verb = word.head
    else:
        return False
    for _ in range(4):
        if verb.dep_ != "conj":
            break
        verb = verb.head  # "accused of looting shops and inciting unrest"
    gerund = (verb.dep_ == "pcomp" and verb.tag_ == "VBG") or verb is word
    if not gerund or verb.head.lower_ not in ALLEGED_PREPOSITIONS:
        return False
    governor = verb.head.head
    if governor.dep_ == "dobj":
        governor = governor.head  # "accused the man of inciting": parsed as the man's
    return governor.lemma_.lower() in ALLEGING_LEMMAS


def _inciting_modifier(noun: Token) -> bool:
    """A gerund of `INCITING_LEMMAS` the parser hung on the noun as a modifier
    ("provoking riots"), as `_intention_gerund` reads one of intention."""
    return any(
        c.dep_ in ("compound", "amod")
        and c.i < noun.i
        and any(_gerund_of(c.lower_, lemma) for lemma in INCITING_LEMMAS)
        for c in noun.children
    )


# Clauses ------------------------------------------------------------------------------------


def is_headline(sentence: Span) -> bool:
    """Whether the sentence is a headline or a bullet (see `_headline`)."""
    return _headline(sentence)


def _headline(sentence: Span) -> bool:
    """A headline or bullet: a line that ends without a full stop. Headlines tell past
    incidents in the present ("Gunmen kill 12 in village raid")."""
    words = [t for t in sentence if not t.is_space]
    if not words or words[-1].text in TERMINAL_PUNCTUATION:
        return False
    after = sentence.end
    doc = sentence.doc
    return after >= len(doc) or "\n" in doc[after - 1].text_with_ws or doc[after].is_space


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _modal(verb: Token) -> Reason | None:
    """Future or hypothetical from a modal auxiliary; none for a modal perfect ("may have
    carried out", "could have killed"): that is a hedge about a past event, which the
    claims keep as their certainty."""
    auxiliaries = _auxiliaries(verb)
    modals = [a for a in auxiliaries if a.tag_ == "MD"]
    if not modals:
        return None
    if any(a.lemma_.lower() == "have" for a in auxiliaries):
        # ... unless a condition says it did not happen: "would have arrested them if
        # they had found them" (a counterfactual)
        return "conditional" if _conditioned(verb) else None
    return "future" if modals[0].lower_ in FUTURE_MODALS else "hypothetical"


def _conditioned(verb: Token) -> bool:
    """Whether a clause of the verb is a condition ("if they had found them")."""
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
        for c in verb.children
    )


def _negative_argument(token: Token) -> bool:
    """ "nobody", "no one", "no soldiers": an argument that denies the event."""
    if token.lower_ in NEGATIVE_PRONOUNS:
        return True
    return any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS for c in token.children)


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" or "Neg" in c.morph.get("Polarity") for c in verb.children):
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return True  # "without a shot being fired"
    if any(_negative_adverbial(c) for c in verb.children if c.dep_ == "prep"):
        return True  # "at no time did the militia attack", "in no way shelled"
    return any(
        _negative_argument(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
    )


def _negative_adverbial(prep: Token) -> bool:
    """A prepositional phrase that denies its clause: "at no time", "under no
    circumstances" (`NEGATIVE_ADVERBIAL_NOUNS` with the determiner "no")."""
    return any(
        obj.dep_ == "pobj" and obj.lower_ in NEGATIVE_ADVERBIAL_NOUNS and _negative_argument(obj)
        for obj in prep.children
    )


SAME_FORM_PASTS = frozenset(
    {"beat", "hit", "cut", "set", "shut", "put", "burst", "spread", "hurt", "cast", "let",
     "split", "thrust", "shed", "slit", "upset", "broadcast"}
)  # fmt: skip
"""English verbs whose past is their bare form: "soldiers beat protesters" may be either."""


def _present_simple(verb: Token) -> bool:
    """A finite present that is neither progressive nor perfect: "attack", "are common",
    "is carried out". Not a verb whose past is its bare form told on a day ("soldiers
    beat protesters on Wednesday"): the tagger's present is that day's past."""
    if verb.tag_ == "VBP" and verb.lower_ in SAME_FORM_PASTS and _day_anchored(verb.sent):
        return False
    auxiliaries = _auxiliaries(verb)
    if any(a.tag_ == "MD" or a.lemma_.lower() == "have" for a in auxiliaries):
        return False
    if verb.tag_ == "VBG":
        return False  # progressive: an event under way
    finite = next((a for a in auxiliaries if "Fin" in a.morph.get("VerbForm")), None)
    if finite is not None:
        return "Pres" in finite.morph.get("Tense")
    return verb.tag_ in ("VBP", "VBZ")


def _episodic(verb: Token) -> bool:
    """A finite past ("attacked", "was attacked", "had attacked") or an event under way
    ("are fighting", "there are clashes"): the clause reports occurrences, not a trend."""
    auxiliaries = _auxiliaries(verb)
    if any(a.tag_ == "MD" for a in auxiliaries):
        return False
    if any(c.dep_ == "expl" for c in verb.children) and _present_simple(verb):
        return True
    if verb.tag_ == "VBG" and any(a.lemma_.lower() == "be" for a in auxiliaries):
        return True
    finite = next((a for a in auxiliaries if "Fin" in a.morph.get("VerbForm")), None)
    if finite is not None:
        return "Past" in finite.morph.get("Tense")
    return verb.tag_ == "VBD"


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _own_mood(verb: Token) -> Reason | None:
    """What the verb's own clause says about its event happening."""
    if _negated(verb):
        return "negated"
    modal = _modal(verb)
    if modal is not None:
        return modal
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return "conditional"
    if _imperative(verb):
        return "hypothetical"  # "cease all attacks on civilians", "stop the killings"
    return None


def _imperative(verb: Token) -> bool:
    """An order or an appeal: a bare verb heading a main (or quoted, which the parser
    may read as a fronted adverbial clause) clause with no subject, auxiliary or
    subordinator ("Cease all attacks!", " 'Stop the killings,' they
    chanted"). What it asks for has not happened."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "advcl"):
        return False
    if verb.dep_ == "advcl" and verb.i > verb.head.i:
        return False  # a fronted quote is read as an adverbial clause; a later one is not
    return not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark") for c in verb.children
    )


def _clause_mood(verb: Token, sentence: Span, depth: int = 0) -> Reason | None:
    """The verb's mood, or the one it takes from the clause that governs it: a conjunct
    shares its head's auxiliaries ("could attack and kill"), a "to"-infinitive is unrealised
    unless its governor entails it, a present-tense clause under a future or hypothetical
    one shares its mood ("they will be punished when they attack")."""
    own = _own_mood(verb)
    if own is not None or depth > 3 or verb.head.i == verb.i:
        return own
    governor = verb.head
    if verb.dep_ == "conj" and governor.pos_ in ("VERB", "AUX"):
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
            return None  # a clause of its own: "did not involve X, but posts came under fire"
        inherited = _clause_mood(governor, sentence, depth + 1)
        if inherited == "negated":
            alternatives = {c.lower_ for c in governor.children if c.dep_ == "cc"}
            return inherited if alternatives & {"or", "nor"} else None
        return inherited
    if verb.lemma_.lower() == "be":
        return None  # "believed to be behind", "seems to be": a state, not an event
    if _prevented(verb):
        return "hypothetical"  # "to prevent judges from being murdered"
    if (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VBG"
        and governor.pos_ in ("VERB", "AUX")
        and governor.lemma_.lower() not in TERMINATIVE_VERBS
    ):
        # "will keep shelling", "continue fighting!": the aspect verb's mood is the event's
        return _clause_mood(governor, sentence, depth + 1)
    if _infinitive(verb) and verb.dep_ in ("xcomp", "advcl", "acl", "ccomp", "relcl"):
        lemma = governor.lemma_.lower()
        passive = any(c.dep_ == "auxpass" for c in governor.children)
        if lemma == "go" and governor.tag_ == "VBG":
            return "future"  # "are going to attack"
        if lemma in NEGATIVE_IMPLICATIVE_GOVERNORS:
            return "negated"
        purpose = verb.dep_ == "advcl"
        with_object = any(c.dep_ == "dobj" for c in governor.children)
        if lemma in HABITUAL_GOVERNORS and not (passive or purpose or with_object):
            return "habitual"  # "used to attack", not "used tear gas to disperse"
        if purpose or lemma in IMPLICATIVE_GOVERNORS | HABITUAL_GOVERNORS:
            # Implicative verbs entail their complement; a purpose clause ("marched to
            # protest", "traveled to meet") tells what was done, as real as its governor.
            if governor.pos_ in ("VERB", "AUX"):
                return _clause_mood(governor, sentence, depth + 1)
            return None
        return "hypothetical"
    if verb.dep_ == "advcl" and governor.pos_ in ("VERB", "AUX") and _present_simple(verb):
        inherited = _clause_mood(governor, sentence, depth + 1)
        if inherited in ("future", "hypothetical", "conditional"):
            return inherited
    return None


def _prevented(verb: Token) -> bool:
    """A gerund after "from" that a verb of preventing governs ("stopped them from
    attacking", "kept the town from being shelled"): the act was kept from happening,
    whatever the tense of the preventing verb."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "from":
        return False
    governor = verb.head.head
    if governor.pos_ not in ("VERB", "AUX") or governor.lemma_.lower() not in PREVENTING_VERBS:
        return False
    return not _failed(governor)


FAILING_WORDS = frozenset({"fail", "unable", "nothing", "powerless", "try", "attempt", "seek"})
"""Words under which a preventing verb may not have prevented ("failed to stop them from",
"did nothing to stop", "tried to keep them from"): the act may well have happened."""


def _failed(governor: Token) -> bool:
    """Whether the preventing verb is negated ("did not protect them from being shelled"),
    has a subject that is no one ("nothing stopped them from"), or stands under a word of
    failing or trying, up to two steps up the tree."""
    if any(c.dep_ == "neg" for c in governor.children):
        return True
    for subject in (c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in ("nothing", "nobody", "none", "no-one") or any(
            d.dep_ == "det" and d.lower_ == "no" for d in subject.children
        ):
            return True
    node = governor
    for _ in range(2):
        if node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in FAILING_WORDS or node.lower_ in FAILING_WORDS:
            return True
        if any(c.dep_ == "neg" for c in node.children):
            return True
    return False


def _verb_reason(verb: Token, sentence: Span, event_class: str) -> Reason | None:
    mood = _clause_mood(verb, sentence)
    if mood is not None:
        return mood
    clause = _aspect_governor(verb)
    if _present_simple(clause) and not _headline(sentence) and _generic_subject(clause):
        return "habitual"  # "insurgents often target markets", "who keep raiding farms"
    if _frequent(verb):
        return "habitual"  # "the militia raids the road every week", "often shelled"
    if _lasting_since(verb) and event_class not in NUMBER_FREE_CLASSES:
        return "background"  # "planes have been bombing the hills since March"
    return None


def _lasting_since(verb: Token) -> bool:
    """A perfect clause whose "since"/"for" phrase spans longer than a week ("have been
    bombing the hills since March", "has shelled the town for months") tells a campaign,
    the background of the article's incidents; "since Monday" or "for two days" pins one."""
    if not any(a.lemma_.lower() == "have" for a in _auxiliaries(verb)):
        return False
    return any(
        _long_period(obj)
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("since", "for")
        for obj in prep.children
        if obj.dep_ == "pobj"
    )


def _long_period(phrase_head: Token) -> bool:
    """Whether a time phrase spans more than a week: a unit of `LASTING_UNITS` ("for
    months", "for two years") or a date coarser than a week ("since March", "since 2015").
    A phrase with a short unit or naming a day is not; nor one that names no time, nor
    one whose head is no time at all ("for the first time since 2006", "for the first
    time in a decade" tell that one incident is rare, not that it lasted)."""
    if phrase_head.lower_ in SHORT_TIME_UNITS:
        return False
    if phrase_head.lemma_.lower() in LASTING_UNITS:
        return True
    if phrase_head.ent_type_ != "DATE":
        return False
    return date_precision(phrase_head) not in ("day", "week")


HISTORY_PRECISIONS = frozenset({"month", "year"})
"""Precisions of a date that places an event in a month or a year, not on a day."""
DATE_PREPOSITIONS = frozenset({"in", "on", "during", "of"})
DATE_MODIFIER_DEPS = frozenset({"compound", "nmod", "nummod", "npadvmod", "poss", "amod"})
RECENT_DAYS = 31
"""How long before the article's day a month may end and still be the news's own time
("last month" in a story of early June); a month or a year that ended earlier is history."""


def _dated_long_before(word: Token, anchor: date | MonthDay | None) -> bool:
    """Whether the event the word names is dated, by a time phrase of its own, to a month
    or a year that ended well before the article's day: "the March 1980 assassination",
    "the offensive of November 1989", "talks collapsed in March" (in a story of June),
    "since 2017, when a general was killed". News reports an incident on its day; a past
    one placed only in a month or a year is recalled as the history behind the news, and
    an event dataset that counted it again would date it wrongly or count it twice. A
    noun that is an argument of its clause takes its verb's time phrase. Any phrase that
    pins a day or a week ("on 3 March", "last week"), or the article's own month or year
    ("this year", "last month"), keeps the event."""
    dates = _time_phrases(word)
    counter = _partitive_counter(word)
    if counter is not None:
        word = counter  # "the last round of talks collapsed in March"
        dates = dates or _time_phrases(word)
    if not dates and word.pos_ not in ("VERB", "AUX") and word.dep_ in DIRECT_DEPS:
        path, verb = _governing_path(word)
        if verb is not None and (word.dep_ != "pobj" or len(path) == 1):
            dates = _time_phrases(verb)
    return bool(dates) and all(_long_before(ent, anchor) for ent in dates)


PRIOR_ADJECTIVES = frozenset({"previous", "prior", "preceding", "former"})
"""Adjectives that set an event before another of its kind ("the previous raid on the town").
"earlier" and "last" do so only on a counting noun ("the last round of talks"): on the event
noun itself wire copy means earlier the same day or the latest ("the earlier raid was
repelled", "the last attack killed five"), the news itself (`COUNTED_PRIOR_ADJECTIVES`)."""
COUNTED_PRIOR_ADJECTIVES = frozenset({"earlier", "last"})


def _prior_occurrence(word: Token, sentence: Span) -> bool:
    """An event noun, or the partitive noun counting it, that an adjective of `PRIOR_ADJECTIVES`
    sets before the one the news is about ("the last round of talks broke down", "the
    previous raid on the town"), in a sentence that pins no day: an earlier occurrence of
    the news's kind of event, recalled as its background. "An earlier attack on Monday"
    pins its day and is a second incident of a round-up."""
    if word.pos_ in ("VERB", "AUX"):
        return False
    counter = _partitive_counter(word)
    nouns = [word] if counter is None else [word, counter]
    qualified = any(
        c.dep_ == "amod" and c.lower_ in PRIOR_ADJECTIVES for n in nouns for c in n.children
    ) or (
        counter is not None
        and any(c.dep_ == "amod" and c.lower_ in COUNTED_PRIOR_ADJECTIVES for c in counter.children)
    )
    return qualified and not _counted(word) and not _day_anchored(sentence)


def _time_phrases(word: Token) -> list[Span]:
    """The date entities that modify the word: a modifier ("the 1980 assassination",
    "last year's raid"), the object of a preposition of time ("in March", "of November
    1989"), or, for the verb of a relative clause, the date it describes ("2017, when ...
    was killed")."""
    tokens = [c for c in word.children if c.dep_ in DATE_MODIFIER_DEPS]
    tokens += [
        obj
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ in DATE_PREPOSITIONS
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    if word.dep_ == "relcl":
        tokens.append(word.head)
    found: list[Span] = []
    for token in tokens:
        if token.ent_type_ != "DATE":
            continue
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None and ent not in found:
            found.append(ent)
    return found


def _long_before(ent: Span, anchor: date | MonthDay | None) -> bool:
    """Whether a date entity names a month or a year that ended more than `RECENT_DAYS`
    before the article's day. A written year ("in 1980") is compared only with an article
    whose day and year are known, and a month name ("in March") only with one whose month
    is: a text of no known day (an encyclopedia entry, a snippet) may be about that very
    month or year. A phrase relative to the article ("last year", "two years ago") needs
    no anchor."""
    words = ent.text.lower().split()
    absolute = any(c.isdigit() for c in ent.text)
    if absolute and not isinstance(anchor, date):
        return False
    if anchor is None and any(w in MONTH_NAMES for w in words):
        return False
    reference = anchor if isinstance(anchor, date) else _REFERENCE_DAY
    if isinstance(anchor, MonthDay):
        reference = date(2000, anchor.month, anchor.day)  # 2000: a leap year
    resolved = resolve_date(ent.text, reference)
    if resolved is None and isinstance(anchor, date):
        # the resolver takes only years of the news era: "the siege of 1863" is read here
        years = [int(t.text) for t in ent if t.text.isdigit() and len(t.text) == 4]
        return bool(years) and max(years) < anchor.year - 1
    if resolved is None or resolved.precision not in HISTORY_PRECISIONS:
        return False
    return (reference - _period_end(resolved.value)).days > RECENT_DAYS


def _period_end(value: str) -> date:
    """The last day of a month ("2001-03") or a year ("2001")."""
    if len(value) == 4:
        return date(int(value), 12, 31)
    year, month = int(value[:4]), int(value[5:7])
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _frequent(verb: Token) -> bool:
    """A frequency adverbial on the clause: an adverb of frequency ("often", "usually") or
    a time noun quantified by "every"/"each" ("every week", "each night"). The event then
    recurs: no single incident. ("repeatedly" is left out: "repeatedly shelled the town on
    Monday" tells one day's incident.)"""
    clause = _finite_governor(verb) if verb.pos_ in ("VERB", "AUX") else verb
    for node in {verb, clause}:
        for child in node.children:
            if child.dep_ == "advmod" and child.lower_ in FREQUENCY_ADVERBS:
                return True
            if child.dep_ in ("npadvmod", "obl", "advmod", "dobj") and any(
                d.dep_ == "det" and d.lower_ in ("every", "each") for d in child.children
            ):
                return child.lower_ in RECURRENCE_UNITS
    return False


def _aspect_governor(verb: Token) -> Token:
    """The verb whose tense an event verb takes when an aspect verb of `IMPLICATIVE_GOVERNORS`
    in a relative clause carries it ("who continue to ambush", "who keep raiding"): that
    verb; otherwise the verb itself.
    "bandits who continue to ambush traders" is as present, and as habitual, as "bandits
    ambush traders"."""
    governor = verb.head
    if verb.dep_ != "xcomp" or governor.pos_ not in ("VERB", "AUX"):
        return verb
    if governor.lemma_.lower() not in IMPLICATIVE_GOVERNORS or governor.dep_ != "relcl":
        # only in a clause that describes a kind of doer: "Troops continue to shell the
        # town, medics said" is wire copy of an ongoing incident, not a habit
        return verb
    return governor if _infinitive(verb) or verb.tag_ == "VBG" else verb


RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def _generic_subject(verb: Token) -> bool:
    """A present-tense event verb tells a habit when its doer is a kind ("insurgents",
    "they"), not counted or named ones ("two attackers blow themselves up", "Russia
    expels diplomats": wire copy in the present). The subject of a relative clause is its
    antecedent ("bandits who raid farms")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl" and any(s.lower_ in RELATIVE_PRONOUNS for s in subjects):
        subjects = [verb.head]
    for subject in subjects:
        if subject.pos_ == "PRON":
            return subject.lower_ in ("they", "we", "you", "one")
        if subject.tag_ not in ("NNS", "NNPS") or subject.ent_type_:
            return False
        if any(c.dep_ in ("det", "nummod", "poss") for c in subject.children):
            return False
        return True
    return False


# Noun phrases -------------------------------------------------------------------------------


def _governing_path(noun: Token) -> tuple[list[Token], Token | None]:
    """The tokens from the noun up to the verb of its clause (exclusive), and that verb
    (None when the phrase hangs from nothing verbal, as in a headline fragment)."""
    path: list[Token] = []
    node = noun
    for _ in range(7):
        if node.head.i == node.i:
            return path, None
        node = node.head
        # A name the tagger read as a verb ("killed in IS attacks") is no clause.
        if node.pos_ in ("VERB", "AUX") and node.tag_.startswith("VB") and not node.ent_type_:
            return path, node
        path.append(node)
    return path, None


def _intended(noun: Token, definite: bool) -> bool:
    """An event noun that a word of intention governs as what is intended: its object
    ("proposed talks", "to prevent further clashes"), its prepositional object ("called
    for the assassination", "fears of reprisal attacks"), or the noun it modifies ("attack
    plans"). A definite event after "of" owns the intention rather than being intended
    ("the aim of the attacks").
    """
    for _ in range(4):  # "called for a ceasefire and talks": the first conjunct's place
        if noun.dep_ != "conj":
            break
        noun = noun.head
    governor, via = noun.head, None
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        via, governor = governor, governor.head
    elif noun.dep_ not in ("dobj", "nsubjpass", "compound", "appos"):
        return False
    lemma = governor.lemma_.lower()
    if governor.i == noun.i or lemma not in INTENTION_LEMMAS:
        return False
    allowed = WITH_PREPOSITION.get(lemma)
    if allowed is not None:
        return via is not None and via.lower_ in allowed
    if definite and ((via is not None and via.lower_ == "of") or noun.dep_ == "nsubjpass"):
        return False  # "the aim of the attacks", "the assassination was plotted in X"
    return True


RELATING_PREPOSITIONS = frozenset({"for", "over", "after", "following", "against", "about"})
"""Prepositions by which one act is told as the reason or the topic of another ("arrested
over the killing", "in retaliation for the assassination", "protests against the
raid"): the act they introduce is another incident than the clause's own."""


def _own_dates(noun: Token) -> list[Span]:
    """The noun's time phrases (`_time_phrases`), and a date phrase right after it that the
    parser hung on the verb instead ("arrested two men over the killing in March")."""
    dates = _time_phrases(noun)
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is not None and after.dep_ == "prep" and after.lower_ in DATE_PREPOSITIONS:
        dates += [
            e
            for e in noun.doc.ents
            if e.label_ == "DATE" and e.start == after.i + 1 and e not in dates
        ]
    return dates


def _dated_apart(noun: Token) -> bool:
    """ "In retaliation for the assassination of their commander last month, rebels
    shelled the town on Sunday": an event noun given as the reason or the topic of another
    clause's violent act (a preposition of `RELATING_PREPOSITIONS`) and dated by a time
    phrase of its own to a month or a year is an earlier incident told as background,
    never a mention of the day's act. Under an act of no violence ("charged over the
    assassination in 1973") it is the one incident the sentence tells, and stays. "Killed
    in an attack last month" (the attack is the killing's occasion) and "the attack on
    Sunday" (a day) stay the news."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in RELATING_PREPOSITIONS:
        return False
    _, verb = _governing_path(noun)
    if verb is None or not _violent_trigger(verb):
        return False  # "charged over the assassination in 1973": the one incident told
    dates = _own_dates(noun)
    return bool(dates) and all(_period_precision(ent) for ent in dates)


def _violent_trigger(verb: Token) -> bool:
    """Whether the verb is a trigger of a violent class: a day's incident of its own."""
    spans = verb.doc.spans.get(TRIGGERS_KEY, [])
    return any(s.label_ in VIOLENT and s.start <= verb.i < s.end for s in spans)


def _period_precision(ent: Span) -> bool:
    """Whether a date entity names a month or a year ("last month", "in March", "2019")."""
    resolved = resolve_date(ent.text, _REFERENCE_DAY)
    return resolved is not None and resolved.precision in HISTORY_PRECISIONS


def _gerund_of(word: str, lemma: str) -> bool:
    """Whether the word is the "-ing" form of the verb lemma ("planning" of "plan",
    "preparing" of "prepare", "plotting" of "plot")."""
    return word in (lemma + "ing", lemma[:-1] + "ing", lemma + lemma[-1] + "ing")


def _intention_gerund(noun: Token) -> bool:
    """ "suspected of planning attacks on churches", "accused of plotting bombings": the
    parser often reads the gerund of a verb of intention as a noun modifying the event
    noun; the event is then what was planned, not one that happened (`_intended` reads
    the same phrase when it is parsed as a verb and its object)."""
    return any(
        c.dep_ in ("compound", "amod")
        and c.i < noun.i
        and c.lower_.endswith("ing")
        and any(_gerund_of(c.lower_, lemma) for lemma in INTENTION_LEMMAS)
        for c in noun.children
    )


def _partitive_counter(noun: Token) -> Token | None:
    """The partitive noun (`PARTITIVE_NOUNS`) that counts an event noun ("a new round of
    talks", "a wave of attacks"), if one does."""
    if noun.pos_ in ("VERB", "AUX") or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    counter = noun.head.head
    return counter if counter.lower_ in PARTITIVE_NOUNS else None


def _assented(noun: Token, event_class: str) -> bool:
    """ "agreed to a 48-hour ceasefire", "agreed on a truce": assent to an agreement is
    the agreement reached, not one intended ("agreed to talks" intends a meeting, and
    "agreed to discuss a ceasefire" seeks one, `_topic_of`). Whether the assent itself
    happened is its clause's mood ("will agree to a truce")."""
    if event_class != AGREEMENT or noun.dep_ != "pobj":
        return False
    via = noun.head
    governor = via.head
    lemma = governor.lemma_.lower()
    return lemma in ASSENT_LEMMAS and via.lower_ in WITH_PREPOSITION.get(lemma, frozenset())


def _intended_partitive(noun: Token) -> bool:
    """ "proposed a new round of talks", "planned a wave of attacks": an event noun counted
    by a partitive noun (`PARTITIVE_NOUNS`) that is intended."""
    counter = _partitive_counter(noun)
    return counter is not None and _intended(counter, _definite(counter))


def _topic_of(noun: Token) -> str | None:
    """The lemma of the verb or noun the noun phrase is about: its object or passive
    subject ("discussed a ceasefire", "the truce was violated") or what a topic preposition
    attaches it to ("talks on a peace deal", "violations of the truce")."""
    if noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head.lemma_.lower()
    if noun.dep_ == "pobj" and noun.head.lower_ in TOPIC_PREPOSITIONS:
        governor = noun.head.head
        if governor.pos_ == "VERB":
            # "hold talks next month on a ceasefire": the talks are what it is about
            for obj in governor.children:
                if obj.dep_ == "dobj" and obj.lemma_.lower() in NEGOTIATION_LEMMAS:
                    return obj.lemma_.lower()
        return governor.lemma_.lower()
    return None


def _undone_agreement(noun: Token) -> Reason | None:
    """An agreement turned down ("the rebels rejected a ceasefire", "the truce was
    refused", "the rejection of the deal") was never reached: "negated". One that came to
    nothing ("the truce collapsed", "talks broke down", "the failure of the deal") was made
    before, if at all, and the news is its end: "background". A rejection that is itself
    denied ("did not reject the truce") says neither, nor a failure that is only possible
    or that the speaker denies (`_told_as_fact`)."""
    governor = noun.head
    if noun.dep_ == "pobj" and governor.lower_ in TOPIC_PREPOSITIONS:
        governor = governor.head  # "the rejection of the deal", "the collapse of the truce"
    elif noun.dep_ not in ("dobj", "nsubjpass", "nsubj"):
        return None
    lemma = governor.lemma_.lower()
    if governor.i == noun.i or _negated(governor):
        return None
    if noun.dep_ != "nsubj" and lemma in REJECTING_LEMMAS:
        return "negated"
    particles = {c.lower_ for c in governor.children if c.dep_ == "prt"}
    failing = lemma in FAILING_LEMMAS or (
        lemma in ("break", "fall") and bool(particles & FAILING_PARTICLES)
    )
    if failing and (noun.dep_ == "nsubj" or governor.pos_ == "NOUN") and _told_as_fact(governor):
        return "background"
    return None


def _told_as_fact(verb: Token) -> bool:
    """Whether the clause of `verb` tells what happened: not a failure that may yet come
    ("the truce could collapse"), nor one a governing clause denies or dismisses ("denied
    that the ceasefire had broken down", "dismissed reports that the truce had
    collapsed")."""
    if _modal(verb) is not None:
        return False
    node = verb
    for _ in range(3):
        if node.dep_ not in ("ccomp", "acl", "dobj", "xcomp") or node.head.i == node.i:
            return True
        node = node.head
        if node.lemma_.lower() in DENYING_VERBS:
            return False
    return True


def _first_conjunct(noun: Token) -> Token:
    for _ in range(4):
        if noun.dep_ != "conj" or noun.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = noun.head
    return noun


def _determiner_reason(noun: Token) -> Reason | None:
    determiners = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "amod")}
    if determiners & NEGATIVE_DETERMINERS:
        return "negated"  # "no attack took place"
    if determiners & NONSPECIFIC_DETERMINERS or _kind(noun):
        return "generic"  # "any attack", "such raids", "raids of that kind"
    if determiners & IRREALIS_ADJECTIVES:
        return "hypothetical"  # "a possible attack", "an imminent offensive"
    return None


def date_precision(token: Token) -> str | None:
    """The precision a date entity starting at `token` resolves to, if it is one."""
    if token.ent_type_ not in ("DATE",):
        return None
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None:
        return None
    resolved = resolve_date(ent.text, _REFERENCE_DAY)
    return resolved.precision if resolved is not None else "period"


def _definite(noun: Token) -> bool:
    """A noun phrase that picks out a known incident: "the attack", "this bombing", "its
    strike", "Sunday's raid", "a Friday blast" (a date that pins a day; "this year's
    attacks" is a period, not a reference)."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in DEFINITE_DETERMINERS:
            return True
        precision = date_precision(child)
        if child.dep_ == "poss":
            if precision is None:
                return noun.tag_ not in ("NNS", "NNPS") or child.pos_ != "PRON"
            return precision in ("day", "week")
        if child.dep_ in ("compound", "nmod", "npadvmod", "amod") and precision in ("day", "week"):
            return True
    return False


def _kind(noun: Token) -> bool:
    """ "raids of that kind", "this type of attack"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in KIND_NOUNS:
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ in KIND_NOUNS for p in c.children)
        for c in noun.children
    )


def _counted(noun: Token) -> bool:
    """ "two explosions", "one of the attacks": counted incidents are specific ones."""
    if any(c.dep_ == "nummod" for c in noun.children):
        return True
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    whole = noun.head.head
    return whole.pos_ == "NUM" or whole.lower_ == "one" or whole.tag_ in ("JJS", "RBS")


def _day_anchored(sentence: Span) -> bool:
    """Whether the sentence pins a day or a week ("on Friday", "since 3 June", "last
    week", "over the past two days"), as opposed to a period ("over the past decade", "in
    recent years")."""
    for ent in sentence.ents:
        if ent.label_ == "TIME" and _part_of_any_day(ent):
            continue  # "militants strike at night": a time of day, of no day in particular
        if ent.label_ == "TIME" or any(t.lower_ in SHORT_TIME_UNITS for t in ent):
            return True
        if ent.label_ == "DATE":
            resolved = resolve_date(ent.text, _REFERENCE_DAY)
            if resolved is not None and resolved.precision in ("day", "week"):
                return True
    return False


PARTS_OF_DAY = frozenset(
    {"night", "nights", "morning", "mornings", "evening", "evenings", "afternoon",
     "afternoons", "dawn", "dusk", "daytime", "nighttime", "the"}
)  # fmt: skip
"""The words of a bare time of day ("at night", "in the morning"): with no day, number or
deictic word beside them ("last night", "this morning", "3 a.m."), they name no day."""


def _part_of_any_day(ent: Span) -> bool:
    """A time entity that is only a part of the day ("night", "the morning")."""
    return all(t.lower_ in PARTS_OF_DAY for t in ent)


def _finite_governor(verb: Token) -> Token:
    """A participle without auxiliaries ("prompting airstrikes", "backed by strikes")
    takes its tense from the clause it hangs from."""
    node = verb
    for _ in range(3):
        if node.tag_ not in ("VBG", "VBN") or _auxiliaries(node) or node.head.i == node.i:
            return node
        head = node.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return node
        node = head
    return node


def _noun_reason(noun: Token, event_class: str, sentence: Span) -> Reason | None:
    if noun.dep_ == "compound":  # the head may be mistagged ("bombing suspect" as a verb)
        # "attack victims", "the bombing suspect", "shooting incidents": the event names a
        # known incident; only the phrase it modifies can make it unreal ("attack plans",
        # "no shooting incidents").
        head = noun.head
        if head.lemma_.lower() in INTENTION_LEMMAS and head.lemma_.lower() not in WITH_PREPOSITION:
            return "hypothetical"
        if _classifies_agents(head):
            return "generic"  # "protest leaders met the governor": no protest is told
        if head.lemma_.lower() in RETROSPECT_NOUNS:
            return "background"  # "the bombing trial", "the massacre anniversary"
        return _determiner_reason(head) or _recurring(head, sentence)
    first = _first_conjunct(noun)  # "the disappearance and kidnapping of X": one phrase
    own = _determiner_reason(first) or _recurring(first, sentence)
    if own is not None:
        return own
    if _looked_back_on(first):
        return "background"  # "the anniversary of the massacre", "convicted of the bombing"
    if _dated_apart(first):
        return "background"  # "in retaliation for the assassination last month, rebels ..."
    definite = _definite(first)
    intended = _intended(noun, definite) and not _assented(first, event_class)
    if intended or _intended_partitive(first) or _intention_gerund(first):
        return "hypothetical"
    if event_class == AGREEMENT:
        topic_of = _topic_of(first)
        if topic_of in NEGOTIATION_LEMMAS:
            return "hypothetical"  # "to discuss a ceasefire": sought, not reached
        if topic_of in COMPLIANCE_LEMMAS:
            return "background"  # "violating a truce": reached before, presupposed
        undone = _undone_agreement(first)
        if undone is not None:
            return undone  # "rejected a ceasefire", "the truce collapsed"
    if _background_phrase(first, event_class) or (
        _lasting(first) and event_class not in NUMBER_FREE_CLASSES
    ):
        return "background"
    if definite:
        return None
    path, verb = _governing_path(first)
    subject = first.dep_ in ("nsubj", "nsubjpass")
    direct = first.dep_ in DIRECT_DEPS and (first.dep_ != "pobj" or len(path) == 1)
    plural = _plural(noun) and event_class not in NUMBER_FREE_CLASSES
    if plural and direct and verb is not None and _tally(verb):
        return "background"  # "forty bombings since 2019"
    if verb is not None and verb.lemma_.lower() in COMMUNICATION_LEMMAS:
        if first.dep_ == "dobj" and _habitual_clause(verb, sentence):
            return "habitual"  # "rarely claim their attacks": what is told recurs too
        # "reports the kidnapping of", "is going to tell us about two explosions"; not
        # "hold" as the support verb of its event object ("agreed to hold talks").
        direct = direct and verb.lemma_.lower() in SUPPORT_VERBS and first.dep_ == "dobj"
    if verb is not None and direct:
        mood = _clause_mood(verb, sentence)
        if mood is not None:
            return mood
        if _frequent(verb):
            return "habitual"  # "ambushes happen every week"
    headline = _headline(sentence)
    if plural and subject and verb is not None and not _counted(noun) and _trend(verb):
        return "background"  # "kidnappings keep rising", "attacks doubled": a trend
    # A predicate noun classifies what its subject refers to ("this is an assassination").
    classifies = first.dep_ in ("attr", "oprd")
    if verb is not None and direct and not classifies and _present_simple(verb) and not headline:
        # "raids are common", "smuggling constitutes an attack on our homeland"; a bare
        # subject of a present-tense verb of its own ("an explosion rocks the capital")
        # outside a headline is as generic.
        if plural or not subject or verb.lemma_.lower() == "be":
            return "generic"
    if plural and not _counted(noun) and not headline and not _day_anchored(sentence):
        # A trend or a record needs a present or perfect predication ("attacks have
        # doubled", "peru has been the target of attacks"); a phrase without a finite
        # clause of its own says nothing either way and stays.
        speaks = verb is not None and verb.lemma_.lower() in COMMUNICATION_LEMMAS
        governing = _finite_governor(verb) if verb is not None and not speaks else None
        if governing is not None and _present_or_perfect(governing) and not _episodic(governing):
            return "background"
    return None


def _tally(verb: Token) -> bool:
    """A perfect clause over a period longer than a week ("has seen forty bombings since
    2019", "have been recorded since March"): its plural event object or subject is a
    count of a campaign, counted or not (`_counted` keeps "two explosions" on a day)."""
    return _lasting_since(_finite_governor(verb))


def _habitual_clause(verb: Token, sentence: Span) -> bool:
    """A verb of speaking told as a habit: a frequency adverbial ("rarely claim", "often
    report") or a present with a generic doer outside a headline ("militants claim their
    attacks"), in a sentence that pins no day. The events it speaks of recur with it."""
    if _day_anchored(sentence):
        return False  # "local media report an attack on Tuesday that killed two"
    if _frequent(verb):
        return True
    clause = _aspect_governor(verb)
    return _present_simple(clause) and not _headline(sentence) and _generic_subject(clause)


def _recurring(noun: Token, sentence: Span) -> Reason | None:
    """ "daily bombings", "frequent raids", "regular shelling": an event noun that a
    frequency adjective modifies recurs, unless its sentence pins a day ("constant
    shelling on Monday" is that day's incident)."""
    if not any(c.dep_ == "amod" and c.lower_ in FREQUENCY_ADJECTIVES for c in noun.children):
        return None
    return None if _day_anchored(sentence) else "habitual"


def _looked_back_on(noun: Token) -> bool:
    """An event noun that an anniversary, a memorial or a court looks back on: what a
    noun of `RETROSPECT_NOUNS` is of or for ("the anniversary of the massacre", "the trial
    over the bombing"), what a verb of court or commemoration (`RETROSPECT_VERBS`) is
    about ("convicted of the bombing", "commemorated the massacre"), or what a clause that
    puts someone on trial is for ("went on trial for the bombing", "faces trial over the
    attack"). The incident is a past one the article recalls, not one it reports; an
    arrest or an investigation is no such look back ("arrested over the bombing" often
    tells the day's incident too)."""
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in COMMEMORATION_VERBS
    if _years_after(noun):
        return True
    if noun.dep_ != "pobj" or noun.head.lower_ not in RETROSPECT_PREPOSITIONS:
        return False
    governor = noun.head.head
    lemma = governor.lemma_.lower()
    if lemma in RETROSPECT_NOUNS or (governor.pos_ == "VERB" and lemma in RETROSPECT_VERBS):
        return True
    if governor.pos_ not in ("VERB", "AUX"):
        return False
    # "went on trial for", "stood trial over": the court noun hangs from the same verb
    nouns = [c for c in governor.children if c.dep_ == "dobj"]
    nouns += objects_of(governor, frozenset({"on"}))
    return any(n.lemma_.lower() in COURT_NOUNS for n in nouns)


DISTANT_UNITS = frozenset({"month", "year", "decade", "century"})
"""Units of a distance in time that puts an incident out of the day's news."""


def _years_after(noun: Token) -> bool:
    """An event noun a distance of months or more lies after or since ("ten years after
    the massacre", "a year since the attack"): the incident the article looks back on.
    "Two days after the bombing" is the day's news followed up, and stays."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("after", "since"):
        return False
    return any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in DISTANT_UNITS for c in noun.head.children
    ) or (
        noun.head.dep_ == "prep"
        and noun.head.head.dep_ == "npadvmod"
        and noun.head.head.lemma_.lower() in DISTANT_UNITS
    )


def _trend(verb: Token) -> bool:
    """A verb of change in quantity, or an aspectual verb governing one ("keep rising"): its
    plural subject is counted as a whole, not told as incidents."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    if verb.dep_ == "aux":
        verbs.append(verb.head)  # "keep" read as an auxiliary of "rising"
    return any(v.lemma_.lower() in TREND_LEMMAS for v in verbs)


def _plural(noun: Token) -> bool:
    """A plural noun, also where a capital at the start of a sentence made the tagger read
    it as a singular proper name ("Kidnappings for ransom have become ...")."""
    if noun.tag_ in ("NNS", "NNPS"):
        return True
    capitalised = noun.is_sent_start and noun.tag_ == "NNP" and not noun.ent_type_
    return capitalised and noun.lower_.endswith("s") and not noun.lower_.endswith("ss")


def _classifies_agents(head: Token) -> bool:
    """An agent noun modified by the event noun ("protest leaders", "strike organisers",
    "attack planners") or a unit, craft or arm classified by what it is for ("assault
    troops", "attack helicopters", `EQUIPPED_KINDS`): no incident is told. Nouns of those
    an incident harmed or is pinned on ("attack victims", "the bombing suspect") keep it."""
    if head.pos_ != "NOUN" or head.ent_type_:
        return False
    if head.lemma_.lower() in EQUIPPED_KINDS:
        return True  # "assault troops", "attack helicopters": a kind of unit or craft
    return head.lower_.endswith(AGENT_SUFFIXES) and head.lower_ not in ("survivor", "survivors")


def _background_phrase(noun: Token, event_class: str) -> bool:
    """A plural event noun in a background prepositional phrase of another clause ("have
    fled the area since the raids"), neither counted nor collective by nature."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in BACKGROUND_PREPOSITIONS:
        return False
    plural = _plural(noun) and event_class not in NUMBER_FREE_CLASSES
    return plural and not _counted(noun)


def _lasting(noun: Token) -> bool:
    """An event noun measured in weeks or longer ("after two weeks of fighting", "months of
    shelling"): a campaign told as the background of an incident, not one incident. (Not
    for the classes of `NUMBER_FREE_CLASSES`: "weeks of protests" or a sit-in held since
    October is the one protest ACLED codes.)"""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    return noun.head.head.lemma_.lower() in LASTING_UNITS


def _present_or_perfect(verb: Token) -> bool:
    """A finite present, simple or perfect ("are", "have doubled", "has been")."""
    if _present_simple(verb):
        return True
    finite = next((a for a in _auxiliaries(verb) if "Fin" in a.morph.get("VerbForm")), None)
    return (
        finite is not None
        and finite.lemma_.lower() == "have"
        and "Pres" in finite.morph.get("Tense")
    )
