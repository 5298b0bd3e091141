"""The write token: one dependency used by every route that changes the store."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from .deps import get_settings
from .problems import Problem
from .settings import Settings

__all__ = ["require_token"]


def require_token(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> None:
    """Refuse unless `Authorization: Bearer <CONFLICT_KG_TOKEN>`; with no token configured,
    writes are disabled outright (403), so a forgotten variable never opens the store."""
    if settings.token is None:
        raise Problem(
            403, "Writes disabled", "this server has no CONFLICT_KG_TOKEN: writes are disabled"
        )
    header = request.headers.get("authorization", "")
    scheme, _, supplied = header.partition(" ")
    if scheme.lower() != "bearer" or not supplied:
        raise Problem(401, "Token required", "send Authorization: Bearer <token>")
    if not hmac.compare_digest(supplied.strip().encode(), settings.token.encode()):
        raise Problem(403, "Wrong token", "the bearer token does not match")
