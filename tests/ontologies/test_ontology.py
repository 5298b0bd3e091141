"""The ontology, the event-type schemes and the SHACL shapes, checked against the vocabulary
contract that extract/triples.py writes."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS

from conflict_kg.ontologies import CK, CKET, GEO, ONTOLOGY_DIR, SEM, load_ontology, load_shapes

# Plain IRIs, not rdflib's XSD namespace: pytest probes module attributes during collection
# and the XSD namespace warns on every unknown name it is asked for.
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")

ACLED_TOP = {
    CKET.BATTLES: ["ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"],
    CKET.EXPLOSIONS_REMOTE_VIOLENCE: [
        "CHEM_WEAP",
        "AIR_STRIKE",
        "SUIC_BOMB",
        "ART_MISS_ATTACK",
        "REM_EXPLOS",
        "GRENADE",
    ],
    CKET.VIOLENCE_AGAINST_CIVILIANS: ["SEX_VIOL", "ATTACK", "ABDUCT_DISSAP"],
    CKET.PROTESTS: ["PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST"],
    CKET.RIOTS: ["VIOL_DEMONSTR", "MOB_VIOL"],
    CKET.STRATEGIC_DEVELOPMENTS: [
        "AGREEMENT",
        "ARREST",
        "CHANGE_TO_GROUP_ACT",
        "DISR_WEAP",
        "HQ_ESTABLISHED",
        "PROPERTY_DISTRUCT",
        "NON_VIOL_TERRIT_TRANSFER",
        "OTHER",
    ],
}
ACLED_CODES = {code for codes in ACLED_TOP.values() for code in codes}

ATTACK_CLASSES = [
    "AirOrDroneStrike",
    "Bombing",
    "Shelling",
    "ArmedClash",
    "Assassination",
    "ChemicalAttack",
    "SexualViolence",
    "Abduction",
]
OTHER_EVENT_CLASSES = [
    "Protest",
    "Riot",
    "Election",
    "Sanction",
    "Meeting",
    "Arrest",
    "Agreement",
    "Statement",
    "DisruptedWeaponsUse",
    "StrategicDevelopment",
    "OrganisedCrime",
    "Hazard",
]
HAZARD_CLASSES = ["Accident", "NaturalDisaster", "Epidemic"]
STATEMENT_CLASSES = ["ClaimOfResponsibility"]
EVENT_CLASSES = [
    "Attack",
    *ATTACK_CLASSES,
    *OTHER_EVENT_CLASSES,
    *HAZARD_CLASSES,
    *STATEMENT_CLASSES,
]
CASE_LABELS = {
    "Accident": "MAN_MADE_DISASTER",
    "NaturalDisaster": "NATURAL_DISASTER",
    "Epidemic": "NATURAL_DISASTER",
    "Sanction": "DIPLO",
    "ClaimOfResponsibility": "ATTRIB",
    "OrganisedCrime": "ORG_CRIME",
}
"""Classes mapped to a CASE 2021 label that is not an ACLED code."""
ACTOR_CLASSES = [
    "Person",
    "ArmedGroup",
    "StateForce",
    "Government",
    "State",
    "Organization",
    "CommunalGroup",
]
OTHER_CLASSES = [
    "Event",
    "Actor",
    "Place",
    "Weapon",
    "Position",
    "Article",
    "Claim",
    "Certainty",
    "Incident",
    "Mention",
    "NonSpecificMention",
]
CERTAINTIES = ["Asserted", "Alleged", "Unconfirmed", "Denied", "Hedged"]

# Every ck: property the extractor writes (from the vocabulary contract), plus the two
# annotation properties the extractor reads from event-types.ttl.
CK_OBJECT_PROPERTIES = [
    # written by graph.resolve into the resolution graph
    "hasReport",
    "reportOf",
    "incidentClass",
    "canonicalActor",
    "dateline",
    "mentionedIn",
    "country",
    "locatedIn",
    "ofState",
    "eventType",
    "concerns",
    "perpetrator",
    "target",
    "victim",
    "participant",
    "winner",
    "instrument",
    "reportedIn",
    "backedBy",
    "partOf",
    "memberOf",
    "affiliatedWith",
    "alliedWith",
    "rivalOf",
    "holdsRole",
    "certainty",
    "mention",
    "mentionClass",
]
CK_DATATYPE_PROPERTIES = [
    "reportCount",
    "fatalitiesMin",
    "fatalitiesMax",
    "injuriesMin",
    "injuriesMax",
    "sha256",
    "section",
    "editor",
    "acledActorCategory",
    "trigger",
    "acledSubEventType",
    "date",
    "datePrecision",
    "fatalities",
    "injuries",
    "injuriesReported",
    "fatalitiesReported",
    "sentence",
    "start",
    "end",
    "evidenceText",
    "accordingTo",
    "confidence",
    "extractedBy",
    "mentionRank",
    "targeted",
    "sourceScale",
    "ingestedAt",
    "admin1",
    "nonSpecificReason",
]
CK_ANNOTATION_PROPERTIES = ["acledDefault", "ploverMode"]
# Other vocabularies' properties the contract uses (rdf:/rdfs: built-ins left out).
EXTERNAL_PROPERTIES = [
    DCTERMS.title,
    DCTERMS.issued,
    DCTERMS.publisher,
    DCTERMS.creator,
    DCTERMS.source,
    SKOS.altLabel,
    GEO.lat,
    GEO.long,
    SEM.hasPlace,
    PROV.wasDerivedFrom,
]

ACLED_DEFAULTS = {
    "Attack": "ATTACK",
    "AirOrDroneStrike": "AIR_STRIKE",
    "Bombing": "REM_EXPLOS",
    "Shelling": "ART_MISS_ATTACK",
    "ArmedClash": "ARMED_CLASH",
    "Assassination": "ATTACK",
    "Abduction": "ABDUCT_DISSAP",
    "Protest": "PEACE_PROTEST",
    "Riot": "VIOL_DEMONSTR",
    "Arrest": "ARREST",
    "Agreement": "AGREEMENT",
    "DisruptedWeaponsUse": "DISR_WEAP",
    "ChemicalAttack": "CHEM_WEAP",
    "SexualViolence": "SEX_VIOL",
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def english(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    return [
        str(o)
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and o.language == "en" and str(o).strip()
    ]


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize("name", ["conflict.ttl", "event-types.ttl", "shapes.ttl"])
def test_file_parses_and_is_not_empty(name: str) -> None:
    graph = Graph().parse(ONTOLOGY_DIR / name, format="turtle")
    assert len(graph) > 100


def test_ontology_header(onto: Graph) -> None:
    header = URIRef("https://w3id.org/conflict-kg/ontology")
    assert (header, RDF.type, OWL.Ontology) in onto
    assert onto.value(header, OWL.versionInfo) == Literal("1.0")
    assert onto.value(header, DCTERMS.title) is not None
    assert onto.value(header, DCTERMS.description) is not None
    assert onto.value(header, DCTERMS.license) is not None


# --------------------------------------------------------------------------- ACLED scheme


def test_acled_top_concepts(onto: Graph) -> None:
    assert onto.value(CKET.acled, SKOS.prefLabel) == Literal("ACLED event typology", lang="en")
    assert set(onto.objects(CKET.acled, SKOS.hasTopConcept)) == set(ACLED_TOP)
    for top in ACLED_TOP:
        assert (top, SKOS.topConceptOf, CKET.acled) in onto
        assert (top, RDF.type, SKOS.Concept) in onto
        assert english(onto, top, SKOS.prefLabel)


def test_each_acled_code_is_a_notation_exactly_once_under_its_top_concept(onto: Graph) -> None:
    notations = [
        str(n)
        for c in onto.subjects(SKOS.inScheme, CKET.acled)
        for n in onto.objects(c, SKOS.notation)
    ]
    assert sorted(notations) == sorted(ACLED_CODES)  # 25 codes, no duplicates

    counts = []
    for top, codes in ACLED_TOP.items():
        narrower = set(onto.objects(top, SKOS.narrower))
        assert {str(onto.value(c, SKOS.notation)) for c in narrower} == set(codes)
        for code in codes:
            concept = CKET[code]  # the IRI is cket:<CODE>
            assert onto.value(concept, SKOS.notation) == Literal(code)
            assert list(onto.objects(concept, SKOS.broader)) == [top]
            assert (concept, SKOS.inScheme, CKET.acled) in onto
            assert len(english(onto, concept, SKOS.prefLabel)) == 1
        counts.append(len(narrower))
    assert counts == [3, 6, 3, 3, 2, 8]


def test_acled_labels_use_acled_wording(onto: Graph) -> None:
    label = {code: str(onto.value(CKET[code], SKOS.prefLabel)) for code in ACLED_CODES}
    assert label["AIR_STRIKE"] == "Air/drone strike"
    assert label["ART_MISS_ATTACK"] == "Shelling/artillery/missile attack"
    assert label["REM_EXPLOS"] == "Remote explosive/landmine/IED"
    assert label["ABDUCT_DISSAP"] == "Abduction/forced disappearance"
    assert label["FORCE_AGAINST_PROTEST"] == "Excessive force against protesters"
    assert label["PROPERTY_DISTRUCT"] == "Looting/property destruction"


# --------------------------------------------------------------------------- CAMEO and PLOVER


def test_cameo_notations_are_codes_and_hierarchy_follows_them(onto: Graph) -> None:
    concepts = set(onto.subjects(SKOS.inScheme, CKET.cameo))
    codes = [str(onto.value(c, SKOS.notation)) for c in concepts]
    assert len(codes) == len(set(codes))
    for needed in [
        "01",
        "010",
        "036",
        "04",
        "057",
        "14",
        "145",
        "163",
        "173",
        "180",
        "181",
        "183",
        "1831",
        "1832",
        "1833",
        "186",
        "190",
        "193",
        "194",
        "195",
        "1951",
        "1952",
    ]:
        assert needed in codes
    for concept in concepts:
        code = str(onto.value(concept, SKOS.notation))
        assert concept == CKET[f"CAMEO_{code}"]
        assert re.fullmatch(r"\d{2,4}", code)
        broader = onto.value(concept, SKOS.broader)
        if len(code) == 2:
            assert broader is None
            assert (concept, SKOS.topConceptOf, CKET.cameo) in onto
        else:  # 3-digit codes sit under their 2-digit root, 4-digit under their 3-digit code
            assert str(onto.value(broader, SKOS.notation)) == code[:-1]
            assert (broader, SKOS.narrower, concept) in onto
    assert str(onto.value(CKET.CAMEO_1952, SKOS.prefLabel)) == (
        "Employ remotely piloted aerial munitions"
    )


def test_plover_has_its_sixteen_categories(onto: Graph) -> None:
    notations = {
        str(n)
        for c in onto.objects(CKET.plover, SKOS.hasTopConcept)
        for n in onto.objects(c, SKOS.notation)
    }
    assert notations == {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "DEMAND",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }


def plover_modes(onto: Graph, concept: URIRef) -> set[str]:
    note = str(onto.value(concept, SKOS.scopeNote) or "")
    match = re.fullmatch(r"Modes: (.*)\.", note)
    return {m.strip() for m in match.group(1).split(",")} if match else set()


def test_plover_modes_of_event_classes_exist_for_their_plover_category(onto: Graph) -> None:
    used = 0
    for name in EVENT_CLASSES:
        modes = {str(m) for m in onto.objects(CK[name], CK.ploverMode)}
        if not modes:
            continue
        plover = [
            c
            for c in onto.objects(CK[name], SKOS.closeMatch)
            if (c, SKOS.inScheme, CKET.plover) in onto
        ]
        assert len(plover) == 1, name
        assert modes <= plover_modes(onto, plover[0]), name
        used += 1
    assert used >= 10
    assert {str(m) for m in onto.objects(CK.Arrest, CK.ploverMode)} == {"arrest"}
    assert {str(m) for m in onto.objects(CK.Riot, CK.ploverMode)} == {"riot"}


# --------------------------------------------------------------------------- classes


@pytest.mark.parametrize("name", EVENT_CLASSES)
def test_event_class_is_an_event_with_label_and_comment(onto: Graph, name: str) -> None:
    cls = CK[name]
    assert (cls, RDF.type, OWL.Class) in onto
    assert CK.Event in set(onto.transitive_objects(cls, RDFS.subClassOf))
    assert SEM.Event in set(onto.transitive_objects(cls, RDFS.subClassOf))
    assert len(english(onto, cls, RDFS.label)) == 1
    assert len(english(onto, cls, RDFS.comment)) == 1


def test_attack_subclasses(onto: Graph) -> None:
    assert set(onto.subjects(RDFS.subClassOf, CK.Attack)) == {CK[n] for n in ATTACK_CLASSES}
    assert set(onto.subjects(RDFS.subClassOf, CK.Event)) == {
        CK[n] for n in ["Attack", *OTHER_EVENT_CLASSES]
    }


def test_hazards_and_claims_are_no_attacks(onto: Graph) -> None:
    """Nothing that counts violent events (ck:Attack and below) counts an accident, a
    disaster or a claim of responsibility."""
    assert set(onto.subjects(RDFS.subClassOf, CK.Hazard)) == {CK[n] for n in HAZARD_CLASSES}
    assert set(onto.subjects(RDFS.subClassOf, CK.Statement)) == {CK.ClaimOfResponsibility}
    attacks = set(onto.transitive_subjects(RDFS.subClassOf, CK.Attack))
    for name in [*HAZARD_CLASSES, *STATEMENT_CLASSES, "OrganisedCrime", "Hazard"]:
        assert CK[name] not in attacks
    assert onto.value(CK.concerns, RDFS.domain) == CK.Statement
    assert onto.value(CK.concerns, RDFS.range) == CK.Event


@pytest.mark.parametrize("name", ACTOR_CLASSES + OTHER_CLASSES)
def test_other_classes_have_label_and_comment(onto: Graph, name: str) -> None:
    cls = CK[name]
    assert (cls, RDF.type, OWL.Class) in onto
    assert len(english(onto, cls, RDFS.label)) == 1
    assert len(english(onto, cls, RDFS.comment)) == 1
    if name in ACTOR_CLASSES:
        assert (cls, RDFS.subClassOf, CK.Actor) in onto


def test_alignment_with_sem_and_prov(onto: Graph) -> None:
    assert (CK.Event, RDFS.subClassOf, SEM.Event) in onto
    assert (CK.Actor, RDFS.subClassOf, SEM.Actor) in onto
    assert (CK.Actor, RDFS.subClassOf, PROV.Agent) in onto
    assert (CK.Place, RDFS.subClassOf, SEM.Place) in onto
    assert (CK.Article, RDFS.subClassOf, PROV.Entity) in onto
    assert (CK.Claim, RDFS.subClassOf, RDF.Statement) in onto
    for role in ["perpetrator", "target", "victim", "participant"]:
        assert (CK[role], RDFS.subPropertyOf, SEM.hasActor) in onto
        assert onto.value(CK[role], RDFS.domain) == CK.Event
    for role in ["perpetrator", "victim", "participant"]:
        assert onto.value(CK[role], RDFS.range) == CK.Actor
    # An attacked facility is a target too (SEM's actors may be objects).
    target_range = onto.value(CK.target, RDFS.range)
    assert list(Collection(onto, onto.value(target_range, OWL.unionOf))) == [CK.Actor, CK.Place]
    assert (CK.date, RDFS.seeAlso, SEM.hasTimeStamp) in onto


def test_certainty_individuals(onto: Graph) -> None:
    assert set(onto.subjects(RDF.type, CK.Certainty)) == {CK[c] for c in CERTAINTIES}
    for name in CERTAINTIES:
        ind = CK[name]
        assert (ind, RDF.type, OWL.NamedIndividual) in onto
        assert english(onto, ind, RDFS.label) == [name]
        [comment] = english(onto, ind, RDFS.comment)
        assert comment.startswith(f"{name}: ")
    assert str(onto.value(CK.Alleged, RDFS.comment)).startswith(
        "Alleged: attributed by a source without confirmation"
    )


# --------------------------------------------------------------------------- properties


@pytest.mark.parametrize(
    ("name", "kind"),
    [(n, OWL.ObjectProperty) for n in CK_OBJECT_PROPERTIES]
    + [(n, OWL.DatatypeProperty) for n in CK_DATATYPE_PROPERTIES]
    + [(n, OWL.AnnotationProperty) for n in CK_ANNOTATION_PROPERTIES],
)
def test_ck_property_is_declared_with_label_and_comment(
    onto: Graph, name: str, kind: URIRef
) -> None:
    prop = CK[name]
    assert (prop, RDF.type, kind) in onto
    assert len(english(onto, prop, RDFS.label)) == 1
    assert len(english(onto, prop, RDFS.comment)) == 1


def test_no_undeclared_or_unexpected_ck_terms(onto: Graph) -> None:
    """Every ck: term used anywhere in the two ontology files is declared, and nothing is
    declared that the contract does not know about."""
    declared = {s for s in onto.subjects(RDF.type) if str(s).startswith(str(CK))}
    used = {
        t for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(str(CK))
    }
    assert used <= declared
    expected = {
        CK[n]
        for n in [
            *EVENT_CLASSES,
            *ACTOR_CLASSES,
            *OTHER_CLASSES,
            *CERTAINTIES,
            *CK_OBJECT_PROPERTIES,
            *CK_DATATYPE_PROPERTIES,
            *CK_ANNOTATION_PROPERTIES,
        ]
    }
    assert declared == expected


@pytest.mark.parametrize("prop", EXTERNAL_PROPERTIES, ids=lambda p: str(p).rsplit("/", 1)[-1])
def test_external_property_is_declared(onto: Graph, prop: URIRef) -> None:
    kinds = set(onto.objects(prop, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


# --------------------------------------------------------------------------- mappings


def test_air_or_drone_strike_mapping(onto: Graph) -> None:
    assert (CK.AirOrDroneStrike, SKOS.closeMatch, CKET.AIR_STRIKE) in onto
    assert (CK.AirOrDroneStrike, CK.acledDefault, Literal("AIR_STRIKE")) in onto
    assert (CK.AirOrDroneStrike, SKOS.closeMatch, CKET.CAMEO_195) in onto
    assert (CK.AirOrDroneStrike, SKOS.closeMatch, CKET.PLOVER_ASSAULT) in onto


@pytest.mark.parametrize("name", EVENT_CLASSES)
def test_acled_default_is_one_of_the_close_acled_matches(onto: Graph, name: str) -> None:
    defaults = [str(d) for d in onto.objects(CK[name], CK.acledDefault)]
    acled_matches = {
        str(onto.value(c, SKOS.notation))
        for c in onto.objects(CK[name], SKOS.closeMatch)
        if (c, SKOS.inScheme, CKET.acled) in onto
    }
    if name in ACLED_DEFAULTS:
        assert defaults == [ACLED_DEFAULTS[name]]
        assert defaults[0] in acled_matches
    else:
        assert defaults == []
        assert acled_matches == set()


def test_case_labels_beyond_acled_are_their_own_scheme(onto: Graph) -> None:
    concepts = set(onto.subjects(SKOS.inScheme, CKET.case2021))
    assert {str(onto.value(c, SKOS.notation)) for c in concepts} == set(CASE_LABELS.values())
    assert not {str(onto.value(c, SKOS.notation)) for c in concepts} & ACLED_CODES
    mapped = {
        str(cls)[len(str(CK)) :]: str(onto.value(concept, SKOS.notation))
        for cls, concept in onto.subject_objects(SKOS.closeMatch)
        if concept in concepts
    }
    assert mapped == CASE_LABELS
    assert (CK.Sanction, CK.ploverMode, Literal("expel")) in onto


def test_bombing_and_riot_have_two_acled_matches(onto: Graph) -> None:
    assert {CKET.REM_EXPLOS, CKET.SUIC_BOMB} <= set(onto.objects(CK.Bombing, SKOS.closeMatch))
    assert {CKET.VIOL_DEMONSTR, CKET.MOB_VIOL} <= set(onto.objects(CK.Riot, SKOS.closeMatch))


def test_every_mapping_target_is_a_concept_in_a_scheme(onto: Graph) -> None:
    schemes = {CKET.acled, CKET.cameo, CKET.plover, CKET.case2021}
    targets = [
        o
        for name in EVENT_CLASSES
        for p in (SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
        for o in onto.objects(CK[name], p)
    ]
    assert len(targets) > 30
    for target in targets:
        assert (target, RDF.type, SKOS.Concept) in onto, target
        assert onto.value(target, SKOS.inScheme) in schemes, target


# --------------------------------------------------------------------------- shapes


def test_shapes_target_every_concrete_class(onto: Graph, shapes: Graph) -> None:
    """pyshacl runs without inference, so every subclass must be listed as a target: a class
    added to the ontology without its target here would silently escape validation."""
    ckshape = Namespace("https://w3id.org/conflict-kg/shapes#")

    def targets(shape: URIRef) -> set[URIRef]:
        return set(shapes.objects(shape, SH.targetClass))

    events = set(onto.transitive_subjects(RDFS.subClassOf, CK.Event))
    actors = set(onto.transitive_subjects(RDFS.subClassOf, CK.Actor))
    assert events == {CK.Event} | {CK[n] for n in EVENT_CLASSES}
    assert actors == {CK.Actor} | {CK[n] for n in ACTOR_CLASSES}
    assert targets(ckshape.EventShape) == events
    assert targets(ckshape.ActorShape) == actors
    for shape, cls in [
        ("ArticleShape", "Article"),
        ("PlaceShape", "Place"),
        ("WeaponShape", "Weapon"),
        ("PositionShape", "Position"),
        ("ClaimShape", "Claim"),
        ("MentionShape", "Mention"),
    ]:
        assert targets(ckshape[shape]) == {CK[cls]}


def test_every_shape_is_documented(shapes: Graph) -> None:
    property_shapes = set(shapes.objects(None, SH.property))
    assert len(property_shapes) > 50
    for shape in property_shapes:
        assert shapes.value(shape, SH.name) is not None, shapes.value(shape, SH.path)
        assert shapes.value(shape, SH.message) is not None, shapes.value(shape, SH.path)
    for constraint in shapes.objects(None, SH.sparql):
        assert shapes.value(constraint, SH.message) is not None
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert english(shapes, shape, RDFS.label), shape
        assert english(shapes, shape, RDFS.comment), shape


# --------------------------------------------------------------------------- validation

ARTICLE_TEXT = "BAGHDAD (Reuters) - A drone packed with explosives struck ..."
SHA = hashlib.sha256(ARTICLE_TEXT.encode()).hexdigest()

ART = Namespace("https://w3id.org/conflict-kg/id/article/")
ENT = Namespace("https://w3id.org/conflict-kg/id/entity/")
INC = Namespace("https://w3id.org/conflict-kg/id/incident/")
CLM = Namespace("https://w3id.org/conflict-kg/id/claim/")
WPN = Namespace("https://w3id.org/conflict-kg/id/weapon/")

ARTICLE = ART[SHA]
INCIDENT = INC[f"{SHA[:12]}-1"]
CLAIM = CLM[f"{SHA[:12]}-1"]
MENTION = Namespace("https://w3id.org/conflict-kg/id/mention/")[f"{SHA[:12]}-1"]

CONFORMING_TTL = """
@prefix ck:      <https://w3id.org/conflict-kg/ontology#> .
@prefix cket:    <https://w3id.org/conflict-kg/event-types#> .
@prefix sem:     <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix geo:     <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix art:     <https://w3id.org/conflict-kg/id/article/> .
@prefix ent:     <https://w3id.org/conflict-kg/id/entity/> .
@prefix inc:     <https://w3id.org/conflict-kg/id/incident/> .
@prefix clm:     <https://w3id.org/conflict-kg/id/claim/> .
@prefix wpn:     <https://w3id.org/conflict-kg/id/weapon/> .
@prefix pos:     <https://w3id.org/conflict-kg/id/position/> .
@prefix men:     <https://w3id.org/conflict-kg/id/mention/> .

