"""What a denial denies, what a dateline names, and what a new name is (issues 15 and 16):
a denial disputes who did it, not whom it hit; a dateline's country is where the report was
filed, never an actor; a name seen once is typed by its head noun, its apposition or what it
does. Every article here is invented for the test."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event, Extraction


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _incident(extraction: Extraction) -> Event:
    (event,) = [e for e in extraction.events if e.type not in ("ClaimOfResponsibility",)]
    return event


def _claims(event: Event, role: str) -> set[tuple[str | None, str, str | None]]:
    return {(a.entity, a.certainty, a.source) for a in event.arguments if a.role == role}


# A denial's scope --------------------------------------------------------------------------


def test_a_denial_denies_the_perpetrator_not_the_target(extractor: Extractor) -> None:
    text = (
        "date: 2024-03-06\n"
        "Rebel group rejects blame for rocket attack\n"
        "A spokesman for al-Shabaab denied that the group carried out a rocket attack "
        "targeting Governor Ahmed Nur Hassan in Baidoa on Tuesday.\n"
    )
    event = _incident(_run(extractor, text))
    assert _claims(event, "perpetrator") == {("al-shabaab", "denied", "A spokesman")}
    # The denial concedes there was an attack on the governor: he is the target on the
    # spokesman's word, not a denied one.
    assert _claims(event, "target") == {("ahmed-nur-hassan", "alleged", "A spokesman")}
    assert event.date == "2024-03-05"


def test_a_denial_leaves_the_place_and_the_victims_as_reported(extractor: Extractor) -> None:
    text = (
        "date: 2024-03-06\n"
        "A spokesman for al-Shabaab denied that its fighters attacked the home of Governor "
        "Ahmed Nur Hassan in Baidoa on Tuesday.\n"
    )
    event = _incident(_run(extractor, text))
    assert {c for _, c, _ in _claims(event, "perpetrator")} == {"denied"}
    assert _claims(event, "place") == {("baidoa", "alleged", "A spokesman")}
    assert ("ahmed-nur-hassan", "alleged", "A spokesman") in _claims(event, "target")


def test_an_accusation_without_a_denial_is_not_touched(extractor: Extractor) -> None:
    """Counterexample: the same clause reported, not denied: nothing becomes denied."""
    text = (
        "date: 2024-03-06\n"
        "Police said al-Shabaab carried out a rocket attack targeting Governor Ahmed Nur "
        "Hassan in Baidoa on Tuesday.\n"
    )
    event = _incident(_run(extractor, text))
    assert ("al-shabaab", "alleged", "Police") in _claims(event, "perpetrator")
    assert _claims(event, "target") == {("ahmed-nur-hassan", "alleged", "Police")}
    assert not any(a.certainty == "denied" for a in event.arguments)


# A dateline's country ----------------------------------------------------------------------


def test_the_dateline_country_is_never_a_perpetrator(extractor: Extractor) -> None:
    text = (
        "GAROWE, Somalia, March 6 (Invented Wire) - Gunmen attacked a police station in "
        "Garowe on Tuesday, killing four officers, officials said.\n"
    )
    result = _run(extractor, text)
    event = _incident(result)
    assert {e for e, _, _ in _claims(event, "perpetrator")} == {
        next(e.id for e in result.entities if e.name == "Unidentified gunmen")
    }
    assert not any(a.entity == "somalia" for a in event.arguments)
    # The country is still recorded as a mention of the state.
    somalia = next(e for e in result.entities if e.id == "somalia")
    assert [m.text for m in somalia.mentions] == ["Somalia"]


def test_a_country_named_in_the_body_still_acts(extractor: Extractor) -> None:
    """Counterexample: the dateline's country named again as the subject of the lead is
    the perpetrator, although the parser hangs the dateline on the same verb."""
    text = (
        "MEKELLE, Ethiopia, April 9 (Invented Wire) - Ethiopia carried out an air strike on "
        "a market in Alamata on Monday, killing seven civilians, residents said.\n"
    )
    event = _incident(_run(extractor, text))
    assert _claims(event, "perpetrator") == {("ethiopia", "alleged", "residents")}


# A name's type from its head noun, apposition and acts -----------------------------------


def _types(extraction: Extraction) -> dict[str, str]:
    return {e.id: e.type for e in extraction.entities}


def test_a_militia_named_once_is_the_suspected_perpetrator(extractor: Extractor) -> None:
    text = (
        "date: 2024-06-03\n"
        "Police suspected the Mai-Mai Kifuafua militia of planting the bomb that exploded at "
        "a market in Walikale on Sunday, killing four traders.\n"
    )
    result = _run(extractor, text)
    assert _types(result)["mai-mai-kifuafua-militia"] == "ArmedGroup"
    event = _incident(result)
    assert _claims(event, "perpetrator") == {("mai-mai-kifuafua-militia", "alleged", "Police")}


def test_fighters_of_a_brigade_are_the_brigade(extractor: Extractor) -> None:
    text = (
        "date: 2024-06-03\n"
        "Fighters of the Red Valley Brigade attacked a village near Kalehe on Sunday, killing "
        "five farmers.\n"
    )
    result = _run(extractor, text)
    assert _types(result)["red-valley-brigade"] == "ArmedGroup"
    assert {e for e, _, _ in _claims(_incident(result), "perpetrator")} == {"red-valley-brigade"}


def test_a_name_the_ner_missed_is_found_by_its_group_noun(extractor: Extractor) -> None:
    text = (
        "date: 2024-06-03\n"
        "Soldiers clashed with the Ngumino Self-Defence Front near Minembwe on Sunday, a "
        "local official said.\n"
    )
    result = _run(extractor, text)
    assert _types(result)["ngumino-self-defence-front"] == "ArmedGroup"
    sides = {e for e, _, _ in _claims(_incident(result), "participant")}
    assert "ngumino-self-defence-front" in sides


def test_a_front_that_reports_its_own_attack_is_armed(extractor: Extractor) -> None:
    text = (
        "date: 2024-06-03\n"
        "The People's Liberation Front said it had attacked an army post in Tessit on Sunday, "
        "killing two soldiers.\n"
    )
    assert _types(_run(extractor, text))["peoples-liberation-front"] == "ArmedGroup"


def test_a_ministry_is_a_government_body(extractor: Extractor) -> None:
    text = (
        "date: 2024-06-03\n"
        "The Ministry of Water said a bomb damaged a pumping station in Gao on Sunday.\n"
    )
    assert _types(_run(extractor, text))["ministry-of-water"] == "Government"


def test_a_front_that_only_speaks_is_no_armed_group(extractor: Extractor) -> None:
    """Counterexample: the same kind of name with no act of violence, apposition or armed
    men is an organisation, and a state's army is no new group."""
    text = (
        "date: 2024-06-03\n"
        "The Popular Renewal Front said it would hold a rally in Bamako on Friday. The "
        "Malian army did not comment.\n"
    )
    result = _run(extractor, text)
    types = _types(result)
    assert types["popular-renewal-front"] == "Organization"
    assert not any(t == "ArmedGroup" for t in types.values())
    assert not any(e.type in ("Attack", "ArmedClash", "Bombing") for e in result.events)


