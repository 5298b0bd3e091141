"""Who the sides of a clash are (ACLED's codebook): an armed clash needs an armed opponent
named in what tells the incident, not in who reports or alleges it, so a bus or a hamlet
attacked by gunmen "police said" is no clash; a clan fighting another is a side of the
clash. Sentences are invented for the test; each rule has a counterexample that must keep
its type."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    extraction = extractor.extract(ArticleInput("story.txt", text))
    return [(e.type, e.acled) for e in extraction.events if e.type != "ClaimOfResponsibility"]


def _participants(extractor: Extractor, text: str) -> set[str]:
    extraction = extractor.extract(ArticleInput("story.txt", text))
    names = {e.id: e.name for e in extraction.entities}
    return {
        names[a.entity] for e in extraction.events for a in e.arguments if a.role == "participant"
    }


def test_the_accuser_of_an_attack_on_a_clinic_is_no_side(extractor: Extractor) -> None:
    text = (
        "The army accused the Ostrel Hill Brigade of attacking a maternity clinic in "
        "Vashmoor on Saturday night."
    )
    assert _types(extractor, text) == [("Attack", "ATTACK")]


def test_a_bus_attacked_by_gunmen_police_said_is_no_clash(extractor: Extractor) -> None:
    text = (
        "LURKA, March 3 - Gunmen attacked a minibus on the road to Pemmet on Tuesday, "
        "police said."
    )
    assert _types(extractor, text) == [("Attack", "ATTACK")]


def test_who_reports_an_attack_on_a_hamlet_is_no_side(extractor: Extractor) -> None:
    text = "Gunmen attacked a hamlet outside Pemmet late on Tuesday, police said."
    assert _types(extractor, text) == [("Attack", "ATTACK")]


def test_a_raid_on_an_army_post_stays_a_clash(extractor: Extractor) -> None:
    text = "Gunmen raided an army post outside Pemmet late on Tuesday, police said."
    assert _types(extractor, text) == [("ArmedClash", "ARMED_CLASH")]


def test_soldiers_ambushed_by_rebels_stay_a_clash(extractor: Extractor) -> None:
    text = "Rebels ambushed soldiers near Pemmet on Tuesday, killing four, the army said."
    assert _types(extractor, text) == [("ArmedClash", "ARMED_CLASH")]


def test_troops_killing_militants_stay_a_clash(extractor: Extractor) -> None:
    text = "Troops killed eleven militants in the hills above Pemmet on Tuesday, the army said."
    assert _types(extractor, text) == [("ArmedClash", "ARMED_CLASH")]


def test_a_clan_fighting_another_is_a_participant(extractor: Extractor) -> None:
    text = (
        "Fighters of the Oskari clan clashed with a militia of the Belvane clan near Tullow "
        "on Tuesday, killing nine."
    )
    assert "Oskari" in _participants(extractor, text)


def test_protesters_scuffling_with_police_are_no_side(extractor: Extractor) -> None:
    text = "Protesters clashed with police in Tullow on Tuesday."
    assert _participants(extractor, text) == set()