art:SHA a ck:Article ;
    dcterms:title "Drone attack hits Baghdad compound" ;
    dcterms:issued "2021-11-08"^^xsd:date ;
    dcterms:publisher ent:reuters ;
    ck:dateline ent:baghdad ;
    dcterms:creator "Mark Heinrich" , "Second Author" ;
    ck:sha256 "SHA" ;
    dcterms:source <https://example.org/news/1> ;
    ck:section "International" .

ent:reuters a ck:Organization ; rdfs:label "Reuters" ; ck:mentionedIn art:SHA .
ent:northern-brigade a ck:ArmedGroup ; rdfs:label "Northern Brigade" ;
    skos:altLabel "Liwa al-Shamal" ; ck:acledActorCategory "Political militias" ;
    ck:country ent:iraq ; ck:backedBy ent:valley-front ; ck:mentionedIn art:SHA .
ent:valley-front a ck:ArmedGroup ; rdfs:label "Valley Front" ; ck:mentionedIn art:SHA ;
    ck:rivalOf ent:northern-brigade .
ent:ali-hassan a ck:Person ; rdfs:label "Ali Hassan" ; ck:mentionedIn art:SHA ;
    ck:holdsRole pos:governor-of-baghdad ; ck:memberOf ent:valley-front .
pos:governor-of-baghdad a ck:Position ; rdfs:label "Governor of Baghdad" ; ck:ofState ent:iraq .
ent:iraq a ck:State , ck:Place ; rdfs:label "Iraq" ; ck:mentionedIn art:SHA .
ent:baghdad a ck:Place ; rdfs:label "Baghdad" ; ck:mentionedIn art:SHA ;
    geo:lat "33.3152"^^xsd:decimal ; geo:long "44.3661"^^xsd:decimal ;
    ck:locatedIn ent:iraq ; ck:country ent:iraq .
