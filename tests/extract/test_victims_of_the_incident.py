"""Victims only where someone was harmed in the incident: not the fighters of a clash (a side,
not a victim), not a tally of a period told as background (extract/roles/casualties.py).
All texts are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _victims(result: Extraction) -> set[str]:
    return {a.text.lower() for e in result.events for a in e.arguments if a.role == "victim"}


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("t", text))


def test_soldiers_killed_in_clashes_are_no_victims(extractor: Extractor) -> None:
    text = "Three soldiers were killed in clashes with rebels near Oskel on Monday."
    assert "soldiers" not in _victims(_extract(extractor, text))


def test_members_of_a_unit_wounded_in_fighting_are_no_victims(extractor: Extractor) -> None:
    text = (
        "Rebels shelled the town of Oskel on Monday. Four members of the 3rd Battalion were "
        "wounded in the fighting, the army said."
    )
    assert not any("members" in v for v in _victims(_extract(extractor, text)))


def test_farmers_killed_in_clashes_stay_victims(extractor: Extractor) -> None:
    """Counterexample: unarmed people caught in fighting are its victims."""
    text = "Three farmers were killed in clashes between the army and rebels near Oskel."
    assert "farmers" in _victims(_extract(extractor, text))


def test_soldiers_killed_in_an_ambush_stay_victims(extractor: Extractor) -> None:
    """Counterexample: soldiers killed in an attack on them are its victims."""
    text = "Rebels ambushed an army truck near Oskel on Monday. Two soldiers were killed."
    assert "soldiers" in _victims(_extract(extractor, text))


def test_a_tally_since_a_year_is_background(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked a party office in Oskel on Monday. More than 900 party members "
        "have been killed since 1995, the party said."
    )
    assert not any("members" in v for v in _victims(_extract(extractor, text)))


def test_a_perfect_about_the_incident_keeps_its_victims(extractor: Extractor) -> None:
    """Counterexample: a perfect without a period tells the incident ("have been killed
    in the attack")."""
    text = (
        "Gunmen attacked a party office in Oskel on Monday. Two guards have been killed in "
        "the attack, police said."
    )
    assert "guards" in _victims(_extract(extractor, text))



def test_civilians_named_beside_soldiers_in_clashes_stay_victims(extractor: Extractor) -> None:
    """Counterexample: only the armed part of a coordinated phrase is a side."""
    text = (
        "Three soldiers and two shepherds were killed in clashes between the army and "
        "rebels near Oskel on Sunday."
    )
    victims = _victims(_extract(extractor, text))
    assert any("shepherds" in v for v in victims)
    assert not any("soldiers" in v for v in victims)


def test_a_count_over_the_past_hours_is_the_incidents(extractor: Extractor) -> None:
    """Counterexample: "in the past 24 hours" and "in the last attack" name no period."""
    for tally in ("in the past 24 hours", "in the last attack on the road"):
        text = f"Gunmen attacked a bus near Oskel on Monday. Five riders have been killed {tally}."
        assert any("riders" in v for v in _victims(_extract(extractor, text))), tally


def test_a_tally_since_a_year_counts_no_fatalities_of_the_incident(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked a bus near Oskel on Monday. More than 900 people have been killed "
        "since 1985 in the region."
    )
    (event,) = _extract(extractor, text).events
    assert event.fatalities is None


def test_a_count_of_the_incident_is_its_fatalities(extractor: Extractor) -> None:
    """Counterexample: the incident's own toll."""
    text = "Gunmen attacked a bus near Oskel on Monday, killing four passengers."
    (event,) = _extract(extractor, text).events
    assert event.fatalities == 4
