"""A store where one incident is reported by many articles: the shape that made the network
routes grow without bound (issue 13), built cheaply enough for a test.

The sample article is extracted once by the real pipeline. Each further "report" is an
invented variant of its text (the template plus a line naming the report), so each has its
own sha256, and its graph is the extracted graph with every article-scoped IRI (the article,
its incidents, claims and unnamed entities, which carry the text's hash) renamed for that
variant. The named actors (Kataib Hezbollah, Iran, Iraq...) keep their ids, so every one of
them is named in every article, as when many outlets report one strike.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
from rdflib import Graph, Literal, URIRef

from conflict_kg.extract import ARTICLE_KEY_LENGTH, Extraction, article_graph, sha256_text
from conflict_kg.graph.store import Store

__all__ = [
    "REPEATED_ACTOR",
    "assert_budget_problem",
    "copy_store",
    "repeated_graphs",
    "report_texts",
    "store_reports",
]

REPEATED_ACTOR = "kataib-hezbollah"
"""An actor the sample article names, hence named in every report of the store."""


def report_texts(template: str, count: int) -> list[str]:
    """`count` different texts of one report: the template, then a line saying which copy."""
    return [f"{template}\n\n(Report {number} of {count}.)\n" for number in range(1, count + 1)]


def _renamer(old: str, new: str) -> dict[str, str]:
    """Old hash prefixes to new ones, longest first (each is a prefix of the longer ones)."""
    return {old[:n]: new[:n] for n in (len(old), 12, ARTICLE_KEY_LENGTH)}


def _rename(term: object, renames: dict[str, str]) -> object:
    if isinstance(term, URIRef | Literal):
        value = str(term)
        for old, new in renames.items():
            value = value.replace(old, new)
        if value == str(term):
            return term
        if isinstance(term, URIRef):
            return URIRef(value)
        return Literal(value, lang=term.language, datatype=term.datatype)
    return term


def repeated_graphs(
    extraction: Extraction, template: str, count: int
) -> Iterator[tuple[URIRef, Graph]]:
    """The article IRI and graph of each of `count` reports of `extraction` (whose text is
    `template`): the extracted graph with the hash of the template renamed to each report's."""
    original, graph = article_graph(extraction)
    old = extraction.article.id
    for text in report_texts(template, count):
        renames = _renamer(old, sha256_text(text))
        copy = Graph()
        for triple in graph:
            copy.add(tuple(_rename(t, renames) for t in triple))  # type: ignore[arg-type]
        yield URIRef(_rename(original, renames)), copy


def store_reports(store: Store, extraction: Extraction, template: str, count: int) -> list[URIRef]:
    """Store `count` reports of `extraction` (see `repeated_graphs`); their article IRIs."""
    stored = []
    for iri, graph in repeated_graphs(extraction, template, count):
        assert store.add_article(iri, graph), f"{iri} was already stored"
        stored.append(iri)
    return stored


def copy_store(pristine: Path, tmp_path: Path) -> str:
    """The URL of a copy of the store at `pristine`, for one server (one process at a time
    holds an embedded store)."""
    shutil.copytree(pristine, tmp_path / "store")
    return f"oxigraph:{tmp_path / 'store'}"


def assert_budget_problem(response: httpx.Response, title: str, *words: str) -> None:
    """A 503 problem body (RFC 9457) with `title`, whose detail names every one of `words`:
    what a route over its time or row budget answers."""
    assert response.status_code == 503, response.text[:2000]
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert (problem["status"], problem["title"]) == (503, title)
    for word in words:
        assert word in problem["detail"], problem
