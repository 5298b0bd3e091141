"""Whose weapon acted did what it did (issue 16, item 2): a weapon that is the subject or
agent of the attack verb ("warplanes of the Ardent Coalition struck ...", "the army's drones
hit ...") names its owner as the perpetrator, when the owner is an actor that can use
weapons of war. A weapon seized or shown ("police seized the militia's rifles"), a maker
("Velmari-made jets") and a denied act name no one. Invented places and groups."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _perpetrators(extractor: Extractor, text: str) -> list[list[str]]:
    """The perpetrators' texts of each event."""
    data = extractor.extract(ArticleInput("invented", text)).to_json()
    return [
        [a["text"] for a in e["arguments"] if a["role"] == "perpetrator"] for e in data["events"]
    ]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Warplanes of the Ardent Coalition struck a grain store in Mirza on Monday.",
            "Ardent Coalition",
        ),
        ("The army's drones hit two houses in Mirza on Tuesday, residents said.", "army"),
        ("Rockets of the Dawn Brigade hit the outskirts of Mirza overnight.", "Dawn Brigade"),
    ],
)
def test_the_owner_of_an_acting_weapon_is_the_perpetrator(
    extractor: Extractor, text: str, owner: str
) -> None:
    assert _perpetrators(extractor, text) == [[owner]]


@pytest.mark.parametrize(
    "text",
    [
        # the owner did not use them here
        "Police seized the Sable Watch's rifles in a raid on a farm near Mirza on Monday.",
        # a weapon's maker is no user
        "Velmari-made jets struck a grain store in Mirza on Monday.",
    ],
)
def test_seized_weapons_and_makers_name_no_owner(extractor: Extractor, text: str) -> None:
    assert all("Sable Watch" not in p and "Velmari" not in " ".join(p)
               for p in _perpetrators(extractor, text))
