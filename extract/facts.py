"""From an annotated Doc to an `Extraction`: entities, events with roles and dates, relations.

The order matters and is fixed: entities first (roles point at them), then event mentions
with their dates (clustering needs dates to keep distinct incidents apart), then roles, then
relations, then the dataclasses.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from conflict_kg.ontologies import slugify

from .casualties import casualty_clauses, tally
from .coref import (
    EventCluster,
    MentionArguments,
    cluster_mentions,
    concerned_clusters,
    header_end,
    mention_arguments,
)
from .dateline_places import add_dateline_place
from .datelines import article_anchor
from .entities import EntityTable, article_key, is_article_scoped, resolve_entities
from .events import (
    ATTACK_FAMILY,
    HAZARD_CLASSES,
    STATEMENTS,
    TRIGGERS_KEY,
    WEAPON,
    EventMention,
    find_mentions,
)
from .lexicon import Lexicon
from .model import Argument, ArticleMeta, Event, Extraction, Mention, Relation, Weapon
from .model import Span as TextSpan
from .relations import find_relations
from .responsibility import settle_responsibility
from .roles import (
    RoleFinding,
    date_anchor,
    dependency_distance,
    find_roles,
    place_near_weapons,
    salient_roles,
    victim_roles,
    weapons_in,
)
from .specificity import specific_mentions
from .subevents import refine_subevent
from .time import MonthDay, resolve_date
from .windows import no_facts_warning

__all__ = ["build_extraction"]

WEAPON_REACH = 2
"""Sentences after the incident's last trigger in which a weapon named without a trigger
is still its instrument ("The drones were dropped at his home."); further on, a weapon is
background ("grenades are easy to buy"), not the incident's."""


def _text_span(span: Span) -> TextSpan:
    return TextSpan(span.start_char, span.end_char, span.text)


def _mention(mention: EventMention) -> Mention:
    span = mention.span
    return Mention(
        span.start_char, span.end_char, span.text, mention.event_class, _text_span(mention.sentence)
    )


def build_extraction(
    doc: Doc,
    source: str,
    meta: ArticleMeta,
    lexicon: Lexicon,
    dateline: tuple[int, int, str] | None,
) -> Extraction:
    """The facts of `doc`, the whole text of an article or one window of it. `dateline` is
    the (start, end, name) of the article's dateline place in `doc`
    (`extract.article.dateline_place` of the whole text), None where `doc` has none."""
    table = resolve_entities(doc, lexicon, article_key(meta.id), dateline)
    place_tokens = {
        i
        for i, entity_id in table.token_entity.items()
        if table.entities[entity_id].type == "Place" or table.entities[entity_id].also_place
    }
    mentions = specific_mentions(
        find_mentions(doc, TRIGGERS_KEY, set(table.token_entity), place_tokens, lexicon.triggers)
    )
    _date_mentions(doc, mentions, article_anchor(meta, doc.text))
    # Each mention's own roles, read once: coreference compares them, and they become the
    # arguments of the event the mention joins.
    own_roles = {id(m): find_roles(m, table, lexicon) for m in mentions}
    clusters = cluster_mentions(
        doc,
        mentions,
        _arguments(mentions, own_roles, meta.id),
        {i: table.token_entity[i] for i in place_tokens},
        {table.token_entity[i]: table.entities[table.token_entity[i]].name for i in place_tokens},
        header_end(doc.text, meta.title, dateline),
    )
    # The longest weapon name wins: "suicide bomber" is no "bomber", "improvised explosive
    # device" no second "explosive device".
    weapon_spans = filter_spans([s for s in doc.spans.get(TRIGGERS_KEY, []) if s.label_ == WEAPON])
    findings = _roles(doc, clusters, table, lexicon, weapon_spans, own_roles)
    settle_responsibility(doc, clusters, table, findings)
    add_dateline_place(doc, clusters, table, findings)
    relations = find_relations(doc, table, lexicon)

    concerned = concerned_clusters(clusters)
    clusters = [
        c for c in clusters if id(c) in concerned or not _told_as_claim(c, clusters, findings)
    ]

    extraction = Extraction(source=source, article=meta, text=doc.text)
    events: list[Event] = []
    weapons: dict[str, Weapon] = {}
    for number, cluster in enumerate(clusters, start=1):
        event = _event(meta.id, number, cluster, findings.get(id(cluster), []), lexicon, weapons)
        events.append(event)
    event_of = {id(cluster): event for cluster, event in zip(clusters, events, strict=True)}
    for statement, about in concerned.items():
        if statement in event_of and id(about) in event_of:
            event_of[statement].concerns = event_of[id(about)].id
    extraction.events = events
    extraction.weapons = list(weapons.values())
    extraction.entities = [e for e in table.entities.values() if e.mentions]
    for finding in relations:
        obj = finding.object_id
        if finding.object_label is not None:
            extraction.positions[obj] = finding.object_label
        extraction.relations.append(
            Relation(
                subject=finding.subject.id,
                predicate=finding.predicate,
                object=obj,
                certainty=finding.attribution.certainty,
                evidence=_text_span(finding.evidence),
                source=finding.attribution.source,
                sentence=_text_span(finding.evidence.sent),
                rule=finding.rule,
            )
        )
    if not events and not extraction.entities:
        extraction.warnings.append(no_facts_warning(source))
    return extraction


