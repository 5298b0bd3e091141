""""The killing of X" is a killing, and "the killings" told again after a shooting of several
people is that shooting (extract/data/frames.jsonl, extract/events/coref.py); a protest
called over a killing does not make the killing a riot (extract/events/subevents.py). The
articles are invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extraction, Extractor


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def test_the_killing_of_named_people_is_an_attack(extractor: Extractor) -> None:
    text = (
        "Thousands marched in Korvo on Monday after the killing of three activists by police "
        "on Sunday."
    )
    events = {e.type: e for e in _run(extractor, text).events}
    assert set(events) == {"Protest", "Attack"}
    roles = {(a.role, a.text) for a in events["Attack"].arguments}
    assert {("victim", "three activists"), ("perpetrator", "police")} <= roles


def test_a_protest_called_over_a_killing_leaves_the_killing_an_attack(
    extractor: Extractor,
) -> None:
    text = (
        "The Harvest Movement called for protests after the killing of three activists on "
        "Sunday."
    )
    assert [(e.type, e.acled) for e in _run(extractor, text).events] == [("Attack", "ATTACK")]


def test_the_crime_in_general_is_no_killing(extractor: Extractor) -> None:
    text = "Killing is the gravest charge a court in Korvo can hear, the judge said."
    assert _run(extractor, text).events == []


BLAMED = (
    "Gunmen shot dead five farmers near the village of Tesk on Monday, officials said. "
    "Police blamed the Red Ridge Front for the killings. The group denied any involvement."
)


def test_the_killings_told_again_are_the_shooting(extractor: Extractor) -> None:
    (event,) = _run(extractor, BLAMED).events[:1]
    assert [m.text for m in event.mentions] == ["shot", "killings"]
    claims = {(a.text, a.certainty) for a in event.arguments if a.role == "perpetrator"}
    assert ("Red Ridge Front", "alleged") in claims
    assert ("The group", "denied") in claims
    assert event.fatalities == 5


def test_killings_without_the_are_others(extractor: Extractor) -> None:
    """Counterexample: an indefinite plural tells killings in general, not the shooting."""
    text = (
        "Gunmen shot dead five farmers near the village of Tesk on Monday, officials said. "
        "Killings of farmers have risen sharply in the region this year."
    )
    events = _run(extractor, text).events
    assert [[m.text for m in e.mentions] for e in events] == [["shot"]]


def test_the_killings_go_to_the_one_incident_with_several_dead(extractor: Extractor) -> None:
    text = (
        "Rebels killed four soldiers in an ambush near Tessa on Monday. On Tuesday, gunmen "
        "killed a trader in Ovo. Residents said the killings had emptied the town."
    )
    events = _run(extractor, text).events
    assert [[m.text for m in e.mentions] for e in events] == [
        ["killed", "ambush", "killings"],
        ["killed"],
    ]


def test_the_killings_after_two_massacres_name_neither(extractor: Extractor) -> None:
    """Counterexample: with two incidents of several dead, "the killings" says not which."""
    text = (
        "Militants stormed the village of Sarrow on Monday and killed 12 men. A day later, "
        "soldiers killed nine militants in a raid on a camp near Brelt. The killings were "
        "the deadliest this year."
    )
    events = _run(extractor, text).events
    assert all("killings" not in [m.text for m in e.mentions] for e in events)
    assert len(events) == 2
