"""A name that claims an attack is an armed group (extract/entities/claimants.py)."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor

BOMBING = "A car bomb exploded in Harlowe on Monday, killing six people. "


@pytest.mark.parametrize(
    ("claim", "name"),
    [
        ("The Provisional IRA accepted responsibility for the bombing.", "Provisional IRA"),
        ("The Tehrik Front claimed responsibility for the attack in a statement.", "Tehrik Front"),
    ],
)
def test_the_claimant_is_an_armed_group_and_the_perpetrator(
    extractor: Extractor, claim: str, name: str
) -> None:
    result = extractor.extract(ArticleInput("t", BOMBING + claim))
    types = {e.name: (e.type, e.acled_category) for e in result.entities}
    assert types[name] == ("ArmedGroup", "Political militias")
    # The claim is an event of its own, about the attack; the attack keeps its perpetrator.
    claim, event = sorted(result.events, key=lambda e: e.type != "ClaimOfResponsibility")
    assert claim.type == "ClaimOfResponsibility"
    assert claim.concerns == event.id
    assert ("participant", name) in {(a.role, a.text) for a in claim.arguments}
    assert ("perpetrator", name) in {(a.role, a.text) for a in event.arguments}


def test_a_common_noun_claimant_makes_no_group(extractor: Extractor) -> None:
    text = BOMBING + "No group claimed responsibility for the bombing."
    result = extractor.extract(ArticleInput("t", text))
    assert [e.type for e in result.entities if e.type == "ArmedGroup"] == []
