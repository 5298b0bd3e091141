"""Batches of articles: which need extracting, extracting them, and what comes back.

The ingest loop (`conflict_kg.ingest.ingest`) cuts the input stream into batches, asks the
store in one request which of a batch's articles it already holds, hands the rest to a
*runner* and writes what the runner returns. The runner here extracts in this process; the
one in `ingest.dask` sends batches to Dask workers. Both return `Extracted` outcomes, so the
writer does not know where extraction ran.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Protocol

import pyoxigraph as ox

from conflict_kg.extract import ArticleError, ArticleInput, Extraction, ExtractionBudgetError
from conflict_kg.graph.store.terms import article_quads

if TYPE_CHECKING:
    from conflict_kg.extract import Extractor

__all__ = ["BatchRunner", "Extracted", "SerialRunner", "chunks", "extracted", "outcome_of"]


@dataclass(frozen=True, slots=True)
class Extracted:
    """One article's outcome: its quads (or N-Quads bytes, from a worker, which the writer
    hands to the store as they are) or an error."""

    source: str
    article_id: str | None
    iri: str | None
    quads: list[ox.Quad] | bytes | None
    events: int = 0
    entities: int = 0
    triples: int = 0
    """How many quads (counted where they were made: the writer need not count lines)."""
    error: str | None = None
    extraction: Extraction | None = None
    """The extraction itself when it ran in this process (the HTTP write path's callers
    read it); None when it came back from a worker."""


def outcome_of(extraction: Extraction | ExtractionBudgetError, serialise: bool) -> Extracted:
    """An extraction as the writer needs it; `serialise` turns the quads into N-Quads bytes
    (for a worker's answer: a few times smaller than pickled terms)."""
    if isinstance(extraction, ExtractionBudgetError):
        # Over its time budget: refused like a bad input, nothing stored, the rest go on.
        return Extracted(extraction.source, None, None, None, error=str(extraction))
    return extracted(extraction, serialise)


def extracted(extraction: Extraction, serialise: bool = False) -> Extracted:
    """An extraction's article graph as quads (N-Quads bytes when `serialise`)."""
    # Imported here: `article_graph` pulls in spaCy, which a process that only writes what
    # Dask workers extracted (the CLI with --workers) never needs to load.
    from conflict_kg.extract import article_graph

    iri, graph = article_graph(extraction)
    quads = article_quads(iri, graph)
    return Extracted(
        source=extraction.source,
        article_id=extraction.article.id,
        iri=str(iri),
        quads=ox.serialize(quads, format=ox.RdfFormat.N_QUADS) if serialise else quads,
        events=len(extraction.events),
        entities=len(extraction.entities),
        triples=len(quads),
        extraction=None if serialise else extraction,
    )


class BatchRunner(Protocol):
    """Extracts batches: yields, for every batch it takes and in the same order, the list of
    its outcomes, one per article in input order. It may take batches ahead of the outcomes
    it yields (a pool keeps several in flight); it must yield each batch's outcomes once."""

    write_articles: int
    """The writer joins consecutive batches until they hold this many articles and stores
    them in one transaction (0: every batch in its own, as soon as it is extracted)."""

    def run(self, batches: Iterable[list[ArticleInput]]) -> Iterator[list[Extracted]]: ...


class SerialRunner:
    """Extraction in this process, one batch at a time (spaCy pipes each batch). The
    pipeline is loaded with the first batch that has an article to extract, so a run of
    inputs that are all refused or already stored never loads it. Each batch is written
    before the next is extracted, so nothing is gained by joining them."""

    write_articles = 0

    def __init__(self, extractor: Extractor | None = None, budget: float | None = None) -> None:
        self.extractor = extractor
        self.budget = budget

    def run(self, batches: Iterable[list[ArticleInput]]) -> Iterator[list[Extracted]]:
        for batch in batches:
            if not batch:
                yield []
                continue
            if self.extractor is None:
                from conflict_kg.extract import Extractor

                self.extractor = Extractor(budget=self.budget)
            yield [outcome_of(e, serialise=False) for e in self.extractor.outcomes(batch)]


def chunks(
    items: Iterable[ArticleInput | ArticleError], size: int
) -> Iterator[list[ArticleInput | ArticleError]]:
    """`items` in lists of `size`, read lazily: memory holds one batch, not the corpus."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
