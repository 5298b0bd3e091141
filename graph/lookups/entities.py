"""Entity lookups: the list of actors and places, one entity with its relations and
incidents, and the subgraph around it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node as Term

from conflict_kg.graph.lookups.incidents import Resolved, resolved
from conflict_kg.graph.lookups.model import (
    AliasSeen,
    Edge,
    EntityDetail,
    EntityIncident,
    EntitySummary,
    Node,
    Page,
    Relation,
    Subgraph,
)
from conflict_kg.graph.lookups.names import other_names, search_entities
from conflict_kg.graph.lookups.places import gazetteer_country, place_names
from conflict_kg.graph.lookups.rows import ClaimRow, claims, select
from conflict_kg.graph.store import Store
from conflict_kg.graph.vocabulary import (
    RELATIONS,
    actor_roles,
    event_span,
    fold,
    id_iri,
    is_event_class,
    node_kind,
    pick_name,
    primary_type,
    role_rank,
)
from conflict_kg.ontologies import CK, CKID, local_id

__all__ = ["get_entity", "list_entities", "neighbors"]

DEFAULT_MAX_NODES = 1000


def list_entities(
    store: Store,
    type: str | None = None,
    q: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[EntitySummary]:
    """Actors and places, by name. `type` is a class local name and matches its subclasses
    too (`Actor` matches every actor; `Place` matches states that are places); `q` matches
    a part of the id, the name or an alias, ignoring case, accents and apostrophes. Each
    actor is listed once, under its canonical id, whatever spellings articles used. Read
    from the index kept per write generation (`graph.lookups.names`)."""
    return search_entities(store, type, q, limit, offset)


def get_entity(store: Store, id: str) -> EntityDetail | None:
    """One actor or place with its names, relations (both directions, with evidence), the
    incidents it has a role in and the articles that mention it; None if no article does.

    An actor that resolution grouped with spellings from other articles is shown once,
    under its canonical id, whichever spelling's id was asked for, with every name and the
    articles that used it."""
    asked = id_iri("entity", id)
    group = select(store, "actor_group", actor=asked)
    canonical = group[0]["canonical"] if group else asked
    assert isinstance(canonical, URIRef)
    spellings = sorted({canonical, *(row["member"] for row in group)}, key=str)
    properties: dict[Term, set[Term]] = defaultdict(set)
    own_names: set[str] = set()
    outgoing: list[ClaimRow] = []
    incoming: list[ClaimRow] = []
    seen: dict[str, set[str]] = defaultdict(set)
    for spelling in spellings:
        assert isinstance(spelling, URIRef)
        for row in select(store, "node_properties", node=spelling):
            properties[row["property"]].add(row["value"])
            if spelling == canonical and row["property"] == RDFS.label:
                own_names.add(str(row["value"]))
        outgoing += claims(store, spelling, "out")
        incoming += claims(store, spelling, "in")
        for row in select(store, "entity_names", entity=spelling):
            seen[str(row["name"])].add(local_id(str(row["article"])))
    if not properties[CK.mentionedIn]:
        return None
    identifier = local_id(str(canonical))
    names = {str(n) for n in properties[RDFS.label]}
    name = pick_name(own_names or names, identifier)
    relations = [
        Relation(
            predicate=claim.predicate,
            direction=claim.direction,
            other=claim.other_ref,
            certainty=claim.certainty,
            source=claim.source,
            evidence=claim.evidence,
        )
        for claim in sorted((*outgoing, *incoming), key=lambda c: c.order)
        if claim.predicate in RELATIONS and not _is_incident(claim)
    ]
    relations.sort(
        key=lambda r: (RELATIONS.index(r.predicate), r.direction != "out", fold(r.other.name))
    )
    return EntityDetail(
        id=identifier,
        iri=str(canonical),
        name=name,
        type=primary_type(properties[RDF.type]),
        aliases=other_names(names, {str(a) for a in properties[SKOS.altLabel]}, name),
        acled_category=min((str(v) for v in properties[CK.acledActorCategory]), default=None),
        country=_country(properties, names),
        relations=tuple(relations),
        incidents=_entity_incidents(sorted(incoming, key=lambda c: c.order)),
        articles=tuple(sorted(local_id(str(a)) for a in properties[CK.mentionedIn])),
        names_seen=tuple(
            AliasSeen(n, tuple(sorted(seen[n]))) for n in sorted(seen, key=lambda n: (fold(n), n))
        ),
        same_as=tuple(local_id(str(s)) for s in spellings if s != canonical),
    )


def _country(properties: Mapping[Term, set[Term]], names: Iterable[str]) -> str | None:
    """The country the graph states; for a place that has none, the gazetteer's (the
    country a city lies in, a country's own id), as the `place` filters read it."""
    stated = min((local_id(str(v)) for v in properties[CK.country]), default=None)
    if stated is not None or CK.Place not in properties[RDF.type]:
        return stated
    return gazetteer_country(place_names(names, (str(a) for a in properties[SKOS.altLabel])))


