"""Things that are no incidents. The phrasal verbs of explosions have everyday senses:
alarms that "go off" and balloons that children "blow up" explode nothing, while a device
that went off or a bridge militants blew up is a bombing. A killing done by the doer's
vehicle in an occasion clause ("when his van left the road") is an accident, while one who
drove into a crowd attacked it. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> list[str]:
    return [e.type for e in extractor.extract(ArticleInput("invented", text)).events]


@pytest.mark.parametrize(
    "text",
    [
        "Smoke detectors went off in every flat of the block in Pardo on Sunday.",
        "Students blew up paper bags and popped them in the yard of a school in Pardo.",
    ],
)
def test_everyday_senses_report_no_explosion(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A device went off outside the court in Pardo on Sunday.",
        "Insurgents blew up a footbridge near Pardo on Sunday.",
        "A grenade went off in a cafe in Pardo on Sunday.",
    ],
)
def test_weapons_going_off_stay_bombings(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == ["Bombing"]


def test_a_death_by_the_doers_vehicle_is_no_attack(extractor: Extractor) -> None:
    text = "A man killed two schoolgirls when his van left the road in Corrin on Tuesday."
    assert _types(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # counterexamples: the driver himself did it, or his bomb did
        "A man killed two schoolgirls when he drove his van into them in Corrin on Tuesday.",
        "A man killed his brother when their quarrel turned to blows in Corrin on Tuesday.",
    ],
)
def test_a_deliberate_killing_stays_an_attack(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == ["Attack"]
