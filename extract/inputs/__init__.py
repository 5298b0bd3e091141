"""What comes in: an article's text and metadata (files, JSON, request bodies), its header
(headline, dateline, publication date), the dates it says and the time budget it may take.
No spaCy here: reading inputs must not pay for loading the pipeline."""

from __future__ import annotations

from .article import (
    ArticleError,
    ArticleInput,
    MalformedInput,
    article_from_json,
    dateline_date,
    dateline_place,
    dateline_span,
    decode_text,
    field_refusal,
    json_article,
    parse_article,
    plain_article,
    read_inputs,
    sha256_text,
    text_refusal,
)
from .budget import Budget, ExtractionBudgetError
from .time import MonthDay, ResolvedDate, article_anchor, resolve_date

__all__ = [
    "ArticleError",
    "ArticleInput",
    "Budget",
    "ExtractionBudgetError",
    "MalformedInput",
    "MonthDay",
    "ResolvedDate",
    "article_anchor",
    "article_from_json",
    "dateline_date",
    "dateline_place",
    "dateline_span",
    "decode_text",
    "field_refusal",
    "json_article",
    "parse_article",
    "plain_article",
    "read_inputs",
    "resolve_date",
    "sha256_text",
    "text_refusal",
]
