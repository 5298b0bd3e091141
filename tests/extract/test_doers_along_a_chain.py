"""Typing by what happened to whom (issue 16): a verb at the end of a chain of coordinated
verbs with no doer of its own has the doer of the chain's first verb ("stormed the village,
burned houses and killed ten"). Sentences are invented for the test, with a near miss that
must not fire."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _typed(extractor: Extractor, text: str) -> list[tuple[str, str | None, str]]:
    result = extractor.extract(ArticleInput("t", text))
    return [(e.type, e.acled, e.trigger.text) for e in result.events]


def test_the_last_verb_of_a_chain_has_the_first_verbs_doer(extractor: Extractor) -> None:
    text = "Militiamen surrounded the market of Dovra, looted shops and killed six traders."
    assert ("Attack", "ATTACK", "killed") in _typed(extractor, text)


def test_an_unarmed_first_doer_makes_no_attack(extractor: Extractor) -> None:
    text = "Traders from Dovra closed the market, crossed the river and killed six goats."
    assert _typed(extractor, text) == []
