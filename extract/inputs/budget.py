"""A time budget per article: extraction stops, and the article is refused, when one text
takes longer than the operator allows.

The budget is checked cooperatively, between the windows a long text is cut into and
between the pipeline and the rules of each window, so an article can overrun it by the
time of one window (`extract.windows.MAX_CHARS` characters) at most; nothing is stored for
a refused article, and the articles after it go on.
"""

from __future__ import annotations

import time

from .article import ArticleError

__all__ = ["Budget", "ExtractionBudgetError"]

HOW_TO_RAISE = (
    "raise it with --article-budget SECONDS (command line) "
    "or CONFLICT_KG_ARTICLE_BUDGET (environment, also for the server)"
)


class ExtractionBudgetError(ArticleError):
    """An article whose extraction ran over its time budget: a bad input like any other
    (`ArticleError`), so every error path reports it and stores nothing."""

    def __init__(self, source: str, budget: float, elapsed: float, done: int, total: int) -> None:
        self.source = source
        self.budget = budget
        self.elapsed = elapsed
        self.done = done
        self.total = total
        super().__init__(
            f"{source}: extraction stopped after {elapsed:.1f} s, over the budget of "
            f"{budget:g} s per article ({done:,} of {total:,} characters done); {HOW_TO_RAISE}"
        )

    def __reduce__(self) -> tuple[type[ExtractionBudgetError], tuple[str, float, float, int, int]]:
        """Picklable, so that a worker process can hand it back."""
        return type(self), (self.source, self.budget, self.elapsed, self.done, self.total)


class Budget:
    """The clock of one article. `spent` is time already charged to it before the clock
    starts (its share of a batch that spaCy parsed together)."""

    __slots__ = ("seconds", "source", "spent", "started", "total")

    def __init__(self, seconds: float | None, source: str, total: int, spent: float = 0.0) -> None:
        self.seconds = seconds
        self.source = source
        self.total = total
        self.spent = spent
        self.started = time.monotonic()

    def elapsed(self) -> float:
        return self.spent + time.monotonic() - self.started

    def check(self, done: int) -> None:
        """Raise `ExtractionBudgetError` when the article is over its budget; `done` is how
        many of its characters are extracted so far (for the message)."""
        if self.seconds is None:
            return
        elapsed = self.elapsed()
        if elapsed > self.seconds:
            raise ExtractionBudgetError(self.source, self.seconds, elapsed, done, self.total)
