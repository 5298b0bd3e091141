"""Readings in which an attack word reports no incident (2026-12-07): a habit told
through an aspect verb in a relative clause ("bandits who continue to ambush traders"), an
item of a bulleted list run into the sentence of its heading, and an attack word that is
part of a weapon's name ("assault rifles") or classifies a unit ("assault troops"). Every
article here is invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _events(extraction: Extraction) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in extraction.events]


def _background(extraction: Extraction) -> list[tuple[str, str]]:
    return [(m.text, m.reason) for m in extraction.nonspecific]


def test_a_habit_told_through_an_aspect_verb_is_no_incident(extractor: Extractor) -> None:
    text = "The hills east of Orvel are full of bandits who continue to ambush traders."
    result = _run(extractor, text)
    assert _events(result) == []
    assert ("ambush", "habitual") in _background(result)


def test_an_incident_told_in_a_relative_clause_stays(extractor: Extractor) -> None:
    text = "Bandits who ambushed traders near Orvel on Monday killed two drivers."
    assert ("Attack", "ambushed") in _events(_run(extractor, text))


def test_an_ongoing_incident_in_a_main_clause_stays(extractor: Extractor) -> None:
    text = "Government troops continue to shell the rebel-held town of Osk, medics said on Monday."
    assert [t for t, _ in _events(_run(extractor, text))] == ["Shelling"]


def test_a_habit_through_keep_and_a_gerund_is_no_incident(extractor: Extractor) -> None:
    text = "Farmers in Orvel say gunmen who keep raiding their farms are never caught."
    result = _run(extractor, text)
    assert _events(result) == []
    assert ("raiding", "habitual") in _background(result)


def test_a_run_together_see_also_list_names_no_incident(extractor: Extractor) -> None:
    text = (
        "Aid arrived. See * Orvel Police Office of Special Investigations * Orvel Security "
        "Forces * 2009 Orvel Airfield bombing * 2012 Orvel Airfield bombing"
    )
    assert _events(_run(extractor, text)) == []


def test_a_bulleted_report_with_a_verb_stays(extractor: Extractor) -> None:
    text = "Orvel latest: * Militants bombed the ferry terminal in Orvel on Friday"
    assert ("Bombing", "bombed") in _events(_run(extractor, text))


def test_an_attack_word_in_a_weapon_name_is_no_event(extractor: Extractor) -> None:
    text = "Customs officers in Orvel seized forty assault rifles on Tuesday."
    result = _run(extractor, text)
    assert [t for t, _ in _events(result)] == ["DisruptedWeaponsUse"]


def test_an_assault_with_rifles_stays(extractor: Extractor) -> None:
    text = "Rebels launched an assault on the army base in Orvel on Tuesday, killing four soldiers."
    assert ("ArmedClash", "assault") in _events(_run(extractor, text))


def test_an_event_noun_naming_a_kind_of_unit_is_no_incident(extractor: Extractor) -> None:
    text = "Police in Orvel said assault troops were posted near the prison on Tuesday."
    result = _run(extractor, text)
    assert [t for t, _ in _events(result)] == []
    assert ("assault", "generic") in _background(result)


def test_attack_victims_still_tell_the_attack(extractor: Extractor) -> None:
    text = "Attack victims in Orvel were taken to hospital on Tuesday."
    assert [t for t, _ in _events(_run(extractor, text))] == ["Attack"]
