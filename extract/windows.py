"""Long texts in windows: cut at paragraph (else sentence) ends, extracted one window at a
time, and the windows' extractions joined into one for the whole article.

The rules that turn a Doc into facts look across the whole Doc (coreference of names and
incidents, repeats of a name, the incident a sentence continues), so their work grows
faster than the text. A window bounds that work and spaCy's memory: a text of any length
costs its number of windows times the cost of one window. Within a window nothing changes;
what is lost at a window's edge is what a rule would link across it (a surname whose full
name is in an earlier window, "the attack" naming an incident of an earlier window).
Articles up to one window long (all ordinary news articles) are one window, so their
extraction is exactly that of the whole text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .model import Argument, ArticleMeta, Entity, Event, Extraction, Mention, Relation, Span

__all__ = ["MAX_CHARS", "cut_windows", "join_extractions", "no_facts_warning"]

MAX_CHARS = 100_000
"""Longer texts are extracted in windows of at most this many characters: spaCy's memory and
the rules' work grow with a Doc's length."""

CUTS = ("\n", ". ", " ")
"""Where a window may end, best first: after a line break, a full stop, a space."""


def cut_windows(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive windows of at most `size` characters covering `text`,
    each ending after the last line break of its second half, else after its last full
    stop, else after its last space (else exactly at `size`)."""
    if size < 2:
        raise ValueError(f"window size must be at least 2 characters, got {size}")
    windows: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            for cut in CUTS:
                found = text.rfind(cut, start + size // 2, end)
                if found != -1:
                    end = found + len(cut)
                    break
        windows.append((start, end))
        start = end
    return windows


def no_facts_warning(source: str) -> str:
    return f"{source}: no entities or events found"


def _span(span: Span, offset: int) -> Span:
    return Span(span.start + offset, span.end + offset, span.text)


def _optional(span: Span | None, offset: int) -> Span | None:
    return None if span is None else _span(span, offset)


def _mention(mention: Mention, offset: int) -> Mention:
    return replace(
        mention,
        start=mention.start + offset,
        end=mention.end + offset,
        sentence=_optional(mention.sentence, offset),
    )


def _argument(argument: Argument, offset: int) -> Argument:
    return replace(
        argument,
        start=argument.start + offset,
        end=argument.end + offset,
        sentence=_optional(argument.sentence, offset),
    )


def _event(event: Event, offset: int, ids: dict[str, str]) -> Event:
    return replace(
        event,
        id=ids[event.id],
        trigger=_span(event.trigger, offset),
        sentence=_optional(event.sentence, offset),
        mentions=[_mention(m, offset) for m in event.mentions],
        arguments=[_argument(a, offset) for a in event.arguments],
        concerns=ids.get(event.concerns) if event.concerns else None,
    )


def _relation(relation: Relation, offset: int) -> Relation:
    return replace(
        relation,
        evidence=_span(relation.evidence, offset),
        sentence=_optional(relation.sentence, offset),
    )


def join_extractions(
    source: str, meta: ArticleMeta, text: str, parts: Iterable[tuple[int, Extraction]]
) -> Extraction:
    """One extraction of `text` from the extractions of its windows, each given with the
    offset of its window: offsets become the whole text's, events are numbered on through
    the windows, an entity (by id) gathers its mentions from every window and keeps its
    first window's name and type, and a relation (subject, predicate, object) keeps its
    first evidence, as `extract.roles.relations` does within a text."""
    joined = Extraction(source=source, article=meta, text=text)
    entities: dict[str, Entity] = {}
    relations: dict[tuple[str, str, str], Relation] = {}
    prefix = f"{meta.id[:12]}-"
    for offset, part in parts:
        ids = {
            event.id: f"{prefix}{len(joined.events) + number}"
            for number, event in enumerate(part.events, start=1)
        }
        joined.events.extend(_event(event, offset, ids) for event in part.events)
        for entity in part.entities:
            mentions = [_span(m, offset) for m in entity.mentions]
            known = entities.get(entity.id)
            if known is None:
                entities[entity.id] = replace(
                    entity, mentions=mentions, aliases=list(entity.aliases)
                )
                continue
            known.mentions.extend(mentions)
            known.aliases.extend(a for a in entity.aliases if a not in known.aliases)
        for relation in part.relations:
            key = (relation.subject, relation.predicate, relation.object)
            relations.setdefault(key, _relation(relation, offset))
        joined.nonspecific.extend(
            replace(
                m,
                start=m.start + offset,
                end=m.end + offset,
                sentence=_optional(m.sentence, offset),
                arguments=[_argument(a, offset) for a in m.arguments],
            )
            for m in part.nonspecific
        )
        weapons = {w.id for w in joined.weapons}
        joined.weapons.extend(w for w in part.weapons if w.id not in weapons)
        for position, label in part.positions.items():
            joined.positions.setdefault(position, label)
        joined.warnings.extend(w for w in part.warnings if w != no_facts_warning(source))
    joined.entities = list(entities.values())
    joined.relations = list(relations.values())
    if not joined.events and not joined.entities:
        joined.warnings.append(no_facts_warning(source))
    return joined
