"""graph.lookups over a real in-memory store holding two real extractions: the sample article
and a short second one written here, so that filters and page totals cross articles."""

from __future__ import annotations

import re
from datetime import date
from importlib.resources import files

import pytest

from conflict_kg.extract import (
    ARTICLE_KEY_LENGTH,
    ArticleInput,
    Extraction,
    Extractor,
    article_graph,
)
from conflict_kg.graph import lookups
from conflict_kg.graph.store import Store, open_store
from conflict_kg.graph.vocabulary import event_span
from conflict_kg.ontologies import CK, local_id

SECOND_TEXT = """date 2021-12-14 International
Militia rockets hit army base in Kirkuk
Two Kurdish security officials said Kataib Hezbollah fired rockets at an Iraqi army base in \
Kirkuk on Monday, wounding three soldiers. Islamic State militants clashed with Iraqi army \
troops near Hawija last week, the army said.
"""
STRIKE = "cae519a22481-1"
KH, AAH, IS = "kataib-hezbollah", "asaib-ahl-al-haq", "islamic-state"


@pytest.fixture(scope="module")
def second(extractor: Extractor) -> Extraction:
    return extractor.extract(ArticleInput(source="second.txt", text=SECOND_TEXT))


@pytest.fixture(scope="module")
def store(sample: Extraction, second: Extraction) -> Store:
    store = open_store("memory:")
    for extraction in (sample, second):
        iri, graph = article_graph(extraction)
        assert store.add_article(iri, graph)
    return store


@pytest.fixture(scope="module")
def rockets(second: Extraction) -> str:
    """The id of the second article's rocket attack (a Shelling, an Attack subclass)."""
    (event,) = [e for e in second.events if e.type == "Shelling"]
    return event.id


@pytest.fixture(scope="module")
def clash(second: Extraction) -> str:
    (event,) = [e for e in second.events if e.type == "ArmedClash"]
    return event.id


def ids(items: tuple) -> list[str]:
    return [item.id for item in items]


def mentioned(extraction: Extraction) -> set[str]:
    """Ids of the entities the article's graph says it mentions (the extracted ones and
    those the gazetteer adds, like the publisher's country)."""
    _, graph = article_graph(extraction)
    return {local_id(str(e)) for e in graph.subjects(CK.mentionedIn, None)}


# The second article is what this module assumes it is -------------------------------------


def test_the_second_article_extracts_as_expected(second: Extraction) -> None:
    by_type = {e.type: e for e in second.events}
    assert set(by_type) == {"Shelling", "ArmedClash"}
    rockets, clash = by_type["Shelling"], by_type["ArmedClash"]
    assert (rockets.date, rockets.date_precision, rockets.injuries) == ("2021-12-13", "day", 3)
    assert (clash.date, clash.date_precision) == ("2021-12-06", "week")
    assert {(a.role, a.entity, a.certainty) for a in rockets.arguments} >= {
        ("perpetrator", KH, "alleged"),
        ("place", "kirkuk", "alleged"),
    }
    assert ("perpetrator", IS) in {(a.role, a.entity) for a in clash.arguments}


# Entities ----------------------------------------------------------------------------------


def test_entities_of_a_type(store: Store) -> None:
    page = lookups.list_entities(store, type="ArmedGroup")
    assert ids(page.items) == [AAH, IS, KH]  # by name
    assert page.total == 3
    aah = page.items[0]
    assert (aah.name, aah.type, aah.aliases) == ("Asaib Ahl al-Haq", "ArmedGroup", ("Asaib",))
    assert aah.incidents == 1
    kh = page.items[2]
    assert kh.incidents >= 2  # the drone strike and the Kirkuk rockets, across articles


def test_entity_type_matches_subclasses_and_states_are_places(store: Store) -> None:
    actors = set(ids(lookups.list_entities(store, type="Actor", limit=500).items))
    places = {e.id: e for e in lookups.list_entities(store, type="Place", limit=500).items}
    assert {KH, "iran", "mustafa-al-kadhimi"} <= actors
    assert "baghdad" not in actors and "kirkuk" not in actors
    assert {"baghdad", "kirkuk", "hawija", "iran"} <= set(places)
    assert places["iran"].type == "State"  # an actor first, a place too
    assert places["baghdad"].type == "Place"


def test_entities_search_names_and_aliases(store: Store) -> None:
    assert ids(lookups.list_entities(store, q="kadhim").items) == ["mustafa-al-kadhimi"]
    assert ids(lookups.list_entities(store, q="KATA'IB").items) == [KH]  # case, apostrophe
    assert ids(lookups.list_entities(store, q="asaib").items) == [AAH]
    assert ids(lookups.list_entities(store, q="Tehran").items) == ["iran"]  # an alias
    assert lookups.list_entities(store, q="no such name").total == 0


