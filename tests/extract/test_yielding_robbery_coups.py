"""Triggers found through the frame lexicon as data (surrender, retreat, robbery and
hijacking, coups) and the senses in which their words tell no such event; a name a speaker
gives to an event already told ("called the explosion an attack") is no second telling.

Every article here is invented."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor


def _told(extractor: Extractor, text: str) -> list[tuple[str, str | None, list[str]]]:
    """(type, ACLED code, mention texts) of every event extracted from `text`."""
    events = extractor.extract(ArticleInput("t", text)).events
    return [(e.type, e.acled, [m.text for m in e.mentions]) for e in events]


def test_a_garrison_surrendering_is_an_agreement(extractor: Extractor) -> None:
    text = "The rebel garrison surrendered to the army on Tuesday after a two-week siege."
    assert ("Agreement", "AGREEMENT", ["surrendered"]) in _told(extractor, text)


def test_surrendering_a_town_gives_up_ground(extractor: Extractor) -> None:
    text = "The militia surrendered the town of Ombella to the national army on Monday."
    assert ("Agreement", "AGREEMENT", ["surrendered"]) in _told(extractor, text)


def test_surrendering_a_passport_is_no_surrender(extractor: Extractor) -> None:
    assert _told(extractor, "He surrendered his passport to the court on Monday.") == []


def test_troops_retreating_from_a_town_transfer_it(extractor: Extractor) -> None:
    text = "Government troops retreated from the town of Kumba on Sunday."
    assert _told(extractor, text) == [
        ("StrategicDevelopment", "NON_VIOL_TERRIT_TRANSFER", ["retreated"])
    ]


def test_prices_retreating_transfer_nothing(extractor: Extractor) -> None:
    assert _told(extractor, "Share prices retreated from record highs on Monday.") == []


def test_an_armed_robbery_is_a_crime_event(extractor: Extractor) -> None:
    text = "Masked men carried out an armed robbery at a fuel depot near Gao on Friday."
    assert ("OrganisedCrime", None, ["armed robbery"]) in _told(
        extractor, text
    )


def test_the_hijacking_of_a_lorry_is_a_crime_event(extractor: Extractor) -> None:
    text = "The hijacking of an aid lorry near the border ended on Sunday."
    assert _told(extractor, text) == [
        ("OrganisedCrime", None, ["hijacking"])
    ]


def test_soldiers_staging_a_coup(extractor: Extractor) -> None:
    text = "Soldiers staged a coup on Wednesday and detained the president."
    assert ("StrategicDevelopment", "OTHER", ["coup"]) in _told(extractor, text)


def test_a_diplomatic_coup_is_a_success_not_a_seizure_of_power(extractor: Extractor) -> None:
    told = _told(extractor, "The truce was a diplomatic coup for the foreign minister.")
    assert [t for t in told if t[0] == "StrategicDevelopment"] == []


def test_a_coup_for_the_mediator_is_a_success(extractor: Extractor) -> None:
    assert _told(extractor, "The talks in Lome were a major coup for the mediator.") == [
        ("Meeting", None, ["talks"])
    ]


def test_calling_an_explosion_an_attack_tells_it_once(extractor: Extractor) -> None:
    text = (
        "A parcel bomb exploded at a shop in Dolny on Friday. "
        'On Saturday the governor called the explosion an "attack".'
    )
    told = _told(extractor, text)
    assert len(told) == 1
    assert told[0][2] == ["exploded", "explosion"]


def test_in_what_the_mayor_called_an_attack_adds_no_mention(extractor: Extractor) -> None:
    text = 'A parcel bomb damaged a shop in Dolny, in what the mayor called an "attack".'
    assert [mentions for _, _, mentions in _told(extractor, text)] == [["damaged"]]


def test_the_event_named_by_a_verb_of_naming_stays(extractor: Extractor) -> None:
    text = (
        "Militants raided a police post in Tull on Monday. "
        "Their leader called the raid a success."
    )
    assert [mentions for _, _, mentions in _told(extractor, text)] == [["raided", "raid"]]
