"""In a list whose items open with a label ("Monday:", "Police:"), a bare definite event
noun ("the fighting") in an item that tells no other act of its kind refers back to the
incident told in an earlier item; a definite noun with arguments of its own ("the attack on
a church by gunmen") in an item with a town label opens that item's incident. An item
spoken in the first person ("Brenning: militants shelled our village") has a speaker for a
label, not a place. Texts are invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, list[str]]]:
    extraction = extractor.extract(ArticleInput("items.txt", text))
    return [(e.type, sorted(m.text for m in e.mentions)) for e in extraction.events]


def test_the_fighting_in_a_later_item_is_the_clash_told_before(extractor: Extractor) -> None:
    text = (
        "Update, 9 June 2025\n"
        "Monday: Security forces clashed with rebels of the Zindu Front near Ostra, leaving "
        "three dead.\n"
        "Police: Officers arrested twelve people after the fighting.\n"
    )
    assert _events(extractor, text) == [
        ("ArmedClash", ["clashed", "fighting"]),
        ("Arrest", ["arrested"]),
    ]


def test_an_attack_told_with_its_own_actors_in_a_town_item_stays_apart(
    extractor: Extractor,
) -> None:
    text = (
        "BRIEFS\n"
        "- Halvik: Army troops clashed with fighters of the Red Hand Front, leaving 11 dead.\n"
        "- Sorn: The attack on a church by gunmen killed two worshippers.\n"
    )
    assert [kind for kind, _ in _events(extractor, text)] == ["ArmedClash", "Attack"]


def _places(extractor: Extractor, text: str) -> list[list[str]]:
    extraction = extractor.extract(ArticleInput("items.txt", text))
    names = {e.id: e.name for e in extraction.entities}
    return [
        sorted(names[a.entity] for a in e.arguments if a.role == "place") for e in extraction.events
    ]


def test_an_item_spoken_in_the_first_person_takes_no_place_from_its_label(
    extractor: Extractor,
) -> None:
    spoken = (
        "Reactions, 6 August 2025\n"
        "Brenning: Militants shelled our village and we saw the bodies.\n"
        "Lisk: Nobody from the army came.\n"
    )
    told = (
        "Round-up, 6 August 2025\n"
        "Brenning: Militants shelled the village and residents saw the bodies.\n"
        "Lisk: Nobody from the army came.\n"
    )
    assert (_places(extractor, spoken), _places(extractor, told)) == ([[]], [["Brenning"]])
