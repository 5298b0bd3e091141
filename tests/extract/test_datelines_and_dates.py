"""Datelines are context, never actors (issue 15, item 5), and dates without a year stay
month and day (item 6). Every article here is invented for the test."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from conflict_kg.extract import ArticleInput, Extractor, parse_article
from conflict_kg.extract.inputs import MonthDay, ResolvedDate, dateline_date, resolve_date
from conflict_kg.extract.model import Event, Extraction
from conflict_kg.extract.triples import article_graph
from conflict_kg.graph.validate import validate_graph
from conflict_kg.ontologies import CK, CKID

VIOLENT = frozenset(
    {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination",
     "Abduction", "Riot"}
)  # fmt: skip


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _incident(extraction: Extraction) -> Event:
    (event,) = [e for e in extraction.events if e.type in VIOLENT]
    return event


def _roles(event: Event, role: str) -> set[str]:
    return {a.entity for a in event.arguments if a.role == role}


# Datelines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "publisher", "published", "when"),
    [
        ("KIRKUK, Iraq, March 15 (Reuters) - A bomb exploded.", "Kirkuk", "Reuters", None,
         (None, 3, 15)),
        ("GAZA CITY, Jan. 5, 2023 (Xinhua) -- An air strike hit a house.", "Gaza City",
         "Xinhua", "2023-01-05", (2023, 1, 5)),
        ("BEIRUT (AP) — A rocket struck a village.", "Beirut", "Associated Press", None, None),
        ("Officials (AP) — said nothing.", None, None, None, None),
        ("date: 2024-05-20\nDeath toll rises\nThe toll rose on Monday.", None, None,
         "2024-05-20", None),
        # A headline run into its dateline on one line: the place in capitals, with a date.
        ("Four guards shot at border post TALORA, Vendaria, Aug. 9 (Agency) -- Gunmen fired.",
         "Talora", "Agency", None, (None, 8, 9)),
        ("Lorry drivers strike in three cities MERVAN CITY, June 2, 2025 (AFP) - Drivers "
         "stopped.", "Mervan City", "Agence France-Presse", "2025-06-02", (2025, 6, 2)),
        # ... never a mid-line name in capitals without a date, nor a title-case place.
        ("Talks in QUENDAL (Reuters) - resumed on Monday.", None, None, None, None),
    ],
)  # fmt: skip
def test_dateline_and_date_header_forms(
    text: str,
    place: str | None,
    publisher: str | None,
    published: str | None,
    when: tuple[int | None, int, int] | None,
) -> None:
    meta, _ = parse_article(ArticleInput("d", text))
    assert (meta.dateline, meta.publisher, meta.published) == (place, publisher, published)
    assert dateline_date(text) == when


def test_a_headline_run_into_its_dateline_is_read_as_if_a_line_ended_there(
    extractor: Extractor,
) -> None:
    body = (
        "TALORA, Vendaria, May 12 (Agency) -- Gunmen ambushed an army patrol near the village "
        "of Kesh on Tuesday, killing four soldiers, the army said."
    )
    headline = "Four soldiers killed in ambush in hill district"
    run_in = _run(extractor, f"{headline} {body}")
    on_lines = _run(extractor, f"{headline}\n{body}")
    assert run_in.article.title == on_lines.article.title == headline
    assert [(e.type, sorted(_roles(e, "place"))) for e in run_in.events] == [
        (e.type, sorted(_roles(e, "place"))) for e in on_lines.events
    ]
    assert {e.id: e.type for e in run_in.entities}["talora"] == "Place"
    assert all("talora" not in _roles(e, "perpetrator") for e in run_in.events)


def test_an_upper_case_dateline_city_is_a_place_never_an_actor(extractor: Extractor) -> None:
    text = (
        "HALABJA, Oct 2 (Reuters) - Gunmen attacked a checkpoint on the road to the town, "
        "killing a soldier, police said.\n"
    )
    result = _run(extractor, text)
    city = result.entity("halabja")
    assert city is not None and city.type == "Place"
    event = _incident(result)
    actors = {a.entity for a in event.arguments if a.role != "place"}
    assert "halabja" not in actors
    assert _roles(event, "place") == {"halabja"}, "the text names no place: the dateline's"
    assert [a.rule for a in event.arguments if a.role == "place"] == ["dateline-place"]


def test_a_place_the_text_names_wins_over_the_dateline(extractor: Extractor) -> None:
    text = (
        "MOSUL, Iraq, May 2 (Reuters) - A roadside bomb exploded near Tal Afar on Monday, "
        "killing three soldiers, the army said.\n"
    )
    event = _incident(_run(extractor, text))
    assert _roles(event, "place") == {"tal-afar"}


def test_a_dateline_city_that_is_also_the_attack_place_stays_the_place(
    extractor: Extractor,
) -> None:
    text = (
        "KIRKUK, March 3 (Reuters) - A car bomb exploded in Kirkuk on Friday, killing four "
        "people, police said.\n"
    )
    result = _run(extractor, text)
    event = _incident(result)
    assert _roles(event, "place") == {"kirkuk"}
    assert result.entity("kirkuk").type == "Place"  # type: ignore[union-attr]


def test_the_dateline_is_not_the_place_of_a_later_background_event(
    extractor: Extractor,
) -> None:
    text = (
        "SAMARRA, Aug 14 (Reuters) - Iraq's parliament met on Thursday to discuss the budget, "
        "officials said.\nLast month gunmen attacked a convoy, killing two guards.\n"
    )
    attacks = [e for e in _run(extractor, text).events if e.type in VIOLENT]
    assert attacks and all("samarra" not in _roles(e, "place") for e in attacks)


# Dates ------------------------------------------------------------------------------------


def test_a_date_without_a_year_keeps_month_and_day(extractor: Extractor) -> None:
    text = (
        "Militants storm police station\n"
        "Militants stormed a police station in Kunduz on March 14, killing two officers. On "
        "Friday, gunmen abducted a local official in the same district.\n"
    )
    result = _run(extractor, text)
    storm = next(e for e in result.events if e.type in VIOLENT and e.trigger.text == "storm")
    assert (storm.date, storm.date_precision) == ("--03-14", "month-day")
    abduction = next(e for e in result.events if e.type == "Abduction")
    assert abduction.date is None, "no year, no anchor: Friday cannot be placed"
    data = result.to_json()
    (row,) = [e for e in data["events"] if e["id"] == storm.id]
    assert (row["date"], row["date_precision"]) == ("--03-14", "month-day")


def test_a_month_day_is_an_xsd_gmonthday_the_shapes_accept(extractor: Extractor) -> None:
    text = (
        "Police station stormed\n"
        "Militants stormed a police station in Kunduz on March 14, killing two officers.\n"
    )
    result = _run(extractor, text)
    event = _incident(result)
    _, graph = article_graph(result)
    node = CKID[f"incident/{event.id}"]
    assert graph.value(node, CK.date) == Literal("--03-14", datatype=XSD.gMonthDay)
    assert str(graph.value(node, CK.datePrecision)) == "month-day"
    assert validate_graph(graph) == []


def test_relative_days_count_from_a_dateline_without_a_year(extractor: Extractor) -> None:
    text = (
        "KANDAHAR, June 12 (AP) - Gunmen on motorcycles shot dead a district police chief "
        "outside his home yesterday, officials said.\n"
    )
    event = _incident(_run(extractor, text))
    assert (event.date, event.date_precision) == ("--06-11", "month-day")


def test_relative_days_count_from_a_date_header(extractor: Extractor) -> None:
    text = (
        "date: 2024-05-20\n"
        "Death toll from Saturday's air strike rises to 14\n"
        "The death toll from Saturday's air strike on a wedding party in Ghazni rose to 14 on "
        "Monday, health officials said.\n"
    )
    result = _run(extractor, text)
    assert result.article.published == "2024-05-20"
    event = _incident(result)
    assert (event.date, event.date_precision) == ("2024-05-18", "day")


def test_a_dateline_with_a_year_is_the_publication_date(extractor: Extractor) -> None:
    text = (
        "GAZA CITY, Jan. 5, 2023 (Xinhua) -- An air strike hit a house in the north of the "
        "strip on Thursday, witnesses said.\n"
    )
    result = _run(extractor, text)
    assert result.article.published == "2023-01-05"
    event = _incident(result)
    assert (event.date, event.date_precision) == ("2023-01-05", "day")


@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        ("March 14", None, ("--03-14", "month-day")),
        ("14th of March", MonthDay(6, 1), ("--03-14", "month-day")),
        ("February 29", None, ("--02-29", "month-day")),
        ("yesterday", MonthDay(6, 12), ("--06-11", "month-day")),
        ("two days ago", MonthDay(1, 1), ("--12-30", "month-day")),
        ("March 14", date(2024, 5, 1), ("2024-03-14", "day")),
        ("March 3, 2020", MonthDay(6, 1), ("2020-03-03", "day")),
    ],
)
def test_resolving_without_a_year(
    expression: str, anchor: MonthDay | date | None, expected: tuple[str, str]
) -> None:
    resolved = resolve_date(expression, anchor)
    assert resolved is not None and (resolved.value, resolved.precision) == expected


@pytest.mark.parametrize(
    ("expression", "anchor"),
    [
        ("on Friday", MonthDay(6, 12)),  # the weekday of June 12 depends on the year
        ("yesterday", MonthDay(3, 1)),  # 28 or 29 February
        ("yesterday", None),
        ("last month", MonthDay(6, 12)),
        ("February 30", None),
    ],
)
def test_a_year_is_never_invented(expression: str, anchor: MonthDay | None) -> None:
    assert resolve_date(expression, anchor) is None


def test_a_month_day_agrees_with_the_same_day_of_any_year() -> None:
    month_day = ResolvedDate("--03-14", "month-day")
    assert month_day.contains(ResolvedDate("2024-03-14", "day"))
    assert ResolvedDate("2024-03", "month").contains(month_day)
    assert not month_day.contains(ResolvedDate("2024-03-15", "day"))
    assert not month_day.contains(ResolvedDate("--04-14", "month-day"))
