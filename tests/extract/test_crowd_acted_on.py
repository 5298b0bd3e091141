"""A crowd an act is aimed at is that act's event, not a demonstration told again: "police
fired tear gas at protesters" is one protest met with intervention, "soldiers shot dead three
demonstrators" one use of excessive force; protesters arrested at their protest are that
protest met with intervention, someone else arrested near it an arrest. The
articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, str | None, list[str]]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [(e.type, e.acled, [m.text for m in e.mentions]) for e in extraction.events]


@pytest.mark.parametrize(
    ("text", "acled", "words"),
    [
        (
            "Riot police fired tear gas at protesters in Corvena on Tuesday.",
            "PROTEST_WITH_INTER",
            ["fired", "protesters"],
        ),
        (
            "Troops shot dead four demonstrators in the main square of Corvena on Tuesday.",
            "FORCE_AGAINST_PROTEST",
            ["shot", "demonstrators"],
        ),
    ],
)
def test_the_crowd_an_act_was_aimed_at_is_that_acts_event(
    extractor: Extractor, text: str, acled: str, words: list[str]
) -> None:
    ((kind, code, mentions),) = _events(extractor, text)
    assert (kind, code) == ("Protest", acled)
    assert sorted(mentions) == sorted(words)


def test_protesters_arrested_at_their_protest_are_its_intervention(extractor: Extractor) -> None:
    """ACLED codes protesters detained at their protest as the protest met with
    intervention, not as an arrest of its own; the arrest stays one of its mentions."""
    found = _events(
        extractor,
        "Police arrested twelve protesters at a rally against the new land law in Corvena on "
        "Tuesday.",
    )
    assert [(kind, code) for kind, code, _ in found] == [("Protest", "PROTEST_WITH_INTER")]
    assert "arrested" in found[0][2]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of teachers protested outside parliament in Corvena on Tuesday. Police "
        "arrested their union leader the next day.",
        "Veterans protested outside the ministry in Corvena on Tuesday. Police arrested "
        "two suspected smugglers near the border.",
    ],
)
def test_an_arrest_of_someone_else_stays_an_arrest(extractor: Extractor, text: str) -> None:
    """Counterexample: not the crowd's people, not the protest's intervention."""
    found = _events(extractor, text)
    assert sorted(kind for kind, _, _ in found) == ["Arrest", "Protest"]
