"""Specific incidents only, on news nobody tuned on (issue 15, item 3): recurring events (a
frequency adverbial), counterfactuals, background phrases ("since the raids") and event nouns
that only classify people ("protest leaders") yield no event; each has an invented
counterexample that still does."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> list[str]:
    return [e.type for e in extractor.extract(ArticleInput("invented", text)).events]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Herders say raids on the grazing routes happen every month near Tibiri.", "Attack"),
        ("The militia often shelled the market town during the long war.", "Shelling"),
        ("Soldiers usually detain traders at the bridge for a few hours.", "Arrest"),
        ("Police would have arrested the smugglers if the boat had docked.", "Arrest"),
        ("Families have left the valley since the raids of the dry season.", "Attack"),
        ("Protest leaders met the mayor of Ilorin on Monday to agree a route.", "Protest"),
        # a plural at the start of a sentence, which the tagger reads as a singular name
        ("Kidnappings for ransom have become a business for armed gangs, analysts say.",
         "Abduction"),
        # a trend, even in a headline
        ("Why kidnappings keep rising along the Niger border\n", "Abduction"),
    ],
)
def test_recurring_counterfactual_and_background_mentions_give_no_event(
    extractor: Extractor, text: str, absent: str
) -> None:
    assert absent not in _types(extractor, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # one day's shelling, told as repeated: still that day's incident
        ("Rebels repeatedly shelled the market town of Kaya on Monday.", "Shelling"),
        # a modal perfect without a condition is a hedge about what happened
        ("Police said the smugglers may have attacked the patrol boat on Friday.", "ArmedClash"),
        # a counted plural after "since" is specific
        ("Families have left the valley since two raids on Sunday.", "Attack"),
        # a noun of those an incident harmed keeps it
        ("The bombing victims were buried in Maroua on Saturday.", "Bombing"),
        # the protest itself
        ("Thousands of students protested in Ilorin on Monday.", "Protest"),
        # counted incidents that raised something else
        ("Two kidnappings near Tahoua on Monday raised fears among traders.", "Abduction"),
        # a headline telling an incident in the present
        ("Gunmen kidnap 12 travellers near Tahoua\n", "Abduction"),
    ],
)
def test_the_counterexamples_still_give_their_incident(
    extractor: Extractor, text: str, present: str
) -> None:
    assert present in _types(extractor, text)


def test_a_meeting_of_protest_leaders_is_still_a_meeting(extractor: Extractor) -> None:
    assert _types(extractor, "Protest leaders met the mayor of Ilorin on Monday.") == ["Meeting"]
