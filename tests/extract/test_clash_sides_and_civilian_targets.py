"""Who the sides of a clash are (ACLED's codebook): an armed clash needs an armed opponent
named in what tells the incident, not in who reports or alleges it, so a bus or a hamlet
attacked by gunmen "police said" is no clash; a clan fighting another is a side of the
clash. Sentences are invented for the test; each rule has a counterexample that must keep
its type."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _participants(extractor: Extractor, text: str) -> set[str]:
    extraction = extractor.extract(ArticleInput("story.txt", text))
    names = {e.id: e.name for e in extraction.entities}
    return {
        names[a.entity] for e in extraction.events for a in e.arguments if a.role == "participant"
    }


def test_a_clan_fighting_another_is_a_participant(extractor: Extractor) -> None:
    text = (
        "Fighters of the Oskari clan clashed with a militia of the Belvane clan near Tullow "
        "on Tuesday, killing nine."
    )
    assert "Oskari" in _participants(extractor, text)


def test_protesters_scuffling_with_police_are_no_side(extractor: Extractor) -> None:
    text = "Protesters clashed with police in Tullow on Tuesday."
    assert _participants(extractor, text) == set()
