"""What happened and what did not (issue 15 item 3, issue 16 items 1 and 3): an agentless
passive killing of people is a violent death; what someone is accused of inciting is an
allegation; an incident of a year long before the article's day (one the date resolver
does not take too), or one an anniversary looks back on, is history; a truce agreed to was
reached; a blowing up by unarmed people in a story of no violence is no explosion; an
accusation about no incident is no event. Each with a counterexample. Every text here is
invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput(source="t.txt", text=text))


def _events(extractor: Extractor, text: str) -> list[tuple[str, int | None]]:
    return [(e.type, e.fatalities) for e in _extract(extractor, text).events]


def _background(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    return [(n.text, n.reason) for n in _extract(extractor, text).nonspecific]


def test_agentless_deaths_with_no_armed_actor_are_left(extractor: Extractor) -> None:
    # Widened to every article, the rule made attacks of deaths at work and on mountains
    text = "Two climbers were killed on Mount Arvel on Saturday, rescuers said."
    assert _events(extractor, text) == []


def test_agentless_killing_in_a_collapse_is_no_attack(extractor: Extractor) -> None:
    text = "Two bricklayers were killed in Varnok on Monday when a wall collapsed on them."
    assert _events(extractor, text) == []


def test_act_someone_is_accused_of_is_an_allegation(extractor: Extractor) -> None:
    text = "Union leader Pell Ardo was accused of inciting unrest and was detained in Quist."
    assert _events(extractor, text) == [("Arrest", None)]
    assert _background(extractor, text) == [("unrest", "hypothetical")]


def test_what_someone_is_charged_with_provoking_is_an_allegation(
    extractor: Extractor,
) -> None:
    text = "Two porters were charged with provoking riots and were jailed in Quist."
    assert _events(extractor, text) == [("Arrest", None)]
    assert _background(extractor, text) == [("riots", "hypothetical")]


def test_the_riot_someone_is_accused_of_inciting_stays(extractor: Extractor) -> None:
    text = "The Dornish government accused the Grey Hawk gang of inciting the riot in Quist."
    assert _events(extractor, text) == [("Riot", None)]


def test_incident_someone_is_blamed_for_stays_an_incident(extractor: Extractor) -> None:
    text = (
        "The Grey Hawk gang was blamed for an attack on a market in Quist on Monday that "
        "killed four people."
    )
    assert ("Attack", 4) in _events(extractor, text)


def test_accusation_about_an_alleged_act_only_is_no_event(extractor: Extractor) -> None:
    text = "The Dornish government accused the Grey Hawk gang of inciting attacks on police."
    assert _events(extractor, text) == []
    assert _background(extractor, text) == [
        ("accused", "hypothetical"),
        ("attacks", "hypothetical"),
    ]


def test_accusation_about_an_incident_stays_with_it(extractor: Extractor) -> None:
    text = "The Dornish government accused the Grey Hawk gang of bombing a bridge near Quist."
    assert [t for t, _ in _events(extractor, text)] == ["ClaimOfResponsibility", "Bombing"]


def test_incident_of_a_year_before_the_news_era_is_history(extractor: Extractor) -> None:
    text = "The old fort in Pellan marks the siege of 1871, when the town was shelled for weeks."
    extraction = extractor.extract(
        ArticleInput(source="t.txt", text=text, published="2026-05-03")
    )
    assert extraction.events == []
    assert [(n.text, n.reason) for n in extraction.nonspecific] == [("shelled", "background")]


def test_incident_of_this_year_stays(extractor: Extractor) -> None:
    text = "Rebels shelled the town of Pellan in 2026, killing six people."
    extraction = extractor.extract(
        ArticleInput(source="t.txt", text=text, published="2026-05-03")
    )
    assert [(e.type, e.fatalities) for e in extraction.events] == [("Shelling", 6)]


def test_incident_an_anniversary_looks_back_on_is_history(extractor: Extractor) -> None:
    text = "Crowds in Pellan marked the anniversary of the siege in which the town was shelled."
    assert _events(extractor, text) == []


def test_truce_agreed_to_was_reached(extractor: Extractor) -> None:
    text = "The two sides agreed on Sunday to a three-day truce to let food convoys into Mirra."
    assert _events(extractor, text) == [("Agreement", None)]


def test_truce_agreed_to_discuss_is_not_reached(extractor: Extractor) -> None:
    text = "The two sides agreed on Sunday to discuss a truce next month."
    assert _events(extractor, text) == []


def test_balloons_blown_up_in_a_peaceful_story_are_no_explosion(extractor: Extractor) -> None:
    text = "Supporters blew up balloons and danced outside the arena in Tolvik on Sunday."
    assert _events(extractor, text) == []


def test_trucks_blown_up_by_unarmed_people_stay_an_explosion(extractor: Extractor) -> None:
    text = "Smugglers blew up two trucks near Tolvik on Sunday."
    assert _events(extractor, text) == [("Bombing", None)]
