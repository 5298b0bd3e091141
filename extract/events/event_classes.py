"""The ontology's event class tree, read once, for deciding which mentions may be one event.

Coreference asks two questions of every pair of mentions: may they be one incident at all
(the same *family*: the class right under `ck:Event`, so an attack and an arrest never
merge), and what is the class of the merged event (the most specific one that fits all its
mentions). Both are answered from `ontologies/conflict.ttl` and `event-types.ttl`, so a class
added to the ontology is handled without touching this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from conflict_kg.ontologies import CK, CKET, RDFS, SKOS, load_ontology

__all__ = ["CATEGORY_PRECEDENCE", "ClassTree", "class_tree"]

CATEGORY_PRECEDENCE = ("EXPLOSIONS_REMOTE_VIOLENCE", "BATTLES", "VIOLENCE_AGAINST_CIVILIANS")
"""ACLED's order between its violent event types when one incident fits several: remote
violence (air strikes, shelling, bombs) is coded by its means whoever it hit, a battle by its
two armed sides, and only what is left is violence against civilians. Between sibling classes
(a drone strike that was also an assassination attempt) the class whose default ACLED code
comes first here wins."""


def _local(iri: object) -> str | None:
    text = str(iri)
    return text[len(str(CK)) :] if text.startswith(str(CK)) else None


@dataclass(frozen=True, slots=True)
class ClassTree:
    parents: dict[str, str]
    """Each `ck:` event class -> its `ck:` superclass (none for `ck:Event`)."""
    category_rank: dict[str, int]
    """Each event class -> the rank of its default ACLED code's event type in
    `CATEGORY_PRECEDENCE` (lower is stronger); classes without one are absent."""
    acled_defaults: dict[str, str] = field(default_factory=dict)
    """Each event class -> its `ck:acledDefault` code; classes without one are absent."""

    def ancestors(self, name: str) -> list[str]:
        """`name` and its superclasses up to (not including) `ck:Event`, nearest first."""
        chain: list[str] = []
        current: str | None = name
        while current is not None and current != "Event" and current not in chain:
            chain.append(current)
            current = self.parents.get(current)
        return chain

    def family(self, name: str) -> str:
        """The class right under `ck:Event` that `name` falls under (itself at the top)."""
        chain = self.ancestors(name)
        return chain[-1] if chain else name

    def depth(self, name: str) -> int:
        return len(self.ancestors(name))

    def subsumes(self, general: str, specific: str) -> bool:
        return general in self.ancestors(specific)

    def fit(self, a: str, b: str) -> bool:
        """Whether one incident may be told as `a` and as `b` without an argument they
        share: the two lie on one branch ("attack" and "bombing"), or one of them is of
        ACLED's last violent type, which yields to the others by precedence (an
        "assassination attempt" told as a drone strike). A bombing and a clash are two
        kinds of incident unless what they say ties them."""
        if self.subsumes(a, b) or self.subsumes(b, a):
            return True
        if self.family(a) != self.family(b):
            return False
        last = len(CATEGORY_PRECEDENCE) - 1
        return last in (self.category_rank.get(a), self.category_rank.get(b))

    def coded_class(self, name: str, code: str | None) -> str:
        """The class of an event of class `name` that the text gave the ACLED code `code`:
        the one subclass of `name` whose default code it is ("Attack" coded CHEM_WEAP is a
        `ChemicalAttack`, coded SEX_VIOL a `SexualViolence`), else `name` itself (a
        "Bombing" coded GRENADE stays a bombing; "Attack" coded ATTACK stays an attack,
        though `Assassination` shares its default)."""
        if code is None or self.acled_defaults.get(name) == code:
            return name
        found = [
            cls
            for cls, default in sorted(self.acled_defaults.items())
            if default == code and cls != name and self.subsumes(name, cls)
        ]
        return found[0] if len(found) == 1 else name

    def most_specific(self, names: Iterable[str]) -> str:
        """The class of an event whose mentions name `names` (in text order): the deepest
        class when all lie on one branch ("attack" and "drone strike" give the drone
        strike); between siblings, ACLED's precedence, then the deepest, then the first
        named."""
        ordered = list(dict.fromkeys(names))
        if not ordered:
            raise ValueError("an event needs at least one mention")
        deepest = max(ordered, key=self.depth)
        if all(self.subsumes(n, deepest) for n in ordered):
            return deepest
        leaves = [n for n in ordered if not any(self.subsumes(n, o) and n != o for o in ordered)]
        worst = len(CATEGORY_PRECEDENCE)
        return min(
            leaves,
            key=lambda n: (self.category_rank.get(n, worst), -self.depth(n), ordered.index(n)),
        )


@cache
def class_tree() -> ClassTree:
    """The event classes of the ontology (parsed once per process)."""
    ontology = load_ontology()
    event_classes = {_local(c) for c in ontology.transitive_subjects(RDFS.subClassOf, CK.Event)} - {
        None
    }
    parents: dict[str, str] = {}
    for cls in event_classes:
        assert cls is not None
        for parent in ontology.objects(CK[cls], RDFS.subClassOf):
            local = _local(parent)
            if local is not None and local in event_classes:
                parents[cls] = local
                break
    category_of: dict[str, str] = {}
    for concept, broader in ontology.subject_objects(SKOS.broader):
        if (concept, SKOS.inScheme, CKET.acled) in ontology:
            category_of[str(concept)[len(str(CKET)) :]] = str(broader)[len(str(CKET)) :]
    rank: dict[str, int] = {}
    defaults: dict[str, str] = {}
    for cls in event_classes:
        assert cls is not None
        for code in ontology.objects(CK[cls], CK.acledDefault):
            defaults[cls] = str(code)
            category = category_of.get(str(code))
            if category in CATEGORY_PRECEDENCE:
                rank[cls] = CATEGORY_PRECEDENCE.index(category)
    return ClassTree(parents=parents, category_rank=rank, acled_defaults=defaults)
