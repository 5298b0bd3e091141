"""The same behaviour on every backend: embedded Oxigraph, in-memory rdflib, and a remote
SPARQL endpoint (a real `oxigraph serve`)."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from conflict_kg.graph.store import (
    EXPORT_FORMATS,
    InvalidQueryError,
    QueryOptions,
    QueryTimeoutError,
    Store,
    StoreError,
    open_store,
)
from conflict_kg.ontologies import CK, SEM, article_iri, entity_iri, incident_iri

PROJECT = Path(__file__).resolve().parents[2]
EX = Namespace("https://example.org/")
MALICIOUS = 'x" } ; DROP ALL ; #'
PREFIXES = """
PREFIX ck: <https://w3id.org/conflict-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

KATAIB = entity_iri("Kata'ib Hezbollah")
BAGHDAD = entity_iri("Baghdad")
LABEL = Literal("Kata'ib Hezbollah", lang="en")


def article(sha: str, *triples: tuple) -> tuple[URIRef, Graph]:
    """An article graph: its typed IRI and title, plus `triples`."""
    iri = article_iri(sha)
    graph = Graph()
    graph.add((iri, RDF.type, CK.Article))
    graph.add((iri, DCTERMS.title, Literal(f"Article {sha}")))
    for triple in triples:
        graph.add(triple)
    return iri, graph


def two_articles() -> tuple[URIRef, Graph, URIRef, Graph]:
    """Two articles (4 and 3 triples) that both state `KATAIB a ck:ArmedGroup`."""
    first, first_graph = article(
        "a1",
        (KATAIB, RDF.type, CK.ArmedGroup),
        (KATAIB, RDFS.label, LABEL),
    )
    second, second_graph = article("a2", (KATAIB, RDF.type, CK.ArmedGroup))
    return first, first_graph, second, second_graph


def select(result: object) -> list[tuple]:
    return sorted(tuple(row) for row in result)


# Writing -----------------------------------------------------------------------------------


def test_add_article_is_idempotent(store):
    iri, graph, _, _ = two_articles()
    assert store.add_article(iri, graph) is True
    assert store.has_article(iri)
    assert store.stats().triples == 4

    assert store.add_article(iri, graph) is False
    graph.add((iri, EX.note, Literal("changed")))
    assert store.add_article(iri, graph) is False
    assert store.stats().triples == 4


def test_two_articles_counts(store):
    first, first_graph, second, second_graph = two_articles()
    assert store.add_article(first, first_graph)
    assert store.add_article(second, second_graph)
    stats = store.stats()
    assert stats.articles == 2
    assert stats.triples == 7  # the shared triple counts once per article
    assert store.article_graphs() == sorted([first, second])


def test_article_graph_is_a_copy(store):
    iri, graph, _, _ = two_articles()
    store.add_article(iri, graph)
    copy = store.article_graph(iri)
    assert copy.identifier == iri
    assert set(copy) == set(graph)
    copy.add((iri, EX.note, Literal("local only")))
    assert len(store.article_graph(iri)) == 4
    assert len(store.article_graph(article_iri("absent"))) == 0


def test_blank_nodes_are_stored(store):
    place, incident = BNode(), incident_iri("bn", 1)
    iri, graph = article("bn", (incident, SEM.hasPlace, place))
    graph.add((place, RDFS.label, Literal("near the airport")))
    assert store.add_article(iri, graph)
    rows = select(
        store.query(
            "SELECT ?label WHERE { ?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace> ?p . "
            "?p <http://www.w3.org/2000/01/rdf-schema#label> ?label }",
            {"e": incident},
        )
    )
    assert rows == [(Literal("near the airport"),)]
    assert store.stats().triples == 4


