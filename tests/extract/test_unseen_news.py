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


def test_a_dateline_with_its_weekday_dates_the_report(extractor: Extractor) -> None:
    """ "MARADI, Niger, Tuesday, May 12, 2026 (Agency) -": the dateline is read, and "on
    Sunday" counts back from it; a day hung deep in the event's phrase is still its day."""
    result = _run(
        extractor,
        "MARADI, Niger, Tuesday, May 12, 2026 (Agency) - Troops repelled an attack by "
        "bandits on an army post near the village of Dan Issa on Sunday, the army said.\n",
    )
    assert (result.article.published, result.article.dateline) == ("2026-05-12", "Maradi")
    assert _only(result).date == "2026-05-10"


def test_a_year_inside_the_events_phrase_is_not_its_date(extractor: Extractor) -> None:
    """Counterexample: only a day reaches down into the phrase; a year there is the base's."""
    result = _run(
        extractor,
        "date: 2026-05-12\nAn attack by bandits on an army post built in 2019 near the village "
        "of Dan Issa left two soldiers dead.\n",
    )
    assert _only(result).date is None


# --------------------------------------------------------------------------- violence


def test_a_weapon_that_kills_is_an_explosion_with_victims(extractor: Extractor) -> None:
    event = _only(
        _run(extractor, "A roadside bomb killed four border guards near Gao on Tuesday.\n")
    )
    assert (event.type, event.acled) == ("Bombing", "REM_EXPLOS")
    assert (event.fatalities, event.fatalities_reported) == (4, True)
    assert [a.text for a in event.arguments if a.role == "victim"] == ["guards"]


def test_a_weapon_thrown_that_injures_is_an_incident(extractor: Extractor) -> None:
    event = _only(
        _run(extractor, "A grenade was thrown into a crowded tea house in Goma, injuring six.")
    )
    assert (event.injuries, event.injuries_reported) == (6, True)
    assert [a.entity for a in event.arguments if a.role == "instrument"] == ["grenade"]


def test_people_murdered_are_an_attack_with_victims(extractor: Extractor) -> None:
    """No attack word and no doer named: a murder is made by someone."""
    text = "Five villagers were murdered near Bunia overnight, a priest said."
    event = _only(_run(extractor, text))
    assert (event.type, event.fatalities) == ("Attack", 5)
    assert [a.text for a in event.arguments if a.role == "victim"] == ["villagers"]


def test_a_murder_trial_is_no_incident(extractor: Extractor) -> None:
    """Counterexample: the noun of a crime judged in court names no new incident."""
    assert _violent(_run(extractor, "He was found guilty of murder by a court in Bunia.")) == []


def test_a_flood_that_kills_is_no_attack(extractor: Extractor) -> None:
    """Counterexample: no weapon, no armed doer, no attack."""
    result = _run(extractor, "Cholera killed nine children in the camp last month.")
    assert _violent(result) == []


def test_people_shot_dead_are_victims_not_targets(extractor: Extractor) -> None:
    event = _only(
        _run(extractor, "Gunmen shot dead five farmers on the shore of Lake Chad on Monday.")
    )
    assert [a.text for a in event.arguments if a.role == "victim"] == ["farmers"]
    assert [a.text for a in event.arguments if a.role == "target"] == []
    assert event.fatalities == 5


def test_a_checkpoint_attacked_stays_a_target(extractor: Extractor) -> None:
    """Counterexample: what is attacked (not killed) is a target."""
    event = _only(_run(extractor, "Gunmen shot at a police checkpoint outside Kano."))
    assert [a.text for a in event.arguments if a.role == "target"] == ["police checkpoint"]
    assert [a for a in event.arguments if a.role == "victim"] == []


def test_coordinated_counts_of_the_dead_are_summed(extractor: Extractor) -> None:
    event = _only(
        _run(
            extractor,
            "Four policemen and two civilians were killed when militants attacked a "
            "checkpoint in Bama.",
        )
    )
    assert (event.fatalities, event.fatalities_reported) == (6, True)
    assert len([a for a in event.arguments if a.role == "victim"]) == 2


def test_nobody_hurt_is_zero_injuries(extractor: Extractor) -> None:
    event = _only(
        _run(
            extractor,
            "Rebels fired rockets at the airport in Kidal on Friday. No one was injured, the "
            "airport's director said.",
        )
    )
    assert (event.injuries, event.injuries_reported) == (0, True)
    assert [a for a in event.arguments if a.role == "victim"] == []


