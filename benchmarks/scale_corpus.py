"""A corpus of invented wire reports for the scale benchmark and the ingest tests.

Nothing here comes from an evaluation set: actors are invented, places are real cities (so
the offline gazetteer locates them), figures and wording vary, and about one report in four
retells a recent incident another report told (different wording, same day, place and
actor), so resolution has incidents to merge. Dates run forward like a news feed, `PER_DAY`
articles a day, so a larger corpus covers more days rather than packing more reports into
each; `first` continues a corpus (the next articles of the feed). The same seed gives the
same corpus.

    python benchmarks/scale_corpus.py 10000 corpus.jsonl.gz
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

PLACES = [
    ("KIRKUK", "Iraq"), ("MOSUL", "Iraq"), ("BAGHDAD", "Iraq"), ("BASRA", "Iraq"),
    ("ALEPPO", "Syria"), ("HOMS", "Syria"), ("IDLIB", "Syria"), ("ADEN", "Yemen"),
    ("SANAA", "Yemen"), ("KABUL", "Afghanistan"), ("KANDAHAR", "Afghanistan"),
    ("MOGADISHU", "Somalia"), ("KIDAL", "Mali"), ("GAO", "Mali"), ("MAIDUGURI", "Nigeria"),
    ("GOMA", "Congo"), ("TRIPOLI", "Libya"), ("BENGHAZI", "Libya"), ("PESHAWAR", "Pakistan"),
    ("QUETTA", "Pakistan"),
]  # fmt: skip
GROUPS = [
    "Northern Valley Front", "Army of the Red Hills", "Saraya al-Nour", "Liwa al-Fajr",
    "Eastern Plains Brigade", "Movement of the Free Coast", "Jaish al-Ward",
    "River Guardians Militia", "Highland Defence Council", "Kataib al-Sahra",
    "People's Shield Battalion", "Southern Dawn Union",
]  # fmt: skip
OFFICIALS = [
    "Karim Haddad", "Samir Nassar", "Layla Farouk", "Omar Bashir Tamimi", "Hana Qasim",
    "Yusuf Rahimi", "Amina Diallo", "Ibrahim Keita", "Farid Osmani", "Nadia Suleiman",
]  # fmt: skip
KINDS = [
    ("a car bomb exploded near a market in {city}, killing {killed} people and wounding "
     "{wounded}", "car bomb"),
    ("fighters of the {group} attacked an army checkpoint in {city}, killing {killed} "
     "soldiers", "attack"),
    ("an air strike hit a {group} base outside {city}, killing {killed} fighters",
     "air strike"),
    ("gunmen from the {group} kidnapped {killed} aid workers on the road to {city}",
     "kidnapping"),
    ("rockets fired by the {group} struck a residential area of {city}, wounding {wounded} "
     "people", "rocket attack"),
    ("hundreds of people protested in {city} against the {group}, and police fired tear "
     "gas", "protest"),
    ("clashes between the army and the {group} in {city} left {killed} people dead",
     "clashes"),
]  # fmt: skip
AGENCIES = ["Reuters", "AP", "AFP"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
START = date(2021, 1, 1)
PER_DAY = 10


def _incident(rng: random.Random, number: int) -> dict[str, object]:
    city, country = rng.choice(PLACES)
    today = START + timedelta(days=number // PER_DAY)
    return {
        "city": city,
        "country": country,
        "group": rng.choice(GROUPS),
        "kind": rng.randrange(len(KINDS)),
        "day": today - timedelta(days=rng.randrange(3)),
        "killed": rng.randint(2, 40),
        "wounded": rng.randint(3, 60),
        "official": rng.choice(OFFICIALS),
    }


def _report(incident: dict[str, object], rng: random.Random, number: int) -> dict[str, str]:
    day = incident["day"]
    assert isinstance(day, date)
    published = day + timedelta(days=rng.choice((0, 0, 1)))
    city = str(incident["city"]).title()
    template, noun = KINDS[int(str(incident["kind"]))]
    fields = {**incident, "city": city}
    what = template.format(**fields)
    official = incident["official"]
    agency = rng.choice(AGENCIES)
    opening = rng.choice(
        (
            f"On {WEEKDAYS[day.weekday()]}, {what}, officials said.",
            f"Security sources said {what} on {WEEKDAYS[day.weekday()]}.",
            f"{what[0].upper()}{what[1:]} on {WEEKDAYS[day.weekday()]}, police said.",
        )
    )
    follow = rng.choice(
        (
            f'"We hold the {incident["group"]} responsible," said {official}, a spokesman '
            f"for the provincial council.",
            f"{official}, the provincial governor, condemned the {noun} and called for calm.",
            f"No group immediately claimed the {noun}. {official} said an investigation "
            "had been opened.",
        )
    )
    tail = rng.choice(
        (
            f"The {noun} was the latest in a series of incidents in the province.",
            f"Residents said the area around {city} had been tense for weeks.",
            "Reporting by staff; editing by the desk.",
        )
    )
    text = (
        f"{incident['city']}, {incident['country']}, {MONTHS[day.month - 1]} {day.day} "
        f"({agency}) - {opening} {follow}\n\n{tail} (report {number})"
    )
    return {"text": text, "title": f"{noun.capitalize()} in {city}", "published": str(published)}


def articles(count: int, seed: int = 17, first: int = 0) -> Iterator[dict[str, str]]:
    """Articles `first` to `first + count - 1` of the feed as JSON objects ({"text", "title",
    "published"}), deterministic for a seed."""
    rng = random.Random(seed)
    told: list[dict[str, object]] = []
    for number in range(first, first + count):
        if told and rng.random() < 0.25:
            incident = rng.choice(told[-3 * PER_DAY :])  # a retelling of a recent incident
        else:
            incident = _incident(rng, number)
            told.append(incident)
        yield _report(incident, rng, number)


def write_corpus(path: Path, count: int, seed: int = 17) -> Path:
    """Write `count` articles as JSON Lines, gzipped when `path` ends in .gz."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:  # type: ignore[operator]
        for article in articles(count, seed):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    write_corpus(Path(sys.argv[2]), int(sys.argv[1]))
