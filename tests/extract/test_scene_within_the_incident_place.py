"""A fronted place phrase naming a part of the incident's own place (2026-12-07): "In
Drenna, ..." after a clash in the town of Olvasso, when the article has tied Drenna to
Olvasso ("Drenna, a district of Olvasso"), goes on telling the same clash; a fronted place
that nothing ties to the incident's still opens another scene."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor

TIED = (
    "Soldiers clashed with rebels in the town of Olvasso on Monday, the army said. Most "
    "residents of Drenna, a district of Olvasso, had fled the week before. In Drenna, the "
    "rebels also fought a police unit.\n"
)
UNTIED = (
    "Soldiers clashed with rebels in the town of Olvasso on Monday, the army said. Most "
    "residents of Drenna, a village north of Ambu, had fled the week before. In Drenna, the "
    "rebels also fought a police unit.\n"
)


def _clashes(extractor: Extractor, text: str) -> list[list[str]]:
    result = extractor.extract(ArticleInput("invented.txt", text))
    return [[m.text for m in e.mentions] for e in result.events if e.type == "ArmedClash"]


def test_a_scene_in_a_district_of_the_incident_town_is_the_same_incident(
    extractor: Extractor,
) -> None:
    assert _clashes(extractor, TIED) == [["clashed", "fought"]]


def test_a_scene_in_an_untied_place_is_another_incident(extractor: Extractor) -> None:
    assert _clashes(extractor, UNTIED) == [["clashed"], ["fought"]]
