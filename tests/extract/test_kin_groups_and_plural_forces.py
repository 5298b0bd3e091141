"""Clans and tribes named by a kin noun are communal groups, coordinated names included, and a
plural force noun heads an armed group's name as a singular one does, when the text shows it
fighting (extract/entities/name_context.py, extract/entities/resolution.py)."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extraction, Extractor


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput(source="t.txt", text=text))


def _types(extraction: Extraction) -> dict[str, str]:
    return {e.name: e.type for e in extraction.entities}


def _name(extraction: Extraction, entity_id: str) -> str:
    entity = extraction.entity(entity_id)
    assert entity is not None
    return entity.name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # coordinated names before a plural kin noun: one group each
        ("Elders of the Telmar and Ossu clans signed a truce in Mirel on Sunday.",
         ("Telmar", "Ossu")),
        # names the NER read as places, before a singular kin noun
        ("Fighters from the Uranga tribe clashed with the Kebbit clan near Tesk on Friday.",
         ("Uranga", "Kebbit")),
        # a name the NER reads as a nationality (NORP) is still the clan's name
        ("Elders of the Abrin and Tollu clans met in the town of Ferrow on Saturday.",
         ("Abrin", "Tollu")),
    ],
)  # fmt: skip
def test_names_before_a_kin_noun_are_communal_groups(
    extractor: Extractor, text: str, names: tuple[str, ...]
) -> None:
    types = _types(_extract(extractor, text))
    assert [types.get(name) for name in names] == ["CommunalGroup"] * len(names)


def test_the_tribes_of_a_fight_are_its_participants(extractor: Extractor) -> None:
    text = "Fighting between the Pembrou and Kesh tribes killed six people near Tesk on Sunday."
    extraction = _extract(extractor, text)
    (clash,) = [e for e in extraction.events if e.type == "ArmedClash"]
    participants = sorted(
        _name(extraction, a.entity) for a in clash.arguments if a.role == "participant"
    )
    assert participants == ["Kesh", "Pembrou"]


def test_two_clans_that_sign_a_deal_are_its_parties(extractor: Extractor) -> None:
    text = "The Telmar clan and the Ossu clan signed a peace deal in Mirel on Sunday."
    extraction = _extract(extractor, text)
    (deal,) = [e for e in extraction.events if e.type == "Agreement"]
    parties = sorted(a.text for a in deal.arguments if a.role == "participant")
    assert parties == ["Ossu clan", "Telmar clan"]


def test_a_nationality_before_a_kin_noun_names_no_clan(extractor: Extractor) -> None:
    text = "Elders of Somali clans met in Osk on Monday."
    types = _types(_extract(extractor, text))
    assert "Somali" not in types
    assert "CommunalGroup" not in types.values()


def test_a_known_city_before_a_kin_noun_names_no_clan(extractor: Extractor) -> None:
    """Counterexample: "Mogadishu clans" are clans of a city, which stays a place."""
    types = _types(_extract(extractor, "Mogadishu clans have long disputed the port."))
    assert types.get("Mogadishu") == "Place"
    assert "CommunalGroup" not in types.values()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Sarvik Defence Units attacked an army post near Tesk on Monday.",
         "Sarvik Defence Units"),
        ("The Eastern Shield Guards said they had ambushed a convoy near Tesk.",
         "Eastern Shield Guards"),
    ],
)  # fmt: skip
def test_a_plural_force_named_group_that_fights_is_armed(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _types(_extract(extractor, text))[name] == "ArmedGroup"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Osk Guards won the cup final against the Lira Rangers on Saturday.", "Osk Guards"),
        ("The Brannock Rescue Units pulled four survivors from the rubble in Tesk.",
         "Brannock Rescue Units"),
    ],
)  # fmt: skip
def test_plural_force_names_that_do_not_fight_stay_organisations(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _types(_extract(extractor, text))[name] == "Organization"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Kebbit clan attacked a village near Tesk on Friday, killing four herders.",
         "Identity militias"),
        ("The Kebbit clan buried its dead near Tesk on Friday.", None),
    ],
)  # fmt: skip
def test_a_clan_that_fights_is_an_identity_militia(
    extractor: Extractor, text: str, category: str | None
) -> None:
    (clan,) = [e for e in _extract(extractor, text).entities if e.name == "Kebbit"]
    assert (clan.type, clan.acled_category) == ("CommunalGroup", category)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Yemeni tribes met in Sanaa on Friday.", "Yemen"),
        ("Egyptian tribes held a meeting in Cairo on Friday.", "Egypt"),
    ],
)  # fmt: skip
def test_a_demonym_before_tribes_names_no_clan_but_its_country(
    extractor: Extractor, text: str, country: str
) -> None:
    """A known demonym before "tribes" says whose tribes they are: no communal group takes
    the nationality's name, and the country is the only actor the phrase gives."""
    types = _types(_extract(extractor, text))
    assert [n for n, t in types.items() if t == "CommunalGroup"] == []
    assert types.get(country) == "State"
