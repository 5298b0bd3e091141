"""Who takes ground: state forces described by a noun, and the phrases for taking ground."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event


def _events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(ArticleInput("t", text)).events


def _summary(event: Event) -> tuple[str, str | None, list[str]]:
    perpetrators = [a.text for a in event.arguments if a.role == "perpetrator"]
    return event.type, event.acled, perpetrators


def test_troops_driving_rebels_back_is_the_government_regaining_ground(
    extractor: Extractor,
) -> None:
    (event,) = _events(extractor, "Government troops drove back the rebels from the town.")
    assert _summary(event) == ("ArmedClash", "GOV_REGAINS_TERIT", ["troops"])


def test_soldiers_dislodging_militants_from_a_village(extractor: Extractor) -> None:
    (event,) = _events(extractor, "Soldiers dislodged militants from a hilltop village.")
    assert _summary(event) == ("ArmedClash", "GOV_REGAINS_TERIT", ["Soldiers"])


def test_militants_taking_over_a_district_is_a_non_state_actor_taking_ground(
    extractor: Extractor,
) -> None:
    (event,) = _events(extractor, "Militants took over the district headquarters in Kunar.")
    assert _summary(event) == ("ArmedClash", "NON_STATE_ACTOR_OVERTAKES_TER", ["Militants"])


def test_expelling_people_from_a_province_takes_no_ground(extractor: Extractor) -> None:
    assert _events(extractor, "The ministry expelled two journalists from the province.") == []
