"""Blows that killed are a killing whoever dealt them: "a crowd beat a man to death" is
mob violence with one dead, "was stoned to death" an attack on its victim. A champion who
beat a rival, or someone bored to death, harmed no one. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, str | None, int | None]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [(e.type, e.acled, e.fatalities) for e in extraction.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An angry crowd beat a suspected pickpocket to death at the bus depot in Orrin on "
            "Saturday, witnesses said.",
            ("Riot", "MOB_VIOL", 1),
        ),
        (
            "A schoolteacher was stoned to death outside his home in Orrin on Saturday.",
            ("Attack", "ATTACK", 1),
        ),
        (
            "Unknown assailants hacked three herders to death near Orrin overnight.",
            ("Attack", "ATTACK", 3),
        ),
    ],
)
def test_blows_that_killed_are_a_killing(
    extractor: Extractor, text: str, expected: tuple[str, str, int]
) -> None:
    assert _events(extractor, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The champion beat her rival in straight sets in Orrin on Saturday.",
        "The audience in Orrin was bored to death by the three-hour speech.",
        "Orrin beat the visitors 3-0 in front of a crowd of 20,000.",
    ],
)
def test_no_one_killed(extractor: Extractor, text: str) -> None:
    assert _events(extractor, text) == []


def test_demonstrators_who_kill_make_a_violent_demonstration(extractor: Extractor) -> None:
    """Counterexample to the mob: people the text calls demonstrators riot."""
    text = "Demonstrators beat a tax collector to death outside the town hall in Orrin."
    assert _events(extractor, text) == [("Riot", "VIOL_DEMONSTR", 1)]
