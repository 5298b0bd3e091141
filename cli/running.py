"""How `ingest` runs its articles: the progress bar on stderr, the tally of what each article
came to, and the Dask runner when one is asked for.

Kept apart from the command so that its options read as one page.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from conflict_kg.cli.shell import err

if TYPE_CHECKING:
    from conflict_kg.ingest import IngestResult


class DaskFailure(Exception):
    """A cluster that cannot be started or reached, or a batch that failed for good."""


def ingest_progress() -> Progress:
    """Articles done and their rate, and an ETA from the bytes of input read (unknown for
    stdin)."""
    return Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        TextColumn("{task.fields[articles]}"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
    )


def count(result: IngestResult, counts: dict[str, int], progress: Progress) -> None:
    """Add one article's outcome to the run's counts; a failure is printed above the bar."""
    if result.error:
        counts["failed"] += 1
        progress.console.print(f"[red]error:[/red] {escape(result.error)}", highlight=False)
    elif result.added:
        counts["added"] += 1
        counts["triples"] += result.triples
    else:
        counts["skipped"] += 1


@contextmanager
def runner(workers: int | None, scheduler: str | None, budget: float) -> Iterator[object]:
    """A Dask runner when asked for one (Dask is imported only then), else None."""
    if workers is None and scheduler is None:
        yield None
        return
    from conflict_kg.ingest.cluster import DaskError, DaskRunner

    try:
        with DaskRunner.connect(workers=workers, scheduler=scheduler, budget=budget) as dask:
            yield dask
    except DaskError as exc:
        raise DaskFailure(str(exc)) from None
