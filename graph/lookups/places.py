"""The one place test: which places an incident's places lie in, and each place's country.

Every route that filters by `place` (the lookups, the network, its exports and view) asks
`enclosing`, so `/incidents?place=iraq` and `/export/geojson?place=iraq` cannot disagree
again: a place lies in the places the store links it to (`ck:locatedIn`, `ck:country`,
followed transitively) and in the country the offline gazetteer (GeoNames) finds for any of
its names, so the Baghdad strike is in Iraq although no article says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from conflict_kg.graph.lookups.budget import kept
from conflict_kg.graph.lookups.rows import select
from conflict_kg.graph.store import Store
from conflict_kg.ontologies import local_id

__all__ = ["PlaceFacts", "enclosing", "gazetteer_country", "place_facts", "place_names"]


def gazetteer_country(names: Iterable[str]) -> str | None:
    """The id of the country the gazetteer finds for the first of `names` it knows (a
    city's country, or a country itself)."""
    # Imported here: the network package's face imports the lookups, so importing it while
    # the lookups load would go round in a circle (the module itself needs only ontologies).
    from conflict_kg.graph.network.places import gazetteer

    location = gazetteer().locate(names)
    return location.country if location else None


def enclosing(
    places: Iterable[str],
    within: Callable[[str], Iterable[str]],
    names: Callable[[str], Sequence[str]],
) -> set[str]:
    """`places` and every place they lie in: what `within(place)` says (the store's links),
    followed transitively, and the gazetteer's country of each place met on the way."""
    areas: set[str] = set()
    todo = list(places)
    while todo:
        place = todo.pop()
        if place in areas:
            continue
        areas.add(place)
        todo.extend(within(place))
        if country := gazetteer_country(names(place)):
            todo.append(country)
    return areas


@dataclass(frozen=True, slots=True)
class PlaceFacts:
    """What the store says of its places and of where incident reports happened, by local
    id, read with the same named queries the network reads (`network_places`)."""

    names: Mapping[str, tuple[str, ...]]
    within: Mapping[str, frozenset[str]]
    reports: Mapping[str, frozenset[str]]
    """Incident report id -> its places."""

    def areas(self, places: Iterable[str]) -> set[str]:
        return enclosing(places, lambda p: self.within.get(p, ()), lambda p: self.names.get(p, ()))


def place_facts(store: Store, canonical: Mapping[str, str]) -> PlaceFacts:
    """The store's places, read once per write generation; ids go through `canonical`
    (resolution's actor spellings), as the network's do."""
    return kept(store, "place_facts", lambda: _read(store, canonical))


def _read(store: Store, canonical: Mapping[str, str]) -> PlaceFacts:
    labels: dict[str, set[str]] = defaultdict(set)
    others: dict[str, set[str]] = defaultdict(set)
    within: dict[str, set[str]] = defaultdict(set)
    for row in select(store, "network_places"):
        place = local_id(str(row["place"]))
        if "name" in row:
            labels[place].add(str(row["name"]))
        if "altName" in row:
            others[place].add(str(row["altName"]))
        if "within" in row:
            outer = local_id(str(row["within"]))
            within[place].add(canonical.get(outer, outer))
    reports: dict[str, set[str]] = defaultdict(set)
    for row in select(store, "incident_places"):
        place = local_id(str(row["place"]))
        reports[local_id(str(row["incident"]))].add(canonical.get(place, place))
    return PlaceFacts(
        {p: place_names(labels[p], others[p]) for p in {*labels, *others}},
        {p: frozenset(w) for p, w in within.items()},
        {r: frozenset(p) for r, p in reports.items()},
    )


def place_names(labels: Iterable[str], others: Iterable[str]) -> tuple[str, ...]:
    """A place's names in the order the gazetteer is asked: its labels, then its other
    names, each sorted (the first found as a city wins)."""
    first = sorted(set(labels))
    return (*first, *sorted(set(others) - set(first)))
