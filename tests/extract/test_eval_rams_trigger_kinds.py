"""The RAMS scorer's tune-half diagnostic of missed violent triggers: each is counted by its
gold type, the form of its head word in the parse and the frame line that has its lemma, so
that the kinds of trigger the lexicon lacks are read without reading the windows. Invented
records only."""

from __future__ import annotations

from eval_records import bench, output, span

from conflict_kg.extract import load_lexicon, load_nlp

TEXT = "Four porters were killed near Velna. The raid on the depot at Korsa shocked the traders."


def _record(trigger: str, rams_type: str) -> dict:
    return {
        "id": "invented:rams-kinds",
        "text": TEXT,
        "violent": True,
        "events": [{"type": rams_type, "trigger": span(TEXT, trigger), "arguments": []}],
    }


def test_missed_triggers_are_kept_for_the_kinds_table() -> None:
    rams = bench("eval_rams")
    record = _record("killed", "life.die.deathcausedbyviolentevents")
    scores = rams.score_rams([record], [output()])
    start = TEXT.index("killed")
    assert scores.missed_triggers == [
        (TEXT, start, start + 6, "life.die.deathcausedbyviolentevents")
    ]
    assert rams.trigger_kinds(scores.missed_triggers) == {
        (
            "life.die.deathcausedbyviolentevents",
            "verb, passive",
            "Killing (weapon_subject, armed_subject)",
        ): 1
    }


def test_a_noun_with_a_phrase_and_a_word_out_of_the_lexicon() -> None:
    rams = bench("eval_rams")
    doc, lexicon = load_nlp()(TEXT), load_lexicon()
    raid = next(t for t in doc if t.lower_ == "raid")
    assert rams.trigger_kind(raid, lexicon) == ("noun", "Attack (no condition)")
    shocked = next(t for t in doc if t.lower_ == "shocked")
    assert rams.trigger_kind(shocked, lexicon) == ("verb", "not in the lexicon")
    traders = next(t for t in doc if t.lower_ == "traders")
    assert rams.trigger_kind(traders, lexicon)[1] == "not in the lexicon"
