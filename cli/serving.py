"""`conflict-kg serve`: the HTTP API over the store, and the addresses it prints before it
listens, so a user knows where a browser goes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from conflict_kg.api.settings import Settings
from conflict_kg.cli.shell import State, err, fail, out
from conflict_kg.graph.errors import StoreError


def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API (SPARQL endpoint, lookups, /docs) over the store."""
    import uvicorn

    from conflict_kg.api.app import create_app

    scheme, _, path = State.store_url.partition(":")
    new_store = scheme == "oxigraph" and bool(path) and not Path(path).exists()
    try:
        application = create_app(Settings.from_env(store=State.store_url))
    except (StoreError, ValueError) as exc:
        raise fail(str(exc)) from None
    if new_store:
        err.print(f"created a new, empty store at {escape(path)}", highlight=False)
    for line in _service_urls(host, port):
        out.print(line, highlight=False, soft_wrap=True)
    uvicorn.run(application, host=host, port=port, log_level="info")


SERVICE_PAGES = (
    ("home", "/"),
    ("view", "/view"),
    ("SPARQL editor", "/sparql"),
    ("API docs", "/docs"),
    ("ACLED table", "/export/acled"),
)


def _service_urls(host: str, port: int) -> list[str]:
    """What `serve` prints before it listens: the store, then where a browser goes."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else "[::1]" if host == "::" else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    base = f"http://{shown}:{port}"
    width = max(len(name) for name, _ in SERVICE_PAGES)
    return [f"conflict-kg serving {State.store_url}"] + [
        f"  {name:<{width}}  {base}{path}" for name, path in SERVICE_PAGES
    ]
