"""What a review of the day's background rules found, mended (2026-12-07): a preventing verb
that did not prevent ("failed to stop", "did not protect ... from") leaves the act told; "the
earlier raid" in wire copy is the news, not its history; and a toll told of a past attack in
its own sentence or clause ("In 2024 the group killed 40", "after a similar attack in October
killed ten") never becomes today's incident's. Invented places and groups."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor

DATE = "date: 2026-12-05\n\n"


def _events(extractor: Extractor, text: str) -> list[tuple[str, int | None]]:
    result = extractor.extract(ArticleInput("invented", DATE + text))
    return [(e.type, e.fatalities) for e in result.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers in the nearby barracks did nothing to stop the gunmen from killing eleven "
         "people in Vessa on Thursday.", [("Attack", 11)]),
        ("The wall did not protect the residents of Ardo from being shelled on Friday; four "
         "were killed, medics said.", [("Shelling", 4)]),
        ("Nothing stopped the militia from shelling the market in Ardo on Friday, killing "
         "three.", [("Shelling", 3)]),
    ],
)  # fmt: skip
def test_a_preventing_verb_that_failed_leaves_the_act_told(
    extractor: Extractor, text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert _events(extractor, text) == expected


def test_an_act_kept_from_happening_is_still_no_incident(extractor: Extractor) -> None:
    assert _events(extractor, "Troops prevented the rebels from storming Ardo on Friday.") == []


def test_the_earlier_raid_of_wire_copy_is_the_news(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "The army said the earlier raid on the Vessa camp, carried out by the Red Hand, was "
        "repelled.",
    )
    assert [t for t, _ in events] == ["Attack"]


@pytest.mark.parametrize(
    "text",
    [
        "MORU, Dec 5 (Invented Wire) - Militants of the Red Hand killed three soldiers in an "
        "ambush near Moru on Friday. In 2024, the group killed 40 soldiers in a single attack "
        "on the same road.",
        "MORU, Dec 5 (Invented Wire) - Gunmen killed three people at a wedding in Moru on "
        "Friday. The previous attack on a wedding in the town killed nine.",
    ],
)
def test_a_past_attacks_toll_is_not_todays(extractor: Extractor, text: str) -> None:
    ((_, fatalities),) = _events(extractor, text)
    assert fatalities == 3


def test_a_toll_in_the_clause_of_a_past_attack_is_not_todays(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Gunmen attacked a bus near Moru on Friday, two months after a similar attack in "
        "October killed ten.",
    )
    assert events == [("Attack", None)]


def test_the_toll_of_todays_attack_in_a_later_sentence_stays(extractor: Extractor) -> None:
    events = _events(
        extractor,
        "Gunmen attacked a bus near Moru on Friday. Four passengers were killed, police said.",
    )
    assert events == [("Attack", 4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an "as" phrase says what the doer becomes, not what was taken
        ("Lina Oru took over as governor of Moru province on Monday.", []),
        ("Rebels took over the town of Moru on Monday.", [("ArmedClash", None)]),
    ],
)  # fmt: skip
def test_taking_over_as_an_office_takes_no_ground(
    extractor: Extractor, text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert _events(extractor, text) == expected


def test_a_habit_at_night_pins_no_day(extractor: Extractor) -> None:
    """ "at night" is a time of day, of no day in particular: the habit stays a habit."""
    text = "Militants in the delta typically strike at night and rarely claim their attacks."
    assert _events(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed the village of Tarra at dawn, killing four people.",
        "Gunmen stormed the village of Tarra last night, killing four people.",
    ],
)
def test_an_incident_at_a_time_of_day_stays(extractor: Extractor, text: str) -> None:
    assert [f for _, f in _events(extractor, text)] == [4]
