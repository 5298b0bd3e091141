"""Words for fighters make a verb of killing an attack and, for a class of destruction, give
its perpetrator (extract/events/mentions.py `ARMED_DOERS`, extract/roles/roles.py
`DESCRIBING_CLASSES`). Sentences are written for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    result = extractor.extract(ArticleInput("t", text))
    return [(e.type, sorted((a.role, a.text) for a in e.arguments)) for e in result.events]


def test_guerrillas_who_kill_carry_out_an_attack(extractor: Extractor) -> None:
    assert _events(extractor, "Guerrillas killed the mayor of Tarsa on Sunday.") == [
        ("Attack", [("perpetrator", "Guerrillas"), ("victim", "mayor of Tarsa")])
    ]


def test_guerrilla_as_a_qualifier_kills_nobody(extractor: Extractor) -> None:
    assert _events(extractor, "Guerrilla marketing killed the brand's old image.") == []


def test_militants_who_destroy_houses_are_the_perpetrators(extractor: Extractor) -> None:
    text = "Militants destroyed dozens of houses in the village of Tarsa on Saturday."
    [(kind, roles)] = _events(extractor, text)
    assert kind == "Riot"
    assert ("perpetrator", "Militants") in roles


def test_militants_who_destroy_hopes_destroy_no_property(extractor: Extractor) -> None:
    assert _events(extractor, "Militants destroyed the opposition's hopes in the debate.") == []
