"""The parties to an agreement (issue 16 item 4): those that agreed to, reached or
concluded a ceasefire, truce or deal made it, and so did the side named with "with" or
"between"; those that rejected one did not. The Agreement frame lists its support verbs as
data (`"support"` in extract/data/frames.jsonl). Sentences are invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _agreements(extractor: Extractor, text: str) -> list[set[tuple[str, str]]]:
    """For each Agreement event, its (role, name) pairs other than places."""
    extraction = extractor.extract(ArticleInput("agreement.txt", text))
    names = {e.id: e.name for e in extraction.entities}
    return [
        {(a.role, names[a.entity]) for a in event.arguments if a.role != "place"}
        for event in extraction.events
        if event.type == "Agreement"
    ]


def test_the_subject_of_agreed_to_is_a_party(extractor: Extractor) -> None:
    text = "The Orvash Brotherhood agreed on Friday to a truce with the Selk Legion near Dunmore."
    assert _agreements(extractor, text) == [
        {("participant", "Orvash Brotherhood"), ("participant", "Selk Legion")}
    ]


def test_both_subjects_of_reached_are_parties(extractor: Extractor) -> None:
    text = "Aldoria and Bessmark reached a ceasefire on Tuesday after talks in a border town."
    assert _agreements(extractor, text) == [
        {("participant", "Aldoria"), ("participant", "Bessmark")}
    ]


def test_a_ceasefire_between_two_sides_names_both(extractor: Extractor) -> None:
    text = "A ceasefire between the Orvash Brotherhood and the Selk Legion took effect on Sunday."
    assert _agreements(extractor, text) == [
        {("participant", "Orvash Brotherhood"), ("participant", "Selk Legion")}
    ]


def test_who_rejected_a_truce_is_no_party_to_it(extractor: Extractor) -> None:
    text = "The Orvash Brotherhood rejected the truce on Friday and vowed to fight on."
    assert all(
        ("participant", "Orvash Brotherhood") not in roles for roles in _agreements(extractor, text)
    )
