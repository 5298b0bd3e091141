"""Actors an article only describes ("a group of armed men", "three peasants") are never
merged across articles: two reports of unrelated attacks in two countries, each told with
the same description, keep two actors each. Named actors of both (the counterexample)
merge as always. In the network, though, the actor two reports of one resolved incident
describe in the same role is one node: the bodyguards two articles say were wounded in the
same bombing. All articles are invented."""

from __future__ import annotations

from collections import Counter

from rdflib import OWL, Literal

from conflict_kg.extract import ArticleInput, Extractor, article_graph
from conflict_kg.graph.network import NetworkFilter, network_from_store
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

BOMBING = (
    "date: 2026-04-11\n\nA roadside bomb struck the convoy of Governor Amina Yusuf near "
    "Maiduguri, Nigeria, on Saturday, wounding some of her bodyguards, police said. Boko "
    "Haram claimed the attack."
)
FOLLOW_UP = (
    "date: 2026-04-12\n\nGovernor Amina Yusuf survived a roadside bomb attack on her convoy "
    "near Maiduguri, Nigeria, on Saturday. Several of her bodyguards were wounded, officials "
    "said. Boko Haram claimed responsibility."
)


def store_entities(store: Store, name: str) -> list[str]:
    """The ids of the entities named `name` in the store, one per article describing them."""
    rows = store.query(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e rdfs:label ?name } }",
        {"name": Literal(name)},
    )
    found = sorted(str(row[0]).rsplit("/", 1)[-1] for row in rows)
    assert len(found) == 2, found
    return found


def _ingest(extractor: Extractor, store: Store, *articles: tuple[str, str]) -> None:
    for source, text in articles:
        assert store.add_article(*article_graph(extractor.extract(ArticleInput(source, text))))
    resolve(store)


def test_one_incident_described_twice_is_one_node(extractor: Extractor, store: Store) -> None:
    _ingest(extractor, store, ("bombing", BOMBING), ("follow-up", FOLLOW_UP))
    network = network_from_store(store, "full")
    bodyguards = [n for n, d in network.nodes(data=True) if d.get("name") == "Bodyguards"]
    assert len(bodyguards) == 1
    edges = [(s, d) for s, _, d in network.in_edges(bodyguards, data=True)]
    assert len(edges) == 1
    incident, data = edges[0]
    assert network.nodes[incident]["kind"] == "incident"
    assert network.nodes[incident]["type"] == "Bombing"
    assert data["predicate"] == "victim"
    assert data["evidence_count"] == 2
    assert len({e["article"] for e in data["evidence"]}) == 2
    # either article's own id for its bodyguards still selects them and their incident
    for entity in store_entities(store, "Bodyguards"):
        selected = network_from_store(store, "full", NetworkFilter(actor=entity))
        assert set(selected) == {bodyguards[0], incident} | set(network.successors(incident))


def test_described_actors_of_two_incidents_stay_two_nodes(
    extractor: Extractor, store: Store
) -> None:
    _ingest(extractor, store, ("kenya", KENYA), ("mali", MALI))
    network = network_from_store(store, "full")
    names = Counter(d.get("name") for _, d in network.nodes(data=True) if d["kind"] == "actor")
    assert names["Group of armed men"] == 2
    assert names["Three peasants"] == 2


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
