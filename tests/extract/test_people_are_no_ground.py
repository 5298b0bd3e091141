"""A verb of taking whose object is a person took no ground: "captured the town of Kesh" is
territory taken, "captured the suspect in Kesh" or "the suspect and his driver" take
people, whatever place the sentence names after them. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _codes(extractor: Extractor, text: str) -> list[str | None]:
    return [e.acled for e in extractor.extract(ArticleInput("invented", text)).events]


@pytest.mark.parametrize(
    "text",
    [
        "Police captured the suspected ringleader in Kandahar on Monday, a spokesman said.",
        "Police captured the suspect and his driver in Kandahar on Monday.",
    ],
)
def test_people_taken_near_a_place_are_no_territory(extractor: Extractor, text: str) -> None:
    codes = _codes(extractor, text)
    assert "NON_STATE_ACTOR_OVERTAKES_TER" not in codes
    assert "GOV_REGAINS_TERIT" not in codes


def test_a_town_taken_is_territory(extractor: Extractor) -> None:
    """Counterexample: the object is the ground itself."""
    text = "Militiamen captured the market town of Marov on Monday after a day of shelling."
    assert "NON_STATE_ACTOR_OVERTAKES_TER" in _codes(extractor, text)