def test_entity_pages_add_up(store: Store) -> None:
    everything = lookups.list_entities(store, limit=500)
    assert everything.total == len(everything.items) > 20
    pages = [lookups.list_entities(store, limit=7, offset=o) for o in range(0, 35, 7)]
    assert {page.total for page in pages} == {everything.total}
    assert [e for page in pages for e in ids(page.items)] == ids(everything.items)[:35]
    beyond = lookups.list_entities(store, limit=10, offset=everything.total)
    assert (beyond.items, beyond.total) == ((), everything.total)


def test_entity_detail(store: Store, sample: Extraction, second: Extraction) -> None:
    kh = lookups.get_entity(store, KH)
    assert kh is not None
    assert (kh.name, kh.type, kh.acled_category, kh.country) == (
        "Kataib Hezbollah",
        "ArmedGroup",
        "Political militias",
        "iraq",
    )
    assert kh.iri == "https://w3id.org/conflict-kg/id/entity/kataib-hezbollah"
    assert set(kh.articles) == {sample.article.id, second.article.id}
    backed = [r for r in kh.relations if r.predicate == "backedBy"]
    assert len(backed) == 1
    assert (backed[0].direction, backed[0].other.id, backed[0].other.type) == (
        "out",
        "iran",
        "State",
    )
    assert backed[0].certainty == "asserted"
    evidence = backed[0].evidence
    assert (evidence.article, evidence.text, evidence.start, evidence.end) == (
        sample.article.id,
        "Iranian-backed",
        35,
        49,
    )
    assert sample.text[evidence.start : evidence.end] == evidence.text
    strike = {(i.role, i.certainty, i.source) for i in kh.incidents if i.id == STRIKE}
    assert strike == {
        ("perpetrator", "alleged", "Two Iraqi security officials"),
        ("perpetrator", "alleged", "A militia source"),
    }
    assert {i.type for i in kh.incidents if i.id == STRIKE} == {"AirOrDroneStrike"}


def test_entity_detail_from_the_other_side(store: Store) -> None:
    iran = lookups.get_entity(store, "iran")
    assert iran is not None
    backers = {(r.other.id, r.direction) for r in iran.relations if r.predicate == "backedBy"}
    assert backers == {(KH, "in"), (AAH, "in")}
    denied = [i for i in iran.incidents if i.id == STRIKE]
    assert {(i.role, i.certainty) for i in denied} == {("perpetrator", "denied")}
    assert "Tehran" in iran.aliases


def test_unknown_and_malformed_entity_ids(store: Store) -> None:
    assert lookups.get_entity(store, "no-such-entity") is None
    assert lookups.get_entity(store, "drone") is None  # a weapon, not an entity
    with pytest.raises(ValueError, match="not an id"):
        lookups.get_entity(store, "<urn:x>")


def test_neighbors_grow_with_depth(store: Store, rockets: str) -> None:
    one = lookups.neighbors(store, KH, depth=1)
    two = lookups.neighbors(store, KH, depth=2)
    assert one is not None and two is not None
    near = {n.id: n for n in one.nodes}
    assert {KH, STRIKE, rockets, "iran"} <= set(near)
    assert (near[STRIKE].kind, near[STRIKE].type, near[STRIKE].name) == (
        "incident",
        "AirOrDroneStrike",
        "drone strike",
    )
    assert "baghdad" not in near
    edges = {(e.source, e.target, e.predicate, e.certainty) for e in one.edges}
    assert (STRIKE, KH, "perpetrator", "alleged") in edges
    assert (KH, "iran", "backedBy", "asserted") in edges
    far = {n.id: n for n in two.nodes}
    assert len(far) > len(near)
    assert {"baghdad", "mustafa-al-kadhimi", AAH, "kirkuk", "drone"} <= set(far)
    assert (far["baghdad"].kind, far["drone"].kind, far[AAH].kind) == ("place", "weapon", "actor")
    far_edges = {(e.source, e.target, e.predicate, e.certainty) for e in two.edges}
    assert (STRIKE, "iran", "perpetrator", "denied") in far_edges
    assert (STRIKE, AAH, "perpetrator", "unconfirmed") in far_edges
    assert not one.truncated and not two.truncated


