"""A claim the text says could not be verified, in its sentence or the next, leaves no
`asserted` doer (issue 15, item 4): the doubt may be a negated verb of verification, a
subject that counts nothing ("none of the accounts could be verified"), or an inability ("it
was not possible to verify", "the claims were impossible to verify"). Being able to verify
a claim doubts nothing. Every article here is invented for the test."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor

RAID = "Gunmen attacked a convoy near Tessin on Monday, killing two drivers. "


def _doers(extractor: Extractor, text: str) -> set[str]:
    (event,) = extractor.extract(ArticleInput("invented", text)).events
    return {a.certainty for a in event.arguments if a.role == "perpetrator"}


@pytest.mark.parametrize(
    "doubt",
    [
        "None of the accounts could be independently verified.",
        "It was not possible to independently verify the report.",
        "The claims were impossible to verify.",
        "Local reporters were unable to verify the claims.",
        "Local reporters were not able to confirm the reports.",
    ],
)
def test_a_claim_nobody_could_verify_leaves_no_asserted_doer(
    extractor: Extractor, doubt: str
) -> None:
    assert _doers(extractor, RAID + doubt) == {"unconfirmed"}


@pytest.mark.parametrize(
    "check",
    [
        "Local reporters were able to verify the footage.",
        "It was possible to confirm the report.",
        "None of the passengers was hurt.",
    ],
)
def test_a_claim_that_could_be_verified_stays_asserted(extractor: Extractor, check: str) -> None:
    assert _doers(extractor, RAID + check) == {"asserted"}


def _army_claim(extractor: Extractor, doubt: str) -> set[tuple[str, str]]:
    text = f"The army said it killed 20 rebels in clashes near Kolo on Friday. {doubt}"
    result = extractor.extract(ArticleInput("invented.txt", text))
    return {
        (a.text, a.certainty) for e in result.events for a in e.arguments if a.role == "perpetrator"
    }


def test_a_doubt_about_another_fact_leaves_the_sentence_before(extractor: Extractor) -> None:
    """Counterexample: "the number of civilians who fled" is a fact of its own; the army's
    claim told before it stays alleged."""
    doubt = "It was not possible to verify the number of civilians who fled."
    assert _army_claim(extractor, doubt) == {("army", "alleged")}


def test_a_doubt_about_the_claim_reaches_the_sentence_before(extractor: Extractor) -> None:
    doubt = "It was not possible to verify the claim."
    assert _army_claim(extractor, doubt) == {("army", "unconfirmed")}
