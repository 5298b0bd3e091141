"""Facilities an attack is aimed at (extract/roles/facilities.py and the rules of
extract/roles/targets.py that read them), on sentences written for the tests."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("t", text))


def _roles(extractor: Extractor, text: str, trigger: str) -> set[tuple[str, str]]:
    (event,) = [e for e in _extract(extractor, text).events if trigger in e.trigger.text]
    return {(a.role, a.text) for a in event.arguments}


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Gunmen attacked a police checkpoint in Harlowe on Monday.",
            "attacked",
            {("perpetrator", "Gunmen"), ("target", "police checkpoint"), ("place", "Harlowe")},
        ),
        (
            "Militants stormed Camp Dorrel in Velna province.",
            "stormed",
            {("perpetrator", "Militants"), ("target", "Camp Dorrel"), ("place", "Velna province")},
        ),
        (
            "Three people died in an attack on the central market of Harlowe.",
            "attack",
            {("target", "central market"), ("victim", "people")},
        ),
        (
            "The blast targeted a petrol station outside Harlowe, police said.",
            "blast",
            {("target", "petrol station")},
        ),
        (
            "The old mosque in Harlowe was destroyed by an explosion on Friday.",
            "explosion",
            {("target", "old mosque")},
        ),
        (
            "Gunmen attacked two churches in Harlowe on Sunday.",
            "attacked",
            {("target", "churches"), ("place", "Harlowe")},
        ),
        (
            "Gunmen attacked a church in Harlowe on Sunday.",
            "attacked",
            {("target", "church"), ("place", "Harlowe")},
        ),
        (
            "Rebels shelled the barracks and two schools in Harlowe.",
            "shelled",
            {("target", "barracks"), ("target", "schools")},
        ),
        (
            # (a court's "convicted for the bombing" looks back on a past incident: no event)
            "The bombing of the embassy on Monday killed three guards.",
            "bombing",
            {("target", "embassy")},
        ),
    ],
)
def test_facility_in_a_target_position_is_the_target(
    extractor: Extractor, text: str, trigger: str, expected: set[tuple[str, str]]
) -> None:
    assert _roles(extractor, text, trigger) >= expected


def test_a_facility_target_is_an_article_scoped_place(extractor: Extractor) -> None:
    result = _extract(extractor, "Gunmen attacked a police checkpoint in Harlowe on Monday.")
    (facility,) = [e for e in result.entities if e.name == "Police checkpoint"]
    assert facility.type == "Place"
    assert facility.id.startswith("police-checkpoint-")
    assert facility.acled_category is None


@pytest.mark.parametrize(
    ("text", "trigger", "absent"),
    [
        # Where the attack happened is a place, not a target, even for a facility.
        ("A bomb exploded at a clinic in Harlowe on Friday.", "exploded", "clinic"),
        # Towns are places when shelled, never targets.
        ("Rebels shelled the town of Harlowe on Sunday.", "shelled", "Harlowe"),
        # "of" names the target only when it is a facility.
        ("The bombing of Harlowe lasted three days.", "bombing", "Harlowe"),
        # A compound that names no building is no facility, though its head is one.
        ("The film bombed at the box office last weekend.", "bombed", "box office"),
        # A town or region whose name holds a facility noun is a place, never a target.
        ("Israeli forces raided the West Bank city of Jenin.", "raided", "West Bank"),
        ("Government forces shelled the market town of Harlowe.", "shelled", "market town"),
        # A verb of striking whose subject is no attack names no target.
        ("The minister targeted a school budget in his speech after the attack.", "attack",
         "school budget"),
    ],
)  # fmt: skip
def test_no_facility_target_outside_target_positions(
    extractor: Extractor, text: str, trigger: str, absent: str
) -> None:
    assert not {t for role, t in _roles(extractor, text, trigger) if role == "target"} & {absent}


def test_an_attacked_facility_is_no_longer_also_the_place(extractor: Extractor) -> None:
    roles = _roles(extractor, "Militants stormed Camp Dorrel in Velna province.", "stormed")
    assert ("place", "Camp Dorrel") not in roles
