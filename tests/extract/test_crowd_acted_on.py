"""A crowd an act is aimed at is that act's event, not a demonstration told again: "police
fired tear gas at protesters" is one protest met with intervention, "soldiers shot dead three
demonstrators" one use of excessive force. An arrest of protesters stays an arrest. The
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


def test_an_arrest_of_protesters_stays_an_arrest(extractor: Extractor) -> None:
    """Counterexample: the protesters arrested are the arrest's, which is no act of force."""
    found = _events(
        extractor,
        "Hundreds of teachers marched in Corvena on Tuesday. Police arrested twelve protesters.",
    )
    assert "Arrest" in [kind for kind, _, _ in found]
    (arrest,) = [mentions for kind, _, mentions in found if kind == "Arrest"]
    assert arrest == ["arrested"]
