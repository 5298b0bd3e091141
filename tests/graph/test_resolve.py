"""Cross-article resolution on real extractions of short articles written for these tests
(tests/graph/articles): three reports of one drone strike on a Kirkuk governor, in different
words, spellings ("Salim Hadad", "Kata'ib Hizballah") and date forms ("on Sunday", "March
10"), and a drone strike on a police checkpoint in the same city the next day, which must stay
a separate incident. Run on every backend: the embedded store, memory and `oxigraph serve`."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from conflict_kg.extract import ArticleInput, Extraction, Extractor, article_graph, read_inputs
from conflict_kg.graph import lookups
from conflict_kg.graph.lookups.rows import select
from conflict_kg.graph.resolve import resolve
from conflict_kg.graph.store import Store
from conflict_kg.ontologies import CK, CKID, RESOLUTION_GRAPH, article_iri, local_id

ARTICLES = Path(__file__).parent / "articles"
NAMES = ("kirkuk-a.txt", "kirkuk-b.txt", "kirkuk-c.json", "kirkuk-d.txt")


@pytest.fixture(scope="module")
def extractions(extractor: Extractor) -> dict[str, Extraction]:
    found = {}
    for name in NAMES:
        (item,) = read_inputs(ARTICLES / name)
        assert isinstance(item, ArticleInput)
        found[name] = extractor.extract(item)
    return found


def strikes(extraction: Extraction) -> list[str]:
    return [e.id for e in extraction.events if e.type == "AirOrDroneStrike"]


def add(store: Store, extractions: dict[str, Extraction], *names: str) -> None:
    for name in names:
        iri, graph = article_graph(extractions[name])
        assert store.add_article(iri, graph)


def resolution(store: Store) -> set[tuple]:
    return set(store.article_graph(RESOLUTION_GRAPH))


@pytest.fixture
def strike(store: Store, extractions: dict[str, Extraction]) -> str:
    """All four articles stored and resolved; the id of the governor strike's incident."""
    add(store, extractions, *NAMES)
    resolve(store)
    return f"c-{strikes(extractions['kirkuk-a.txt'])[0]}"


def test_the_articles_extract_as_the_tests_assume(extractions: dict[str, Extraction]) -> None:
    """One strike each, dated as written; if extraction changes, this says so first."""
    dates = {
        name: [(e.date, e.injuries, e.fatalities) for e in x.events if e.type == "AirOrDroneStrike"]
        for name, x in extractions.items()
    }
    assert dates == {
        "kirkuk-a.txt": [("2024-03-10", 3, None)],
        "kirkuk-b.txt": [("2024-03-10", 5, None)],
        "kirkuk-c.json": [("2024-03-10", None, None)],
        "kirkuk-d.txt": [("2024-03-11", None, 2)],
    }


def test_reports_of_one_incident_resolve_to_one_and_the_next_day_strike_stays_apart(
    store: Store, extractions: dict[str, Extraction]
) -> None:
    add(store, extractions, *NAMES)
    summary = resolve(store)
    assert (summary.reports, summary.incidents, summary.actors_merged) == (4, 2, 1)
    governor = {strikes(extractions[n])[0] for n in NAMES[:3]}
    (checkpoint,) = strikes(extractions["kirkuk-d.txt"])
    page = lookups.list_incidents(store, type="AirOrDroneStrike")
    assert page.total == 2
    by_reports = {frozenset(r.report for r in i.reports): i for i in page.items}
    assert set(by_reports) == {frozenset(governor), frozenset({checkpoint})}
    merged = by_reports[frozenset(governor)]
    first = min(governor, key=lambda r: (extractions_by_report(extractions)[r], r))
    assert merged.id == f"c-{first}"
    assert (merged.report_count, merged.date, merged.place and merged.place.id) == (
        3,
        "2024-03-10",
        "kirkuk",
    )
    # The variant spelling is shown under the canonical actor, once per role and certainty.
    assert ("salim-haddad", "target") in {(a.id, a.role) for a in merged.actors}
    assert "salim-hadad" not in {a.id for a in merged.actors}
    assert ("kataib-hezbollah", "perpetrator", "alleged") in {
        (a.id, a.role, a.certainty) for a in merged.actors
    }
    assert store.stats().incidents == 2
    assert store.stats().events_by_type["AirOrDroneStrike"] == 4  # the reports


