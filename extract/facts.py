"""The `facts` stage, at the package's edge: what the stages left on the Doc becomes the
output dataclasses (`extract.model`), one `Extraction` per Doc, as `doc._.ck_extraction`.

Events are numbered in the order coreference found their incidents; each takes its refined
class (`doc._.ck_subevents`), its date, casualties and one argument per (role, entity,
certainty, source) of its roles (`doc._.ck_roles`); entities with a mention and the relations
follow.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from conflict_kg.ontologies import slugify

from .events import STATEMENTS, EventCluster, EventMention, concerned_clusters
from .language import RoleFinding
from .model import (
    Argument,
    Event,
    Extraction,
    Mention,
    NonSpecificMention,
    NonSpecificReason,
    Relation,
    Weapon,
)
from .model import Span as TextSpan
from .roles import CARRIER_RULE
from .windows import no_facts_warning

__all__ = ["assemble"]


def assemble(doc: Doc) -> None:
    """Stage `facts`: the `Extraction` of `doc`, the whole text of an article or one window
    of it."""
    ext = doc._
    meta = ext.ck_meta
    source = ext.ck_source
    clusters: list[EventCluster] = ext.ck_clusters
    findings: dict[int, list[RoleFinding]] = ext.ck_roles
    subevents: dict[int, tuple[str, str | None]] = ext.ck_subevents
    concerned = concerned_clusters(clusters)
    clusters = [
        c for c in clusters if id(c) in concerned or not _told_as_claim(c, clusters, findings)
    ]
    extraction = Extraction(source=source, article=meta, text=ext.ck_text)
    events: list[Event] = []
    weapons: dict[str, Weapon] = {}
    for number, cluster in enumerate(clusters, start=1):
        event = _event(
            meta.id,
            number,
            cluster,
            findings.get(id(cluster), []),
            subevents[id(cluster)],
            weapons,
        )
        events.append(event)
    event_of = {id(cluster): event for cluster, event in zip(clusters, events, strict=True)}
    for statement, about in concerned.items():
        if statement in event_of and id(about) in event_of:
            event_of[statement].concerns = event_of[id(about)].id
    extraction.events = events
    extraction.nonspecific = [
        _nonspecific(mention, reason, ext.ck_mention_roles.get(id(mention), []))
        for mention, reason in ext.ck_nonspecific
    ]
    extraction.weapons = list(weapons.values())
    extraction.entities = [e for e in ext.ck_entities.entities.values() if e.mentions]
    for finding in ext.ck_relations:
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
    ext.ck_extraction = extraction


def _text_span(span: Span) -> TextSpan:
    return TextSpan(span.start_char, span.end_char, span.text)


def _mention(mention: EventMention) -> Mention:
    span = mention.span
    return Mention(
        span.start_char, span.end_char, span.text, mention.event_class, _text_span(mention.sentence)
    )


def _nonspecific(
    mention: EventMention, reason: NonSpecificReason, findings: list[RoleFinding]
) -> NonSpecificMention:
    span = mention.span
    told = NonSpecificMention(
        span.start_char,
        span.end_char,
        span.text,
        mention.event_class,
        reason,
        _text_span(mention.sentence),
    )
    seen: set[tuple[str, str, str]] = set()
    for finding in findings:  # the named parties and places only; no weapons
        if finding.entity is None or finding.rule == CARRIER_RULE:
            continue
        key = (finding.role, finding.entity.id, finding.attribution.certainty)
        if key not in seen:
            seen.add(key)
            told.arguments.append(_argument(finding, finding.entity.id))
    return told


SIDE_TYPES = frozenset({"ArmedGroup", "StateForce", "Government", "State", "CommunalGroup"})
"""Kinds of actor that can be a side of an armed clash. A clan or an ethnic group fighting
another is one (ACLED codes communal militias' fights as battles between identity
militias); its unarmed crowds are not (`UNARMED_CATEGORIES`)."""
UNARMED_CATEGORIES = frozenset({"Protesters", "Rioters", "Civilians"})
"""ACLED actor categories of people who are no armed side, whatever their type: protesters
scuffling with police, civilians caught in fighting."""


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
        and f.entity.acled_category not in UNARMED_CATEGORIES
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


def _event(
    article_id: str,
    number: int,
    cluster: EventCluster,
    findings: list[RoleFinding],
    subevent: tuple[str, str | None],
    weapons: dict[str, Weapon],
) -> Event:
    ordered = cluster.ordered_mentions()
    trigger = ordered[0]
    date_value = cluster.date
    event_class, acled = subevent
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
        event.arguments.append(_argument(finding, entity_id))
    return event


def _argument(finding: RoleFinding, entity_id: str) -> Argument:
    return Argument(
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
