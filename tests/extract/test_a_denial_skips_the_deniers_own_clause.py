"""A denial whose object names no incident ("denied the report", "the accusation") is about
an incident of its sentence, but not about one the writer tells in a relative clause or an
apposition of the denier itself: "X, which shelled the village, denied the report" keeps X's
shelling asserted. A denial of the act itself, and of a report told before, stay denials.
Sentences are invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _perpetrators(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    extraction = extractor.extract(ArticleInput("denial.txt", text))
    names = {e.id: e.name for e in extraction.entities}
    return {
        (names[a.entity], a.certainty)
        for event in extraction.events
        for a in event.arguments
        if a.role == "perpetrator"
    }


def test_the_deniers_own_relative_clause_stays_asserted(extractor: Extractor) -> None:
    text = "The Dorran Front, which shelled the village of Kessik on Monday, denied the report."
    assert _perpetrators(extractor, text) == {("Dorran Front", "asserted")}


def test_an_apposed_clause_of_an_unnamed_denier_stays_asserted(extractor: Extractor) -> None:
    text = "The militants, who abducted two engineers near Varo last week, denied the accusation."
    assert {certainty for _, certainty in _perpetrators(extractor, text)} == {"asserted"}


def test_a_denial_of_the_act_or_of_an_earlier_report_stays_a_denial(
    extractor: Extractor,
) -> None:
    denied_act = "The Dorran Front denied shelling the village of Kessik on Monday."
    assert _perpetrators(extractor, denied_act) == {("Dorran Front", "denied")}
    earlier = (
        "Soldiers shelled the village of Kessik on Monday. The Dorran Front denied the report."
    )
    assert ("Dorran Front", "denied") in _perpetrators(extractor, earlier)
