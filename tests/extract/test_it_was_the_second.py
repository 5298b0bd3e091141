""""It was the second attempt on his life this year" says what the incident just told
was: no second incident, and an attempt made with a drone is a drone strike, targeted.
A sentence telling another attack with an ordinal stays apart. The articles are
invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, str | None, int | None]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [(e.type, e.acled, e.injuries) for e in extraction.events]


def test_it_was_the_second_attempt_is_the_strike_just_told(extractor: Extractor) -> None:
    text = (
        "A drone struck the car of district governor Ilse Varna near Tomsk Lake on Friday. "
        "She escaped unhurt, but three of her bodyguards were wounded. It was the second "
        "attempt on her life since March."
    )
    assert _events(extractor, text) == [("AirOrDroneStrike", "AIR_STRIKE", 3)]


def test_a_second_attack_told_with_its_own_clause_stays_apart(extractor: Extractor) -> None:
    """Counterexample: a second attack that is the subject of its own clause is another."""
    text = (
        "Gunmen attacked a bus near Tomsk on Friday, wounding four passengers. On Sunday a "
        "second attack hit a lorry near Ulam, wounding its driver."
    )
    assert len(_events(extractor, text)) == 2
