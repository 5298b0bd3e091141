"""Claims with their own source and certainty (issue 15, item 4): whoever is charged with,
faces charges for or stands trial for an act is its `alleged` doer, never an asserted one,
on the word of whoever brings the case; a party that denies another's deed makes that
party's claim `denied` on the denier's word, beside the allegation, and is no doer itself.
Every article here is invented for the test."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.model import Event, Extraction


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _incident(result: Extraction, kind: str) -> Event:
    (event,) = [e for e in result.events if e.type == kind]
    return event


def _perpetrators(event: Event) -> list[tuple[str, str, str | None]]:
    return sorted(
        (a.entity.split("-")[0], a.certainty, a.source)
        for a in event.arguments
        if a.role == "perpetrator"
    )


# Charges and trials ------------------------------------------------------------------------------


def test_who_faces_charges_after_a_shooting_is_its_alleged_doer(extractor: Extractor) -> None:
    text = "A soldier faces assault charges after a protester was shot in Mora."
    event = _incident(_run(extractor, text), "Attack")
    assert _perpetrators(event) == [("security", "alleged", None)]


def test_a_doer_told_beside_the_charge_is_alleged_not_asserted(extractor: Extractor) -> None:
    text = "A soldier who beat a protester in Mora on Tuesday faces charges."
    event = _incident(_run(extractor, text), "Attack")
    assert _perpetrators(event) == [("security", "alleged", None)]


def test_charges_filed_against_men_are_the_prosecutors_word(extractor: Extractor) -> None:
    text = (
        "Soldiers shot a protester in Mora on Tuesday. Prosecutors filed charges against two "
        "soldiers over the shooting."
    )
    claims = {(a.text, a.certainty, a.source) for a in _run(extractor, text).events[0].arguments}
    assert ("soldiers", "alleged", "Prosecutors") in claims


def test_who_is_arrested_and_charged_stays_the_arrested_one(extractor: Extractor) -> None:
    text = "A soldier was arrested and charged with the shooting of a protester in Mora on Tuesday."
    result = _run(extractor, text)
    assert _perpetrators(_incident(result, "Attack")) == [("security", "alleged", None)]
    arrest = _incident(result, "Arrest")
    assert [(a.role, a.text) for a in arrest.arguments] == [("victim", "soldier")]


def test_a_charge_of_another_crime_accuses_nobody_of_the_incident(extractor: Extractor) -> None:
    text = "Soldiers shot a protester in Mora on Tuesday. A soldier faces fraud charges."
    event = _run(extractor, text).events[0]
    assert {a.certainty for a in event.arguments if a.role == "perpetrator"} == {"asserted"}


def test_a_charge_into_a_crowd_is_no_charge_at_law(extractor: Extractor) -> None:
    text = "Soldiers shot a protester in Mora on Tuesday. Police charged the crowd with batons."
    event = _run(extractor, text).events[0]
    assert [a.text for a in event.arguments if a.role == "perpetrator"] == ["Soldiers"]


# Denials for another ----------------------------------------------------------------------------

BLAME = "Police blamed the Red Hand for the bombing in Kesh. "


@pytest.mark.parametrize(
    ("denial", "denier"),
    [
        ("The group's allies in Pell denied it.", "The group's allies"),
        ("The Pell Front, an ally of the group, rejected the accusation.", "The Pell Front"),
        (
            "Its political wing denied that the group had carried out the attack.",
            "Its political wing",
        ),
        ("The Red Hand denied the accusation.", "The Red Hand"),
    ],
)
def test_a_denial_denies_the_accused_groups_deed_on_the_deniers_word(
    extractor: Extractor, denial: str, denier: str
) -> None:
    """Allies, another group or a wing that deny it deny the Red Hand's deed, and are no
    doers themselves; the Red Hand denying the accusation denies for itself."""
    event = _incident(_run(extractor, BLAME + denial), "Bombing")
    assert _perpetrators(event) == [("red", "alleged", "Police"), ("red", "denied", denier)]


def test_a_group_denying_an_accusation_of_unnamed_men_denies_its_own_part(
    extractor: Extractor,
) -> None:
    text = "Police accused two men of the bombing in Kesh. The Pell Front rejected the accusation."
    event = _incident(_run(extractor, text), "Bombing")
    assert _perpetrators(event) == [
        ("pell", "denied", "The Pell Front"),
        ("two", "alleged", "Police"),
    ]


def test_a_denial_and_the_witnesses_account_keep_their_sources(extractor: Extractor) -> None:
    text = (
        "The army denied that its troops had fired on the march in Dunmere; witnesses said "
        "soldiers opened fire."
    )
    event = _run(extractor, text).events[0]
    claims = [(a.entity, a.certainty, a.source) for a in event.arguments if a.role == "perpetrator"]
    assert len(claims) == len(set(claims))
    assert sorted((c, s) for _, c, s in claims) == [
        ("alleged", "witnesses"),
        ("denied", "The army"),
    ]


def test_a_charge_that_names_only_a_kind_of_crime_ties_no_one_to_the_incident(
    extractor: Extractor,
) -> None:
    """Counterexample: "arrested on murder charges" names no incident; the article's
    shooting is not it by nearness."""
    text = (
        "Gunmen shot dead a farmer near Osk on Monday. On Tuesday a soldier was arrested "
        "on murder charges in the capital."
    )
    result = extractor.extract(ArticleInput("invented.txt", text))
    doers = {a.text for e in result.events for a in e.arguments if a.role == "perpetrator"}
    assert doers == {"Gunmen"}
