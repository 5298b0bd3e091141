"""The extractor's data files (gazetteer, demonyms, triggers, weapons), loaded once and typed.

Adding a militia, a country or a trigger word is an edit to `extract/data/*.jsonl`, never to
code: the components only interpret these records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = [
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
     "substance", "physical", "blaze", "weapon_subject", "armed_subject"}
)  # fmt: skip
"""The values a trigger row's "object" may take (None: no condition)."""


@dataclass(frozen=True, slots=True)
class TriggerRecord:
    event_class: str
    acled: str | None
    requires: str | None
    """A condition on the trigger's context, one of `TRIGGER_CONDITIONS`: "territory" (its
    object is a place), ... (interpreted by `events._requirement_met`)."""
    phrases: tuple[str, ...]
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]


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
    _state_names: dict[str, str] = field(default_factory=dict)
    _exact_names: dict[str, str] = field(default_factory=dict)
    _indexed: int = -1
    """How many countries the two name indexes were built from (-1: not yet)."""

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


@cache
def load_lexicon() -> Lexicon:
    """All data files, parsed once per process (the result is shared: do not mutate)."""
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
    for row in _records("triggers.jsonl"):
        if row.get("object") not in TRIGGER_CONDITIONS:
            raise ValueError(f"triggers.jsonl: unknown object condition {row['object']!r}")
        trigger = TriggerRecord(
            event_class=row["class"],
            acled=row.get("acled"),
            requires=row.get("object"),
            phrases=tuple(row.get("phrases") or ()),
            verbs=tuple(row.get("verbs") or ()),
            nouns=tuple(row.get("nouns") or ()),
        )
        lexicon.triggers.append(trigger)
        lexicon.class_to_acled.setdefault(trigger.event_class, trigger.acled)
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
