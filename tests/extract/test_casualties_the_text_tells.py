"""Casualties as the text tells them (issue 16): a coordinated or "without" noun of harm is
a zero, while a toll not yet known is none; one named person killed is one death, one
shot and wounded one injury, and a victim's naming participle ("the man, identified as X",
"a trader named X") gives the victim's name. The articles are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Event, Extractor

SHELLING = "Insurgents shelled the hill town of Borvek on Friday, district officials said."
RAID = "Gunmen stormed the customs post at Lenta on Sunday."


def _event(extractor: Extractor, text: str, kind: str) -> Event:
    extraction = extractor.extract(ArticleInput("invented", text))
    (event,) = [e for e in extraction.events if e.type == kind]
    return event


@pytest.mark.parametrize(
    "sentence",
    [
        "No injuries or deaths were reported by the clinic.",
        "The town was shelled without casualties.",
    ],
)
def test_coordinated_or_without_nouns_of_harm_are_zero(
    extractor: Extractor, sentence: str
) -> None:
    event = _event(extractor, f"{SHELLING} {sentence}", "Shelling")
    assert (event.fatalities, event.injuries) == (0, 0)


@pytest.mark.parametrize(
    "sentence",
    [
        "There were no immediate reports of casualties.",
        "No figures for the dead were given.",
    ],
)
def test_an_unknown_toll_is_no_zero(extractor: Extractor, sentence: str) -> None:
    """Counterexample: "no reports of casualties" says the toll is not known yet."""
    event = _event(extractor, f"{SHELLING} {sentence}", "Shelling")
    assert (event.fatalities, event.injuries) == (None, None)


@pytest.mark.parametrize(
    "sentence",
    ["Judge Ilsa Marrow was shot dead.", "The gunmen killed Oden Pask, a clerk."],
)
def test_one_named_person_killed_is_one_death(extractor: Extractor, sentence: str) -> None:
    event = _event(extractor, f"{RAID} {sentence}", "Attack")
    assert (event.fatalities, event.fatalities_reported) == (1, True)


def test_a_named_person_shot_and_wounded_is_one_injury(extractor: Extractor) -> None:
    """Counterexample: the man survived; he is an injury, and nobody died."""
    event = _event(extractor, f"{RAID} Judge Ilsa Marrow was shot and wounded.", "Attack")
    assert (event.fatalities, event.injuries) == (None, 1)


def _victims(extractor: Extractor, text: str) -> list[str]:
    event = _event(extractor, text, "Attack")
    return sorted(a.text for a in event.arguments if a.role == "victim")


@pytest.mark.parametrize(
    "sentence",
    [
        "The man, identified as Oden Pask, was killed in the raid.",
        "The victim, a porter named Oden Pask, was killed in the raid.",
    ],
)
def test_a_victim_named_by_a_participle_is_the_named_person(
    extractor: Extractor, sentence: str
) -> None:
    assert _victims(extractor, f"{RAID} {sentence}") == ["Oden Pask"]


def test_a_victim_that_names_someone_else_stays_described(extractor: Extractor) -> None:
    """Counterexample: the porter identified the gunmen; he names them, not himself."""
    sentence = "A porter, who identified the gunmen as Oden Pask's men, was killed in the raid."
    assert "Oden Pask" not in _victims(extractor, f"{RAID} {sentence}")


LYNCHING = "A mob beat a man to death in the river town of Kesh on Friday, witnesses said."


def _riot_victims(extractor: Extractor, text: str) -> list[str]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return sorted(a.text for e in extraction.events for a in e.arguments if a.role == "victim")


def test_the_harmed_man_named_later_is_the_victim(extractor: Extractor) -> None:
    later = "The man, identified as Oden Pask, 41, was pulled from a bus."
    assert "Oden Pask" in _riot_victims(extractor, f"{LYNCHING} {later}")


def test_the_man_who_harmed_named_later_is_no_victim(extractor: Extractor) -> None:
    """Counterexample: the man named later is the one who did the shooting."""
    text = (
        "A man shot dead a guard in the river town of Kesh on Friday, witnesses said. "
        "The man, identified as Oden Pask, fled on foot."
    )
    assert "Oden Pask" not in _riot_victims(extractor, text)


def test_an_open_question_of_harm_reports_none(extractor: Extractor) -> None:
    event = _event(extractor, f"{SHELLING} It was not clear whether anyone was hurt.", "Shelling")
    assert (event.injuries, event.injuries_reported) == (None, False)


def test_a_harm_told_after_the_question_is_reported(extractor: Extractor) -> None:
    """Counterexample: the harm is told; only its count is asked."""
    sentence = "Several people were hurt, but it was not clear how many."
    event = _event(extractor, f"{SHELLING} {sentence}", "Shelling")
    assert (event.injuries, event.injuries_reported) == (None, True)


def test_a_noun_a_name_gives_is_one_death(extractor: Extractor) -> None:
    sentence = "The victim, a porter named Oden Pask, died in hospital."
    event = _event(extractor, f"{RAID} {sentence}", "Attack")
    assert (event.fatalities, event.fatalities_reported) == (1, True)


def test_a_family_a_name_gives_is_no_count(extractor: Extractor) -> None:
    """Counterexample: a family named by its surname is more than one person."""
    sentence = "The family, named as the Pasks, was killed in the raid."
    event = _event(extractor, f"{RAID} {sentence}", "Attack")
    assert (event.fatalities, event.fatalities_reported) == (None, True)


@pytest.mark.parametrize(
    ("sentence", "field"),
    [
        ("No casualty was reported by the clinic.", "fatalities"),
        ("No wounded were seen.", "injuries"),
    ],
)
def test_a_singular_or_nominal_harm_word_under_no_is_zero(
    extractor: Extractor, sentence: str, field: str
) -> None:
    event = _event(extractor, f"{SHELLING} {sentence}", "Shelling")
    assert getattr(event, field) == 0


def test_no_reports_of_deaths_is_an_unknown_toll(extractor: Extractor) -> None:
    """Counterexample: a negated report of deaths tells neither none nor some."""
    sentence = "There were no immediate reports of deaths."
    event = _event(extractor, f"{SHELLING} {sentence}", "Shelling")
    assert (event.fatalities, event.fatalities_reported) == (None, False)
