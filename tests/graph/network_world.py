"""A small hand-made conflict world for the network and export tests, written in the
vocabulary of /tmp/vocab.md (what `extract.triples` writes), so that every filter and
measure can be checked against values known in advance.

    i1  AirOrDroneStrike 2021-11-07 (day) in Mosul (a city the store gives no coordinates)
        perpetrator g1 asserted; perpetrator g2 alleged + unconfirmed; target p1 asserted;
        perpetrator s1 denied
    i2  Shelling 2021-10 (month) at Camp X (lat 10.5, long 20.25, ck:locatedIn syria)
        perpetrator g1 alleged; perpetrator g2 hedged
    i3  Protest 2020 (year), no place; participant o1 unconfirmed
    i4  Meeting, no date, no place; participant s1 asserted; participant g1 asserted
    g1 backedBy s1 asserted; g2 rivalOf g1 alleged; g2 backedBy s1 denied (claim only)
    p9  a Person mentioned but linked to nothing
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from conflict_kg.ontologies import CK, CKID, DCTERMS, GEO, PROV, SEM

SHA = "ab" * 32
ARTICLE = CKID[f"article/{SHA}"]
TITLE = "Militias strike again"

ACTORS = {
    "g1": ("Group One", "ArmedGroup"),
    "g2": ("Group Two", "ArmedGroup"),
    "s1": ("Stateland", "State"),
    "p1": ("Pat Target", "Person"),
    "o1": ("Open Org", "Organization"),
    "p9": ("Nobody Linked", "Person"),
}
PLACES = {"mosul": "Mosul", "camp-x": "Camp X", "syria": "Syria"}
INCIDENTS = {
    "i1": ("AirOrDroneStrike", "drone strike", "2021-11-07", XSD.date, "day", ["mosul"]),
    "i2": ("Shelling", "shelling", "2021-10", XSD.gYearMonth, "month", ["camp-x"]),
    "i3": ("Protest", "protest", "2020", XSD.gYear, "year", []),
    "i4": ("Meeting", "talks", None, None, None, []),
}
CLAIMS = [
    # subject, predicate, object, certainty, sentence, evidence text, according to
    (
        "i1",
        "perpetrator",
        "g1",
        "Asserted",
        "Group One carried out the drone strike.",
        "Group One",
        None,
    ),
    (
        "i1",
        "perpetrator",
        "g2",
        "Alleged",
        "Officials said Group Two took part.",
        "Group Two",
        "Officials",
    ),
    (
        "i1",
        "perpetrator",
        "g2",
        "Unconfirmed",
        "A source could not confirm Group Two's role.",
        "Group Two",
        "A source",
    ),
    ("i1", "target", "p1", "Asserted", "The strike targeted Pat Target.", "Pat Target", None),
    ("i1", "perpetrator", "s1", "Denied", "Stateland denied any role.", "Stateland", "Stateland"),
    (
        "i2",
        "perpetrator",
        "g1",
        "Alleged",
        "Group One is blamed for the shelling.",
        "Group One",
        "Residents",
    ),
    (
        "i2",
        "perpetrator",
        "g2",
        "Hedged",
        "Group Two may have shelled the camp.",
        "Group Two",
        None,
    ),
    (
        "i3",
        "participant",
        "o1",
        "Unconfirmed",
        "Open Org reportedly joined the protest.",
        "Open Org",
        None,
    ),
    ("i4", "participant", "s1", "Asserted", "Stateland attended the talks.", "Stateland", None),
    ("i4", "participant", "g1", "Asserted", "Group One attended the talks.", "Group One", None),
    ("g1", "backedBy", "s1", "Asserted", "Stateland-backed Group One.", "Stateland-backed", None),
    (
        "g2",
        "rivalOf",
        "g1",
        "Alleged",
        "Group Two is said to be a rival of Group One.",
        "rival",
        "Analysts",
    ),
    (
        "g2",
        "backedBy",
        "s1",
        "Denied",
        "Stateland denies backing Group Two.",
        "backing",
        "Stateland",
    ),
]


def entity(local: str) -> URIRef:
    return CKID[f"entity/{local}"]


def incident(local: str) -> URIRef:
    return CKID[f"incident/{local}"]


def node(local: str) -> str:
    return f"incident/{local}" if local in INCIDENTS else f"entity/{local}"


def world_graph() -> tuple[URIRef, Graph]:
    """The article's IRI and its graph."""
    graph = Graph()
    graph.add((ARTICLE, RDF.type, CK.Article))
    graph.add((ARTICLE, DCTERMS.title, Literal(TITLE)))
    graph.add((ARTICLE, DCTERMS.issued, Literal("2021-11-08", datatype=XSD.date)))
    graph.add((ARTICLE, CK.sha256, Literal(SHA)))
    for local, (name, kind) in ACTORS.items():
        graph.add((entity(local), RDF.type, CK[kind]))
        graph.add((entity(local), RDFS.label, Literal(name)))
        graph.add((entity(local), CK.mentionedIn, ARTICLE))
    graph.add((entity("s1"), RDF.type, CK.Place))
    for local, name in PLACES.items():
        graph.add((entity(local), RDF.type, CK.Place))
        graph.add((entity(local), RDFS.label, Literal(name)))
        graph.add((entity(local), CK.mentionedIn, ARTICLE))
    graph.add((entity("camp-x"), GEO.lat, Literal("10.5", datatype=XSD.decimal)))
    graph.add((entity("camp-x"), GEO.long, Literal("20.25", datatype=XSD.decimal)))
    graph.add((entity("camp-x"), CK.locatedIn, entity("syria")))
    for local, (kind, label, day, datatype, precision, places) in INCIDENTS.items():
        iri = incident(local)
        graph.add((iri, RDF.type, CK[kind]))
        graph.add((iri, RDFS.label, Literal(label)))
        graph.add((iri, CK.trigger, Literal(label)))
        graph.add((iri, CK.reportedIn, ARTICLE))
        if day:
            graph.add((iri, CK.date, Literal(day, datatype=datatype)))
            graph.add((iri, CK.datePrecision, Literal(precision)))
        for place in places:
            graph.add((iri, SEM.hasPlace, entity(place)))
    graph.add((incident("i1"), CK.acledSubEventType, Literal("AIR_STRIKE")))
    graph.add((incident("i1"), CK.fatalities, Literal(2, datatype=XSD.nonNegativeInteger)))
    for number, (subject, predicate, obj, certainty, sentence, text, source) in enumerate(
        CLAIMS, start=1
    ):
        s = incident(subject) if subject in INCIDENTS else entity(subject)
        claim = CKID[f"claim/{SHA[:12]}-{number}"]
        if certainty != "Denied":
            graph.add((s, CK[predicate], entity(obj)))
        graph.add((claim, RDF.type, CK.Claim))
        graph.add((claim, RDF.subject, s))
        graph.add((claim, RDF.predicate, CK[predicate]))
        graph.add((claim, RDF.object, entity(obj)))
        graph.add((claim, PROV.wasDerivedFrom, ARTICLE))
        graph.add((claim, CK.sentence, Literal(sentence)))
        graph.add((claim, CK.evidenceText, Literal(text)))
        start = 100 * number + sentence.index(text)
        graph.add((claim, CK.start, Literal(start, datatype=XSD.nonNegativeInteger)))
        graph.add((claim, CK.end, Literal(start + len(text), datatype=XSD.nonNegativeInteger)))
        graph.add((claim, CK.certainty, CK[certainty]))
        graph.add((claim, CK.confidence, Literal("0.8", datatype=XSD.decimal)))
        if source:
            graph.add((claim, CK.accordingTo, Literal(source)))
    return ARTICLE, graph
