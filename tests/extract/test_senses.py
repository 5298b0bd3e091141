"""Trigger words read in a sense that reports no conflict event (extract/events/senses.py)."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("t", text))


def _types(result: Extraction) -> list[str]:
    return [e.type for e in result.events]


def test_fired_from_a_job_is_no_attack(extractor: Extractor) -> None:
    assert _types(_run(extractor, "If they do not vote, they'll be fired from their jobs.")) == []
    assert _types(_run(extractor, "The company will fire me next week.")) == []


def test_firing_at_or_on_someone_stays_an_attack(extractor: Extractor) -> None:
    result = _run(extractor, "Soldiers fired on the crowd in the market.")
    assert [(e.type, e.trigger.text) for e in result.events] == [("Attack", "fired")]


def test_a_work_stoppage_is_a_peaceful_protest(extractor: Extractor) -> None:
    result = _run(extractor, "Unions began a 48-hour strike on Monday.")
    assert [(e.type, e.acled, e.trigger.text) for e in result.events] == [
        ("Protest", "PEACE_PROTEST", "strike")
    ]
    on_strike = _run(extractor, "Dock workers went on strike in the port city.")
    assert [(e.type, e.acled) for e in on_strike.events] == [("Protest", "PEACE_PROTEST")]


def test_an_air_strike_is_still_a_strike(extractor: Extractor) -> None:
    result = _run(extractor, "A strike on the depot destroyed three trucks.")
    assert [e.type for e in result.events] == ["Attack"]


def test_accidental_explosions_are_no_attacks(extractor: Extractor) -> None:
    # No weapon named: an accident. Their own bomb going off early: still a bombing, as
    # ACLED codes a premature detonation (REM_EXPLOS).
    accident = _run(extractor, "Three men were killed in an accidental explosion.")
    assert [(e.type, e.acled) for e in accident.events] == [("Accident", None)]
    early = _run(extractor, "Their bomb exploded accidentally near the road.")
    assert _types(early) == ["Bombing"]
    deliberate = _run(extractor, "Their bomb exploded near the road.")
    assert _types(deliberate) == ["Bombing"]


def test_bulleted_list_of_past_attacks_reports_none(extractor: Extractor) -> None:
    text = "See also\n* 2009 Kabul market bombing\n* 2011 Kandahar hotel attack\n"
    assert _types(_run(extractor, text)) == []


def test_the_incident_joins_the_cluster_but_is_no_trigger_mention(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "A bomb exploded at a bus stop in the city. Police are investigating the incident.",
    )
    (event,) = result.events
    assert [m.text for m in event.mentions] == ["exploded"]
