"""Conversion between rdflib terms and pyoxigraph terms.

Every backend sends an article's triples through `article_quads` before writing: pyoxigraph's
term constructors are strict (IRIs must be absolute and well formed, language tags valid,
blank node ids well formed), so a graph that one backend would reject is rejected by all of
them, before anything is written. Converting back with `from_ox` also gives every backend
the same normal form (language tags lower-cased, `xsd:string` literals returned as plain
literals, exactly as a SPARQL endpoint's result documents carry them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import Graph
from rdflib.namespace import XSD
from rdflib.term import Node

from conflict_kg.graph.errors import StoreError

__all__ = [
    "ArticleQuads",
    "OxObject",
    "OxSubject",
    "article_quads",
    "as_quads",
    "checked_nquads",
    "from_ox",
    "from_ox_triple",
    "to_ox",
    "to_ox_iri",
]

OxSubject = ox.NamedNode | ox.BlankNode
OxObject = ox.NamedNode | ox.BlankNode | ox.Literal

ArticleQuads = Sequence[ox.Quad] | bytes
"""An article's quads as written: pyoxigraph quads, or the N-Quads bytes `ox.serialize` makes
of them (what a Dask worker sends: the embedded store loads them without a Python object per
quad)."""

_XSD_STRING = str(XSD.string)


def to_ox_iri(iri: URIRef) -> ox.NamedNode:
    """A pyoxigraph IRI; `StoreError` if it is relative or malformed."""
    try:
        return ox.NamedNode(str(iri))
    except ValueError as error:
        raise StoreError(f"invalid IRI <{iri}>: {error}") from error


def to_ox(node: Node) -> OxObject:
    """The pyoxigraph term for an rdflib IRI, blank node or literal.

    Raises `StoreError` naming the offending term for anything an RDF store cannot hold
    (relative or malformed IRIs, bad language tags, variables, formulae).
    """
    try:
        if isinstance(node, URIRef):
            return ox.NamedNode(str(node))
        if isinstance(node, BNode):
            return ox.BlankNode(str(node))
        if isinstance(node, Literal):
            if node.language:
                return ox.Literal(str(node), language=node.language)
            if node.datatype is not None:
                return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
            return ox.Literal(str(node))
    except ValueError as error:
        raise StoreError(f"cannot store the term {node!r}: {error}") from error
    raise StoreError(f"cannot store the term {node!r}: not an IRI, blank node or literal")


def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """The rdflib term for a pyoxigraph term, in the form SPARQL result documents use."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"unsupported term from the store: {term!r} (RDF-star is not used here)")


def from_ox_triple(quad: ox.Quad | ox.Triple) -> tuple[Node, Node, Node]:
    """The rdflib (subject, predicate, object) of a pyoxigraph quad or triple."""
    return from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)


def article_quads(
    graph_iri: URIRef, graph: Graph | Iterable[tuple[Node, Node, Node]]
) -> list[ox.Quad]:
    """All triples of `graph` (an rdflib graph or plain triples), placed in the named graph
    `graph_iri`, validated.

    The whole graph is read before the caller writes anything: an error while iterating it
    (or a term no store can hold) surfaces here, so no backend ever sees half an article.
    """
    name = to_ox_iri(graph_iri)
    quads = []
    for subject, predicate, obj in graph:
        ox_subject = to_ox(subject)
        ox_predicate = to_ox(predicate)
        if isinstance(ox_subject, ox.Literal):
            raise StoreError(f"a literal cannot be a subject: {subject!r}")
        if not isinstance(ox_predicate, ox.NamedNode):
            raise StoreError(f"a predicate must be an IRI: {predicate!r}")
        quads.append(ox.Quad(ox_subject, ox_predicate, to_ox(obj), name))
    return quads


def insert_data(graph_iri: URIRef, quads: Iterable[ox.Quad], verb: str = "INSERT") -> str:
    """An `INSERT DATA` (or `DELETE DATA`) of validated quads, each in its own named graph
    (`graph_iri` for a quad in the default graph): an article's, and its ingest stamp's.
    Each term written by rdflib's `n3()`, which escapes literals and refuses nothing
    `article_quads` let through."""
    graphs: dict[URIRef, list[str]] = {graph_iri: []}
    for quad in quads:
        name = quad.graph_name
        iri = URIRef(name.value) if isinstance(name, ox.NamedNode) else graph_iri
        s, p, o = from_ox_triple(quad)
        graphs.setdefault(iri, []).append(f"{s.n3()} {p.n3()} {o.n3()} .")
    blocks = " ".join(
        f"GRAPH {iri.n3()} {{\n" + "\n".join(lines) + "\n}"
        for iri, lines in graphs.items()
        if lines
    )
    return f"{verb} DATA {{ {blocks or f'GRAPH {graph_iri.n3()} {{ }}'} }}"


def checked_nquads(graph_iri: URIRef, data: bytes) -> int:
    """How many quads the N-Quads `data` hold, once checked to be all in graph `graph_iri`.

    Without parsing them: in N-Quads as pyoxigraph writes them a statement is one line
    ending in `<graph> .` (a literal's line breaks are escaped), so every line must end in
    this graph's name. A statement that is not well formed otherwise fails when the store
    parses it (the embedded one, as it loads: see `OxigraphStore._insert_many`)."""
    suffix = f" <{graph_iri}> .\n".encode()
    lines = data.count(b"\n")
    if not data.endswith(b"\n") or data.count(suffix) != lines:
        raise StoreError(f"a quad of article <{graph_iri}> is outside its graph")
    return lines


def as_quads(quads: ArticleQuads) -> list[ox.Quad]:
    """An article's quads as pyoxigraph quads, parsed first when they came as N-Quads
    (for a backend that writes them one by one); `StoreError` if they do not parse."""
    if not isinstance(quads, bytes):
        return list(quads)
    try:
        return list(ox.parse(quads, format=ox.RdfFormat.N_QUADS))
    except SyntaxError as error:
        raise StoreError(f"invalid N-Quads for an article: {error}") from error
