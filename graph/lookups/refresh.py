"""Lookup tables moved by a write instead of read again whole.

The lookups keep whole-store tables per write generation (`budget.kept`): resolution as the
lists read it (`resolved`), the entity name index behind `/entities` (`names`) and the
incidents newest first. Each write used to drop them all, and the next request read the
whole store again to rebuild them. After an incremental pass of resolution
(`graph.resolve.incremental.Touched` says what it changed), `refresh` takes the tables as
they were before the pass and re-reads only the entities, incidents and reports it touched,
so the tables stay current at the cost of the write, not of the store.

A table is moved only when no write came after it was kept but the change's own (its
articles' writes, each named by the generation it made, and the pass's): then what differs
between the table and the store is what the pass touched. Anything else (a SPARQL Update,
a writer whose pass has not run yet, a rebuild) leaves the tables to be read again whole on
the next request, as before. Tables not named here (places, group
links, article lists, the network) are always read again whole after a write.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any, Protocol

from rdflib import URIRef
from rdflib.term import Node as Term

from conflict_kg.graph.lookups.budget import latest, offer
from conflict_kg.graph.lookups.incidents import (
    IndexedIncident,
    Resolved,
    in_order,
    index_incidents,
)
from conflict_kg.graph.lookups.names import EntityIndex, assemble, entries
from conflict_kg.graph.queries import load_named_queries
from conflict_kg.graph.store import Store
from conflict_kg.graph.vocabulary import id_iri
from conflict_kg.ontologies import local_id

__all__ = ["Change", "refresh"]

_CHUNK = 200


class Change(Protocol):
    """What a pass touched (`graph.resolve.incremental.Touched`; the lookups do not import
    resolution, which imports them)."""

    entities: frozenset[str]
    incidents_gone: frozenset[str]
    incidents: frozenset[str]
    reports: frozenset[str]


def _each(store: Store, name: str, variable: str, values: Iterable[URIRef]) -> list[dict]:
    """Rows of the named query for each value of `variable` (a variable its WHERE binds),
    a few hundred values a request."""
    text = load_named_queries()[name].text
    wanted = list(dict.fromkeys(values))
    rows: list[dict] = []
    for start in range(0, len(wanted), _CHUNK):
        result = store.query_each(text, variable, wanted[start : start + _CHUNK])
        rows.extend({str(k): v for k, v in row.items()} for row in result.bindings)
    return rows


def refresh(store: Store, change: Change | None, writes: Collection[int]) -> bool:
    """Move the kept tables by `change`, whose writes moved the store to the generations
    `writes` (each write moves it by one); the caller holds the store's write lock. A table
    is moved only when every write since it was kept is one of them. True when moved."""
    generation = store.generation
    if change is None or generation is None:
        return False
    steps = set(writes)
    base: dict[str, Any] = {}
    for key in ("resolved", "entity_index", "incidents_newest_first"):
        found = latest(store, key)
        if found is not None and set(range(found[0] + 1, generation + 1)) <= steps:
            base[key] = found[1]
    if "resolved" not in base:
        return False
    resolution = _resolved(store, base["resolved"], change)
    offer(store, "resolved", resolution)
    if "entity_index" in base:
        offer(store, "entity_index", _entity_index(store, base["entity_index"], change, resolution))
    if "incidents_newest_first" in base:
        ordered = _newest_first(base["incidents_newest_first"], change, resolution)
        offer(store, "incidents_newest_first", ordered)
    return True


def _resolved(store: Store, old: Resolved, change: Change) -> Resolved:
    new = [URIRef(i) for i in sorted(change.incidents)]
    incidents = dict(old.incidents)
    reports: dict[Term, Any] = dict(old.reports)
    canonical = dict(old.canonical)
    for incident in {*map(URIRef, change.incidents_gone), *new}:
        for report in reports.pop(incident, ()):
            incidents.pop(report, None)
        canonical.pop(incident, None)
    for report in change.reports:
        incidents.pop(URIRef(report), None)
    rows = _each(store, "resolved_incidents", "incident", new)
    written = index_incidents(rows)
    members: dict[Term, set[Term]] = defaultdict(set)
    for row in rows:
        incidents[row["report"]] = written[row["incident"]]
        members[row["incident"]].add(row["report"])
    reports.update((i, tuple(sorted(m, key=str))) for i, m in members.items())
    canonical.update(written)
    actors = dict(old.actors)
    for entity in change.entities:
        actors.pop(local_id(entity), None)
    for row in _each(store, "canonical_actors", "actor", map(URIRef, sorted(change.entities))):
        actors[local_id(str(row["actor"]))] = local_id(str(row["canonical"]))
    return Resolved(incidents, reports, actors, canonical)


def _entity_index(
    store: Store, old: EntityIndex, change: Change, resolution: Resolved
) -> EntityIndex:
    """The index with the touched entities' entries read again: with every member of their
    groups, whose counts a canonical actor's entry sums."""
    groups: dict[str, set[str]] = defaultdict(set)
    for variant, canonical in resolution.actors.items():
        groups[canonical].add(variant)
    touched = {local_id(e) for e in change.entities}
    touched |= {resolution.actors[e] for e in touched if e in resolution.actors}
    touched |= {m for c in list(touched) for m in groups.get(c, ())}
    iris = [id_iri("entity", e) for e in sorted(touched)]
    facts: dict[Term, dict[str, set[Term]]] = defaultdict(lambda: defaultdict(set))
    for row in _each(store, "entities", "entity", iris):
        facts[row["entity"]][str(row["key"])].add(row["value"])
    counts = {
        row["entity"]: int(str(row["incidents"]))
        for row in _each(store, "entity_incident_counts", "entity", iris)
    }
    kept = [e for e in old.entries if e.summary.id not in touched]
    return assemble([*kept, *entries(facts, counts, resolution.actors)])


def _newest_first(
    old: tuple[IndexedIncident, ...], change: Change, resolution: Resolved
) -> tuple[IndexedIncident, ...]:
    gone = {*change.incidents_gone, *change.incidents, *change.reports}
    kept = [i for i in old if str(i.iri) not in gone]
    written = [resolution.canonical[URIRef(i)] for i in change.incidents]
    return in_order(resolution, [*kept, *written])
