"""An `Extraction` as RDF: the article's named graph in the ontology's vocabulary.

Every role and relation is written twice on purpose: as a direct triple, so that simple
SPARQL ("who is ck:perpetrator of what") works, and as a `ck:Claim` carrying the evidence
(sentence, span, source, certainty, rule). Denied statements exist only as claims: the graph
must never say that Iran carried out an attack because a source said it had not.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from conflict_kg.ontologies import (
    CK,
    CKET,
    CKID,
    DCTERMS,
    PROV,
    RDF,
    RDFS,
    SEM,
    SKOS,
    XSD,
    article_iri,
    bind_prefixes,
    claim_iri,
    entity_iri,
    mention_iri,
    nonspecific_iri,
    weapon_iri,
)

from .language import admin1_of
from .model import Certainty, Event, Extraction, Mention
from .model import Span as TextSpan

__all__ = ["CERTAINTY_IRIS", "ROLE_PROPERTIES", "article_graph"]

CERTAINTY_IRIS: dict[str, URIRef] = {
    "asserted": CK.Asserted,
    "alleged": CK.Alleged,
    "unconfirmed": CK.Unconfirmed,
    "denied": CK.Denied,
    "hedged": CK.Hedged,
}
ROLE_PROPERTIES: dict[str, URIRef] = {
    "perpetrator": CK.perpetrator,
    "target": CK.target,
    "victim": CK.victim,
    "participant": CK.participant,
    "winner": CK.winner,
    "instrument": CK.instrument,
    "place": SEM.hasPlace,
}
DATE_TYPES = {
    "day": XSD.date,
    "week": XSD.date,
    "month": XSD.gYearMonth,
    "year": XSD.gYear,
    "month-day": XSD.gMonthDay,
}
CONFIDENCE = {
    "asserted": "0.9",
    "alleged": "0.7",
    "hedged": "0.5",
    "unconfirmed": "0.4",
    "denied": "0.8",
}


class _ClaimWriter:
    """Numbers claims deterministically so re-extracting the same text gives the same IRIs."""

    def __init__(self, graph: Graph, sha: str, article: URIRef, text: str) -> None:
        self.graph = graph
        self.sha = sha
        self.article = article
        self.text = text
        self.count = 0

    def claim(
        self,
        subject: URIRef,
        predicate: URIRef,
        obj: URIRef | Literal,
        *,
        evidence: TextSpan,
        sentence: TextSpan | None,
        certainty: Certainty,
        source: str | None,
        rule: str,
    ) -> URIRef:
        self.count += 1
        node = claim_iri(self.sha, self.count)
        g = self.graph
        g.add((node, RDF.type, CK.Claim))
        g.add((node, RDF.subject, subject))
        g.add((node, RDF.predicate, predicate))
        g.add((node, RDF.object, obj))
        g.add((node, PROV.wasDerivedFrom, self.article))
        g.add((node, CK.start, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
        g.add((node, CK.end, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
        g.add((node, CK.evidenceText, Literal(evidence.text)))
        if sentence is not None:
            g.add((node, CK.sentence, Literal(sentence.text.strip())))
        g.add((node, CK.certainty, CERTAINTY_IRIS[certainty]))
        g.add((node, CK.confidence, Literal(Decimal(CONFIDENCE[certainty]), datatype=XSD.decimal)))
        if source:
            g.add((node, CK.accordingTo, Literal(source)))
        if rule:
            g.add((node, CK.extractedBy, Literal(f"conflict_kg.{rule}")))
        if certainty != "denied":
            g.add((subject, predicate, obj))
        return node


def article_graph(extraction: Extraction) -> tuple[URIRef, Graph]:
    """The article's graph IRI and its triples (to be stored as one named graph)."""
    meta = extraction.article
    graph = bind_prefixes(Graph())
    article = article_iri(meta.id)
    g = graph
    g.add((article, RDF.type, CK.Article))
    g.add((article, CK.sha256, Literal(meta.id)))
    if meta.title:
        g.add((article, DCTERMS.title, Literal(meta.title)))
    if meta.published:
        g.add((article, DCTERMS.issued, Literal(meta.published[:10], datatype=XSD.date)))
    if meta.section:
        g.add((article, CK.section, Literal(meta.section)))
    if meta.source_scale:
        g.add((article, CK.sourceScale, Literal(meta.source_scale)))
    if meta.url and re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", meta.url):
        # Anything else would be an IRI no store accepts: the article would fail to store.
        g.add((article, DCTERMS.source, URIRef(meta.url)))
    for author in meta.authors:
        g.add((article, DCTERMS.creator, Literal(author)))
    for editor in meta.editors:
        g.add((article, CK.editor, Literal(editor)))
    if meta.publisher:
        publisher = entity_iri(meta.publisher)
        g.add((article, DCTERMS.publisher, publisher))
        g.add((publisher, RDF.type, CK.Organization))
        g.add((publisher, RDFS.label, Literal(meta.publisher)))
        g.add((publisher, CK.mentionedIn, article))
    if meta.dateline:
        place = entity_iri(meta.dateline)
        g.add((article, CK.dateline, place))
        g.add((place, RDF.type, CK.Place))
        g.add((place, CK.mentionedIn, article))
        if (place, RDFS.label, None) not in g and not any(
            e.id == place.split("/")[-1] for e in extraction.entities
        ):
            g.add((place, RDFS.label, Literal(meta.dateline)))

    countries: dict[URIRef, str] = {}
    for entity in extraction.entities:
        node = CKID[f"entity/{entity.id}"]
        g.add((node, RDF.type, CK[entity.type]))
        if entity.also_place or entity.type == "Place":
            g.add((node, RDF.type, CK.Place))
        g.set((node, RDFS.label, Literal(entity.name)))
        for alias in entity.aliases:
            if alias != entity.name:
                g.add((node, SKOS.altLabel, Literal(alias)))
        if entity.acled_category:
            g.add((node, CK.acledActorCategory, Literal(entity.acled_category)))
        if entity.country and entity.type != "State":
            country = entity_iri(entity.country)
            countries[country] = entity.country
            g.add((node, CK.country, country))
        if entity.type == "Place" and (admin1 := admin1_of(entity.name)):
            g.add((node, CK.admin1, Literal(admin1)))
        g.add((node, CK.mentionedIn, article))
    _dangling_countries(g, countries, article)

    for weapon in extraction.weapons:
        node = weapon_iri(weapon.name)
        g.add((node, RDF.type, CK.Weapon))
        g.add((node, RDFS.label, Literal(weapon.name)))
    for position_id, label in extraction.positions.items():
        node = CKID[f"position/{position_id}"]
        g.add((node, RDF.type, CK.Position))
        g.add((node, RDFS.label, Literal(label)))

    claims = _ClaimWriter(g, meta.id, article, extraction.text)
    mentions = 0
    for event in extraction.events:
        node = CKID[f"incident/{event.id}"]
        g.add((node, RDF.type, CK[event.type]))
        g.add((node, RDFS.label, Literal(event.trigger.text)))
        g.add((node, CK.trigger, Literal(event.trigger.text)))
        g.add((node, CK.reportedIn, article))
        if event.acled:
            g.add((node, CK.acledSubEventType, Literal(event.acled)))
            g.add((node, CK.eventType, CKET[event.acled]))
        if event.date and event.date_precision:
            g.add((node, CK.date, Literal(event.date, datatype=DATE_TYPES[event.date_precision])))
            g.add((node, CK.datePrecision, Literal(event.date_precision)))
        if event.fatalities is not None:
            g.add((node, CK.fatalities, Literal(event.fatalities, datatype=XSD.nonNegativeInteger)))
        if event.injuries is not None:
            g.add((node, CK.injuries, Literal(event.injuries, datatype=XSD.nonNegativeInteger)))
        if event.fatalities_reported:
            g.add((node, CK.fatalitiesReported, Literal(True)))
        if event.injuries_reported:
            g.add((node, CK.injuriesReported, Literal(True)))
        if event.targeted:
            g.add((node, CK.targeted, Literal(True)))
        mentions = _mentions(g, node, event, meta.id, article, mentions)
        claims.claim(
            node,
            RDF.type,
            CK[event.type],
            evidence=event.trigger,
            sentence=event.sentence,
            certainty="asserted",
            source=None,
            rule="trigger",
        )
        for argument in event.arguments:
            prop = ROLE_PROPERTIES[argument.role]
            target = (
                CKID[f"weapon/{argument.entity}"]
                if argument.role == "instrument"
                else CKID[f"entity/{argument.entity}"]
            )
            claims.claim(
                node,
                prop,
                target,
                evidence=TextSpan(argument.start, argument.end, argument.text),
                sentence=argument.sentence,
                certainty=argument.certainty,
                source=argument.source,
                rule=argument.rule,
            )
        if event.concerns:
            claims.claim(
                node,
                CK.concerns,
                CKID[f"incident/{event.concerns}"],
                evidence=event.trigger,
                sentence=event.sentence,
                certainty=event.certainty,
                source=event.source,
                rule="statement-governs-event",
            )
    _nonspecific(g, extraction, article)
    for relation in extraction.relations:
        subject = CKID[f"entity/{relation.subject}"]
        obj = (
            CKID[f"position/{relation.object}"]
            if relation.predicate == "holdsRole"
            else CKID[f"entity/{relation.object}"]
        )
        claims.claim(
            subject,
            CK[relation.predicate],
            obj,
            evidence=relation.evidence,
            sentence=relation.sentence,
            certainty=relation.certainty,
            source=relation.source,
            rule=relation.rule,
        )
    return article, graph


