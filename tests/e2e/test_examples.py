"""The sample articles of examples/ (issue #18, item 6): the Reuters report and the invented
reports of the same drone strike (a denial, a follow-up) and of a Kirkuk attack (two death
tolls) resolve into merged incidents, each report's claim kept beside the others'."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support import ROOT, run_cli

from conflict_kg.graph.lookups import get_incident, list_incidents
from conflict_kg.graph.store import Store, open_store

STRIKE = "c-cae519a22481-1"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("examples") / "store"
    result = run_cli(["ingest", "examples/"], store=f"oxigraph:{path}")
    assert result.returncode == 0, result.stderr
    assert "ingested 5 article(s)" in result.stdout
    with open_store(f"oxigraph:{path}") as opened:
        yield opened


def test_every_invented_example_says_so() -> None:
    invented = sorted((ROOT / "examples").glob("invented-*.txt"))
    assert len(invented) == 4
    for path in invented:
        text = path.read_text(encoding="utf-8")
        assert "This report is invented for the examples of conflict-kg; it is not news." in text
        assert "(Invented Wire)" in text


def test_three_reports_of_the_drone_strike_are_one_incident(store: Store) -> None:
    strike = get_incident(store, STRIKE)
    assert strike is not None
    assert strike.type == "AirOrDroneStrike"
    assert strike.date == "2021-11-07"
    assert [p.name for p in strike.places] == ["Baghdad"]
    titles = sorted(r.title or "" for r in strike.reports)
    assert titles == [
        "Kataib Hezbollah says it played no part",
        "Officials name Kataib Hezbollah as culprit, prime minister's guards hurt",
        "The Iranian-backed militia carried out a drone strike on the Iraqi prime minister "
        "– officials",
    ]
    # each report's own figure, side by side; the incident keeps the range
    injuries = sorted((r.injuries for r in strike.reports), key=lambda n: (n is None, n))
    assert injuries == [6, 7, None]
    assert (strike.injuries, strike.injuries_max) == (6, 7)
    # Kataib Hezbollah: alleged by the Reuters sources and the follow-up, denied by itself
    kh = {
        (c.certainty, c.evidence.article[:12])
        for c in strike.roles
        if c.actor.id == "kataib-hezbollah"
    }
    assert ("denied", "f14c592ca6e9") in kh
    assert ("alleged", "3b68d27c5284") in kh
    assert ("alleged", "cae519a22481") in kh


def test_two_death_tolls_of_the_kirkuk_attack_are_one_incident(store: Store) -> None:
    page = list_incidents(store, place="kirkuk")
    [kirkuk] = page.items
    assert kirkuk.report_count == 2
    assert sorted(r.fatalities for r in kirkuk.reports) == [3, 4]
    detail = get_incident(store, kirkuk.id)
    assert detail is not None
    assert (detail.fatalities, detail.fatalities_max) == (3, 4)


def test_the_tour_counts(store: Store) -> None:
    figures = store.stats()
    assert figures.articles == 5
    assert figures.incidents == 7  # 10 reports, of which 3 and 2 are one incident each
    assert sum(figures.events_by_type.values()) == 10

