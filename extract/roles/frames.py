"""The frame reader: which phrase fills which slot of a trigger, in the common constructions.

The frame lexicon (`extract/data/frames.jsonl`) says, for each trigger word, which slot gives
which role (the subject of "attacked" its perpetrator, the object its target, the "on" of
"an attack on" its target). This module finds the slots' fillers in the dependency parse,
the same way for every trigger, so that a new trigger word needs a line of data and no code:

- active and passive clauses: subject, object, passive subject, the passive's "by" agent,
  and prepositional objects ("opened fire on X", "clashed with Y");
- relative clauses and participles: "the gunmen who attacked the post" (the relative
  pronoun stands for the noun it modifies), "the post that was attacked", "the man shot by
  police", "gunmen attacking a convoy";
- coordination: "stormed and looted the village" (the second verb shares the first's
  subject, the first the second's object); coordinated arguments are read by the phrase
  rules (`extract.roles.phrases`);
- control and raising: "tried to kill", "went on to attack" (the subject of the verb the
  trigger completes);
- nominalisations: "X's attack", "a Hamas attack", "the attack by X", "the attack on Y",
  and light or support verbs: "X carried out an attack", "the attack was carried out by X",
  "the attack that X launched";
- pronouns: "it" or "they" in what "X said" (or claimed, announced) stands for the speaker
  X ("The group later said it had carried out the raid").

Casualty clauses ("killing 12", "five were killed") are `extract.roles.casualties`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Token

from ..language import REPORTING_VERBS, TERMINATIVE_VERBS, TriggerRecord

__all__ = [
    "SUPPORT_VERBS",
    "Filler",
    "fillers",
    "governing_verb",
    "speaker",
    "speaker_of",
    "subject_of",
]

SUPPORT_VERBS = frozenset(
    {
        "carry", "launch", "conduct", "stage", "mount", "perpetrate", "execute", "claim",
        "order", "sanction", "authorize", "authorise", "approve", "direct", "plan",
        "orchestrate", "commit", "mastermind", "organize", "organise", "lead", "impose",
        "announce", "target", "slap", "unleash", "fire", "deploy", "use", "staged", "stag",
        "hold", "happen", "occur", "take", "kill", "strike", "hit", "wage", "wag",
    }
)  # fmt: skip
"""Light and support verbs whose subject is the author of the event noun they govern ("X
carried out an attack", "X launched a strike", "X claimed the bombing"). "stag" and "wag"
are the tagger's lemmas of "staged" and "waging", "waged"."""
AUTHORING_VERBS = frozenset(
    {"carry", "launch", "conduct", "stage", "stag", "mount", "perpetrate", "execute",
     "wage", "wag", "unleash"}
)  # fmt: skip
"""The support verbs that only say someone did the act their object names ("launched an
attack", "staged raids"): a phrase the parser hangs on them rather than on the object
("launched attacks on Monday against the posts") is the act's own. Not "kill" or "take",
whose phrases are theirs ("killed five on a bus", "took place in X")."""
ASPECT_VERBS = frozenset(
    {"resume", "step", "intensify", "escalate", "renew", "continue", "begin", "start",
     "expand", "widen"}
)  # fmt: skip
"""Verbs of going on with an act, whose subject does the act their direct object names
("resumed its attacks", "stepped up its raids"). Not "stop" or "halt": "troops halted the
advance" stopped another's act."""
AIMING_PREPS = frozenset({"on", "against", "at", "upon", "in", "near"})
"""The phrases of a support verb that belong to the act it authors: where it was aimed or
took place ("launched attacks on Monday against the posts", "staged raids in X"). Not
"with" or "between", which name the verb's partners ("launched an offensive with the
allied army" is no attack on that army)."""
TOPIC_PREPS = frozenset({"into", "on", "about", "over", "regarding", "concerning"})
"""Prepositions by which a noun is about an event ("an inquiry into the attack", "a report
on the raid", "a crackdown on protests"): the subject of the verb governing that noun did
the inquiry, not the event. Others make the noun a part, a run or a deed of the subject ("a
wave of attacks", "part in the raid", "responsibility for the bombing"), or are the
parser's slip ("targeted the program with sanctions")."""
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
SPEAKER_PRONOUNS = frozenset({"it", "they", "its", "their"})
"""Pronouns that, in what someone said, stand for the speaker ("the group said it ...",
"said its fighters attacked")."""
PLURAL_PRONOUNS = frozenset({"they", "their"})
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj"})
"""How a verb hangs on the verb whose subject it shares: control ("tried to kill") and
coordination ("stormed and looted")."""


class Filler(NamedTuple):
    """A phrase that fills a slot of a trigger: the slot, the phrase's head, the word that
    links it to the trigger (for the claim's attribution), and the rule's name."""

    slot: str
    phrase: Token
    anchor: Token
    rule: str


def fillers(head: Token, frame: TriggerRecord) -> Iterator[Filler]:
    """The fillers of the slots around a trigger head: a verb's or a noun's."""
    if head.pos_ == "VERB":
        yield from _verb_fillers(head)
    else:
        yield from _noun_fillers(head, frame)


def _clause_fillers(verb: Token, rule: str) -> Iterator[Filler]:
    """The slots a verb's own dependents fill; a relative pronoun stands for its noun."""
    for child in verb.children:
        dep = child.dep_
        if dep == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield Filler(child.lower_, _antecedent(pobj, verb), verb, rule)
            continue
        slot = CLAUSE_SLOTS.get(dep)
        stranded = _stranded_preposition(verb) if slot == "passive_subject" else None
        if stranded is not None:
            slot = stranded.lower_  # "the car was shot at": the object of the stranded "at"
        if slot is not None:
            yield Filler(slot, _antecedent(child, verb), verb, rule)
        elif dep == "agent":
            for pobj in child.children:
                yield Filler("agent", pobj, verb, rule)


CLAUSE_SLOTS = {"nsubj": "subject", "nsubjpass": "passive_subject", "dobj": "object"}


def _stranded_preposition(verb: Token) -> Token | None:
    """The preposition a passive verb leaves without its object ("was shot at", "was fired
    upon"): the passive subject is that preposition's object, not the verb's, so it fills
    the preposition's slot (aimed at, not hit). Stranded means nothing hangs on it and the
    clause goes on with no noun or verb of its own ("was shot at twice", "shot at, and
    missed"), not "was stabbed before reaching his car"."""
    after = verb.i + 1
    if after >= len(verb.doc):
        return None
    word = verb.doc[after]
    if word.dep_ != "prep" or word.head.i != verb.i or any(True for _ in word.children):
        return None  # "was murdered after returning": "after" has its clause
    following = verb.doc[after + 1] if after + 1 < len(verb.doc) else None
    if following is None or following.is_punct or following.pos_ in ("ADV", "ADP", "CCONJ"):
        return word
    return None


def _antecedent(token: Token, verb: Token) -> Token:
    """The noun a relative pronoun stands for ("the gunmen who attacked": "gunmen")."""
    if token.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return token


def _verb_fillers(verb: Token) -> Iterator[Filler]:
    own = list(_clause_fillers(verb, "frame-verb"))
    yield from own
    slots = {f.slot for f in own}
    # "fired rockets at X", "opened fire on X": a prepositional phrase on the object
    for obj in (f.phrase for f in own if f.slot == "object"):
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ != "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        yield Filler(prep.lower_, pobj, verb, "frame-verb")
    if not slots & {"subject", "passive_subject"}:
        yield from _borrowed_subject(verb)
    if "agent" not in slots and _passive(verb):
        for doer in _passive_stray_agents(verb):
            yield Filler("agent", doer, verb, "frame-verb-stray-by")
    if "object" not in slots and "passive_subject" not in slots:
        # "stormed and looted the village": the object of the verb coordinated after it
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB":
                if not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                    for obj in conj.children:
                        if obj.dep_ == "dobj":
                            yield Filler("object", obj, verb, "frame-shared-object")


def _passive(verb: Token) -> bool:
    """Whether a verb is passive: with a passive auxiliary ("was kidnapped") or a past
    participle that modifies a noun ("the mayor kidnapped on Monday")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl")


def _passive_stray_agents(verb: Token) -> Iterator[Token]:
    """The doers of a passive relative clause set off by commas whose "by" phrase the
    parser hung on the noun it modifies ("the mayor, who was kidnapped on Monday,
    apparently by X, ..."). A "by" phrase inside the verb's other phrases is not read:
    it is as often the doer of another act ("shot dead after a speech by the governor",
    "during a visit by the president") as a misplaced doer of this one."""
    if verb.dep_ in ("relcl", "acl"):
        for prep in verb.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "by" and prep.i > verb.i:
                yield from (o for o in prep.children if o.dep_ == "pobj")


def _borrowed_subject(verb: Token) -> Iterator[Filler]:
    """The subject of a verb that has none of its own: the noun a participle modifies ("the
    man shot by police", "gunmen attacking a convoy"), or the subject of the verb it is
    coordinated with, completes or qualifies as a participle ("stormed and looted", "tried
    to kill", "advanced, shelling the town"). A verb in the passive of its own takes that
    subject as its passive subject, whatever the other verb's voice ("the fighters crossed
    the river and were ambushed": they were attacked, not the attackers)."""
    noun = verb.head
    if verb.dep_ in ("acl", "appos") and noun.pos_ in ("NOUN", "PROPN"):
        if verb.tag_ == "VBN":
            yield Filler("passive_subject", noun, verb, "frame-participle")
        elif verb.tag_ == "VBG":
            yield Filler("subject", noun, verb, "frame-participle")
        return
    node = verb
    # "did not stop shelling the town": the ending verb's "not" denies no shelling, so the
    # shelling verb itself, not its governor, anchors the subject's claim
    presupposed = _presupposed(verb)
    for _ in range(3):
        if not _shares_subject(node) or node.head.pos_ not in ("VERB", "AUX"):
            return
        node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            for subject in subjects:
                slot = "subject" if subject.dep_ == "nsubj" else "passive_subject"
                if any(c.dep_ == "auxpass" for c in verb.children):
                    slot = "passive_subject"  # "crossed the river and were ambushed"
                if slot == "passive_subject" and verb.tag_ != "VBN":
                    continue  # "was stopped and attacked", not "was stopped and attacks"
                anchor = verb if presupposed else node
                yield Filler(slot, _antecedent(subject, node), anchor, "frame-shared-subject")
            return


def _presupposed(verb: Token) -> bool:
    """Whether a verb is the "-ing" complement of an aspect verb of ending ("did not stop
    shelling", "will not cease bombing"), which tells that the act went on whatever the
    ending verb's polarity (`TERMINATIVE_VERBS`)."""
    governor = verb.head
    return (
        verb.dep_ == "xcomp" and verb.tag_ == "VBG" and governor.lemma_.lower() in TERMINATIVE_VERBS
    )


def _shares_subject(verb: Token) -> bool:
    """Whether a verb without a subject of its own takes that of the verb it hangs on:
    coordination and control (`SHARED_SUBJECT_DEPS`), and a present participle's adverbial
    clause ("the army pushed on, shelling the town": the army shelled it)."""
    return verb.dep_ in SHARED_SUBJECT_DEPS or (verb.dep_ == "advcl" and verb.tag_ == "VBG")


def _noun_fillers(noun: Token, frame: TriggerRecord) -> Iterator[Filler]:
    doc = noun.doc
    before = doc[noun.i - 1] if noun.i > noun.sent.start else None
    if before is not None and before.head.i != noun.i:
        # "killed in IS attacks": the name before the noun is its modifier even where the
        # tagger misreads it ("IS" as a verb) and hangs the noun elsewhere
        yield Filler("modifier", before, noun, "name-before")
    yield from _compound_head_fillers(noun)
    for child in noun.children:
        dep = child.dep_
        if dep == "poss":
            yield Filler(_possessor_slot(noun), child, noun, "frame-noun")
        elif dep == "compound":
            yield Filler("modifier", child, noun, "frame-noun")
        elif dep == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield Filler(child.lower_, pobj, noun, "frame-noun")
        elif dep in ("acl", "relcl") and child.pos_ == "VERB":
            # "attacks targeting civilians", "the attack carried out by X", "the attack
            # that X launched"
            for filler in _clause_fillers(child, "frame-noun-clause"):
                if filler.phrase is noun:
                    continue
                if filler.slot in ("object", "agent"):
                    yield filler
                elif filler.slot == "subject" and child.lemma_.lower() in SUPPORT_VERBS:
                    yield filler
    verb = governing_verb(noun)
    if verb is None:
        return
    if noun.dep_ == "nsubjpass":
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    yield Filler("agent", pobj, verb, "frame-support")
    elif not _through_other_noun(noun, verb) and (
        frame.any_support
        or verb.lemma_.lower() in SUPPORT_VERBS
        or verb.lemma_.lower() in frame.support_verbs
        or _continued(noun, verb)
    ):
        subject = subject_of(verb)
        if subject is not None:
            yield Filler("subject", subject, verb, "frame-support")
        for child in verb.children:
            if child.dep_ == "dobj" and child is not noun:
                yield Filler("support_object", child, verb, "frame-support")
        if noun.dep_ == "dobj" and verb.lemma_.lower() in AUTHORING_VERBS:
            # "launched attacks on Monday against the posts": the phrase is the noun's
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in AIMING_PREPS:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            yield Filler(prep.lower_, pobj, verb, "frame-support-phrase")


def _continued(noun: Token, verb: Token) -> bool:
    """Whether the verb is an aspect verb whose direct object is the event noun ("resumed
    its attacks", "stepped up attacks", "intensified the shelling"): its subject goes on
    doing the act, so is its doer."""
    return noun.dep_ == "dobj" and noun.head.i == verb.i and verb.lemma_.lower() in ASPECT_VERBS


def _through_other_noun(noun: Token, verb: Token) -> bool:
    """Whether the event noun reaches its verb through the phrase of another noun that is
    about the event, not a part or a run of it: "launched an investigation into the attack"
    (the investigators did not attack; `TOPIC_PREPS`), unlike "carried out a wave of
    attacks", "took part in the attack" or "claimed responsibility for the attack"."""
    node = noun
    for _ in range(4):
        if node.i == verb.i or node.head.i == node.i:
            return False
        prep = node.head
        if node.dep_ == "pobj" and prep.lower_ in TOPIC_PREPS and prep.head.pos_ == "NOUN":
            return True
        node = prep
    return False


def _possessor_slot(noun: Token) -> str:
    """``lone_possessor`` for the owner of an act noun with no "of" phrase, ``possessor``
    otherwise. A nominalised act takes its undergoer as its owner when nothing else names
    it ("the judge's assassination": the judge was killed) and its doer when its "of"
    phrase names the undergoer ("the army's killing of two farmers"), as NomBank reads
    them; frames whose lone owner is the undergoer say so with a ``lone_possessor`` role,
    the others read it as ``possessor``."""
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    return "possessor" if has_of else "lone_possessor"


def _compound_head_fillers(noun: Token) -> Iterator[Filler]:
    """The owner and the prepositional phrases of the noun an event noun qualifies, which
    are the event's ("the bombing campaign against X", "Y's bombing campaign"): the event
    noun is its compound modifier and has no phrases of its own."""
    head = noun.head
    if noun.dep_ != "compound" or head.pos_ != "NOUN" or head.i == noun.i:
        return
    for child in head.children:
        if child.dep_ == "poss":
            yield Filler("possessor", child, noun, "frame-noun-head")
        elif child.dep_ == "prep" and child.lower_ != "of":
            # the "of" of the head is the head's own ("the shooting victims of X")
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield Filler(child.lower_, pobj, noun, "frame-noun-head")


def governing_verb(token: Token) -> Token | None:
    """The verb a noun is the object or passive subject of, through prepositions and
    compounds ("carried out an attack", "took part in the protest")."""
    node = token
    for _ in range(4):
        if node.dep_ not in ("dobj", "pobj", "prep", "nsubjpass", "attr", "compound", "acl"):
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject (or that of the verb it completes). A clause has one; where the
    parser hangs two on it, a dateline glued to the lead ("KIRKUK, Iraq, Nov 10 (Reuters) -
    X attacked"), the one nearest the verb is the subject."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return None
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if subjects:
            return min(subjects, key=lambda c: abs(node.i - c.i))  # type: ignore[union-attr]
        node = node.head if node.dep_ in ("xcomp", "conj", "acomp") else None
    return None


def speaker_of(phrase: Token) -> Token | None:
    """The speaker a phrase stands for: a pronoun ("it") or a noun the pronoun owns ("its
    fighters"), in what the speaker said (`speaker`)."""
    if phrase.lower_ in SPEAKER_PRONOUNS:
        return speaker(phrase)
    owner = next((c for c in phrase.children if c.dep_ == "poss"), None)
    return speaker(owner) if owner is not None else None


def speaker(pronoun: Token) -> Token | None:
    """Who "it" or "they" (or "its", "their") stands for in what someone said: the subject
    of the verb of saying whose complement holds the pronoun ("the group said it carried
    out the raid", "the rebels claimed they had downed a helicopter"); None elsewhere, or where the
    speaker is a pronoun or a person, or the words are quoted."""
    if pronoun.lower_ not in SPEAKER_PRONOUNS:
        return None
    clause = pronoun.head
    if pronoun.dep_ == "poss":
        clause = clause.head  # "its fighters attacked": the clause of the possessed noun
    for _ in range(3):
        if clause.dep_ == "ccomp":
            break
        if clause.dep_ not in ("xcomp", "conj", "aux"):
            return None
        clause = clause.head
    else:
        return None
    saying = clause.head
    if saying.lemma_.lower() not in REPORTING_VERBS:
        return None
    subject = subject_of(saying)
    if subject is None or subject.pos_ == "PRON" or subject.ent_type_ == "PERSON":
        return None  # a person is neither "it" nor "they"
    doc = pronoun.doc
    between = doc[min(saying.i, pronoun.i) : max(saying.i, pronoun.i)]
    if any(t.is_quote for t in between):
        return None  # in quoted words "it" and "they" are others: "They tried," he said
    plural = "Plur" in subject.morph.get("Number")
    if (pronoun.lower_ in PLURAL_PRONOUNS) != plural and subject.pos_ != "PROPN":
        return None  # "the group said they ..." names others; a name may take either
    return subject
