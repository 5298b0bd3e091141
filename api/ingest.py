"""Ingest: the one place where extraction meets the store (used by the CLI and HTTP alike).

`extract` knows nothing of stores and `graph` nothing of spaCy; this module joins them so
that an article goes in whole or not at all, whichever face asked for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extract.article import ArticleError, ArticleInput, sha256_text
from extract.budget import ExtractionBudgetError
from extract.model import Extraction
from extract.pipeline import Extractor
from extract.triples import article_graph
from graph.store import Store
from ontologies import article_iri

__all__ = ["IngestResult", "ingest"]


@dataclass(frozen=True, slots=True)
class IngestResult:
    source: str
    article_id: str | None
    added: bool
    """False when the same text was already stored (nothing written)."""
    triples: int
    events: int
    entities: int
    error: str | None = None
    extraction: Extraction | None = None


def ingest(
    items: Iterable[ArticleInput | ArticleError],
    store: Store,
    extractor: Extractor | None = None,
    batch_size: int = 32,
) -> Iterator[IngestResult]:
    """Extract and store each article atomically; bad inputs come back as error results.

    Articles already stored are skipped before extraction, so re-running an ingest is cheap
    and leaves the store unchanged. Work goes in batches so spaCy can pipe them.
    """
    extractor = extractor or Extractor()
    batch: list[ArticleInput] = []
    for item in items:
        if isinstance(item, ArticleError):
            source = str(item).split(": ", 1)[0]
            yield IngestResult(source, None, False, 0, 0, 0, error=str(item))
            continue
        sha = sha256_text(item.text)
        if store.has_article(article_iri(sha)):
            yield IngestResult(item.source, sha, False, 0, 0, 0)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _store_batch(batch, store, extractor)
            batch = []
    yield from _store_batch(batch, store, extractor)


def _store_batch(
    batch: list[ArticleInput], store: Store, extractor: Extractor
) -> Iterator[IngestResult]:
    for extraction in extractor.outcomes(batch):
        if isinstance(extraction, ExtractionBudgetError):
            # Over its time budget: refused like a bad input, nothing stored, the rest go on.
            yield IngestResult(extraction.source, None, False, 0, 0, 0, error=str(extraction))
            continue
        iri, graph = article_graph(extraction)
        added = store.add_article(iri, graph)
        yield IngestResult(
            source=extraction.source,
            article_id=extraction.article.id,
            added=added,
            triples=len(graph) if added else 0,
            events=len(extraction.events),
            entities=len(extraction.entities),
            extraction=extraction,
        )