def test_remove_article_removes_exactly_its_graph(store):
    first, first_graph, second, second_graph = two_articles()
    store.add_article(first, first_graph)
    store.add_article(second, second_graph)

    assert store.remove_article(first) is True
    assert store.has_article(first) is False
    assert store.article_graphs() == [second]
    assert store.stats().triples == 3
    assert isomorphic(store.article_graph(second), second_graph)
    assert store.query("ASK { ?g a ?type }", {"g": KATAIB, "type": CK.ArmedGroup}).askAnswer
    assert not store.query("ASK { ?g ?p ?label }", {"label": LABEL}).askAnswer

    assert store.remove_article(first) is False
    assert store.add_article(first, first_graph) is True
    assert store.stats().triples == 7


def test_update_writes_a_named_graph(store):
    iri = article_iri("by-update")
    store.update(f"{PREFIXES} INSERT DATA {{ GRAPH {iri.n3()} {{ {iri.n3()} a ck:Article }} }}")
    assert store.has_article(iri)
    assert store.article_graphs() == [iri]


# Atomicity ---------------------------------------------------------------------------------


def test_add_with_a_term_no_store_can_hold_writes_nothing(store):
    iri, graph = article("bad", (EX.a, EX.b, Literal("fine")))
    graph.add((EX.c, EX.d, URIRef("https://example.org/not an iri")))
    with pytest.raises(StoreError, match="not an iri"):
        store.add_article(iri, graph)
    assert store.has_article(iri) is False
    assert store.stats().triples == 0


class FailingGraph(Graph):
    """A graph whose source fails after two triples (a parser or network that breaks)."""

    def __iter__(self):
        for number, triple in enumerate(super().__iter__()):
            if number == 2:
                raise RuntimeError("source failed half-way")
            yield triple


def test_add_that_fails_while_reading_the_graph_writes_nothing(store):
    iri = article_iri("failing")
    graph = FailingGraph()
    for number in range(5):
        graph.add((iri, EX[f"p{number}"], Literal(number)))
    with pytest.raises(RuntimeError, match="half-way"):
        store.add_article(iri, graph)
    assert store.has_article(iri) is False
    assert store.stats().triples == 0


def test_empty_article_graph_is_refused(store):
    with pytest.raises(StoreError, match="empty"):
        store.add_article(article_iri("empty"), Graph())


# Querying ----------------------------------------------------------------------------------


def test_default_graph_is_the_union_of_articles(store):
    first, first_graph, second, second_graph = two_articles()
    store.add_article(first, first_graph)
    store.add_article(second, second_graph)
    rows = select(
        store.query(
            f"{PREFIXES} SELECT ?a ?title WHERE {{ ?a a ck:Article ; dcterms:title ?title }}"
        )
    )
    assert rows == [(first, Literal("Article a1")), (second, Literal("Article a2"))]
    distinct = store.query(f"{PREFIXES} SELECT DISTINCT ?g WHERE {{ ?g a ck:ArmedGroup }}")
    assert select(distinct) == [(KATAIB,)]


def test_bindings_bind_an_iri_and_a_literal(store):
    first, first_graph, second, second_graph = two_articles()
    store.add_article(first, first_graph)
    store.add_article(second, second_graph)
    by_title = store.query(
        f"{PREFIXES} SELECT ?a WHERE {{ ?a dcterms:title ?title }}",
        {"title": Literal("Article a2")},
    )
    assert select(by_title) == [(second,)]
    by_iri = store.query(
        f"{PREFIXES} SELECT ?title WHERE {{ ?a dcterms:title ?title }}", {"a": first}
    )
    assert select(by_iri) == [(Literal("Article a1"),)]
    both = store.query(
        f"{PREFIXES} ASK {{ ?a dcterms:title ?title }}",
        {"a": first, "title": Literal("Article a2")},
    )
    assert both.askAnswer is False


def test_a_malicious_literal_binds_as_a_plain_literal(store):
    iri, graph = article("evil", (EX.thing, EX.says, Literal(MALICIOUS)))
    store.add_article(iri, graph)
    found = store.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal(MALICIOUS)})
    assert select(found) == [(EX.thing,)]
    nothing = store.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("x")})
    assert select(nothing) == []
    assert store.has_article(iri)
    assert store.stats().triples == 3


