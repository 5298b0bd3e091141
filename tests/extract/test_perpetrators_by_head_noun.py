"""Perpetrators named by what they are: a body of men by its head noun ("the Red Dawn Front",
"a guerrilla column", "the army of the north"), the group whose men attacked ("guerrillas of
the X Front"), and the group an incident is blamed on or attributed to, in mixed case and in
lower case alike (extract/roles/described.py, extract/roles/responsibility.py,
extract/entities/name_labels.py). All texts are invented."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Extraction


def _perpetrators(result: Extraction) -> set[str]:
    return {
        a.text.lower()
        for e in result.events
        for a in e.arguments
        if a.role == "perpetrator" and a.certainty != "denied"
    }


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("t", text))


@pytest.mark.parametrize("lower", [False, True])
def test_a_front_named_by_its_head_noun_attacked(extractor: Extractor, lower: bool) -> None:
    text = "The Red Dawn Front attacked a police post near the border of Velmora on Monday."
    result = _extract(extractor, text.lower() if lower else text)
    assert "red dawn front" in _perpetrators(result)


@pytest.mark.parametrize("lower", [False, True])
def test_the_group_whose_men_attacked_is_a_perpetrator(extractor: Extractor, lower: bool) -> None:
    text = (
        "Guerrillas of the Harvest Liberation Front ambushed an army truck near Oskel on "
        "Friday, killing two soldiers."
    )
    result = _extract(extractor, text.lower() if lower else text)
    assert any("harvest liberation front" in p for p in _perpetrators(result))


@pytest.mark.parametrize("lower", [False, True])
def test_a_killing_blamed_on_a_gang(extractor: Extractor, lower: bool) -> None:
    text = (
        "Gunmen shot dead a judge in Tarso on Monday. "
        "Police blamed the killing on the Black Hand Gang."
    )
    result = _extract(extractor, text.lower() if lower else text)
    assert "black hand gang" in _perpetrators(result)
    assert "gunmen" in _perpetrators(result)  # the blamed group does not push out the gunmen


def test_a_cartel_the_ner_calls_a_place_is_an_organisation(extractor: Extractor) -> None:
    text = "Officials said the Northern Cartel controls the river ports of Vasko."
    result = _extract(extractor, text)
    types = {e.name: e.type for e in result.entities}
    assert types.get("Northern Cartel") not in (None, "Place")


def test_a_front_line_is_no_perpetrator(extractor: Extractor) -> None:
    """Counterexample: a singular thing that is no body of men does not become one."""
    text = "A shell hit the front of a school in Tarso on Monday, wounding three pupils."
    result = _extract(extractor, text)
    assert _perpetrators(result) == set()


def test_nobody_blamed_is_no_perpetrator(extractor: Extractor) -> None:
    """Counterexample: "no group" claims or is blamed for nothing."""
    text = (
        "A bomb exploded at a bank in Tarso on Friday, wounding four people. "
        "No group claimed responsibility for the bombing."
    )
    result = _extract(extractor, text)
    assert _perpetrators(result) == set()
    assert [e for e in result.entities if e.type == "ArmedGroup"] == []


def test_a_speaker_of_a_party_is_no_perpetrator(extractor: Extractor) -> None:
    """Counterexample: a party that only condemns an attack did not carry it out."""
    text = (
        "Gunmen killed a mayor in Oskel on Sunday. "
        "The Farmers Party condemned the killing in a statement."
    )
    result = _extract(extractor, text.lower())
    assert "farmers party" not in _perpetrators(result)
    assert "gunmen" in _perpetrators(result)


@pytest.mark.parametrize(
    "text",
    [
        "A bomb destroyed a bus in Oskel on Monday. Members of the Harvest Front were "
        "responsible for the bombing, police said.",
        "a bomb destroyed a bus in oskel on monday. members of the harvest front were "
        "responsible for the bombing, police said.",
        "a bomb exploded outside a bank in oskel on monday, an attack for which police held "
        "the harvest front responsible.",
    ],
)
def test_a_group_said_to_be_responsible_for_the_incident(extractor: Extractor, text: str) -> None:
    assert any("harvest front" in p for p in _perpetrators(_extract(extractor, text)))


def test_responsible_for_security_is_no_claim(extractor: Extractor) -> None:
    """Counterexample: responsibility for something that is no incident claims nothing."""
    text = (
        "A bomb exploded outside a bank in Oskel on Monday. The Harvest Front is responsible "
        "for security in the province."
    )
    result = _extract(extractor, text.lower())
    assert not any("harvest front" in p for p in _perpetrators(result))



def test_a_described_militia_gives_way_to_the_named_group(extractor: Extractor) -> None:
    """Counterexample: "at least one armed militia" describes the group the body names; the
    name wins and the description is no perpetrator of its own."""
    text = (
        "A drone strike on the governor of Oskel on Sunday was carried out by at least one "
        "armed militia, officials said. Police blamed the strike on the Harvest Front."
    )
    perpetrators = _perpetrators(_extract(extractor, text))
    assert "harvest front" in perpetrators
    assert not any("militia" in p for p in perpetrators)
