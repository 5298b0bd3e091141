"""The ontology's class tree as coreference reads it: families and the most specific class."""

from __future__ import annotations

import pytest

from conflict_kg.extract.events.event_classes import class_tree


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("AirOrDroneStrike", "Attack"),
        ("Attack", "Attack"),
        ("Abduction", "Attack"),
        ("ClaimOfResponsibility", "Statement"),
        ("Accident", "Hazard"),
        ("Arrest", "Arrest"),
    ],
)
def test_family_is_the_class_right_under_event(name: str, family: str) -> None:
    assert class_tree().family(name) == family


def test_on_one_branch_the_deepest_class_wins() -> None:
    tree = class_tree()
    assert tree.most_specific(["Attack", "Bombing", "Attack"]) == "Bombing"
    assert tree.most_specific(["Statement", "ClaimOfResponsibility"]) == "ClaimOfResponsibility"
    assert tree.most_specific(["Protest"]) == "Protest"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # remote violence is coded by its means, whoever it hit
        (["Assassination", "AirOrDroneStrike"], "AirOrDroneStrike"),
        (["Attack", "Assassination", "Shelling"], "Shelling"),
        # a battle by its two armed sides, before violence against civilians
        (["Assassination", "ArmedClash"], "ArmedClash"),
        (["ArmedClash", "Bombing"], "Bombing"),
    ],
)
def test_between_siblings_acled_precedence_decides(names: list[str], expected: str) -> None:
    assert class_tree().most_specific(names) == expected


def test_classes_read_from_the_ontology() -> None:
    tree = class_tree()
    assert tree.parents["Bombing"] == "Attack"
    assert tree.subsumes("Attack", "Assassination") and not tree.subsumes("Bombing", "Attack")
    assert tree.depth("Attack") == 1 and tree.depth("AirOrDroneStrike") == 2
    with pytest.raises(ValueError):
        tree.most_specific([])
