"""Men of an armed group harmed in an incident ("a militant was killed") are its attackers
or a side fighting it, not the unarmed people it harmed: no victims. The state's forces
harmed in an attack are its victims. The articles are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor

ATTACK = (
    "{harmed} was killed and two civilians were wounded on Friday during an attack by "
    "militants on a bus station in Sorvale."
)


def _victims(extractor: Extractor, text: str) -> set[str]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return {
        a.text for e in extraction.events for a in e.arguments if a.role == "victim"
    }


def test_a_militant_harmed_is_no_victim(extractor: Extractor) -> None:
    victims = _victims(extractor, ATTACK.format(harmed="A militant"))
    assert "civilians" in victims
    assert "militant" not in victims


def test_a_soldier_harmed_is_a_victim(extractor: Extractor) -> None:
    """Counterexample: a soldier harmed in the attack is one of its victims."""
    victims = _victims(extractor, ATTACK.format(harmed="A soldier"))
    assert {"civilians", "soldier"} <= victims
