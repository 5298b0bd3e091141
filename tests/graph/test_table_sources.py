"""ACLED's `admin1` and `source_scale` (issue #18, gap 2): read from the store's place and
article facts into the event tables, over the hand-made world whose every value is known."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pandas
import pytest
from network_world import ARTICLE, SHA, entity, world_graph
from rdflib import Literal

from conflict_kg.graph.export import export
from conflict_kg.graph.export.tables import source_scale
from conflict_kg.graph.store import Store, open_store
from conflict_kg.ontologies import CK, DCTERMS, RDF, RDFS, entity_iri


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    """The world, Mosul in Nineveh, and an article whose input said it is National."""
    iri, graph = world_graph()
    graph.add((entity("mosul"), CK.admin1, Literal("Nineveh")))
    graph.add((ARTICLE, CK.sourceScale, Literal("National")))
    with open_store("memory:") as world:
        world.add_article(iri, graph)
        yield world


def _rows(store: Store) -> pandas.DataFrame:
    body = export(store, "acled")
    frame = pandas.read_csv(io.BytesIO(body), keep_default_na=False, dtype=str)
    return frame.set_index("incident_id")


def test_admin1_is_the_located_place_s_division(store: Store) -> None:
    rows = _rows(store)
    assert (rows.loc["i1", "location"], rows.loc["i1", "admin1"]) == ("Mosul", "Nineveh")
    # Camp X has no division on record; Syria, which holds it, is a country: none
    assert rows.loc["i2", "admin1"] == ""
    assert rows.loc["i3", "admin1"] == ""  # no place at all


def test_the_stated_source_scale_wins_over_the_publisher_s(store: Store) -> None:
    rows = _rows(store)
    assert rows.loc["i1", "source_scale"] == "National"
    records = {
        r["event_id"]: r for r in map(json.loads, export(store, "plover").decode().splitlines())
    }
    assert records["i1"]["location"]["admin1"] == "Nineveh"


def test_a_wire_publisher_is_international_without_a_stated_scale() -> None:
    iri, graph = world_graph()
    reuters = entity_iri("Reuters")
    graph.add((ARTICLE, DCTERMS.publisher, reuters))
    graph.add((reuters, RDF.type, CK.Organization))
    graph.add((reuters, RDFS.label, Literal("Reuters")))
    with open_store("memory:") as world:
        world.add_article(iri, graph)
        rows = _rows(world)
    assert (rows.loc["i1", "source"], rows.loc["i1", "source_scale"]) == (
        "Reuters",
        "International",
    )


def test_scales_combine_as_acled_does() -> None:
    publishers = {"a": "Reuters", "b": "Invented Wire", "c": "AFP", "d": "reuters"}
    assert source_scale(["a", "b"], publishers, {}) == "International"
    assert source_scale(["b"], publishers, {}) == ""  # unknown publisher, nothing stated
    assert source_scale(["a", "b"], publishers, {"b": "National"}) == "National-International"
    # distinct scales once each, narrowest first, combinations taken apart
    stated = {"b": "Local partner-National", "e": "Subnational"}
    assert source_scale(["a", "b", "c", "d", "e"], publishers, stated) == (
        "Local partner-Subnational-National-International"
    )
    assert source_scale([SHA], {}, {}) == ""
