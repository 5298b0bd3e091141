"""The RAMS scorer's tune-half diagnostic: why each gold argument was missed (no event, a
non-specific mention only, the right span under another role, the span on another event, or
not found in the trigger's sentence, the one before or the one after). Invented records
only; the evaluation texts never enter the repository."""

from __future__ import annotations

from eval_records import argument, bench, event, output, span

TEXT = (
    "The Red Hand militia massed near Velna. Gunmen shot two farmers near Velna on Monday. "
    "Police later arrested a suspect in Korsa."
)


def _record(*args: tuple[str, str]) -> dict:
    return {
        "id": "invented:rams-miss",
        "text": TEXT,
        "violent": True,
        "events": [
            {
                "type": "life.die.deathcausedbyviolentevents",
                "trigger": span(TEXT, "shot"),
                "arguments": [{"role": r, **span(TEXT, p)} for r, p in args],
            }
        ],
    }


GOLD = (
    ("killer", "Red Hand militia"),  # the sentence before
    ("victim", "farmers"),  # ours as a target: role confusion
    ("place", "Korsa"),  # on our arrest: another event
    ("instrument", "Gunmen"),  # the trigger's sentence, not found
)


def test_each_missed_argument_gets_its_kind() -> None:
    rams = bench("eval_rams")
    shooting = event(
        TEXT, "Attack", "shot", argument(TEXT, "target", "farmers", "two farmers"), acled="ATTACK"
    )
    arrest = event(
        TEXT, "Arrest", "arrested", argument(TEXT, "place", "korsa", "Korsa"), id_="e-2"
    )
    scores = rams.score_rams([_record(*GOLD)], [output(shooting, arrest)])
    assert dict(scores.miss_kinds) == {
        ("perpetrator", "not found, sentence before"): 1,
        ("victim", "role confusion (span found, other role)"): 1,
        ("place", "on another event of ours"): 1,
        ("instrument", "not found, trigger's sentence"): 1,
    }


def test_an_event_not_found_or_found_as_a_non_specific_mention_says_so() -> None:
    rams = bench("eval_rams")
    record = _record(("victim", "farmers"))
    missed = rams.score_rams([record], [output()])
    assert dict(missed.miss_kinds) == {("victim", "no event found"): 1}
    told = output()
    told["nonspecific"] = [{"type": "Attack", **span(TEXT, "shot"), "reason": "generic"}]
    generic = rams.score_rams([record], [told])
    assert dict(generic.miss_kinds) == {("victim", "found as a non-specific mention only"): 1}


def test_each_missed_argument_is_also_counted_by_the_form_of_its_phrase() -> None:
    rams = bench("eval_rams")
    record = _record(("killer", "Red Hand militia"), ("victim", "farmers"), ("place", "Korsa"))
    scores = rams.score_rams([record], [output()])
    assert dict(scores.miss_forms) == {
        ("no event found", "named"): 2,
        ("no event found", "common noun phrase"): 1,
    }
    assert [rams.miss_form(t) for t in ("they", "The Senate", "the city", "two farmers")] == [
        "pronoun",
        "named",
        "common noun phrase",
        "common noun phrase",
    ]
