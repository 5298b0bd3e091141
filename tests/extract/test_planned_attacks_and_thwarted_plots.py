"""Attacks that were planned, plotted or prepared have not happened: "arrested, suspected
of planning attacks on churches" tells an arrest and no attack (the parser often reads the
gerund as a noun modifying the attack noun). Attacks carried out stay attacks. A foiled
plot to kill someone kills nobody. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _typed(extractor: Extractor, text: str) -> list[tuple[str, int | None]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [(e.type, e.fatalities) for e in extraction.events]


@pytest.mark.parametrize(
    "text",
    [
        "Two men were arrested in Halm on Monday, suspected of planning attacks on mosques.",
        "Police arrested a student in Maro who was preparing attacks on the town hall.",
    ],
)
def test_a_planned_attack_is_no_event(extractor: Extractor, text: str) -> None:
    assert _typed(extractor, text) == [("Arrest", None)]


def test_an_attack_carried_out_stays(extractor: Extractor) -> None:
    """Counterexample: the suspects are said to have carried the attacks out."""
    extraction = extractor.extract(
        ArticleInput(
            "invented",
            "Two men were arrested in Halm on Monday, suspected of carrying out attacks on "
            "mosques.",
        )
    )
    assert "Attack" in [e.type for e in extraction.events]


def test_a_foiled_plot_names_no_victim_and_no_dead(extractor: Extractor) -> None:
    extraction = extractor.extract(
        ArticleInput("invented", "The plot to assassinate Senator Ivo Marsh was foiled on Friday.")
    )
    assert [e.type for e in extraction.events] == ["DisruptedWeaponsUse"]
    event = extraction.events[0]
    assert event.fatalities is None
    assert [a.role for a in event.arguments if a.role == "victim"] == []
