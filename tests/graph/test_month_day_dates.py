"""Event dates without a year ("--03-14", precision month-day, issue 15) in the graph: date
lookups tolerate them and resolution matches them to a dated report by month and day."""

from __future__ import annotations

from datetime import date

from rdflib import Literal
from rdflib.namespace import XSD

from conflict_kg.extract import ArticleInput, Extractor, article_graph
from conflict_kg.graph import lookups
from conflict_kg.graph.resolve import resolve
from conflict_kg.graph.resolve.incidents import ReportRecord, pair_score
from conflict_kg.graph.resolve.rebuild import _class_tree
from conflict_kg.graph.store import Store
from conflict_kg.graph.vocabulary import event_span
from conflict_kg.ontologies import CK, RESOLUTION_GRAPH


def test_graph_date_spans_tolerate_a_month_day() -> None:
    assert event_span("--03-14", "month-day") is None
    assert event_span("2024-03-14", "day") == (date(2024, 3, 14), date(2024, 3, 14))


def test_a_yearless_report_matches_a_dated_one_by_month_and_day() -> None:
    tree = _class_tree()
    common = {"places": frozenset({"kunduz"}), "actors": frozenset({"taliban"})}
    yearless = ReportRecord("a", "A", None, "Attack", "--03-14", "month-day", **common)
    dated = ReportRecord("b", "B", "2024-03-15", "Attack", "2024-03-14", "day", **common)
    other_day = ReportRecord("c", "C", "2024-03-16", "Attack", "2024-03-15", "day", **common)
    # same class 1 + same month and day 2 + same place 2 + one actor 2
    assert pair_score(yearless, dated, tree, lambda p: frozenset({p})) == 7
    assert pair_score(yearless, other_day, tree, lambda p: frozenset({p})) is None


def test_a_stored_month_day_incident_is_listed_resolved_and_exported(
    store: Store, extractor: Extractor
) -> None:
    text = (
        "Police station stormed\n"
        "Militants stormed a police station in Kunduz on March 14, killing two officers.\n"
    )
    iri, graph = article_graph(extractor.extract(ArticleInput("invented", text)))
    assert store.add_article(iri, graph)
    resolve(store)
    page = lookups.list_incidents(store)
    assert [(i.date, i.date_precision) for i in page.items] == [("--03-14", "month-day")]
    # A date filter cannot place a day of unknown year: the incident is left out, no error.
    filtered = lookups.list_incidents(store, date_from=date(2024, 3, 1), date_to=date(2024, 3, 31))
    assert filtered.total == 0
    dates = set(store.article_graph(RESOLUTION_GRAPH).objects(None, CK.date))
    assert dates == {Literal("--03-14", datatype=XSD.gMonthDay)}
