"""One definition of each response type: the lookup routes answer with the dataclasses of
`graph.lookups.model` themselves, and nothing in api/ declares a body type that mirrors one
of them (the same name, or the same fields under another name)."""

from __future__ import annotations

import ast
import dataclasses
import typing
from pathlib import Path

from fastapi.routing import APIRoute

from conflict_kg.api import routes
from conflict_kg.graph.lookups import model

API = Path(__file__).resolve().parents[2] / "api"
LOOKUP_ROUTERS = (routes.articles, routes.entities, routes.groups, routes.incidents)


def _lookup_types() -> dict[str, frozenset[str]]:
    """Every dataclass of graph.lookups.model, by name, with its field names."""
    return {
        name: frozenset(f.name for f in dataclasses.fields(value))
        for name, value in vars(model).items()
        if isinstance(value, type) and dataclasses.is_dataclass(value)
    }


def _api_classes_with_fields() -> dict[str, frozenset[str]]:
    """Every class in api/ whose body declares annotated fields, by `module:name`."""
    found = {}
    for path in sorted(API.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                fields = frozenset(
                    item.target.id
                    for item in node.body
                    if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
                )
                if fields:
                    found[f"{path.relative_to(API.parent)}:{node.name}"] = fields
    return found


def test_the_lookup_types_are_read() -> None:
    # A floor, so that a broken reader cannot pass the test below by seeing nothing.
    types = _lookup_types()
    assert {"IncidentSummary", "EntityDetail", "Page", "Subgraph"} <= set(types)
    assert types["Evidence"] == {"article", "sentence", "start", "end", "text"}
    assert "api/routes/paths.py:PathHop" in _api_classes_with_fields()


def test_no_response_type_is_defined_twice() -> None:
    types = _lookup_types()
    twins = sorted(
        (where, name)
        for where, fields in _api_classes_with_fields().items()
        for name, own in types.items()
        if where.rpartition(":")[2] in (name, f"{name}Model") or fields == own
    )
    assert twins == []


def _origin(annotation: object) -> object:
    return typing.get_origin(annotation) or annotation


def test_every_lookup_route_answers_with_a_lookup_type() -> None:
    answers = {
        route.path: _origin(route.response_model)
        for router in LOOKUP_ROUTERS
        for route in router.router.routes
        if isinstance(route, APIRoute) and route.response_model is not None
    }
    assert {"/incidents", "/incidents/{id}", "/entities/{id}", "/articles/{id}"} <= set(answers)
    assert {path: getattr(t, "__module__", None) for path, t in answers.items()} == dict.fromkeys(
        answers, model.__name__
    )
    assert answers["/incidents"] is model.Page
    assert answers["/entities/{id}/neighbors"] is model.Subgraph