def _is_incident(claim: ClaimRow) -> bool:
    return any(is_event_class(c) for c in claim.other_classes)


def _entity_incidents(incoming: Iterable[ClaimRow]) -> tuple[EntityIncident, ...]:
    """Each (incident, role, certainty, source) once: newest incident first."""
    roles = {*actor_roles(), "place"}
    seen: dict[tuple[str, str, str, str | None], tuple[tuple[int, str], EntityIncident]] = {}
    for claim in incoming:
        if claim.predicate not in roles or not _is_incident(claim):
            continue
        key = (claim.other_id, claim.predicate, claim.certainty, claim.source)
        if key in seen:
            continue
        span = event_span(claim.other_date, claim.other_precision)
        seen[key] = (
            (-(span[0].toordinal() if span else 0), claim.other_id),
            EntityIncident(
                id=claim.other_id,
                type=primary_type(claim.other_classes),
                acled=claim.other_acled,
                date=claim.other_date,
                role=claim.predicate,
                certainty=claim.certainty,
                source=claim.source,
                incident=claim.other_incident,
            ),
        )
    ordered = sorted(seen.values(), key=lambda pair: (pair[0], role_rank(pair[1].role)))
    return tuple(incident for _, incident in ordered)


def neighbors(
    store: Store,
    id: str,
    depth: int = 1,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Subgraph | None:
    """The nodes within `depth` hops of an entity over role claims (incident -> actor, place,
    weapon) and relation claims (actor -> actor or position), followed in both directions,
    denied claims included (each edge carries its certainty). Edges are those found while
    expanding the nodes closer than `depth`. The walk stops adding nodes at `max_nodes` and
    says so in `truncated`. None when the entity is unknown."""
    if depth < 1:
        raise ValueError("depth must be at least 1")
    resolution = resolved(store)
    spellings: dict[str, list[str]] = defaultdict(list)
    for variant, canonical_id in resolution.actors.items():
        spellings[canonical_id].append(variant)

    def canonical(term: Term) -> Term:
        """Reports stand for their incident, spellings for their actor."""
        if term in resolution.incidents:
            return resolution.incidents[term].iri
        other = resolution.actors.get(local_id(str(term)))
        return id_iri("entity", other) if other and str(term).startswith(str(CKID)) else term

    def members(term: Term) -> list[Term]:
        if term in resolution.reports:
            return list(resolution.reports[term])
        found = spellings.get(local_id(str(term)))
        return [id_iri("entity", s) for s in sorted(found)] if found else [term]

    center = canonical(id_iri("entity", id))
    properties: dict[Term, set[Term]] = defaultdict(set)
    for member in members(center):
        assert isinstance(member, URIRef)
        for row in select(store, "node_properties", node=member):
            properties[row["property"]].add(row["value"])
    if not properties[CK.mentionedIn]:
        return None
    center_id = local_id(str(center))
    classes = properties[RDF.type]
    nodes: dict[Term, Node] = {
        center: Node(
            id=center_id,
            name=pick_name({str(n) for n in properties[RDFS.label]}, center_id),
            kind=node_kind(classes),
            type=primary_type(classes),
        )
    }
    edges: dict[tuple[str, str, str, str], Edge] = {}
    truncated = False
    frontier: list[Term] = [center]
    for _ in range(depth):
        reached: list[Term] = []
        for node in frontier:
            for member in members(node):
                assert isinstance(member, URIRef)
                for claim in (*claims(store, member, "out"), *claims(store, member, "in")):
                    if claim.predicate is None or not claim.other_classes:
                        continue
                    other = canonical(claim.other)
                    if other not in nodes:
                        if len(nodes) >= max_nodes:
                            truncated = True
                            continue
                        nodes[other] = _node(other, claim, resolution)
                        reached.append(other)
                    ends = (node, other) if claim.direction == "out" else (other, node)
                    source, target = (nodes[end].id for end in ends)
                    key = (source, target, claim.predicate, claim.certainty)
                    edges.setdefault(key, Edge(*key))
        frontier = reached
    return Subgraph(
        center=center_id,
        nodes=tuple(nodes.values()),
        edges=tuple(sorted(edges.values(), key=lambda e: (e.source, e.target, e.predicate))),
        truncated=truncated,
    )


def _node(term: Term, claim: ClaimRow, resolution: Resolved) -> Node:
    """A neighbour as the graph shows it: a resolved incident under its own id and class, an
    actor or place as the claim's article names it."""
    incident = resolution.canonical.get(term)
    if incident is not None:
        ref = incident.ref
        return Node(ref.id, claim.other_ref.name, "incident", ref.type)
    ref = claim.other_ref
    return Node(local_id(str(term)), ref.name, node_kind(claim.other_classes), ref.type)
