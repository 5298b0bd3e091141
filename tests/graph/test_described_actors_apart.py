"""Actors an article only describes ("a group of armed men", "three peasants") are never
merged across articles: two reports of unrelated attacks in two countries, each told with
the same description, keep two actors each. Named actors of both (the counterexample)
merge as always. Both articles are invented."""

from __future__ import annotations

from rdflib import OWL

from conflict_kg.extract import ArticleInput, Extractor, article_graph
from conflict_kg.graph.resolve import resolve
from conflict_kg.graph.store import Store
from conflict_kg.ontologies import RESOLUTION_GRAPH

KENYA = (
    "date: 2026-03-02\n\nA group of armed men attacked a village near Isiolo, Kenya, on "
    "Sunday, killing three peasants, police said. Kenya's Interior Ministry condemned it."
)
MALI = (
    "date: 2026-05-20\n\nA group of armed men attacked a village near Mopti, Mali, on "
    "Tuesday, killing three peasants, officials said. Mali's Interior Ministry condemned it."
)


def test_described_actors_of_two_articles_stay_apart(extractor: Extractor, store: Store) -> None:
    labels = set()
    for source, text in (("kenya", KENYA), ("mali", MALI)):
        extraction = extractor.extract(ArticleInput(source, text))
        labels |= {e.name for e in extraction.entities}
        assert store.add_article(*article_graph(extraction))
    assert {"Group of armed men", "Three peasants"} <= labels
    result = resolve(store)
    merged = {
        (str(s), str(o))
        for s, p, o in store.article_graph(RESOLUTION_GRAPH)
        if p == OWL.sameAs
    }
    assert not [pair for pair in merged if "armed-men" in pair[0] or "peasants" in pair[0]]
    assert result.actors_merged == 0
