"""Places told by who acted, by what was destroyed and by the ground taken (issue 16,
item 4):
- a doer's own locative phrase is where it did what the clause's verb says ("soldiers in X
  detained ..."), while a speaker's is only where the speaker is;
- the object of a destruction ("burned the village of X") is where it happened, as the
  object of an attack is;
- what a capture takes through a noun of hold ("seized control of X") is its place.
Invented places and people."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _places(extractor: Extractor, text: str) -> list[tuple[str, list[str]]]:
    """(class, place texts) of each incident."""
    data = extractor.extract(ArticleInput("invented", text)).to_json()
    return [
        (e["type"], [a["text"] for a in e["arguments"] if a["role"] == "place"])
        for e in data["events"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers in Ferrow detained eleven students on Tuesday.", ("Arrest", ["Ferrow"])),
        (
            "Gunmen in Oskaville shot dead two shopkeepers late on Friday, a relative said.",
            ("Attack", ["Oskaville"]),
        ),
        (
            "Militiamen burned the village of Tembra to the ground on Monday, survivors said.",
            ("Riot", ["Tembra"]),
        ),
        ("Rebels seized control of Marsel on Sunday.", ("ArmedClash", ["Marsel"])),
        (
            "Government troops regained full control of the district of Omelle on Monday.",
            ("ArmedClash", ["Omelle"]),
        ),
    ],
)
def test_the_doers_ruins_and_holds_give_the_place(
    extractor: Extractor, text: str, expected: tuple[str, list[str]]
) -> None:
    assert _places(extractor, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where the speaker is says nothing of where the killing was
        ("A spokesman in Ferrow said gunmen killed three farmers.", ("Attack", [])),
        # a flag is no ground
        ("Rioters burned the flag of Velmar on Monday.", ("Riot", [])),
        # a hold over no ground
        ("Rebels seized control of the smuggling routes on Sunday.", ("OrganisedCrime", [])),
    ],
)
def test_speakers_things_and_holds_over_no_ground_give_none(
    extractor: Extractor, text: str, expected: tuple[str, list[str]]
) -> None:
    assert _places(extractor, text) == [expected]