wpn:drone a ck:Weapon ; rdfs:label "drone" .

inc:SHORT-1 a ck:AirOrDroneStrike ;
    rdfs:label "drone strike" ;
    ck:trigger "struck" ;
    ck:acledSubEventType "AIR_STRIKE" ;
    ck:eventType cket:AIR_STRIKE ;
    ck:date "2021-11-07"^^xsd:date ;
    ck:datePrecision "day" ;
    sem:hasPlace ent:baghdad ;
    ck:perpetrator ent:northern-brigade ;
    ck:target ent:valley-front ;
    ck:victim ent:ali-hassan ;
    ck:instrument wpn:drone ;
    ck:fatalities "0"^^xsd:nonNegativeInteger ;
    ck:injuriesReported true ;
    ck:targeted true ;
    ck:mention men:SHORT-1 ;
    ck:reportedIn art:SHA .

men:SHORT-1 a ck:Mention ;
    prov:wasDerivedFrom art:SHA ;
    ck:sentence "A drone struck the compound of the governor on Sunday." ;
    ck:start "8"^^xsd:nonNegativeInteger ;
    ck:end "14"^^xsd:nonNegativeInteger ;
    ck:evidenceText "struck" ;
    ck:mentionClass ck:Attack ;
    ck:mentionRank "1"^^xsd:positiveInteger .

