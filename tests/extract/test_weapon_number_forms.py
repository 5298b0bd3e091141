"""A weapon is found in the singular as in the plural (issue 16, items 1 and 3): the weapon
lexicon (extract/data/weapons.jsonl) lists both number forms of its countable names, so
"an artillery shell struck ...", "a mortar round hit ..." and "two truck bombs exploded ..."
type and equip their incident as "shells", "mortar rounds" and "a truck bomb" do. A bare
"shell" is no weapon: a building's shell and a shell firm are as common.
Invented places and people."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str | None, list[str]]]:
    """(ACLED code, instrument texts) of each incident."""
    data = extractor.extract(ArticleInput("invented", text)).to_json()
    return [
        (e["acled"], [a["text"] for a in e["arguments"] if a["role"] == "instrument"])
        for e in data["events"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An artillery shell struck a school in Orvessa on Monday, killing a teacher.",
            [("ART_MISS_ATTACK", ["artillery shell"])],
        ),
        (
            "A mortar round hit the field clinic in Orvessa on Tuesday, wounding four nurses.",
            [("ART_MISS_ATTACK", ["mortar round"])],
        ),
        (
            "Two truck bombs exploded outside the governor's office in Orvessa on Sunday.",
            [("REM_EXPLOS", ["truck bombs"])],
        ),
    ],
)
def test_singular_weapons_type_and_equip(
    extractor: Extractor, text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _events(extractor, text) == expected


def test_a_buildings_shell_is_no_weapon(extractor: Extractor) -> None:
    text = (
        "Rebels shelled the market of Orvessa on Monday, killing two traders. Only the shell "
        "of the old bank remained after the fire."
    )
    assert _events(extractor, text) == [("ART_MISS_ATTACK", [])]