def test_neighbors_stop_at_the_node_cap(store: Store) -> None:
    capped = lookups.neighbors(store, KH, depth=3, max_nodes=3)
    assert capped is not None
    assert (len(capped.nodes), capped.truncated) == (3, True)
    assert lookups.neighbors(store, "no-such-entity") is None


# Incidents ---------------------------------------------------------------------------------


def test_incidents_of_a_class(store: Store, sample: Extraction) -> None:
    page = lookups.list_incidents(store, type="AirOrDroneStrike")
    assert page.total == 1
    (strike,) = page.items
    assert (strike.id, strike.type, strike.acled, strike.date, strike.date_precision) == (
        STRIKE,
        "AirOrDroneStrike",
        "AIR_STRIKE",
        "2021-11-07",
        "day",
    )
    assert strike.place is not None and strike.place.id == "baghdad"
    actors = {(a.id, a.role, a.certainty) for a in strike.actors}
    assert actors == {
        (KH, "perpetrator", "alleged"),
        (AAH, "perpetrator", "alleged"),
        (AAH, "perpetrator", "unconfirmed"),
        ("iran", "perpetrator", "denied"),
        ("mustafa-al-kadhimi", "target", "asserted"),
        # "Some of his bodyguards were injured": described, not named, so article-scoped
        (f"bodyguards-{sample.article.id[:ARTICLE_KEY_LENGTH]}", "victim", "asserted"),
    }
    assert [a.role for a in strike.actors][-2:] == ["target", "victim"]  # perpetrators first
    (report,) = strike.reports
    assert (report.article, report.published) == (sample.article.id, "2021-11-08")
    assert report.title == sample.article.title
    assert {"Two Iraqi security officials", "A militia source", "Two regional officials"} <= set(
        report.sources
    )


def test_incident_class_includes_subclasses(store: Store, rockets: str, clash: str) -> None:
    attacks = set(ids(lookups.list_incidents(store, type="Attack").items))
    assert {STRIKE, rockets, clash} <= attacks
    assert STRIKE not in ids(lookups.list_incidents(store, type="Protest").items)


def test_incident_pages_add_up(store: Store, sample: Extraction, second: Extraction) -> None:
    everything = lookups.list_incidents(store, limit=500)
    assert everything.total == len(sample.events) + len(second.events)
    assert ids(everything.items)[:2] == sorted(e.id for e in second.events)  # newest first
    pages = [lookups.list_incidents(store, limit=3, offset=o) for o in range(0, 9, 3)]
    assert {p.total for p in pages} == {everything.total}
    assert [i for p in pages for i in ids(p.items)] == ids(everything.items)


def test_incident_date_filters(store: Store, rockets: str, clash: str) -> None:
    def between(start: date | None, end: date | None) -> set[str]:
        return set(ids(lookups.list_incidents(store, date_from=start, date_to=end).items))

    november = between(date(2021, 11, 1), date(2021, 11, 30))
    assert STRIKE in november and rockets not in november
    assert between(date(2022, 1, 1), None) == set()
    # A month-precision date covers its month; a week-precision one its week from Monday.
    sanction = [i for i in between(date(2021, 10, 10), date(2021, 10, 10)) if i != STRIKE]
    sanctions = lookups.list_incidents(store, type="Sanction").items
    assert sanctions and sanctions[0].date_precision == "month"
    assert sanctions[0].id in sanction
    assert clash in between(date(2021, 12, 10), date(2021, 12, 10))
    assert clash not in between(date(2021, 12, 13), None)
    assert rockets in between(date(2021, 12, 13), None)


def test_incident_actor_place_and_certainty_filters(store: Store, rockets: str) -> None:
    def found(**filters: str) -> set[str]:
        return set(ids(lookups.list_incidents(store, limit=500, **filters).items))

    assert {STRIKE, rockets} <= found(actor=KH)
    assert found(actor=KH, certainty="denied") == set()
    assert found(actor="iran", certainty="denied") == {STRIKE}
    assert found(certainty="denied") == {STRIKE}
    assert STRIKE in found(certainty="unconfirmed")
    assert found(place="baghdad") == {STRIKE}
    assert found(place="kirkuk") == {rockets}
    assert found(actor=KH, place="kirkuk") == {rockets}
    # a city inside a country, though no article links them: the gazetteer's country
    assert {STRIKE, rockets} <= found(place="iraq")
    assert found(place="syria") == set()
    assert found(actor="no-such-actor") == set()
    with pytest.raises(ValueError):
        lookups.list_incidents(store, actor='x" } ; DROP ALL ; #')
    with pytest.raises(ValueError, match="certainty"):
        lookups.list_incidents(store, certainty="certain")
    with pytest.raises(ValueError):
        lookups.list_incidents(store, place='iraq" } ; DROP ALL ; #')
    with pytest.raises(ValueError, match="certainty"):
        lookups.list_incidents(store, min_certainty="certain")


