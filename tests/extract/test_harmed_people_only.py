"""A frame's "harmed" slot makes someone hit a victim as well as the target, but only
someone: a car or a vehicle that was shot stays a target (extract/roles/roles.py
`_someone`); a preposition is stranded only when nothing hangs on it ("was murdered after
returning" keeps its victim); a finite verb coordinated after a complement of trying was
done ("sought to storm the town and killed twelve"). Invented texts."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _roles(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    result = extractor.extract(ArticleInput("t", text))
    return {(a.role, a.text) for e in result.events for a in e.arguments}


def test_a_shot_person_is_a_victim(extractor: Extractor) -> None:
    roles = _roles(extractor, "Three villagers were shot by gunmen in Oskel on Monday.")
    assert ("victim", "villagers") in roles


def test_a_shot_vehicle_is_no_victim(extractor: Extractor) -> None:
    """Counterexample: a thing hit is a target, never a victim."""
    roles = _roles(extractor, "A police vehicle was shot up by gunmen in Oskel on Monday.")
    assert not {r for r in roles if r[0] == "victim"}


def test_a_preposition_with_its_clause_is_not_stranded(extractor: Extractor) -> None:
    roles = _roles(
        extractor, "Imre Valko was murdered after returning from prayers in Oskel on Tuesday."
    )
    assert ("victim", "Imre Valko") in roles


def test_a_finite_verb_after_a_complement_of_trying_was_done(extractor: Extractor) -> None:
    result = extractor.extract(
        ArticleInput(
            "t",
            "The militants sought to storm the town of Oskel on Tuesday and killed 12 villagers.",
        )
    )
    assert [e.fatalities for e in result.events] == [12]


def test_a_past_killing_in_the_sentence_adds_no_death(extractor: Extractor) -> None:
    """An event word that tells no incident (here a looked-back assassination) counts no
    casualties for the sentence's incident."""
    result = extractor.extract(
        ArticleInput(
            "t",
            "Gunmen attacked a police post in Oskel on Tuesday, wounding two officers, on the "
            "anniversary of the assassination of Imre Valko.",
        )
    )
    assert [(e.fatalities, e.fatalities_reported, e.injuries) for e in result.events] == [
        (None, False, 2)
    ]


def test_a_person_someone_tried_to_kill_is_a_target(extractor: Extractor) -> None:
    result = extractor.extract(
        ArticleInput(
            "t", "Militants tried to kill Imre Valko in a bomb attack in Oskel on Tuesday."
        )
    )
    roles = {(a.role, a.text) for e in result.events for a in e.arguments}
    assert ("target", "Imre Valko") in roles
    assert ("victim", "Imre Valko") not in roles


def test_a_foiled_plot_kills_nobody(extractor: Extractor) -> None:
    result = extractor.extract(
        ArticleInput(
            "t", "Security forces foiled a plot to assassinate the governor of Oskel on Tuesday."
        )
    )
    assert not [a for e in result.events for a in e.arguments if a.role == "victim"]
    assert not [e for e in result.events if e.fatalities_reported]


def test_a_person_someone_killed_in_the_attack_is_a_victim(extractor: Extractor) -> None:
    """Counterexample: without the trying verb, the same clause harms."""
    result = extractor.extract(
        ArticleInput("t", "Militants killed Imre Valko in a bomb attack in Oskel on Tuesday.")
    )
    roles = {(a.role, a.text) for e in result.events for a in e.arguments}
    assert ("victim", "Imre Valko") in roles
