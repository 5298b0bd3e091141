"""A clause the small parser leaves without its verb gets it back before triggers are read.

"Two men on a scooter shot dead ..." is parsed with "scooter shot" as a noun compound and
"dead" as the root, so the killing had no trigger, doer or victim. A token with a past
reading of a lexicon verb, a subject to its left and an object to its right, in a clause
without a finite verb, is that verb. Headline fragments without an object, and a noun
phrase that only looks like one, keep their reading. The articles are invented.
"""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.nlp import load_nlp


def _roles(extractor: Extractor, text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    extraction = extractor.extract(ArticleInput("invented", text))
    return [
        (e.type, e.mentions[0].text, sorted((a.role, a.text) for a in e.arguments))
        for e in extraction.events
    ]


def test_a_verb_read_as_a_noun_is_the_clause_verb() -> None:
    doc = load_nlp()("Two men on a scooter shot dead a goldsmith in Perrow on Monday.")
    shot = doc[5]
    assert (shot.text, shot.pos_, shot.tag_, shot.dep_, shot.lemma_) == (
        "shot", "VERB", "VBD", "ROOT", "shoot",
    )  # fmt: skip
    assert [(c.text, c.dep_) for c in shot.children] == [
        ("men", "nsubj"), ("dead", "acomp"), ("goldsmith", "dobj"), ("on", "prep"), (".", "punct"),
    ]  # fmt: skip
    assert (doc[4].text, doc[4].dep_, doc[4].head.text) == ("scooter", "pobj", "on")
    assert len(list(doc.sents)) == 1


def test_the_killing_has_its_doer_and_victim(extractor: Extractor) -> None:
    text = "Two men on a scooter shot dead a goldsmith in Perrow on Monday."
    roles = [("perpetrator", "Two men"), ("place", "Perrow"), ("victim", "goldsmith")]
    assert _roles(extractor, text) == [("Attack", "shot", roles)]


def test_a_participle_read_as_a_relative_clause_with_an_object(extractor: Extractor) -> None:
    """A gang on motorcycles "hacked to death a farmer": the parser made "hacked" a
    reduced relative of "motorcycles", but a passive participle takes no direct object."""
    doc = load_nlp()("A gang on motorcycles hacked to death a farmer near Perrow.")
    hacked = doc[4]
    assert (hacked.dep_, hacked.tag_) == ("ROOT", "VBD")
    assert sorted((c.text, c.dep_) for c in hacked.children if c.dep_ in ("nsubj", "dobj")) == [
        ("farmer", "dobj"), ("gang", "nsubj"),
    ]  # fmt: skip


def test_headline_without_an_object_keeps_its_reading() -> None:
    """Counterexample: "Four soldiers wounded in ambush" has no object; the soldiers were
    wounded, they wounded no one."""
    doc = load_nlp()("Four soldiers wounded in ambush near Perrow.")
    assert [(t.text, t.dep_, t.tag_) for t in doc if t.text in ("soldiers", "wounded")] == [
        ("soldiers", "ROOT", "NNS"), ("wounded", "acl", "VBN"),
    ]  # fmt: skip


def test_a_noun_phrase_that_only_looks_like_one_is_left_alone() -> None:
    """Counterexample: "a mug shot of the suspect" is a noun phrase; nothing follows it
    as an object of a verb."""
    doc = load_nlp()("Photo: a mug shot of the suspect, a dead end street in Perrow.")
    assert [t.pos_ for t in doc if t.text == "shot"] == ["NOUN"]
    assert all(t.tag_ != "VBD" for t in doc)


def test_a_reported_clause_gets_its_verb_back(extractor: Extractor) -> None:
    """Wire copy tells the killing under "police said": the reported clause is repaired
    and hangs under the reporting verb."""
    text = "Two men on a scooter shot dead a goldsmith in Perrow on Monday, police said."
    doc = load_nlp()(text)
    assert (doc[5].text, doc[5].pos_, doc[5].dep_, doc[5].head.text) == (
        "shot", "VERB", "ccomp", "said",
    )  # fmt: skip
    roles = [("perpetrator", "Two men"), ("place", "Perrow"), ("victim", "goldsmith")]
    assert _roles(extractor, text) == [("Attack", "shot", roles)]


def test_a_reported_noun_phrase_is_left_alone() -> None:
    """Counterexample: "the mug shot of the suspect" under "police said" is a noun."""
    doc = load_nlp()("Police said the mug shot of the suspect was released on Tuesday.")
    shot = next(t for t in doc if t.text == "shot")
    assert (shot.pos_, shot.dep_) == ("NOUN", "nsubjpass")
