"""A name the NER calls a person after "at" that follows a noun is a place (2026-12-07):
"the copper mine at Tavani", "its base at Tavani" locate a thing. After a verb, "at" may
take whom an act is aimed at ("fired at Tavani as he ran"), which stays a person."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> dict[str, str]:
    result = extractor.extract(ArticleInput("invented.txt", text)).to_json()
    return {e["name"]: e["type"] for e in result["entities"]}


def test_a_name_at_after_a_noun_is_a_place(extractor: Extractor) -> None:
    text = "Rival militias fought near the copper mine at Tavani on Sunday.\n"
    assert _types(extractor, text).get("Tavani") == "Place"
    text = "The patrol was returning to its base at Tavani when the convoy was hit.\n"
    assert _types(extractor, text).get("Tavani") == "Place"


def test_a_name_at_after_a_verb_stays_a_person(extractor: Extractor) -> None:
    text = "Soldiers fired at Tavani as he ran towards the river.\n"
    assert _types(extractor, text).get("Tavani") == "Person"
