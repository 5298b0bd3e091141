"""Actors a violent frame's slot describes without naming them (extract/roles/described.py):
the perpetrator "a band of armed herders", the victims "two schoolteachers", and abductees
as victims. Sentences are written for the test; each rule has a near miss that must not
fire."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _roles(extractor: Extractor, text: str) -> list[tuple[str, str, str]]:
    result = extractor.extract(ArticleInput("t", text))
    names = {e.id: e.name for e in result.entities}
    return sorted(
        (a.role, a.text, names.get(a.entity or "", ""))
        for e in result.events
        for a in e.arguments
        if a.role in ("perpetrator", "victim")
    )


def _perpetrators(extractor: Extractor, text: str) -> set[str]:
    return {name for role, _, name in _roles(extractor, text) if role == "perpetrator"}


def test_a_described_perpetrator_and_described_victims(extractor: Extractor) -> None:
    text = "A band of armed herders shot dead a tailor and two schoolteachers near Tarvik."
    assert _roles(extractor, text) == [
        ("perpetrator", "band of armed herders", "Band of armed herders"),
        ("victim", "tailor", "Tailor"),
        ("victim", "two schoolteachers", "Two schoolteachers"),
    ]


def test_no_described_perpetrator_from_a_weapon_an_event_or_a_singular_thing(
    extractor: Extractor,
) -> None:
    # the weapon, the event noun and a singular non-collective noun are no perpetrators
    assert _roles(extractor, "A car bomb killed a tailor in Marsel on Friday.") == [
        ("victim", "tailor", "Tailor")
    ]
    assert _roles(extractor, "The explosion wounded four fishermen at the port of Selka.") == [
        ("victim", "four fishermen", "Four fishermen")
    ]
    assert _roles(extractor, "A landslide killed three shepherds above Corvano.") == []


def test_abductees_are_victims_and_alleged_captors_stay_alleged(extractor: Extractor) -> None:
    result = extractor.extract(
        ArticleInput("t", "Two schoolteachers were kidnapped by alleged cartel members in Dorvan.")
    )
    (event,) = result.events
    roles = sorted((a.role, a.text, a.certainty) for a in event.arguments if a.role != "place")
    assert roles == [
        ("perpetrator", "alleged cartel members", "alleged"),
        ("victim", "Two schoolteachers", "asserted"),
    ]


def test_the_kidnapping_of_someone_makes_a_victim(extractor: Extractor) -> None:
    text = "The kidnapping of three engineers by masked men shocked the city of Olbek."
    assert _roles(extractor, text) == [
        ("perpetrator", "masked men", "Masked men"),
        ("victim", "three engineers", "Three engineers"),
    ]


def test_an_unnamed_description_outside_a_violent_frame_is_no_actor(extractor: Extractor) -> None:
    # the subject of a meeting or the object of a protest verb is not described as an actor
    result = extractor.extract(
        ArticleInput("t", "Three schoolteachers met the mayor of Dorvan on Monday.")
    )
    assert not any(e.name.lower() == "three schoolteachers" for e in result.entities)


def test_a_named_perpetrator_wins_over_a_description(extractor: Extractor) -> None:
    text = (
        "Armed men stormed a police post in Varnok on Sunday. The Iron Ridge Front later "
        "said it had carried out the raid."
    )
    perpetrators = _perpetrators(extractor, text)
    assert "Armed men" not in perpetrators
    assert perpetrators


def test_a_description_stays_when_nobody_is_named(extractor: Extractor) -> None:
    text = "Armed men stormed a police post in Varnok on Sunday, police said."
    assert _perpetrators(extractor, text) == {"Armed men"}


def test_victims_told_in_the_sentence_after_the_attack(extractor: Extractor) -> None:
    text = (
        "Raiders attacked a ferry near Osmar on Monday. Three deckhands were killed and a "
        "cook was wounded."
    )
    assert [r for r in _roles(extractor, text) if r[0] == "victim"] == [
        ("victim", "Three deckhands", "Three deckhands"),
        ("victim", "cook", "Cook"),
    ]


def test_a_later_killing_with_its_own_event_is_not_carried_back(extractor: Extractor) -> None:
    # the second sentence tells another incident (its own trigger): its dead stay there
    text = (
        "Raiders attacked a ferry near Osmar on Monday. Last year two deckhands were killed "
        "in a flood on the same river."
    )
    assert [r for r in _roles(extractor, text) if r[0] == "victim"] == []


def test_casualties_far_from_the_attack_are_not_its_victims(extractor: Extractor) -> None:
    # three sentences on, the story has moved on (the reach of a weapon named later, too)
    text = (
        "Raiders attacked a ferry near Osmar on Monday. The ferry carries grain. Its owner "
        "is a local firm. The river is wide there. Three deckhands were killed in 2019."
    )
    assert [r for r in _roles(extractor, text) if r[0] == "victim"] == []
