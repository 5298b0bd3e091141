""""With at least 20 dead" counts its dead (extract/roles/casualties.py), and an incident
months or years before ("ten years after the massacre") is one the article looks back on
(extract/events/specificity.py `_years_after`). The articles are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extraction, Extractor


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def test_a_count_of_dead_with_the_fighting_is_its_toll(extractor: Extractor) -> None:
    text = (
        "Fighting between the army and rebels near Holm entered its third day on Thursday, "
        "with at least 20 dead on both sides, residents said."
    )
    assert [(e.type, e.fatalities) for e in _run(extractor, text).events] == [("ArmedClash", 20)]


def test_a_massacre_years_before_is_looked_back_on(extractor: Extractor) -> None:
    text = (
        "Ten years after the massacre that left 40 dead, survivors gathered in Holm on Monday "
        "to remember the victims."
    )
    result = _run(extractor, text)
    assert result.events == []
    assert [(n.text, n.reason) for n in result.nonspecific] == [("massacre", "background")]


def test_an_incident_days_before_is_still_the_news(extractor: Extractor) -> None:
    """Counterexample: a follow-up two days on still tells the bombing."""
    text = "Two days after the bombing in Holm, police arrested three men."
    assert [e.type for e in _run(extractor, text).events] == ["Bombing", "Arrest"]


def test_a_count_the_wounded_hang_on_is_theirs(extractor: Extractor) -> None:
    """"12 wounded" after "left one man dead and": the parser hangs "wounded" on the
    number itself, which is the count (extract/roles/casualties.py `_own_number`)."""
    text = "The shooting left one man dead and 12 wounded in Holm on Monday."
    assert [(e.fatalities, e.injuries) for e in _run(extractor, text).events] == [(1, 12)]


def test_wounded_counted_in_a_look_back_are_no_toll(extractor: Extractor) -> None:
    """Counterexample: last year's wounded are no count of today's."""
    text = "Of the 12 wounded in last year's attack in Holm, two have died, officials said."
    assert [(e.fatalities, e.injuries) for e in _run(extractor, text).events] == []


def test_no_one_dead_counts_nobody(extractor: Extractor) -> None:
    text = "The clashes in Holm ended with dozens arrested but no one dead, officials said."
    fatalities = [e.fatalities for e in _run(extractor, text).events if e.type == "ArmedClash"]
    assert fatalities in ([None], [0])