@pytest.mark.parametrize(
    "bindings",
    [
        {"?a": EX.a},
        {"a ) { ( <x> ) } ; DROP ALL": EX.a},
        {"a": BNode()},
        {"a": "https://example.org/a"},
        {"a": URIRef("https://example.org/> } ; DROP ALL ; <x")},
    ],
)
def test_unsafe_bindings_are_refused(store, bindings):
    iri, graph, _, _ = two_articles()
    store.add_article(iri, graph)
    with pytest.raises(StoreError):
        store.query("SELECT ?a WHERE { ?a ?p ?o }", bindings)
    assert store.stats().triples == 4


def test_query_each_asks_once_for_many_values(store):
    first, first_graph, second, second_graph = two_articles()
    store.add_article(first, first_graph)
    store.add_article(second, second_graph)
    evil, evil_graph = article("evil", (EX.thing, EX.says, Literal(MALICIOUS)))
    store.add_article(evil, evil_graph)
    result = store.query_each(
        f"{PREFIXES} SELECT ?a ?title WHERE {{ ?a dcterms:title ?title }}",
        "a",
        [first, second, EX.nowhere],
    )
    assert sorted(select(result)) == [
        (first, Literal("Article a1")),
        (second, Literal("Article a2")),
    ]
    # The fixed bindings hold in every row; a hostile literal is a value, not SPARQL.
    says = store.query_each(
        "SELECT ?s ?o WHERE { ?s ?p ?o }",
        "o",
        [Literal(MALICIOUS), Literal("x")],
        {"p": EX.says},
    )
    assert select(says) == [(EX.thing, Literal(MALICIOUS))]
    assert store.stats().triples == 10


def test_query_each_with_no_values_has_no_rows(store):
    first, first_graph, _, _ = two_articles()
    store.add_article(first, first_graph)
    assert select(store.query_each("SELECT ?a WHERE { ?a ?p ?o }", "a", [])) == []


@pytest.mark.parametrize(
    ("values", "bindings"),
    [([BNode()], None), ([EX.a], {"a": EX.b}), (["not a term"], None)],
    ids=["blank node", "bound and iterated", "plain string"],
)
def test_query_each_refuses_what_query_refuses(store, values, bindings):
    with pytest.raises(StoreError):
        store.query_each("SELECT ?a WHERE { ?a ?p ?o }", "a", values, bindings)


def test_terms_come_back_in_one_normal_form(store):
    iri, graph = article(
        "terms",
        (EX.a, EX.plain, Literal("plain")),
        (EX.a, EX["string"], Literal("typed", datatype=XSD.string)),
        (EX.a, EX.tagged, Literal("Bagdad", lang="fr-FR")),
        (EX.a, EX["count"], Literal(3)),
        (EX.a, EX.day, Literal("2021-11-07", datatype=XSD.date)),
    )
    store.add_article(iri, graph)
    values = {row[0]: row[1] for row in store.query("SELECT ?p ?o WHERE { ?s ?p ?o }", {"s": EX.a})}
    assert values[EX.plain] == Literal("plain") and values[EX.plain].datatype is None
    assert values[EX["string"]] == Literal("typed") and values[EX["string"]].datatype is None
    assert values[EX.tagged] == Literal("Bagdad", lang="fr-fr")
    assert values[EX["count"]] == Literal(3) and values[EX["count"]].datatype == XSD.integer
    assert values[EX.day] == Literal("2021-11-07", datatype=XSD.date)


def test_bindings_match_stored_terms_in_any_equivalent_form(store):
    iri, graph = article(
        "forms",
        (EX.a, EX.tagged, Literal("Bagdad", lang="fr-FR")),
        (EX.b, EX["string"], Literal("typed")),
    )
    store.add_article(iri, graph)
    tagged = store.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("Bagdad", lang="FR-fr")})
    assert select(tagged) == [(EX.a,)]
    typed = store.query(
        "SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("typed", datatype=XSD.string)}
    )
    assert select(typed) == [(EX.b,)]


