"""Names headed by a force noun ("the X Liberation Army", "the Y Tribal Guard") are armed
groups when the text shows them fighting, and the two sides of "fighting between X and Y"
are the clash's participants (extract/entities/name_context.py, extract/data/frames.jsonl)."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> dict[str, str]:
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    return {e.name: e.type for e in extraction.entities}


def test_a_force_named_group_that_ambushes_is_armed(extractor: Extractor) -> None:
    text = "The Velmar Liberation Army ambushed a supply column outside Osk on Tuesday."
    assert _types(extractor, text)["Velmar Liberation Army"] == "ArmedGroup"


def test_the_sides_of_a_fight_are_armed_and_its_participants(extractor: Extractor) -> None:
    text = (
        "Fighting between the Dorran Highland Guard and the Pelk Popular Army for a hill pass "
        "left eleven combatants dead on Wednesday, a hospital worker said."
    )
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    types = {e.name: e.type for e in extraction.entities}
    assert types["Dorran Highland Guard"] == "ArmedGroup"
    assert types["Pelk Popular Army"] == "ArmedGroup"
    (clash,) = extraction.events
    assert clash.type == "ArmedClash"
    participants = sorted(a.text for a in clash.arguments if a.role == "participant")
    assert participants == ["Dorran Highland Guard", "Pelk Popular Army"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Salvation Army opened a winter shelter in Osk on Tuesday.", "Salvation Army"),
        # a union and a ministry fighting over pay, a union clashing with police: no armed men
        (
            "Fighting between the Nurses Union and the Health Ministry over pay delayed the"
            " budget.",
            "Nurses Union",
        ),
        (
            "Clashes between the Union of Porters and police left two people hurt.",
            "Union of Porters",
        ),
    ],
)
def test_names_that_do_not_fight_stay_organisations(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _types(extractor, text)[name] == "Organization"


def test_a_name_closed_by_an_armed_noun_is_an_armed_group(extractor: Extractor) -> None:
    """ "the Lions of Karsa militia": the parse heads the name with "Lions"; the lowercase
    armed noun closing it says what the whole name is."""
    text = "The Lions of Karsa militia ambushed a police convoy near Tessin on Tuesday."
    assert _types(extractor, text)["Lions of Karsa militia"] == "ArmedGroup"


def test_a_name_closed_by_a_capitalised_word_is_left_to_its_context(
    extractor: Extractor,
) -> None:
    """Counterexample: "the Lions of Karsa Foundation" that only speaks is an organisation."""
    text = "The Lions of Karsa Foundation said on Tuesday it would open a school in Tessin."
    assert _types(extractor, text)["Lions of Karsa Foundation"] == "Organization"
