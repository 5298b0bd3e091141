"""The facts the ACLED table's `admin1` and `source_scale` come from (issue #18, gap 2): a
place's first-level division from the data, written as `ck:admin1`, and the source scale a
JSON input states, written as `ck:sourceScale`."""

from __future__ import annotations

import pytest
from rdflib import Literal

from conflict_kg.extract import ArticleError, Extractor, article_from_json, article_graph
from conflict_kg.extract.language.admin_areas import admin1_of
from conflict_kg.ontologies import CK, article_iri, entity_iri


@pytest.mark.parametrize(
    ("place", "admin1"),
    [
        ("Baghdad", "Baghdad"),  # a city named like its governorate
        ("Erbil", "Erbil"),
        ("Mosul", "Nineveh"),  # a city: its governorate's name
        ("Sadr City", "Baghdad"),
        ("Fallujah", "Anbar"),  # GeoNames calls it "Al Fallūjah": an alternate name
        ("Anbar", "Anbar"),  # a governorate: its own name
        ("Nineveh province", "Nineveh"),
        ("ninewa", "Nineveh"),
        ("Douma", "Rif Dimashq"),
        ("Iraq", None),  # a country has none
        ("Paris", None),  # a country the data does not cover
        ("Nowhere Village", None),
    ],
)
def test_admin1_of_a_place(place: str, admin1: str | None) -> None:
    assert admin1_of(place) == admin1


def test_a_json_input_states_its_source_scale() -> None:
    item = article_from_json("a.json", {"text": "x y", "source_scale": "international-National"})
    assert item.extra == {"source_scale": "National-International"}  # ACLED's spelling, order
    assert article_from_json("b.json", {"text": "x y"}).extra == {}
    with pytest.raises(ArticleError, match=r"b.json: 'source_scale' must be ACLED's: Local"):
        article_from_json("b.json", {"text": "x y", "source_scale": "Global"})
    with pytest.raises(ArticleError, match="field 'source_scale' must be a string"):
        article_from_json("b.json", {"text": "x y", "source_scale": 3})


def test_the_graph_carries_both(extractor: Extractor) -> None:
    item = article_from_json(
        "mosul.json",
        {
            "text": "MOSUL, Iraq, March 3 (Invented Wire) - Gunmen attacked a police checkpoint "
            "in Mosul on Friday, killing two policemen, officials said.",
            "source_scale": "National",
        },
    )
    extraction = extractor.extract(item)
    iri, graph = article_graph(extraction)
    assert iri == article_iri(extraction.article.id)
    assert extraction.article.source_scale == "National"
    assert (iri, CK.sourceScale, Literal("National")) in graph
    assert (entity_iri("Mosul"), CK.admin1, Literal("Nineveh")) in graph
    assert not list(graph.objects(entity_iri("Iraq"), CK.admin1))
