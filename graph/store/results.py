"""pyoxigraph answers read into rdflib `Result`s, under a query's deadline and row cap.

Shared by the embedded store and its query worker processes, so neither imports the other."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph
from rdflib.query import Result
from rdflib.term import Node, Variable

from conflict_kg.graph.store.base import NO_OPTIONS, QueryOptions
from conflict_kg.graph.store.terms import from_ox, from_ox_triple

__all__ = ["to_result"]


def to_result(
    answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
    options: QueryOptions = NO_OPTIONS,
) -> Result:
    """An rdflib `Result` read from a pyoxigraph answer, which pyoxigraph evaluates lazily:
    reading stops at `options.max_rows` + 1 rows or at the deadline, and so does the work."""
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QuerySolutions):
        variables = [Variable(variable.value) for variable in answer.variables]
        result = Result("SELECT")
        result.vars = variables
        rows = []
        # The same terms come back in row after row (an actor in each of its articles):
        # converting each once is most of the time saved on a large answer.
        seen: dict[ox.NamedNode | ox.BlankNode | ox.Literal, Node] = {}
        for solution in answer:
            if len(rows) % 64 == 0:
                options.check_deadline()
            row = {}
            for variable, term in zip(variables, solution, strict=True):
                if term is not None:
                    converted = seen.get(term)
                    if converted is None:
                        converted = seen[term] = from_ox(term)
                    row[variable] = converted
            rows.append(row)
            if options.max_rows is not None and len(rows) > options.max_rows:
                break
        result.bindings = rows
        return result
    result = Result("CONSTRUCT")
    result.graph = Graph()
    for count, triple in enumerate(answer):
        if count % 64 == 0:
            options.check_deadline()
        result.graph.add(from_ox_triple(triple))
    return result