clm:SHORT-1 a ck:Claim ;
    rdf:subject inc:SHORT-1 ;
    rdf:predicate ck:perpetrator ;
    rdf:object ent:northern-brigade ;
    prov:wasDerivedFrom art:SHA ;
    ck:sentence "Two security officials said the Northern Brigade launched the drone." ;
    ck:start "20"^^xsd:nonNegativeInteger ;
    ck:end "36"^^xsd:nonNegativeInteger ;
    ck:evidenceText "Northern Brigade" ;
    ck:accordingTo "Two security officials" ;
    ck:certainty ck:Alleged ;
    ck:confidence "0.82"^^xsd:decimal ;
    ck:extractedBy "rules.attribution" .
"""


def conforming_graph() -> Graph:
    ttl = CONFORMING_TTL.replace("SHORT", SHA[:12]).replace("SHA", SHA)
    return Graph().parse(data=ttl, format="turtle")


Result = tuple[URIRef, URIRef | None, URIRef]  # focus node, path, constraint component


def run_shacl(data: Graph, **kwargs: object) -> tuple[bool, set[Result], list[str]]:
    conforms, report, _ = validate(data, shacl_graph=load_shapes(), inference="none", **kwargs)
    results = set()
    messages = []
    [report_node] = report.subjects(RDF.type, SH.ValidationReport)
    # top-level results only: a failed sh:node also reports its inner result as sh:detail
    for result in report.objects(report_node, SH.result):
        results.add(
            (
                report.value(result, SH.focusNode),
                report.value(result, SH.resultPath),
                report.value(result, SH.sourceConstraintComponent),
            )
        )
        messages.append(str(report.value(result, SH.resultMessage)))
    return bool(conforms), results, messages


def test_conforming_article_graph_validates() -> None:
    conforms, results, messages = run_shacl(conforming_graph())
    assert conforms, messages
    assert results == set()


def test_conforming_graph_also_validates_with_the_ontology_mixed_in() -> None:
    conforms, _, messages = run_shacl(conforming_graph(), ont_graph=load_ontology())
    assert conforms, messages


def test_an_attacked_facility_is_a_valid_target() -> None:
    """ "Gunmen attacked a checkpoint": the checkpoint is a ck:Place and the target."""
    graph = conforming_graph()
    graph.set((INCIDENT, CK.target, ENT.baghdad))
    conforms, results, messages = run_shacl(graph)
    assert conforms, messages
    assert results == set()


def test_explicit_xsd_string_literals_are_accepted() -> None:
    """rdflib (and an oxigraph round-trip) may produce "day"^^xsd:string: still valid."""
    graph = conforming_graph()
    graph.set((INCIDENT, CK.datePrecision, Literal("day", datatype=XSD_STRING)))
    graph.set((INCIDENT, CK.acledSubEventType, Literal("AIR_STRIKE", datatype=XSD_STRING)))
    graph.set((CLAIM, CK.confidence, Literal(0.5)))  # a Python float is xsd:double
    graph.set((CLAIM, CK.start, Literal(20)))  # a Python int is xsd:integer
    conforms, _, messages = run_shacl(graph)
    assert conforms, messages


def _set(s: URIRef, p: URIRef, o: URIRef | Literal) -> Callable[[Graph], None]:
    return lambda g: g.set((s, p, o))


def _add(s: URIRef, p: URIRef, o: URIRef | Literal) -> Callable[[Graph], None]:
    return lambda g: g.add((s, p, o))


def _remove(s: URIRef, p: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((s, p, None))


BROKEN = {
    "perpetrator is a weapon": (
        _set(INCIDENT, CK.perpetrator, WPN.drone),
        {(INCIDENT, CK.perpetrator, SH.NodeConstraintComponent)},
        "ck:perpetrator must be an actor",
    ),
    "perpetrator is untyped": (
        _set(INCIDENT, CK.perpetrator, ENT["nobody"]),
        {(INCIDENT, CK.perpetrator, SH.NodeConstraintComponent)},
        "ck:perpetrator must be an actor",
    ),
    "target is a weapon": (
        _set(INCIDENT, CK.target, WPN.drone),
        {(INCIDENT, CK.target, SH.OrConstraintComponent)},
        "ck:target must be an actor (ck:Person",
    ),
    "claim certainty ck:Maybe": (
        _set(CLAIM, CK.certainty, CK.Maybe),
        {(CLAIM, CK.certainty, SH.InConstraintComponent)},
        "exactly one ck:certainty",
    ),
    "article with two sha256": (
        _add(ARTICLE, CK.sha256, Literal("0" * 64)),
        # the second hash also does not match the article IRI
        {
            (ARTICLE, CK.sha256, SH.MaxCountConstraintComponent),
            (ARTICLE, None, SH.SPARQLConstraintComponent),
        },
        "exactly one ck:sha256",
    ),
    "sha256 not hex": (
        _set(ARTICLE, CK.sha256, Literal(SHA.upper())),
        {
            (ARTICLE, CK.sha256, SH.PatternConstraintComponent),
            (ARTICLE, None, SH.SPARQLConstraintComponent),
        },
        "64 lowercase hex digits",
    ),
    "article IRI does not match its hash": (
        _set(ARTICLE, CK.sha256, Literal("f" * 64)),
        {(ARTICLE, None, SH.SPARQLConstraintComponent)},
        "The article IRI must be",
    ),
    "date as plain string": (
        _set(INCIDENT, CK.date, Literal("2021-11-07")),
        {(INCIDENT, CK.date, SH.OrConstraintComponent)},
        "not a plain string",
    ),
    "date without precision": (
        _remove(INCIDENT, CK.datePrecision),
        {(INCIDENT, None, SH.SPARQLConstraintComponent)},
        "needs a ck:datePrecision",
    ),
    "unknown date precision": (
        _set(INCIDENT, CK.datePrecision, Literal("decade")),
        {(INCIDENT, CK.datePrecision, SH.PatternConstraintComponent)},
        "ck:datePrecision is at most one of",
    ),
    "event missing ck:reportedIn": (
        _remove(INCIDENT, CK.reportedIn),
        {(INCIDENT, CK.reportedIn, SH.MinCountConstraintComponent)},
        "ck:reportedIn at least one",
    ),
    "event missing label": (
        _remove(INCIDENT, RDFS.label),
        {(INCIDENT, RDFS.label, SH.MinCountConstraintComponent)},
        "exactly one non-empty rdfs:label",
    ),
    "unknown ACLED code": (
        _set(INCIDENT, CK.acledSubEventType, Literal("DRONE_STRIKE")),
        {(INCIDENT, CK.acledSubEventType, SH.PatternConstraintComponent)},
        "one of the 25 ACLED sub-event codes",
    ),
    "place is not a ck:Place": (
        _set(INCIDENT, SEM.hasPlace, ENT["northern-brigade"]),
        {(INCIDENT, SEM.hasPlace, SH.ClassConstraintComponent)},
        "sem:hasPlace must point to",
    ),
    "negative fatalities": (
        _set(INCIDENT, CK.fatalities, Literal(-1)),
        {(INCIDENT, CK.fatalities, SH.MinInclusiveConstraintComponent)},
        "whole number >= 0",
    ),
    "claim from two articles": (
        _add(CLAIM, PROV.wasDerivedFrom, ART["0" * 64]),
        {
            (CLAIM, PROV.wasDerivedFrom, SH.MaxCountConstraintComponent),
            (CLAIM, PROV.wasDerivedFrom, SH.ClassConstraintComponent),
        },
        "exactly one ck:Article",
    ),
    "claim start after end": (
        _set(CLAIM, CK.start, Literal(40)),
        {(CLAIM, CK.start, SH.LessThanOrEqualsConstraintComponent)},
        "not after ck:end",
    ),
    "confidence above 1": (
        _set(CLAIM, CK.confidence, Literal("1.5", datatype=XSD_DECIMAL)),
        {(CLAIM, CK.confidence, SH.MaxInclusiveConstraintComponent)},
        "between 0 and 1",
    ),
    "mention from no article": (
        _remove(MENTION, PROV.wasDerivedFrom),
        {(MENTION, PROV.wasDerivedFrom, SH.MinCountConstraintComponent)},
        "A mention must be prov:wasDerivedFrom exactly one ck:Article",
    ),
    "mention rank 0": (
        _set(MENTION, CK.mentionRank, Literal(0)),
        {(MENTION, CK.mentionRank, SH.MinInclusiveConstraintComponent)},
        "1 is the event's trigger",
    ),
    "mention class outside the ontology": (
        _set(MENTION, CK.mentionClass, SEM.Event),
        {(MENTION, CK.mentionClass, SH.PatternConstraintComponent)},
        "the ck: event class its words name",
    ),
    "event mention that is no ck:Mention": (
        _set(INCIDENT, CK.mention, CLAIM),
        {(INCIDENT, CK.mention, SH.ClassConstraintComponent)},
        "ck:mention must point to a ck:Mention",
    ),
    "targeted as a string": (
        _set(INCIDENT, CK.targeted, Literal("yes")),
        {(INCIDENT, CK.targeted, SH.DatatypeConstraintComponent)},
        "ck:targeted is at most one xsd:boolean",
    ),
    "actor with two labels": (
        _add(ENT["valley-front"], RDFS.label, Literal("Jabhat al-Wadi")),
        {(ENT["valley-front"], RDFS.label, SH.MaxCountConstraintComponent)},
        "put other names in skos:altLabel",
    ),
    "actor relation to a place": (
        _set(ENT["northern-brigade"], CK.backedBy, ENT.baghdad),
        {(ENT["northern-brigade"], CK.backedBy, SH.NodeConstraintComponent)},
        "ck:backedBy must point to an actor",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_variant_fails_with_the_specific_violation(case: str) -> None:
    mutate, expected, message = BROKEN[case]
    graph = conforming_graph()
    mutate(graph)
    conforms, results, messages = run_shacl(graph)
    assert not conforms
    assert results == expected
    assert any(message in m for m in messages), messages
