"""The layout keeps the design's direction: who may import whom, no import cycles, small
folders, and one installed top-level package.

The import graph is read from the source (every `import` and `from ... import`, at module
level or inside functions) so that a lazy import cannot hide a dependency. Imports under
`if TYPE_CHECKING:` are left out: they never run, and exist only for annotations.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "conflict_kg"
PARTS = ("api", "cli", "extract", "graph", "ingest", "ontologies", "web")
"""The top-level folders and modules of the checkout that install as `conflict_kg.<part>`."""

# part -> the parts it may import (besides itself)
ALLOWED = {
    "ontologies": set(),
    "extract": {"ontologies"},
    "graph": {"ontologies"},
    "ingest": {"extract", "graph", "ontologies", "web"},
    "web": {"extract", "ontologies"},
    "api": {"extract", "graph", "ingest", "ontologies", "web"},
    "cli": {"api", "extract", "graph", "ingest", "ontologies", "web"},
}
FORBIDDEN_THIRD_PARTY = {"graph": {"spacy"}, "ontologies": {"spacy"}}
MAX_MODULES_SIDE_BY_SIDE = 12
EXTRACT = f"{PACKAGE}.extract"
EXTRACT_PACKAGES = ("entities", "events", "inputs", "language", "nlp", "roles")
"""The sub-packages of `extract`: the stages (entities, events, roles), the spaCy pipeline, the
inputs, and the language they all read. Each one's `__init__.py` is its surface."""
STAGE_ORDER = [
    "entities",
    "mentions",
    "dates",
    "mention_roles",
    "coreference",
    "incident_roles",
    "responsibility",
    "dateline_place",
    "subevents",
    "relations",
    "facts",
]


