"""Who is said to be responsible for an incident, on whose word, and how sure.

News rarely states who carried out an attack; it reports who is blamed, accused or
suspected, by whom, and who denies it. Each such statement is a perpetrator claim of the
incident it is about, with its own source and certainty:

- "officials blamed X for the killing", "the strike was blamed on X", "police accused X of
  carrying out the attack", "X is suspected of", "X is believed to be behind the ambush",
  "the blast was attributed to X", "the attack was claimed by X": X is the `alleged`
  perpetrator (`hedged` under "may", "probably"), on the word of the one who blames;
- "X denied any involvement", "X rejected the accusation", "X denied carrying out the
  strike": X is a `denied` perpetrator, on X's word, beside the allegation in the same
  event (the graph never states a denied claim as a fact);
- "the claim could not be verified", "in a statement that could not be independently
  confirmed", "an unconfirmed report said": the claims of that sentence (or of the
  sentence the doubt refers back to) are `unconfirmed`, never `asserted`;
- "no group claimed responsibility", "X did not claim responsibility": nobody is added.

The incident a statement is about is the event whose trigger it governs ("for the
killing"), else an incident named in its sentence, else the last one before it. The
statements are read off the dependency parse around a few verbs and nouns of blame; all
other roles come from `extract.roles.roles`, and this module only adds to and settles them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..entities import RESPONSIBILITY_VERBS, is_article_scoped, message_authors
from ..events import ATTACK_FAMILY, PROPERTY_DESTRUCTION
from ..language import (
    REPORTING_VERBS,
    Attribution,
    RoleFinding,
    attribute,
    doers_of,
    objects_of,
    positions,
    source_phrase,
)
from .casualties import INJURING, KILLING, harmed_in_incident, passive
from .described import described_actors, named_first
from .phrases import (
    ATTACKER_NOUNS,
    CROWD_HEADS,
    REFERRING_NOUNS,
    SECURITY_NOUNS,
    conjuncts,
    counted,
    denoted_actors,
    group_antecedent,
    with_examples,
)

if TYPE_CHECKING:
    from ..entities import EntityTable
    from ..events import EventCluster, EventMention
    from ..language import Lexicon
    from ..model import Certainty, Entity

__all__ = ["protesters", "settle", "settle_responsibility"]

BLAME_FORMS = {
    "blame": frozenset({"blame", "blamed", "blames", "blaming"}),
    "accuse": frozenset({"accuse", "accused", "accuses", "accusing"}),
    "suspect": frozenset({"suspect", "suspected", "suspects", "suspecting"}),
    "attribute": frozenset({"attribute", "attributed", "attributes", "attributing"}),
    "claim": frozenset({"claimed"}),
    "raise": frozenset({"believed", "thought", "said", "understood", "reported", "known"}),
    "deny": frozenset({"deny", "denied", "denies", "denying", "rejected", "rejects",
                       "dismissed", "dismisses", "refuted"}),
}  # fmt: skip
"""Word forms that open a statement of responsibility, by the construction read for them
("raise": a passive that raises the accused, "X is believed to be behind")."""
DENIED_OBJECTS = frozenset(
    {"involvement", "responsibility", "role", "accusation", "accusations", "allegation",
     "allegations", "claim", "claims", "charge", "charges", "report", "reports", "link",
     "links", "part", "hand", "it", "this", "that", "blame", "participation", "complicity"}
)  # fmt: skip
"""What a denial denies when it is about responsibility ("denied any involvement")."""
CLAIM_NOUNS = frozenset(
    {"claim", "claims", "report", "reports", "statement", "statements", "information",
     "account", "accounts", "video", "footage", "allegation", "allegations", "assertion",
     "it", "this", "that", "which", "figure", "figures", "toll", "details"}
)  # fmt: skip
"""What a doubt is about when it doubts a claim ("the claim could not be verified")."""
VERIFYING_LEMMAS = frozenset(
    {"verify", "confirm", "corroborate", "substantiate", "authenticate", "check"}
)
VERIFYING_FORMS = frozenset(
    {"verified", "verify", "confirmed", "confirm", "corroborated", "corroborate",
     "substantiated", "authenticated", "checked", "check"}
)  # fmt: skip
DOUBT_ADJECTIVES = frozenset({"unconfirmed", "unverified", "uncorroborated", "unsubstantiated"})
ALLEGED_MODIFIERS = frozenset({"suspected", "alleged", "presumed", "purported", "suspect"})
"""Modifiers that make a named perpetrator alleged ("suspected Islamic State militants")."""
TIME_ENTITIES = frozenset({"DATE", "TIME"})
"""Entity labels of a phrase that tells when ("on Thursday"), never who."""
SALIENT_SENTENCES = 3
"""Sentences back (counting the incident's) in which a statement naming no incident still
speaks of the last one told."""
CLAIMS_ROLES = frozenset({"perpetrator", "target", "victim", "participant"})
"""Roles whose claims a doubt about "the claim" makes unconfirmed."""


def settle(doc: Doc) -> None:
    """Stage `responsibility`: claims and blame settle who did it, in the incidents' roles
    of `doc._.ck_roles`."""
    ext = doc._
    settle_responsibility(doc, ext.ck_clusters, ext.ck_entities, ext.ck_roles)
    for cluster in ext.ck_clusters:
        findings = ext.ck_roles[id(cluster)]
        findings.extend(protesters(cluster, ext.ck_entities, findings, ext.ck_lexicon))


def protesters(
    cluster: EventCluster, table: EntityTable, findings: list[RoleFinding], lexicon: Lexicon
) -> list[RoleFinding]:
    """The crowd that demonstrates, as the protest's participant: the unnamed doer of a
    verb of protest ("students protested", "hundreds of farmers marched") or the "by"
    phrase of a noun of protest ("a march by several hundred students"), one actor of the
    article of ACLED's category "Protesters". Only where no party takes part by name (a
    union's march is the union's), and only a plural or a crowd noun: "a man protested" is
    one man. The police who break the protest up are its perpetrator or the other side, no
    protesters."""
    if cluster.event_class != "Protest" or any(
        f.role == "participant" and f.entity is not None and f.entity.type not in STATE_SIDES
        for f in findings
    ):
        return []  # a union, a party, a named group takes part: the crowd is theirs
    found: list[RoleFinding] = []
    for mention in cluster.mentions:
        head = mention.head
        if not _told_as_protest(mention, lexicon):
            continue  # "police fired tear gas": the act on the protest, not the protest
        if head.pos_ == "VERB":
            doers = doers_of(head, shared="first", conjuncts=True)
        else:
            doers = objects_of(head, BY_PREPOSITION)
        for noun in (counted(doer) for doer in doers):
            if not _crowd_noun(noun, table):
                continue
            span = noun.doc[noun.i : noun.i + 1]
            entity = table.add_unnamed(span, "Protesters", "CommunalGroup", "Protesters")
            said = attribute(head)
            found.append(RoleFinding("participant", entity, None, span, said, "protesters"))
    return found


BY_PREPOSITION = frozenset({"by"})
STATE_SIDES = frozenset({"StateForce", "Government", "State"})
"""Types of the side that meets a protest (riot police among its parties), never its crowd."""


def _told_as_protest(mention: EventMention, lexicon: Lexicon) -> bool:
    """Whether the mention's own words are a protest's ("protested", "a march"): its
    trigger's line of the frame lexicon is of the class Protest. An act joined to the protest
    ("police fired tear gas") keeps a line of its own class."""
    record = lexicon.trigger_line(mention.span.id_)
    return record is not None and record.event_class == "Protest"


def _crowd_noun(noun: Token, table: EntityTable) -> bool:
    """A common noun for many people who are no force, named by no entity: "students",
    "hundreds", "the crowd"."""
    if noun.pos_ != "NOUN" or table.at(noun) is not None:
        return False
    if noun.lower_ in SECURITY_NOUNS | ATTACKER_NOUNS:
        return False
    return "Plur" in noun.morph.get("Number") or noun.lower_ in CROWD_HEADS


def settle_responsibility(
    doc: Doc,
    clusters: list[EventCluster],
    table: EntityTable,
    findings: dict[int, list[RoleFinding]],
) -> None:
    """Add the perpetrator claims of statements of blame and denial to `findings` (cluster
    id -> findings), then settle certainties: doubted claims become unconfirmed, a
    perpetrator named as "suspected" is alleged, and a responsibility nobody claimed is
    dropped."""
    incidents = [c for c in clusters if _answered_for(c)]
    if not incidents:
        return
    reader = _Reader(doc, incidents, table, findings)
    blamed: set[tuple[int, int]] = set()
    denied: set[tuple[int, int]] = set()
    for cluster, finding in reader.statements():
        findings[id(cluster)].append(finding)
        if finding.rule != "charge":  # who is charged may also be who was arrested
            blamed.add((finding.span.start, finding.span.end))
        if finding.attribution.certainty == "denied":
            denied.add((finding.span.start, finding.span.end))
    denied |= reader.denier_spans  # nor target, victim or doer: the party only speaks
    blamed |= reader.denier_spans
    doubted = _doubted_sentences(doc)
    accusers = reader.accusers
    for cluster in clusters:
        settled = []
        for finding in findings[id(cluster)]:
            if _unclaimed(finding):
                continue
            where = (finding.span.start, finding.span.end)
            if finding.role != "perpetrator" and where in blamed:
                continue  # "blamed the attack on X": X is no target of the attack
            if where in denied and finding.attribution.certainty != "denied":
                continue  # "X was not behind the bombing" disowns; it alleges nothing
            if finding.rule not in STATEMENT_RULES and finding.span.root.i in accusers:
                continue  # "attributed to X by local police": the police accuse, not attack
            if finding.role == "perpetrator" and finding.span.root.i in reader.charged:
                finding = _alleged(finding)
            settled.append(_settled(finding, doubted))
        settled = harmed_in_incident(settled, cluster)
        findings[id(cluster)] = named_first(doc, settled, STATEMENT_RULES)


def _answered_for(cluster: EventCluster) -> bool:
    """Whether someone can be blamed for the incident, or deny it: attacks, abductions and
    the destruction of property ("accused the militia of burning down the clinic"); a
    demonstration's crowd takes part in it, nobody is accused of it."""
    return cluster.event_class in ANSWERED_CLASSES or any(
        m.acled == PROPERTY_DESTRUCTION for m in cluster.mentions
    )


