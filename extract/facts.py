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

from .events import EventCluster, EventMention, concerned_clusters
from .language import RoleFinding
from .model import Argument, Event, Extraction, Mention, Relation, Weapon
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
    extraction = Extraction(source=source, article=meta, text=doc.text)
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
    for statement, concerned in concerned_clusters(clusters).items():
        event_of[statement].concerns = event_of[id(concerned)].id
    extraction.events = events
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
