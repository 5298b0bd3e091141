"""The last resort: an exception no route or handler expected becomes a 500 problem body.

Without it Starlette answers plain text ("Internal Server Error") and the client cannot tell
our fault from a proxy's. The exception is still logged with its traceback by the server:
a fallback answer is a bug to fix, not a way of handling an error.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .problems import problem_response

__all__ = ["install_fallback_handler"]


def install_fallback_handler(app: FastAPI) -> None:
    """Answer any unhandled exception with a 500 `application/problem+json` body that names
    its type, never its message or traceback (they may hold paths or data)."""

    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        detail = f"unexpected {type(exc).__name__} on the server; it has been logged"
        return problem_response(500, "Internal server error", detail)

    app.add_exception_handler(Exception, _unexpected)
