"""Article lookups: the stored articles, and what one article contributed to the graph."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from rdflib import URIRef
from rdflib.term import Node as Term

from conflict_kg.graph.lookups.budget import kept
from conflict_kg.graph.lookups.model import (
    ArticleContents,
    ArticleEvent,
    ArticleSummary,
    EntityRef,
    Page,
    Ref,
    TextSpan,
)
from conflict_kg.graph.lookups.rows import integer, select, text
from conflict_kg.graph.store import Store
from conflict_kg.graph.vocabulary import LOCAL_ID, pick_name, primary_type
from conflict_kg.ontologies import article_iri, local_id

__all__ = ["get_article", "list_articles"]


def _ref(row: Mapping[str, Term], node: str, name: str) -> Ref | None:
    if node not in row:
        return None
    identifier = local_id(str(row[node]))
    return Ref(identifier, text(row, name) or identifier)


def _articles(store: Store) -> dict[Term, Mapping[str, Term]]:
    """Every stored article's row (title, dates, publisher, dateline), kept per write: the
    `articles` query bound to one article still reads them all on the embedded store."""

    def read() -> dict[Term, Mapping[str, Term]]:
        found: dict[Term, Mapping[str, Term]] = {}
        for row in select(store, "articles"):
            found.setdefault(row["article"], row)
        return found

    return kept(store, "articles", read)


def _newest_first(store: Store) -> tuple[tuple[Term, Mapping[str, Term]], ...]:
    return tuple(
        sorted(
            _articles(store).items(),
            key=lambda item: (
                "published" not in item[1],
                "".join(chr(0x10FFFF - ord(c)) for c in text(item[1], "published") or ""),
                text(item[1], "title") or "",
                str(item[0]),
            ),
        )
    )


def list_articles(store: Store, limit: int = 50, offset: int = 0) -> Page[ArticleSummary]:
    """Stored articles, most recently published first (undated last), with how many
    incidents each reports and how many entities it mentions. The order is kept per write
    generation; a page reads only its own articles' counts."""
    ordered = kept(store, "articles_newest_first", lambda: _newest_first(store))
    items = []
    for iri, row in ordered[offset : offset + limit]:
        events = {r["incident"] for r in select(store, "article_events", article=iri)}
        entities = {r["entity"] for r in select(store, "article_entities", article=iri)}
        items.append(
            ArticleSummary(
                id=text(row, "sha") or local_id(str(iri)),
                iri=str(iri),
                title=text(row, "title"),
                published=text(row, "published"),
                publisher=_ref(row, "publisher", "publisherName"),
                dateline=_ref(row, "dateline", "datelineName"),
                events=len(events),
                entities=len(entities),
            )
        )
    return Page(tuple(items), len(ordered), limit, offset)


def get_article(store: Store, id: str) -> ArticleContents | None:
    """The incidents one article reports and the entities it mentions, as that article
    states them, and how many triples its graph holds; None if it is not stored."""
    if not LOCAL_ID.match(id):
        raise ValueError(f"not an article id: {id!r}")
    iri = article_iri(id)
    if not store.has_article(iri):
        return None
    row = _articles(store).get(iri, {})
    classes: dict[Term, set[Term]] = defaultdict(set)
    events: dict[Term, Mapping[str, Term]] = {}
    for event in select(store, "article_events", article=iri):
        classes[event["incident"]].add(event["class"])
        events.setdefault(event["incident"], event)
    mentions = _mentions(store, iri)
    names: dict[Term, set[str]] = defaultdict(set)
    for entity in select(store, "article_entities", article=iri):
        classes[entity["entity"]].add(entity["class"])
        names[entity["entity"]].add(str(entity["name"]))
    entities = [
        EntityRef(local_id(str(e)), pick_name(n, local_id(str(e))), primary_type(classes[e]))
        for e, n in names.items()
    ]
    return ArticleContents(
        id=id,
        iri=str(iri),
        title=text(row, "title"),
        published=text(row, "published"),
        events=tuple(
            sorted(
                (
                    ArticleEvent(
                        id=local_id(str(e)),
                        type=primary_type(classes[e]),
                        acled=text(event, "acled"),
                        date=text(event, "date"),
                        mentions=mentions.get(e, ()),
                    )
                    for e, event in events.items()
                ),
                key=lambda ev: _number(ev.id),
            )
        ),
        entities=tuple(sorted(entities, key=lambda e: (e.name.casefold(), e.id))),
        triples=len(store.article_graph(iri)),
    )


def _mentions(store: Store, article: URIRef) -> dict[Term, tuple[TextSpan, ...]]:
    """Each incident's mentions in the article, by rank (the trigger first)."""
    ranked: dict[Term, list[tuple[int, TextSpan]]] = defaultdict(list)
    for row in select(store, "article_mentions", article=article):
        start, end, rank = integer(row, "start"), integer(row, "end"), integer(row, "rank")
        if start is None or end is None:
            continue
        span = TextSpan(start, end, text(row, "text") or "")
        ranked[row["incident"]].append((rank if rank is not None else 0, span))
    return {incident: tuple(s for _, s in sorted(spans)) for incident, spans in ranked.items()}


def _number(incident_id: str) -> tuple[int, str]:
    """Incidents of one article in the order the extractor numbered them (…-2 before …-10)."""
    _, _, number = incident_id.rpartition("-")
    return (int(number) if number.isdigit() else 0, incident_id)
