"""What every command of `conflict-kg` shares: the typer app and its global options, the two
consoles, the one-line error, the store of `--store`, and the line a resolution prints.

The package's `__init__` adds the commands to `app`; this module imports none of them, so it
sits at the bottom of the package's imports.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core
from rich.console import Console
from rich.markup import escape

from conflict_kg.api.settings import DEFAULT_STORE
from conflict_kg.graph.errors import StoreError
from conflict_kg.graph.store import Store, open_store

if TYPE_CHECKING:
    from rdflib.namespace import NamespaceManager

    from conflict_kg.graph.resolve import Resolution

_TYPE_LABELS = {"str": "TEXT", "int": "INTEGER", "float": "FLOAT", "path": "PATH", "bool": ""}


def _type_label(self: typer.core.TyperArgument | typer.core.TyperOption, ctx: Any) -> str | None:
    """The type column of `--help` as click writes it (`PATH`, `TEXT`, `INTEGER RANGE`, a
    metavar when given, nothing for a flag): typer 0.29 shows Python's type names there
    (`<list[Path]>`) and ignores an argument's metavar."""
    if self.metavar is not None:
        return self.metavar
    name = self.display_type(ctx).strip("<>").lower()
    if name.startswith("list[") and name.endswith("]"):
        name = name[5:-1]
    first, _, rest = name.partition(" ")
    label = _TYPE_LABELS.get(first, first.upper())
    return f"{label} {rest.upper()}".strip() or None


typer.core.TyperArgument.display_type_rich = _type_label  # type: ignore[method-assign,assignment]
typer.core.TyperOption.display_type_rich = _type_label  # type: ignore[method-assign,assignment]

app = typer.Typer(
    help="Build a knowledge graph of conflict events from news articles, and query it.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console()
err = Console(stderr=True, soft_wrap=True)  # one message, one line, however long

StoreOption = Annotated[
    str,
    typer.Option(
        "--store",
        envvar="CONFLICT_KG_STORE",
        help="Store URL: oxigraph:PATH (embedded, on disk), memory:, or "
        "sparql:QUERY_URL[|UPDATE_URL] (a SPARQL 1.1 endpoint).",
    ),
]


class State:
    """The global options of this run, set once by the app's callback before any command."""

    store_url: str = DEFAULT_STORE
    prefixes: NamespaceManager | None = None


@contextmanager
def reader_may_stop() -> Iterator[None]:
    """Output piped to a reader that has read enough (`| head`) ends the command quietly with
    exit code 0, as the reader asked, rather than with a broken pipe."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        # Nothing more can be written; point stdout at /dev/null so the final flush is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None


def fail(message: str, code: int = 1) -> typer.Exit:
    """The one readable line on stderr, and the exit to raise after it."""
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    return typer.Exit(code)


def open_cli_store(create: bool = False) -> Store:
    """The store of `--store`. An `oxigraph:` directory that does not exist is refused
    (a mistyped path would otherwise be a new, empty store that answers every question with
    nothing) unless the command writes articles (`create`: ingest, serve)."""
    scheme, _, path = State.store_url.partition(":")
    if scheme == "oxigraph" and path and not create and not Path(path).exists():
        raise fail(
            f"no store at {path!r} (from --store {State.store_url}); check the path, or "
            "create the store with `conflict-kg ingest`"
        )
    try:
        return open_store(State.store_url)
    except StoreError as exc:
        raise fail(str(exc)) from None


def resolution_line(resolution: Resolution) -> str:
    """What a run of resolution came to, as `ingest` and `resolve` print it."""
    return (
        f"resolved {resolution.reports} report(s) into {resolution.incidents} incident(s), "
        f"{resolution.actors_merged} actor spelling(s) merged"
    )


@contextmanager
def cli_store() -> Iterator[Store]:
    """The store of `--store` for one command's reads: closed at the end, and a store that
    fails on the way is one readable line and exit code 1."""
    store = open_cli_store()
    try:
        yield store
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("conflict-kg")
        except PackageNotFoundError:  # a checkout that was never installed
            number = "unknown"
        out.print(f"conflict-kg {number}", highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    store: StoreOption = DEFAULT_STORE,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Extract entities, incidents and evidence from articles into an RDF store."""
    State.store_url = store
