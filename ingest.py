"""Ingest: the one place where extraction meets the store (used by the CLI and HTTP alike).

`extract` knows nothing of stores and `graph` nothing of spaCy; this module joins them so
that an article goes in whole or not at all, whichever face asked for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from conflict_kg.extract import (
    ArticleError,
    ArticleInput,
    Extraction,
    ExtractionBudgetError,
    article_graph,
    sha256_text,
)
from conflict_kg.graph.store import Store
from conflict_kg.ontologies import article_iri

if TYPE_CHECKING:  # spaCy is imported where extraction runs: the server only stores
    from conflict_kg.extract import Extractor

__all__ = ["IngestResult", "ingest", "store_extraction"]


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
    and leaves the store unchanged. Work goes in batches so spaCy can pipe them; the
    pipeline is loaded with the first batch, so a run of refused inputs never loads it.
    """
    from conflict_kg.extract import Extractor

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
            extractor = extractor or Extractor()
            yield from _store_batch(batch, store, extractor)
            batch = []
    if batch:
        yield from _store_batch(batch, store, extractor or Extractor())


def _store_batch(
    batch: list[ArticleInput], store: Store, extractor: Extractor
) -> Iterator[IngestResult]:
    for extraction in extractor.outcomes(batch):
        if isinstance(extraction, ExtractionBudgetError):
            # Over its time budget: refused like a bad input, nothing stored, the rest go on.
            yield IngestResult(extraction.source, None, False, 0, 0, 0, error=str(extraction))
            continue
        yield store_extraction(extraction, store)


def store_extraction(extraction: Extraction, store: Store) -> IngestResult:
    """Write one finished extraction as its article's named graph, in one transaction.

    The HTTP write path extracts in a worker process and stores here, in the server, where
    the store is open; `ingest` does both in one process.
    """
    iri, graph = article_graph(extraction)
    added = store.add_article(iri, graph)
    return IngestResult(
        source=extraction.source,
        article_id=extraction.article.id,
        added=added,
        triples=len(graph) if added else 0,
        events=len(extraction.events),
        entities=len(extraction.entities),
        extraction=extraction,
    )