def _mentions(
    g: Graph, node: URIRef, event: Event, sha: str, article: URIRef, numbered: int
) -> int:
    """Write the event's mentions (numbered on from `numbered` across the article) and
    return the last number used. An event built before mentions were kept has its trigger
    as its one mention."""
    tellings = event.mentions or [
        Mention(
            event.trigger.start, event.trigger.end, event.trigger.text, event.type, event.sentence
        )
    ]
    for rank, mention in enumerate(tellings, start=1):
        numbered += 1
        iri = mention_iri(sha, numbered)
        g.add((node, CK.mention, iri))
        g.add((iri, RDF.type, CK.Mention))
        g.add((iri, PROV.wasDerivedFrom, article))
        g.add((iri, CK.start, Literal(mention.start, datatype=XSD.nonNegativeInteger)))
        g.add((iri, CK.end, Literal(mention.end, datatype=XSD.nonNegativeInteger)))
        g.add((iri, CK.evidenceText, Literal(mention.text)))
        sentence = mention.sentence or event.sentence
        if sentence is not None and sentence.text.strip():
            g.add((iri, CK.sentence, Literal(sentence.text.strip())))
        g.add((iri, CK.mentionClass, CK[mention.type]))
        g.add((iri, CK.mentionRank, Literal(rank, datatype=XSD.positiveInteger)))
    return numbered


