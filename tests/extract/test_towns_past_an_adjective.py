"""A one-word name after a locating preposition and an adjective ("in nearby X", "in
northern X") is a town, as it is right after the preposition: the NER's person (or no
label at all) for a small town it does not know gives way to the parse. A name of two words
after an adjective ("in young Tomas Verel") is left to the NER, and so is a name that is no
preposition's object. Sentences are invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> dict[str, str]:
    extraction = extractor.extract(ArticleInput("towns.txt", text))
    return {e.name: e.type for e in extraction.entities}


def _places(extractor: Extractor, text: str) -> set[str]:
    extraction = extractor.extract(ArticleInput("towns.txt", text))
    names = {e.id: e.name for e in extraction.entities}
    return {names[a.entity] for ev in extraction.events for a in ev.arguments if a.role == "place"}


def test_a_town_after_nearby_is_a_place_and_the_ambush_is_there(extractor: Extractor) -> None:
    text = (
        "In Marden, militants attacked a police post, killing four officers. In nearby "
        "Osk, a separate group ambushed a convoy and killed two drivers."
    )
    assert _types(extractor, text)["Osk"] == "Place"
    assert _places(extractor, text) == {"Marden", "Osk"}


def test_an_unlabelled_town_after_a_compass_adjective_is_a_place(extractor: Extractor) -> None:
    text = "Gunmen killed three farmers in northern Tavel on Sunday, officials said."
    assert _types(extractor, text)["Tavel"] == "Place"
    assert _places(extractor, text) == {"Tavel"}


def test_a_person_after_an_adjective_and_a_non_object_stay_persons(
    extractor: Extractor,
) -> None:
    text = (
        "The club put its hopes in young Tomas Verel before the match. Police in Brenk "
        "questioned nearby resident Ilsa Morn about the blast."
    )
    types = _types(extractor, text)
    assert (types["Tomas Verel"], types["Ilsa Morn"], types["Brenk"]) == (
        "Person",
        "Person",
        "Place",
    )
