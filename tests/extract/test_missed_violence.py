"""Violence told without the usual attack words: ground that falls to a side, property
burnt or destroyed, people taken away, protesters beaten, marches with a demand; each with
an invented counterexample in the same words that reports nothing of the kind."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event
from conflict_kg.extract.nlp.pipeline import load_nlp
from conflict_kg.extract.nlp.verb_triggers import prefixed_irregular_forms


def _events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(ArticleInput("t", text)).events


def _typed(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.acled) for e in _events(extractor, text)]


def _role(event: Event, role: str) -> list[str]:
    return [a.text for a in event.arguments if a.role == role]


# Territory ---------------------------------------------------------------------------------


def test_a_town_falling_to_rebels_is_ground_taken_by_a_non_state_side(
    extractor: Extractor,
) -> None:
    text = (
        "MOSSA, Tuesday (Wire) - The market town of Hadal fell to the rebels on Tuesday "
        "after two days of fighting, residents said by telephone."
    )
    (event,) = _events(extractor, text)
    assert (event.type, event.acled) == ("ArmedClash", "NON_STATE_ACTOR_OVERTAKES_TER")
    assert _role(event, "perpetrator") == ["rebels"]


def test_a_district_captured_by_a_front_in_the_passive(extractor: Extractor) -> None:
    text = "The district of Umbo was captured by the Southern Liberation Front on Monday."
    (event,) = _events(extractor, text)
    assert (event.type, event.acled) == ("ArmedClash", "NON_STATE_ACTOR_OVERTAKES_TER")
    assert _role(event, "perpetrator") == ["Southern Liberation Front"]


def test_a_village_overrun_in_the_passive(extractor: Extractor) -> None:
    text = "The village was overrun by the militia overnight, a local official said."
    assert _typed(extractor, text) == [("ArmedClash", "NON_STATE_ACTOR_OVERTAKES_TER")]


def test_troops_that_retook_a_village_regain_ground_for_the_government(
    extractor: Extractor,
) -> None:
    text = (
        "Government troops retook the village of Sarwe on Sunday, the army said in a "
        "statement."
    )
    (event,) = _events(extractor, text)
    assert (event.type, event.acled) == ("ArmedClash", "GOV_REGAINS_TERIT")
    assert _role(event, "perpetrator") == ["troops"]


def test_a_village_retaken_in_the_passive(extractor: Extractor) -> None:
    text = "The village of Sarwe was retaken by troops on Sunday."
    assert _typed(extractor, text) == [("ArmedClash", "GOV_REGAINS_TERIT")]


def test_markets_and_shares_that_fall_take_no_ground(extractor: Extractor) -> None:
    assert _events(extractor, "The stock market fell to its lowest level in a year.") == []
    assert _events(extractor, "The company's shares fell to the lowest level since March.") == []
    assert _events(extractor, "The home team captured the title on Sunday.") == []


# Property ----------------------------------------------------------------------------------


def test_militants_destroying_houses_is_destruction_of_property(extractor: Extractor) -> None:
    text = (
        "Militants destroyed dozens of houses in the village of Lamu on Friday, the county "
        "commissioner said."
    )
    assert _typed(extractor, text) == [("Riot", "PROPERTY_DISTRUCT")]


def test_houses_burned_by_a_militia_in_the_passive(extractor: Extractor) -> None:
    text = "Houses and shops were burned by the militia in the village of Tor on Monday."
    assert _typed(extractor, text) == [("Riot", "PROPERTY_DISTRUCT")]


def test_gunmen_burning_shops(extractor: Extractor) -> None:
    text = "Gunmen burned shops and a church in Kiri village late on Saturday."
    assert _typed(extractor, text) == [("Riot", "PROPERTY_DISTRUCT")]


def test_figurative_burning_and_destroying_is_no_destruction(extractor: Extractor) -> None:
    assert _events(extractor, "The students burned the midnight oil before the exams.") == []
    assert _events(extractor, "The senator destroyed the opposition in the debate.") == []
    assert _events(extractor, "Workers destroyed the old records to save space.") == []


def test_homes_destroyed_by_an_airstrike_stay_the_airstrike(extractor: Extractor) -> None:
    text = "The airstrike destroyed several homes in the town of Bira."
    assert _typed(extractor, text) == [("AirOrDroneStrike", "AIR_STRIKE")]


# Abduction ---------------------------------------------------------------------------------


def test_men_taken_by_armed_men_are_abducted(extractor: Extractor) -> None:
    text = (
        "Three traders disappeared after being taken by armed men near Oma on Saturday, "
        "their families said."
    )
    (event,) = _events(extractor, text)
    assert (event.type, event.acled) == ("Abduction", "ABDUCT_DISSAP")
    assert _role(event, "perpetrator") == ["armed men"]


def test_gunmen_seizing_aid_workers(extractor: Extractor) -> None:
    text = "Gunmen seized two aid workers on the road to Bura on Monday."
    (event,) = _events(extractor, text)
    assert (event.type, event.acled) == ("Abduction", "ABDUCT_DISSAP")
    assert _role(event, "victim") == ["two aid workers"]


def test_taking_things_or_people_without_arms_is_no_abduction(extractor: Extractor) -> None:
    assert _events(extractor, "The rebels took the weapons from the depot.") == []
    assert _events(extractor, "The family took the children to school on Monday.") == []


# Force against protesters, and marches -----------------------------------------------------


def test_soldiers_beating_protesters_is_excessive_force(extractor: Extractor) -> None:
    text = "Soldiers beat protesters in the main square of Tamsa on Wednesday, witnesses said."
    assert set(_typed(extractor, text)) == {("Protest", "FORCE_AGAINST_PROTEST")}


def test_police_firing_tear_gas_at_demonstrators_is_an_intervention(
    extractor: Extractor,
) -> None:
    text = "Police fired tear gas at demonstrators outside parliament on Thursday."
    assert set(_typed(extractor, text)) == {("Protest", "PROTEST_WITH_INTER")}


def test_sides_that_beat_each_other_at_sport_are_no_attack(extractor: Extractor) -> None:
    assert _events(extractor, "City beat United 2-1 on Saturday.") == []


def test_teachers_marching_to_demand_their_pay_protest(extractor: Extractor) -> None:
    text = "Teachers marched through the capital on Monday to demand their pay."
    assert _typed(extractor, text) == [("Protest", "PEACE_PROTEST")]
    text = "Thousands of nurses marched in protest at the closure of the hospital."
    assert _typed(extractor, text) == [("Protest", "PEACE_PROTEST")]


def test_a_counted_crowd_marching_protests(extractor: Extractor) -> None:
    # a crowd counted in thousands is on the street to be seen, whatever the text says of why
    assert _typed(extractor, "Thousands marched in Vellor on Monday.") == [
        ("Protest", "PEACE_PROTEST")
    ]


def test_a_counted_force_or_travellers_marching_is_no_protest(extractor: Extractor) -> None:
    assert _events(extractor, "Thousands of soldiers marched into the border town.") == []
    text = "Hundreds of pilgrims marched to the shrine at Kessel for the annual feast."
    assert _events(extractor, text) == []


def test_marches_without_a_cause_are_no_protest(extractor: Extractor) -> None:
    assert _events(extractor, "The team marched into the final after a 3-0 win.") == []
    assert _events(extractor, "The band marched through the streets during the parade.") == []
    assert _events(extractor, "Troops marched into the border town on Sunday.") == []


def test_people_captured_near_a_town_are_no_ground_taken(extractor: Extractor) -> None:
    text = "Gunmen seized two aid workers on the road to Bura on Monday."
    assert _typed(extractor, text) == [("Abduction", "ABDUCT_DISSAP")]


def test_an_armoured_vehicle_destroyed_in_combat_is_no_property(extractor: Extractor) -> None:
    text = "Our forces destroyed one armoured vehicle and damaged another near the bridge."
    assert ("Riot", "PROPERTY_DISTRUCT") not in _typed(extractor, text)


def test_irregular_forms_of_prefixed_verbs_get_their_lemma() -> None:
    exceptions = {"took": ["take"], "taken": ["take"], "takes": ["take"], "ran": ["run"]}
    forms = prefixed_irregular_forms(["retake", "overrun", "attack"], exceptions)
    assert forms == {"retook": "retake", "retaken": "retake", "overran": "overrun"}


def test_retook_is_read_as_the_past_of_retake() -> None:
    doc = load_nlp()("Government troops retook the village on Sunday.")
    retook = doc[2]
    assert (retook.lemma_, retook.tag_) == ("retake", "VBD")


def test_homes_burnt_by_militiamen_who_deny_it_stay_one_destruction(
    extractor: Extractor,
) -> None:
    text = (
        "Militiamen burned dozens of homes in the village of Koro on Saturday, residents "
        "said. The militia denied burning the homes and blamed bandits."
    )
    assert _typed(extractor, text) == [("Riot", "PROPERTY_DISTRUCT")]


def test_a_town_a_side_says_it_captured_in_a_dateline_story(extractor: Extractor) -> None:
    text = (
        "KADU, March 3 (Wire) - Rebels said on Monday they had captured the town of Wasi "
        "after a week of fighting. The army said its troops still held the town."
    )
    (event,) = _events(extractor, text)
    assert (event.type, event.acled) == ("ArmedClash", "NON_STATE_ACTOR_OVERTAKES_TER")
    assert _role(event, "place") == ["Wasi"]
