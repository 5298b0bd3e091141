"""Group lookups: which groups are linked to which incidents, in which role, how certain, on
whose word.

Groups are the actors of `GROUP_TYPES`. A link is one (group, incident, role, certainty,
source) with the evidence of every claim that states it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from rdflib import URIRef
from rdflib.namespace import RDF
from rdflib.term import Node as Term

from conflict_kg.graph.lookups.budget import kept
from conflict_kg.graph.lookups.incidents import (
    IndexedIncident,
    actor_spellings,
    matches,
    newest_first,
    resolved,
    wanted_classes,
)
from conflict_kg.graph.lookups.model import (
    EntityRef,
    Evidence,
    GroupIncident,
    GroupLink,
    Link,
    Page,
)
from conflict_kg.graph.lookups.rows import evidence, select, select_each, text
from conflict_kg.graph.store import Store
from conflict_kg.graph.vocabulary import (
    CERTAINTIES,
    GROUP_TYPES,
    certainty_name,
    fold,
    id_iri,
    pick_name,
    primary_type,
    role_rank,
    subclasses,
)
from conflict_kg.ontologies import CK, local_id

__all__ = ["NotAGroupError", "group_incidents", "links_groups_incidents"]


class NotAGroupError(ValueError):
    """The entity exists but is not one of `GROUP_TYPES` (a person, a place, a community)."""


@dataclass(slots=True)
class _LinkRow:
    group: EntityRef
    incident: IndexedIncident
    role: str
    certainty: str
    source: str | None
    claims: list[tuple[Term, Term]]
    """(claim, article) of every claim stating this link, for the evidence."""


def _links(
    store: Store,
    groups: list[URIRef] | None,
    role: str | None,
    certainty: str | None,
    wanted: frozenset[URIRef] | None,
    group_type: str | None,
    date_from: date | None,
    date_to: date | None,
) -> list[_LinkRow]:
    """Every (group, incident, role, certainty, source) link passing the filters, newest
    incident first, then by group name, role and certainty. Incidents are the ones resolved
    across articles and groups their canonical actors, so three articles blaming one group
    for one strike make one link with three claims of evidence (or three, by source)."""
    group_classes = subclasses(group_type) if group_type else None
    classes: dict[Term, set[Term]] = defaultdict(set)
    group_types: dict[Term, set[Term]] = defaultdict(set)
    names: dict[Term, set[str]] = defaultdict(set)
    rows: list[Mapping[str, Term]] = []
    resolution = resolved(store)
    for group in groups or [None]:
        for row in _group_links(store, group):
            canonical = resolution.actors.get(local_id(str(row["group"])))
            if canonical is not None:
                row = {**row, "group": id_iri("entity", canonical)}
            classes[row["incident"]].add(row["class"])
            group_types[row["group"]].add(row["groupClass"])
            names[row["group"]].add(str(row["groupName"]))
            rows.append(row)
    links: dict[tuple[Term, Term, str, str, str | None], _LinkRow] = {}
    for row in rows:
        link_role = local_id(str(row["role"]))
        link_certainty = certainty_name(row["certainty"])
        if (role is not None and link_role != role) or (
            certainty is not None and link_certainty != certainty
        ):
            continue
        if group_classes is not None and not group_types[row["group"]] & group_classes:
            continue
        source = text(row, "source")
        incident = resolution.incident(IndexedIncident.of(row, classes[row["incident"]]))
        key = (row["group"], incident.iri, link_role, link_certainty, source)
        link = links.get(key)
        if link is None:
            if not matches(
                incident.classes, incident.date, incident.precision, wanted, date_from, date_to
            ):
                continue
            group_id = local_id(str(row["group"]))
            name = pick_name(names[row["group"]], group_id)
            group_ref = EntityRef(group_id, name, primary_type(group_types[row["group"]]))
            link = links[key] = _LinkRow(group_ref, incident, link_role, link_certainty, source, [])
        if (row["claim"], row["article"]) not in link.claims:
            link.claims.append((row["claim"], row["article"]))

    def order(link: _LinkRow) -> tuple:
        return (
            newest_first(link.incident.date, link.incident.precision, str(link.incident.iri)),
            fold(link.group.name),
            role_rank(link.role),
            CERTAINTIES.index(link.certainty) if link.certainty in CERTAINTIES else 99,
            link.source or "",
        )

    return sorted(links.values(), key=order)


EVIDENCE_PROPERTIES = {
    CK.sentence: "sentence",
    CK.start: "start",
    CK.end: "end",
    CK.evidenceText: "text",
}


def _group_links(store: Store, group: URIRef | None) -> list[dict[str, Term]]:
    """Every link of `group` (of all groups for None); the whole list is kept per store
    generation because each page of `/links` needs all of it to sort and count."""
    if group is None:
        return kept(store, "group_links", lambda: select(store, "group_links"))
    return select(store, "group_links", group=group)


def _evidence_of(
    store: Store, links: Iterable[_LinkRow]
) -> Callable[[_LinkRow], tuple[Evidence, ...]]:
    """The evidence of every claim of a page's links, read in a few requests for the whole
    page; returns what gives one link its evidence, sorted by article and position."""
    links = list(links)
    claims = [claim for link in links for claim, _ in link.claims if isinstance(claim, URIRef)]
    values: dict[Term, dict[str, Term]] = defaultdict(dict)
    for row in select_each(store, "node_properties", "node", claims):
        name = EVIDENCE_PROPERTIES.get(row["property"])
        if name is not None:
            values[row["node"]][name] = row["value"]

    def of(link: _LinkRow) -> tuple[Evidence, ...]:
        found = [evidence({**values[claim], "article": article}) for claim, article in link.claims]
        return tuple(sorted(found, key=lambda e: (e.article, e.start)))

    return of


def links_groups_incidents(
    store: Store,
    role: str | None = None,
    certainty: str | None = None,
    type: str | None = None,
    group_type: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 50,
    offset: int = 0,
    *,
    incident_classes: Sequence[str] = (),
) -> Page[GroupLink]:
    """Every (group, incident, role, certainty, source) link for actors of `GROUP_TYPES`,
    each with the evidence of the claims that state it. `type` and `incident_classes`
    filter the incident's class (with subclasses), `group_type` the group's."""
    wanted = wanted_classes(type, incident_classes)
    filters = (role, certainty, wanted, group_type, date_from, date_to)
    if filters == (None,) * len(filters):
        # The unfiltered list, the one most asked for, is sorted once per write.
        links = kept(store, "links_groups_incidents", lambda: _links(store, None, *filters))
    else:
        links = _links(store, None, *filters)
    page = links[offset : offset + limit]
    evidence_of = _evidence_of(store, page)
    items = tuple(
        GroupLink(
            group=link.group,
            incident=link.incident.ref,
            role=link.role,
            certainty=link.certainty,
            source=link.source,
            evidence=evidence_of(link),
        )
        for link in page
    )
    return Page(items, len(links), limit, offset)


def group_incidents(
    store: Store,
    id: str,
    role: str | None = None,
    certainty: str | None = None,
    type: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 50,
    offset: int = 0,
    *,
    incident_classes: Sequence[str] = (),
) -> Page[GroupIncident] | None:
    """The incidents one group is linked to, newest first, each with its links (role,
    certainty, source, evidence). None for an unknown id; `NotAGroupError` for an entity
    that is not one of `GROUP_TYPES`."""
    iri = id_iri("entity", id)
    classes: set[Term] = set()
    known = False
    for row in select(store, "node_properties", node=iri):
        known = known or row["property"] == CK.mentionedIn
        if row["property"] == RDF.type:
            classes.add(row["value"])
    if not known:
        return None
    if not any(classes & subclasses(name) for name in GROUP_TYPES):
        kind = primary_type(classes) or "untyped"
        raise NotAGroupError(f"{id} is a {kind}, not a group; groups are: {', '.join(GROUP_TYPES)}")
    by_incident: dict[Term, list[_LinkRow]] = {}
    wanted = wanted_classes(type, incident_classes)
    for link in _links(
        store, actor_spellings(store, id), role, certainty, wanted, None, date_from, date_to
    ):
        by_incident.setdefault(link.incident.iri, []).append(link)
    incidents = list(by_incident.values())
    page = incidents[offset : offset + limit]
    evidence_of = _evidence_of(store, (link for links in page for link in links))
    items = []
    for links in page:
        ref = links[0].incident.ref
        items.append(
            GroupIncident(
                id=ref.id,
                type=ref.type,
                acled=ref.acled,
                date=ref.date,
                date_precision=ref.date_precision,
                links=tuple(
                    Link(link.role, link.certainty, link.source, evidence_of(link))
                    for link in links
                ),
            )
        )
    return Page(tuple(items), len(incidents), limit, offset)