def test_an_apposition_says_whether_a_movement_is_armed(extractor: Extractor) -> None:
    """The same name is armed where an apposition calls it a rebel group, and an
    organisation where the apposition calls it a cooperative (the counterexample)."""
    armed = (
        "date: 2024-06-03\n"
        "Residents said the Lulenge Resistance Movement, a rebel group formed last year, took "
        "control of the village of Kitoko on Saturday.\n"
    )
    civil = (
        "date: 2024-06-03\n"
        "The Lulenge Resistance Movement, a farmers' cooperative, opened a market in Kitoko "
        "on Saturday.\n"
    )
    assert _types(_run(extractor, armed))["lulenge-resistance-movement"] == "ArmedGroup"
    assert _types(_run(extractor, civil))["lulenge-resistance-movement"] == "Organization"


def test_the_lead_s_own_day_wins_over_the_dateline_s(extractor: Extractor) -> None:
    """The dateline says when the report was filed; the lead's "on Monday" is the attack's
    day, though the parser hangs the dateline's date on the same verb."""
    text = (
        "date 2023-05-10\n"
        "BORAMA, Somaliland, May 10 (Invented Wire) - Gunmen attacked a police post near "
        "Borama on Monday, killing two officers, officials said.\n"
    )
    assert _incident(_run(extractor, text)).date == "2023-05-08"


def test_a_dateline_s_day_still_dates_a_lead_that_gives_none(extractor: Extractor) -> None:
    """Counterexample: with no day of its own in the lead, the dateline's day is kept."""
    text = (
        "date 2023-05-10\n"
        "BORAMA, Somaliland, May 10 (Invented Wire) - Gunmen attacked a police post near "
        "Borama, killing two officers, officials said.\n"
    )
    assert _incident(_run(extractor, text)).date == "2023-05-10"
