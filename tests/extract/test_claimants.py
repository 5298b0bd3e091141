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


def test_a_group_noun_after_its_name_claims_in_any_case(extractor: Extractor) -> None:
    """Without capitals, the group noun after the words of the name says it is one."""
    text = (BOMBING + "The Ravens Movement claimed responsibility for the bombing.").lower()
    result = extractor.extract(ArticleInput("t", text))
    types = {e.name.lower(): e.type for e in result.entities}
    assert types["ravens movement"] == "ArmedGroup"
    event = next(e for e in result.events if e.type != "ClaimOfResponsibility")
    assert ("perpetrator", "ravens movement") in {(a.role, a.text) for a in event.arguments}


def test_no_group_noun_claims_in_lower_case(extractor: Extractor) -> None:
    """Counterexample: "no armed movement" names nobody, without capitals too."""
    text = (BOMBING + "No armed movement claimed responsibility for the bombing.").lower()
    result = extractor.extract(ArticleInput("t", text))
    assert [e.name for e in result.entities if e.type == "ArmedGroup"] == []
