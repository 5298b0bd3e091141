"""Frame slots read in constructions the frame reader missed (issue 16, item 2): the subject
of a present participle's adverbial clause ("pushed on, shelling the town"), the subject of
"wage" (which the tagger lemmatises "wag") as the author of the attack it governs, and the
"between" phrase of a clash noun as its sides. Sentences are invented for the test; each
rule has a near miss that must not fire."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from tests.extract.test_roles_in_more_constructions import _roles


def test_a_participle_clause_takes_the_subject_of_its_main_clause(extractor: Extractor) -> None:
    text = (
        "The army pushed into the district on Friday, shelling the Kuro Liberation Front "
        "positions."
    )
    assert ("perpetrator", "army", "Security forces") in _roles(extractor, text, "perpetrator")


def test_a_past_participle_clause_lends_no_subject_as_perpetrator(extractor: Extractor) -> None:
    # the convoy is what was attacked, not who attacked
    text = "Attacked by gunmen near the bridge, the Vendarian army convoy turned back on Friday."
    assert _roles(extractor, text, "perpetrator") == {
        ("perpetrator", "gunmen", "Unidentified gunmen")
    }


def test_whoever_wages_an_attack_is_its_perpetrator(extractor: Extractor) -> None:
    text = "The Kuro Liberation Front waged attacks on army posts in March."
    assert _roles(extractor, text, "perpetrator") == {
        ("perpetrator", "Kuro Liberation Front", "Kuro Liberation Front")
    }


def test_whoever_condemns_an_attack_is_not_its_perpetrator(extractor: Extractor) -> None:
    text = "The Kuro Liberation Front condemned the attacks on army posts in March."
    assert _roles(extractor, text, "perpetrator") == set()


def test_the_sides_of_a_clash_between_two_parties_are_participants(extractor: Extractor) -> None:
    text = (
        "Clashes between the Kuro Liberation Front and the Vendarian army killed four people "
        "on Monday."
    )
    assert _roles(extractor, text, "participant") == {
        ("participant", "Kuro Liberation Front", "Kuro Liberation Front"),
        ("participant", "army", "Security forces"),
    }


def test_a_clash_between_unnamed_villages_has_no_named_sides(extractor: Extractor) -> None:
    text = "Fighting between the two villages killed four people on Monday."
    assert _roles(extractor, text, "participant") == set()


def test_an_arrest_names_the_police_and_the_students_it_describes(extractor: Extractor) -> None:
    text = "Police arrested three students in Kuro on Monday."
    # detained people are the arrest's victims (issue 16, item 4)
    assert _roles(extractor, text, "perpetrator", "target", "victim") == {
        ("perpetrator", "Police", "Security forces"),
        ("victim", "students", "Civilians"),
    }


def test_police_seizing_drugs_are_no_party_to_a_crime_event(extractor: Extractor) -> None:
    text = "Police seized two tonnes of cocaine in Kuro on Monday."
    assert _roles(extractor, text, "perpetrator", "participant", "target") == set()


def test_a_people_named_by_their_ethnicity_is_a_target(extractor: Extractor) -> None:
    text = "The assault on Kurdish families in the north continued on Monday."
    assert _roles(extractor, text, "target") == {("target", "Kurdish families", "Kurdish families")}


def test_positions_named_by_an_ethnicity_are_no_communal_group(extractor: Extractor) -> None:
    text = "Gunmen attacked Kurdish positions in Kuro on Monday."
    assert _roles(extractor, text, "target") == set()


def test_what_an_attack_campaign_devastated_is_its_target_and_place(extractor: Extractor) -> None:
    text = "The bombing campaign devastated a hospital in Kuro."
    assert _roles(extractor, text, "target", "place") == {
        ("target", "hospital", "Hospital"),
        ("place", "Kuro", "Kuro"),
    }


def test_whom_an_attack_campaign_angered_is_no_target(extractor: Extractor) -> None:
    text = "The bombing campaign angered a hospital director in Kuro."
    assert _roles(extractor, text, "target") == set()


def test_a_minibus_attacked_is_a_target(extractor: Extractor) -> None:
    text = "Gunmen ambushed a minibus near Kuro on Monday."
    assert _roles(extractor, text, "target") == {("target", "minibus", "Minibus")}


def test_a_van_the_attackers_fled_in_is_no_target(extractor: Extractor) -> None:
    text = "Gunmen attacked a police post near Kuro on Monday and fled in a van."
    assert _roles(extractor, text, "target") == {("target", "police post", "Police post")}


def test_the_town_an_attack_noun_is_aimed_at_is_its_place(extractor: Extractor) -> None:
    text = "Rebels launched an offensive against the town of Kunduz on Monday."
    assert _roles(extractor, text, "place", "target") == {("place", "Kunduz", "Kunduz")}


def test_a_town_named_in_another_clause_is_not_the_attack_s_place(extractor: Extractor) -> None:
    text = (
        "Rebels launched an offensive against the army on Monday after talks in Kunduz "
        "collapsed."
    )
    result = extractor.extract(ArticleInput("t", text))
    offensive = next(e for e in result.events if e.trigger.text == "offensive")
    assert [a.text for a in offensive.arguments if a.role == "place"] == []
