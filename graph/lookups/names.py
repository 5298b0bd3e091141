"""The index behind `/entities`: every actor and place once, in name order, with its folded
names and a trigram index of them.

`/entities?q=` used to read every entity's facts and fold every name in Python on each
request (328 ms at 200 articles). The index is built once per write generation (`kept`),
so a request costs what it answers: a page of the list is a slice, a type filter a kept
list of positions, and `q` reads only the entities whose folded names hold every trigram of
the folded `q` (the shortest posting list of them), checking each for the whole substring.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rdflib.term import Node as Term

from conflict_kg.graph.lookups.budget import kept
from conflict_kg.graph.lookups.incidents import resolved
from conflict_kg.graph.lookups.model import EntitySummary, Page
from conflict_kg.graph.lookups.rows import select
from conflict_kg.graph.store import Store
from conflict_kg.graph.vocabulary import fold, id_iri, pick_name, primary_type, subclasses
from conflict_kg.ontologies import local_id

__all__ = [
    "EntityIndex",
    "Entry",
    "assemble",
    "entity_index",
    "entries",
    "other_names",
    "search_entities",
]

GRAM = 3
"""Length of the index's keys: a `q` shorter than this reads every entry."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One listed entity: what the page shows, its classes (for `type`) and the folded
    forms of its id, names and aliases (for `q`)."""

    summary: EntitySummary
    classes: frozenset[Term]
    folded: tuple[str, ...]

    def holds(self, needle: str) -> bool:
        return any(needle in candidate for candidate in self.folded)


@dataclass(frozen=True, slots=True)
class EntityIndex:
    entries: tuple[Entry, ...]
    """By folded name, then id: the order of the list."""
    grams: dict[str, array[int]]
    """Each trigram of a folded id, name or alias -> the positions holding it, ascending."""
    types: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Class name -> the positions of its entities (and its subclasses'), filled when asked."""

    def of_type(self, type: str) -> tuple[int, ...]:
        """Positions of the entities of class `type` or a subclass, ascending."""
        found = self.types.get(type)
        if found is None:
            wanted = subclasses(type)
            found = tuple(i for i, entry in enumerate(self.entries) if entry.classes & wanted)
            self.types[type] = found
        return found

    def candidates(self, needle: str) -> Sequence[int] | range:
        """Positions that may hold `needle`, ascending: those of its rarest trigram."""
        if len(needle) < GRAM:
            return range(len(self.entries))
        shortest: Sequence[int] | None = None
        for gram in _grams(needle):
            found = self.grams.get(gram)
            if found is None:
                return ()
            if shortest is None or len(found) < len(shortest):
                shortest = found
        return shortest if shortest is not None else ()


def _grams(value: str) -> set[str]:
    return {value[i : i + GRAM] for i in range(len(value) - GRAM + 1)}


def other_names(names: set[str], aliases: set[str], name: str) -> tuple[str, ...]:
    """Other names: the altLabels, and labels other articles gave, without the name shown."""
    return tuple(sorted((names | aliases) - {name}, key=lambda a: (a.casefold(), a)))


def entity_index(store: Store) -> EntityIndex:
    """The store's index, built once per write generation."""
    return kept(store, "entity_index", lambda: _build(store))


def _build(store: Store) -> EntityIndex:
    facts: dict[Term, dict[str, set[Term]]] = defaultdict(lambda: defaultdict(set))
    for row in select(store, "entities"):
        facts[row["entity"]][str(row["key"])].add(row["value"])
    counts = {
        row["entity"]: int(str(row["incidents"])) for row in select(store, "entity_incident_counts")
    }
    return assemble(entries(facts, counts, resolved(store).actors))


def entries(
    facts: Mapping[Term, Mapping[str, set[Term]]],
    counts: Mapping[Term, int],
    actors: Mapping[str, str],
) -> list[Entry]:
    """The listed entries of the entities of `facts`, from their facts (rows of the
    `entities` query by key), their incident counts and resolution's actor groups (`actors`,
    local id -> canonical local id); the counts of a group's members must all be there."""
    # A spelling resolution joined to another article's actor is listed under that actor,
    # whose aliases already hold it.
    canonical = {
        id_iri("entity", variant): id_iri("entity", actor)
        for variant, actor in actors.items()
        if variant != actor
    }
    counts = dict(counts)
    for variant, actor in canonical.items():
        counts[actor] = counts.get(actor, 0) + counts.get(variant, 0)
    found: list[Entry] = []
    for entity, fact in facts.items():
        if entity in canonical:
            continue
        identifier = local_id(str(entity))
        names = {str(n) for n in fact["name"]}
        aliases = {str(a) for a in fact["alias"]}
        name = pick_name(names, identifier)
        summary = EntitySummary(
            id=identifier,
            name=name,
            type=primary_type(fact["class"]),
            aliases=other_names(names, aliases, name),
            incidents=counts.get(entity, 0),
        )
        folded = tuple(dict.fromkeys(fold(c) for c in (identifier, *sorted(names | aliases))))
        found.append(Entry(summary, frozenset(fact["class"]), folded))
    return found


def assemble(found: Iterable[Entry]) -> EntityIndex:
    """The index of these entries: in name order, with their trigrams."""
    ordered = tuple(sorted(found, key=lambda e: (fold(e.summary.name), e.summary.id)))
    grams: dict[str, array[int]] = defaultdict(lambda: array("i"))
    for position, entry in enumerate(ordered):
        for gram in set().union(*(_grams(c) for c in entry.folded)):
            grams[gram].append(position)
    return EntityIndex(ordered, dict(grams))


def search_entities(
    store: Store, type: str | None, q: str | None, limit: int, offset: int
) -> Page[EntitySummary]:
    """A page of the index: entities of class `type` (with subclasses) whose folded id, name
    or an alias holds the folded `q`, in name order."""
    index = entity_index(store)
    needle = fold(q.strip()) if q and q.strip() else None
    positions: Sequence[int]
    if needle is None:
        positions = index.of_type(type) if type else range(len(index.entries))
    else:
        wanted = subclasses(type) if type else None
        positions = [
            i
            for i in index.candidates(needle)
            if (wanted is None or index.entries[i].classes & wanted)
            and index.entries[i].holds(needle)
        ]
    page = tuple(index.entries[i].summary for i in positions[offset : offset + limit])
    return Page(page, len(positions), limit, offset)
