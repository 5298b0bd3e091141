"""Violence without an attack word (issue 16, item 1): fire told through what the weapon did
-- shells that "fell on" a town, jets that "pounded" positions, rockets that "rained down",
artillery that "battered" a suburb -- is an attack typed by its weapon, as "hit" and "landed"
already are. The verbs count only with a weapon as their doer: rain that fell, prices that
fell, a boxer who pounded his rival and soldiers who hammered on a door report nothing."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, str | None, str]]:
    data = extractor.extract(ArticleInput("invented", text)).to_json()
    return [(e["type"], e.get("acled"), e["trigger"]["text"]) for e in data["events"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mortar rounds fell on the market town of Ruvu on Tuesday.",
         ("Shelling", "ART_MISS_ATTACK", "fell")),
        ("Fighter jets pounded militia positions near Ruvu on Tuesday.",
         ("AirOrDroneStrike", "AIR_STRIKE", "pounded")),
        ("Rockets rained down on the airport of Ruvu overnight.",
         ("Shelling", "ART_MISS_ATTACK", "rained")),
        ("Artillery battered the eastern suburbs of Ruvu on Tuesday.",
         ("Shelling", "ART_MISS_ATTACK", "battered")),
    ],
)
def test_a_weapon_that_falls_or_pounds_is_an_attack(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert _events(extractor, text) == [expected]


def test_the_place_it_fell_on_is_kept(extractor: Extractor) -> None:
    data = extractor.extract(
        ArticleInput("invented", "Mortar rounds fell on the market town of Ruvu on Tuesday.")
    ).to_json()
    roles = {(a["role"], a["text"]) for a in data["events"][0]["arguments"]}
    assert ("place", "Ruvu") in roles
    assert ("instrument", "Mortar rounds") in roles


@pytest.mark.parametrize(
    "text",
    [
        "Heavy rain fell on the market town of Ruvu on Tuesday.",
        "Maize prices fell sharply in Ruvu on Tuesday.",
        "The boxer pounded his rival in the final round in Ruvu on Tuesday.",
        "Soldiers hammered on the door of the clinic in Ruvu.",
    ],
)
def test_without_a_weapon_as_doer_nothing_happened(extractor: Extractor, text: str) -> None:
    assert _events(extractor, text) == []
