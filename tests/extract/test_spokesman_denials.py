"""A spokesman's denial is the denial of the group he speaks for: "a spokesman for the
militia rejected the accusation" is the militia's `denied` claim beside the police's
allegation. A spokesman for the police who rejects criticism denies nothing of the
attack. The articles are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor

KILLING = (
    "Judge Ana Rell was shot dead outside her home in Vessa on Monday, police said. Police "
    "accused the Dorn Valley Militia of ordering the killing. "
)


def _perpetrators(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    names = {e.id: e.name for e in extraction.entities}
    return {
        (names.get(a.entity or "", a.text), a.certainty)
        for e in extraction.events
        for a in e.arguments
        if a.role == "perpetrator"
    }


def test_a_spokesman_for_the_group_denies_for_it(extractor: Extractor) -> None:
    text = KILLING + "A spokesman for the militia rejected the accusation on Tuesday."
    assert _perpetrators(extractor, text) == {
        ("Dorn Valley Militia", "alleged"),
        ("Dorn Valley Militia", "denied"),
    }


def test_a_spokesman_rejecting_something_else_denies_nothing(extractor: Extractor) -> None:
    text = KILLING + "A spokesman for the police rejected criticism of the investigation."
    assert _perpetrators(extractor, text) == {("Dorn Valley Militia", "alleged")}
