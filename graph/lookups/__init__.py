"""Graph lookups: the questions analysts ask, answered from the store without writing SPARQL.

Plain functions over a `Store` that return the frozen dataclasses of `graph.lookups.model`;
their SPARQL lives in `graph/queries/*.rq` (the same named queries `conflict-kg query --name`
runs), with every value bound as an RDF term. The HTTP routes in `api/` are thin shells over
these functions.

    from conflict_kg.graph.lookups import list_incidents
    page = list_incidents(store, type="Attack", actor="kataib-hezbollah", certainty="alleged")

Ids are the last segment of our IRIs (`kataib-hezbollah`, `cae519a22481-1`, an article's
sha256). An id that is not a plain id (letters, digits, `.`, `_`, `-`) raises `ValueError`;
an unknown one gives None.
"""

from __future__ import annotations

from conflict_kg.graph.lookups.articles import get_article, list_articles
from conflict_kg.graph.lookups.entities import get_entity, list_entities, neighbors
from conflict_kg.graph.lookups.groups import NotAGroupError, group_incidents, links_groups_incidents
from conflict_kg.graph.lookups.incidents import get_incident, list_incidents
from conflict_kg.graph.lookups.model import (
    AliasSeen,
    ArticleContents,
    ArticleEvent,
    ArticleSummary,
    Edge,
    EntityDetail,
    EntityIncident,
    EntityRef,
    EntitySummary,
    Evidence,
    GroupIncident,
    GroupLink,
    IncidentActor,
    IncidentDetail,
    IncidentRef,
    IncidentSummary,
    Link,
    Node,
    Page,
    Ref,
    Relation,
    Report,
    RoleClaim,
    Subgraph,
    TextSpan,
)
from conflict_kg.graph.vocabulary import (
    CERTAINTIES,
    GROUP_TYPES,
    LOCAL_ID,
    RELATIONS,
    actor_roles,
    date_span,
    entity_type_names,
    event_type_names,
)

__all__ = [
    "CERTAINTIES",
    "GROUP_TYPES",
    "LOCAL_ID",
    "RELATIONS",
    "AliasSeen",
    "ArticleContents",
    "ArticleEvent",
    "ArticleSummary",
    "Edge",
    "EntityDetail",
    "EntityIncident",
    "EntityRef",
    "EntitySummary",
    "Evidence",
    "GroupIncident",
    "GroupLink",
    "IncidentActor",
    "IncidentDetail",
    "IncidentRef",
    "IncidentSummary",
    "Link",
    "Node",
    "NotAGroupError",
    "Page",
    "Ref",
    "Relation",
    "Report",
    "RoleClaim",
    "Subgraph",
    "TextSpan",
    "actor_roles",
    "date_span",
    "entity_type_names",
    "event_type_names",
    "get_article",
    "get_entity",
    "get_incident",
    "group_incidents",
    "links_groups_incidents",
    "list_articles",
    "list_entities",
    "list_incidents",
    "neighbors",
]
