"""A passive "killed by" names the doer of an act of violence: "three policemen were
killed by the Red Dawn Front" or "by members of the Red Dawn Front" tell an attack by an
armed group seen once, typed by what it did. Members of a hospital staff, or a front
that drafted rules, are no armed group. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _run(extractor: Extractor, text: str) -> tuple[list[str], dict[str, str]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    types = {e.name: e.type for e in extraction.entities}
    perpetrators = [
        a.text for e in extraction.events for a in e.arguments if a.role == "perpetrator"
    ]
    return perpetrators, types


@pytest.mark.parametrize(
    "text",
    [
        "Four border guards were shot dead by the Ostra Liberation Front near Vell on Sunday.",
        "Four border guards were shot dead by members of the Ostra Liberation Front near Vell.",
    ],
)
def test_a_group_that_killed_in_the_passive_is_armed(extractor: Extractor, text: str) -> None:
    perpetrators, types = _run(extractor, text)
    assert types["Ostra Liberation Front"] == "ArmedGroup"
    assert any("Ostra Liberation Front" in p for p in perpetrators)


@pytest.mark.parametrize(
    "text",
    [
        "The new statute was drafted by members of the Ostra Renewal Front in Vell.",
        "Two patients were killed by members of the hospital staff who gave them the wrong drug.",
    ],
)
def test_no_violence_done_by_the_group(extractor: Extractor, text: str) -> None:
    perpetrators, types = _run(extractor, text)
    assert perpetrators == []
    assert "ArmedGroup" not in types.values()