def extractions_by_report(extractions: dict[str, Extraction]) -> dict[str, str]:
    """Report id -> its article's publication date (the order canonical ids follow)."""
    return {e.id: x.article.published or "" for x in extractions.values() for e in x.events}


def test_an_incident_shows_every_report_side_by_side(
    store: Store, extractions: dict[str, Extraction]
) -> None:
    add(store, extractions, *NAMES)
    resolve(store)
    (report_b,) = strikes(extractions["kirkuk-b.txt"])
    detail = lookups.get_incident(store, report_b)  # asked by one article's report id
    assert detail is not None and detail.id.startswith("c-")
    assert lookups.get_incident(store, detail.id) == detail
    rows = {(r.published, r.report, r.date, r.injuries) for r in detail.reports}
    assert rows == {
        ("2024-03-11", strikes(extractions["kirkuk-a.txt"])[0], "2024-03-10", 3),
        ("2024-03-12", report_b, "2024-03-10", 5),
        ("2024-03-13", strikes(extractions["kirkuk-c.json"])[0], "2024-03-10", None),
    }
    # Conflicting figures both stay; the summary is the lowest and the range.
    assert (detail.injuries, detail.injuries_max) == (3, 5)
    # Each article's perpetrator claim keeps its own source, certainty and evidence.
    perpetrators = {
        (r.actor.id, r.certainty, r.source, r.evidence.text)
        for r in detail.roles
        if r.role == "perpetrator"
    }
    assert perpetrators == {
        ("kataib-hezbollah", "alleged", "two security officials", "Kataib Hezbollah"),
        ("kataib-hezbollah", "alleged", "Police", "Kata'ib Hizballah"),
    }


def test_an_actor_lists_every_spelling_and_the_articles_that_used_it(
    store: Store, extractions: dict[str, Extraction]
) -> None:
    add(store, extractions, *NAMES)
    resolve(store)
    article = {name: x.article.id for name, x in extractions.items()}
    for asked in ("salim-hadad", "salim-haddad"):
        entity = lookups.get_entity(store, asked)
        assert entity is not None
        assert (entity.id, entity.name, entity.same_as) == (
            "salim-haddad",
            "Salim Haddad",
            ("salim-hadad",),
        )
        assert {(n.name, n.articles) for n in entity.names_seen} == {
            ("Salim Hadad", (article["kirkuk-b.txt"],)),
            ("Salim Haddad", tuple(sorted((article["kirkuk-a.txt"], article["kirkuk-c.json"])))),
        }
        assert "Salim Hadad" in entity.aliases
        assert {i.incident for i in entity.incidents} == {
            f"c-{min(strikes(extractions['kirkuk-a.txt']))}"
        }
    kh = lookups.get_entity(store, "kataib-hezbollah")
    assert kh is not None and ("Kata'ib Hizballah", (article["kirkuk-b.txt"],)) in {
        (n.name, n.articles) for n in kh.names_seen
    }
    # Asking by any spelling finds the incidents of all of them.
    by_variant = lookups.list_incidents(store, actor="salim-hadad")
    assert by_variant.total == 1 and by_variant.items[0].report_count == 3


def test_any_ingestion_order_gives_the_same_graph(
    store_url: str, extractions: dict[str, Extraction], tmp_path: Path
) -> None:
    from conflict_kg.graph.store import open_store

    seen: list[set[tuple]] = []
    for number, order in enumerate(list(permutations(NAMES))[::7]):
        url = store_url
        if url.startswith("oxigraph:"):
            url = f"oxigraph:{tmp_path / f'order-{number}'}"
        with open_store(url) as store:
            for graph_iri in store.article_graphs():
                store.remove_article(graph_iri)
            for name in order:
                add(store, extractions, name)
                resolve(store)  # as the service does after each article
            seen.append(resolution(store))
    assert len(seen) == 4
    assert all(graph == seen[0] for graph in seen)
    assert len(seen[0]) > 20


