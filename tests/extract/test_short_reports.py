"""Short wire reports written for these tests: datelines, targets named through an office or
a building, one argument per role and entity, and what a "found" clause found."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor, dateline_place
from conflict_kg.extract.model import Event, Extraction


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("t", text, published="2024-05-14"))


def _roles(event: Event) -> set[tuple[str, str]]:
    return {(a.role, a.entity) for a in event.arguments}


def _types(result: Extraction) -> dict[str, str]:
    return {e.id: e.type for e in result.entities}


REPORT = (
    "date 2024-05-14 World\n"
    "Four hurt in bomb attack on Tikrit mayor\n"
    "TIKRIT, Iraq, May 14 (Reuters) – A roadside bomb attack on a police patrol in Tikrit "
    "on Monday wounded four policemen, officials said.\n"
)


def test_dateline_place_gives_offsets_and_a_title_cased_name() -> None:
    start, end, name = dateline_place(REPORT) or (0, 0, "")
    assert (REPORT[start:end], name) == ("TIKRIT", "Tikrit")
    assert dateline_place("No dateline in this text.") is None


def test_capitalised_dateline_city_is_the_place_later_mentions_join(
    extractor: Extractor,
) -> None:
    result = _run(extractor, REPORT)
    (tikrit,) = [e for e in result.entities if e.id == "tikrit"]
    assert (tikrit.name, tikrit.type) == ("Tikrit", "Place")
    assert [m.text for m in tikrit.mentions] == ["TIKRIT", "Tikrit", "Tikrit"]
    assert "Person" not in {e.type for e in result.entities if e.name.lower() == "tikrit"}


def test_dateline_country_name_stays_the_state(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "LEBANON, May 14 (Reuters) – Israeli jets struck a village in south Lebanon on Monday.",
    )
    assert _types(result)["lebanon"] == "State"


def test_city_before_an_office_is_neither_target_nor_place(extractor: Extractor) -> None:
    result = _run(extractor, "Three hurt in drone strike on Mosul governor")
    (event,) = result.events
    assert _roles(event) == {("instrument", "drone")}


def test_state_before_an_office_is_not_the_target(extractor: Extractor) -> None:
    result = _run(
        extractor, "Rebels carried out a rocket attack on the Syria envoy's convoy near Aleppo."
    )
    (event,) = result.events
    roles = _roles(event)
    assert ("target", "syria") not in roles and ("place", "syria") not in roles
    assert ("place", "aleppo") in roles


def test_office_of_a_named_person_makes_the_person_the_target(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "Kataib Hezbollah carried out a drone strike on the office of governor Salim Haddad "
        "in Kirkuk.",
    )
    (event,) = result.events
    assert _roles(event) == {
        ("perpetrator", "kataib-hezbollah"),
        ("target", "salim-haddad"),
        ("place", "kirkuk"),
        ("instrument", "drone"),
    }


def test_headquarters_and_home_stand_for_their_owner(extractor: Extractor) -> None:
    headquarters = _run(extractor, "Militants stormed the headquarters of the Federal Police.")
    home = _run(extractor, "Gunmen attacked the home of judge Omar Nasser in Basra on Monday.")
    assert ("target", "federal-police") in _roles(headquarters.events[0])
    assert ("target", "omar-nasser") in _roles(home.events[0])


def test_a_weapon_named_twice_is_one_instrument_evidenced_where_first_named(
    extractor: Extractor,
) -> None:
    result = _run(
        extractor,
        "A drone strike hit an army post near Samarra on Sunday. The drone was launched "
        "from a nearby farm.",
    )
    (event,) = result.events
    instruments = [(a.entity, a.text, a.start) for a in event.arguments if a.role == "instrument"]
    assert instruments == [("drone", "drone", 2)]


def test_found_launch_site_of_a_drone_is_no_weapons_find(extractor: Extractor) -> None:
    for text in (
        "Iraqi authorities said they had found the launch site of the drone.",
        "Police found the location of the rockets fired at the base.",
        "Police found a warehouse in the suburbs.",
    ):
        types = {e.type for e in _run(extractor, text).events}
        assert "DisruptedWeaponsUse" not in types, text


def test_weapons_found_or_held_in_a_quantity_noun_are_a_weapons_find(
    extractor: Extractor,
) -> None:
    for text in (
        "Soldiers seized a large quantity of weapons and ammunition in Diyala.",
        "Troops found a cache of mortar shells in a farmhouse.",
        "The army announced the seizure of weapons near the border.",
        "Police said they found explosives hidden in a car.",
        "Customs officers seized a total of 40 rifles at the port.",
        "Troops discovered a hideout used by militants to store rockets and ammunition.",
    ):
        (event,) = _run(extractor, text).events
        assert (event.type, event.acled) == ("DisruptedWeaponsUse", "DISR_WEAP"), text


def test_strike_on_a_checkpoint_in_a_dateline_city_has_the_city_as_place(
    extractor: Extractor,
) -> None:
    result = _run(
        extractor,
        "SAMARRA, Iraq, May 14 (Reuters) – A drone strike on an army checkpoint in Samarra "
        "on Monday killed three soldiers, officials said.",
    )
    (event,) = result.events
    assert ("place", "samarra") in _roles(event)
    assert _types(result)["samarra"] == "Place"


def test_a_second_source_for_the_same_argument_is_kept(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "A drone strike hit an army post near Samarra on Sunday. Police said Asaib Ahl "
        "al-Haq carried out the attack. A tribal leader said Asaib Ahl al-Haq was behind "
        "the attack.",
    )
    (event,) = result.events
    perpetrators = [
        (a.entity, a.certainty, a.start) for a in event.arguments if a.role == "perpetrator"
    ]
    assert perpetrators == [
        ("asaib-ahl-al-haq", "alleged", 68),
        ("asaib-ahl-al-haq", "alleged", 130),
    ]
