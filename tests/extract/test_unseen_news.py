"""What holds on news nobody tuned on (issues 15 and 16): dates written with their weekday,
violence told without an attack word, victims and counts, casualties nobody suffered, and
blame and denial on one incident. Every article here is invented for the test; each rule has
a counterexample that must not fire."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Event, Extraction, Extractor

VIOLENT = frozenset(
    {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination"}
)


def _run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(ArticleInput("invented", text))


def _violent(extraction: Extraction) -> list[Event]:
    return [e for e in extraction.events if e.type in VIOLENT]


def _only(extraction: Extraction) -> Event:
    (event,) = _violent(extraction)
    return event


def _roles(event: Event, role: str) -> list[tuple[str, str]]:
    return [(a.entity, a.certainty) for a in event.arguments if a.role == role]


# --------------------------------------------------------------------------- dates


def test_a_date_written_with_its_weekday_is_the_incidents_date(extractor: Extractor) -> None:
    event = _only(
        _run(
            extractor,
            "Bandits burned a granary and shot two herders in the Dosso region on Thursday, "
            "October 8, 2026, the regional governor said.",
        )
    )
    assert (event.date, event.date_precision) == ("2026-10-08", "day")


def test_a_weekday_alone_still_needs_the_articles_date(extractor: Extractor) -> None:
    """Counterexample: "on Thursday" without a year stays undated (a year is never made up)."""
    event = _only(
        _run(extractor, "Bandits shot two herders in the Dosso region on Thursday, a chief said.")
    )
    assert event.date is None


def test_a_part_of_a_day_dates_the_trigger_in_its_when_clause(extractor: Extractor) -> None:
    """ "On Sunday night, residents fled when gunmen stormed ...": the date hangs on the
    verb whose when-clause tells the incident."""
    event = _only(
        _run(
            extractor,
            "TAHOUA, Niger, April 14, 2026 (Agency) - On Sunday night, families in the hamlet "
            "fled into the hills when gunmen stormed the cattle market, a teacher said.",
        )
    )
    assert (event.date, event.date_precision) == ("2026-04-12", "day")
