"""Territory taken "from" someone names the other side of the fight: the side that lost it
is a participant of the capture, as ACLED's territorial events name both actors. The
articles are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Event, Extractor


def _capture(extractor: Extractor, text: str) -> Event:
    extraction = extractor.extract(ArticleInput("invented", text))
    (event,) = [e for e in extraction.events if e.type == "ArmedClash"]
    return event


def _roles(event: Event, role: str) -> set[str]:
    return {a.text for a in event.arguments if a.role == role}


def test_the_side_a_town_was_taken_from_is_a_participant(extractor: Extractor) -> None:
    event = _capture(
        extractor, "The Northern Front seized the town of Kesh from government troops on Friday."
    )
    assert event.acled == "NON_STATE_ACTOR_OVERTAKES_TER"
    assert _roles(event, "participant") == {"Northern Front", "troops"}
    assert _roles(event, "place") == {"Kesh"}


def test_a_direction_taken_from_is_no_side(extractor: Extractor) -> None:
    """Counterexample: "from the north" says where the fighters came from, not who lost."""
    event = _capture(
        extractor, "The Northern Front seized the town of Kesh from the north on Friday."
    )
    assert _roles(event, "participant") == {"Northern Front"}
