"""A fight whose every side is an institution (a union, a ministry, a parliament) is a
dispute, not an armed clash; one armed, unnamed or gazetteer-known side leaves it a clash
(extract/events/senses.py, `_dispute_between_institutions`)."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> list[str]:
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    return [e.type for e in extraction.events]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting between the Teachers Union and the Education Ministry over pensions stalled "
        "the reform in Carvel on Monday.",
        "The port workers union clashed with the transport ministry over overtime on Tuesday.",
    ],
)
def test_a_fight_between_institutions_is_no_clash(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Fighting between the government and the Karen National Union killed four soldiers "
        "near Hpapun on Monday.",
        "Clashes between the Union of Porters and police in Carvel left two people hurt.",
        "Fighting between the Osk Militia and the Velmar Brigade killed nine fighters.",
        # deaths told, or the government as a side: a clash whatever the other side is
        "Fighting between the dockers union and the shipping company killed four workers in"
        " Carvel.",
        "Clashes between the government and the opposition party left five dead in Carvel.",
    ],
)
def test_an_armed_or_known_side_keeps_the_clash(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == ["ArmedClash"]
