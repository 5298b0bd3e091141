"""Acts the frames missed and one they read wrongly (issue 15 item 3, issue 16 item 1): an
agentless passive killing of people in an article that names armed actors is a violent
death; a plural armed subject fighting "each other" or "for" something is a clash; a
vehicle driven into people is an attack; travelling is no meeting. Each with a
counterexample. Every text here is invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, int | None]]:
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    return [(e.type, e.fatalities) for e in extraction.events]


def test_agentless_killing_in_an_article_of_armed_actors_is_an_attack(
    extractor: Extractor,
) -> None:
    text = (
        "Three herders were killed near Ostrava-Vel on Friday, local officials said. The "
        "army has deployed troops and police in the district."
    )
    assert _events(extractor, text) == [("Attack", 3)]


def test_agentless_killing_in_a_road_accident_is_no_attack(extractor: Extractor) -> None:
    text = (
        "Three herders were killed near Ostrava-Vel on Friday when their truck overturned "
        "on a mountain road. Soldiers helped clear the road."
    )
    assert _events(extractor, text) == []


def test_agentless_killing_with_no_armed_actor_in_the_article_is_left(
    extractor: Extractor,
) -> None:
    text = "Four farmers were killed in Bemlo village on Sunday, the district chief said."
    assert _events(extractor, text) == []


def test_plural_armed_sides_fighting_each_other_is_a_clash(extractor: Extractor) -> None:
    text = "Rival armed groups fought each other near Lisk on Tuesday, leaving nine dead."
    assert _events(extractor, text) == [("ArmedClash", 9)]


def test_armed_sides_fighting_for_a_mine_is_a_clash(extractor: Extractor) -> None:
    text = "Two militias fought for control of the copper quarry near Lisk, leaving 11 dead."
    assert _events(extractor, text) == [("ArmedClash", 11)]


def test_people_fighting_over_land_is_no_clash(extractor: Extractor) -> None:
    text = "The two brothers fought over their father's land in Lisk for years."
    assert _events(extractor, text) == []


def test_vehicle_driven_into_people_is_an_attack(extractor: Extractor) -> None:
    text = "A man ploughed his van into a crowd of shoppers in Merrow, killing four people."
    assert _events(extractor, text) == [("Attack", 4)]


def test_vehicle_driven_into_a_wall_is_no_attack(extractor: Extractor) -> None:
    text = "A man ploughed his van into a garden wall in Merrow on Sunday night."
    assert _events(extractor, text) == []


def test_travelling_is_no_meeting(extractor: Extractor) -> None:
    text = "Two ministers travelled to Qorin on Monday. A bus travelling near Qorin was late."
    assert _events(extractor, text) == []


def test_a_visit_is_still_a_meeting(extractor: Extractor) -> None:
    text = "Two ministers visited Qorin on Monday and met the governor."
    assert [t for t, _ in _events(extractor, text)] == ["Meeting"]


def test_a_vehicle_that_overturned_and_exploded_is_an_accident(extractor: Extractor) -> None:
    text = (
        "A tanker carrying fuel overturned and exploded on the highway near Dunmere on "
        "Thursday, killing six people."
    )
    assert [t for t, _ in _events(extractor, text)] == ["Accident"]


def test_a_car_bomb_that_exploded_is_still_a_bombing(extractor: Extractor) -> None:
    text = "A car packed with explosives exploded near a market in Dunmere, killing six people."
    assert _events(extractor, text) == [("Bombing", 6)]


def test_travelling_to_meet_is_the_meeting_and_gives_its_place(extractor: Extractor) -> None:
    text = (
        "The commander of the Sable Guard travelled to Qorin on Sunday to meet with tribal "
        "leaders and urge calm."
    )
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    (meeting,) = extraction.events
    assert meeting.type == "Meeting"
    assert [a.text for a in meeting.arguments if a.role == "place"] == ["Qorin"]


def test_a_car_driven_into_a_basement_hits_no_one(extractor: Extractor) -> None:
    text = "Two men drove a car into the basement of the town hall in Merrow on Sunday."
    assert _events(extractor, text) == []
