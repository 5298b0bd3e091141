"""Two counted groups killed together are both counted, even where the parser gives the verb
two subjects instead of one coordinated phrase (extract/roles/casualties.py,
`casualty_clauses`)."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _fatalities(extractor: Extractor, text: str) -> list[int | None]:
    extraction = extractor.extract(ArticleInput(source="t.txt", text=text))
    return [e.fatalities for e in extraction.events]


def test_both_groups_killed_in_the_fighting_are_counted(extractor: Extractor) -> None:
    text = (
        "Loyalist forces regained the river port of Azmar on Monday after two days of fighting "
        "in which forty insurgents and six soldiers were killed, officials said."
    )
    assert _fatalities(extractor, text) == [46]


def test_the_doers_count_is_not_added_to_the_dead(extractor: Extractor) -> None:
    assert _fatalities(extractor, "Two gunmen killed three herders near Osk on Tuesday.") == [3]
