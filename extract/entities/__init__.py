"""Who and where: the `entities` stage, which leaves the article's `EntityTable` on the Doc
(`doc._.ck_entities`); names, persons and their titles, places, agencies, claimants and
datelines are its rules. Other stages use the table's type and a few word lists from here,
never the rules, but for `claimant_phrases` and `message_authors`: who claims by a verb of
responsibility, which the role rules must read as the claimant rule typed it."""

from __future__ import annotations

from .claimants import RESPONSIBILITY_VERBS, claimant_phrases, message_authors
from .name_context import HOLD_NOUNS, PERSON_NOUNS, PLACE_NOUNS_BEFORE_OF
from .name_labels import FORCE_HEADS, INSTITUTION_HEADS, PARTY_HEADS
from .resolution import LOCATIVE_PREPS, STATE_HEADS, resolve
from .table import ARTICLE_KEY_LENGTH, EntityTable, article_key, is_article_scoped

__all__ = [
    "ARTICLE_KEY_LENGTH",
    "FORCE_HEADS",
    "HOLD_NOUNS",
    "INSTITUTION_HEADS",
    "LOCATIVE_PREPS",
    "PARTY_HEADS",
    "PERSON_NOUNS",
    "PLACE_NOUNS_BEFORE_OF",
    "RESPONSIBILITY_VERBS",
    "STATE_HEADS",
    "EntityTable",
    "article_key",
    "claimant_phrases",
    "is_article_scoped",
    "message_authors",
    "resolve",
]
