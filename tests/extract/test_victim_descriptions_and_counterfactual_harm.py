"""A group or person inside the apposition that describes a victim ("Ana Ferro, a member of
the Green Party") was not harmed, and nobody is harmed by a harm that "could have" happened.
Every article here is invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event, Extraction


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _victims(result: Extraction, event_type: str) -> set[str]:
    events: list[Event] = [e for e in result.events if e.type == event_type]
    return {a.text.lower() for e in events for a in e.arguments if a.role == "victim"}


def test_the_party_in_a_victims_apposition_is_not_harmed(extractor: Extractor) -> None:
    text = (
        "KESTA, May 4 - Gunmen kidnapped Ana Ferro, a member of the Green Labour Party (GLP), "
        "in Kesta on Sunday."
    )
    assert _victims(_run(extractor, text), "Abduction") == {"ferro"}


def test_the_union_a_victim_leads_is_not_harmed(extractor: Extractor) -> None:
    text = (
        "KESTA, May 4 - Gunmen shot dead Marco Tell, a leader of the Union of Farmers (UOF), "
        "in Kesta on Sunday."
    )
    assert _victims(_run(extractor, text), "Attack") == {"marco tell"}


def test_the_names_in_an_apposition_are_the_victims(extractor: Extractor) -> None:
    text = (
        "KESTA, May 4 - Soldiers at a checkpoint killed two reporters, Rosa Vell and Tomas "
        "Grane, near Kesta on Sunday."
    )
    assert _victims(_run(extractor, text), "Attack") == {"rosa vell", "tomas grane"}


def test_a_harm_that_could_have_happened_has_no_victim(extractor: Extractor) -> None:
    text = (
        "KESTA, May 4 - A bomb exploded outside a school in Kesta on Monday, damaging the "
        "gate. The pupils could have been killed, the headmaster said."
    )
    result = _run(extractor, text)
    assert _victims(result, "Bombing") == set()
    assert result.events[0].fatalities is None


def test_a_harm_that_may_have_happened_keeps_its_victims(extractor: Extractor) -> None:
    text = (
        "KESTA, May 4 - A bomb exploded outside a school in Kesta on Monday. Three pupils may "
        "have been killed, the headmaster said."
    )
    assert _victims(_run(extractor, text), "Bombing") == {"three pupils"}
