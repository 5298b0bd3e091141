"""A name set after a lowercase noun that says what kind of body it is.

"the charity Hope Without Borders": the NER read the name as a work of art, and no rule
took it, as no word of it is a group noun. The kind noun the parse sets before it as a
compound says what it is (`extract.entities.name_context._kind_noun_before`).
"""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> dict[str, str]:
    result = extractor.extract(ArticleInput("invented.txt", text))
    return {e.name: e.type for e in result.entities}


def test_a_charity_named_after_its_kind_is_an_organisation(extractor: Extractor) -> None:
    text = "The charity Hope Without Borders said two of its workers were kidnapped near Osk."
    assert _types(extractor, text)["Hope Without Borders"] == "Organization"


def test_a_militia_named_after_its_kind_is_armed(extractor: Extractor) -> None:
    text = "The militia Black Hawks attacked a village near Osk on Sunday."
    assert _types(extractor, text)["Black Hawks"] == "ArmedGroup"


def test_a_person_after_an_office_of_a_party_stays_a_person(extractor: Extractor) -> None:
    """Counterexample: "party leader X" is a man, the kind noun only qualifies his office."""
    text = "The party leader Musa Dantal was arrested in Osk on Monday."
    assert _types(extractor, text)["Musa Dantal"] == "Person"
