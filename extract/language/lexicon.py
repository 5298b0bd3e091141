"""The extractor's data files (gazetteer, demonyms, frames, weapons), loaded once and typed.

Adding a militia, a country or a trigger word is an edit to `extract/data/*.jsonl`, never to
code: the components only interpret these records. `frames.jsonl` is the single list of
trigger words: each line is a frame (FrameNet / PropBank style) with its trigger phrases,
verbs and nouns, its event class, and which syntactic slot of a trigger gives which role.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

__all__ = [
    "FRAME_ROLES",
    "FRAME_SLOTS",
    "TRIGGER_CONDITIONS",
    "ActorRecord",
    "CountryRecord",
    "Lexicon",
    "TriggerRecord",
    "WeaponRecord",
    "load_lexicon",
]


@dataclass(frozen=True, slots=True)
class ActorRecord:
    name: str
    type: str
    acled_category: str | None
    aliases: tuple[str, ...]
    case_sensitive_aliases: tuple[str, ...]
    country: str | None
    parent: str | None
    backers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CountryRecord:
    country: str
    demonyms: tuple[str, ...]
    capital: str | None
    state_aliases: tuple[str, ...]
    case_sensitive_aliases: tuple[str, ...]


TRIGGER_CONDITIONS = frozenset(
    {None, "territory", "weapons", "base", "armed", "diplomatic", "contraband", "attack",
     "substance", "physical", "blaze", "weapon_subject", "weapon_theme", "armed_subject",
     "instance", "to_death", "into_people", "purpose"}
)  # fmt: skip
"""The values a trigger row's "object" may take (None: no condition). "weapon_theme" is
for verbs of sending ("throw", "launch"): the weapon is the thing sent, or the doer;
"to_death" for verbs of blows that killed ("beaten to death"), whoever dealt them;
"into_people" for verbs of driving a thing into people ("rammed a truck into marchers");
"purpose" for verbs whose event is the one their purpose clause tells ("travelled to X to
meet the leaders" is the meeting; "travelled to X" alone is none)."""


FRAME_SLOTS = frozenset(
    {"subject", "object", "passive_subject", "agent", "possessor", "lone_possessor",
     "modifier", "by", "support_object"}
)  # fmt: skip
"""Syntactic slots a frame may give a role (besides any preposition, "on", "with", ...).
Of a verb: "subject" (active), "object", "passive_subject", "agent" (the passive's "by").
Of a noun: "possessor" ("X's attack"), "lone_possessor" (the possessor of a noun with no
"of" phrase, "X's assassination"; read as "possessor" where a frame does not name it),
"modifier" (a name before it, "a Hamas attack"), "by", "subject" and "agent" of its support
verb ("X carried out the attack", "the attack was carried out by X"), "object" of a
participle on it ("attacks targeting X"), "support_object" (the support verb's own object)."""
FRAME_ROLES = frozenset({"perpetrator", "target", "victim", "participant", "place"})
"""Roles a frame slot may give."""
NO_ROLES: MappingProxyType[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class TriggerRecord:
    """One line of `frames.jsonl`: the trigger words of one frame for one event class."""

    event_class: str
    acled: str | None
    requires: str | None
    """A condition on the trigger's context, one of `TRIGGER_CONDITIONS`: "territory" (its
    object is a place), ... (interpreted by `events._requirement_met`)."""
    phrases: tuple[str, ...]
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    frame: str = ""
    """The frame's name (FrameNet's where one fits: Attack, Killing, Hostile_encounter)."""
    verb_roles: MappingProxyType[str, str] = field(default_factory=lambda: NO_ROLES, hash=False)
    """Slot -> role for a verb trigger (`FRAME_SLOTS` or a preposition)."""
    noun_roles: MappingProxyType[str, str] = field(default_factory=lambda: NO_ROLES, hash=False)
    """Slot -> role for a noun trigger."""
    any_support: bool = False
    """Whether any verb governing a noun trigger supports it ("joined the protest"), not
    only the light verbs of perpetration ("carried out", "launched")."""
    support_verbs: frozenset[str] = frozenset()
    """Lemmas of the verbs, besides those light verbs, that lend a noun trigger their
    subject in this frame: the parties that "agreed to" or "reached" a ceasefire made it,
    where those that "rejected" or "violated" it did not."""
    places: tuple[str, ...] = ()
    """Slots whose filler gives the place when it is a place or a state ("visited Kabul")."""
    harmed: tuple[str, ...] = ()
    """Slots whose filler the act hit, a victim besides its target ("the judge was shot":
    hit, where "shot at" is not), unless the act was only tried (`modality.attempted`)."""


@dataclass(frozen=True, slots=True)
class WeaponRecord:
    name: str
    aliases: tuple[str, ...]
    event_class: str
    acled: str | None
    carriers: tuple[str, ...] = ()
    """Nouns for the attacker who carries the weapon ("suicide bomber"): they type the
    incident like an alias, but name a person, not an instrument (the vest, the belt or
    the car is not said)."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every phrase that matches the weapon: its aliases and its carriers."""
        return self.aliases + self.carriers


@dataclass(slots=True)
class Lexicon:
    actors: dict[str, ActorRecord] = field(default_factory=dict)
    countries: dict[str, CountryRecord] = field(default_factory=dict)
    triggers: list[TriggerRecord] = field(default_factory=list)
    weapons: dict[str, WeaponRecord] = field(default_factory=dict)
    weapon_carriers: set[str] = field(default_factory=set)
    """Every weapon's carrier nouns, lowercased (see `WeaponRecord.carriers`)."""
    demonym_to_country: dict[str, str] = field(default_factory=dict)
    capital_to_country: dict[str, str] = field(default_factory=dict)
    class_to_acled: dict[str, str | None] = field(default_factory=dict)
    class_frames: dict[str, TriggerRecord] = field(default_factory=dict)
    """The first frame line of each event class: the roles of a mention read as a class
    other than its trigger line's (an explosion read as an accident)."""
    verb_frames: dict[str, TriggerRecord] = field(default_factory=dict)
    """The first frame line of each trigger verb lemma."""
    _state_names: dict[str, str] = field(default_factory=dict)
    _exact_names: dict[str, str] = field(default_factory=dict)
    _indexed: int = -1
    """How many countries the two name indexes were built from (-1: not yet)."""

    def trigger_line(self, row: str) -> TriggerRecord | None:
        """The frame line a trigger span's `id_` names (its row in `triggers`); None for a
        span that no line of the frame lexicon found."""
        if not row.isdigit() or int(row) >= len(self.triggers):
            return None
        return self.triggers[int(row)]

    def country_of_name(self, name: str) -> str | None:
        """The country a name denotes as a state: its name, a state alias or a demonym.

        Called for every candidate name of every article, so it looks names up in indexes
        built on first use (and rebuilt if countries were added since) instead of scanning
        every country."""
        if self._indexed != len(self.countries):
            self._index_countries()
        lowered = name.lower()
        return (
            self._state_names.get(lowered)
            or self._exact_names.get(name)
            or self.demonym_to_country.get(lowered)
        )

    def _index_countries(self) -> None:
        self._state_names.clear()
        self._exact_names.clear()
        for record in self.countries.values():
            for state_name in (record.country, *record.state_aliases):
                self._state_names.setdefault(state_name.lower(), record.country)
            for alias in record.case_sensitive_aliases:
                self._exact_names.setdefault(alias, record.country)
        self._indexed = len(self.countries)


def _records(name: str) -> Iterator[dict[str, Any]]:
    resource = files("conflict_kg.extract").joinpath("data", name)
    if not resource.is_file():
        return
    for line in resource.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def _roles(row: dict[str, Any], key: str, line: int) -> MappingProxyType[str, str] | None:
    roles = row.get(key)
    if roles is None:
        return None
    for slot, role in roles.items():
        if slot not in FRAME_SLOTS and not (slot.isalpha() and slot.islower()):
            raise ValueError(f"frames.jsonl line {line}: unknown slot {slot!r}")
        if role not in FRAME_ROLES:
            raise ValueError(f"frames.jsonl line {line}: unknown role {role!r}")
    return MappingProxyType(dict(roles))


def _frames(extra: tuple[str, ...]) -> Iterator[TriggerRecord]:
    """The lines of `frames.jsonl` and then `extra` (more lines of the same format), as
    trigger records. A line without `verb_roles` / `noun_roles` takes those of the first
    line of the same frame, so that a new trigger word is one short line."""
    rows = [*_records("frames.jsonl"), *(json.loads(line) for line in extra if line.strip())]
    first: dict[str, TriggerRecord] = {}
    for line, row in enumerate(rows, start=1):
        if row.get("object") not in TRIGGER_CONDITIONS:
            condition = row["object"]
            raise ValueError(f"frames.jsonl line {line}: unknown object condition {condition!r}")
        frame = row.get("frame") or row["class"]
        model = first.get(frame)
        verb_roles = _roles(row, "verb_roles", line)
        noun_roles = _roles(row, "noun_roles", line)
        any_support, support_verbs = _support(row, model)
        record = TriggerRecord(
            event_class=row["class"],
            acled=row.get("acled"),
            requires=row.get("object"),
            phrases=tuple(row.get("phrases") or ()),
            verbs=tuple(row.get("verbs") or ()),
            nouns=tuple(row.get("nouns") or ()),
            frame=frame,
            verb_roles=verb_roles or (model.verb_roles if model else NO_ROLES),
            noun_roles=noun_roles or (model.noun_roles if model else NO_ROLES),
            any_support=any_support,
            support_verbs=support_verbs,
            places=tuple(row.get("places") or (model.places if model else ())),
            harmed=tuple(row.get("harmed") or ()),
        )
        first.setdefault(frame, record)
        yield record


def _support(row: dict[str, Any], model: TriggerRecord | None) -> tuple[bool, frozenset[str]]:
    """A line's `any_support` and `support_verbs`: its "support" is "any" or a list of verb
    lemmas; a line without one takes those of the first line of its frame."""
    if "support" not in row:
        return (model.any_support, model.support_verbs) if model else (False, frozenset())
    support = row["support"]
    if isinstance(support, list):
        return False, frozenset(support)
    return support == "any", frozenset()


@cache
def load_lexicon(extra_frames: tuple[str, ...] = ()) -> Lexicon:
    """All data files, parsed once per process (the result is shared: do not mutate).
    `extra_frames` are more `frames.jsonl` lines (JSON strings) read after the file's."""
    lexicon = Lexicon()
    for row in _records("gazetteer.jsonl"):
        record = ActorRecord(
            name=row["name"],
            type=row["type"],
            acled_category=row.get("acled_category"),
            aliases=tuple(row.get("aliases") or ()),
            case_sensitive_aliases=tuple(row.get("case_sensitive_aliases") or ()),
            country=row.get("country"),
            parent=row.get("parent"),
            backers=tuple(row.get("backers") or ()),
        )
        lexicon.actors[record.name] = record
    for row in _records("demonyms.jsonl"):
        country = CountryRecord(
            country=row["country"],
            demonyms=tuple(row.get("demonyms") or ()),
            capital=row.get("capital"),
            state_aliases=tuple(row.get("state_aliases") or ()),
            case_sensitive_aliases=tuple(row.get("case_sensitive_aliases") or ()),
        )
        lexicon.countries[country.country] = country
        for demonym in country.demonyms:
            lexicon.demonym_to_country[demonym.lower()] = country.country
        if country.capital:
            lexicon.capital_to_country[country.capital.lower()] = country.country
    for trigger in _frames(extra_frames):
        lexicon.triggers.append(trigger)
        lexicon.class_to_acled.setdefault(trigger.event_class, trigger.acled)
        lexicon.class_frames.setdefault(trigger.event_class, trigger)
        for verb in trigger.verbs:
            lexicon.verb_frames.setdefault(verb, trigger)
    for row in _records("weapons.jsonl"):
        weapon = WeaponRecord(
            name=row["name"],
            aliases=tuple(row["aliases"]),
            event_class=row["class"],
            acled=row.get("acled"),
            carriers=tuple(row.get("carriers") or ()),
        )
        lexicon.weapons[weapon.name] = weapon
        lexicon.weapon_carriers.update(c.lower() for c in weapon.carriers)
    return lexicon
