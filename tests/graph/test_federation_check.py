"""`graph.federation` below the HTTP layer: the origin rule, the parse-tree reading, the
two lexical tricks it closes (shown to reach a real listener through Oxigraph itself), and
the in-memory store that never fetches a graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from listener import ANSWER, Listener, listening
from rdflib import URIRef

from conflict_kg.graph.errors import InvalidQueryError
from conflict_kg.graph.store import Store, open_store
from conflict_kg.graph.store.federation import (
    MAX_READ_CHARS,
    Reach,
    RemoteAccessRefused,
    check_query,
    check_update,
    origin_of,
    parse_origins,
)

HELD = URIRef("https://example.org/held-graph")


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with listening() as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh_listener(listener: Listener) -> None:
    listener.clear()


@pytest.fixture(params=["oxigraph", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = f"oxigraph:{tmp_path / 'store'}" if request.param == "oxigraph" else "memory:"
    with open_store(url) as opened:
        opened.update(f"INSERT DATA {{ GRAPH <{HELD}> {{ <urn:a> <urn:b> <urn:c> }} }}")
        yield opened


def test_origins_are_normalised_and_checked() -> None:
    assert parse_origins(" https://Query.Wikidata.org/ , http://127.0.0.1:8890,,HTTP://h:80") == (
        "https://query.wikidata.org",
        "http://127.0.0.1:8890",
        "http://h",
    )
    assert parse_origins("") == ()
    for bad in ("ftp://h", "https://h/sparql", "https://u@h", "h:8890", "https://h?x=1"):
        with pytest.raises(ValueError, match="CONFLICT_KG_FEDERATION_ORIGINS"):
            parse_origins(bad)


def test_an_iri_s_origin_is_where_a_client_would_connect() -> None:
    assert origin_of("https://query.wikidata.org:443/sparql?x=1") == "https://query.wikidata.org"
    assert origin_of("http://[::1]:8890/q") == "http://[::1]:8890"
    assert origin_of("http://allowed.org@127.0.0.1:22/") is None  # goes to 127.0.0.1
    assert origin_of("http://h:99999/") is None
    assert origin_of("file:///etc/passwd") is None
    assert origin_of("relative") is None


def test_the_reach_is_read_from_the_algebra(store: Store) -> None:
    query = (
        "PREFIX in: <http://h:1/> BASE <http://h:2/> SELECT * WHERE { "
        "SERVICE in:a { ?s ?p ?o } OPTIONAL { SERVICE SILENT <b> {} } "
        "FILTER EXISTS { SERVICE ?e {} } }"
    )
    allowed = check_query(
        query.replace("SERVICE ?e", "SERVICE <c>"), store, ["http://h:1", "http://h:2"]
    )
    # Prefixed names and BASE resolved; the FILTER's pattern comes first in the algebra.
    assert sorted(allowed.services) == [
        URIRef("http://h:1/a"),
        URIRef("http://h:2/b"),
        URIRef("http://h:2/c"),
    ]
    assert allowed.connects
    with pytest.raises(RemoteAccessRefused, match=r"^SERVICE <http://h:2/c> is refused"):
        check_query(query.replace("SERVICE ?e", "SERVICE <c>"), store, ["http://h:1"])
    with pytest.raises(RemoteAccessRefused, match=r"^SERVICE \?e is refused"):
        check_query(query, store, ["http://h:1", "http://h:2"])
    text_only = check_query(
        'SELECT * WHERE { BIND("SERVICE <http://h:1/>" AS ?x) } # FROM <x>', store, ()
    )
    assert not text_only.connects and text_only.graphs == ()


def test_dataset_clauses_must_name_the_store_s_own_graphs(store: Store) -> None:
    reach = check_query(
        f"SELECT * FROM <{HELD}> FROM NAMED <urn:none> WHERE {{ ?s ?p ?o }}", store, ()
    )
    assert reach.graphs == (("FROM", HELD), ("FROM NAMED", URIRef("urn:none")))
    assert not reach.connects
    for construct, query in (
        ("FROM", "SELECT * FROM <http://127.0.0.1:1/g> WHERE { ?s ?p ?o }"),
        ("FROM NAMED", "SELECT * FROM NAMED <ftp://h/g> WHERE { ?s ?p ?o }"),
    ):
        with pytest.raises(RemoteAccessRefused) as refused:
            check_query(query, store, ["http://127.0.0.1:1"])  # an allowed origin is no exception
        assert refused.value.construct == construct
    with pytest.raises(RemoteAccessRefused, match=r"^default-graph-uri <http://h/g> is refused"):
        check_query("SELECT * WHERE { ?s ?p ?o }", store, (), default_graphs=[URIRef("http://h/g")])
    with pytest.raises(RemoteAccessRefused, match=r"^USING NAMED <http://h/n> is refused"):
        check_update(
            "INSERT { GRAPH <urn:x> { ?s ?p ?o } } USING NAMED <http://h/n> WHERE { ?s ?p ?o }",
            store,
            (),
        )


def test_load_obeys_the_origins(store: Store) -> None:
    with pytest.raises(
        RemoteAccessRefused, match=r"^LOAD <http://h:1/d\.nt> is refused: this service"
    ):
        check_update("LOAD <http://h:1/d.nt> INTO GRAPH <urn:g>", store, ())
    assert check_update("LOAD <http://h:1/d.nt>", store, ["http://h:1"]).loads == (
        URIRef("http://h:1/d.nt"),
    )


@pytest.mark.parametrize(
    "query",
    [
        # Oxigraph expands \u only inside strings and IRIs, rdflib everywhere: rdflib reads
        # a long string from "x" to "y", Oxigraph two short strings around a SERVICE.
        'SELECT * WHERE {\nVALUES ?v { "x\\u0022 \\u0022\\u0022\\u0022" }\n'
        "SERVICE <L/> { ?s ?p ?o }\n"
        'VALUES ?w { "\\u0022\\u0022\\u0022y" }\n}',
        # Oxigraph ends a comment at CR, rdflib's grammar only at LF.
        "SELECT * WHERE { # note\rSERVICE <L/> { ?s ?p ?o }\n}",
    ],
    ids=["escaped-quote", "comment-ended-by-cr"],
)
def test_tricks_that_hide_a_service_from_rdflib_are_closed(
    store: Store, listener: Listener, query: str
) -> None:
    query = query.replace("L/", f"{listener.origin}/")
    with pytest.raises(RemoteAccessRefused):
        check_query(query, store, ())
    assert listener.connections == []
    # Why the check exists: Oxigraph itself runs the hidden SERVICE.
    answer = ox.Store().query(query)
    assert isinstance(answer, ox.QuerySolutions)
    assert [row["s"] for row in answer] == [ox.NamedNode(ANSWER)]
    assert listener.requests == ["POST /"]


def test_escapes_of_letters_and_non_ascii_characters_are_fine(store: Store) -> None:
    check_query('SELECT * WHERE { BIND("caf\\u00e9 \\U0001F600 \\u0041" AS ?x) }', store, ())
    for escape in ("\\u003C", "\\u000A", "\\u0000ABCD", "\\uD800", "\\u12", "\\U0041"):
        with pytest.raises(RemoteAccessRefused, match=r"^Unicode escape"):
            check_query(f'SELECT * WHERE {{ BIND("{escape}" AS ?x) }}', store, ())


def test_unreadable_text_goes_to_the_store_only_when_it_cannot_fetch(
    store: Store, tmp_path: Path
) -> None:
    lateral = "SELECT * WHERE { ?s ?p ?o LATERAL { SELECT * WHERE { ?s ?p ?x } LIMIT 1 } }"
    assert check_query(lateral, store, ()).services == ()
    with pytest.raises(InvalidQueryError, match="mentions SERVICE or FROM"):
        check_query(lateral.replace("LIMIT 1", "") + " # from", store, ())
    remote = open_store("sparql:http://127.0.0.1:1/query")  # never contacted: refused unread
    with pytest.raises(
        InvalidQueryError, match="a remote store is sent only what this check reads"
    ):
        check_query(lateral, remote, ())


def test_the_memory_store_never_fetches_a_graph(listener: Listener) -> None:
    """Below the check: rdflib would parse a FROM graph it lacks from the web, and LOAD."""
    with open_store("memory:") as store:
        rows = store.query(f"SELECT * FROM <{listener.origin}/g> WHERE {{ ?s ?p ?o }}")
        assert list(rows) == []
        with pytest.raises(RemoteAccessRefused, match=r"^LOAD"):
            store.update(f"LOAD <{listener.origin}/data.nt>")
    assert listener.connections == []


def test_a_long_text_is_read_only_up_to_the_limit(store: Store) -> None:
    items = " ".join(f"<urn:item:{i}>" for i in range(20_000))  # about 370 KiB
    long = f"SELECT * WHERE {{ VALUES ?s {{ {items} }} ?s ?p ?o }}"
    assert len(long) > MAX_READ_CHARS
    assert check_query(long, store, ()) == Reach()  # names nothing: not parsed at all
    with pytest.raises(InvalidQueryError, match=r"KiB read at most, and the text mentions"):
        check_query(long.replace("WHERE", "FROM <urn:g> WHERE"), store, ())
