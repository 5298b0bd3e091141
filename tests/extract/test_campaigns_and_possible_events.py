"""Specific incidents only (issue 15, item 3), two more kinds of background read from the parse:
an event noun with an adjective that makes it possible rather than real ("an imminent raid",
"a possible attack"), and an event lasting weeks or longer, a campaign rather than an incident
("have been bombing the hills since the start of May", "after three weeks of fighting"). Each
has an invented counterexample that still gives its incident (an attempted attack, shelling
since Monday, two days of fighting)."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _told(extractor: Extractor, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The incidents' classes, and (class, reason) of the non-specific mentions."""
    extraction = extractor.extract(ArticleInput("invented", text))
    data = extraction.to_json()
    return (
        [e["type"] for e in data["events"]],
        [(m["type"], m["reason"]) for m in data.get("nonspecific", [])],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Herders in Tibiri moved their cattle south, fearing an imminent raid by bandits from "
        "the hills.",
        "Villagers near Tibiri dug trenches on Monday against a possible raid by bandits.",
    ],
)
def test_a_possible_or_imminent_raid_is_no_incident(extractor: Extractor, text: str) -> None:
    events, nonspecific = _told(extractor, text)
    assert "Attack" not in events
    assert ("Attack", "hypothetical") in nonspecific


def test_an_attempted_attack_is_still_an_incident(extractor: Extractor) -> None:
    events, _ = _told(
        extractor, "Police said the attempted attack on the convoy near Maradi on Monday failed."
    )
    assert events and events[0] in ("Attack", "ArmedClash")


@pytest.mark.parametrize(
    ("text", "event_class"),
    [
        (
            "Government planes have been bombing rebel positions in the hills since the start "
            "of May, officials said.",
            "Bombing",
        ),
        ("Militia fighters have shelled the outskirts of Kaya for months, residents said.",
         "Shelling"),
    ],
)
def test_a_campaign_since_months_ago_is_background(
    extractor: Extractor, text: str, event_class: str
) -> None:
    events, nonspecific = _told(extractor, text)
    assert event_class not in events
    assert (event_class, "background") in nonspecific


def test_shelling_since_monday_is_still_an_incident(extractor: Extractor) -> None:
    events, _ = _told(
        extractor,
        "Militia fighters have shelled the outskirts of Kaya since Monday, residents said.",
    )
    assert events == ["Shelling"]


def test_weeks_of_fighting_are_the_background_of_a_truce(extractor: Extractor) -> None:
    events, nonspecific = _told(
        extractor,
        "The truce in Kumba was signed after three weeks of fighting between the two militias.",
    )
    assert events == ["Agreement"]
    assert ("ArmedClash", "background") in nonspecific


def test_two_days_of_fighting_are_still_an_incident(extractor: Extractor) -> None:
    events, _ = _told(
        extractor,
        "The truce in Kumba was signed after two days of fighting between the two militias.",
    )
    assert sorted(events) == ["Agreement", "ArmedClash"]


def test_weeks_of_protests_are_still_the_protest(extractor: Extractor) -> None:
    """A protest that lasts is the one protest ACLED codes, not a campaign's background."""
    events, _ = _told(
        extractor,
        "Opposition supporters have staged weeks of protests outside the electoral "
        "commission in Lilongwe.",
    )
    assert events == ["Protest"]
