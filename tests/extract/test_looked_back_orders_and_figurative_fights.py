"""Specific incidents only (issue 15, item 3), on invented news: an event noun that a
frequency adjective modifies ("nightly raids"), one that an anniversary or a court looks
back on ("the anniversary of the bombing", "convicted of the ambush"), a trigger noun used as
an adjective ("offensive remarks") and a fight against a practice ("an offensive against
drug trafficking") tell no incident; nor do what an order or an appeal asks for ("Cease all
attacks on civilians") and an act an aspect verb carries into the future or a vow ("will
keep shelling", "vowed to continue fighting"), while "kept shelling" and an act a
terminative verb presupposes ("will not stop bombing the city") still do. Each has an
invented counterexample that still does, and ordinary sentences with the same words
(sports, business, weather, history, imperatives) give no event at all."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _read(extractor: Extractor, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return (
        [e.type for e in extraction.events],
        [(m.text, m.reason) for m in extraction.nonspecific],
    )


@pytest.mark.parametrize(
    ("text", "word", "reason"),
    [
        ("Farmers in the delta say nightly raids have emptied three hamlets.", "raids", "habitual"),
        ("Villagers complain of frequent shelling from across the river.", "shelling", "habitual"),
        (
            "Hundreds of mourners gathered in Kisangani to mark the fifth anniversary of the "
            "market bombing.",
            "bombing",
            "background",
        ),
        (
            "A former militia commander went on trial in Arusha for the 2014 massacre of "
            "fishermen.",
            "massacre",
            "background",
        ),
        ("A court in Gulu convicted him of the ambush on the aid convoy.", "ambush", "background"),
        ("She was sentenced to life for the 2011 shooting at the hotel.", "shooting", "background"),
        ("The hotel bombing trial resumed in the capital.", "bombing", "background"),
        ("Cease all killings and attacks on civilians, the bishop told the army.", "attacks",
         "hypothetical"),
        ("Continue fighting until the capital is free!", "fighting", "hypothetical"),
        ("The rebels will keep shelling the town, a commander said.", "shelling", "future"),
        ("Both sides vowed to continue fighting.", "fighting", "hypothetical"),
    ],
)
def test_recurring_looked_back_on_ordered_and_vowed_events_are_background(
    extractor: Extractor, text: str, word: str, reason: str
) -> None:
    types, nonspecific = _read(extractor, text)
    assert types == []
    assert (word, reason) in nonspecific


@pytest.mark.parametrize(
    "text",
    [
        "Opposition lawmakers walked out over offensive remarks by the minister.",
        "Volunteers in the valley have been fighting against illiteracy for a decade.",
        "The teachers' union called the new pay scale a battle against poverty.",
    ],
)
def test_adjectives_and_fights_against_practices_are_no_clash(
    extractor: Extractor, text: str
) -> None:
    types, nonspecific = _read(extractor, text)
    assert "ArmedClash" not in types
    assert nonspecific == []


def test_an_offensive_against_drug_trafficking_is_no_armed_clash(extractor: Extractor) -> None:
    types, _ = _read(
        extractor,
        "The interior ministry announced a new offensive against drug trafficking in the "
        "port cities.",
    )
    assert "ArmedClash" not in types


@pytest.mark.parametrize(
    "text",
    [
        "The striker scored twice in the derby, and fans said the daily training sessions "
        "had paid off.",
        "Shares of the airline fell after the weekly report on fuel costs.",
        "Heavy rain on the anniversary of the city's founding delayed the parade.",
        "The museum marks the anniversary of the moon landing with a new exhibition.",
        "Come and see the game on Sunday, the coach told fans.",
        "Keep running until the whistle blows, the trainer shouted.",
        "Book early for the harvest festival, organisers urged visitors.",
    ],
)
def test_ordinary_sentences_give_no_event(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text) == ([], [])


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a frequency adjective on a day the sentence names: that day's incident
        ("The market town came under constant shelling on Monday, residents said.", "Shelling"),
        # an attack on those who mark an anniversary is an incident of its own
        (
            "Gunmen attacked mourners marking the anniversary of the massacre in Beni on "
            "Sunday, killing four.",
            "Attack",
        ),
        # an arrest is no court: the bombing it follows is the day's incident
        (
            "Police arrested two men over the bombing of a bus station in Garissa on Friday.",
            "Bombing",
        ),
        # an offensive against people, not a practice
        ("Troops began an offensive against cartel gunmen in the Sorra hills on Monday.",
         "ArmedClash"),
        ("The rebel offensive on Goma stalled on Tuesday.", "ArmedClash"),
        ("Rebels kept shelling the town of Kaya on Monday.", "Shelling"),
        # "stop" presupposes the bombing under way, whatever its own mood
        ("Russia will not stop bombing the city, the envoy said.", "Bombing"),
        ("Gunmen attacked a convoy on the highway on Monday, killing three drivers.", "Attack"),
        # a headline in the present has its subject
        ("Gunmen kill 12 in raid on village\n", "Attack"),
    ],
)
def test_the_counterexamples_still_give_their_incident(
    extractor: Extractor, text: str, present: str
) -> None:
    types, _ = _read(extractor, text)
    assert present in types
