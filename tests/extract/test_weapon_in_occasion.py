"""A death or injury told with the moment it happened ("killed when he stepped on a
landmine") is an attack by the weapon that moment names (extract/events/mentions.py,
`_weapon_in_occasion`)."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, str | None, int | None]]:
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    return [(e.type, e.acled, e.fatalities) for e in extraction.events]


def test_a_death_when_a_mine_is_stepped_on_is_an_explosion(extractor: Extractor) -> None:
    text = "A goatherd was killed when he stepped on a landmine in the hills above Vasko."
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    (event,) = extraction.events
    assert (event.type, event.acled, event.fatalities) == ("Bombing", "REM_EXPLOS", 1)
    roles = {(a.role, a.text) for a in extraction.events[0].arguments}
    assert ("victim", "goatherd") in roles
    assert ("instrument", "landmine") in roles


def test_pilgrims_hurt_after_their_bus_hit_a_bomb(extractor: Extractor) -> None:
    text = "Four pilgrims were wounded after their minibus hit a roadside bomb near Vasko."
    assert [(t, a) for t, a, _ in _events(extractor, text)] == [("Bombing", "REM_EXPLOS")]


def test_children_hurt_as_they_handled_a_grenade(extractor: Extractor) -> None:
    text = "Two boys were injured as they played with a grenade behind a school in Vasko."
    assert _events(extractor, text) == [("Bombing", "GRENADE", None)]


@pytest.mark.parametrize(
    "text",
    [
        "A goatherd was killed when his truck hit a tree outside Vasko on Friday.",
        "A goatherd died after he bought a rifle in Vasko on Friday.",
        "A goatherd was killed in an accident when he stepped on a landmine near Vasko.",
    ],
)
def test_no_weapon_or_an_accident_is_no_attack(extractor: Extractor, text: str) -> None:
    assert _events(extractor, text) == []


def test_the_occasion_tells_every_verb_of_the_coordination(extractor: Extractor) -> None:
    """The parser hangs the "when" clause on the last verb ("wounded"); the killed are the
    same bomb's, so their count and the victims are the incident's."""
    text = (
        "Two people were killed and five wounded when a grenade was thrown into a crowded "
        "cafe in the port city of Dalvik late on Saturday, police said."
    )
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    (event,) = extraction.events
    assert (event.acled, event.fatalities, event.injuries) == ("GRENADE", 2, 5)
    assert [m.text for m in event.mentions] == ["killed", "wounded"]
    assert ("victim", "people") in {(a.role, a.text) for a in event.arguments}
    # where the grenade was thrown is where the incident was (incidents.place_near_weapons)
    assert [a.text for a in event.arguments if a.role == "place"] == ["Dalvik"]


def test_where_a_weapon_came_from_is_no_place_of_the_incident(extractor: Extractor) -> None:
    text = "Two guards were killed on Monday when a grenade smuggled in from Orsk went off."
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    (bombing,) = [e for e in extraction.events if e.type == "Bombing"]
    assert [a.text for a in bombing.arguments if a.role == "place"] == []


def test_a_coordination_with_no_weapon_is_no_attack(extractor: Extractor) -> None:
    text = "Two men were killed and three hurt when their truck hit a tree outside Vasko."
    assert _events(extractor, text) == []
