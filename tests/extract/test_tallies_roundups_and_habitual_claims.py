"""Counted plurals that are no one incident (2026-12-07): a tally over a long period in a
perfect clause ("has counted thirty ambushes since 2020") and events spoken of by a
habitual verb of speaking ("seldom report their raids"); "two separate blasts" are still
incidents. Each has an invented
counterexample that still gives its incident."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _told(extractor: Extractor, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    result = extractor.extract(ArticleInput("invented", text)).to_json()
    events = [e["type"] for e in result["events"]]
    others = [(n["text"], n["reason"]) for n in result["nonspecific"]]
    return events, others


@pytest.mark.parametrize(
    ("text", "mention", "reason"),
    [
        # a tally of a campaign: a counted plural over a period longer than a week
        (
            "The Kessari corridor has recorded at least thirty ambushes since 2020, "
            "according to a survey by traders.",
            "ambushes",
            "background",
        ),
        # a habitual verb of speaking: the raids it reports recur with it
        (
            "Cattle thieves strike before dawn and seldom report their raids to anyone.",
            "raids",
            "habitual",
        ),
    ],
)
def test_tallies_roundups_and_habitual_reports_give_no_incident(
    extractor: Extractor, text: str, mention: str, reason: str
) -> None:
    events, others = _told(extractor, text)
    assert events == []
    assert (mention, reason) in others


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # counted over a short span: that day's incident
        ("Three explosions have shaken the port of Velmo since Monday, killing four people.",
         "Bombing"),
        # counted without "separate": the incidents themselves
        ("Two shootings were reported in the western suburbs of Ambara on Sunday.",
         "Attack"),
        # a verb of speaking in the past: one claim of one incident's raids
        ("The Red Dune Front claimed the raids on the Velmo garrison on Monday.",
         "Attack"),
        # "separate" spreads the toll over the blasts; each is still an incident
        ("Two separate bomb blasts killed nine people in the port of Velmo on Tuesday.",
         "Bombing"),
        # a present verb of speaking with a day: that day's incident
        ("Local media report a bomb attack on a bus in Velmo on Tuesday that killed "
         "two passengers.", "Bombing"),
    ],
)
def test_counted_and_reported_incidents_are_kept(
    extractor: Extractor, text: str, event: str
) -> None:
    events, _ = _told(extractor, text)
    assert event in events
