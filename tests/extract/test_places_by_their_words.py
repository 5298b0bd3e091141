"""Towns the small NER reads as persons or organisations, typed as places by the words around
them (extract/entities/name_context.py): a facility noun sited "in" or "at" the name, a
facility named after its town ("the port of X"), the object of a verb that only takes ground.
Each positive case checks the NER's own wrong label first, so that the test says what the
rule corrects; each counterexample names a person or a body that must keep its kind."""

from __future__ import annotations

import pytest

from conflict_kg.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> dict[str, str]:
    result = extractor.extract(ArticleInput("t", text))
    return {e.name: e.type for e in result.entities}


def _ner(extractor: Extractor, text: str, name: str) -> str:
    labels = {e.text: e.label_ for e in extractor.nlp(text).ents}
    return labels.get(name, "")


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Aid workers fled the camp at Mirro after the shooting.", "Mirro", "ORG"),
        ("Militants blew up the shrine at Hollin overnight.", "Hollin", "PERSON"),
        ("Shells hit the port of Garlo overnight, setting fire to a warehouse.", "Garlo", "PERSON"),
        ("A wounded fighter died in the hospital of Vasko on Sunday.", "Vasko", "PERSON"),
        ("Government troops have retaken Harold after a week of clashes.", "Harold", "PERSON"),
        ("The militia overran Pella at dawn and burned the market.", "Pella", "PERSON"),
    ],
)
def test_a_town_sited_by_its_facility_or_taken_is_a_place(
    extractor: Extractor, text: str, name: str, label: str
) -> None:
    assert _ner(extractor, text, name) == label
    assert _types(extractor, text)[name] == "Place"


def test_a_place_once_is_a_place_everywhere(extractor: Extractor) -> None:
    text = (
        "A roadside bomb hit a checkpoint at Hollin on Monday. Hollin has been shelled "
        "every night this month."
    )
    assert _ner(extractor, text, "Hollin") == "PERSON"
    result = extractor.extract(ArticleInput("t", text))
    hollin = [e for e in result.entities if e.name == "Hollin"]
    assert [e.type for e in hollin] == ["Place"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Police recaptured Harold Benn two days after his escape.", "Harold Benn", "Person"),
        ("She worked at Google for ten years.", "Google", "Organization"),
        ("Prosecutors opened an inquiry into Siemens on Monday.", "Siemens", "Organization"),
        (
            "Two nurses were detained at a clinic in the Ministry of Health.",
            "Ministry of Health",
            "Government",
        ),
        ("Police captured Marta Vell at her home on Monday.", "Marta Vell", "Person"),
    ],
)
def test_a_person_or_a_body_by_a_facility_keeps_its_kind(
    extractor: Extractor, text: str, name: str, kind: str
) -> None:
    assert _types(extractor, text)[name] == kind


def test_a_town_placed_once_is_no_mayors_person_elsewhere(extractor: Extractor) -> None:
    text = (
        "Rebels attacked the town of Orvik on Monday. Orvik was quiet by evening, and "
        "Orvik's mayor asked for help."
    )
    assert _ner(extractor, text, "Orvik") == "ORG"
    assert _types(extractor, text)["Orvik"] == "Place"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Police recaptured Harold Benn on Monday. Benn had escaped from the prison of "
            "Lorvi in May.",
            "Harold Benn",
            "Person",
        ),
        (
            "Two deputies were detained in Parliament on Friday. Parliament met again on Monday.",
            "Parliament",
            "Organization",
        ),
    ],
)
def test_a_mention_that_places_nothing_moves_no_other(
    extractor: Extractor, text: str, name: str, kind: str
) -> None:
    assert _types(extractor, text)[name] == kind


def test_a_facility_of_a_patron_placed_in_a_town_keeps_its_patron(extractor: Extractor) -> None:
    """Counterexample: "the hospital of X in Y" is named after X, and Y is its town."""
    text = "Protesters marched to the hospital of Saint Orla in Brevik to demand better pay."
    entities = {e.name: e.type for e in extractor.extract(ArticleInput("t", text)).entities}
    assert entities.get("Saint Orla") != "Place"