def test_construct_returns_a_graph(store):
    iri, graph, _, _ = two_articles()
    store.add_article(iri, graph)
    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": KATAIB})
    assert set(result.graph) == {
        (KATAIB, RDF.type, CK.ArmedGroup),
        (KATAIB, RDFS.label, LABEL),
    }


def test_malformed_sparql_is_an_invalid_query_error(store):
    with pytest.raises(InvalidQueryError):
        store.query("SELEC ?s WHERE { ?s ?p ?o }")
    with pytest.raises(InvalidQueryError):
        store.query("SELECT ?s WHERE { ?s a ck:Article }")  # undeclared prefix
    with pytest.raises(InvalidQueryError):
        store.update("INSERT DATTA { <https://example.org/a> <https://example.org/b> 1 }")


# Export and statistics ---------------------------------------------------------------------


def test_export_trig_round_trips(store):
    first, first_graph, second, second_graph = two_articles()
    store.add_article(first, first_graph)
    store.add_article(second, second_graph)
    for fmt in ("trig", "nquads"):
        dataset = Dataset()
        dataset.parse(data=store.export(fmt), format=fmt)
        quads = [quad for quad in dataset.quads() if quad[3] in (first, second)]
        assert len(quads) == 7, fmt
        assert isomorphic(dataset.graph(first), first_graph), fmt
        assert isomorphic(dataset.graph(second), second_graph), fmt


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_export_triple_formats_hold_the_union(store, fmt):
    first, first_graph, second, second_graph = two_articles()
    store.add_article(first, first_graph)
    store.add_article(second, second_graph)
    union = Graph().parse(data=store.export(fmt), format=fmt)
    assert set(union) == set(first_graph) | set(second_graph)
    assert len(union) == 6


def test_export_refuses_unknown_formats(store):
    assert EXPORT_FORMATS == ("trig", "nquads", "turtle", "nt", "json-ld")
    with pytest.raises(StoreError, match="trig"):
        store.export("graphml")


def test_stats_follow_every_kind_of_write(store):
    first, first_graph, second, second_graph = two_articles()
    store.add_article(first, first_graph)
    assert (store.stats().articles, store.stats().triples) == (1, 4)
    store.add_article(second, second_graph)
    assert (store.stats().articles, store.stats().triples) == (2, 7)
    store.update(f"INSERT DATA {{ GRAPH <{second}> {{ <{EX.a}> <{EX.b}> <{EX.c}> }} }}")
    assert store.stats().triples == 8
    store.remove_article(first)
    assert (store.stats().articles, store.stats().triples) == (1, 4)


def test_stats_count_entities_and_events_by_type(store, ontology_event_classes):
    person_a, person_b = entity_iri("Mustafa al-Kadhimi"), entity_iri("Ahmed Mulla Talal")
    bombing_1, bombing_2, protest = (
        incident_iri("s1", 1),
        incident_iri("s2", 1),
        incident_iri("s1", 2),
    )
    first, first_graph = article(
        "s1",
        (person_a, RDF.type, CK.Person),
        (person_b, RDF.type, CK.Person),
        (KATAIB, RDF.type, CK.ArmedGroup),
        (BAGHDAD, RDF.type, CK.Place),
        (bombing_1, RDF.type, CK.Bombing),
        (bombing_1, RDF.type, SEM.Event),
        (protest, RDF.type, CK.Protest),
    )
    second, second_graph = article(
        "s2",
        (person_a, RDF.type, CK.Person),  # the same person, reported again
        (bombing_2, RDF.type, CK.Bombing),
    )
    store.add_article(first, first_graph)
    store.add_article(second, second_graph)
    stats = store.stats()
    assert stats.articles == 2
    assert stats.triples == 13
    assert stats.entities_by_type == {
        "Person": 2,
        "ArmedGroup": 1,
        "StateForce": 0,
        "Government": 0,
        "State": 0,
        "Organization": 0,
        "CommunalGroup": 0,
        "Place": 1,
    }
    names = {str(cls).removeprefix(str(CK)) for cls in ontology_event_classes}
    assert set(stats.events_by_type) == names
    assert {"Event", "Bombing", "Protest"} <= names and "Person" not in names
    assert stats.events_by_type["Bombing"] == 2
    assert stats.events_by_type["Protest"] == 1
    assert sum(stats.events_by_type.values()) == 3  # sem:Event is not ours; no inference


