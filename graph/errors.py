"""Errors raised by the `graph` package.

One small catalogue so that the CLI and the HTTP layer translate them in one place: a
`StoreError` is a problem with the store or the request (HTTP 500/400 depending on the
subclass), an `InvalidQueryError` is the caller's SPARQL that no backend would accept.
"""

from __future__ import annotations

__all__ = ["InvalidQueryError", "QueryTimeoutError", "StoreError"]


class StoreError(Exception):
    """The store cannot do what was asked; the message says why in words a user can act on."""


class InvalidQueryError(StoreError):
    """The SPARQL query or update text is malformed (a client error, HTTP 400)."""


class QueryTimeoutError(StoreError):
    """The query passed its deadline and was stopped (HTTP 503)."""
