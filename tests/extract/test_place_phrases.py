"""Every place of a locative phrase is the event's place (extract/roles/roles.py `_places`)."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _places(extractor: Extractor, text: str) -> list[str]:
    result = extractor.extract(ArticleInput("t", text))
    (event,) = [e for e in result.events if e.type in ("Attack", "ArmedClash", "Bombing")]
    return [a.text for a in event.arguments if a.role == "place"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two dozen soldiers were killed in attacks in Kunduz and Baghlan last week.",
            ["Kunduz", "Baghlan"],
        ),
        (
            "Taliban gunmen attacked a police post in Helmand Province, Afghanistan, on Monday.",
            ["Helmand Province", "Afghanistan"],
        ),
        (
            "A parcel bomb exploded on a busy street in the city of Lyon, wounding 13 people.",
            ["Lyon"],
        ),
        ("Militants launched an attack in Syria's Idlib province on Friday.", ["Syria", "Idlib"]),
        (
            "The worst explosion was at the busy Harlowe bus station, where six people died.",
            ["Harlowe bus station"],
        ),
        ("The Varnesk Tower in Harlowe was shattered by an explosion on Monday.", ["Harlowe"]),
        (
            "The United States condemned the attack on members of the U.S. and Afghan forces "
            "near Kunduz.",
            ["Kunduz"],
        ),
    ],
)
def test_places_coordinated_apposed_and_nested(
    extractor: Extractor, text: str, expected: list[str]
) -> None:
    assert _places(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces shelled the town of Harlowe on Monday.", ["Harlowe"]),
        ("Militants attacked the city of Harlowe, killing two people.", ["Harlowe"]),
        # A facility noun that only qualifies the town ("market") makes no target of it.
        ("Government forces shelled the market town of Harlowe on Tuesday.", ["Harlowe"]),
        # Nor does one inside a region's name ("Bank" in "West Bank").
        ("Israeli forces raided the West Bank city of Jenin on Monday.", ["West Bank", "Jenin"]),
    ],
)
def test_the_place_a_trigger_verb_acts_on(
    extractor: Extractor, text: str, expected: list[str]
) -> None:
    result = extractor.extract(ArticleInput("t", text))
    (event,) = result.events
    assert [a.text for a in event.arguments if a.role == "place"] == expected


def test_the_demonym_of_a_states_own_forces_still_mentions_the_state(
    extractor: Extractor,
) -> None:
    result = extractor.extract(ArticleInput("t", "Russian forces shelled the town of Harlowe."))
    mentions = {e.name: [m.text for m in e.mentions] for e in result.entities}
    assert mentions["Russian Armed Forces"] == ["Russian forces"]
    assert mentions["Russia"] == ["Russian"]