def test_removing_an_article_re_resolves_what_leaned_on_it(
    store: Store, extractions: dict[str, Extraction]
) -> None:
    add(store, extractions, *NAMES)
    resolve(store)
    before = resolution(store)
    assert store.remove_article(article_iri(extractions["kirkuk-b.txt"].article.id))
    summary = resolve(store)
    assert (summary.reports, summary.incidents, summary.actors_merged) == (3, 2, 0)
    graph = Graph()
    for triple in resolution(store):
        graph.add(triple)
    reports = {local_id(str(o)) for o in graph.objects(None, CK.hasReport)}
    assert strikes(extractions["kirkuk-b.txt"])[0] not in reports
    assert (URIRef(str(CK)), None, None) not in graph
    entity = lookups.get_entity(store, "salim-haddad")
    assert entity is not None and entity.same_as == () and "Salim Hadad" not in entity.aliases
    assert lookups.get_entity(store, "salim-hadad") is None
    # Putting it back gives back exactly the graph it had.
    add(store, extractions, "kirkuk-b.txt")
    resolve(store)
    assert resolution(store) == before


def test_an_article_graph_cannot_be_replaced_as_a_derived_one(
    store: Store, extractions: dict[str, Extraction]
) -> None:
    from conflict_kg.graph.errors import StoreError

    add(store, extractions, "kirkuk-a.txt")
    iri = article_iri(extractions["kirkuk-a.txt"].article.id)
    with pytest.raises(StoreError, match="is an article's graph"):
        store.replace_graph(iri, Graph())
    assert store.has_article(iri)


SAID_TO_BACK_IN = """
PREFIX ck: <https://w3id.org/conflict-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT DISTINCT ?backer WHERE {
  GRAPH ?article {
    ?claim rdf:subject ?actor ; rdf:predicate ck:backedBy ; rdf:object ?backer .
    ?article dcterms:issued ?published .
  }
  FILTER (YEAR(?published) = %d)
}
"""


def test_relations_are_dated_by_the_articles_that_state_them(
    store: Store, sample: Extraction
) -> None:
    iri, graph = article_graph(sample)
    assert store.add_article(iri, graph)
    resolve(store)
    rows = select(store, "relations_over_time", actor=CKID["entity/asaib-ahl-al-haq"])
    backed = {
        (local_id(str(r["other"])), str(r["published"]), local_id(str(r["certainty"])))
        for r in rows
        if r["relation"] == CK.backedBy
    }
    assert backed == {("iran", "2021-11-08", "Asserted")}
    aah = {"actor": CKID["entity/asaib-ahl-al-haq"]}
    # "Who was said to back Asaib Ahl al-Haq in 2021?" (the year is the test's, not a user's)
    found = {local_id(str(r[0])) for r in store.query(SAID_TO_BACK_IN % 2021, aah)}
    assert found == {"iran"}
    assert list(store.query(SAID_TO_BACK_IN % 2020, aah)) == []


def test_the_incident_query_lists_every_report_side_by_side(
    store: Store, extractions: dict[str, Extraction]
) -> None:
    add(store, extractions, *NAMES)
    resolve(store)
    (report_a,) = strikes(extractions["kirkuk-a.txt"])
    incident = CKID[f"incident/c-{report_a}"]
    rows = select(store, "incident", incident=incident)
    perpetrators = {
        (str(r["published"]), local_id(str(r["report"])), str(r["evidence"]), str(r["source"]))
        for r in rows
        if r["predicate"] == CK.perpetrator
    }
    (report_b,) = strikes(extractions["kirkuk-b.txt"])
    assert perpetrators == {
        ("2024-03-11", report_a, "Kataib Hezbollah", "two security officials"),
        ("2024-03-12", report_b, "Kata'ib Hizballah", "Police"),
    }
    assert {local_id(str(r["report"])) for r in rows} == {
        report_a,
        report_b,
        strikes(extractions["kirkuk-c.json"])[0],
    }


