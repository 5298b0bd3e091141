"""Issue 16, "roles that match what happened": the person an assassination killed, or a
shooting hit ("was shot"), is its victim besides its target, and an assassination reports
a death with no invented number; the person an attempt was aimed at (an "assassination
attempt", "tried to assassinate", "a failed assassination", "a plot to assassinate") or
shot at lived, and is its target only (extract/data/frames.jsonl, "harmed";
extract/language/modality.py; extract/roles/roles.py; extract/roles/casualties.py).
Sentences are written for the test, about invented people and places."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.language import attempted


def _people(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    result = extractor.extract(ArticleInput("t", text))
    return sorted(
        (a.role, a.text)
        for e in result.events
        for a in e.arguments
        if a.role in ("victim", "target")
    )


def _deaths(extractor: Extractor, text: str) -> list[tuple[int | None, bool]]:
    result = extractor.extract(ArticleInput("t", text))
    return [(e.fatalities, e.fatalities_reported) for e in result.events]


def test_the_assassinated_mayor_is_a_victim(extractor: Extractor) -> None:
    text = "Gunmen assassinated the mayor of Velmora, Tomas Brenn, on Monday in Dastel."
    assert _people(extractor, text) == [("target", "Tomas Brenn"), ("victim", "Tomas Brenn")]


def test_the_mayor_they_tried_to_assassinate_is_a_target(extractor: Extractor) -> None:
    text = "Gunmen tried to assassinate the mayor of Velmora, Tomas Brenn, on Monday in Dastel."
    assert _people(extractor, text) == [("target", "Tomas Brenn")]


def test_the_of_phrase_of_an_assassination_is_its_victim(extractor: Extractor) -> None:
    text = (
        "Police said the assassination of Judge Ilsa Marrow in Korvath on Friday was "
        "carried out by the Red Hand Front."
    )
    assert _people(extractor, text) == [
        ("target", "Judge Ilsa Marrow"),
        ("victim", "Judge Ilsa Marrow"),
    ]


def test_the_of_phrase_of_a_failed_assassination_is_its_target(extractor: Extractor) -> None:
    text = (
        "Police said a failed assassination of Judge Ilsa Marrow in Korvath on Friday was "
        "carried out by the Red Hand Front."
    )
    assert _people(extractor, text) == [("target", "Judge Ilsa Marrow")]


def test_an_assassination_attempt_keeps_its_target(extractor: Extractor) -> None:
    text = "Governor Pell Arvane survived an assassination attempt in Korvath on Friday."
    assert _people(extractor, text) == [("target", "Governor Pell Arvane")]


def test_an_assassination_reports_a_death(extractor: Extractor) -> None:
    """The one named man assassinated is one death (a count since 2026-12-07; the sentence
    gives no number, but it names one person)."""
    text = "Gunmen assassinated the mayor of Velmora, Tomas Brenn, on Monday in Dastel."
    assert _deaths(extractor, text) == [(1, True)]


def test_an_attempt_reports_no_death(extractor: Extractor) -> None:
    text = "Gunmen tried to assassinate the mayor of Velmora, Tomas Brenn, on Monday in Dastel."
    assert _deaths(extractor, text) == [(None, False)]


def test_a_person_who_was_shot_is_a_victim(extractor: Extractor) -> None:
    text = "Judge Ilsa Marrow was shot by gunmen of the Red Hand Front in Korvath on Friday."
    assert _people(extractor, text) == [
        ("target", "Judge Ilsa Marrow"),
        ("victim", "Judge Ilsa Marrow"),
    ]


def test_what_was_shot_at_is_only_a_target(extractor: Extractor) -> None:
    text = "The convoy of Judge Ilsa Marrow was shot at by gunmen in Korvath on Friday."
    assert _people(extractor, text) == [("target", "Judge Ilsa Marrow")]
    text = "Judge Ilsa Marrow was nearly shot by gunmen in Korvath on Friday."
    assert _people(extractor, text) == [("target", "Judge Ilsa Marrow")]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("They tried to assassinate the judge.", "assassinate", True),
        ("They plotted to assassinate the judge.", "assassinate", True),
        ("It was a plot to assassinate the judge.", "assassinate", True),
        ("The judge was nearly assassinated.", "assassinated", True),
        ("Police foiled the assassination of the judge.", "assassination", True),
        ("The assassination plot against the judge was uncovered.", "assassination", True),
        ("They assassinated the judge.", "assassinated", False),
        ("They went to the court to assassinate the judge.", "assassinate", False),
        ("Police investigated the assassination of the judge.", "assassination", False),
    ],
)
def test_attempted_is_read_off_the_parse(
    extractor: Extractor, text: str, word: str, expected: bool
) -> None:
    doc = extractor.nlp(text)
    (token,) = [t for t in doc if t.text == word]
    assert attempted(token) is expected
