"""SHACL validation of stored article graphs (and the resolution graph) against
`ontologies/shapes.ttl`.

Each article graph is validated on its own: the shapes require every node an article points
at to be typed in that same graph, which is what keeps an article self-describing when it
is exported, moved or removed alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from conflict_kg.ontologies import RESOLUTION_GRAPH, load_shapes

from .store import Store

__all__ = ["ValidationReport", "validate_graph", "validate_store"]


@dataclass(slots=True)
class ValidationReport:
    articles: int = 0
    violations: list[str] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations


def validate_graph(graph: Graph, name: str = "") -> list[str]:
    """One readable line per SHACL violation ("<focus> <path>: <message>")."""
    conforms, report, _ = validate(
        graph, shacl_graph=load_shapes(), inference="none", advanced=True, allow_warnings=True
    )
    if conforms:
        return []
    assert isinstance(report, Graph)
    lines: list[str] = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        where = f"{name}: " if name else ""
        lines.append(f"{where}{focus} {path or ''}: {message}")
    return sorted(lines)


def validate_store(store: Store) -> ValidationReport:
    """Every article graph, and the resolution graph derived from them when there is one."""
    report = ValidationReport()
    for iri in store.article_graphs():
        report.articles += 1
        report.violations.extend(validate_graph(store.article_graph(URIRef(iri)), str(iri)))
    derived = store.article_graph(RESOLUTION_GRAPH)
    if len(derived):
        report.violations.extend(validate_graph(derived, str(RESOLUTION_GRAPH)))
    return report
