"""conflict-kg: a knowledge-graph builder for conflict events.

One installed package; its parts are the folders of the checkout:

- `conflict_kg.extract`: news articles -> entities, incidents, roles and claims (spaCy);
- `conflict_kg.graph`: the store (embedded Oxigraph, memory, a remote SPARQL endpoint),
  resolution across articles, lookups, networks and exports;
- `conflict_kg.api`: the HTTP service (FastAPI) and `conflict_kg.cli`, the command line;
- `conflict_kg.ingest`: the one place where extraction and the store meet;
- `conflict_kg.ontologies`: the ontology, event types and SHACL shapes.

Importing this package loads none of them: spaCy and the store load only when used.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("conflict-kg")
except PackageNotFoundError:  # a checkout used without installing it
    __version__ = "0+unknown"

__all__ = ["__version__"]
