"""Lookups that fact building makes for every article: word positions from the Doc's
arrays, and country names from an index."""

from __future__ import annotations

import spacy

from conflict_kg.extract.language import positions
from conflict_kg.extract.language.lexicon import CountryRecord, Lexicon, load_lexicon


def test_positions_finds_every_lowercase_form_in_order() -> None:
    doc = spacy.blank("en")("The Iranian authorities and the IRANIAN army said the")
    assert positions(doc, {"the"}) == [0, 4, 8]
    assert positions(doc, ("iranian", "army")) == [1, 5, 6]
    assert positions(doc, {"absent"}) == []
    assert positions(spacy.blank("en")(""), {"the"}) == []


def test_country_of_name_reads_names_aliases_exact_acronyms_and_demonyms() -> None:
    lexicon = load_lexicon()
    assert lexicon.country_of_name("united states of america") == "United States"
    assert lexicon.country_of_name("U.S.") == "United States"
    assert lexicon.country_of_name("Iranian") == "Iran"
    assert lexicon.country_of_name("u.s.") is None
    assert lexicon.country_of_name("Kirkuk") is None


def test_country_index_follows_countries_added_after_first_use() -> None:
    lexicon = Lexicon()
    assert lexicon.country_of_name("Freedonia") is None
    lexicon.countries["Freedonia"] = CountryRecord("Freedonia", (), None, ("Fredonia",), ("FR",))
    assert lexicon.country_of_name("fredonia") == "Freedonia"
    assert lexicon.country_of_name("FR") == "Freedonia"


def test_positions_answer_for_each_doc_when_docs_alternate() -> None:
    """The per-Doc word index never answers for another Doc."""
    nlp = spacy.blank("en")
    first = nlp("Troops left . The troops came back with more troops .")
    second = nlp("No troops here , only police .")
    assert positions(first, ["troops"]) == [0, 4, 9]
    assert positions(second, ["troops", "police"]) == [1, 5]
    assert positions(first, ["police", "troops"]) == [0, 4, 9]
    assert positions(second, []) == []