# Lifecycle ---------------------------------------------------------------------------------


def test_a_closed_store_refuses_work(store_url):
    store = open_store(store_url)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.query("ASK { ?s ?p ?o }")
    with pytest.raises(StoreError, match="closed"):
        store.add_article(*article("late"))


def test_oxigraph_data_persists_after_reopening(tmp_path):
    url = f"oxigraph:{tmp_path / 'store'}"
    iri, graph, _, _ = two_articles()
    with open_store(url) as store:
        assert store.add_article(iri, graph)
    with open_store(url) as store:
        assert store.has_article(iri)
        assert store.article_graphs() == [iri]
        assert store.stats().triples == 4


def test_oxigraph_directory_open_twice_in_one_process(tmp_path):
    url = f"oxigraph:{tmp_path / 'store'}"
    with open_store(url):
        with pytest.raises(StoreError, match="already open in this process"):
            open_store(url)
    with open_store(url) as again:
        assert again.stats().triples == 0


def test_oxigraph_directory_held_by_another_process(tmp_path):
    location = tmp_path / "store"
    program = textwrap.dedent(
        f"""
        import sys
        from conflict_kg.graph.store import StoreError, open_store
        try:
            open_store({f"oxigraph:{location}"!r})
        except StoreError as error:
            print(error)
            sys.exit(3)
        """
    )
    with open_store(f"oxigraph:{location}"):
        done = subprocess.run(
            [sys.executable, "-c", program], cwd=PROJECT, capture_output=True, text=True, timeout=60
        )
    assert done.returncode == 3, done.stderr
    assert done.stdout.strip() == (
        f"store {location} is in use by another process; stop the server or use a different --store"
    )


# Store URLs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "no scheme"),
        ("./data/store", "no scheme"),
        ("postgres://localhost/kg", "unknown store URL"),
        ("oxigraph:", "names no directory"),
        ("memory:/tmp/kg", "takes no path"),
        ("sparql:", "not an http"),
        ("sparql:ftp://example.org/query", "not an http"),
        ("sparql:http://example.org/query|", "not an http"),
    ],
)
def test_bad_store_urls(url, message):
    with pytest.raises(StoreError, match=message) as raised:
        open_store(url)
    if "scheme" in message or "unknown" in message:
        for form in ("oxigraph:PATH", "memory:", "sparql:QUERY_URL", "QUERY_URL|UPDATE_URL"):
            assert form in str(raised.value)


def test_remote_store_without_update_url_is_read_only():
    store = open_store("sparql:http://127.0.0.1:9/sparql")
    assert store.writable is False
    with pytest.raises(StoreError, match="read-only remote store"):
        store.add_article(*article("ro"))
    with pytest.raises(StoreError, match="read-only remote store"):
        store.update("DROP ALL")
    with pytest.raises(StoreError, match="read-only remote store"):
        store.remove_article(article_iri("ro"))


def test_remote_update_url_is_guessed_from_a_query_url(oxigraph_server):
    store = open_store(f"sparql:{oxigraph_server}/query")
    assert store.writable is True
    store.update("DROP ALL")
    iri, graph, _, _ = two_articles()
    assert store.add_article(iri, graph)
    assert store.article_graphs() == [iri]
    store.update("DROP ALL")


def test_unreachable_remote_store_is_a_store_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store = open_store(f"sparql:http://127.0.0.1:{port}/query")
    with pytest.raises(StoreError, match="cannot reach SPARQL endpoint"):
        store.query("ASK { ?s ?p ?o }")