def test_incident_class_and_actor_type_filters(store: Store, rockets: str) -> None:
    def found(**filters: object) -> set[str]:
        return set(ids(lookups.list_incidents(store, limit=500, **filters).items))  # type: ignore[arg-type]

    attacks = found(type="Attack")
    assert found(incident_classes=("Attack",)) == attacks
    assert found(incident_classes=("Attack", "Protest")) >= attacks
    assert found(type="Attack", incident_classes=("Protest",)) == set()
    # Iran is only said to have denied the strike: an actor type selects at any certainty
    assert STRIKE in found(actor_types=("State",))
    assert found(actor_types=("ArmedGroup",)) >= {STRIKE, rockets}
    # min_certainty selects no incidents; it leaves the less certain claims out of `actors`
    assert found(min_certainty="asserted") == found()
    (strike,) = [
        i
        for i in lookups.list_incidents(store, limit=500, min_certainty="alleged").items
        if i.id == STRIKE
    ]
    assert {a.certainty for a in strike.actors} <= {"asserted", "alleged"}
    assert "iran" not in {a.id for a in strike.actors}


def test_places_carry_their_country(store: Store) -> None:
    baghdad = lookups.get_entity(store, "baghdad")
    kirkuk = lookups.get_entity(store, "kirkuk")
    assert baghdad is not None and kirkuk is not None
    assert (baghdad.country, kirkuk.country) == ("iraq", "iraq")


def test_incident_detail(store: Store, sample: Extraction, rockets: str) -> None:
    strike = lookups.get_incident(store, STRIKE)
    assert strike is not None
    assert (strike.type, strike.acled, strike.label, strike.trigger) == (
        "AirOrDroneStrike",
        "AIR_STRIKE",
        "drone strike",
        "drone strike",
    )
    assert [p.id for p in strike.places] == ["baghdad"]
    assert "drone" in [w.id for w in strike.instruments]
    assert strike.injuries_reported and strike.injuries is None
    kh = [r for r in strike.roles if r.actor.id == KH]
    assert {(r.role, r.certainty, r.source) for r in kh} == {
        ("perpetrator", "alleged", "Two Iraqi security officials"),
        ("perpetrator", "alleged", "A militia source"),
    }
    first = min(kh, key=lambda r: r.evidence.start)
    assert (first.evidence.text, first.evidence.start, first.evidence.end) == (
        "Kataib Hezbollah",
        2835,
        2851,
    )
    assert "carried out the attack together" in first.evidence.sentence
    assert sample.text[first.evidence.start : first.evidence.end] == "Kataib Hezbollah"
    denied = [r for r in strike.roles if r.certainty == "denied"]
    assert {r.actor.id for r in denied} == {"iran"}
    shelling = lookups.get_incident(store, rockets)
    assert shelling is not None
    assert (shelling.type, shelling.injuries, shelling.date) == ("Shelling", 3, "2021-12-13")
    assert lookups.get_incident(store, "000000000000-1") is None


# Groups and incidents ----------------------------------------------------------------------


def test_group_incidents(store: Store, rockets: str) -> None:
    page = lookups.group_incidents(store, KH)
    assert page is not None
    assert ids(page.items)[0] == rockets  # newest first
    (strike,) = [i for i in page.items if i.id == STRIKE]
    assert {(link.role, link.certainty, link.source) for link in strike.links} == {
        ("perpetrator", "alleged", "Two Iraqi security officials"),
        ("perpetrator", "alleged", "A militia source"),
    }
    for link in strike.links:
        (evidence,) = link.evidence
        assert evidence.text == "Kataib Hezbollah"
    assert lookups.group_incidents(store, KH, role="target").total == 0
    assert ids(lookups.group_incidents(store, KH, type="Shelling").items) == [rockets]
    assert lookups.group_incidents(store, "no-such-group") is None
    with pytest.raises(lookups.NotAGroupError, match="Person"):
        lookups.group_incidents(store, "mustafa-al-kadhimi")
    with pytest.raises(lookups.NotAGroupError, match="Place"):
        lookups.group_incidents(store, "baghdad")


