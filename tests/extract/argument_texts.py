"""What an invented article gives one role: the texts of the arguments of that role over
all its events (shared by the role tests that ask "is X among the victims?")."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def argument_texts(extractor: Extractor, text: str, role: str) -> set[str]:
    """The texts of every `role` argument of every event extracted from `text`."""
    extraction = extractor.extract(ArticleInput("invented", text))
    return {a.text for e in extraction.events for a in e.arguments if a.role == role}
