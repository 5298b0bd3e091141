"""Coreference in digests and round-ups (issue 15): incidents told one after another stay
apart when what follows contradicts going on with the last one.

Every article here is invented. Each behaviour has a story that must split and a
counterexample that must stay one incident: a doer presented as another ("another band of
fighters"), an act done later by doers of its own, the items of a bulleted digest.
"""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event, Extraction
from conflict_kg.extract.nlp import item_label, list_items, load_nlp

ANOTHER_BAND = (
    "Fighting spread across the valley on Thursday. In Gask, rebels attacked an army post, "
    "killing three soldiers. In the next valley, another band of fighters ambushed a supply "
    "truck and shot its driver."
)
SAME_BAND = (
    "Fighting spread across the valley on Thursday. In Gask, rebels attacked an army post, "
    "killing three soldiers. The fighters then ambushed a supply truck on the road out of the "
    "town and shot its driver."
)
LATER_RAID = (
    "Rebels attacked an army post in Gask on Monday, killing three soldiers. Police later "
    "raided a farmhouse in Gask and shot dead two men."
)
LATER_SAME_DOERS = (
    "Rebels attacked an army post in Gask on Monday, killing three soldiers. They later shot "
    "dead two villagers near the post."
)
DIGEST = (
    "REGIONAL DIGEST\n"
    "- Harnit: Riot police fired tear gas at nurses protesting unpaid wages.\n"
    "- Ovenby: Two shopkeepers were stabbed to death by masked men at a market.\n"
    "- Tamsk: Gunmen kidnapped a doctor from a clinic."
)
DIGEST_LONG_ITEM = (
    "REGIONAL DIGEST\n"
    "- Harnit: Masked men stabbed two shopkeepers to death at a market. They fled on "
    "motorbikes after the attack.\n"
    "- Tamsk: Gunmen kidnapped a doctor from a clinic."
)


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented.txt", text))


def _texts(event: Event) -> list[str]:
    return [m.text for m in event.mentions]


def _by_mentions(result: Extraction) -> list[list[str]]:
    return [_texts(e) for e in result.events]


def test_a_doer_presented_as_another_opens_another_incident(extractor: Extractor) -> None:
    """ "another band of fighters ambushed ..." after the rebels' attack is a second
    incident, though nothing else tells them apart (neither names a place entity)."""
    events = _by_mentions(_run(extractor, ANOTHER_BAND))
    assert ["attacked"] in events
    assert ["ambushed", "shot"] in events


def test_the_same_doers_going_on_stay_one_incident(extractor: Extractor) -> None:
    events = _by_mentions(_run(extractor, SAME_BAND))
    assert ["attacked", "ambushed", "shot"] in events


def test_an_act_done_later_by_other_doers_is_its_own_incident(extractor: Extractor) -> None:
    """The police raid told with "later" shares the rebels' town, not their incident."""
    result = _run(extractor, LATER_RAID)
    events = _by_mentions(result)
    assert ["attacked"] in events
    assert ["raided", "shot"] in events
    raid = next(e for e in result.events if _texts(e) == ["raided", "shot"])
    assert {a.text for a in raid.arguments if a.role == "perpetrator"} == {"Police"}


def test_an_act_done_later_by_the_same_doers_goes_on_telling_it(extractor: Extractor) -> None:
    events = _by_mentions(_run(extractor, LATER_SAME_DOERS))
    assert events == [["attacked", "shot"]]


def test_the_items_of_a_digest_are_one_incident_each(extractor: Extractor) -> None:
    """The stabbing of the second item does not join the first item's protest."""
    result = _run(extractor, DIGEST)
    assert [(e.type, _texts(e)) for e in result.events] == [
        ("Protest", ["fired", "protesting"]),
        ("Attack", ["stabbed"]),
        ("Abduction", ["kidnapped"]),
    ]


def test_an_item_told_in_two_sentences_stays_one_incident(extractor: Extractor) -> None:
    events = _by_mentions(_run(extractor, DIGEST_LONG_ITEM))
    assert events == [["stabbed", "attack"], ["kidnapped"]]


def test_list_items_and_their_labels_are_read_off_the_lines() -> None:
    doc = load_nlp()(DIGEST)
    items = list_items(doc)
    assert [item.text.split(":")[0] for item in items] == ["- Harnit", "- Ovenby", "- Tamsk"]
    assert [str(item_label(item)) for item in items] == ["Harnit", "Ovenby", "Tamsk"]


def test_one_line_opening_with_a_dash_is_no_list() -> None:
    doc = load_nlp()("Talks resumed on Monday.\n- The army said it would withdraw.\n")
    assert list_items(doc) == []


