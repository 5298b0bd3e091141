"""Specific past incidents are not background (issue 15 item 3, issue 16): a definite plural
that names its victims, place or day after "since" is one incident; a setting fronted with
"with" is no aim of a word of intention; a participle that describes a person ("the jailed
blogger") takes no frequency from the clause around it. Every article here is invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _incidents(extraction: Extraction) -> list[tuple[str, str]]:
    return [(e.type, e.mentions[0].text) for e in extraction.events]


def _background(extraction: Extraction) -> list[tuple[str, str]]:
    return [(m.text, m.reason) for m in extraction.nonspecific]


def test_murders_named_by_victims_and_place_after_since_are_an_incident(
    extractor: Extractor,
) -> None:
    result = _run(
        extractor,
        "The crackdown on the press has deepened since the murders of two reporters at the "
        "offices of the Kessa Courier in March 2019.",
    )
    assert _incidents(result) == [("Attack", "murders")]
    victims = {a.text for a in result.events[0].arguments if a.role == "victim"}
    assert victims == {"two reporters"}


def test_raids_after_since_with_nothing_of_their_own_stay_background(
    extractor: Extractor,
) -> None:
    """Counterexample: "since the raids" names no victim, place or day."""
    result = _run(extractor, "Hundreds of families have fled the valley since the raids.")
    assert _incidents(result) == []
    assert _background(result) == [("raids", "background")]


def test_a_beheading_fronted_with_with_is_no_threat(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "With the beheading of the cleric, the feud between the two clans has threatened to "
        "spread to the capital.",
    )
    assert _incidents(result) == [("Attack", "beheading")]


def test_what_a_threat_is_made_with_is_still_only_threatened(extractor: Extractor) -> None:
    """Counterexamples: "threatened ... with sanctions", "fears of reprisal attacks"."""
    result = _run(
        extractor, "The government has threatened with sanctions anyone who backs the rebels."
    )
    assert _incidents(result) == []
    assert _background(result) == [("sanctions", "hypothetical")]
    result = _run(extractor, "Residents voiced fears of reprisal attacks after the funeral.")
    assert _background(result) == [("attacks", "hypothetical")]


def test_a_participle_describing_a_person_takes_no_frequency_from_its_clause(
    extractor: Extractor,
) -> None:
    result = _run(
        extractor,
        "The new account had always claimed to be Moldovan, like the jailed blogger Petru "
        "Vasile, but it often wrote in Russian.",
    )
    assert _incidents(result) == [("Arrest", "jailed")]


def test_a_verb_with_a_frequency_adverb_stays_habitual(extractor: Extractor) -> None:
    """Counterexample: the frequency is the event's own."""
    result = _run(extractor, "Militias often detain travellers at the crossing.")
    assert _incidents(result) == []
    assert _background(result) == [("detain", "habitual")]