def _sources() -> Iterator[tuple[str, Path]]:
    yield PACKAGE, ROOT / "__init__.py"
    for part in PARTS:
        single = ROOT / f"{part}.py"
        if single.is_file():
            yield f"{PACKAGE}.{part}", single
            continue
        for path in sorted((ROOT / part).rglob("*.py")):
            relative = path.relative_to(ROOT).with_suffix("")
            names = list(relative.parts)
            if names[-1] == "__init__":
                names.pop()
            yield ".".join([PACKAGE, *names]), path


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(
    tree: ast.AST, module: str, is_package: bool, annotations: bool = False
) -> Iterator[str]:
    """Absolute names of what `module` imports at run time (with `annotations`, also under
    `if TYPE_CHECKING:`)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test) and not annotations:
            node.body = []  # annotation-only imports
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            yield origin
            # `from pkg import sub` imports the submodule `pkg.sub` when there is one
            yield from (f"{origin}.{alias.name}" for alias in node.names)


def _graph(annotations: bool = False) -> nx.DiGraph:
    modules = dict(_sources())
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    third_party: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name in _imports(tree, module, path.name == "__init__.py", annotations):
            if name in modules and name != module:
                graph.add_edge(module, name)
            elif not name.startswith(PACKAGE):
                third_party.setdefault(module, set()).add(name.split(".")[0])
    graph.graph["third_party"] = third_party
    return graph


@pytest.fixture(scope="module")
def imports() -> nx.DiGraph:
    return _graph()


def _part(module: str) -> str | None:
    names = module.split(".")
    return names[1] if len(names) > 1 else None


def test_the_graph_is_read(imports: nx.DiGraph) -> None:
    # A floor, so that a broken reader cannot pass every test below by seeing nothing.
    assert imports.number_of_nodes() > 80
    assert imports.number_of_edges() > 150
    assert imports.has_edge("conflict_kg.api.app", "conflict_kg.graph.store")
    assert imports.has_edge("conflict_kg.cli.ingesting", "conflict_kg.ingest")
    # relative imports, and imports inside functions, are read too
    assert imports.has_edge(
        "conflict_kg.extract.entities.resolution", "conflict_kg.extract.entities.claimants"
    )
    assert imports.has_edge("conflict_kg.graph.store.workers", "conflict_kg.graph.store.results")
    # annotation-only imports are not
    assert not imports.has_edge(
        "conflict_kg.extract.entities.claimants", "conflict_kg.extract.entities.table"
    )


def test_imports_run_in_the_design_direction(imports: nx.DiGraph) -> None:
    wrong = sorted(
        (source, target)
        for source, target in imports.edges
        if (a := _part(source)) is not None
        and (b := _part(target)) is not None
        and a != b
        and b not in ALLOWED[a]
    )
    assert wrong == []


def test_graph_and_ontologies_never_load_spacy(imports: nx.DiGraph) -> None:
    loads = {
        module: sorted(names & FORBIDDEN_THIRD_PARTY[part])
        for module, names in imports.graph["third_party"].items()
        if (part := _part(module)) in FORBIDDEN_THIRD_PARTY and names & FORBIDDEN_THIRD_PARTY[part]
    }
    assert loads == {}


def test_no_import_cycles(imports: nx.DiGraph) -> None:
    # A package's __init__ importing its own modules is how its public surface is made;
    # a module importing its package's __init__ back is a cycle.
    cycles = sorted(sorted(cycle) for cycle in nx.simple_cycles(imports))
    assert cycles == []


def test_no_folder_holds_more_than_twelve_modules() -> None:
    crowded = {}
    for folder in [ROOT / part for part in PARTS if (ROOT / part).is_dir()]:
        for directory in [folder, *(d for d in folder.rglob("*") if d.is_dir())]:
            modules = [p for p in directory.glob("*.py") if p.name != "__init__.py"]
            if len(modules) > MAX_MODULES_SIDE_BY_SIDE:
                crowded[str(directory.relative_to(ROOT))] = len(modules)
    assert crowded == {}


def test_only_conflict_kg_is_installed_at_the_top_level(tmp_path: Path) -> None:
    # Built from a copy of what the wheel is made of, so the build leaves nothing behind.
    source = tmp_path / "source"
    source.mkdir()
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("pyproject.toml", "README.md", "__init__.py", *(f"{p}.py" for p in PARTS)):
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, source / name)
    for part in PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, source / part, ignore=skip)
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), "."],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = wheels.glob("conflict_kg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    tops = {name.split("/")[0] for name in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {PACKAGE}
    # and it carries its data: the ontology, the named queries, the lexicons, the view
    for needed in (
        "conflict_kg/ontologies/conflict.ttl",
        "conflict_kg/graph/queries/incidents.rq",
        "conflict_kg/extract/data/gazetteer.jsonl",
        "conflict_kg/api/static/view.html",
        "conflict_kg/api/static/vendor/yasgui/yasgui.min.js",
        "conflict_kg/cli/__init__.py",
        "conflict_kg/cli/ingesting.py",
        "conflict_kg/ingest/__init__.py",
    ):
        assert needed in names, needed


def test_other_parts_use_only_the_face_of_extract(imports: nx.DiGraph) -> None:
    # `extract/__init__.py` is the package's public surface: the stages behind it may move
    # without touching the ingest service, the API or the CLI.
    deep = sorted(
        (source, target)
        for source, target in imports.edges
        if _part(source) != "extract"
        and _part(target) == "extract"
        and target != f"{PACKAGE}.extract"
    )
    assert deep == []


def _extract_package(module: str) -> str | None:
    """The sub-package of `extract` that `module` belongs to (None for the modules at the
    top of `extract`: the face, the runner, the output dataclasses and triples)."""
    names = module.split(".")
    if names[:2] != [PACKAGE, "extract"] or len(names) < 3 or names[2] not in EXTRACT_PACKAGES:
        return None
    return names[2]


def test_extract_is_split_into_its_packages(imports: nx.DiGraph) -> None:
    folders = sorted(
        p.name for p in (ROOT / "extract").iterdir() if (p / "__init__.py").is_file()
    )
    assert folders == sorted(EXTRACT_PACKAGES)
    top = sorted(p.stem for p in (ROOT / "extract").glob("*.py"))
    assert top == ["__init__", "extractor", "facts", "model", "stages", "triples", "windows"]


def test_extract_packages_use_each_other_only_through_their_surface(
    imports: nx.DiGraph,
) -> None:
    # A module outside a sub-package of extract (another sub-package, or the runner) imports
    # it through its __init__ only, never one of its modules: the rules behind a surface may
    # move and change without touching another stage.
    deep = sorted(
        (source, target)
        for source, target in imports.edges
        if (package := _extract_package(target)) is not None
        and _extract_package(source) != package
        and target != f"{EXTRACT}.{package}"
        and source != EXTRACT  # the lazy face names its modules in strings, never imports
    )
    assert deep == []
    # and the floor: the check reads real edges through the surfaces
    assert imports.has_edge(f"{EXTRACT}.roles.roles", f"{EXTRACT}.events")
    assert imports.has_edge(f"{EXTRACT}.stages", f"{EXTRACT}.entities")


def test_the_stage_packages_follow_the_order_of_the_stages(imports: nx.DiGraph) -> None:
    # entities come first, events read entities, roles read both; nothing reads back
    # against that order at run time (annotations aside).
    order = {"inputs": 0, "language": 0, "nlp": 1, "entities": 2, "events": 3, "roles": 4}
    backwards = sorted(
        (source, target)
        for source, target in imports.edges
        if (a := _extract_package(source)) is not None
        and (b := _extract_package(target)) is not None
        and a != b
        and order[b] >= order[a]
        and not (order[a] == order[b] == 0 and {a, b} == {"inputs", "language"})
    )
    assert backwards == []


def test_the_stage_order_is_data() -> None:
    from conflict_kg.extract.stages import STAGES

    assert [stage.name for stage in STAGES] == STAGE_ORDER
    assert [stage.run.__module__ for stage in STAGES] == [
        f"{EXTRACT}.entities.resolution",
        f"{EXTRACT}.events.mentions",
        f"{EXTRACT}.events.dates",
        f"{EXTRACT}.roles.roles",
        f"{EXTRACT}.events.coref",
        f"{EXTRACT}.roles.incidents",
        f"{EXTRACT}.roles.responsibility",
        f"{EXTRACT}.roles.dateline_places",
        f"{EXTRACT}.events.subevents",
        f"{EXTRACT}.roles.relations",
        f"{EXTRACT}.facts",
    ]


def test_extract_has_no_cycle_even_through_annotations() -> None:
    # Stricter than the run-time check for the stages: not even a type annotation points
    # back from an earlier stage to a later one, or around inside a package.
    graph = _graph(annotations=True)
    extract = graph.subgraph(m for m in graph if m.startswith(f"{EXTRACT}."))
    assert extract.has_edge(f"{EXTRACT}.events.subevents", f"{EXTRACT}.events.coref")
    assert sorted(sorted(cycle) for cycle in nx.simple_cycles(extract)) == []
