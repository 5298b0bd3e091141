"""Event words that tell no incident keep the roles their own sentence states, read as an
incident's are: "homicides in X" were in X, "opponents could be jailed" names who would be.
They stay background (no event is made of them) and carry no casualty counts. Articles are
invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _told(extractor: Extractor, text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    result = extractor.extract(ArticleInput("invented", text))
    assert result.events == []
    return [
        (m.text, m.reason, [(a.role, a.text) for a in m.arguments]) for m in result.nonspecific
    ]


def test_a_generic_killing_noun_keeps_its_place(extractor: Extractor) -> None:
    text = "Homicides in Belmora are up 40 percent this year, according to police figures."
    assert _told(extractor, text) == [("Homicides", "generic", [("place", "Belmora")])]


def test_a_hypothetical_act_keeps_who_would_undergo_it(extractor: Extractor) -> None:
    text = "Under the old regime in Kelsa, opponents could be jailed or exterminated."
    told = _told(extractor, text)
    assert ("jailed", "hypothetical", [("victim", "opponents"), ("place", "Kelsa")]) in told
    assert ("exterminated", "hypothetical", [("victim", "opponents")]) in told


def test_a_trend_that_names_nobody_has_no_arguments(extractor: Extractor) -> None:
    text = "Ambushes on grain convoys have tripled in the valley over the past decade."
    told = _told(extractor, text)
    assert [(words, arguments) for words, _, arguments in told] == [("Ambushes", [])]
    as_json = extractor.extract(ArticleInput("invented", text)).to_json()["nonspecific"]
    assert "arguments" not in as_json[0]
