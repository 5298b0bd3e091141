"""Ingest: the one place where extraction meets the store (used by the CLI and HTTP alike).

`extract` knows nothing of stores and `graph` nothing of spaCy; this package joins them so
that an article goes in whole or not at all, whichever face asked for it, and so that a
corpus of any size streams through in batches:

- `sources`: inputs read lazily (directories, .txt, .json, .jsonl/.ndjson, .gz, stdin);
- `batches`: extraction of a batch in this process, and the outcome the writer stores;
- `cluster`: the same on a Dask cluster (imported only when asked for);
- this module: the loop that skips what is stored, extracts the rest and writes each batch
  in one store transaction (`Store.add_articles`), or several batches joined into one when
  the runner asks for it (Dask's: `BatchRunner.write_articles`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import URIRef

from conflict_kg.extract import ArticleError, ArticleInput, Extraction, sha256_text
from conflict_kg.graph.store import Store
from conflict_kg.ingest.batches import BatchRunner, Extracted, SerialRunner, chunks, extracted
from conflict_kg.ingest.sources import Reading, stream_inputs
from conflict_kg.ontologies import article_iri

if TYPE_CHECKING:  # spaCy is imported where extraction runs: the server only stores
    from conflict_kg.extract import Extractor

__all__ = [
    "DEFAULT_BATCH",
    "BatchRunner",
    "IngestResult",
    "Reading",
    "SerialRunner",
    "ingest",
    "store_extraction",
    "stream_inputs",
]

DEFAULT_BATCH = 64
"""Articles per batch: one existence check, one extraction job and one write each."""


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
    batch_size: int = DEFAULT_BATCH,
    runner: BatchRunner | None = None,
) -> Iterator[IngestResult]:
    """Extract and store every article, batch by batch; one result per input, in order.

    Bad inputs come back as error results. Articles already stored (by their text's hash)
    are skipped before extraction, so a rerun after a crash resumes where the last written
    batch ended and leaves what is stored unchanged. Each batch is written in one store
    transaction, every article whole or not at all; a runner whose batches arrive faster
    than one transaction each is worth (Dask's) asks for consecutive batches to be joined
    into one transaction of at least `runner.write_articles` articles, which the embedded
    store writes through its bulk loader. `runner` extracts (default: in this process with
    `extractor`, loaded with the first batch that needs it); the input is read lazily, so
    memory holds the batches in flight and those waiting to be joined, not the corpus.
    """
    runner = runner or SerialRunner(extractor)
    early: deque[list[IngestResult | None]] = deque()
    joined: list[list[Extracted]] = []  # batches extracted, not yet written

    def batches() -> Iterator[list[ArticleInput]]:
        for chunk in chunks(items, batch_size):
            done, todo = _triage(chunk, store)
            early.append(done)
            yield todo

    def flush() -> Iterator[IngestResult]:
        group = list(joined)
        joined.clear()
        written = _write([o for outcomes in group for o in outcomes], store)
        # In input order: a None slot is the next article the batches extracted and wrote.
        for _ in group:
            yield from (slot if slot is not None else next(written) for slot in early.popleft())

    try:
        for outcomes in runner.run(batches()):
            joined.append(outcomes)
            if sum(map(len, joined)) >= getattr(runner, "write_articles", 0):
                yield from flush()
    except Exception:
        yield from flush()  # what was extracted before a batch failed for good is kept
        raise
    yield from flush()
    while early:  # a runner that stopped early must not swallow refused inputs
        yield from (slot for slot in early.popleft() if slot is not None)


def _triage(
    chunk: list[ArticleInput | ArticleError], store: Store
) -> tuple[list[IngestResult | None], list[ArticleInput]]:
    """One slot per input: an error result for a bad input, a skip for a stored (or
    repeated) text, None for an article left to extract; and those articles, in order."""
    hashes = {id(i): sha256_text(i.text) for i in chunk if isinstance(i, ArticleInput)}
    stored = {str(iri) for iri in store.stored_articles([article_iri(h) for h in hashes.values()])}
    slots: list[IngestResult | None] = []
    left: list[ArticleInput] = []
    seen: set[str] = set()
    for item in chunk:
        if isinstance(item, ArticleError):
            source = str(item).split(": ", 1)[0]
            slots.append(IngestResult(source, None, False, 0, 0, 0, error=str(item)))
            continue
        sha = hashes[id(item)]
        if str(article_iri(sha)) in stored or sha in seen:
            slots.append(IngestResult(item.source, sha, False, 0, 0, 0))
        else:
            seen.add(sha)
            slots.append(None)
            left.append(item)
    return slots, left


def _write(outcomes: list[Extracted], store: Store) -> Iterator[IngestResult]:
    """Store a batch's extractions in one transaction, then report each outcome."""
    articles = [
        (URIRef(o.iri), o.quads or []) for o in outcomes if o.error is None and o.iri is not None
    ]
    added = iter(store.add_articles(articles) if articles else ())
    for outcome in outcomes:
        if outcome.error is not None or outcome.iri is None:
            yield IngestResult(outcome.source, None, False, 0, 0, 0, error=outcome.error)
            continue
        new = next(added)
        yield IngestResult(
            source=outcome.source,
            article_id=outcome.article_id,
            added=new,
            triples=outcome.triples if new else 0,
            events=outcome.events,
            entities=outcome.entities,
            extraction=outcome.extraction,
        )


def store_extraction(extraction: Extraction, store: Store) -> IngestResult:
    """Write one finished extraction as its article's named graph, in one transaction.

    The HTTP write path extracts in a worker process and stores here, in the server, where
    the store is open; `ingest` does many at once.
    """
    (result,) = _write([extracted(extraction)], store)
    return result