def _arguments(
    mentions: list[EventMention], own_roles: dict[int, list[RoleFinding]], article_id: str
) -> dict[int, MentionArguments]:
    return {
        id(m): mention_arguments(
            m,
            ((f.role, f.entity) for f in own_roles[id(m)] if f.attribution.certainty != "denied"),
            lambda entity_id: is_article_scoped(entity_id, article_id),
        )
        for m in mentions
    }


DAY_PRECISIONS = frozenset({"day", "month-day", "week"})
OCCURRENCE_VERBS = frozenset({"happen", "occur", "take", "come", "unfold", "begin", "start"})
"""Verbs that only say an event happened: a date on them is the event's date."""


def _date_mentions(doc: Doc, mentions: list[EventMention], anchor: date | MonthDay | None) -> None:
    by_sentence: dict[int, list[EventMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence.start, []).append(mention)
    for ent in doc.ents:
        # A part of a day ("Sunday night", "this morning") is a TIME to the NER, yet names
        # the day; a clock time alone ("10 p.m.") resolves to nothing and is passed over.
        if ent.label_ not in ("DATE", "TIME"):
            continue
        candidates = by_sentence.get(ent.sent.start)
        if not candidates:
            continue
        resolved = resolve_date(ent.text, anchor)
        if resolved is None:
            continue
        mention = date_anchor(ent, candidates)
        if mention is None or mention.date is not None:
            continue
        reach = 2 if (mention.definite or mention.anaphoric) else 4
        head = mention.head
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in OCCURRENCE_VERBS:
            head = head.head  # "the attack took place on Tuesday": the verb only says it happened
        # A day deep inside the event's own phrase ("an attack by X on a base in Marte on
        # Sunday", where the parser hangs the day on the last noun) is still the event's.
        inside = resolved.precision in DAY_PRECISIONS and mention.head in ent.root.ancestors
        if inside or dependency_distance(ent.root, head) <= reach:
            mention.date = resolved


def _roles(
    doc: Doc,
    clusters: list[EventCluster],
    table: EntityTable,
    lexicon: Lexicon,
    weapon_spans: list[Span],
    own_roles: dict[int, list[RoleFinding]],
) -> dict[int, list[RoleFinding]]:
    """Roles per cluster: from each mention's sentence, and from trigger-less sentences that
    continue the story of the last violent incident."""
    findings: dict[int, list[RoleFinding]] = {id(c): [] for c in clusters}
    by_sentence: dict[int, list[tuple[EventCluster, EventMention]]] = {}
    for cluster in clusters:
        for mention in cluster.mentions:
            findings[id(cluster)].extend(own_roles[id(mention)])
            by_sentence.setdefault(mention.sentence.start, []).append((cluster, mention))
    salient: EventCluster | None = None
    casualty_slots: dict[int, list[int | bool | None]] = {}
    # People a flood or a crash killed are no attack's victims: hazards cause no victims here.
    triggers = {
        t.i
        for c in clusters
        if c.event_class not in HAZARD_CLASSES
        for m in c.mentions
        for t in m.span
    }
    carriers = lexicon.weapon_carriers
    since_salient = 0
    for sentence in doc.sents:
        since_salient += 1
        # A claim of responsibility speaks about the incident: its sentence still
        # continues the incident's story ("X claimed responsibility" names the perpetrator).
        here = [
            (c, m)
            for c, m in by_sentence.get(sentence.start, [])
            if c.event_class not in STATEMENTS
        ]
        violent_here = [c for c, _ in here if c.event_class in ATTACK_FAMILY]
        if not violent_here and (salient is None or here):
            continue  # nothing here for an incident: skip the per-sentence rules
        weapons = weapons_in(sentence, weapon_spans)
        victims = victim_roles(sentence, table, triggers)
        if violent_here:
            salient = violent_here[0]
            since_salient = 0
            if all(c is salient for c, _ in here):
                findings[id(salient)].extend(salient_roles(sentence, table, salient))
            for token, finding in [
                (w.root, _weapon_finding(w, carriers)) for w in weapons
            ] + victims:
                findings[id(_nearest_attack(here, token))].append(finding)
        elif salient is not None and not here:
            findings[id(salient)].extend(salient_roles(sentence, table, salient))
            findings[id(salient)].extend(finding for _, finding in victims)
            if weapons and since_salient <= WEAPON_REACH:
                findings[id(salient)].extend(_weapon_finding(w, carriers) for w in weapons)
                findings[id(salient)].extend(place_near_weapons(sentence, weapons, table))
        if salient is not None and (violent_here or not here):
            # A sentence telling two incidents ("came hours after an air strike killed
            # two") gives each casualty clause to the incident nearest to it in the tree.
            by_cluster: dict[int, list[tuple[Token, str, int | None]]] = {}
            for clause in casualty_clauses(sentence):
                owner = (
                    _nearest_attack(here, clause[0])
                    if len({id(c) for c in violent_here}) > 1
                    else salient
                )
                by_cluster.setdefault(id(owner), []).append(clause)
            for owner_id, clauses in by_cluster.items():
                fatal, killed, injured_n, injured = tally(clauses)
                slot = casualty_slots.setdefault(owner_id, [None, False, None, False])
                if killed:
                    slot[0] = max(slot[0] or 0, fatal) if fatal is not None else slot[0]  # type: ignore[type-var]
                    slot[1] = True
                if injured:
                    slot[2] = max(slot[2] or 0, injured_n) if injured_n is not None else slot[2]  # type: ignore[type-var]
                    slot[3] = True
    for cluster in clusters:
        cluster_slot = casualty_slots.get(id(cluster))
        if cluster_slot:
            cluster.casualties = (
                cluster_slot[0],  # type: ignore[arg-type]
                bool(cluster_slot[1]),
                cluster_slot[2],  # type: ignore[arg-type]
                bool(cluster_slot[3]),
            )
    return findings


SIDE_TYPES = frozenset({"ArmedGroup", "StateForce", "Government", "State"})
"""Kinds of actor that can be a side of an armed clash."""


def _clash_sides(findings: list[RoleFinding]) -> list[RoleFinding]:
    """Both sides of a clash told as fighting as its participants: ACLED types a battle by
    its two armed sides, and which one the sentence made the subject ("perpetrator") or the
    object ("target") of "clashed" says nothing of who attacked. An attack by one armed
    side on another ("attacks on US forces", typed a clash) keeps only its attacker and
    target. The perpetrator and target
    arguments stay (the contract keeps them); a side never denied is a participant, with
    the same evidence, certainty and source."""
    return [
        RoleFinding("participant", f.entity, None, f.span, f.attribution, "clash-side")
        for f in findings
        if f.role in ("perpetrator", "target")
        and f.entity is not None
        and f.entity.type in SIDE_TYPES
        and f.attribution.certainty != "denied"
    ]


def _told_as_claim(
    cluster: EventCluster, clusters: list[EventCluster], findings: dict[int, list[RoleFinding]]
) -> bool:
    """Whether a statement event that names no event it is about ("the group denied the
    accusations") is empty, and its sentence's allegation or denial is already a perpetrator
    claim, with its source and certainty, of an incident: then it is no event of its own."""
    if cluster.event_class not in STATEMENTS or findings.get(id(cluster)):
        return False
    sentences = {m.sentence.start for m in cluster.mentions}
    return any(
        f.role == "perpetrator"
        and f.attribution.certainty != "asserted"
        and f.span.sent.start in sentences
        for other in clusters
        if other is not cluster
        for f in findings.get(id(other), [])
    )


def _nearest_attack(here: list[tuple[EventCluster, EventMention]], token: Token) -> EventCluster:
    """The attack of the sentence whose trigger is nearest to `token` (a weapon, a victim)."""
    attacks = [(c, m) for c, m in here if c.event_class in ATTACK_FAMILY]
    return min(attacks, key=lambda pair: abs(pair[1].head.i - token.i))[0]


CARRIER_RULE = "weapon-carrier"
"""Rule of a weapon found through the noun for its carrier ("a suicide bomber"): it types
the incident (SUIC_BOMB) but is no instrument argument, since the phrase names the attacker
and the weapon itself (vest, belt, car) is not said."""


def _weapon_finding(weapon: Span, carriers: set[str]) -> RoleFinding:
    from .attribution import Attribution

    return RoleFinding(
        "instrument",
        None,
        weapon.id_ or weapon.text.lower(),
        weapon,
        Attribution("asserted", None),
        CARRIER_RULE if weapon.text.lower() in carriers else "weapon",
    )


def _event(
    article_id: str,
    number: int,
    cluster: EventCluster,
    findings: list[RoleFinding],
    lexicon: Lexicon,
    weapons: dict[str, Weapon],
) -> Event:
    first = cluster.first
    ordered = cluster.ordered_mentions()
    trigger = ordered[0]
    date_value = cluster.date
    event_class, acled = refine_subevent(
        cluster.event_class,
        cluster.acled or lexicon.class_to_acled.get(cluster.event_class),
        plural=first.plural,
        trigger_lemmas=[m.head.lemma_.lower() for m in cluster.mentions],
        weapons=[f.weapon for f in findings if f.role == "instrument" and f.weapon],
        perpetrators=[f.entity for f in findings if f.role == "perpetrator" and f.entity],
        targets=[f.entity for f in findings if f.role in ("target", "victim") and f.entity],
        context=" ".join(dict.fromkeys(m.sentence.text for m in cluster.mentions)),
        lexicon=lexicon,
    )
    if event_class == "ArmedClash" and any(m.event_class == "ArmedClash" for m in cluster.mentions):
        # told as fighting ("clashed", "fought", "the fighting"), not as one side's attack
        findings = findings + _clash_sides(findings)
    event = Event(
        id=f"{article_id[:12]}-{number}",
        type=event_class,
        acled=acled,
        trigger=_text_span(trigger.span),
        date=date_value.value if date_value else None,
        date_precision=date_value.precision if date_value else None,
        sentence=_text_span(trigger.sentence),
        # "the incident" only points back: it joins the cluster but names no event type.
        mentions=[_mention(m) for m in ordered if not m.anaphoric],
        targeted=cluster.targeted,
    )
    if cluster.casualties:
        (
            event.fatalities,
            event.fatalities_reported,
            event.injuries,
            event.injuries_reported,
        ) = cluster.casualties
    # One argument per (role, entity, certainty, source): the contract gives an argument
    # one evidence span, so a weapon named by the trigger ("drone strike") and again later
    # ("the drone") is one instrument, evidenced where it was found first in a sentence
    # that tells the incident (then anywhere). A second source for the same claim is
    # information (its own claim in the graph) and stays.
    told = {m.sentence.start for m in cluster.mentions}
    seen: set[tuple[str, str, str, str | None]] = set()
    for finding in sorted(findings, key=lambda f: f.span.sent.start not in told):
        if finding.rule == CARRIER_RULE:
            continue
        if finding.entity is not None:
            entity_id = finding.entity.id
        elif finding.weapon is not None:
            entity_id = slugify(finding.weapon)
            weapons.setdefault(entity_id, Weapon(entity_id, finding.weapon))
        else:
            continue
        key = (finding.role, entity_id, finding.attribution.certainty, finding.attribution.source)
        if key in seen:
            continue
        seen.add(key)
        event.arguments.append(
            Argument(
                role=finding.role,
                entity=entity_id,
                start=finding.span.start_char,
                end=finding.span.end_char,
                text=finding.span.text,
                certainty=finding.attribution.certainty,
                source=finding.attribution.source,
                sentence=_text_span(finding.span.sent),
                rule=finding.rule,
            )
        )
    return event