def test_no_casualties_is_zero_of_both(extractor: Extractor) -> None:
    event = _only(
        _run(
            extractor, "Militiamen raided the village of Kiri on Monday. There were no casualties."
        )
    )
    assert (event.fatalities, event.injuries) == (0, 0)


def test_some_hurt_is_reported_without_a_count(extractor: Extractor) -> None:
    """Counterexample: an unnumbered casualty is no zero."""
    event = _only(
        _run(extractor, "Militiamen raided the village of Kiri on Monday. Several were injured.")
    )
    assert (event.injuries, event.injuries_reported) == (None, True)


# --------------------------------------------------------------------------- claims

BLAME_AND_DENIAL = (
    "LOME, Togo, May 9, 2026 (Agency) - Gunmen attacked a customs post near Dapaong on "
    "Friday, killing three officers.\n"
    "Security officials blamed the Savanna Liberation Front for the attack.\n"
    "{denial} in a statement on Saturday.\n"
)


def test_a_denial_by_pronoun_joins_the_allegation_on_the_same_event(
    extractor: Extractor,
) -> None:
    for denial in ("It denied any role", "The group denied any involvement"):
        result = _run(extractor, BLAME_AND_DENIAL.format(denial=denial))
        event = _only(result)
        perpetrators = _roles(event, "perpetrator")
        named = sorted(c for e, c in perpetrators if e == "savanna-liberation-front")
        assert named == ["alleged", "denied"], (denial, perpetrators)


def test_a_named_denial_is_not_doubled(extractor: Extractor) -> None:
    result = _run(
        extractor, BLAME_AND_DENIAL.format(denial="The Savanna Liberation Front denied the charge")
    )
    event = _only(result)
    pairs = [(a.entity, a.certainty, a.source) for a in event.arguments if a.role == "perpetrator"]
    assert len(pairs) == len(set(pairs))
    assert ("savanna-liberation-front", "denied") in {(e, c) for e, c, _ in pairs}


def test_a_denial_by_someone_never_alleged_is_nobodys(extractor: Extractor) -> None:
    """Counterexample: "it" with nobody alleged before refers to no perpetrator."""
    result = _run(
        extractor,
        "Gunmen attacked a customs post near Dapaong on Friday. The ministry said it denied "
        "any role in the border closure.",
    )
    assert [c for _, c in _roles(_only(result), "perpetrator") if c == "denied"] == []


def test_who_attributes_an_attack_is_its_source_not_its_perpetrator(
    extractor: Extractor,
) -> None:
    result = _run(
        extractor,
        "An explosion tore through a police post in Turbat on Friday. The attack was "
        "attributed to the Makran Front by local police.",
    )
    event = _only(result)
    perpetrators = [(a.text, a.certainty, a.source) for a in event.arguments]
    assert perpetrators[-1] == ("Makran Front", "alleged", "local police")
    assert [a.text for a in event.arguments if a.role == "perpetrator"] == ["Makran Front"]


def test_sources_suspecting_a_group_make_it_alleged(extractor: Extractor) -> None:
    result = _run(
        extractor,
        "Gunmen raided a clinic in Dapaong on Friday. Security sources suspected the Savanna "
        "Liberation Front of carrying out the raid. No group claimed responsibility.",
    )
    event = _only(result)
    perpetrators = [(a.entity, a.certainty, a.source) for a in event.arguments]
    assert ("savanna-liberation-front", "alleged", "Security sources") in perpetrators
    assert ("savanna-liberation-front", "asserted") not in _roles(event, "perpetrator")


def test_a_rejected_accusation_is_no_event_of_its_own(extractor: Extractor) -> None:
    """ "The group rejected the accusations": the denial is a claim on the incident, not an
    empty ClaimOfResponsibility beside it."""
    result = _run(
        extractor,
        BLAME_AND_DENIAL.format(denial="The group rejected the accusations").replace(
            "for the attack", "for it"
        ),
    )
    empty = [e for e in result.events if e.type == "ClaimOfResponsibility" and not e.concerns]
    assert empty == []
    certainties = sorted(c for _, c in _roles(_only(result), "perpetrator") if c != "asserted")
    assert certainties == ["alleged", "denied"]
