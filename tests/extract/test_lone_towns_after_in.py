"""A lone town the NER does not know (issue 16, item 4): a single capitalised word the NER
leaves unlabelled, the whole object of "in", "near" or "outside", is a place, so the
incident told there is placed ("detained by police in Wemble", "drones hit a gathering
near Qemmal"). A body's head noun ("in Parliament") stays no place. Invented places."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _read(extractor: Extractor, text: str) -> tuple[dict[str, str], list[list[str]]]:
    """Entity types by name, and the place texts of each event."""
    data = extractor.extract(ArticleInput("invented", text)).to_json()
    return (
        {e["name"]: e["type"] for e in data["entities"]},
        [[a["text"] for a in e["arguments"] if a["role"] == "place"] for e in data["events"]],
    )


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Nine students were detained by police in Wemble on Friday.", "Wemble"),
        ("The army's drones hit a gathering of fighters near Qemmal on Friday.", "Qemmal"),
    ],
)
def test_a_lone_unknown_name_after_in_is_a_town(
    extractor: Extractor, text: str, town: str
) -> None:
    types, places = _read(extractor, text)
    assert types[town] == "Place"
    assert places == [[town]]


def test_a_bodys_head_after_in_is_no_town(extractor: Extractor) -> None:
    types, _ = _read(extractor, "The minister said in Parliament that nine men were detained.")
    assert types.get("Parliament") != "Place"
