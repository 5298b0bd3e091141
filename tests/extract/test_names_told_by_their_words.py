"""Names the small NER mistypes, typed by the words around them (extract/entities/): a group
named after a river or a lake, a group whose name the NER read as a man's, the name of a
group that claims an act, a town in apposition to "the capital", a village read as a
product, a name one is "near" or "outside". Each case checks the NER's own label first, so
that the test says what the rule corrects."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> dict[str, str]:
    result = extractor.extract(ArticleInput("t", text))
    return {e.name: e.type for e in result.entities}


def _ner(extractor: Extractor, text: str, name: str) -> str:
    labels = {e.text: e.label_ for e in extractor.nlp(text).ents}
    return labels.get(name, "")


def _perpetrators(extractor: Extractor, text: str) -> list[str]:
    result = extractor.extract(ArticleInput("t", text))
    return [a.text for e in result.events for a in e.arguments if a.role == "perpetrator"]


BLACK_LAKE = (
    "Police blamed the Black Lake militia for the attack on the market, but the militia "
    "denied any role."
)


def test_a_group_named_after_a_lake_is_the_group(extractor: Extractor) -> None:
    assert _ner(extractor, BLACK_LAKE, "Black Lake") == "LOC"
    assert _types(extractor, BLACK_LAKE) == {"Black Lake militia": "ArmedGroup", "Market": "Place"}
    result = extractor.extract(ArticleInput("t", BLACK_LAKE))
    (attack,) = [e for e in result.events if e.type == "Attack"]
    claims = {(a.entity, a.certainty) for a in attack.arguments if a.role == "perpetrator"}
    assert claims == {("black-lake-militia", "alleged"), ("black-lake-militia", "denied")}


def test_the_lake_itself_stays_a_place(extractor: Extractor) -> None:
    text = "Rebels crossed the Black Lake on Monday and attacked a police post."
    assert _types(extractor, text)["Black Lake"] == "Place"


SWORD = (
    "A suicide bomber blew himself up at a checkpoint on Monday. The Islamic Sword group "
    "claimed the bombing in a statement."
)


def test_a_name_with_a_group_noun_of_its_own_is_no_person(extractor: Extractor) -> None:
    assert _ner(extractor, SWORD, "Sword") == "PERSON"
    types = _types(extractor, SWORD)
    assert "Sword" not in types
    assert types["Sword group"] == "ArmedGroup"
    assert "Sword group" in _perpetrators(extractor, SWORD)


def test_a_woman_and_her_group_of_lawyers_stay_a_woman(extractor: Extractor) -> None:
    text = "Opposition leader Marta Vell and her group of lawyers were arrested on Monday."
    assert _types(extractor, text)["Marta Vell"] == "Person"


VANGUARD = (
    "A suicide bomber blew himself up at a checkpoint on Monday. The Vanguard of Dawn "
    "claimed the attack on its website."
)


def test_who_claims_an_attack_by_name_is_a_group(extractor: Extractor) -> None:
    assert _ner(extractor, VANGUARD, "Vanguard of Dawn") == ""
    assert _types(extractor, VANGUARD)["Vanguard of Dawn"] == "ArmedGroup"
    assert "Vanguard of Dawn" in _perpetrators(extractor, VANGUARD)


@pytest.mark.parametrize(
    "text",
    [
        "The floods claimed the lives of 30 people in the province of Ardo.",
        "The Ruling Party claimed victory in the vote on Sunday.",
    ],
)
def test_claims_of_no_act_make_no_group(extractor: Extractor, text: str) -> None:
    assert "ArmedGroup" not in _types(extractor, text).values()


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        (
            "Protesters blocked roads in the capital Dorva on Saturday to demand the release "
            "of an opposition leader.",
            "Dorva",
            "ORG",
        ),
        (
            "Unknown assailants kidnapped two aid workers from a clinic in the village of "
            "Pesh late on Tuesday.",
            "Pesh",
            "PRODUCT",
        ),
        (
            "Militants attacked an army post near Olvo on Friday, killing two soldiers.",
            "Olvo",
            "ORG",
        ),
    ],
)
def test_a_town_the_ner_misreads_is_a_place(
    extractor: Extractor, text: str, name: str, label: str
) -> None:
    assert _ner(extractor, text, name) == label
    assert _types(extractor, text)[name] == "Place"
    result = extractor.extract(ArticleInput("t", text))
    assert [a.text for e in result.events for a in e.arguments if a.role == "place"] == [name]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Three lawmakers were arrested in Parliament on Friday.", "Parliament", "Organization"),
        (
            "A car bomb exploded outside the Ministry of Oil on Friday, killing two guards.",
            "Ministry of Oil",
            "Government",
        ),
    ],
)
def test_a_body_one_is_in_or_outside_keeps_its_kind(
    extractor: Extractor, text: str, name: str, kind: str
) -> None:
    assert _types(extractor, text)[name] == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A car bomb exploded outside a police station in Talmeni on Monday. The Sons of the "
            "Red Valley claimed the attack in a statement.",
            "Sons of the Red Valley",
        ),
        (
            "A bomb exploded at a market on Monday. The Iron Crescent group claimed the bombing.",
            "Iron Crescent",
        ),
    ],
)
def test_a_claimant_keeps_its_whole_name(extractor: Extractor, text: str, name: str) -> None:
    assert _types(extractor, text)[name] == "ArmedGroup"
    assert name in _perpetrators(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Dockworkers Union claimed the strike as a victory after port owners agreed to "
            "raise wages.",
            "Dockworkers Union",
        ),
        ("The Farmers Alliance claimed the protest in Dessel as a success.", "Farmers Alliance"),
    ],
)
def test_who_claims_a_strike_or_a_protest_stays_an_organisation(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _types(extractor, text)[name] == "Organization"


def test_the_source_of_a_claim_is_the_claimant_s_whole_name(extractor: Extractor) -> None:
    """extract/language/attribution.py `_noun_phrase`: a name goes on through "of" + name;
    "the governor of Kasra province" (a common noun's "of" phrase) stays "The governor"."""
    result = extractor.extract(ArticleInput("t", VANGUARD))
    sources = {a.source for e in result.events for a in e.arguments if a.role == "perpetrator"}
    assert "The Vanguard of Dawn" in sources
    text = (
        "Gunmen killed two guards in Orsk on Monday. The governor of Kasra province blamed "
        "the Black Lake militia for the attack."
    )
    result = extractor.extract(ArticleInput("t", text))
    sources = {a.source for e in result.events for a in e.arguments if a.role == "perpetrator"}
    assert "The governor" in sources
