"""Names typed by the ground taken and by what they are set beside (issue 16, item 5):
a name after a noun of hold that a verb takes ("seized control of X", "took control of X") is
ground, so the capture is found and placed there; a name in apposition with a place noun
that has a name of its own ("the governor of Y province, X") is the governor, not a place.
A body after "control of" ("the Ministry of Oil") and a name right after a bare place noun
("the border town X") keep their types. Invented places, groups and people."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _read(extractor: Extractor, text: str) -> tuple[dict[str, str], list[tuple[str, list[str]]]]:
    """Entity types by name, and (ACLED code, place texts) of each event."""
    data = extractor.extract(ArticleInput("invented", text)).to_json()
    return (
        {e["name"]: e["type"] for e in data["entities"]},
        [
            (e["acled"], [a["text"] for a in e["arguments"] if a["role"] == "place"])
            for e in data["events"]
        ],
    )


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("The Orra Liberation Army seized control of Ombrell on Tuesday.", "Ombrell"),
        ("Rebels took control of Tarsk on Sunday after a week of fighting.", "Tarsk"),
    ],
)
def test_ground_taken_through_a_hold_is_a_place(
    extractor: Extractor, text: str, town: str
) -> None:
    types, events = _read(extractor, text)
    assert types[town] == "Place"
    assert ("NON_STATE_ACTOR_OVERTAKES_TER", [town]) in events


def test_a_body_after_control_of_stays_a_body(extractor: Extractor) -> None:
    types, _ = _read(extractor, "Rebels took control of the Ministry of Oil in Tarsk on Sunday.")
    assert types["Ministry of Oil"] == "Government"


def test_a_name_beside_a_named_province_is_no_place(extractor: Extractor) -> None:
    text = "Police said they had foiled a plan to kill the governor of Kesh province, Omar Dalit."
    types, _ = _read(extractor, text)
    assert types["Omar Dalit"] == "Person"


def test_a_name_beside_a_bare_place_noun_is_a_place(extractor: Extractor) -> None:
    types, _ = _read(extractor, "Troops entered the border town Velkas on Monday.")
    assert types["Velkas"] == "Place"
