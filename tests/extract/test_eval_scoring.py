"""The extraction benchmark's scoring rules (benchmarks/eval_extraction.py): what counts as a
named gold mention decides the named-entity figures, so it is pinned here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_extraction.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extraction", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while defined
    spec.loader.exec_module(module)
    return module


def test_acronyms_are_named_mentions_and_pronouns_are_not() -> None:
    is_named = _script().is_named
    assert [is_named(t) for t in ("US", "IT", "UK", "Kabul")] == [True, True, True, True]
    assert [is_named(t) for t in ("Us", "They", "I", "us", "soldiers")] == [
        False,
        False,
        False,
        False,
        False,
    ]
