"""An attacker who died is no victim also where the parser hangs "attacking" on the noun as
a compound rather than as an adjective ("one of the attacking guerrillas died": issue 16
item 4, extract/roles/casualties.py `_attackers`). A guard who died is still a victim.
Every text here is invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _victims(extractor: Extractor, text: str) -> list[str]:
    result = extractor.extract(ArticleInput("invented", text))
    return [a.text for e in result.events for a in e.arguments if a.role == "victim"]


def test_an_attacking_guerrilla_who_died_is_no_victim(extractor: Extractor) -> None:
    text = (
        "Rebels attacked the mayor's house in Brisk on Sunday. One of the attacking "
        "guerrillas died in front of the house."
    )
    assert _victims(extractor, text) == []


def test_a_guard_who_died_is_a_victim(extractor: Extractor) -> None:
    """Counterexample: one of those who guarded the house was harmed by the attack."""
    text = (
        "Rebels attacked the mayor's house in Brisk on Sunday. One of the guards died in "
        "front of the house."
    )
    assert _victims(extractor, text) == ["guards"]
