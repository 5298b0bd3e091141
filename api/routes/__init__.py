"""The HTTP API's routers, one module per resource; `api.app` includes them in order."""

from __future__ import annotations

from . import (
    articles,
    entities,
    exports,
    groups,
    home,
    incidents,
    paths,
    sparql,
    status,
    update,
    view,
)

__all__ = [
    "articles",
    "entities",
    "exports",
    "groups",
    "home",
    "incidents",
    "paths",
    "sparql",
    "status",
    "update",
    "view",
]
