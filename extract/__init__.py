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
    from .entities import ARTICLE_KEY_LENGTH, is_article_scoped
    from .extractor import Extractor
    from .inputs import (
        ArticleError,
        ArticleInput,
        ExtractionBudgetError,
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
    from .language import load_lexicon
    from .model import ArticleMeta, Event, Extraction
    from .nlp import load_nlp
    from .triples import article_graph
    from .windows import MAX_CHARS, cut_windows

_WHERE = {
    "ArticleError": "inputs",
    "ArticleInput": "inputs",
    "MalformedInput": "inputs",
    "article_from_json": "inputs",
    "dateline_place": "inputs",
    "decode_text": "inputs",
    "field_refusal": "inputs",
    "json_article": "inputs",
    "parse_article": "inputs",
    "plain_article": "inputs",
    "read_inputs": "inputs",
    "sha256_text": "inputs",
    "text_refusal": "inputs",
    "ExtractionBudgetError": "inputs",
    "ARTICLE_KEY_LENGTH": "entities",
    "is_article_scoped": "entities",
    "load_lexicon": "language",
    "ArticleMeta": "model",
    "Event": "model",
    "Extraction": "model",
    "MAX_CHARS": "windows",
    "Extractor": "extractor",
    "load_nlp": "nlp",
    "article_graph": "triples",
    "cut_windows": "windows",
}
"""Each public name and the module or stage package (relative to this package) that has it."""

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
