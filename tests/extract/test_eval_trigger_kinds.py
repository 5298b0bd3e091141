"""The WikiEvents trigger scorer's tune-half diagnostic: each wrong attack mention gets a kind
(a casualty word the gold makes its own Life.Die event, an unannotated back-reference, an
event the gold lacks), so that extraction errors and questions of the KAIROS mapping are
told apart. Invented records only."""

from __future__ import annotations

from eval_records import bench, event, output, span

TEXT = "A bomb hit the depot at Lurem and two porters died. The blast was heard in Ossa."


def _record() -> dict:
    return {
        "id": "invented",
        "text": TEXT,
        "entities": [],
        "events": [
            {"type": "Conflict.Attack.DetonateExplode", "trigger": span(TEXT, "hit"),
             "arguments": []},
            {"type": "Life.Die.Unspecified", "trigger": span(TEXT, "died"), "arguments": []},
        ],
    }  # fmt: skip


def test_wrong_mentions_are_counted_by_kind() -> None:
    wiki = bench("eval_wikievents")
    bombing = event(TEXT, "Bombing", "hit", acled="REM_EXPLOS")
    bombing["mentions"] += [span(TEXT, "died"), span(TEXT, "blast")]
    heard = event(TEXT, "Attack", "heard", acled="ATTACK", id_="e-2")
    scores = wiki.WikiEventsScores()
    wiki.score_triggers(_record(), output(bombing, heard), scores)
    assert (scores.triggers.tp_pred, scores.triggers.n_pred) == (1, 4)
    assert scores.false_trigger_kinds == {
        "casualty word (gold: Life.Die/Life.Injure)": 1,
        "later mention; gold has the event at an earlier one": 1,
        "first mention of an event the gold lacks": 1,
    }


def test_a_territory_code_and_a_nonspecific_mention_have_their_own_kinds() -> None:
    wiki = bench("eval_wikievents")
    taken = {"type": "ArmedClash", "acled": "NON_STATE_ACTOR_OVERTAKES_TER"}
    assert wiki.wrong_trigger_kind(taken, 0, False, []) == (
        "territory taken (ACLED battle, no KAIROS attack)"
    )
    told = {"type": "Attack", "acled": None, "nonspecific": "generic"}
    assert wiki.wrong_trigger_kind(told, 0, False, []) == "non-specific mention (generic)"
    later = {"type": "Attack", "acled": "ATTACK"}
    assert wiki.wrong_trigger_kind(later, 2, False, []) == (
        "later mention of an event the gold lacks"
    )
