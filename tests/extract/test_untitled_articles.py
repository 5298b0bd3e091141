"""Wire copy often opens with its dateline and has no headline: such an article has no
title, and its graph still conforms to the shapes (a title is optional, never empty, never
two). The articles are invented for the test."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import DCTERMS

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.triples import article_graph
from conflict_kg.graph.validate import validate_graph

WIRE = (
    "MERSIN FALLS, June 2 (Wire) - Two rockets hit a fuel depot on the edge of Mersin Falls "
    "on Sunday, wounding three guards, the district governor said.\n"
)


def test_wire_copy_without_a_headline_has_no_title_and_conforms(extractor: Extractor) -> None:
    result = extractor.extract(ArticleInput("invented", WIRE))
    assert result.article.title is None
    article, graph = article_graph(result)
    assert graph.value(article, DCTERMS.title) is None
    assert validate_graph(graph) == []


def test_an_article_with_two_titles_does_not_conform(extractor: Extractor) -> None:
    result = extractor.extract(ArticleInput("invented", WIRE, title="Rockets hit a fuel depot"))
    article, graph = article_graph(result)
    assert validate_graph(graph) == []
    graph.add((article, DCTERMS.title, Literal("A second headline")))
    problems = validate_graph(graph)
    assert len(problems) == 1 and "at most one dcterms:title" in problems[0]
