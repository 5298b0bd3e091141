"""Articles in, extractions out: the face of the extraction package.

Everything outside `extract` (the ingest service, the API, the CLI, benchmarks, tests of other
packages) imports from here and nothing deeper, so that the stages behind it can move without
touching their callers. Names load lazily (PEP 562): reading an article's inputs must not pay
for loading spaCy, which only `Extractor` needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import (
        ArticleError,
        ArticleInput,
        MalformedInput,
        article_from_json,
        dateline_place,
        decode_text,
        field_refusal,
        json_article,
        parse_article,
        plain_article,
        read_inputs,
        sha256_text,
        text_refusal,
    )
    from .budget import ExtractionBudgetError
    from .entities import ARTICLE_KEY_LENGTH, is_article_scoped
    from .lexicon import load_lexicon
    from .model import ArticleMeta, Event, Extraction
    from .pipeline import MAX_CHARS, Extractor, load_nlp
    from .triples import article_graph
    from .windows import cut_windows

_WHERE = {
    "ArticleError": "article",
    "ArticleInput": "article",
    "MalformedInput": "article",
    "article_from_json": "article",
    "dateline_place": "article",
    "decode_text": "article",
    "field_refusal": "article",
    "json_article": "article",
    "parse_article": "article",
    "plain_article": "article",
    "read_inputs": "article",
    "sha256_text": "article",
    "text_refusal": "article",
    "ExtractionBudgetError": "budget",
    "ARTICLE_KEY_LENGTH": "entities",
    "is_article_scoped": "entities",
    "load_lexicon": "lexicon",
    "ArticleMeta": "model",
    "Event": "model",
    "Extraction": "model",
    "MAX_CHARS": "pipeline",
    "Extractor": "pipeline",
    "load_nlp": "pipeline",
    "article_graph": "triples",
    "cut_windows": "windows",
}
"""Each public name and the module (relative to this package) that defines it."""

__all__ = [
    "ARTICLE_KEY_LENGTH",
    "MAX_CHARS",
    "ArticleError",
    "ArticleInput",
    "ArticleMeta",
    "Event",
    "Extraction",
    "ExtractionBudgetError",
    "Extractor",
    "MalformedInput",
    "article_from_json",
    "article_graph",
    "cut_windows",
    "dateline_place",
    "decode_text",
    "field_refusal",
    "is_article_scoped",
    "json_article",
    "load_lexicon",
    "load_nlp",
    "parse_article",
    "plain_article",
    "read_inputs",
    "sha256_text",
    "text_refusal",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})