def test_links_between_groups_and_incidents(store: Store, rockets: str, clash: str) -> None:
    page = lookups.links_groups_incidents(store, role="perpetrator", limit=500)
    rows = {(r.group.id, r.incident.id, r.certainty, r.source) for r in page.items}
    assert {
        (KH, STRIKE, "alleged", "Two Iraqi security officials"),
        (KH, STRIKE, "alleged", "A militia source"),
        (AAH, STRIKE, "alleged", "Two Iraqi security officials"),
        (AAH, STRIKE, "unconfirmed", "A militia source"),
        ("iran", STRIKE, "denied", "Two regional officials"),
        (KH, rockets, "alleged", "Two Kurdish security officials"),
        (IS, clash, "alleged", "the army"),
    } <= rows
    assert "mustafa-al-kadhimi" not in {r.group.id for r in page.items}  # a person
    assert page.total == len(page.items)
    denied = lookups.links_groups_incidents(store, certainty="denied")
    assert {(r.group.id, r.group.type) for r in denied.items} == {("iran", "State")}
    armed = lookups.links_groups_incidents(store, group_type="ArmedGroup", limit=500)
    assert {r.group.type for r in armed.items} == {"ArmedGroup"}
    december = lookups.links_groups_incidents(store, date_from=date(2021, 12, 1), limit=500)
    assert {rockets, clash} <= {r.incident.id for r in december.items}
    assert STRIKE not in {r.incident.id for r in december.items}
    halves = [lookups.links_groups_incidents(store, limit=4, offset=o) for o in (0, 4)]
    everything = lookups.links_groups_incidents(store, limit=8)
    assert [r for h in halves for r in h.items] == list(everything.items)


# Articles ----------------------------------------------------------------------------------


def test_articles(store: Store, sample: Extraction, second: Extraction) -> None:
    page = lookups.list_articles(store)
    assert [a.id for a in page.items] == [second.article.id, sample.article.id]  # newest first
    reuters = page.items[1]
    assert reuters.publisher is not None and reuters.publisher.id == "reuters"
    assert reuters.dateline is not None and reuters.dateline.id == "baghdad"
    assert (reuters.events, reuters.entities) == (len(sample.events), len(mentioned(sample)))
    assert reuters.published == "2021-11-08"
    assert lookups.list_articles(store, limit=1, offset=1).items == (reuters,)


def test_article_contents(store: Store, sample: Extraction) -> None:
    contents = lookups.get_article(store, sample.article.id)
    assert contents is not None
    assert [e.id for e in contents.events] == [e.id for e in sample.events]
    assert contents.events[0].type == "AirOrDroneStrike"
    assert {e.id for e in contents.entities} == mentioned(sample)
    assert {e.id for e in sample.entities} <= mentioned(sample)
    assert contents.triples == len(article_graph(sample)[1])
    assert lookups.get_article(store, "0" * 64) is None


def test_article_events_carry_their_mentions_from_the_store(
    store: Store, sample: Extraction
) -> None:
    """The mentions written as ck:Mention come back in rank order: the trigger first."""
    contents = lookups.get_article(store, sample.article.id)
    assert contents is not None
    for stored, extracted in zip(contents.events, sample.events, strict=True):
        assert [(m.start, m.end, m.text) for m in stored.mentions] == [
            (m.start, m.end, m.text) for m in extracted.mentions
        ]
    strike = contents.events[0]
    assert (strike.mentions[0].text, len(strike.mentions)) == ("drone strike", 11)


# Vocabulary and dates ----------------------------------------------------------------------


def test_queries_list_the_ontologys_roles() -> None:
    roles = set(lookups.actor_roles())
    assert roles == {"perpetrator", "target", "victim", "participant", "winner"}
    for name in ("incidents_by_actor", "incidents_by_certainty", "group_links"):
        text = files("conflict_kg.graph.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")
        listed = re.search(r"FILTER \(\?role IN \(([^)]*)\)\)", text)
        assert listed is not None, name
        assert {r.strip().removeprefix("ck:") for r in listed[1].split(",")} == roles


def test_date_spans() -> None:
    assert lookups.date_span("2021") == (date(2021, 1, 1), date(2021, 12, 31))
    assert lookups.date_span("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert lookups.date_span("2021-11-07") == (date(2021, 11, 7), date(2021, 11, 7))
    for bad in ("2021-13", "2021-02-30", "21", "2021-1", "0000", "2021-11-07T00:00"):
        with pytest.raises(ValueError):
            lookups.date_span(bad)
    assert event_span("2021-12-06", "week") == (date(2021, 12, 6), date(2021, 12, 12))
    assert event_span("2021-10", "month") == (date(2021, 10, 1), date(2021, 10, 31))
    assert event_span(None, None) is None