# Protocol options: dataset, row cap, deadline ----------------------------------------------


def test_default_graph_uri_restricts_the_default_graph(store):
    first, first_graph, second, second_graph = two_articles()
    store.add_article(first, first_graph)
    store.add_article(second, second_graph)
    only_second = QueryOptions(default_graphs=(second,))
    rows = select(
        store.query(f"{PREFIXES} SELECT ?a WHERE {{ ?a a ck:Article }}", options=only_second)
    )
    assert rows == [(second,)]


def test_named_graph_uri_limits_graph_patterns(store):
    first, first_graph, second, second_graph = two_articles()
    store.add_article(first, first_graph)
    store.add_article(second, second_graph)
    options = QueryOptions(default_graphs=(), named_graphs=(first,))
    rows = select(
        store.query(
            f"{PREFIXES} SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", options=options
        )
    )
    assert rows == [(first,)]


def test_row_cap_reads_one_row_past_the_cap(store):
    first, first_graph, second, second_graph = two_articles()
    store.add_article(first, first_graph)
    store.add_article(second, second_graph)
    result = store.query(
        f"{PREFIXES} SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }}", options=QueryOptions(max_rows=2)
    )
    assert len(list(result)) == 3


def test_a_passed_deadline_stops_the_query(store):
    first, first_graph, *_ = two_articles()
    store.add_article(first, first_graph)
    with pytest.raises(QueryTimeoutError):
        store.query(
            f"{PREFIXES} SELECT ?s WHERE {{ ?s ?p ?o }}",
            options=QueryOptions(deadline=time.monotonic() - 1),
        )


def test_oxigraph_deadline_kills_the_worker_running_an_aggregate(tmp_path):
    """An aggregate computes before its first row; only killing its process stops it."""
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        first, first_graph, second, second_graph = two_articles()
        for n in range(300):
            first_graph.add((EX[f"s{n}"], EX.p, Literal(n)))
        store.add_article(first, first_graph)
        quick = store.query(
            f"{PREFIXES} SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }}",
            options=QueryOptions(deadline=time.monotonic() + 30),
        )
        assert int(next(iter(quick))[0]) == 304 + 1  # the article's ingest stamp
        (pid,) = store._workers.pids
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        with pytest.raises(QueryTimeoutError):
            store.query(heavy, options=QueryOptions(deadline=time.monotonic() + 0.5))
        assert not Path(f"/proc/{pid}").exists(), "the worker that ran the query was killed"
        store.add_article(second, second_graph)
        after = store.query(
            f"{PREFIXES} SELECT ?a WHERE {{ ?a a ck:Article }}",
            options=QueryOptions(deadline=time.monotonic() + 30),
        )
        assert select(after) == [(first,), (second,)], "a write is visible to the next query"
        assert len(store._workers.pids) == 1 and store._workers.pids != [pid]


def test_replace_graph_leaves_exactly_the_new_triples(store: Store) -> None:
    derived = URIRef("https://w3id.org/conflict-kg/id/graph/derived-test")
    a, b, c = (URIRef(f"https://example.org/{n}") for n in "abc")

    def graph(*objects: URIRef | Literal) -> Graph:
        g = Graph()
        for o in objects:
            g.add((a, RDFS.seeAlso, o))
        return g

    store.replace_graph(derived, graph(b, c, Literal('café "quoted"\n')))
    assert set(store.article_graph(derived)) == set(graph(b, c, Literal('café "quoted"\n')))
    store.replace_graph(derived, graph(c, Literal("new")))  # one kept, two gone, one new
    assert set(store.article_graph(derived)) == {
        (a, RDFS.seeAlso, c),
        (a, RDFS.seeAlso, Literal("new")),
    }
    assert store.article_graphs() == []  # a derived graph is no article
    store.replace_graph(derived, Graph())
    assert len(store.article_graph(derived)) == 0
