"""Blocking for actor resolution: the stored actors a change can reach, found through the
keys of their names instead of by comparing with every stored actor.

`canonical_actors` is a pure function of a set of actors, and its greedy merge of one group
depends only on the candidate pairs among the actors that can pair with it: equal name keys,
close name keys (same number of words, rapidfuzz ratio), an acronym and the full names with
its initials, a lone surname and the full names ending with it. Counting "exactly one actor
fits" reads every actor of those blocks too. So the actors linked to a changed one through
any of these relations, followed to the end (a *component*), resolve the same way on their
own as among all actors, and only they need resolving again.

Components are found over the distinct name keys of the store (`NameIndex`: one node per
key, whatever the number of actors and articles bearing it, made from the names of the
table of entity facts the store keeps, `graph.resolve.stored`: one row per distinct name),
with every relation taken more widely than the rules take it (any kind, any name that
looks like an acronym), which can only make a component larger, never miss a pair. A
component whose keys no undescribed actor bears is left alone: two described actors (a
gazetteer entry, an article's "unidentified gunmen") never merge, so nothing in it can join.
This is what keeps the work flat as the store grows: the same article-scoped description
in every article is one key, read as such, and its thousands of actors are never loaded.
Fuzzy neighbours are searched among the distinct full keys (rapidfuzz), so that part grows
with the number of distinct names, not of articles or actors.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rdflib import Literal, URIRef
from rdflib.term import Node

from conflict_kg.graph.resolve.actors import (
    NAME_RATIO,
    ActorRecord,
    acronym,
    close_keys,
    name_key,
)
from conflict_kg.graph.resolve.facts import rows_each
from conflict_kg.graph.resolve.stored import StoredFacts
from conflict_kg.graph.store import Store

__all__ = ["ActorBlocks", "NameIndex"]

Key = tuple[str, ...]


@dataclass(slots=True)
class _KeyNode:
    names: set[Literal] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    open: bool = False
    """An actor without an ACLED category bears one of its names: it can merge."""


def _initials(key: Key) -> str:
    return "".join(word[0] for word in key)


class NameIndex:
    """The store's distinct actor name keys and the relations between them."""

    def __init__(self, rows: Iterable[Mapping[str, Node]]) -> None:
        self.nodes: dict[Key, _KeyNode] = defaultdict(_KeyNode)
        for row in rows:
            name = row["name"]
            assert isinstance(name, Literal)
            node = self.nodes[name_key(str(name))]
            node.names.add(name)
            if short := acronym(str(name)):
                node.acronyms.add(short)
            node.open |= not _true(row.get("described"))
        self.nodes = dict(self.nodes)
        self.full = sorted(key for key in self.nodes if len(key) >= 2)
        self.texts = [" ".join(key) for key in self.full]
        self.by_initials: dict[str, set[Key]] = defaultdict(set)
        self.by_last: dict[str, set[Key]] = defaultdict(set)
        self.by_acronym: dict[str, set[Key]] = defaultdict(set)
        for key in self.full:
            self.by_initials[_initials(key)].add(key)
            self.by_last[key[-1]].add(key)
        for key, node in self.nodes.items():
            for short in node.acronyms:
                self.by_acronym[short].add(key)

    def neighbours(self, key: Key, acronyms: Iterable[str] = ()) -> set[Key]:
        """The stored keys an actor with a name of `key` (and these acronyms) can pair with,
        or be counted against, by any of the rules."""
        found: set[Key] = set()
        if len(key) >= 2:
            for _, _, j in process.extract(
                " ".join(key), self.texts, scorer=fuzz.ratio, score_cutoff=NAME_RATIO, limit=None
            ):
                if close_keys(key, self.full[j]):
                    found.add(self.full[j])
            found |= self.by_acronym.get(_initials(key), set())
            found |= {(key[-1],)} & self.nodes.keys()
        else:
            found |= self.by_last.get(key[0], set()) if key else set()
        for short in acronyms:
            found |= self.by_initials.get(short, set())
        found.discard(key)
        return found

    def component(self, start: Key, acronyms: Iterable[str] = ()) -> set[Key]:
        """`start` and every stored key linked to it, directly or not."""
        seen = {start}
        todo = [(start, set(acronyms))]
        while todo:
            key, shorts = todo.pop()
            node = self.nodes.get(key)
            for other in self.neighbours(key, shorts | (node.acronyms if node else set())):
                if other not in seen:
                    seen.add(other)
                    todo.append((other, set()))
        return seen


