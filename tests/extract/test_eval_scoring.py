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


def test_case_labels_come_from_the_ontology_and_a_claim_outranks_what_it_concerns() -> None:
    from extract.model import ArticleMeta, Event, Extraction, Span

    script = _script()
    labels = script.case_labels_of_classes()
    assert labels["Accident"] == "MAN_MADE_DISASTER"
    assert labels["ClaimOfResponsibility"] == "ATTRIB"
    assert "Meeting" not in labels and "Bombing" not in labels

    claim = Event("a-1", "ClaimOfResponsibility", None, Span(0, 22, "claimed responsibility"))
    bombing = Event("a-2", "Bombing", "REM_EXPLOS", Span(31, 38, "bombing"))
    extraction = Extraction("t", ArticleMeta("a"), "", events=[claim, bombing])
    assert script.case_label(extraction, labels) == "REM_EXPLOS"
    claim.concerns = bombing.id
    assert script.case_label(extraction, labels) == "ATTRIB"
    accident = Extraction(
        "t", ArticleMeta("a"), "", events=[Event("a-1", "Accident", None, Span(0, 5, "blaze"))]
    )
    assert script.case_label(accident, labels) == "MAN_MADE_DISASTER"
