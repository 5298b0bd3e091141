"""Victims and targets that match what happened (extract/roles/casualties.py): a name that
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


def test_an_organisation_before_the_killed_is_no_victim(extractor: Extractor) -> None:
    text = "Gunmen shot dead two Ardan University lecturers near Oskel on Monday."
    assert "ardan university" not in _role(_extract(extractor, text), "victim")


def test_a_name_that_is_the_victim_stays(extractor: Extractor) -> None:
    """Counterexample: a person's title before the name is part of the victim's phrase."""
    text = "Policeman Tomas Vell was shot dead by gunmen in Oskel on Monday."
    assert "tomas vell" in _role(_extract(extractor, text), "victim")


def test_a_country_before_the_shelled_villages_is_no_target(extractor: Extractor) -> None:
    text = "Rebels shelled Kenya's border villages on Monday."
    assert "kenya" not in _role(_extract(extractor, text), "target")


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
