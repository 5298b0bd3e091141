"""Whom an attack was aimed at (extract/roles/targets.py), on sentences written for the tests."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _roles(extractor: Extractor, text: str, trigger: str) -> set[tuple[str, str]]:
    result = extractor.extract(ArticleInput("t", text))
    (event,) = [e for e in result.events if e.trigger.text == trigger]
    return {(a.role, a.text) for a in event.arguments}


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "The Red Hand accepted responsibility for the bombings, which seemed to be aimed "
            "at civilians.",
            "bombings",
            {("target", "civilians"), ("perpetrator", "Red Hand")},
        ),
        (
            "The republic saw two bombings targeted at the Russian military last week.",
            "bombings",
            {("target", "Russian military")},
        ),
        (
            "They were charged over the assassination of Jorge Alvarado Ruiz in 1973.",
            "assassination",
            # the person an assassination names was aimed at and killed (issue 16)
            {("target", "Jorge Alvarado Ruiz"), ("victim", "Jorge Alvarado Ruiz")},
        ),
        (
            "The alleged attacker, Omar Haddad, shot dead by police on Tuesday, had pledged "
            "allegiance to the group.",
            "shot",
            # shot dead: the man was killed, a victim (issue 16: the killed are victims)
            {("perpetrator", "police"), ("victim", "Omar Haddad")},
        ),
        (
            "Gunmen opened fire on Iraqi soldiers in Mosul on Monday.",
            "opened fire",
            {("perpetrator", "Gunmen"), ("target", "Iraqi soldiers"), ("place", "Mosul")},
        ),
        (
            "Gunmen shot at police in Harlowe overnight.",
            "shot",
            {("perpetrator", "Gunmen"), ("target", "police"), ("place", "Harlowe")},
        ),
        (
            "Taliban fighters clashed with Afghan soldiers in Kunduz on Monday.",
            "clashed",
            {("perpetrator", "Taliban fighters"), ("target", "Afghan soldiers"),
             ("place", "Kunduz"), ("participant", "Taliban fighters"),
             ("participant", "Afghan soldiers")},
        ),
    ],
)  # fmt: skip
def test_targets(
    extractor: Extractor, text: str, trigger: str, expected: set[tuple[str, str]]
) -> None:
    assert _roles(extractor, text, trigger) == expected


def test_the_of_phrase_of_a_bombing_is_no_target(extractor: Extractor) -> None:
    """Only an assassination's "of" names its target: "the bombing of the city" names a
    place."""
    roles = _roles(extractor, "The bombing of Harlowe killed nine people.", "bombing")
    assert not any(role == "target" for role, _ in roles)


def test_a_plain_organisation_before_an_attack_noun_is_not_its_author(
    extractor: Extractor,
) -> None:
    text = "Nine people died in the Microsoft attack in Harlowe."
    roles = _roles(extractor, text, "attack")
    assert not any(role == "perpetrator" for role, _ in roles)


def test_an_armed_group_before_an_attack_noun_is_its_author(extractor: Extractor) -> None:
    roles = _roles(extractor, "Nine people died in a Hamas attack in Harlowe.", "attack")
    assert ("perpetrator", "Hamas") in roles


def test_the_state_whose_president_was_attacked_is_no_target(extractor: Extractor) -> None:
    text = "Chile's President Omar Haddad survived an attack on his convoy on Monday."
    roles = _roles(extractor, text, "attack")
    assert {text for role, text in roles if role == "target"} == {"President Omar Haddad"}
