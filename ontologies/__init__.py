"""Vocabulary shared by `extract` and `graph`: namespaces, the ontology files and IRI minting.

Both packages depend on this module and on nothing of each other, so every IRI scheme lives
here once: an extractor and a query that disagree about where an actor lives would silently
return nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "CK",
    "CKET",
    "CKID",
    "DCTERMS",
    "GEO",
    "ONTOLOGY_DIR",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "RESOLUTION_GRAPH",
    "SEM",
    "SKOS",
    "XSD",
    "article_iri",
    "bind_prefixes",
    "claim_iri",
    "entity_iri",
    "incident_iri",
    "load_ontology",
    "load_shapes",
    "local_id",
    "mention_iri",
    "nonspecific_iri",
    "slugify",
    "weapon_iri",
]

CK = Namespace("https://w3id.org/conflict-kg/ontology#")
CKET = Namespace("https://w3id.org/conflict-kg/event-types#")
CKID = Namespace("https://w3id.org/conflict-kg/id/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_FILES = ("conflict.ttl", "event-types.ttl")
SHAPES_FILE = "shapes.ttl"

PREFIXES: dict[str, Namespace] = {
    "ck": CK,
    "cket": CKET,
    "ckid": CKID,
    "sem": SEM,
    "geo": GEO,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "owl": OWL,
    "xsd": XSD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind our prefixes so serialised Turtle reads like the ontology, and return the graph."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def slugify(name: str) -> str:
    """Turn a canonical name into a stable, URL-safe IRI segment.

    Accents and apostrophes are dropped ("Kata'ib" -> "kataib") so that transliteration
    variants that differ only by them land on the same identifier.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘`ʿʾ]", "", text.lower())
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "unnamed"


RESOLUTION_GRAPH = CKID["graph/resolution"]
"""The named graph `graph.resolve` derives from the article graphs: canonical incidents and
actors. It holds no ck:Article, so it is never listed, counted or removed as one."""


def article_iri(sha256: str) -> URIRef:
    """The article's IRI, also the IRI of its named graph: its identity is its text's hash."""
    return CKID[f"article/{sha256}"]


def entity_iri(name: str) -> URIRef:
    """Actors and places share one id space so `/entities/{id}` needs no type in the URL."""
    return CKID[f"entity/{slugify(name)}"]


def weapon_iri(name: str) -> URIRef:
    """Weapon concepts (drone, IED, rocket) are instruments, not actors."""
    return CKID[f"weapon/{slugify(name)}"]


def incident_iri(sha256: str, number: int) -> URIRef:
    """An event as reported by one article; cross-article resolution links these later."""
    return CKID[f"incident/{sha256[:12]}-{number}"]


def claim_iri(sha256: str, number: int) -> URIRef:
    return CKID[f"claim/{sha256[:12]}-{number}"]


def mention_iri(sha256: str, number: int) -> URIRef:
    """A telling of an event in one article, numbered over the article's events in order."""
    return CKID[f"mention/{sha256[:12]}-{number}"]


def nonspecific_iri(sha256: str, number: int) -> URIRef:
    """Event words of one article that tell no specific incident, numbered in text order."""
    return CKID[f"nonspecific/{sha256[:12]}-{number}"]


def local_id(iri: str) -> str:
    """The last path segment of one of our IRIs: the id used in HTTP URLs."""
    return str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


@cache
def _load(names: tuple[str, ...]) -> Graph:
    graph = bind_prefixes(Graph())
    for name in names:
        graph.parse(ONTOLOGY_DIR / name, format="turtle")
    return graph


def load_ontology() -> Graph:
    """The OWL ontology and the SKOS event-type scheme, parsed once per process.

    Callers must not mutate the returned graph: it is shared.
    """
    return _load(ONTOLOGY_FILES)


def load_shapes() -> Graph:
    """The SHACL shapes that every article graph must satisfy (shared, do not mutate)."""
    return _load((SHAPES_FILE,))
