"""A killing done by a mob is told by its verb, with its victim and doer, as mob violence.

"Was beaten to death by a mob": the noun "mob" is a riot trigger of its own, and its being
the agent of "beaten" made the beating read as the effect of another event (as "flattened
by the blast" is), so the one event had neither victim nor doer. A crowd of people as the
agent is the doer, not a causing event; the act carries the mob's code. The articles are
invented.
"""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _events(extractor: Extractor, text: str) -> list[tuple[str, str | None, int | None, list]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [
        (
            e.type,
            e.acled,
            e.fatalities,
            sorted((a.role, a.text, (a.entity or "").rsplit("-", 1)[0]) for a in e.arguments),
        )
        for e in extraction.events
    ]


def test_beaten_to_death_by_a_mob_is_one_mob_killing(extractor: Extractor) -> None:
    text = "A herdsman was beaten to death by a mob in Quillon on Thursday."
    [(kind, code, dead, roles)] = _events(extractor, text)
    assert (kind, code, dead) == ("Riot", "MOB_VIOL", 1)
    assert ("victim", "herdsman") in [(r, t) for r, t, _ in roles]
    assert ("perpetrator", "mob", "rioters") in roles  # the crowd-doer reading


def test_flattened_by_the_blast_stays_the_blast(extractor: Extractor) -> None:
    """Counterexample: an event that is no people as the agent still makes the destruction
    its effect: one bombing, told by the blast."""
    text = "A granary was flattened by the blast in Quillon on Thursday."
    assert [(k, c) for k, c, _, _ in _events(extractor, text)] == [("Bombing", "REM_EXPLOS")]


def test_about_to_be_attacked_by_a_mob_has_not_happened(extractor: Extractor) -> None:
    """Once the mob's attack is read, "were about to be attacked" must read as what it
    is: an attack that had not happened, neither an attack nor the mob's riot."""
    text = "Traders in Quillon said on Thursday they were about to be attacked by a mob."
    assert _events(extractor, text) == []
    text = "Rebels were about to attack the depot in Quillon on Thursday when troops arrived."
    assert [k for k, _, _, _ in _events(extractor, text)] == []


def test_about_as_a_number_is_no_prospective(extractor: Extractor) -> None:
    """Counterexample: "about twenty gunmen" counts; the attack happened."""
    text = "About twenty gunmen attacked the depot in Quillon on Thursday."
    assert [k for k, _, _, _ in _events(extractor, text)] == ["Attack"]
