"""The event tables (issue #18, item 3): `acled` read back with pandas in ACLED's columns,
and `plover` as JSON lines, over the hand-made world whose every value is known."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date

import pandas
import pytest
from network_world import world_graph

from conflict_kg.extract import ArticleInput, Extractor, article_graph
from conflict_kg.graph.export import ExportError, export
from conflict_kg.graph.export.codebooks import acled_type, plover_type
from conflict_kg.graph.export.tables import ACLED_COLUMNS, EXTRA_COLUMNS
from conflict_kg.graph.network import NetworkFilter
from conflict_kg.graph.store import Store, open_store

ACLED_ORDER = (
    "event_date time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 "
    "inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso country admin1 "
    "location latitude longitude geo_precision source source_scale notes fatalities"
).split()


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with open_store("memory:") as world:
        world.add_article(*world_graph())
        yield world


def table(store: Store, filters: NetworkFilter | None = None) -> pandas.DataFrame:
    body = export(store, "acled", filters=filters)
    frame = pandas.read_csv(io.BytesIO(body), keep_default_na=False, dtype=str)
    return frame.set_index("incident_id", drop=False)


def test_acled_columns_in_acled_order_then_ours(store: Store) -> None:
    frame = table(store)
    assert list(ACLED_COLUMNS) == ACLED_ORDER
    assert list(frame.columns) == [*ACLED_ORDER, *EXTRA_COLUMNS]
    # one row per incident, by date, the undated last
    assert list(frame["incident_id"]) == ["i3", "i2", "i1", "i4"]


def test_acled_row_of_the_drone_strike(store: Store) -> None:
    strike = table(store).loc["i1"]
    assert strike["event_date"] == "2021-11-07"
    assert strike["time_precision"] == "1"
    assert (strike["disorder_type"], strike["event_type"], strike["sub_event_type"]) == (
        "Political violence",
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    # the shelling has no ACLED code of its own: none is invented
    assert table(store).loc["i2"]["event_type"] == ""
    assert (strike["actor1"], strike["assoc_actor_1"]) == ("Group One", "Group Two")
    assert strike["actor2"] == "Pat Target"
    # an armed group without an ACLED category is a political militia; a targeted person
    # gets no inter code (ACLED would not call a targeted official a civilian)
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("3", "", "30")
    assert (strike["country"], strike["iso"], strike["location"]) == ("Iraq", "368", "Mosul")
    assert strike["geo_precision"] == "1"
    assert (strike["fatalities"], strike["fatalities_reported"]) == ("2", "yes")
    assert (strike["actor1_certainty"], strike["actor2_certainty"]) == ("asserted", "asserted")
    assert strike["according_to"] == "Officials; A source"
    assert strike["evidence"] == "Group One carried out the drone strike."
    assert strike["articles"] == "ab" * 32
    assert strike["notes"] == (
        "On 2021-11-07, drone strike in Mosul by Group One (asserted), Group Two (alleged) "
        "against Pat Target (asserted)."
    )


def test_acled_dates_precision_sides_and_protesters(store: Store) -> None:
    frame = table(store)
    shelling, protest, talks = frame.loc["i2"], frame.loc["i3"], frame.loc["i4"]
    assert (shelling["event_date"], shelling["time_precision"]) == ("2021-10-01", "3")
    assert (shelling["latitude"], shelling["longitude"]) == ("10.5", "20.25")
    assert (protest["event_date"], protest["time_precision"]) == ("2020-01-01", "3")
    assert (protest["actor1"], protest["inter1"], protest["interaction"]) == ("Open Org", "6", "60")
    assert (protest["fatalities"], protest["fatalities_reported"]) == ("0", "no")
    # two participants and no perpetrator: the two sides of the meeting
    assert (talks["event_date"], talks["time_precision"]) == ("", "")
    assert (talks["actor1"], talks["actor2"], talks["interaction"]) == (
        "Group One",
        "Stateland",
        "13",
    )
    assert talks["notes"] == "Undated: talks between Group One (asserted) and Stateland (asserted)."


def test_acled_takes_the_network_filters(store: Store) -> None:
    recent = table(store, NetworkFilter(date_from=date(2021, 1, 1)))
    assert list(recent["incident_id"]) == ["i2", "i1"]
    denied = table(store, NetworkFilter(min_certainty="denied")).loc["i1"]
    assert denied["assoc_actor_1"] == "Group Two; Stateland"
    with pytest.raises(ExportError, match="projection 'actors' does not apply"):
        export(store, "acled", "actors")


def test_acled_vocabulary_from_the_ontology() -> None:
    strike = acled_type("AIR_STRIKE")
    assert strike is not None
    assert (strike.disorder_type, strike.event_type, strike.sub_event_type) == (
        "Political violence",
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    force = acled_type("FORCE_AGAINST_PROTEST")
    assert force is not None and force.disorder_type == "Political violence; Demonstrations"
    assert acled_type(None) is None and acled_type("NO_SUCH_CODE") is None


def test_plover_records(store: Store) -> None:
    lines = export(store, "plover").decode("utf-8").splitlines()
    records = {r["event_id"]: r for r in map(json.loads, lines)}
    assert list(records) == ["i3", "i2", "i1", "i4"]
    strike = records["i1"]
    assert (strike["event_type"], strike["event_mode"]) == ("ASSAULT", "heavy-weapons")
    assert [a["name"] for a in strike["actor"]] == ["Group One", "Group Two"]
    assert [a["certainty"] for a in strike["actor"]] == ["asserted", "alleged"]
    assert [a["id"] for a in strike["recipient"]] == ["p1"]
    assert strike["location"]["country"] == "Iraq"
    assert strike["fatalities"] == 2
    assert strike["stories"][0]["title"] == "Militias strike again"
    assert (records["i3"]["event_type"], records["i3"]["event_mode"]) == ("PROTEST", "demo")
    assert (records["i4"]["event_type"], records["i4"]["event_mode"]) == ("CONSULT", None)
    assert records["i4"]["event_date"] is None


def test_plover_categories_follow_the_class_hierarchy() -> None:
    assert plover_type("Bombing") is not None
    assert plover_type("Bombing").modes == ("explosives", "suicide-attack")  # type: ignore[union-attr]
    assert plover_type("Election") is None


def test_a_person_aimed_at_and_killed_is_one_actor_of_side_two(extractor: Extractor) -> None:
    """An assassinated person is the incident's target and its victim; ACLED's side 2
    names them once, as the victim (a civilian, inter 7)."""
    text = "Gunmen assassinated the mayor of Velmora, Tomas Brenn, on Monday in Dastel."
    with open_store("memory:") as one:
        one.add_article(*article_graph(extractor.extract(ArticleInput("brenn.txt", text))))
        row = table(one).iloc[0]
    assert (row["actor2"], row["assoc_actor_2"], row["inter2"]) == ("Tomas Brenn", "", "7")
    assert row["notes"].count("Tomas Brenn") == 1


@pytest.mark.parametrize(
    ("text", "reported", "fatalities"),
    [
        # deaths told without a count: reported, and ACLED's count stays 0
        ("A car bomb exploded outside a bank in Pellora on Tuesday, killing several people.",
         "yes", "0"),
        # a count is a report too
        ("A car bomb exploded outside a bank in Pellora on Tuesday, killing four people.",
         "yes", "4"),
        # no death told at all
        ("A car bomb exploded outside a bank in Pellora on Tuesday.", "no", "0"),
    ],
)
def test_fatalities_reported_reads_deaths_told_without_a_count(
    extractor: Extractor, text: str, reported: str, fatalities: str
) -> None:
    """ACLED's table says whether deaths were reported from the count or, without one, from
    the article's `ck:fatalitiesReported` flag ("killing several people")."""
    with open_store("memory:") as one:
        one.add_article(*article_graph(extractor.extract(ArticleInput("pellora.txt", text))))
        row = table(one).iloc[0]
    assert (row["sub_event_type"], row["fatalities_reported"], row["fatalities"]) == (
        "Remote explosive/landmine/IED",
        reported,
        fatalities,
    )
