"""Issue 15 item 4: a denial covers what its own complement or object says, not an act a
relative clause or an apposition inside it tells of a noun. "X denied that the men who
shelled Y were its fighters" denies whose men they were and concedes the shelling: the
shelling's roles are the denier's account (alleged, on X's word), not denied
(extract/language/attribution.py). What the complement itself says stays denied.
Sentences are written for the test, about invented people and places."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _perpetrators(extractor: Extractor, text: str) -> list[tuple[str, str, str | None]]:
    result = extractor.extract(ArticleInput("invented", text))
    return sorted(
        (a.text, a.certainty, a.source)
        for e in result.events
        for a in e.arguments
        if a.role == "perpetrator"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Harl militia denied that the fighters who shelled Varnok on Monday belonged "
            "to it.",
            [("fighters", "alleged", "The Harl militia")],
        ),
        (
            "The army denied that soldiers who attacked the village of Ostra were under its "
            "command.",
            [("soldiers", "alleged", "The army")],
        ),
        (
            "The rebels denied that the gunmen, who kidnapped two engineers near Sorvo, were "
            "their members.",
            [("gunmen", "alleged", "The rebels")],
        ),
    ],
)
def test_an_act_told_in_a_relative_clause_is_not_denied(
    extractor: Extractor, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _perpetrators(extractor, text) == expected


def test_what_the_complement_says_stays_denied(extractor: Extractor) -> None:
    text = "The army denied that soldiers attacked the village of Ostra on Monday."
    assert _perpetrators(extractor, text) == [("soldiers", "denied", "The army")]


def test_the_content_of_a_denied_report_stays_denied(extractor: Extractor) -> None:
    # "the report that ...": a noun's complement clause, no relative clause
    text = "The army denied the report that soldiers attacked the village of Ostra."
    assert ("soldiers", "denied", "The army") in _perpetrators(extractor, text)
