"""A name the text calls a town, city, village or province ("near the town of Falu") is a
place even when the statistical NER gave it no label, as it often does for small towns; the
other mentions of that name in the article are the same place. The articles are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extraction, Extractor


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _places(extraction: Extraction) -> set[str]:
    return {e.name for e in extraction.entities if e.type == "Place"}


def test_the_town_of_a_name_is_a_place_and_the_incidents(extractor: Extractor) -> None:
    extraction = _run(
        extractor,
        "Bandits ambushed a convoy of traders outside the village of Moriba on Tuesday, "
        "wounding four. Shops in Moriba stayed closed.",
    )
    assert "Moriba" in _places(extraction)
    (place,) = [e for e in extraction.entities if e.name == "Moriba"]
    assert len(place.mentions) == 2
    (event,) = extraction.events
    assert [a.text for a in event.arguments if a.role == "place"] == ["Moriba"]


def test_a_lowercase_word_of_the_same_spelling_is_no_mention(extractor: Extractor) -> None:
    """Counterexample: the town of Reading is a place; "after reading" is not it."""
    extraction = _run(
        extractor,
        "A bomb exploded in the town of Reading on Monday, hours after police began reading "
        "a statement from the mayor.",
    )
    (place,) = [e for e in extraction.entities if e.name == "Reading"]
    assert [m.text for m in place.mentions] == ["Reading"]


def test_a_title_case_headline_names_no_place(extractor: Extractor) -> None:
    """Counterexample: "State Of Emergency" in a headline written in title case is no
    state called Emergency."""
    extraction = _run(
        extractor,
        "Government Declares State Of Emergency\n\nThe government declared a state of "
        "emergency on Monday after floods.",
    )
    assert not {"Emergency", "emergency"} & _places(extraction)
