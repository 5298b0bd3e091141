"""Which actors of different articles are one real-world actor, from their names alone.

Extraction already gives every gazetteer actor one IRI (the slug of its canonical name), so
what is left here is the long tail: "Hamdi Malik" in one article and "Hamdi Malek" in the
next, "Muqtada al-Sadr" and "Moqtada al-Sadr", "AAH" and "Asaib Ahl al-Haq". The rules are
deliberately narrow, because a wrong merge poisons every query about both actors while a
missed one only splits them:

- only actors of the same class are compared, and never two whose countries differ;
- never two "described" actors (those with an ACLED category: gazetteer entries, whose
  identity is curated, and the article-scoped unnamed actors such as "unidentified gunmen");
- names match when equal after folding case, accents, apostrophes and particles ("al-"),
  or when they have the same number of words and are close letter by letter (rapidfuzz
  ratio, each word close too), so "Kataib Hezbollah" never matches "Hezbollah" and
  "Ahmed Hassan" never matches "Ahmed Hussein";
- an acronym ("AAH") or a lone surname ("Sadr") joins a full name only when exactly one
  actor of that class fits it.

Everything is a pure function of the set of actors, so the result does not depend on the
order in which articles were ingested.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from conflict_kg.graph.vocabulary import fold

__all__ = ["NAME_RATIO", "ActorRecord", "acronym", "canonical_actors", "close_keys", "name_key"]

_PARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "an", "the", "of", "and"}
    | {"de", "del", "du", "des", "da", "di", "van", "von"}
)
_ACRONYM_KINDS = frozenset({"ArmedGroup", "StateForce", "Government", "Organization"})
"""Only organised actors go by acronyms; a person or a community does not."""
_OFFICES = frozenset(
    {"president", "vice", "prime", "minister", "ministers", "foreign", "interior", "defence",
     "defense", "finance", "secretary", "general", "king", "queen", "prince", "leader",
     "supreme", "chief", "head", "commander", "governor", "mayor", "senator", "spokesman",
     "spokeswoman", "ambassador", "deputy", "director", "chairman", "emir", "former",
     "acting", "senior", "state", "staff", "judge", "prosecutor", "cleric", "imam", "sheikh",
     "mr", "mrs", "ms", "dr"}
)  # fmt: skip
"""Words of offices and honorifics. A person's name made only of them ("President",
"Prime Minister") is an office many hold: it never matches and never gives a surname, or
one article's "President" (Maduro) would join another's (Macron) through a third's "Vice
President"."""
NAME_RATIO = 85.0
_WORD_RATIO = 75.0


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """What the store knows of one actor IRI, summed over the articles that mention it."""

    iri: str
    kind: str
    """The actor class's local name (Person, ArmedGroup, ...): only equal kinds are compared."""
    names: frozenset[str]
    country: str | None = None
    described: bool = False
    articles: int = 1


def name_key(name: str) -> tuple[str, ...]:
    """The words of a name as compared: folded, split on anything but letters and digits,
    particles dropped ("Asa'ib Ahl al-Haq" -> ("asaib", "ahl", "haq"))."""
    words = [w for w in re.split(r"[^0-9a-z]+", fold(name)) if w]
    kept = [w for w in words if w not in _PARTICLES]
    return tuple(kept or words)


def acronym(name: str) -> str | None:
    """ "AAH" for an all-capitals name of 2 to 6 letters, else None."""
    letters = name.replace(".", "")
    return (
        letters.lower()
        if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
        else None
    )


def close_keys(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) != len(b) or len(a) < 2:
        return False
    if fuzz.ratio(" ".join(a), " ".join(b)) < NAME_RATIO:
        return False
    return all(fuzz.ratio(x, y) >= _WORD_RATIO for x, y in zip(a, b, strict=True))


class _Clusters:
    """Union-find that refuses a merge joining two described actors or two countries."""

    def __init__(self, actors: dict[str, ActorRecord]) -> None:
        self.actors = actors
        self.parent = {iri: iri for iri in actors}
        self.members = {iri: [iri] for iri in actors}

    def find(self, iri: str) -> str:
        while self.parent[iri] != iri:
            self.parent[iri] = self.parent[self.parent[iri]]
            iri = self.parent[iri]
        return iri

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        joined = [self.actors[i] for i in self.members[ra] + self.members[rb]]
        if sum(actor.described for actor in joined) > 1:
            return
        if len({actor.country for actor in joined if actor.country}) > 1:
            return
        ra, rb = sorted((ra, rb))
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)


def _names(actor: ActorRecord) -> list[str]:
    """The names an actor is compared by: a person's offices are left out."""
    if actor.kind != "Person":
        return list(actor.names)
    return [n for n in actor.names if not set(name_key(n)) <= _OFFICES]


def _pairs(kind_actors: list[ActorRecord]) -> Iterable[tuple[str, str]]:
    """Candidate pairs of one kind, in a fixed order: equal names, close names, then unique
    acronyms and lone surnames."""
    keys: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for actor in kind_actors:
        for key in {name_key(n) for n in _names(actor)}:
            keys[key].append(actor.iri)
    for key in sorted(keys):
        iris = sorted(set(keys[key]))
        yield from ((iris[0], other) for other in iris[1:])
    full = sorted(k for k in keys if len(k) >= 2)
    texts = [" ".join(k) for k in full]
    for i, key in enumerate(full):
        for _, _, j in process.extract(
            texts[i], texts, scorer=fuzz.ratio, score_cutoff=NAME_RATIO, limit=None
        ):
            if j > i and close_keys(key, full[j]):
                for a in sorted(set(keys[key])):
                    for b in sorted(set(keys[full[j]])):
                        yield a, b
    by_initials: dict[str, set[str]] = defaultdict(set)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in full:
        by_initials["".join(w[0] for w in key)].update(keys[key])
        if key[-1] not in _OFFICES:
            by_surname[key[-1]].update(keys[key])
    for actor in kind_actors:
        for name in sorted(_names(actor)):
            words = name_key(name)
            short = acronym(name)
            if short and actor.kind in _ACRONYM_KINDS and len(by_initials.get(short, ())) == 1:
                yield actor.iri, next(iter(by_initials[short]))
            elif actor.kind == "Person" and len(words) == 1:
                if len(by_surname.get(words[0], ())) == 1:
                    yield actor.iri, next(iter(by_surname[words[0]]))


def canonical_actors(actors: Iterable[ActorRecord]) -> dict[str, str]:
    """Actor IRI -> the canonical IRI of its group, for actors in groups of two or more.

    The canonical member is the described one if there is one (the gazetteer's IRI), else
    the one mentioned by most articles, then the one with the longest name, then the first
    IRI: a stable choice that new articles rarely change.
    """
    table = {actor.iri: actor for actor in actors}
    clusters = _Clusters(table)
    by_kind: dict[str, list[ActorRecord]] = defaultdict(list)
    for actor in table.values():
        by_kind[actor.kind].append(actor)
    for kind in sorted(by_kind):
        for a, b in _pairs(sorted(by_kind[kind], key=lambda x: x.iri)):
            if a != b and not (table[a].described and table[b].described):
                clusters.union(a, b)
    mapping: dict[str, str] = {}
    for members in clusters.members.values():
        if len(members) < 2:
            continue
        chosen = min(
            (table[iri] for iri in members),
            key=lambda x: (
                not x.described,
                -x.articles,
                -max(len(name_key(n)) for n in x.names),
                x.iri,
            ),
        )
        mapping.update({iri: chosen.iri for iri in members})
    return mapping