UNPLACED_TOWN = (
    "Violence flared in the north this week. In Marsk, militants attacked a police post, "
    "killing four officers. In nearby Ulbo, a gang ambushed a bus and killed two drivers."
)
UNDER_ORDERS = (
    "Violence flared in the north this week. In Marsk, militants attacked a police post, "
    "killing four officers. Under Halvor's orders, the militants ambushed a bus and killed "
    "two drivers."
)


def test_a_sentence_set_in_a_name_the_entities_left_unplaced_moves_on(
    extractor: Extractor,
) -> None:
    """ "In nearby Ulbo, ..." sets the ambush in another town, whatever type the NER gave
    the name."""
    events = _by_mentions(_run(extractor, UNPLACED_TOWN))
    assert ["attacked"] in events
    assert ["ambushed", "killed"] in events


def test_a_fronted_phrase_that_sets_no_place_moves_nothing(extractor: Extractor) -> None:
    events = _by_mentions(_run(extractor, UNDER_ORDERS))
    assert ["attacked", "ambushed", "killed"] in events


def _places(event: Event) -> set[str]:
    return {a.text for a in event.arguments if a.role == "place"}


def test_an_item_label_is_the_place_of_the_item_incident(extractor: Extractor) -> None:
    """ "- Ovenby: Two shopkeepers were stabbed ..." happened in Ovenby, an unknown name
    the NER leaves unlabelled."""
    result = _run(extractor, DIGEST)
    assert [_places(e) for e in result.events] == [{"Harnit"}, {"Ovenby", "market"}, {"Tamsk"}]
    assert {e.id: e.type for e in result.entities}["ovenby"] == "Place"


RUBRICS = (
    "WEEK IN REVIEW\n"
    "Monday: Gunmen shot dead a judge in the town of Brellin.\n"
    "Update: Masked men burned two buses overnight.\n"
    "Police: A grenade wounded three guards at a bank.\n"
)


def test_a_day_or_a_rubric_heading_an_item_is_no_place(extractor: Extractor) -> None:
    result = _run(extractor, RUBRICS)
    places = [_places(e) for e in result.events]
    assert {"Brellin"} in places
    assert not {"Monday", "Update", "Police"} & set().union(*places)
    assert {"monday", "update", "police"}.isdisjoint({e.id for e in result.entities})


CAPITAL_LABELS = (
    "DAILY ROUND-UP\n"
    "- MOSUL: A roadside bomb struck an army truck, wounding four soldiers.\n"
    "- BRELLIN: Gunmen shot dead a judge outside his home.\n"
    "- BREAKING: A grenade wounded three guards at a bank.\n"
)


def test_a_label_in_capitals_is_a_town_unless_it_is_a_word(extractor: Extractor) -> None:
    """Wire digests set their towns in capitals, which the NER cannot read: a large city
    ("MOSUL") and a name the model knows no word of ("BRELLIN") are the items' places; a
    rubric ("BREAKING") is a word, and no place."""
    result = _run(extractor, CAPITAL_LABELS)
    assert [_places(e) for e in result.events] == [{"MOSUL"}, {"BRELLIN"}, {"bank"}]
    types = {e.id: e.type for e in result.entities}
    assert (types["mosul"], types["brellin"]) == ("Place", "Place")
    assert "breaking" not in types


SAME_TOWN_TWICE = (
    "ROUND-UP\n"
    "- Osk: Gunmen attacked a police post, killing two officers.\n"
    "- Osk: A shopkeeper wounded in the same attack died in hospital.\n"
    "- Tavel: A bomb damaged a bus.\n"
)
TWO_TOWNS_ONE_ATTACK = (
    "ROUND-UP\n"
    "- Osk: Gunmen attacked a police post, killing two officers.\n"
    "- Tavel: A shopkeeper wounded in the same attack died in hospital.\n"
)


def test_an_incident_told_in_two_items_of_one_town_is_there(extractor: Extractor) -> None:
    """Two items under the same label tell one attack ("the same attack"): it happened in
    the town they share."""
    result = _run(extractor, SAME_TOWN_TWICE)
    assert [_places(e) for e in result.events] == [{"Osk"}, {"Tavel"}]
    assert {a.text for a in result.events[0].arguments if a.role == "victim"} == {
        "officers",
        "shopkeeper",
    }


def test_an_incident_told_under_two_towns_takes_neither(extractor: Extractor) -> None:
    """Items of two towns that tell one attack leave its place open rather than guess."""
    result = _run(extractor, TWO_TOWNS_ONE_ATTACK)
    assert [_places(e) for e in result.events] == [set()]
