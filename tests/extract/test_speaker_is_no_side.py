"""Who tells an incident is no side of it: the word bag that types an attack whose harmed
are named by nobody leaves out the reporting verb's subject (extract/events/subevents.py
`_told`). The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    events = extractor.extract(ArticleInput("invented", text)).events
    return [(e.type, e.acled) for e in events]


@pytest.mark.parametrize("speaker", ["Police", "A police spokesman", "The army"])
def test_a_shooting_told_by_the_police_is_an_attack(extractor: Extractor, speaker: str) -> None:
    text = f"{speaker} said the shooting left one man dead and 12 wounded in Holm on Monday."
    assert _types(extractor, text) == [("Attack", "ATTACK")]


def test_armed_men_in_the_story_itself_still_make_a_clash(extractor: Extractor) -> None:
    """Counterexample: the soldiers and insurgents the speaker tells of are the sides."""
    text = "The army said soldiers killed 12 insurgents in a raid near Holm on Monday."
    assert _types(extractor, text) == [("ArmedClash", "ARMED_CLASH")]


def test_a_speaker_that_tells_of_its_own_fire_is_a_side(extractor: Extractor) -> None:
    """Counterexample: "they" in what the police say is the police."""
    text = "Police said they opened fire on gunmen near the bridge in Morn on Monday."
    assert ("ArmedClash", "ARMED_CLASH") in _types(extractor, text)
