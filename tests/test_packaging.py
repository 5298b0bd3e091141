"""A fresh `pip install -e .` prints no setuptools warnings (issue #18): every folder of data
whose name could be imported (a namespace package to Python) is listed in `packages`, which
is what setuptools warns about, once per folder, in some 170 lines."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("api", "extract", "graph", "ontologies")


def importable_data_folders() -> set[str]:
    found = set()
    for part in PARTS:
        for folder in [ROOT / part, *(ROOT / part).rglob("*")]:
            if not folder.is_dir() or "__pycache__" in folder.parts:
                continue
            relative = folder.relative_to(ROOT).parts
            holds_data = any(f.is_file() and f.suffix != ".py" for f in folder.iterdir())
            if holds_data and all(segment.isidentifier() for segment in relative):
                found.add(".".join(("conflict_kg", *relative)))
    return found


def test_every_importable_data_folder_is_a_listed_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    folders = importable_data_folders()
    assert {"conflict_kg.api.static", "conflict_kg.extract.data"} <= folders
    assert folders - set(config["packages"]) == set()


def test_the_build_needs_no_separate_wheel_package() -> None:
    # setuptools >= 70.1 builds wheels itself; the `wheel` package's shim warns instead
    build = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]
    assert build["requires"] == ["setuptools>=70.1"]
