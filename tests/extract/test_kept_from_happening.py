"""Specific incidents only (issue 15): an act after "from" under a verb of preventing ("to
prevent judges from being murdered", "stopped the gang from attacking") was kept from
happening and is no incident; the same verb told as done is one. Invented places and people."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _told(extractor: Extractor, text: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The incidents' classes, and (class, word, reason) of the non-specific mentions."""
    data = extractor.extract(ArticleInput("invented", text)).to_json()
    return (
        [e["type"] for e in data["events"]],
        [(m["type"], m["text"], m["reason"]) for m in data.get("nonspecific", [])],
    )


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Soldiers now guard the courthouse in Belvar to prevent judges from being murdered, "
            "officials said.",
            "murdered",
        ),
        (
            "Villagers in Ostrava Dol kept the militia from burning the granary, an elder said.",
            "burning",
        ),
    ],
)
def test_an_act_kept_from_happening_is_no_incident(
    extractor: Extractor, text: str, word: str
) -> None:
    events, nonspecific = _told(extractor, text)
    assert events == []
    assert any(w == word and reason == "hypothetical" for _, w, reason in nonspecific)


def test_the_same_act_told_as_done_is_an_incident(extractor: Extractor) -> None:
    events, _ = _told(
        extractor, "Gunmen murdered two judges outside the courthouse in Belvar on Monday."
    )
    assert events and events[0] in ("Attack", "Assassination")
