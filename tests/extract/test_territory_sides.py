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


RETAKEN = (
    "Government troops recaptured the northern town of Hadar from the Popular Liberation Army "
    "on Sunday after heavy fighting, state television reported. The rebels had seized the "
    "town in March."
)


def test_whom_ground_is_taken_from_held_it_by_arms(extractor: Extractor) -> None:
    """A name the text only shows losing ground is an armed group, not an organisation."""
    extraction = extractor.extract(ArticleInput("invented", RETAKEN))
    kinds = {e.name: e.type for e in extraction.entities}
    assert kinds["Popular Liberation Army"] == "ArmedGroup"


def test_things_seized_from_a_company_make_it_no_armed_group(extractor: Extractor) -> None:
    text = "Customs officers seized weapons from the Northern Trading Company on Monday."
    extraction = extractor.extract(ArticleInput("invented", text))
    kinds = {e.name: e.type for e in extraction.entities}
    assert kinds["Northern Trading Company"] == "Organization"


def test_ground_taken_by_each_side_in_turn_is_two_captures(extractor: Extractor) -> None:
    """The rebels' earlier seizure and the army's recapture share the town, but ground
    changes hands once in an incident: two captures, each with its own taker ("the rebels"
    are the group the town was taken from)."""
    extraction = extractor.extract(ArticleInput("invented", RETAKEN))
    captures = [(e.acled, sorted(_roles(e, "perpetrator"))) for e in extraction.events]
    assert captures == [
        ("GOV_REGAINS_TERIT", ["troops"]),
        ("NON_STATE_ACTOR_OVERTAKES_TER", ["Popular Liberation Army"]),
    ]


def test_one_side_taking_a_town_told_twice_is_one_capture(extractor: Extractor) -> None:
    """Counterexample: the same side's capture told again is the same incident."""
    text = (
        "Government troops recaptured the town of Hadar on Sunday. The army retook the town "
        "after a two-day battle, officials said."
    )
    extraction = extractor.extract(ArticleInput("invented", text))
    assert [(e.acled, len(e.mentions)) for e in extraction.events] == [("GOV_REGAINS_TERIT", 3)]
