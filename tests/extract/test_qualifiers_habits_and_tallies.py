"""Victims and targets that match what happened (extract/roles/casualties.py): a place that
only qualifies the noun that was hit is no victim or target; a bare plural after a plural
event noun is a kind of people harmed by a practice, no incident's victim; a perfect under a
"since" clause sums up a period. All texts are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("t", text))


def _role(result: Extraction, role: str) -> set[str]:
    return {a.text.lower() for e in result.events for a in e.arguments if a.role == role}


def test_a_group_whose_commanders_were_killed_is_the_victim(extractor: Extractor) -> None:
    """Counterexample: a group, party or state before the people or things hit was itself
    aimed at (only a place before them is no victim or target)."""
    text = "A drone strike killed two Ostral Front commanders near Oskel on Monday."
    assert "ostral front" in _role(_extract(extractor, text), "victim")
    text = "Gunmen attacked Kenya's embassy in Oskel on Monday."
    assert "kenya" in _role(_extract(extractor, text), "target")


def test_a_name_that_is_the_victim_stays(extractor: Extractor) -> None:
    """Counterexample: a person's title before the name is part of the victim's phrase."""
    text = "Policeman Tomas Vell was shot dead by gunmen in Oskel on Monday."
    assert "tomas vell" in _role(_extract(extractor, text), "victim")


def test_a_town_before_the_shelled_suburbs_is_no_target(extractor: Extractor) -> None:
    text = "Rebels shelled Oskel City's suburbs on Monday."
    result = _extract(extractor, text)
    assert "oskel city" not in _role(result, "target")
    assert "oskel city" in _role(result, "place")


def test_the_shelled_facility_stays_a_target(extractor: Extractor) -> None:
    """Counterexample: what the owner's name qualifies was hit and is the target."""
    text = "Rebels shelled the mayor's house in Oskel on Monday, killing four people."
    assert _role(_extract(extractor, text), "target") == {"house"}


def test_victims_of_a_practice_are_no_victims(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked a bus in Oskel on Monday. The group has been blamed for "
        "kidnappings of farmers in the valley."
    )
    assert "farmers" not in _role(_extract(extractor, text), "victim")


def test_counted_victims_of_plural_killings_stay(extractor: Extractor) -> None:
    """Counterexample: a number says whom the killings harmed."""
    text = (
        "Gunmen attacked a bus in Oskel on Monday. The group has been blamed for "
        "massacres of three villagers in May."
    )
    assert "villagers" in _role(_extract(extractor, text), "victim")


def test_a_tally_since_a_founding_is_background(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked a party office in Oskel on Monday. Since the party was founded in "
        "1995, 900 party members have been killed, the party said."
    )
    assert not any("members" in v for v in _role(_extract(extractor, text), "victim"))


def test_a_perfect_after_the_attack_keeps_its_victims(extractor: Extractor) -> None:
    """Counterexample: a clause that is no "since" clause dates the harm, not a period."""
    text = (
        "Gunmen attacked a party office in Oskel on Monday. Two guards have been killed "
        "after the gunmen stormed the building, police said."
    )
    assert "guards" in _role(_extract(extractor, text), "victim")


def test_dated_kidnappings_of_bare_plurals_keep_their_victims(extractor: Extractor) -> None:
    """Counterexample: an owned or dated plural event noun tells one incident's victims."""
    text = "Monday's kidnappings of schoolgirls in Oskel have shocked the country."
    assert "schoolgirls" in _role(_extract(extractor, text), "victim")


def test_a_death_toll_since_the_attack_is_its_own(extractor: Extractor) -> None:
    """Counterexample: a "since" clause that names the incident, or a day, starts no period."""
    text = "Twelve people have been killed since rebels stormed Oskel on Monday, officials said."
    result = _extract(extractor, text)
    assert [e.fatalities for e in result.events] == [12]
    text = "Four people have died since Monday's bombing at the Oskel market, police said."
    assert [e.fatalities for e in _extract(extractor, text).events] == [4]


def test_a_toll_since_a_dated_offensive_is_a_campaigns(extractor: Extractor) -> None:
    """Counterexample: a "since" dated by a month or a year starts a campaign's period."""
    text = (
        "Rebels shelled the market in Oskel on Tuesday, killing three people. More than 900 "
        "people have been killed since the rebels launched their offensive in 2021."
    )
    assert [e.fatalities for e in _extract(extractor, text).events] == [3]
