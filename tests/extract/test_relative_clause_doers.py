"""A relative pronoun is the noun its clause describes: "the roadside bomb that killed
three soldiers" tells a bombing (the bomb killed them), "the gunmen who shot dead a
shopkeeper" an attack by gunmen. A storm or a drug that killed is no attack. The
articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, int | None]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [(e.type, e.fatalities) for e in extraction.events if e.type != "ClaimOfResponsibility"]


def test_a_relative_clause_of_a_weapon_counts_its_wounded(extractor: Extractor) -> None:
    text = (
        "The grenade that wounded four traders in the Ebi market on Friday was thrown from a "
        "passing motorbike."
    )
    (event,) = extractor.extract(ArticleInput("invented", text)).events
    assert (event.type, event.acled, event.injuries) == ("Bombing", "GRENADE", 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Investigators are still searching for the men who planted the roadside bomb "
            "that killed three customs officers near Ebi last week.",
            [("Bombing", 3)],
        ),
    ],
)
def test_a_relative_clause_tells_its_nouns_act(
    extractor: Extractor, text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert _events(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The storm that hit Ebi on Friday killed three people.",
        "The contaminated drug that killed two patients was sold online.",
    ],
)
def test_a_hazard_in_a_relative_clause_is_no_attack(extractor: Extractor, text: str) -> None:
    assert [kind for kind, _ in _events(extractor, text) if kind != "NaturalDisaster"] == []