class _Reader:
    """Statements of responsibility of one Doc and the incidents they are about."""

    def __init__(
        self,
        doc: Doc,
        incidents: list[EventCluster],
        table: EntityTable,
        findings: dict[int, list[RoleFinding]],
    ) -> None:
        self.doc = doc
        self.table = table
        self.incidents = incidents
        self.findings = findings
        self.accusers: set[int] = set()
        """Token indices of phrases a statement makes no party to the incident: the "by"
        phrases of passive accusations (who accuses), and whoever is accused of something
        else that is only about the incident ("of spreading rumours about the attack")."""
        self.denier_spans: set[tuple[int, int]] = set()
        """(start, end) of the phrases of parties that deny another's deed ("X's allies
        denied it"): like a denier of its own deed, no doer of the incident."""
        self.charged: set[int] = set()
        """Token indices of the heads of phrases a charge or a trial accuses of an incident:
        whoever the text calls its doer there is only alleged to be (`_charge`)."""
        self.head_of: dict[int, EventCluster] = {}
        for cluster in incidents:
            for mention in cluster.mentions:
                for token in mention.span:
                    if not _names_charge(token):
                        self.head_of.setdefault(token.i, cluster)

    def statements(self) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """Every statement of the Doc; the denials last, so that a denial of "the
        accusation" or of "it" can tell whose alleged deed it denies from every allegation
        made before it (`_denied_claim`)."""
        for kind in BLAME_FORMS:
            if kind != "deny":
                yield from self._blame_statements(kind)
        for index in positions(self.doc, CLAIMED_NOUNS):
            yield from self._message_claim(self.doc[index])
        for index in positions(self.doc, ("responsible",)):
            yield from self._responsible(self.doc[index])
        for index in positions(self.doc, DISOWNING_WORDS):
            yield from self._disowning(self.doc[index])
        for index in positions(self.doc, AUTHORSHIP_NOUNS):
            yield from self._authorship(self.doc[index])
        for index in positions(self.doc, IMPLICATING_WORDS):
            yield from self._implication(self.doc[index])
        for index in positions(self.doc, PERPETRATING_FORMS):
            yield from self._perpetrated(self.doc[index])
        for index in positions(self.doc, CHARGING_FORMS | CHARGE_NOUNS):
            yield from self._charge(self.doc[index])
        yield from self._blame_statements("deny")

    def _blame_statements(self, kind: str) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """The statements opened by the verb forms of one kind of `BLAME_FORMS`."""
        for index in positions(self.doc, BLAME_FORMS[kind]):
            token = self.doc[index]
            if token.pos_ not in ("VERB", "AUX") or _negated(token):
                continue
            found = list(getattr(self, f"_{kind}")(token))
            if found and kind != "deny" and passive(token):
                self.accusers.update(
                    t.i for agent in _children(token, "agent") for t in agent.subtree
                )
            yield from found

    # Which incident -------------------------------------------------------------------------

    def _incident(
        self, anchor: Token, within: list[Token], denial: bool = False
    ) -> EventCluster | None:
        """The incident a statement at `anchor` is about: one whose trigger lies in the
        `within` phrases, else one named in the sentence (the nearest), else the last one
        named before it. A denial does not reach an incident told in a relative clause or
        an apposition of its own subject ("the rebels, who shelled the town, denied the
        report"): that is the writer's account of the denier, not what it denies."""
        for phrase in within:
            for token in phrase.subtree:
                if token.i in self.head_of:
                    return self.head_of[token.i]
        sentence = anchor.sent
        here = [
            (abs(i - anchor.i), c)
            for i, c in self.head_of.items()
            if _inside(i, sentence) and not (denial and _told_of_subject(anchor, i))
        ]
        if here:
            return min(here, key=lambda pair: pair[0])[1]
        before = [(i, c) for i, c in self.head_of.items() if i < sentence.start]
        if not before:
            return None
        last, incident = max(before, key=lambda pair: pair[0])
        # A statement far from any incident is about something else the text tells.
        starts = sum(1 for t in self.doc[last + 1 : sentence.start] if t.is_sent_start)
        return incident if starts < SALIENT_SENTENCES else None

    def _only_topic(self, clause: Token) -> bool:
        """Whether what X is blamed or accused of is an act of its own that only speaks
        about an incident: a gerund that neither tells the incident nor harms anyone, and
        reaches the incident only through a preposition of topic ("of spreading rumours
        about the attack", "of lying over the killings"). Carrying out, ordering or being
        behind an incident ("of carrying out the attack", "of being behind the bombing",
        "of killing two farmers") is the incident's act."""
        if clause.pos_ != "VERB" or clause.tag_ != "VBG" or clause.i in self.head_of:
            return False
        if clause.lemma_.lower() in KILLING | INJURING:
            return False
        told = [t for t in clause.subtree if t.i in self.head_of]
        return bool(told) and all(_under_topic(t, clause) for t in told)

    def _is_incident(self, token: Token) -> bool:
        return any(t.i in self.head_of for t in (token, *token.children) if t.dep_ != "prep")

    # Who ------------------------------------------------------------------------------------

    def _actors(self, head: Token) -> list[tuple[Entity, Span]]:
        """Named actors of the phrase (and the examples it gives), or the armed group a
        definite "the group" refers back to."""
        found = [
            pair
            for phrase in with_examples(head)
            for pair in denoted_actors(phrase, "perpetrator", self.table)
        ]
        if found:
            return [(e, s) for e, s in found if e.type != "Place"]
        return self._antecedent(head) or self._described(head)

    def _described(self, head: Token) -> list[tuple[Entity, Span]]:
        """The blamed phrase as a described actor when it names nobody the table knows:
        "blamed the killing on the northern cartel", "attributed to members of the
        Vanguard" (a body of men by its head noun, in any case: `described_actor`)."""
        if head.pos_ == "PRON" or _anaphoric(head):
            return []
        return described_actors(head, "perpetrator", self.table, [])

    def _antecedent(self, head: Token) -> list[tuple[Entity, Span]]:
        named = group_antecedent(head, self.table)
        entity = self.table.at(named) if named is not None else None
        if entity is None:
            return []
        return [(entity, self.doc[head.left_edge.i : head.i + 1])]

    def _findings(
        self,
        holders: list[Token],
        anchor: Token,
        about: list[Token],
        attribution: Attribution,
        rule: str,
    ) -> Iterator[tuple[EventCluster, RoleFinding]]:
        if about and all(self._only_topic(phrase) for phrase in about):
            # "accused X of spreading rumours about the attack": X is accused, but not of
            # the attack; X is no role of anything in the statement either
            self.accusers.update(h.i for h in holders)
            return
        incident = self._incident(anchor, about, denial=rule == "denial")
        if incident is None:
            return
        for holder in holders:
            actors = self._actors(holder)
            if rule == "denial":
                actors = actors or self._alleged_antecedent(holder, incident)
            for entity, span in actors:
                said = attribution
                if rule == "denial" and _unnamed_reference(span, entity):
                    # "the group denied ...": the denial is the group's, named as such.
                    said = Attribution(attribution.certainty, entity.name)
                yield incident, RoleFinding("perpetrator", entity, None, span, said, rule)

    def _alleged_antecedent(
        self, holder: Token, incident: EventCluster
    ) -> list[tuple[Entity, Span]]:
        """The actor an anaphoric denier ("it", "they", "the group", "the militia") refers
        to: the one last alleged or claimed to have carried out the incident it denies,
        whatever kind of actor the article made of it."""
        earlier = self._last_allegation(incident, holder.i) if _anaphoric(holder) else []
        if not earlier:
            return []
        last = max(earlier, key=lambda f: f.span.start)
        return [(last.entity, self.doc[holder.left_edge.i : holder.i + 1])]

    # Constructions --------------------------------------------------------------------------

    def _blame(self, verb: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "blamed X for the attack", "blamed the attack on X", "X was blamed for",
        "the attack was blamed on X", "blamed X"."""
        objects = _children(verb, "dobj", "nsubjpass")
        incidents = [t for t in objects if self._is_incident(t)]
        # "blamed the attack on X": the parser often hangs "on X" from the attack, also when
        # the attack is told by another word than the incident's trigger ("the killing").
        told = [t for t in objects if _objects(t, "on")]
        on = _objects(verb, "on") + [o for t in incidents + told for o in _objects(t, "on")]
        # "The army on Thursday blamed X for ...": "on" a day says when, not on whom
        on = [o for o in on if o.ent_type_ not in TIME_ENTITIES]
        holders = on if incidents or on else [t for t in objects if not self._is_incident(t)]
        about = incidents + told + _objects(verb, "for")
        yield from self._findings(holders, verb, about, _alleging(verb), "blame")

    def _accuse(self, verb: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "accused X of carrying out the attack", "X was accused of the bombing"."""
        holders = [t for t in _children(verb, "dobj", "nsubjpass") if not self._is_incident(t)]
        yield from self._findings(holders, verb, _objects(verb, "of"), _alleging(verb), "accuse")

    def _suspect(self, verb: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "police suspected X", "X is suspected of the attack", "X is suspected to be
        behind it"."""
        holders = [t for t in _children(verb, "dobj", "nsubjpass") if not self._is_incident(t)]
        about = _objects(verb, "of") + _children(verb, "xcomp", "ccomp")
        yield from self._findings(holders, verb, about, _alleging(verb), "suspect")

    def _attribute(self, verb: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "the blast was attributed to X", "officials attributed the attack to X"."""
        about = _children(verb, "dobj", "nsubjpass")
        yield from self._findings(_objects(verb, "to"), verb, about, _alleging(verb), "attribute")

    def _claim(self, verb: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "the attack was claimed by X": X alleges its own responsibility."""
        if not passive(verb):
            return
        about = _children(verb, "nsubjpass")
        if not any(self._is_incident(t) for t in about):
            return
        holders = [p for agent in _children(verb, "agent") for p in _children(agent, "pobj")]
        yield from self._findings(holders, verb, about, _alleging(verb), "claimed-by")

    def _raise(self, verb: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "X is believed to be behind the ambush", "X is thought to have carried out the
        attack": a passive whose raised subject is the accused."""
        if not passive(verb):
            return
        clauses = _children(verb, "xcomp", "ccomp")
        if not any(_involves(c) or self._did_incident(c) for c in clauses):
            return
        holders = [t for t in _children(verb, "nsubjpass") if not self._is_incident(t)]
        yield from self._findings(holders, verb, clauses, _alleging(verb), "believed-behind")

    def _message_claim(self, noun: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "Leaflets signed by X claimed responsibility for the attack", "X distributed
        leaflets claiming responsibility for it": a message claims for its author, on the
        author's word (a party's own "X claimed responsibility" is the role rules')."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in RESPONSIBILITY_VERBS:
            return
        if _negated(verb):
            return
        authors = message_authors(verb)
        if not authors:
            return
        about = _objects(noun, "for") + _objects(verb, "for")
        yield from self._findings(authors, verb, about, _alleging(verb), "message-claim")

    def _responsible(self, adjective: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "members of X were responsible for the massacre", "X is held responsible for
        the attack", "the bombing, for which X was held responsible": the subject of the
        verb "responsible" completes is the alleged perpetrator of the incident its "for"
        phrase names (never of another: "X is responsible for security" is no claim)."""
        verb = adjective.head
        if adjective.dep_ == "amod":
            yield from self._responsible_after(adjective)
            return
        if adjective.dep_ not in COMPLEMENT_DEPS or verb.pos_ not in ("VERB", "AUX"):
            return
        if _negated(verb) or _negated(adjective):
            return
        about = _objects(adjective, "for") + _objects(verb, "for")
        # "the attack, for which X was held responsible": the relative pronoun is the attack
        about += [verb.head for t in about if t.lower_ == "which" and verb.dep_ == "relcl"]
        # "the group said it was responsible": a group's word of its own deed needs no
        # "for" phrase; it is about the incident the text is telling
        own_word = not about and _self_claim(verb)
        if not own_word and not any(i.i in self.head_of for t in about for i in (t, *t.subtree)):
            return
        # "police held X responsible": the object of an active "hold" is who is held so
        active_hold = verb.lemma_.lower() == "hold" and not passive(verb)
        deps = ("dobj",) if active_hold else ("nsubj", "nsubjpass")
        holders = [t for t in _children(verb, *deps) if not self._is_incident(t)]
        if own_word:
            holders = [s for s in map(_reported_speaker, holders) if _agrees(s, verb)]
        yield from self._findings(holders, verb, about, _alleging(verb), "responsible")

    def _responsible_after(self, adjective: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "Responsible" hung after a noun, as the small parser hangs it in two common
        statements of blame: "investigators hold X responsible for the attack" (on X, the
        object of an active verb of holding) and "the men responsible for the blast were
        fighters of X" (on the subject of "be", whose attribute names who). As for the
        complement, only a "for" phrase that names an incident makes a claim ("the people
        responsible for the guards are the city police" is none)."""
        noun, verb = adjective.head, adjective.head.head
        if adjective.i < noun.i or _negated(verb) or _negated(adjective):
            return  # "the responsible minister" says who answers for a ministry
        about = _objects(adjective, "for")
        if not any(i.i in self.head_of for t in about for i in (t, *t.subtree)):
            return
        if noun.dep_ == "dobj" and verb.lemma_.lower() in HOLDING_VERBS and not passive(verb):
            holders = [noun]
        elif noun.dep_ == "nsubj" and verb.lemma_.lower() == "be":
            holders = _children(verb, "attr")
        else:
            return
        holders = [t for t in holders if not self._is_incident(t)]
        yield from self._findings(holders, verb, about, _alleging(verb), "responsible")

    def _disowning(self, word: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "X said it was not responsible", "the group was not involved in the attack",
        "it was not behind the bombing", "X had nothing to do with the blast": a negated
        statement of involvement denies it, on the word of whoever makes it (the subject of
        the verb that reports it, else the one who disowns). What it is about is the
        incident its phrase names, else the incident the text is telling; a phrase about
        anything else ("not responsible for security") is no denial."""
        predicate, about = _disowned(word)
        if predicate is None:
            return
        if about and not any(t.i in self.head_of for o in about for t in o.subtree):
            return
        subjects = _children(predicate, "nsubj", "nsubjpass")
        holders = [_reported_speaker(s) for s in subjects]
        speaker = predicate.head if predicate.dep_ == "ccomp" else predicate
        source = source_phrase(speaker) or (holders[0].text if holders else None)
        denial = Attribution("denied", source)
        yield from self._findings(holders, predicate, about, denial, "denial")

    def _authorship(self, noun: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "the attack was the work of X", "it was the work of X", "the bombing bore the
        hallmarks of X": X is the alleged perpetrator (only `hedged` by hallmarks) of the
        incident the subject names, or of the one the text is telling when it is "it"."""
        verb = noun.head
        if noun.dep_ not in ("attr", "dobj") or verb.pos_ not in ("VERB", "AUX"):
            return
        if _negated(verb) or (noun.dep_ == "attr") != (verb.lemma_.lower() == "be"):
            return
        subjects = _children(verb, "nsubj")
        if not any(self._is_incident(s) or self._refers_to_incident(s) for s in subjects):
            return
        # on the word of who reports it ("police said"); the subject is the incident
        reported = attribute(verb)
        hedged = noun.lower_ != "work" or reported.certainty == "hedged"
        said = Attribution("hedged" if hedged else "alleged", reported.source)
        yield from self._findings(_objects(noun, "of"), verb, subjects, said, "authorship")

    def _perpetrated(self, verb: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "the crime was perpetrated by armed men", "this act was committed by X", "the
        operation was carried out by X": the "by" phrase of a passive verb of doing whose
        subject is a definite noun for a deed, which refers back to the incident the text
        is telling (a subject that is itself the incident's trigger is the frame reader's:
        "the attack was carried out by X")."""
        if verb.pos_ != "VERB" or not passive(verb) or _negated(verb):
            return
        subjects = _children(verb, "nsubjpass")
        if not subjects or any(self._is_incident(s) for s in subjects):
            return
        if not all(_deed_reference(s) for s in subjects):
            return
        holders = [p for agent in _children(verb, "agent") for p in _children(agent, "pobj")]
        yield from self._findings(holders, verb, [], attribute(verb), "perpetrated-by")

    def _refers_to_incident(self, pronoun: Token) -> bool:
        """Whether "it" or "this" stands for an incident: the nearest subject before it (in
        its sentence or the one before, not counting who reports) is one, or does one. In
        "the bridge had opened in 2019; it was the work of Chinese engineers" it is the
        bridge."""
        if pronoun.lower_ not in ("it", "this"):
            return False
        start = pronoun.sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        for token in reversed(self.doc[start : pronoun.i]):
            if token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if token.head.lemma_.lower() in REPORTING_VERBS:
                continue
            return self._is_incident(token) or token.head.i in self.head_of
        return False

    def _implication(self, word: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "the involvement of X in the killing", "X's participation in the attack", "the
        officers involved in the massacre", "men implicated in the bombing", "implicated X
        in the killing": X is alleged to have taken part in the incident the phrase names
        (only an incident: "involved in politics" implicates nobody in anything)."""
        found = _implicated(word)
        if found is None:
            return
        anchor, holders, about = found
        if _negated(anchor) or _negated(word) or not any(map(self._tells_incident, about)):
            return
        if word.dep_ == "acl":
            # "the people involved in the murder" says nothing of who they are; a name does
            holders = [h for h in holders if self.table.at(h) is not None]
        said = _alleging(anchor)
        if anchor.lower_ in BLAME_FORMS["deny"]:  # "denied the involvement of X in it"
            said = Attribution("denied", said.source)
        yield from self._findings(holders, anchor, about, said, "implication")

    def _tells_incident(self, phrase: Token) -> bool:
        """Whether the phrase names an incident: one of the article's ("carrying out the
        bombing"), or a killing the mentions told by another word ("the killing" of
        victims shot dead)."""
        words = range(phrase.left_edge.i, phrase.right_edge.i + 1)
        return phrase.lower_ in KILLING or any(i in self.head_of for i in words)

    def _charge_names_incident(self, phrase: Token) -> bool:
        """Whether what a charge is about names an incident: as `_tells_incident` does,
        but a bare kind of crime ("charged with murder", "murder charges") names none; "the
        murder", "the killing of two farmers" do."""
        bare = not any(c.dep_ in ("det", "poss", "prep") for c in phrase.children)
        if phrase.lower_ in KILLING and bare and phrase.i not in self.head_of:
            return False
        return self._tells_incident(phrase)

    def _charge(self, word: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "X was charged with the killing", "prosecutors charged X over the shooting",
        "X faces charges over the ambush", "X faces murder charges after two men were shot",
        "X went on trial for the bombing", "charges against X for the raid": X is alleged
        to have done the incident, on the word of whoever brings the case where the text
        names it (prosecutors, police), else on nobody's. A charge is the law's claim, never
        the writer's: a doer the text tells as such ("the soldier who beat him faces
        charges") is alleged as well (`settle_responsibility`). What the charge is about is
        an incident its phrases name; a charge that names only a kind of crime ("murder
        charges", "fraud charges") ties no one to an incident: the text's nearest incident
        is a guess."""
        found = _charge_statement(word)
        if found is None:
            return
        anchor, holders, about, bringer = found
        if not holders or _negated(anchor) or _negated(word):
            return
        # "the soldier who beat him faces charges": the act told of the accused is the one
        about = about + [c for h in holders for c in _children(h, "relcl", "acl")]
        if not any(map(self._charge_names_incident, about)):
            return
        reported = attribute(anchor)
        source = (source_phrase(bringer) if bringer is not None else None) or reported.source
        said = Attribution("hedged" if reported.certainty == "hedged" else "alleged", source)
        self.charged.update(t.i for h in holders for t in conjuncts(h))
        yield from self._findings(holders, anchor, about, said, "charge")

    def _did_incident(self, clause: Token) -> bool:
        """ "to have carried out the attack": a perfect infinitive about an incident (not
        "to be concerned about attacks")."""
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in clause.children)
        return perfect and any(t.i in self.head_of for t in clause.subtree)

    def _deny(self, verb: Token) -> Iterator[tuple[EventCluster, RoleFinding]]:
        """ "X denied any involvement", "X rejected the accusation", "X denied carrying
        out the strike", "X denied that it was involved": X is a denied perpetrator."""
        complements = _children(verb, "xcomp", "ccomp", "pcomp", "advcl")
        objects = _children(verb, "dobj")
        about_responsibility = any(o.lower_ in DENIED_OBJECTS for o in objects)
        about_own_act = any(
            all(_self_reference(s) for s in _children(c, "nsubj", "nsubjpass")) for c in complements
        )
        about_incident = any(self._is_incident(o) for o in objects)
        if not (about_responsibility or about_own_act or about_incident):
            return
        subjects = _children(verb, "nsubj")
        source = source_phrase(verb) or (subjects[0].text if subjects else None)
        denial = Attribution("denied", source)
        deniers = [g for s in subjects for g in _spoken_for(s)]
        about = objects + complements
        if not any(_anaphoric(d) for d in deniers):
            # a party that is not the accused may deny for it: the claim denied is whose
            claims = [o for o in objects if o.lower_ in DENIED_OBJECTS - OWN_PART_NOUNS]
            found = [*self._denied_claim(deniers, verb, about, source, claims)]
            found += self._denied_for_another(deniers, verb, complements, source)
            if found:
                self._keep_denier(deniers)
                yield from found
                return
        if any(_part_of_another(o) for o in objects):
            # "denied the group's involvement": whose involvement `_implication` reads
            self._keep_denier(deniers)
            return
        yield from self._findings(deniers, verb, about, denial, "denial")

    def _keep_denier(self, deniers: list[Token]) -> None:
        """Who denies for another is no more a doer of the incident than who denies for
        itself: its phrase is kept out of the incident's doers (`settle_responsibility`)."""
        self.denier_spans.update(
            (span.start, span.end) for d in deniers for _, span in self._actors(d)
        )

    def _denied_claim(
        self,
        deniers: list[Token],
        verb: Token,
        about: list[Token],
        source: str | None,
        claims: list[Token],
    ) -> list[tuple[EventCluster, RoleFinding]]:
        """ "Police blamed X for the bombing. X's allies denied it." and "... The governor
        rejected the accusation": a denial of "it", "the claim", "the accusation" denies the
        last allegation made of the incident, so the accused of that allegation is the
        denied perpetrator, on the denier's word, whoever denies. Nothing where there was
        no allegation (the denier then denies its own part: `_deny`), or where the denier
        is among the accused (it denies for itself)."""
        if not claims:
            return []
        incident = self._incident(verb, about, denial=True)
        if incident is None:
            return []
        accused = self._last_allegation(incident, verb.i)
        denying = self._entity_ids(deniers)
        if not accused or denying & {f.entity.id for f in accused if f.entity is not None}:
            return []
        if any(self._described_only(f.entity) for f in accused if f.entity is not None):
            # "police accused two men of the bombing; the Red Hand denied the accusation":
            # who the men are the text does not say, and the denier may speak for them
            return []
        span = self.doc[claims[0].left_edge.i : claims[0].i + 1]
        said = Attribution("denied", source)
        return [
            (incident, RoleFinding("perpetrator", f.entity, None, span, said, "denial"))
            for f in accused
        ]

    def _denied_for_another(
        self, deniers: list[Token], verb: Token, complements: list[Token], source: str | None
    ) -> list[tuple[EventCluster, RoleFinding]]:
        """ "Its political wing denied that the group had carried out the attack": the
        subject of the denied clause, a phrase that refers back to a group ("the group",
        "the militia"), is the denied perpetrator when it is another than the denier; the
        denial is the denier's word. A pronoun subject ("denied that it was involved") is
        the denier itself (`_deny`)."""
        denying = self._entity_ids(deniers)
        found: list[tuple[EventCluster, RoleFinding]] = []
        said = Attribution("denied", source)
        for clause in complements:
            subjects = [s for s in _children(clause, "nsubj", "nsubjpass") if s.pos_ != "PRON"]
            incident = self._incident(verb, [clause], denial=True)
            if incident is None or not all(map(_anaphoric, subjects)):
                continue
            actors = [
                pair
                for s in subjects
                for pair in self._actors(s) or self._alleged_antecedent(s, incident)
            ]
            if denying & {e.id for e, _ in actors}:
                continue
            found += [
                (incident, RoleFinding("perpetrator", e, None, span, said, "denial"))
                for e, span in actors
            ]
        return found

    def _described_only(self, entity: Entity) -> bool:
        """Whether the article only describes the actor ("two men", "gunmen")."""
        return is_article_scoped(entity.id, self.doc._.ck_meta.id)

    def _entity_ids(self, phrases: list[Token]) -> set[str]:
        return {entity.id for phrase in phrases for entity, _ in self._actors(phrase)}

    def _last_allegation(self, incident: EventCluster, before: int) -> list[RoleFinding]:
        """The perpetrator claims of the incident's last allegation (alleged, hedged or
        unconfirmed) made before token `before`: those of the last sentence that made one,
        one per actor."""
        earlier = [
            f
            for f in self.findings.get(id(incident), [])
            if f.role == "perpetrator"
            and f.entity is not None
            and f.attribution.certainty in ("alleged", "hedged", "unconfirmed")
            and f.span.start < before
        ]
        if not earlier:
            return []
        last = max(f.span.sent.start for f in earlier)
        found: dict[str, RoleFinding] = {}
        for finding in earlier:
            if finding.span.sent.start == last and finding.entity is not None:
                found.setdefault(finding.entity.id, finding)
        return list(found.values())


OWN_PART_NOUNS = frozenset(
    {"involvement", "responsibility", "role", "part", "hand", "link", "links", "participation",
     "complicity"}
)  # fmt: skip
"""Objects of a denial that name a part in the deed: the denier's own ("denied any
involvement"), unless the noun says whose ("denied the group's involvement"). The other
objects of `DENIED_OBJECTS` name a claim ("denied it", "rejected the accusation")."""


def _part_of_another(noun: Token) -> bool:
    """ "the group's involvement", "the involvement of X": a part the noun gives to
    someone named, not to the denier ("its involvement", "any involvement")."""
    if noun.lower_ not in OWN_PART_NOUNS:
        return False
    owners = _children(noun, "poss") + _objects(noun, "of")
    return any(o.pos_ != "PRON" for o in owners)


SPOKESPERSON_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "statement"}
)
"""Who or what speaks for a group: "a spokesman for the militia denied" is its denial."""


def _spoken_for(subject: Token) -> list[Token]:
    """The group a speaker speaks for ("a spokesman for X", "X's spokesman", "a militia
    spokesman"), or the speaker itself when it speaks for no one named."""
    if subject.lower_ not in SPOKESPERSON_NOUNS:
        return [subject]
    groups = _objects(subject, "for") + _objects(subject, "of")
    groups += [c for c in subject.children if c.dep_ in ("poss", "compound")]
    return groups or [subject]


TAKING_PART_NOUNS = frozenset({"involvement", "participation", "complicity"})
IMPLICATING_WORDS = TAKING_PART_NOUNS | frozenset(
    {"involved", "implicated", "implicate", "implicates", "implicating"}
)
"""Words that tie someone to an incident as one who took part in it (a charge or a trial
does too: `_Reader._charge`)."""


def _implicated(word: Token) -> tuple[Token, list[Token], list[Token]] | None:
    """(the word whose statement it is, who is implicated, what in) around a word of
    implication, or None where it implicates nobody: see `_Reader._implication`."""
    lower = word.lower_
    if lower in TAKING_PART_NOUNS:
        anchor = word.head if word.head.pos_ in ("VERB", "AUX") else word
        holders = _objects(word, "of") + _children(word, "poss")
        return anchor, holders, _objects(word, "in")
    if lower in ("involved", "implicated") and word.dep_ == "acl":
        return word, [word.head], _objects(word, "in")  # "the officers involved in it"
    if word.lemma_.lower() == "implicate" and word.pos_ == "VERB" and not passive(word):
        return word, _children(word, "dobj"), _objects(word, "in")
    return None


CHARGING_VERBS = frozenset(
    {"charge", "indict", "prosecute", "try", "convict", "arraign", "sentence"}
)
"""Verbs of a case at law against a person, whose object (the passive's subject) is
accused of what their prepositions name ("charged with", "convicted of", "tried for")."""
CHARGING_FORMS = frozenset(
    {"charge", "charges", "charged", "charging", "indict", "indicts", "indicted",
     "prosecute", "prosecutes", "prosecuted", "tried", "convict", "convicts", "convicted",
     "arraigned", "sentenced"}
)  # fmt: skip
CHARGE_NOUNS = frozenset({"charge", "charges", "trial", "indictment", "indictments"})
"""Nouns of a case at law: "faces charges", "went on trial", "an indictment against X"."""
FACING_VERBS = frozenset({"face", "stand", "await"})
"""Verbs whose subject is the accused of the charge or trial they take ("faces charges",
"stands trial", "awaits trial")."""
CHARGE_PREPOSITIONS = ("with", "for", "over", "of", "in", "after", "following")
"""Prepositions that name what a charge is about ("charged with", "on trial for", "charges
over", "convicted of", "charged in the killing", "charged after the raid")."""
AFTER_MARKS = frozenset({"after", "following", "over"})
"""Marks of a clause that tells what a charge follows ("charged after two men were shot")."""
NAMING_CHARGE_DEPS = frozenset({"compound", "amod", "nmod"})


def _charge_statement(
    word: Token,
) -> tuple[Token, list[Token], list[Token], Token | None] | None:
    """(the verb the statement hangs on, who is accused, what the charge is about, the verb
    whose subject or "by" phrase brings the case, if any) of a charge at `word`, or None
    where `word` charges nobody: see `_Reader._charge`."""
    lemma = word.lemma_.lower()
    if word.pos_ == "VERB" and lemma in CHARGING_VERBS:
        if passive(word):
            return word, _children(word, "nsubjpass"), _charged_with(word), word
        if word.dep_ == "conj" and word.tag_ == "VBN" and passive(word.head):
            # "was arrested and charged with": the participle shares the passive's subject
            return word, _children(word.head, "nsubjpass"), _charged_with(word), word
        if lemma == "try":
            return None  # "tried to storm the base": an attempt, no trial
        return word, _children(word, "dobj"), _charged_with(word), word
    if word.pos_ != "NOUN" or word.lower_ not in CHARGE_NOUNS:
        return None
    about = _charged_with(word) + [c for c in word.children if c.dep_ in NAMING_CHARGE_DEPS]
    verb = word.head
    if word.dep_ == "pobj" and verb.lower_ == "on":
        verb = verb.head  # "went on trial for", "was arrested on murder charges"
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        return verb, _tried(verb), about + _charged_with(verb), None
    against = _objects(word, "against") + _objects(verb, "against")
    if against:
        return verb, against, about + _charged_with(verb), verb  # "filed charges against X"
    if word.dep_ == "dobj" and verb.lemma_.lower() in FACING_VERBS:
        return verb, _children(verb, "nsubj"), about + _charged_with(verb), None
    return None


def _tried(verb: Token) -> list[Token]:
    """Who the verb puts "on trial" or "on charges": its object ("put X on trial"), the
    passive's subject ("X was arrested on murder charges"), else its subject ("X went on
    trial")."""
    if passive(verb):
        return _children(verb, "nsubjpass")
    return _children(verb, "dobj") or _children(verb, "nsubj")


def _charged_with(word: Token) -> list[Token]:
    """What a charging word says the charge is about: the objects of its prepositions of
    charge, and a clause it follows ("faces charges after a protester was beaten")."""
    found = [o for preposition in CHARGE_PREPOSITIONS for o in _objects(word, preposition)]
    return found + [
        c
        for c in word.children
        if c.dep_ == "advcl" and any(m.lower_ in AFTER_MARKS for m in _children(c, "mark"))
    ]


def _names_charge(token: Token) -> bool:
    """Whether a trigger word only names the crime a charge is of ("assault charges",
    "murder charges", "charges of assault"): a kind of crime, no incident."""
    head = token.head
    if token.dep_ in NAMING_CHARGE_DEPS and head.lower_ in CHARGE_NOUNS:
        return True
    bare = not any(c.dep_ in ("det", "poss") for c in token.children)
    return (
        bare and token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in CHARGE_NOUNS
    )


ANSWERED_CLASSES = ATTACK_FAMILY | {"Abduction"}


CLAIMED_NOUNS = ("responsibility", "credit")
"""What a claim of an attack claims ("claimed responsibility", "took credit")."""
AUTHORSHIP_NOUNS = frozenset({"work", "hallmarks", "hallmark"})
"""Nouns whose "of" phrase names the author of what the subject is ("was the work of X")."""
DISOWNING_WORDS = frozenset({"responsible", "involved", "behind", "nothing"})
"""Words of a negated statement of involvement ("was not responsible", "was not involved",
"was not behind", "had nothing to do with")."""


def _disowned(word: Token) -> tuple[Token | None, list[Token]]:
    """(the clause's verb, what the involvement is in) of a negated statement of
    involvement around `word`, or (None, []) where `word` states none."""
    lower = word.lower_
    if lower == "nothing":
        # "had nothing to do with the attack"
        verb = word.head
        doing = [c for c in _children(word, "relcl", "acl") if c.lemma_.lower() == "do"]
        if word.dep_ != "dobj" or verb.lemma_.lower() != "have" or not doing:
            return None, []
        return verb, _objects(doing[0], "with")
    if lower == "involved" and word.pos_ in ("VERB", "ADJ") and word.dep_ not in ("amod",):
        predicate = word if word.pos_ == "VERB" else word.head
        if not (_negated(predicate) or _negated(word)):
            return None, []
        return predicate, _objects(word, "in")
    if lower == "responsible" and word.dep_ in COMPLEMENT_DEPS:
        predicate = word.head
        if not (_negated(predicate) or _negated(word)) or predicate.lemma_.lower() != "be":
            return None, []
        return predicate, _objects(word, "for") + _objects(predicate, "for")
    if lower == "behind" and word.dep_ == "prep" and word.head.lemma_.lower() == "be":
        predicate = word.head
        if not _negated(predicate):
            return None, []
        return predicate, [o for o in word.children if o.dep_ == "pobj"]
    return None, []


def _self_claim(verb: Token) -> bool:
    """ "X said it was responsible", "they said they were responsible": a clause reported
    by its own subject, named by a pronoun."""
    subjects = _children(verb, "nsubj")
    return verb.dep_ == "ccomp" and bool(subjects) and all(s.pos_ == "PRON" for s in subjects)


def _agrees(speaker: Token, clause: Token) -> bool:
    """Whether the clause's "it" can be the speaker: not a plural one ("police said it was
    responsible" speaks of something else)."""
    plural = speaker.pos_ != "PRON" and "Plur" in speaker.morph.get("Number")
    return not (plural and any(t.lower_ == "it" for t in _children(clause, "nsubj")))


def _reported_speaker(subject: Token) -> Token:
    """ "X said it was not involved": a pronoun subject of a reported clause is the one
    who reports it."""
    clause = subject.head
    if subject.pos_ != "PRON" or clause.dep_ != "ccomp":
        return subject
    speakers = _children(clause.head, "nsubj")
    return speakers[0] if speakers else subject


STATEMENT_RULES = frozenset(
    {"blame", "accuse", "suspect", "attribute", "claimed-by", "believed-behind", "denial",
     "responsible", "authorship", "implication", "perpetrated-by", "message-claim", "charge"}
)  # fmt: skip
"""Rules of the findings this module adds."""
HOLDING_VERBS = frozenset({"hold", "consider", "deem"})
"""Verbs that make their object answer for what "responsible" names ("investigators hold
X responsible for the attack", "the ministry considers X responsible")."""
THIRD_PERSON = frozenset({"it", "they"})
COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "xcomp", "ccomp", "advcl"})
"""How the parser hangs "responsible" on the verb it completes ("was responsible", "held
X responsible")."""


def _anaphoric(holder: Token) -> bool:
    """A phrase that only points back: "it", "they", or a definite group noun ("the
    group", "the militia", "the rebels")."""
    if holder.pos_ == "PRON":
        return holder.lower_ in THIRD_PERSON
    determiners = {c.lower_ for c in holder.children if c.dep_ in ("det", "poss")}
    return holder.lower_ in REFERRING_NOUNS and bool(determiners & {"the", "this", "that"})


def _unnamed_reference(span: Span, entity: Entity) -> bool:
    """Whether the phrase only refers to the entity without naming it ("the group", "it")."""
    if entity.name.lower() in span.text.lower():
        return False
    return span.root.lower_ in REFERRING_NOUNS or span.root.pos_ == "PRON"


def _self_reference(subject: Token) -> bool:
    """The denier speaking of itself in its denial: "it", "they", "the group"."""
    if subject.pos_ == "PRON":
        return True
    determiners = {c.lower_ for c in subject.children if c.dep_ in ("det", "poss")}
    return subject.lower_ in REFERRING_NOUNS and bool(determiners & {"the", "its", "our", "their"})


PERPETRATING_FORMS = frozenset(
    {"perpetrated", "committed", "carried", "staged", "masterminded", "orchestrated",
     "executed", "organized", "organised", "planned", "ordered"}
)  # fmt: skip
"""Passive participles of verbs of doing a deed ("the crime was perpetrated by X")."""
DEED_NOUNS = frozenset({"crime", "crimes", "deed", "atrocity", "outrage", "massacre"})
"""Nouns for a violent deed that a definite phrase uses to refer back to the incident told."""
ACT_NOUNS = frozenset({"act", "action", "acts", "actions"})
VIOLENT_QUALITIES = frozenset(
    {"terrorist", "criminal", "cowardly", "violent", "barbaric", "heinous", "brutal",
     "despicable", "savage", "terror", "bloody", "murderous", "vile"}
)  # fmt: skip
"""Adjectives that make an act a violent deed ("the terrorist act", "this cowardly act")."""


def _deed_reference(subject: Token) -> bool:
    """ "the crime", "this atrocity", "the terrorist act": a definite noun for a violent
    deed ("the new act on banking" is a law)."""
    determiners = {c.lower_ for c in subject.children if c.dep_ == "det"}
    if not determiners & {"the", "this", "that"}:
        return False
    if subject.lower_ in ACT_NOUNS:
        return any(c.lower_ in VIOLENT_QUALITIES for c in subject.children if c.dep_ == "amod")
    return subject.lower_ in DEED_NOUNS


TOPIC_PREPOSITIONS = frozenset({"about", "over", "regarding", "concerning", "around"})
"""Prepositions whose object is only what something is about ("rumours about the attack")."""


def _under_topic(token: Token, clause: Token) -> bool:
    """Whether `token` hangs below `clause` through a preposition of topic."""
    node = token
    while node.i != clause.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in TOPIC_PREPOSITIONS:
            return True
        node = node.head
    return False


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _objects(verb: Token, preposition: str) -> list[Token]:
    """Objects of the verb's preposition ("blamed X for *the attack*"), or its clause
    ("accused X of *carrying out* the attack")."""
    return [
        o
        for p in verb.children
        if p.dep_ in ("prep", "dative", "agent") and p.lower_ == preposition
        for o in p.children
        if o.dep_ in ("pobj", "pcomp")
    ]


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _involves(clause: Token) -> bool:
    """ "to be behind the attack", "to be responsible for it", "to have been involved"."""
    return any(t.lower_ in ("behind", "responsible", "involved") for t in clause.subtree)


def _told_of_subject(anchor: Token, index: int) -> bool:
    """Whether the token at `index` lies in a relative clause, an apposition or a participle
    of the subject of `anchor`."""
    return any(
        aside.left_edge.i <= index <= aside.right_edge.i
        for subject in _children(anchor, "nsubj", "nsubjpass")
        for aside in _children(subject, "relcl", "appos", "acl")
    )


def _inside(index: int, sentence: Span) -> bool:
    return sentence.start <= index < sentence.end


def _alleging(verb: Token) -> Attribution:
    """An allegation on the word of whoever makes it: the verb's subject (of a passive,
    its "by" phrase), else the source of the report it sits in ("the army said X was
    believed to be behind")."""
    found = attribute(verb)
    source = source_phrase(verb) or found.source
    certainty = "hedged" if found.certainty == "hedged" else "alleged"
    return Attribution(certainty, source)


# Settling certainties -------------------------------------------------------------------------


def _doubt(token: Token) -> bool:
    """A verb of verification that says a claim was not verified ("the claim could not be
    verified", "a statement that could not be independently confirmed", "Reuters could not
    verify the report", "none of the accounts could be verified", "it was not possible to
    verify the report", "the claims were impossible to verify"), or a doubting adjective
    ("an unconfirmed report")."""
    if token.lower_ in DOUBT_ADJECTIVES:
        return True
    if token.lemma_.lower() not in VERIFYING_LEMMAS or not _unverified(token):
        return False
    about = _children(token, "nsubjpass", "dobj")
    if token.dep_ == "relcl":
        about.append(token.head)
    if token.dep_ == "xcomp":  # "the claims were impossible to verify"
        governor = token.head if token.head.dep_ != "acomp" else token.head.head
        about += _children(governor, "nsubj")
    about += [o for t in about if t.lower_ in NOBODY for o in _objects(t, "of")]
    return any(t.lower_ in CLAIM_NOUNS for t in about)


NOBODY = frozenset({"none", "neither", "nothing"})
"""Subjects that deny the verb of all they count ("none of the accounts could be verified")."""
UNABLE_WORDS = frozenset({"impossible", "unable"})
"""Adjectives whose "to" complement did not happen ("unable to verify the claims")."""
ABLE_WORDS = frozenset({"possible", "able"})
"""Adjectives whose "to" complement did not happen once they are negated ("was not able to
verify", "it was not possible to confirm")."""


def _unverified(verb: Token) -> bool:
    """Whether a verb of verification is said not to have been done: negated, with a
    subject that counts nothing ("none of the reports could be verified"), or the "to"
    complement of an inability ("unable to verify", "not possible to confirm")."""
    if _negated(verb):
        return True
    subjects = _children(verb, "nsubj", "nsubjpass")
    if any(s.lower_ in NOBODY or _no_determiner(s) for s in subjects):
        return True
    if verb.dep_ != "xcomp":
        return False
    governor = verb.head
    adjectives = [governor, *_children(governor, "acomp")]
    if any(a.lower_ in UNABLE_WORDS for a in adjectives):
        return True
    able = any(a.lower_ in ABLE_WORDS for a in adjectives)
    return able and (_negated(governor) or _negated(governor.head))


def _no_determiner(noun: Token) -> bool:
    """ "no claim", "no report": a noun its determiner negates."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _doubted_sentences(doc: Doc) -> set[int]:
    """Start indices of sentences whose claims are doubted: the sentence of a doubt, and
    the one before a sentence whose main clause doubts ("The claim could not be
    verified.", "It was not possible to verify the report.")."""
    words = VERIFYING_FORMS | DOUBT_ADJECTIVES
    doubted: set[int] = set()
    for index in positions(doc, words):
        token = doc[index]
        if not _doubt(token):
            continue
        sentence = token.sent
        doubted.add(sentence.start)
        if _main_clause(token) and sentence.start > 0 and _points_back(token):
            doubted.add(doc[sentence.start - 1].sent.start)
    return doubted


def _points_back(token: Token) -> bool:
    """Whether what a doubt is about can be what the sentence before told: "it", "the
    claim", "the report", or nothing named. A phrase with content of its own ("the number
    of civilians who fled", "the figures given by the hospital") is another fact, and the
    sentence before keeps its certainty."""
    about = _children(token, "dobj", "nsubjpass", "nsubj")
    node = token
    while node.dep_ in ("xcomp", "acomp") and node.head.i != node.i:
        node = node.head
        about += _children(node, "nsubj", "nsubjpass")
    # "none of the accounts", "neither of the figures": what the quantifier counts
    about = [o for a in about for o in (_objects(a, "of") if a.lower_ in PARTITIVES else [a])]
    own_content = ("prep", "relcl", "acl")
    return not any(
        a.pos_ != "PRON" and any(c.dep_ in own_content for c in a.children) for a in about
    )


PARTITIVES = frozenset({"none", "neither", "any", "all", "some", "each", "either"})


def _main_clause(token: Token) -> bool:
    """Whether the token is its sentence's root, or reaches it only as the complement of an
    adjective or a verb ("it was not possible to verify", "were impossible to verify")."""
    node = token
    while node.dep_ in ("xcomp", "acomp"):
        node = node.head
    return node.dep_ == "ROOT"


def _settled(finding: RoleFinding, doubted: set[int]) -> RoleFinding:
    certainty = finding.attribution.certainty
    if certainty in ("denied", "unconfirmed"):
        return finding
    if finding.role in CLAIMS_ROLES and finding.span.sent.start in doubted:
        return _with(finding, "unconfirmed")
    if finding.role == "perpetrator" and certainty == "asserted" and _alleged_modifier(finding):
        return _with(finding, "alleged")
    return finding


def _alleged(finding: RoleFinding) -> RoleFinding:
    """A doer a charge or a trial accuses, whom the text also tells as the doer: the law
    alleges it, and the writer's telling is no more than the charge ("the soldier who beat
    the man faces charges")."""
    if finding.attribution.certainty != "asserted":
        return finding
    return _with(finding, "alleged")


def _with(finding: RoleFinding, certainty: Certainty) -> RoleFinding:
    attribution = Attribution(certainty, finding.attribution.source)
    return RoleFinding(
        finding.role, finding.entity, finding.weapon, finding.span, attribution, finding.rule
    )


def _alleged_modifier(finding: RoleFinding) -> bool:
    """ "suspected Islamic State militants attacked": the name is only suspected."""
    root = finding.span.root
    near = [*finding.span, *root.children, *root.head.children]
    return any(t.dep_ == "amod" and t.lower_ in ALLEGED_MODIFIERS for t in near)


def _unclaimed(finding: RoleFinding) -> bool:
    """A holder of a responsibility nobody claimed: "X did not claim responsibility"."""
    if finding.role != "perpetrator":
        return False
    verb = finding.span.root.head
    if finding.span.root.dep_ != "nsubj" or verb.lemma_.lower() not in RESPONSIBILITY_VERBS:
        return False
    claimed = any(o.lower_ in ("responsibility", "credit") for o in _children(verb, "dobj"))
    return claimed and _negated(verb)
