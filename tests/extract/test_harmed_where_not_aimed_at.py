"""Where a harm was done is not what it was aimed at (issue 16, items 3-4): a verb that
harmed its object ("shot dead a boy") has its victim, so its "at"/"on" phrase says where
("at a roadblock"), and a victim's own locative phrase says where the victim was, not what
the victim was ("a farmer at an army checkpoint" is unarmed). A verb whose object is its
means ("fired rockets at X") or that has none ("opened fire on X") aimed at X.
Invented places and people."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(class, [(role, text)]) of each incident."""
    data = extractor.extract(ArticleInput("invented", text)).to_json()
    return [(e["type"], [(a["role"], a["text"]) for a in e["arguments"]]) for e in data["events"]]


@pytest.mark.parametrize(
    "text",
    [
        "Police shot dead a teenager at a checkpoint in Darel on Friday, his mother said.",
        "Soldiers shot dead a farmer at an army checkpoint outside Darel on Friday.",
    ],
)
def test_a_harmed_object_leaves_the_at_phrase_a_place(extractor: Extractor, text: str) -> None:
    [(cls, arguments)] = _events(extractor, text)
    assert cls == "Attack"  # unarmed victims of state forces: no clash
    assert not [text for role, text in arguments if role == "target"]
    assert ("place", "Darel") in arguments


@pytest.mark.parametrize(
    ("text", "target", "cls"),
    [
        ("Militants fired rockets at an army base near Tolvo on Monday.", "army base", None),
        (
            "Gunmen opened fire on a checkpoint in Darel on Monday, wounding two policemen.",
            "checkpoint",
            "ArmedClash",
        ),
        ("Gunmen shot dead two soldiers at a checkpoint in Darel on Monday.", None, "ArmedClash"),
    ],
)
def test_aims_and_armed_victims_stay(
    extractor: Extractor, text: str, target: str | None, cls: str | None
) -> None:
    [(found_cls, arguments)] = _events(extractor, text)
    if target is not None:
        assert ("target", target) in arguments
    if cls is not None:
        assert found_cls == cls
