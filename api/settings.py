"""The service's configuration, read once from the environment.

Every knob is an environment variable documented in the README, so `make run`, a container
and the tests configure the service the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from conflict_kg.graph.store.federation import parse_origins

__all__ = ["DEFAULT_ARTICLE_BUDGET", "DEFAULT_STORE", "Settings", "article_budget_from_env"]

DEFAULT_STORE = "oxigraph:./data/store"
DEFAULT_ARTICLE_BUDGET = 60.0


def _float(name: str, default: float) -> float:
    value = os.environ.get(name)
    try:
        return float(value) if value else default
    except ValueError:
        raise ValueError(f"{name} must be a number, got {value!r}") from None


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    try:
        return int(value) if value else default
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {value!r}") from None


@dataclass(frozen=True, slots=True)
class Settings:
    store: str = DEFAULT_STORE
    """Store URL: oxigraph:PATH, memory: or sparql:QUERY_URL[|UPDATE_URL]."""
    token: str | None = None
    """Bearer token for writes; None disables every write route."""
    query_timeout: float = 10.0
    """Seconds a SPARQL query may run before the client gets 503."""
    max_rows: int = 10_000
    """Rows returned by /sparql at most; more are cut and flagged in a header."""
    max_body: int = 5 * 1024 * 1024
    """Largest request body accepted, in bytes (413 above)."""
    federation_origins: tuple[str, ...] = ()
    """Origins (scheme://host[:port]) that SERVICE and LOAD may reach; none: no federation."""
    write_queue: int = 4
    """Article writes that may wait while one extracts; one more gets 503 with Retry-After."""
    article_budget: float = DEFAULT_ARTICLE_BUDGET
    """Seconds the extraction of one article may take before the article is refused
    (`extract.ExtractionBudgetError`); 0 means no limit."""

    @classmethod
    def from_env(cls, store: str | None = None) -> Settings:
        return cls(
            store=store or os.environ.get("CONFLICT_KG_STORE") or DEFAULT_STORE,
            token=os.environ.get("CONFLICT_KG_TOKEN") or None,
            query_timeout=_float("CONFLICT_KG_QUERY_TIMEOUT", 10.0),
            max_rows=_int("CONFLICT_KG_MAX_ROWS", 10_000),
            max_body=_int("CONFLICT_KG_MAX_BODY", 5 * 1024 * 1024),
            federation_origins=parse_origins(os.environ.get("CONFLICT_KG_FEDERATION_ORIGINS", "")),
            write_queue=_int("CONFLICT_KG_WRITE_QUEUE", 4),
            article_budget=article_budget_from_env(),
        )


def article_budget_from_env() -> float:
    """`CONFLICT_KG_ARTICLE_BUDGET` (seconds, 0 for no limit), for the CLI's default too."""
    budget = _float("CONFLICT_KG_ARTICLE_BUDGET", DEFAULT_ARTICLE_BUDGET)
    if not budget >= 0:  # also refuses nan
        raise ValueError(f"CONFLICT_KG_ARTICLE_BUDGET must be 0 or more seconds, got {budget:g}")
    return budget
