"""The ACLED and PLOVER vocabularies our event tables are written in, read from the SKOS
schemes of `ontologies/event-types.ttl` (labels, hierarchy, class mappings), plus the few
ACLED codes that are not in the ontology: actor `inter` codes, disorder types and the
precision scales. docs/exports.md says where our coding differs from ACLED's codebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import RDFS, SKOS, URIRef

from conflict_kg.ontologies import CK, CKET, load_ontology

__all__ = [
    "ACLED_CATEGORY_INTER",
    "CIVILIANS",
    "DISORDER_TYPES",
    "GEO_PRECISION",
    "INTER_BY_TYPE",
    "TIME_PRECISION",
    "AcledType",
    "PloverType",
    "acled_type",
    "plover_type",
]

ACLED_CATEGORY_INTER = {
    "State forces": 1,
    "Rebel groups": 2,
    "Political militias": 3,
    "Identity militias": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}
"""ACLED's actor categories (our gazetteer's `acled_category`) and their `inter` codes."""
CIVILIANS = 7
INTER_BY_TYPE = {
    "StateForce": 1,
    "Government": 1,
    "State": 1,
    "ArmedGroup": 3,
    "CommunalGroup": 4,
    "Organization": 8,
    "Person": CIVILIANS,
}
"""The `inter` code of an actor the gazetteer gives no ACLED category, by its type: ACLED
names an unidentified armed group a political militia, a government and a state by its
forces, an international organisation external, and a person a civilian (as a victim only:
`graph.export.tables` leaves a person's code blank in any other role)."""
DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB_EVENT = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}
"""ACLED's exceptions to the disorder type of an event type, by sub-event type."""
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
"""ACLED's scale stops at 3 (a month or more)."""
GEO_PRECISION = {"place": 1, "city": 1, "region": 2, "country": 3}


@dataclass(frozen=True, slots=True)
class AcledType:
    disorder_type: str
    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class PloverType:
    event: str
    """The PLOVER event category, e.g. "ASSAULT"."""
    modes: tuple[str, ...]
    """The PLOVER modes our class is coded with (sorted), e.g. ("heavy-weapons",)."""


@cache
def _acled_types() -> dict[str, AcledType]:
    graph = load_ontology()
    types = {}
    for concept in graph.subjects(SKOS.inScheme, CKET["acled"]):
        notation = graph.value(concept, SKOS.notation)
        broader = graph.value(concept, SKOS.broader)
        if notation is None or broader is None:
            continue
        sub_event = str(graph.value(concept, SKOS.prefLabel))
        event = str(graph.value(broader, SKOS.prefLabel))
        disorder = DISORDER_BY_SUB_EVENT.get(sub_event, DISORDER_TYPES[event])
        types[str(notation)] = AcledType(disorder, event, sub_event)
    return types


def acled_type(code: str | None) -> AcledType | None:
    """The ACLED types of a sub-event code ("AIR_STRIKE"); None for no or an unknown code."""
    return _acled_types().get(code) if code else None


def _plover_of(cls: URIRef, seen: frozenset[URIRef] = frozenset()) -> PloverType | None:
    graph = load_ontology()
    prefix = str(CKET["PLOVER_"])
    events = sorted(
        str(match)[len(prefix) :]
        for match in graph.objects(cls, SKOS.closeMatch)
        if str(match).startswith(prefix)
    )
    if events:
        modes = tuple(sorted(str(mode) for mode in graph.objects(cls, CK.ploverMode)))
        return PloverType(events[0], modes)
    for parent in graph.objects(cls, RDFS.subClassOf):
        if isinstance(parent, URIRef) and str(parent).startswith(str(CK)) and parent not in seen:
            found = _plover_of(parent, seen | {cls})
            if found is not None:
                return found
    return None


def _plover_of_sub_event(code: str) -> PloverType | None:
    """The PLOVER category and modes the ACLED sub-event concept with notation `code` is
    crosswalked to (`skos:closeMatch` and `ck:ploverMode` on the concept)."""
    graph = load_ontology()
    prefix = str(CKET["PLOVER_"])
    concept = CKET[code]
    if (concept, SKOS.inScheme, CKET["acled"]) not in graph:
        return None
    events = sorted(
        str(match)[len(prefix) :]
        for match in graph.objects(concept, SKOS.closeMatch)
        if str(match).startswith(prefix)
    )
    if not events:
        return None
    modes = tuple(sorted(str(mode) for mode in graph.objects(concept, CK.ploverMode)))
    return PloverType(events[0], modes)


@cache
def plover_type(event_class: str | None, acled: str | None = None) -> PloverType | None:
    """The PLOVER category and modes of an event: those of its ACLED sub-event code when the
    ontology crosswalks that code to PLOVER (a grenade attack is ASSAULT mode explosives, a
    protest met with lethal force ASSAULT), else those of its class ("AirOrDroneStrike"), its
    own or its nearest superclass's; None where PLOVER has no category for it."""
    if acled:
        found = _plover_of_sub_event(acled)
        if found is not None:
            return found
    return _plover_of(CK[event_class]) if event_class else None
