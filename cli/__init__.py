"""The `conflict-kg` command line: a thin shell over the same functions the HTTP routes call.

Errors reach the user as one readable line on stderr and a non-zero exit code, never as a
traceback. Each command lives in a module named for what it does (`extracting`, `ingesting`,
`querying`, `networks`, `admin`, `serving`) over what they share (`shell`, `articles`,
`running`, `filters`); here they are added to `app` in the order `--help` lists them.
"""

from __future__ import annotations

from conflict_kg.cli.admin import resolve_command, stats, validate
from conflict_kg.cli.extracting import extract
from conflict_kg.cli.ingesting import ingest
from conflict_kg.cli.networks import export, network
from conflict_kg.cli.querying import query
from conflict_kg.cli.serving import serve
from conflict_kg.cli.shell import app

__all__ = ["app"]

app.command()(extract)
app.command()(ingest)
app.command("resolve")(resolve_command)
app.command()(query)
app.command()(export)
app.command()(network)
app.command()(stats)
app.command()(validate)
app.command()(serve)
