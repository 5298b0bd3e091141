"""Four readings of a demonstration, of talks, of an accusation and of a possessive day:

- a riot told through its crowd and the crowd's acts is one event, and the police's tear gas
  or water cannon against that crowd is the police's response within it, never an armed
  clash (ACLED codes it inside the demonstration); force that kills marchers is excessive
  force against the protest;
- a ceasefire that is only the topic of talks, or a truce that is only violated, is no
  agreement reached;
- "X accused Y of burning/killing ..." reports the gerund's event, done by Y on X's word;
- a weapon under a possessive day ("Saturday's car bomb") names that day's incident and
  dates it.

Every text here is invented for the test."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extraction, Extractor


def extract(extractor: Extractor, text: str, published: str | None = None) -> Extraction:
    return extractor.extract(ArticleInput(source="t.txt", text=text, published=published))


def kinds(extraction: Extraction) -> list[tuple[str, str | None, str]]:
    return [(e.type, e.acled, e.trigger.text) for e in extraction.events]


# A riot told once ---------------------------------------------------------------------------


def test_a_crowd_and_its_stones_and_the_police_tear_gas_are_one_riot(
    extractor: Extractor,
) -> None:
    found = extract(
        extractor,
        "Scores of demonstrators blocked the ring road and pelted stones at riot police in "
        "Varnessa on Thursday evening. Officers fired tear gas and water cannon to push the "
        "crowd back towards the stadium.",
    )
    assert kinds(found) == [("Riot", "VIOL_DEMONSTR", "pelted stones")]


def test_rubber_bullets_fired_at_rebels_after_a_riot_are_their_own_event(
    extractor: Extractor,
) -> None:
    """Counterexample: a response aimed at someone other than the crowd is no part of the
    demonstration told before it."""
    found = extract(
        extractor,
        "Students threw stones at police in Orvane on Monday. Soldiers fired rubber bullets "
        "at rebels in the hills.",
    )
    assert [k for k, _, _ in kinds(found)] == ["Riot", "ArmedClash"]


def test_demonstrators_clashing_with_police_are_one_riot(extractor: Extractor) -> None:
    found = extract(
        extractor,
        "Demonstrators clashed with police in central Mirov on Saturday. Officers used water "
        "cannon and tear gas against the crowd.",
    )
    assert kinds(found) == [("Riot", "VIOL_DEMONSTR", "clashed")]


def test_tear_gas_after_a_rally_makes_it_a_protest_met_with_intervention(
    extractor: Extractor,
) -> None:
    found = extract(
        extractor,
        "Several hundred traders rallied outside the finance ministry in Kolva on Thursday "
        "against a new tax. Police fired tear gas to break up the gathering.",
    )
    assert kinds(found) == [("Protest", "PROTEST_WITH_INTER", "rallied")]


def test_a_mob_torching_cars_keeps_the_mob_as_the_kind_of_riot(extractor: Extractor) -> None:
    found = extract(extractor, "An angry mob torched six cars outside the court in Pellin.")
    assert [(kind, acled) for kind, acled, _ in kinds(found)] == [("Riot", "MOB_VIOL")]


def test_soldiers_firing_on_rebels_after_a_riot_stay_their_own_event(
    extractor: Extractor,
) -> None:
    """Only a crowd-control response belongs to the riot: fire on armed men is not one."""
    found = kinds(
        extract(
            extractor,
            "Rioters hurled stones at the governor's office in Tessa on Friday. Soldiers "
            "later opened fire on rebels in the hills.",
        )
    )
    assert found[0] == ("Riot", "VIOL_DEMONSTR", "hurled stones")
    assert [trigger for _, _, trigger in found[1:]] == ["opened fire"]


def test_police_killing_a_marcher_after_a_march_is_excessive_force(extractor: Extractor) -> None:
    found = kinds(
        extract(
            extractor,
            "Nurses marched through Belvan on Monday to protest unpaid wages. Police fired "
            "rubber bullets at the marchers, killing one nurse.",
        )
    )
    assert ("Protest", "FORCE_AGAINST_PROTEST", "fired") in found
    assert not any(kind in ("Riot", "ArmedClash") for kind, _, _ in found)


def test_gunfire_at_a_crowd_with_no_demonstration_told_is_no_protest(
    extractor: Extractor,
) -> None:
    found = kinds(
        extract(
            extractor,
            "Gunmen fired at the crowd leaving a wedding in Sotra on Saturday, killing four.",
        )
    )
    assert found and not any(kind in ("Protest", "Riot") for kind, _, _ in found)


def test_a_protest_noun_that_does_nothing_itself_stays_the_event(extractor: Extractor) -> None:
    found = kinds(extract(extractor, "Thousands of protesters gathered in Orsk on Sunday."))
    assert [kind for kind, _, _ in found] == ["Protest"]


# Talks and agreements -----------------------------------------------------------------------


def test_talks_next_week_on_a_ceasefire_and_a_violated_truce_are_no_agreement(
    extractor: Extractor,
) -> None:
    found = extract(
        extractor,
        "Envoys of the government and the Lakeside Alliance will gather in Morvane next "
        "month to negotiate a truce. Earlier contacts broke down in the spring amid charges "
        "that both camps had breached a ceasefire.",
    )
    assert not any(e.type == "Agreement" for e in found.events)


@pytest.mark.parametrize(
    "text",
    [
        "Both parties agreed to hold talks in Nairobi next month on a permanent ceasefire.",
        "A summit between the two presidents is scheduled for next week in Lagos.",
        "The mediators proposed a new round of talks in Doha.",
        "The two sides plan to meet in Geneva to sign a peace deal.",
    ],
)
def test_planned_talks_and_their_topics_are_no_incident(extractor: Extractor, text: str) -> None:
    assert extract(extractor, text).events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Envoys of both sides held talks in Doha on Tuesday.", "Meeting"),
        ("A wave of attacks hit the northern province in March.", "Attack"),
    ],
)
def test_talks_held_and_attacks_counted_are_incidents(
    extractor: Extractor, text: str, expected: str
) -> None:
    assert [e.type for e in extract(extractor, text).events] == [expected]


def test_a_prisoner_swap_discussed_is_not_agreed(extractor: Extractor) -> None:
    found = extract(extractor, "The two sides discussed a prisoner exchange at a meeting in Oslo.")
    assert [e.type for e in found.events] == ["Meeting"]


def test_a_ceasefire_signed_is_an_agreement(extractor: Extractor) -> None:
    found = extract(extractor, "The army and the rebels signed a ceasefire in Lomara on Sunday.")
    assert [(e.type, e.trigger.text) for e in found.events] == [("Agreement", "signed")]


# Accusations with a gerund ------------------------------------------------------------------


def test_an_army_accusing_a_front_of_burning_a_clinic_gives_the_burning(
    extractor: Extractor,
) -> None:
    found = extract(
        extractor,
        "The army accused the Rivers Front of burning down a health clinic in Masindo on "
        "Friday night.",
    )
    assert kinds(found) == [("Riot", "PROPERTY_DISTRUCT", "burning down")]


def test_a_militia_accused_of_killing_farmers_is_their_alleged_killer(
    extractor: Extractor,
) -> None:
    found = extract(
        extractor, "The governor accused the Tamo militia of killing five farmers near Ubara."
    )
    (killing,) = [e for e in found.events if e.trigger.text == "killing"]
    assert killing.type == "Attack"
    assert ("perpetrator", "Tamo militia", "alleged") in {
        (a.role, a.text, a.certainty) for a in killing.arguments
    }


@pytest.mark.parametrize(
    "text",
    [
        "The coach accused the referee of killing the game with his decisions.",
        "The opposition accused the minister of burning bridges with the unions.",
        "Critics accused the editor of destroying the magazine's reputation.",
    ],
)
def test_accusations_of_no_violence_give_no_event(extractor: Extractor, text: str) -> None:
    assert extract(extractor, text).events == []


# A possessive day ---------------------------------------------------------------------------


def test_saturdays_car_bomb_is_the_incident_and_dates_it(extractor: Extractor) -> None:
    found = extract(
        extractor,
        "The number of dead from Saturday's car bomb outside the Harlo stadium climbed to 17 "
        "on Monday, hospital staff said. The explosion also destroyed a bus.",
        published="2026-11-30",
    )
    (bombing,) = found.events
    assert (bombing.type, bombing.trigger.text, bombing.date) == (
        "Bombing",
        "car bomb",
        "2026-11-28",
    )
    assert [m.text for m in bombing.mentions] == ["car bomb", "explosion"]


def test_last_weeks_grenade_that_wounded_shoppers_is_one_grenade_attack_of_last_week(
    extractor: Extractor,
) -> None:
    found = extract(
        extractor,
        "Last week's grenade in the Dorra market wounded nine shoppers, police said on Monday.",
        published="2026-11-30",
    )
    assert [(e.type, e.acled, e.date) for e in found.events] == [
        ("Bombing", "GRENADE", "2026-11-23")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Saturday's car bomb show in Harlo drew thousands of visitors.",
        "Police defused a car bomb in Harlo.",
        "The museum's rockets date from the 1960s.",
    ],
)
def test_weapons_without_a_possessive_day_name_no_incident(
    extractor: Extractor, text: str
) -> None:
    triggers = [e.trigger.text for e in extract(extractor, text).events]
    assert not set(triggers) & {"car bomb", "rockets"}
