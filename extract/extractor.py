"""Article inputs in, `Extraction`s out: the spaCy pipeline over batches of texts (windows of
a long one), then the stages (`extract.stages`) over each Doc, within each article's time
budget.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language

from .inputs import ArticleInput, Budget, ExtractionBudgetError, dateline_place, parse_article
from .language import load_lexicon
from .model import ArticleMeta, Extraction
from .nlp import load_nlp
from .stages import build_extraction
from .windows import MAX_CHARS, cut_windows, join_extractions

__all__ = ["Extractor"]


class Extractor:
    """Article inputs in, `Extraction`s out, batched through `nlp.pipe`.

    `budget` is the most seconds one article may take (None or 0: no limit); an article
    over it is refused with `ExtractionBudgetError`. Texts longer than `window_chars` are extracted
    window by window (`extract.windows`), so their time grows linearly with their length.
    `extra_frames` are more lines of `extract/data/frames.jsonl` (JSON strings): trigger
    words with their roles, found as if they were in the file.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        batch_size: int = 16,
        budget: float | None = None,
        window_chars: int = MAX_CHARS,
        extra_frames: Sequence[str] = (),
    ) -> None:
        if budget is not None and not budget >= 0:
            raise ValueError(f"the article budget must be 0 or more seconds, got {budget}")
        frames = tuple(extra_frames)
        self.nlp = nlp or load_nlp(frames)
        self.lexicon = load_lexicon(frames)
        self.batch_size = batch_size
        self.budget = budget or None
        self.window_chars = window_chars

    def extract(self, item: ArticleInput) -> Extraction:
        """The extraction of one article; raises `ExtractionBudgetError` over the budget."""
        return next(iter(self.extract_many([item])))

    def extract_many(self, items: Iterable[ArticleInput]) -> Iterator[Extraction]:
        """Yield one extraction per input, in input order; an article over the budget
        raises its `ExtractionBudgetError` (use `outcomes` to go on past it)."""
        for outcome in self.outcomes(items):
            if isinstance(outcome, ExtractionBudgetError):
                raise outcome
            yield outcome

    def outcomes(
        self, items: Iterable[ArticleInput]
    ) -> Iterator[Extraction | ExtractionBudgetError]:
        """Yield, in input order, each input's extraction or, for an article over the
        budget, its `ExtractionBudgetError`, and go on with the next."""
        short: list[tuple[ArticleInput, ArticleMeta]] = []
        for item in items:
            meta, _ = parse_article(item)
            if item.text.strip() and len(item.text) <= self.window_chars:
                short.append((item, meta))
                if len(short) >= self.batch_size:
                    yield from self._batch(short)
                    short = []
                continue
            yield from self._batch(short)
            short = []
            if not item.text.strip():
                yield _empty(item, meta)
            else:
                yield self._windowed(item, meta)
        yield from self._batch(short)

    def _batch(
        self, batch: list[tuple[ArticleInput, ArticleMeta]]
    ) -> Iterator[Extraction | ExtractionBudgetError]:
        """Short articles, parsed together by `nlp.pipe`. spaCy parses a batch at once, so
        each article is charged the batch's parsing time in proportion to its length."""
        if not batch:
            return
        total = sum(len(item.text) for item, _ in batch)
        docs = iter(self.nlp.pipe([item.text for item, _ in batch], batch_size=self.batch_size))
        parsing = 0.0
        for index, (item, meta) in enumerate(batch):
            before = time.monotonic()
            doc = next(docs)
            waited = time.monotonic() - before
            if index == 0:
                parsing, waited = waited, 0.0  # the first `next` parsed the whole batch
            spent = parsing * len(item.text) / total + waited
            budget = Budget(self.budget, item.source, len(item.text), spent)
            try:
                budget.check(0)
                extraction = build_extraction(
                    doc, item.source, meta, self.lexicon, dateline_place(item.text)
                )
                budget.check(len(item.text))
            except ExtractionBudgetError as exc:
                yield exc
                continue
            yield extraction

    def _windowed(
        self, item: ArticleInput, meta: ArticleMeta
    ) -> Extraction | ExtractionBudgetError:
        """A long text, one window at a time: parsed lazily (one window in memory), with
        the budget checked before and after each window's rules."""
        text = item.text
        budget = Budget(self.budget, item.source, len(text))
        windows = cut_windows(text, self.window_chars)
        dateline = dateline_place(text)
        parts: list[tuple[int, Extraction]] = []
        texts = (text[start:end] for start, end in windows)
        try:
            for (start, end), doc in zip(windows, self.nlp.pipe(texts, batch_size=1), strict=True):
                budget.check(start)
                here = None
                if dateline is not None and start <= dateline[0] and dateline[1] <= end:
                    here = (dateline[0] - start, dateline[1] - start, dateline[2])
                parts.append((start, build_extraction(doc, item.source, meta, self.lexicon, here)))
                budget.check(end)
        except ExtractionBudgetError as exc:
            return exc
        return join_extractions(item.source, meta, text, parts)


def _empty(item: ArticleInput, meta: ArticleMeta) -> Extraction:
    return Extraction(
        source=item.source,
        article=meta,
        text=item.text,
        warnings=[f"{item.source}: empty text, nothing extracted"],
    )
