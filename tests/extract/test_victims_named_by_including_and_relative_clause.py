"""Named victims a story gives beside a group (extract/roles/described.py,
extract/roles/casualties.py): the people an "including" phrase names in a victim group were
harmed with it, and "those who were killed are A and B" names the victims as "the people
killed are A and B" does. All texts are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("t", text))


def _role(result: Extraction, role: str) -> set[str]:
    return {a.text.lower() for e in result.events for a in e.arguments if a.role == role}


def test_people_an_including_phrase_names_are_victims(extractor: Extractor) -> None:
    text = (
        "Rebels killed twelve miners near Velmor on Sunday, including Tomas Vell, the union "
        "leader."
    )
    victims = _role(_extract(extractor, text), "victim")
    assert {"twelve miners", "tomas vell"} <= victims


def test_an_including_phrase_in_a_passive_names_each_victim(extractor: Extractor) -> None:
    text = (
        "Twelve miners, including Tomas Vell and Rik Osten, were killed in an ambush near "
        "Velmor on Sunday."
    )
    assert {"tomas vell", "rik osten"} <= _role(_extract(extractor, text), "victim")


def test_an_including_phrase_without_a_name_adds_no_victim(extractor: Extractor) -> None:
    """Counterexample: "including two children" names nobody beside the group."""
    text = "Rebels killed twelve miners near Velmor on Sunday, including two children."
    assert _role(_extract(extractor, text), "victim") == {"twelve miners"}


def test_those_who_were_killed_are_named_victims(extractor: Extractor) -> None:
    text = (
        "Gunmen shot dead three engineers near Velmor on Sunday. Those who were killed are "
        "Tomas Vell and Rik Osten."
    )
    assert {"tomas vell", "rik osten"} <= _role(_extract(extractor, text), "victim")


def test_those_who_were_questioned_are_no_victims(extractor: Extractor) -> None:
    """Counterexample: a relative clause that tells no harm names no victim."""
    text = (
        "Gunmen shot dead three engineers near Velmor on Sunday. Those who were questioned "
        "are Tomas Vell and Rik Osten."
    )
    victims = _role(_extract(extractor, text), "victim")
    assert "tomas vell" not in victims
    assert "rik osten" not in victims


def test_people_said_to_be_what_was_harmed_are_no_victims(extractor: Extractor) -> None:
    """Counterexample: the harmed phrase as the predicate describes the subject ("X are
    heroes who were wounded"), and "some of those who were killed are citizens of Y" tells
    what the victims were, naming no one."""
    text = (
        "Gunmen shot dead three engineers near Velmor on Sunday. Tomas Vell and Rik Osten are "
        "heroes who were wounded by history. Some of those who were killed are citizens of "
        "Ardan."
    )
    assert _role(_extract(extractor, text), "victim") == {"three engineers"}