def test_networks_groups_and_entity_lists_use_resolved_incidents_and_actors(
    store: Store, extractions: dict[str, Extraction], strike: str
) -> None:
    from conflict_kg.graph.network.data import load_network_data

    incident = strike
    report_a = strike.removeprefix("c-")
    data = load_network_data(store)
    assert incident in data.incidents and report_a not in data.incidents
    assert data.incidents[incident].injuries == 3  # the lowest of 3 and 5
    assert "salim-hadad" not in data.actors and "salim-haddad" in data.actors
    targets = {
        (c.subject, c.object, c.evidence.article) for c in data.claims if c.predicate == "target"
    }
    article = {name: x.article.id for name, x in extractions.items()}
    assert {(incident, "salim-haddad", article[n]) for n in NAMES[:3]} <= targets
    # One link per (group, incident, role, certainty, source): two sources blame KH.
    links = lookups.group_incidents(store, "kataib-hezbollah")
    assert links is not None and [i.id for i in links.items] == [incident]
    assert {(link.role, link.certainty, link.source) for link in links.items[0].links} == {
        ("perpetrator", "alleged", "two security officials"),
        ("perpetrator", "alleged", "Police"),
    }
    listed = {e.id: e for e in lookups.list_entities(store, q="salim").items}
    assert set(listed) == {"salim-haddad"}
    assert listed["salim-haddad"].aliases == ("Salim Hadad",)


def test_the_resolution_read_by_lookups_follows_every_write(
    store: Store, extractions: dict[str, Extraction]
) -> None:
    from conflict_kg.graph.lookups.incidents import resolved

    add(store, extractions, "kirkuk-a.txt", "kirkuk-c.json")
    resolve(store)
    first = resolved(store)
    if store.generation is None:  # a remote endpoint: others may write, nothing is cached
        assert resolved(store) is not first
    else:
        assert resolved(store) is first
    assert len(set(first.incidents.values())) == 1
    add(store, extractions, "kirkuk-d.txt")
    resolve(store)
    again = resolved(store)
    assert again is not first
    assert len({i.iri for i in again.incidents.values()}) == 2


def test_a_read_only_endpoint_is_refused_before_anything_is_read() -> None:
    from conflict_kg.graph.errors import StoreError
    from conflict_kg.graph.store import open_store

    # Nothing listens there: reading first would fail with "cannot reach" instead.
    with open_store("sparql:http://127.0.0.1:9/sparql") as read_only:
        with pytest.raises(StoreError, match=r"read-only remote store .*resolution writes"):
            resolve(read_only)


def test_incidents_reported_by_several_articles(
    store: Store, extractions: dict[str, Extraction]
) -> None:
    add(store, extractions, *NAMES)
    resolve(store)
    corroborated = lookups.list_incidents(store, min_reports=2)
    (report_a,) = strikes(extractions["kirkuk-a.txt"])
    assert [(i.id, i.report_count) for i in corroborated.items] == [(f"c-{report_a}", 3)]
    assert lookups.list_incidents(store, min_reports=4).total == 0
    assert lookups.list_incidents(store).total == 2


def test_neighbors_walk_resolved_incidents_and_actors(
    store: Store, extractions: dict[str, Extraction], strike: str
) -> None:
    incident = strike
    around = lookups.neighbors(store, "salim-hadad", depth=2)  # asked by the variant
    assert around is not None and around.center == "salim-haddad"
    nodes = {n.id: n for n in around.nodes}
    assert (nodes[incident].kind, nodes[incident].type) == ("incident", "AirOrDroneStrike")
    assert "salim-hadad" not in nodes
    assert not {r for x in extractions.values() for r in strikes(x)} & set(nodes)
    edges = {(e.source, e.target, e.predicate) for e in around.edges}
    assert (incident, "salim-haddad", "target") in edges
    assert (incident, "kataib-hezbollah", "perpetrator") in edges
    assert "kirkuk" in nodes


def test_the_resolution_graph_conforms_to_the_shapes(store: Store, strike: str) -> None:
    from conflict_kg.graph.validate import validate_graph, validate_store

    report = validate_store(store)
    assert (report.articles, report.violations) == (4, [])
    broken = store.article_graph(RESOLUTION_GRAPH)
    incident = CKID[f"incident/{strike}"]
    broken.remove((incident, CK.reportCount, None))
    broken.set((incident, CK.injuriesMin, Literal(9, datatype=XSD.integer)))
    problems = validate_graph(broken)
    assert len(problems) == 2
    assert any("exactly one ck:reportCount" in p for p in problems)
    assert any("not above ck:injuriesMax" in p for p in problems)
