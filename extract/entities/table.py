"""The entity table: the entities of one article and which tokens mention them.

The `entities` stage fills it and leaves it on the Doc (`doc._.ck_entities`); every later
stage reads it there (roles resolve phrases to its entities, coreference compares places).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from conflict_kg.ontologies import slugify

from ..model import Entity
from ..model import Span as TextSpan
from .titles import is_title_only

__all__ = ["ARTICLE_KEY_LENGTH", "EntityTable", "article_key", "is_article_scoped"]

_slug = lru_cache(maxsize=16384)(slugify)
"""`slugify`, remembered: the same names come back in every article of a feed."""

ARTICLE_KEY_LENGTH = 8
"""Characters of the article id (the sha256 of its text) that end an article-scoped id."""


def article_key(article_id: str) -> str:
    """The short article id that ends the ids of the entities the article describes
    without naming them (`EntityTable.add_unnamed`)."""
    return article_id[:ARTICLE_KEY_LENGTH]


def is_article_scoped(entity_id: str, article_id: str) -> bool:
    """Whether the entity is one the article only describes ("gunmen", "a clinic"): its id
    ends with the article's key, for it is the same entity within this article alone."""
    key = article_key(article_id)
    return bool(key) and entity_id.endswith(f"-{key}")


@dataclass(slots=True)
class EntityTable:
    """Entities of one article and which tokens mention them."""

    entities: dict[str, Entity] = field(default_factory=dict)
    token_entity: dict[int, str] = field(default_factory=dict)
    _seen: set[tuple[str, int, int]] = field(default_factory=set)
    positions: dict[str, tuple[str, str | None, Span]] = field(default_factory=dict)
    """Person id -> (office, country name or None, evidence span)."""
    article_key: str = ""
    """Short article id: unnamed actors ("gunmen") are only the same within one article."""

    def add_unnamed(
        self, span: Span, label: str, type_: str, category: str | None, *, resolve: bool = False
    ) -> Entity:
        """An actor the article describes but does not name, kept apart from every other
        article's "gunmen" by an article-scoped id. With `resolve`, the span's tokens resolve
        to it from now on, as a name's do (no later rule reads its words as anything else)."""
        entity_id = f"{slugify(label)}-{self.article_key}" if self.article_key else slugify(label)
        entity = self.entities.get(entity_id)
        if entity is None:
            entity = Entity(id=entity_id, name=label, type=type_, acled_category=category)
            self.entities[entity_id] = entity
        key = (entity_id, span.start_char, span.end_char)
        if key not in self._seen:
            self._seen.add(key)
            entity.mentions.append(TextSpan(span.start_char, span.end_char, span.text))
        if resolve:
            for index in range(span.start, span.end):
                self.token_entity.setdefault(index, entity_id)
        return entity

    def add_reference(self, span: Span, name: str, type_: str, **details: object) -> Entity:
        """A mention that names an entity without making it an actor of its phrase: the
        tokens stay unresolved, so "British tourists were killed" never makes the United
        Kingdom a victim, yet "British" is recorded as a mention of it."""
        return self._mention(span, span.text, name, type_, details)

    def _mention(
        self, span: Span, text: str, name: str, type_: str, details: dict[str, object]
    ) -> Entity:
        """The entity `name` (made on first mention) with `span` (whose text is `text`,
        read once by the caller: a Span's text is joined anew on every read) among its
        mentions."""
        entity_id = _slug(name)
        entity = self.entities.get(entity_id)
        if entity is None:
            entity = Entity(id=entity_id, name=name, type=type_)
            self.entities[entity_id] = entity
            for key, value in details.items():
                setattr(entity, key, value)
        start, end = span.start_char, span.end_char
        key = (entity_id, start, end)
        if key not in self._seen:
            self._seen.add(key)
            entity.mentions.append(TextSpan(start, end, text))
        return entity

    def add(self, span: Span, name: str, type_: str, **details: object) -> Entity:
        """A mention of an actor or place: its tokens resolve to the entity from now on."""
        text = span.text
        if len(span) > 1 and text.endswith(("'s", "’s")):
            span = span[:-1]
            text = span.text
        entity = self._mention(span, text, name, type_, details)
        bare = text[4:] if text.lower().startswith("the ") else text
        if (
            bare != entity.name
            and bare not in entity.aliases
            and bare[:1].isupper()
            and not (entity.type == "Person" and is_title_only(bare))
        ):
            entity.aliases.append(bare)
        token_entity = self.token_entity
        for index in range(span.start, span.end):
            token_entity.setdefault(index, entity.id)
        return entity

    def add_apart(self, span: Span, name: str, type_: str) -> Entity:
        """A mention of `name` as a `type_` kept apart from an entity of another type that
        has the same name: "Harding, the port director" beside "the port of Harding" is a man
        and the town he shares a name with, two entities, never one with two types."""
        entity = self.entities.get(_slug(name))
        if entity is None or entity.type == type_:
            return self.add(span, name, type_)
        entity = self._mention(span, span.text, f"{name} ({type_.lower()})", type_, {})
        entity.name = name
        for index in range(span.start, span.end):
            self.token_entity.setdefault(index, entity.id)
        return entity

    def at(self, token: Token) -> Entity | None:
        entity_id = self.token_entity.get(token.i)
        return self.entities.get(entity_id) if entity_id else None

    def place_tokens(self) -> set[int]:
        """Tokens that mention a place (or a state named as one): triggers near them are
        located, and coreference keeps incidents at different places apart."""
        return {
            i
            for i, entity_id in self.token_entity.items()
            if self.entities[entity_id].type == "Place" or self.entities[entity_id].also_place
        }
