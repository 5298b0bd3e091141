"""A war or armed conflict is the setting of incidents, never one: the article's words for it
are kept as background mentions (`nonspecific`, reason "background"), and contests fought
without arms ("a trade war", "a conflict of interest") or a war word modifying another noun
("war games") are none. Every article here is invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _read(extractor: Extractor, text: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The event types and the (text, type, reason) of the background mentions."""
    extraction = extractor.extract(ArticleInput("t", text))
    background = [(m.text, m.type, m.reason) for m in extraction.nonspecific]
    return [e.type for e in extraction.events], background


def test_the_civil_war_is_background_beside_the_incident(extractor: Extractor) -> None:
    text = (
        "The civil war has displaced millions since 2011. "
        "On Monday rebels attacked an army checkpoint near Tarsa."
    )
    events, background = _read(extractor, text)
    assert events == ["ArmedClash"]
    assert ("civil war", "ArmedClash", "background") in background


def test_a_conflict_alone_is_no_incident(extractor: Extractor) -> None:
    events, background = _read(
        extractor, "The conflict in the north has displaced two million people."
    )
    assert events == []
    assert background == [("conflict", "ArmedClash", "background")]


def test_a_trade_war_is_no_war(extractor: Extractor) -> None:
    assert _read(extractor, "The trade war between the two countries deepened.") == ([], [])


def test_a_conflict_of_interest_is_no_conflict(extractor: Extractor) -> None:
    assert _read(extractor, "The minister denied any conflict of interest.") == ([], [])


def test_war_games_are_games(extractor: Extractor) -> None:
    assert _read(extractor, "Officers took part in war games near the border.") == ([], [])


def test_a_war_does_not_make_an_accident_deliberate(extractor: Extractor) -> None:
    text = "During the war a gas cylinder exploded accidentally at a bakery in Tarsa."
    events, _ = _read(extractor, text)
    assert events == ["Accident"]
