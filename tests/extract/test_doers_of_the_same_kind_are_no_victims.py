"""One of the attackers, named by the attacker noun that describes the incident's doers, is
no victim of the incident (extract/roles/casualties.py, `harmed_in_incident`). All texts are
invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("t", text))


def _role(result: Extraction, role: str) -> set[str]:
    return {a.text.lower() for e in result.events for a in e.arguments if a.role == role}


def test_a_guerrilla_killed_in_an_attack_by_guerrillas_is_no_victim(extractor: Extractor) -> None:
    text = (
        "Police said a guerrilla was killed and two civilians were wounded on Sunday during an "
        "attack by guerrillas on a police post in Velmor."
    )
    victims = _role(_extract(extractor, text), "victim")
    assert "guerrilla" not in victims
    assert "civilians" in victims


def test_a_rebel_commander_killed_by_rebels_stays_a_victim(extractor: Extractor) -> None:
    """Counterexample: a noun that is no attacker noun ("commander") is the victim, whoever
    the doers were."""
    text = "Rebels attacked a rival rebel camp near Velmor on Sunday, killing a rebel commander."
    assert "rebel commander" in _role(_extract(extractor, text), "victim")


def test_a_guerrilla_killed_by_soldiers_stays_a_victim(extractor: Extractor) -> None:
    """Counterexample: the doers are described by another noun."""
    text = "Soldiers shot dead a guerrilla near Velmor on Sunday."
    assert "guerrilla" in _role(_extract(extractor, text), "victim")