def _true(value: Node | None) -> bool:
    return value is not None and str(value).lower() in ("true", "1")


class ActorBlocks:
    """The actors a change can reach, their records, and their groups before the change.

    `reach(actors, names)` starts from the actors the changed articles mention (and the
    names of actors that left with a removed article) and gathers, to a fixed point: each
    actor's names, their key components, the actors of every component an undescribed actor
    takes part in, and every member of the groups those actors were in before. Facts come
    from the stored table (`graph.resolve.stored`), groups from the resolution graph.
    """

    def __init__(self, store: Store, facts: StoredFacts) -> None:
        self.store = store
        self.facts = facts
        self.index = NameIndex(facts.names())
        self.records: dict[str, ActorRecord] = {}
        self.scopes: dict[str, frozenset[str]] = {}
        self.old: dict[str, str] = {}
        """Actor -> canonical actor in the stored resolution graph (the actors read)."""
        self._keys: set[Key] = set()
        self.reached: set[str] = set()
        """Every entity read: the actors resolved again, whose groups are rewritten."""

    def reach(self, actors: Iterable[str], names: Iterable[str] = ()) -> None:
        todo = set(actors) - self.reached
        keys = {(name_key(n), acronym(n)) for n in names}
        while todo or keys:
            fresh = sorted(todo)
            self.reached |= todo
            todo = set()
            if fresh:
                records, scopes = self.facts.records(fresh)
                self.records.update((r.iri, r) for r in records)
                self.scopes.update(scopes)
                for record in records:
                    keys |= {(name_key(n), acronym(n)) for n in record.names}
                todo |= self._old_groups(fresh)
            todo |= self.facts.bearers_of(self._open_names(keys))
            keys = set()
            todo -= self.reached

    def _open_names(self, keys: set[tuple[Key, str | None]]) -> list[Literal]:
        """The names of the components of `keys` not visited yet, of those an undescribed
        actor takes part in."""
        found: set[Literal] = set()
        for key, short in sorted(keys, key=lambda k: (k[0], k[1] or "")):
            if key in self._keys:
                continue
            component = self.index.component(key, [short] if short else [])
            self._keys |= component
            nodes = [self.index.nodes[k] for k in component if k in self.index.nodes]
            if any(node.open for node in nodes):
                found |= {name for node in nodes for name in node.names}
        return sorted(found)

    def _old_groups(self, actors: list[str]) -> set[str]:
        """Every member of the stored groups of `actors`."""
        rows = rows_each(self.store, "resolution_canonical", "actor", map(URIRef, actors))
        canonicals = {str(r["canonical"]) for r in rows}
        self.old.update((str(r["actor"]), str(r["canonical"])) for r in rows)
        if not canonicals:
            return set()
        rows = rows_each(self.store, "resolution_canonical", "canonical", map(URIRef, canonicals))
        self.old.update((str(r["actor"]), str(r["canonical"])) for r in rows)
        return {str(r["actor"]) for r in rows} | canonicals

    def scope_places(self, places: Iterable[str]) -> None:
        """The scopes (`graph.resolve.incidents.PlaceScope`) of these entities too, for the
        places of the reports resolved again."""
        wanted = sorted(set(places) - self.scopes.keys())
        self.scopes.update(self.facts.records(wanted)[1])
