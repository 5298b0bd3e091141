"""`python -m conflict_kg.cli`: the command line without its console script."""

from conflict_kg.cli import app

app()
