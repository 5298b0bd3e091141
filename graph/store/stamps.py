"""When each article was stored: its ingest stamp.

An article's own named graph is a function of its text (the same text gives the same
triples, whoever extracts it and when), so the time it was written is kept beside it: one
`<article> ck:ingestedAt "...Z"^^xsd:dateTime` per article in the graph `INGEST_GRAPH`,
written by `Store.add_article(s)` in the same transaction as the article itself and taken
out with it by `remove_article`. `INGEST_GRAPH` holds no `ck:Article`, so nothing that lists
or counts articles sees it; `stats()` leaves its quads out of `triples`.

An interrupted bulk load that the embedded store undoes on opening takes its articles'
stamps out too. The last ingest (`store_last_ingest.rq`) is the latest stamp, whether or not
its article was later dropped by hand with SPARQL Update: it was ingested then.

`FACTS_GRAPH` is the other bookkeeping graph: what the articles say of each entity, summed,
kept by incremental resolution (`graph.resolve.stored`). Both are kept out of exports and
of `stats()` the same way (`BOOKKEEPING_GRAPHS`, `store_quads.rq`, `store_union_triples.rq`,
`store_count_bookkeeping_quads.rq`) and hold no `ck:Article` and no `rdf:type`, so nothing that
lists or counts articles or entities sees them.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pyoxigraph as ox
from rdflib import URIRef

from conflict_kg.graph.store.terms import to_ox_iri
from conflict_kg.ontologies import CK, CKID, XSD

__all__ = [
    "BOOKKEEPING_GRAPHS",
    "FACTS_GRAPH",
    "INGESTED_AT",
    "INGEST_GRAPH",
    "ingest_time",
    "stamp",
    "unstamp",
]

INGEST_GRAPH = CKID["graph/ingest"]
"""The named graph of the ingest stamps; never an article's graph."""
INGESTED_AT = CK.ingestedAt
FACTS_GRAPH = CKID["graph/entity-facts"]
"""The summed entity facts of incremental resolution; never an article's graph."""
BOOKKEEPING_GRAPHS = (INGEST_GRAPH, FACTS_GRAPH)
"""Graphs that say how the store is kept, not what its articles say: out of exports."""

_GRAPH = ox.NamedNode(str(INGEST_GRAPH))
_PREDICATE = ox.NamedNode(str(INGESTED_AT))
_DATETIME = ox.NamedNode(str(XSD.dateTime))


def ingest_time() -> datetime:
    """Now, in UTC, to the second: the stamp of the articles one transaction writes."""
    return datetime.now(UTC).replace(microsecond=0)


def stamp(graph_iri: URIRef, when: datetime) -> ox.Quad:
    """The quad that says article `graph_iri` was stored at `when` (an aware datetime)."""
    lexical = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    at = ox.Literal(lexical, datatype=_DATETIME)
    return ox.Quad(to_ox_iri(graph_iri), _PREDICATE, at, _GRAPH)


def unstamp(graph_iri: URIRef) -> str:
    """The update that takes article `graph_iri`'s stamps out (the IRI written by `n3()`,
    already checked by the caller)."""
    return (
        f"DELETE WHERE {{ GRAPH {INGEST_GRAPH.n3()} "
        f"{{ {graph_iri.n3()} {INGESTED_AT.n3()} ?at }} }}"
    )
