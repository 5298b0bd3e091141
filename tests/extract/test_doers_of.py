"""`doers_of`, the one reading of "who does this verb" every stage shares: the subject, the
object of a passive "by", and the readings a stage asks for by option (a relative pronoun
standing for its noun, object control of a gerund, a coordinated verb sharing its first
verb's doers, a purpose clause taking its host's, coordinated doers). The sentences are
invented; each assertion names the exact tokens returned."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from conflict_kg.extract import load_nlp
from conflict_kg.extract.language import doers_of


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _verb(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def _texts(tokens: list[Token]) -> list[tuple[str, int]]:
    return [(t.text, t.i) for t in tokens]


def test_the_subject_of_an_active_verb(nlp: Language) -> None:
    doc = nlp("Masked gunmen stormed the police post in Varnek.")
    assert _texts(doers_of(_verb(doc, "stormed"))) == [("gunmen", 1)]


def test_the_object_of_a_passive_by(nlp: Language) -> None:
    doc = nlp("The police post in Varnek was stormed by masked gunmen.")
    # the passive subject ("post") is what was stormed, not who stormed it
    assert _texts(doers_of(_verb(doc, "stormed"))) == [("gunmen", 9)]


def test_a_verb_with_no_subject_has_no_doer(nlp: Language) -> None:
    doc = nlp("Burn the barns tonight.")
    assert doers_of(_verb(doc, "Burn")) == []


def test_a_coordinated_verb_shares_its_first_verbs_doers_only_when_asked(nlp: Language) -> None:
    doc = nlp("A mob surrounded the bus near Oltiva and attacked its driver.")
    attacked = _verb(doc, "attacked")
    assert doers_of(attacked) == []
    assert _texts(doers_of(attacked, shared="head")) == [("mob", 1)]
    assert _texts(doers_of(attacked, shared="first")) == [("mob", 1)]


def test_head_sharing_looks_one_verb_up_and_first_sharing_up_the_whole_chain(
    nlp: Language,
) -> None:
    # "killed" hangs on "burned", which hangs on "looted": only "looted" has a subject
    doc = nlp("The raiders looted the granary, burned the barns and killed two herders.")
    killed = _verb(doc, "killed")
    assert doers_of(killed, shared="head") == []
    assert _texts(doers_of(killed, shared="first")) == [("raiders", 1)]
    assert _texts(doers_of(_verb(doc, "burned"), shared="head")) == [("raiders", 1)]


def test_a_relative_pronoun_stands_for_its_noun_when_asked(nlp: Language) -> None:
    doc = nlp("The bomb that wounded four traders in Ebrin was hidden in a cart.")
    wounded = _verb(doc, "wounded")
    assert _texts(doers_of(wounded)) == [("that", 2)]
    assert _texts(doers_of(wounded, relative=True)) == [("bomb", 1)]


def test_a_gerund_after_a_verbs_preposition_has_that_verbs_object_when_asked(
    nlp: Language,
) -> None:
    doc = nlp("The council blamed the Tarrow militia for burning the clinic.")
    burning = _verb(doc, "burning")
    assert doers_of(burning) == []
    assert _texts(doers_of(burning, controlled=True)) == [("militia", 5)]


def test_a_passive_governor_lends_its_passive_subject_to_the_gerund(nlp: Language) -> None:
    doc = nlp("The Tarrow militia was accused of burning the clinic.")
    assert _texts(doers_of(_verb(doc, "burning"), controlled=True)) == [("militia", 2)]


def test_a_purpose_clause_has_its_hosts_doers_when_asked(nlp: Language) -> None:
    doc = nlp("Troops fired tear gas to disperse the marchers in Kelsa.")
    disperse = _verb(doc, "disperse")
    assert doers_of(disperse) == []
    assert _texts(doers_of(disperse, hosted=True)) == [("Troops", 0)]


def test_coordinated_doers_are_doers_when_asked(nlp: Language) -> None:
    doc = nlp("Police and soldiers fired on the crowd in Mervan.")
    fired = _verb(doc, "fired")
    assert _texts(doers_of(fired)) == [("Police", 0)]
    assert _texts(doers_of(fired, conjuncts=True)) == [("Police", 0), ("soldiers", 2)]