def _nonspecific(g: Graph, extraction: Extraction, article: URIRef) -> None:
    """Event words that tell no incident, as `ck:NonSpecificMention`s: findable with their
    span, sentence, class and reason, linked to no event."""
    for number, mention in enumerate(extraction.nonspecific, start=1):
        iri = nonspecific_iri(extraction.article.id, number)
        g.add((iri, RDF.type, CK.NonSpecificMention))
        g.add((iri, PROV.wasDerivedFrom, article))
        g.add((iri, CK.start, Literal(mention.start, datatype=XSD.nonNegativeInteger)))
        g.add((iri, CK.end, Literal(mention.end, datatype=XSD.nonNegativeInteger)))
        g.add((iri, CK.evidenceText, Literal(mention.text)))
        if mention.sentence is not None and mention.sentence.text.strip():
            g.add((iri, CK.sentence, Literal(mention.sentence.text.strip())))
        g.add((iri, CK.mentionClass, CK[mention.type]))
        g.add((iri, CK.nonSpecificReason, Literal(mention.reason)))


def _dangling_countries(g: Graph, countries: dict[URIRef, str], article: URIRef) -> None:
    """A `ck:country` pointing at a state the article never names still needs a type and
    label, or the shapes (rightly) reject it."""
    for country, name in countries.items():
        if (country, RDF.type, None) not in g:
            g.add((country, RDF.type, CK.State))
            g.add((country, RDF.type, CK.Place))
            g.add((country, RDFS.label, Literal(name)))
            g.add((country, CK.mentionedIn, article))
