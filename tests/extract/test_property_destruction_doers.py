"""Who loots, torches or burns down property is the perpetrator of the destruction (ACLED's
looting/property destruction names its actor like any other event): the Riot frame of
property destruction reads its subject, its passive's "by" and its object like the frame of
destroying does. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Event, Extractor


def _destruction(extractor: Extractor, text: str) -> Event:
    extraction = extractor.extract(ArticleInput("invented", text))
    (event,) = [e for e in extraction.events if e.acled == "PROPERTY_DISTRUCT"]
    return event


def _perpetrators(event: Event) -> list[str]:
    return [a.text for a in event.arguments if a.role == "perpetrator"]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Militiamen looted shops in the town of Gadi on Friday.", "Militiamen"),
        ("Insurgents set fire to a school in Tamu on Friday, residents said.", "Insurgents"),
        ("Dozens of homes were torched by bandits in Kora on Sunday.", "bandits"),
    ],
)
def test_the_doer_of_looting_or_arson_is_its_perpetrator(
    extractor: Extractor, text: str, doer: str
) -> None:
    assert _perpetrators(_destruction(extractor, text)) == [doer]


def test_looting_without_a_doer_names_none(extractor: Extractor) -> None:
    """Counterexample: a looting nobody is said to have done has no perpetrator, and the
    town it happened in stays its place, not its doer."""
    event = _destruction(extractor, "Shops were looted in the town of Gadi on Friday.")
    assert _perpetrators(event) == []
    assert [a.text for a in event.arguments if a.role == "place"] == ["Gadi"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Militiamen looted shops in the town of Gadi on Friday.", "shops"),
        ("Insurgents burned down a grain warehouse outside Velka at dawn.", "grain warehouse"),
    ],
)
def test_the_building_looted_or_burned_is_its_target(
    extractor: Extractor, text: str, target: str
) -> None:
    event = _destruction(extractor, text)
    assert [a.text for a in event.arguments if a.role == "target"] == [target]


def test_a_town_looted_is_no_target(extractor: Extractor) -> None:
    """Counterexample: a town is where the destruction happened, never a building it hit."""
    event = _destruction(extractor, "Militiamen looted the town of Gadi on Friday.")
    assert [a.text for a in event.arguments if a.role == "target"] == []


def _claims(event: Event) -> list[tuple[str, str]]:
    return [(a.text, a.certainty) for a in event.arguments if a.role == "perpetrator"]


def test_an_accused_arsonist_is_alleged_and_a_denial_denied(extractor: Extractor) -> None:
    event = _destruction(
        extractor,
        "Police accused the Rivers Front of torching a depot in Soka on Thursday. "
        "The Rivers Front denied any involvement.",
    )
    assert sorted(_claims(event)) == [("Rivers Front", "alleged"), ("Rivers Front", "denied")]

