"""An agreement that one side turned down ("rejected a ceasefire", "refused a peace deal")
was never reached, and one that came to nothing ("the truce collapsed", "the collapse of
the truce") was made before, if at all: neither is an Agreement event, only a non-specific
mention. An agreement signed after a draft was rejected, or one that held, still is. Every
article here is invented."""

from __future__ import annotations

from events_and_reasons import events_and_reasons as _read

from conflict_kg.extract import Extractor


def test_a_rejected_ceasefire_was_never_reached(extractor: Extractor) -> None:
    text = "The rebels rejected a ceasefire offered by the army in Sella on Monday."
    assert _read(extractor, text) == ([], [("ceasefire", "negated")])


def test_a_refused_peace_deal_was_never_reached(extractor: Extractor) -> None:
    text = "The militia refused a peace deal in Varnok on Friday."
    assert _read(extractor, text) == ([], [("peace deal", "negated")])


def test_a_collapsed_truce_is_no_agreement_of_the_day(extractor: Extractor) -> None:
    text = "The truce collapsed in Sella on Tuesday."
    assert _read(extractor, text) == ([], [("truce", "background")])


def test_the_collapse_of_a_truce_is_no_agreement_of_the_day(extractor: Extractor) -> None:
    text = "The collapse of the truce in Sella alarmed the traders."
    assert _read(extractor, text) == ([], [("truce", "background")])


def test_a_truce_signed_after_a_rejected_draft_is_an_agreement(extractor: Extractor) -> None:
    text = "The two sides signed a truce in Sella after rejecting an earlier draft."
    assert _read(extractor, text) == (["Agreement"], [])


def test_a_truce_that_held_is_an_agreement(extractor: Extractor) -> None:
    assert _read(extractor, "The truce held in Sella on Tuesday.") == (["Agreement"], [])


def test_a_collapse_that_is_denied_leaves_the_agreement(extractor: Extractor) -> None:
    """A failure the speaker denies or dismisses did not happen: the truce still holds."""
    for text in (
        "Rebel leaders dismissed reports that the ceasefire had collapsed near Darro.",
        "Officials denied that the ceasefire in the Serro valley had broken down.",
    ):
        assert _read(extractor, text) == (["Agreement"], []), text


def test_a_collapse_that_may_yet_come_is_no_background(extractor: Extractor) -> None:
    text = "The two sides signed a ceasefire in Sella on Monday, but the truce could collapse."
    assert _read(extractor, text) == (["Agreement"], [])
