"""A definite noun that refers back to an event told only as no incident, in a clause
that does not report it happening, is no incident either (2026-12-07): "offered a truce
... if the truce holds" asks for nothing that happened. Of a threatened event, a clause
that reports it ("the raid came at dawn") still gives the incident."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _told(extractor: Extractor, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    result = extractor.extract(ArticleInput("invented.txt", text)).to_json()
    events = [e["type"] for e in result["events"]]
    return events, [(n["text"], n["reason"]) for n in result["nonspecific"]]


def test_the_proposed_meeting_under_an_if_is_no_incident(extractor: Extractor) -> None:
    events, others = _told(
        extractor,
        "The Ostrava council proposed talks with the herders' union on Monday. Grazing "
        "rights will be restored if the talks succeed, a council member said.\n",
    )
    assert "Meeting" not in events
    assert ("talks", "conditional") in others


def test_a_threatened_raid_that_came_is_the_incident(extractor: Extractor) -> None:
    events, _ = _told(
        extractor,
        "Bandits threatened to raid the village of Pennow. The raid came at dawn on "
        "Monday, killing two herders.\n",
    )
    assert events == ["Attack"]
