"""Phrasal trigger verbs in every form (2026-12-07): the lexicon lists "blew up", "burned
down", "gunned down" in the past; "had blown up a depot", "accused of burning down a
school" and "gunning down" are the same verbs and now give their incident. A phrase that
is no phrasal verb keeps its one form, and a form under a threat or a plan is still no
incident."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.language import phrasal_forms

EXCEPTIONS = {"blew": ["blow"], "blown": ["blow"], "burnt": ["burn"], "took": ["take"],
              "taken": ["take"]}
LEMMAS = frozenset({"blow", "burn", "gun", "push", "take", "carry"})


def test_a_phrasal_verb_gets_its_other_forms() -> None:
    assert phrasal_forms("blew up", EXCEPTIONS, LEMMAS) == [
        "blew up", "blow up", "blowing up", "blown up", "blows up"
    ]
    assert phrasal_forms("gunned down", EXCEPTIONS, LEMMAS) == [
        "gunned down", "gun down", "gunning down", "guns down"
    ]
    assert phrasal_forms("carried off", EXCEPTIONS, LEMMAS) == [
        "carried off", "carries off", "carry off", "carrying off"
    ]


@pytest.mark.parametrize(
    "phrase",
    ["armed clash", "took to the streets", "believed to have carried out", "setting up"],
)
def test_other_phrases_keep_their_one_form(phrase: str) -> None:
    assert phrasal_forms(phrase, EXCEPTIONS, LEMMAS) == [phrase]


def _events(extractor: Extractor, text: str) -> list[tuple[str, list[str]]]:
    result = extractor.extract(ArticleInput("invented", text)).to_json()
    return [(e["type"], [m["text"] for m in e["mentions"]]) for e in result["events"]]


def test_a_pluperfect_and_a_gerund_give_their_incident(extractor: Extractor) -> None:
    claimed = _events(
        extractor,
        "The Dunmore Watch said its men had blown up a railway bridge outside Kettleby "
        "on Sunday night.",
    )
    assert claimed == [("Bombing", ["blown up"])]
    accused = _events(
        extractor,
        "Villagers accused soldiers of burning down a grain store in Pell on Tuesday.",
    )
    assert accused == [("Riot", ["burning down"])]


def test_a_threatened_form_is_still_no_incident(extractor: Extractor) -> None:
    assert _events(
        extractor, "The Dunmore Watch threatened to blow up the railway bridge at Kettleby."
    ) == []
