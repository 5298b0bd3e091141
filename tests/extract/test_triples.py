"""The sample's graph: conforms to the shapes, keeps claims queryable, never asserts denials."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from conflict_kg.extract.model import Extraction
from conflict_kg.extract.triples import article_graph
from conflict_kg.graph.validate import validate_graph
from conflict_kg.ontologies import CK, CKID, article_iri

KH = CKID["entity/kataib-hezbollah"]
IRAN = CKID["entity/iran"]
PREFIXES = """
PREFIX ck: <https://w3id.org/conflict-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


def _graph(sample: Extraction) -> tuple[URIRef, Graph]:
    return article_graph(sample)


def test_graph_iri_is_the_text_hash(sample: Extraction) -> None:
    iri, graph = _graph(sample)
    assert iri == article_iri(sample.article.id)
    assert (iri, CK.sha256, Literal(sample.article.id)) in graph


def test_sample_graph_conforms_to_shapes(sample: Extraction) -> None:
    _, graph = _graph(sample)
    assert validate_graph(graph) == []


def test_same_text_same_triples(sample: Extraction) -> None:
    _, first = _graph(sample)
    _, second = _graph(sample)
    assert set(first) == set(second)


def test_alleged_perpetrator_is_a_direct_triple_with_its_claim(sample: Extraction) -> None:
    _, graph = _graph(sample)
    rows = list(
        graph.query(
            PREFIXES
            + """SELECT ?event ?source ?certainty ?start ?end WHERE {
                ?event a ck:AirOrDroneStrike ; ck:perpetrator ?actor .
                ?claim rdf:subject ?event ; rdf:predicate ck:perpetrator ; rdf:object ?actor ;
                       ck:certainty ?certainty ; ck:start ?start ; ck:end ?end ;
                       prov:wasDerivedFrom ?article .
                OPTIONAL { ?claim ck:accordingTo ?source }
            }""",
            initBindings={"actor": KH},
        )
    )
    sources = {(str(r.source), r.certainty) for r in rows}  # type: ignore[union-attr]
    assert ("Two Iraqi security officials", CK.Alleged) in sources
    assert ("A militia source", CK.Alleged) in sources
    for row in rows:
        start, end = int(row.start), int(row.end)  # type: ignore[union-attr]
        assert sample.text[start:end] == "Kataib Hezbollah"


def test_denied_perpetrator_exists_only_as_a_claim(sample: Extraction) -> None:
    _, graph = _graph(sample)
    assert (None, CK.perpetrator, IRAN) not in graph
    denied = list(
        graph.query(
            PREFIXES
            + """SELECT ?claim WHERE { ?claim rdf:predicate ck:perpetrator ; rdf:object ?actor ;
                 ck:certainty ck:Denied }""",
            initBindings={"actor": IRAN},
        )
    )
    assert len(denied) == 3


def test_claims_name_the_rule_that_made_them(sample: Extraction) -> None:
    _, graph = _graph(sample)
    rules = {str(o) for o in graph.objects(None, CK.extractedBy)}
    assert {"conflict_kg.trigger", "conflict_kg.involvement", "conflict_kg.apposition"} <= rules
