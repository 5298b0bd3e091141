"""A war noun ("war", "conflict", "insurgency") names its sides as a clash noun does: "the
war between X and Y" has both as participants, "X's war against Y" X as perpetrator and Y
as target, and a name before it ("the X insurgency") one side. Before, its frame line had
no slots and such a mention told nobody. Sentences are invented for the test."""

from __future__ import annotations

from conflict_kg.extract import Extractor
from tests.extract.test_ending_verbs_presuppose_the_act import told_roles

LEAD = "Aid workers reached Kessra on Monday. "


def _sides(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    """(role, text) of the sides named by the events and non-specific mentions."""
    return {
        (r, t) for r, t, _ in told_roles(extractor, text, "perpetrator", "target", "participant")
    }


def test_a_war_between_two_sides_has_both_as_participants(extractor: Extractor) -> None:
    text = LEAD + (
        "The war between the Vessaran Liberation Front and the army displaced thousands "
        "of farmers, they said."
    )
    assert _sides(extractor, text) == {
        ("participant", "Vessaran Liberation Front"),
        ("participant", "army"),
    }


def test_a_war_waged_against_a_side_has_its_doer_and_target(extractor: Extractor) -> None:
    text = LEAD + (
        "The Vessaran Liberation Front's war against the army displaced thousands of "
        "farmers, they said."
    )
    assert _sides(extractor, text) == {
        ("perpetrator", "Vessaran Liberation Front"),
        ("target", "army"),
    }


def test_a_war_of_no_one_names_no_side(extractor: Extractor) -> None:
    text = LEAD + "The war displaced thousands of farmers in the valley, they said."
    assert _sides(extractor, text) == set()
