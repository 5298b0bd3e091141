"""A label that opens a line and ends in a spaced dash, a live blog's clock time ("14:30 -")
or words in capitals ("PRESS RELEASE -", "UPDATE -"), is a sentence of its own (issue 15,
item 5: context, never an actor): it joins no name of the line, and no entity is made of
it. A dash inside a name ("Al-Nur") and a dash in the middle of a sentence are no label.
Invented places and groups."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _read(extractor: Extractor, text: str) -> tuple[list[str], list[list[tuple[str, str]]]]:
    """Entity names, and (role, text) of each event's arguments."""
    data = extractor.extract(ArticleInput("invented", text)).to_json()
    return (
        [e["name"] for e in data["entities"]],
        [[(a["role"], a["text"]) for a in e["arguments"]] for e in data["events"]],
    )


def test_a_live_blogs_clock_joins_no_name(extractor: Extractor) -> None:
    text = (
        "09:10 - Several thousand people have gathered in the main square of Sarnova.\n"
        "09:45 - Riot police fired tear gas at the crowd near the town hall."
    )
    names, events = _read(extractor, text)
    assert not [n for n in names if ":" in n or "-" in n]
    assert any(("participant", "Riot police") in arguments for arguments in events)


def test_a_release_label_is_no_organisation(extractor: Extractor) -> None:
    text = (
        "PRESS RELEASE - Ministry of the Interior of Velmar, 3 May 2025. Police arrested "
        "four men in Sarnova today."
    )
    names, events = _read(extractor, text)
    assert not [n for n in names if "PRESS" in n or "RELEASE" in n or n.endswith("-")]
    assert events == [[("perpetrator", "Police"), ("victim", "four men"), ("place", "Sarnova")]]


def test_a_bulletins_label_is_no_subject(extractor: Extractor) -> None:
    text = "BREAKING NEWS - Gunmen killed three villagers in Sarnova on Monday."
    names, events = _read(extractor, text)
    assert not [n for n in names if "NEWS" in n]
    assert events == [
        [("perpetrator", "Gunmen"), ("victim", "villagers"), ("place", "Sarnova")]
    ]


def test_dashes_in_names_and_sentences_stay(extractor: Extractor) -> None:
    text = (
        "Fighters of the Al-Nur Brigade attacked a police post in Sarnova on Monday - the "
        "third attack this month - killing two officers."
    )
    names, events = _read(extractor, text)
    assert "Al-Nur Brigade" in names
    assert any(("perpetrator", "Al-Nur Brigade") in arguments for arguments in events)
