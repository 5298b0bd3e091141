"""The scale benchmark's invented corpus (benchmarks/scale_corpus.py), for the ingest,
resolution and lookup tests: benchmarks/ is no package, so it is imported from its file."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from conflict_kg.extract import ArticleInput, article_from_json

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scale_corpus", BENCHMARKS / "scale_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_corpus(path: Path, count: int, seed: int = 17) -> Path:
    """`count` invented articles as JSON Lines at `path` (gzipped if it ends in .gz)."""
    return corpus_module().write_corpus(path, count, seed)


def generated_articles(count: int, seed: int) -> list[ArticleInput]:
    """`count` invented wire reports as articles (one in four retells another), sources
    `gen:0`, `gen:1`, ..."""
    rows = corpus_module().articles(count, seed)
    return [article_from_json(f"gen:{n}", row) for n, row in enumerate(rows)]


def sorted_nquads(store) -> list[str]:
    """Every quad of the store as sorted N-Quads lines: two stores hold the same graph
    exactly when these are equal."""
    return sorted(line for line in store.export("nquads").decode().splitlines() if line)
