"""Acceptance facts on the Reuters sample (issue: extraction an analyst can trust)."""

from __future__ import annotations

from conflict_kg.extract.model import Event, Extraction


def _one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [e.type for e in events]
    return found[0]


def _role(event: Event, role: str) -> dict[str, set[str]]:
    """entity id -> certainties with which it fills `role`."""
    out: dict[str, set[str]] = {}
    for argument in event.arguments:
        if argument.role == role:
            out.setdefault(argument.entity, set()).add(argument.certainty)
    return out


def test_article_metadata(sample: Extraction) -> None:
    meta = sample.article
    assert meta.published == "2021-11-08"
    assert meta.publisher == "Reuters"
    assert meta.dateline == "Baghdad"
    assert meta.title is not None and meta.title.startswith(
        "The Iranian-backed militia carried out"
    )
    assert meta.editors == ["Mark Heinrich"]
    assert len(meta.id) == 64


def test_armed_groups_typed_and_backed_by_iran(sample: Extraction) -> None:
    kh = sample.entity("kataib-hezbollah")
    aah = sample.entity("asaib-ahl-al-haq")
    assert kh is not None and kh.type == "ArmedGroup"
    assert aah is not None and aah.type == "ArmedGroup"
    assert "Asaib" in [m.text for m in aah.mentions]
    backed = {(r.subject, r.object) for r in sample.relations if r.predicate == "backedBy"}
    assert ("kataib-hezbollah", "iran") in backed
    assert ("asaib-ahl-al-haq", "iran") in backed
    assert sample.entity("hezbollah") is None, "Kataib Hezbollah must never become Hezbollah"


def test_one_drone_strike_with_its_facts(sample: Extraction) -> None:
    strike = _one(sample.events, "AirOrDroneStrike")
    assert strike.acled == "AIR_STRIKE"
    assert strike.date == "2021-11-07" and strike.date_precision == "day"
    assert "baghdad" in _role(strike, "place")
    assert set(_role(strike, "target")) == {"mustafa-al-kadhimi"}
    assert "drone" in _role(strike, "instrument")
    assert "explosives" in _role(strike, "instrument")
    assert strike.injuries_reported is True and strike.injuries is None
    assert len(strike.mentions) >= 5, "the attack / the incident mentions merge into one event"


def test_perpetrators_alleged_and_iran_denied(sample: Extraction) -> None:
    strike = _one(sample.events, "AirOrDroneStrike")
    perpetrators = _role(strike, "perpetrator")
    assert perpetrators["kataib-hezbollah"] == {"alleged"}
    assert perpetrators["asaib-ahl-al-haq"] == {"alleged", "unconfirmed"}
    assert perpetrators["iran"] == {"denied"}
    sources = {
        (a.entity, a.certainty): a.source for a in strike.arguments if a.role == "perpetrator"
    }
    assert sources[("asaib-ahl-al-haq", "unconfirmed")] == "A militia source"
    assert sources[("asaib-ahl-al-haq", "alleged")] == "Two Iraqi security officials"
    assert sources[("iran", "denied")] is not None


def test_election_won_by_sadr(sample: Extraction) -> None:
    election = _one(sample.events, "Election")
    assert election.date == "2021-10-10"
    assert set(_role(election, "winner")) == {"moqtada-al-sadr"}
    sadr = sample.entity("moqtada-al-sadr")
    assert sadr is not None and sadr.type == "Person"
    assert [m.text for m in sadr.mentions].count("Sadr") >= 3


def test_protests_by_supporters_of_iran_backed_groups(sample: Extraction) -> None:
    protest = _one(sample.events, "Protest")
    participants = _role(protest, "participant")
    assert list(participants) == ["supporters-of-iran-backed-militias"]


def test_us_sanctions_on_iran_last_month(sample: Extraction) -> None:
    sanction = _one(sample.events, "Sanction")
    assert sanction.date == "2021-10" and sanction.date_precision == "month"
    assert set(_role(sanction, "perpetrator")) == {"united-states"}
    assert set(_role(sanction, "target")) == {"iran"}


def test_quds_force_trip_to_iraq(sample: Extraction) -> None:
    meeting = _one(sample.events, "Meeting")
    assert meeting.date == "2021-11-07"
    assert "quds-force" in _role(meeting, "participant")
    assert "iraq" in _role(meeting, "place")
    part_of = {(r.subject, r.object) for r in sample.relations if r.predicate == "partOf"}
    assert ("quds-force", "islamic-revolutionary-guard-corps") in part_of


def test_names_within_the_article(sample: Extraction) -> None:
    kadhimi = sample.entity("mustafa-al-kadhimi")
    assert kadhimi is not None
    texts = {m.text for m in kadhimi.mentions}
    assert {"Mustafa al-Kadhimi", "Kadhim", "the Iraqi prime minister"} <= texts
    iran = sample.entity("iran")
    assert iran is not None and iran.type == "State"
    assert {"Tehran", "Islamic Republic"} <= {m.text for m in iran.mentions}
    us = sample.entity("united-states")
    assert us is not None and "Washington" in {m.text for m in us.mentions}
    institute = sample.entity("washington-institute-for-near-east-policy")
    assert institute is not None and institute.type == "Organization"


def test_relations_affiliation_and_office(sample: Extraction) -> None:
    triples = {(r.subject, r.predicate, r.object) for r in sample.relations}
    assert (
        "hamdi-malik",
        "affiliatedWith",
        "washington-institute-for-near-east-policy",
    ) in triples
    assert ("mustafa-al-kadhimi", "holdsRole", "prime-minister-of-iraq") in triples
    assert sample.positions["prime-minister-of-iraq"] == "Prime Minister of Iraq"


def test_every_fact_keeps_its_evidence(sample: Extraction) -> None:
    text = sample.text
    for event in sample.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        for argument in event.arguments:
            assert text[argument.start : argument.end] == argument.text
            assert argument.sentence is not None
            assert argument.sentence.start <= argument.start < argument.end <= argument.sentence.end
    for relation in sample.relations:
        ev = relation.evidence
        assert text[ev.start : ev.end] == ev.text


def test_json_contract_keys(sample: Extraction) -> None:
    data = sample.to_json()
    assert set(data) == {"source", "article", "entities", "events", "relations", "nonspecific"}
    assert {"id", "title", "published", "dateline", "publisher", "authors"} <= set(data["article"])
    event = data["events"][0]
    assert {"id", "type", "acled", "trigger", "date", "arguments", "fatalities", "injuries"} <= set(
        event
    )
    argument = event["arguments"][0]
    assert set(argument) == {"role", "entity", "start", "end", "text", "certainty", "source"}
    assert set(data["relations"][0]) == {"subject", "predicate", "object", "certainty", "evidence"}
