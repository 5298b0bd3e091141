"""The extraction benchmark's scoring rules (benchmarks/eval_extraction.py): what counts as a
named gold mention decides the named-entity figures, so it is pinned here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

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


def _record() -> dict[str, object]:
    """An invented two-sentence report: a bombing aimed at a checkpoint that killed two
    guards. Gold in the KAIROS way: the guards are Victims of a Life.Die event, the
    checkpoint the attack's Target."""
    text = "A bomb hit the checkpoint. Two guards died."
    entities = [
        {"id": "e1", "text": "checkpoint", "type": "FAC", "start": 15, "end": 25},
        {"id": "e2", "text": "guards", "type": "PER", "start": 31, "end": 37},
    ]
    attack_trigger = {"text": "hit", "start": 7, "end": 10}
    die_trigger = {"text": "died", "start": 38, "end": 42}
    events = [
        {
            "type": "Conflict.Attack.DetonateExplode",
            "trigger": attack_trigger,
            "arguments": [
                {"role": "Target", "text": "checkpoint", "start": 15, "end": 25, "entity_id": "e1"}
            ],
        },
        {
            "type": "Life.Die.Unspecified",
            "trigger": die_trigger,
            "arguments": [
                {"role": "Victim", "text": "guards", "start": 31, "end": 37, "entity_id": "e2"}
            ],
        },
    ]
    return {"id": "invented", "text": text, "entities": entities, "events": events}


def _extraction(
    *arguments: tuple[str, str, int, int], certainty: str = "asserted"
) -> SimpleNamespace:
    args = [
        SimpleNamespace(role=r, entity=e, start=s, end=t, certainty=certainty)
        for r, e, s, t in arguments
    ]
    return SimpleNamespace(events=[SimpleNamespace(type="Bombing", arguments=args)])


def test_casualties_are_scored_as_victims_not_as_attack_targets() -> None:
    """The gold's attack events have no Victim role: a casualty we find is a right victim
    and no wrong target."""
    script = _script()
    scores = script.WikiEventsScores()
    found = _extraction(("victim", "guards-x", 31, 37), ("target", "checkpoint-x", 15, 25))
    script._score_roles(_record(), found, scores)
    assert scores.roles["target"].as_dict()["correct_predictions"] == 1
    assert scores.roles["target"].as_dict()["predictions"] == 1
    assert scores.roles["victim"].as_dict()["correct_predictions"] == 1
    assert scores.roles_micro.n_pred == 1
    assert scores.roles_micro.n_gold == 1


def test_a_victim_that_is_no_casualty_is_a_wrong_victim_not_a_target() -> None:
    script = _script()
    scores = script.WikiEventsScores()
    script._score_roles(_record(), _extraction(("victim", "checkpoint-x", 15, 25)), scores)
    assert (scores.roles["victim"].tp_pred, scores.roles["victim"].n_pred) == (0, 1)
    assert (scores.roles["target"].tp_pred, scores.roles["target"].n_pred) == (0, 0)
    assert scores.role_fp == {"victim: checkpoint-x": 1}


def test_the_wide_reading_counts_casualties_as_targets() -> None:
    """Beside the micro figure: gold Life.Die victims join the targets, and so do ours."""
    script = _script()
    found = _extraction(("victim", "guards-x", 31, 37), ("target", "checkpoint-x", 15, 25))
    wide = script._score_roles_wide(_record(), found)
    assert (wide.tp_pred, wide.n_pred, wide.tp_gold, wide.n_gold) == (2, 2, 2, 2)
    missed = script._score_roles_wide(_record(), _extraction(("target", "checkpoint-x", 15, 25)))
    assert (missed.tp_pred, missed.n_pred, missed.tp_gold, missed.n_gold) == (1, 1, 1, 2)


def test_entities_the_article_only_describes_are_no_named_entity_predictions() -> None:
    """A facility a target phrase describes ("the checkpoint") is an article-scoped Place,
    like "gunmen": no name, so no named-entity prediction; a named place still is one."""
    from extract.model import ArticleMeta, Entity, Extraction, Span

    script = _script()
    text = "Gunmen stormed the checkpoint in Velna."
    article = ArticleMeta("0123456789abcdef")
    described = Entity("checkpoint-01234567", "Checkpoint", "Place", [Span(19, 29, "checkpoint")])
    named = Entity("velna", "Velna", "Place", [Span(33, 38, "Velna")])
    record = {
        "text": text,
        "entities": [{"id": "e1", "text": "Velna", "type": "GPE", "start": 33, "end": 38}],
    }
    scores = script.WikiEventsScores()
    script._score_entities(record, Extraction("t", article, text, [described, named]), scores)
    typed = scores.ne_typed
    assert (typed.tp_pred, typed.n_pred, typed.tp_gold, typed.n_gold) == (1, 1, 1, 1)
    assert not scores.ne_fp_kind


def test_a_denied_role_is_no_prediction() -> None:
    """ "The group denied any role" says it is not the perpetrator: neither right nor wrong."""
    script = _script()
    scores = script.WikiEventsScores()
    denied = _extraction(("target", "checkpoint-x", 15, 25), certainty="denied")
    script._score_roles(_record(), denied, scores)
    assert (scores.roles["target"].tp_pred, scores.roles["target"].n_pred) == (0, 0)
    assert scores.roles_wide.n_pred == 0
