"""Claims with certainty and source (issue 15, item 4): who is blamed, accused, suspected or
denies, on whose word. Every article here is invented for the test."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event, Extraction

ATTACKS = frozenset(
    {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination"}
)


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _incident(extraction: Extraction) -> Event:
    (event,) = [e for e in extraction.events if e.type in ATTACKS]
    return event


def _perpetrators(event: Event) -> set[tuple[str, str, str | None]]:
    return {(a.entity, a.certainty, a.source) for a in event.arguments if a.role == "perpetrator"}


def test_a_denial_stands_beside_the_accusation_in_the_same_event(extractor: Extractor) -> None:
    text = (
        "date: 2025-04-14\n"
        "Rocket attack on airport blamed on militia\n"
        "A rocket attack hit the airport in Erbil on Sunday, wounding two guards. Kurdish "
        "officials accused Kataib Hezbollah of carrying out the attack. Kataib Hezbollah "
        "denied any involvement.\n"
    )
    result = _run(extractor, text)
    event = _incident(result)
    assert event.date == "2025-04-13"
    perpetrators = _perpetrators(event)
    assert ("kataib-hezbollah", "alleged", "Kurdish officials") in perpetrators
    assert ("kataib-hezbollah", "denied", "Kataib Hezbollah") in perpetrators
    assert not any(certainty == "asserted" for _, certainty, _ in perpetrators)


def test_the_group_that_denies_is_the_group_named_before(extractor: Extractor) -> None:
    text = (
        "Gunmen killed a judge in Peshawar on Monday. Officials blamed the Pakistani Taliban "
        "for the killing, but the group denied any involvement."
    )
    perpetrators = _perpetrators(_incident(_run(extractor, text)))
    assert ("tehrik-i-taliban-pakistan", "alleged", "Officials") in perpetrators
    assert ("tehrik-i-taliban-pakistan", "denied", "Tehrik-i-Taliban Pakistan") in perpetrators


@pytest.mark.parametrize(
    ("text", "entity", "source"),
    [
        ("A bomb exploded near a bus station in Quetta on Monday. Police suspected the "
         "Baloch Liberation Army.", "balochistan-liberation-army", "Police"),
        ("Drones struck an oil depot near Sanaa on Saturday. The Houthis blamed the "
         "Saudi-led coalition.", "saudi-led-coalition", "The Houthis"),
        ("A car bomb exploded outside a hotel in Mogadishu on Sunday. The attack was claimed "
         "by al-Shabaab.", "al-shabaab", "al-Shabaab"),
        ("An explosion damaged a pipeline near Kirkuk on Wednesday. The attack was "
         "attributed to Islamic State militants.", "islamic-state", None),
        ("Gunmen ambushed an army convoy near Gao on Thursday. The army said Islamic State "
         "fighters were believed to be behind the ambush.", "islamic-state", "The army"),
        ("A roadside bomb exploded near Tikrit on Friday. The ministry blamed the attack on "
         "Islamic State.", "islamic-state", "The ministry"),
        ("Gunmen ambushed a convoy near Gao on Thursday. Islamic State fighters are believed "
         "to have carried out the ambush.", "islamic-state", None),
    ],
)  # fmt: skip
def test_blame_and_suspicion_give_an_alleged_perpetrator_with_its_source(
    extractor: Extractor, text: str, entity: str, source: str | None
) -> None:
    perpetrators = _perpetrators(_incident(_run(extractor, text)))
    assert (entity, "alleged", source) in perpetrators
    assert (entity, "asserted") not in {(e, c) for e, c, _ in perpetrators}


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber struck a mosque in Kabul on Friday, killing 20 worshippers. Islamic "
        "State claimed responsibility in a statement that could not be independently verified.",
        "A car bomb exploded at a market in Tal Afar on Friday. Security officials suspected "
        "Islamic State militants, but the claim could not be verified.",
        "A car bomb exploded at a market in Tal Afar on Friday. Officials blamed Islamic "
        "State.\nThe claim could not be verified.",
        "Drones struck a depot near Sanaa on Saturday. An unconfirmed report said Islamic "
        "State was involved.",
    ],
)
def test_a_doubted_claim_is_unconfirmed_never_asserted(extractor: Extractor, text: str) -> None:
    perpetrators = _perpetrators(_incident(_run(extractor, text)))
    islamic_state = {c for e, c, _ in perpetrators if e == "islamic-state"}
    assert islamic_state == {"unconfirmed"}


@pytest.mark.parametrize(
    "text",
    [
        "Militants stormed a checkpoint in Idlib on Monday. No group claimed responsibility.",
        "An explosion damaged a pipeline near Kirkuk on Wednesday. The Taliban did not claim "
        "responsibility.",
    ],
)
def test_a_responsibility_nobody_claimed_adds_no_perpetrator(
    extractor: Extractor, text: str
) -> None:
    perpetrators = _perpetrators(_incident(_run(extractor, text)))
    assert "taliban" not in {e for e, _, _ in perpetrators}
    assert all(e.startswith("unidentified-") for e, _, _ in perpetrators)


def test_a_perpetrator_stated_plainly_stays_asserted(extractor: Extractor) -> None:
    """The counterexample: no blame, no doubt, no denial."""
    text = "Islamic State fighters attacked a checkpoint near Kirkuk on Monday, killing a soldier."
    perpetrators = _perpetrators(_incident(_run(extractor, text)))
    assert perpetrators == {("islamic-state", "asserted", None)}


def test_suspected_before_a_name_makes_it_alleged(extractor: Extractor) -> None:
    text = "Suspected Islamic State militants attacked a checkpoint near Kirkuk on Monday."
    perpetrators = _perpetrators(_incident(_run(extractor, text)))
    assert ("islamic-state", "alleged", None) in perpetrators
    assert ("islamic-state", "asserted", None) not in perpetrators


def test_one_actor_once_per_role_certainty_and_source(extractor: Extractor) -> None:
    text = (
        "A rocket attack hit the airport in Erbil on Sunday. Kurdish officials accused Kataib "
        "Hezbollah of the attack. Kurdish officials blamed Kataib Hezbollah for the attack. "
        "Kataib Hezbollah denied any involvement and rejected the accusation."
    )
    event = _incident(_run(extractor, text))
    perpetrators = [a for a in event.arguments if a.role == "perpetrator"]
    keys = [(a.role, a.entity, a.certainty, a.source) for a in perpetrators]
    assert len(keys) == len(set(keys))
    assert {k[2] for k in keys if k[1] == "kataib-hezbollah"} == {"alleged", "denied"}


def test_being_believed_to_fear_attacks_blames_nobody(extractor: Extractor) -> None:
    text = (
        "Gunmen ambushed a convoy near Gao on Thursday. Islamic State fighters are believed "
        "to be worried about the ambush."
    )
    perpetrators = _perpetrators(_incident(_run(extractor, text)))
    assert "islamic-state" not in {e for e, _, _ in perpetrators}
