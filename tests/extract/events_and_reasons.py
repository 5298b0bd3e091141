"""What an invented article gives: its event types, and each non-specific mention with the
reason it tells no incident (shared by the specificity tests that ask "is this an event,
or background, and why?")."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def events_and_reasons(extractor: Extractor, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The types of the events of `text`, and (text, reason) of its non-specific mentions."""
    extraction = extractor.extract(ArticleInput("t", text))
    return [e.type for e in extraction.events], [(m.text, m.reason) for m in extraction.nonspecific]
