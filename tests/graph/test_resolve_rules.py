"""The resolution rules on their own: which actor names are one actor, which reports are one
incident. Inputs are written here; the store-level behaviour is in test_resolve.py."""

from __future__ import annotations

from conflict_kg.graph.resolve.actors import ActorRecord, canonical_actors, name_key
from conflict_kg.graph.resolve.incidents import ReportRecord, cluster_reports, pair_score
from conflict_kg.graph.resolve.rebuild import _class_tree


def actor(iri: str, kind: str, *names: str, **facts: object) -> ActorRecord:
    return ActorRecord(iri, kind, frozenset(names), **facts)  # type: ignore[arg-type]


def test_name_keys_drop_case_accents_apostrophes_and_particles() -> None:
    assert name_key("Asa'ib Ahl al-Haq") == ("asaib", "ahl", "haq")
    assert name_key("Moqtada al-Sadr") == ("moqtada", "sadr")
    assert name_key("the Washington Institute") == ("washington", "institute")


def test_spelling_variants_join_the_described_actor() -> None:
    mapping = canonical_actors(
        [
            actor("kh", "ArmedGroup", "Kataib Hezbollah", described=True, country="iraq"),
            actor("kh-variant", "ArmedGroup", "Kataib Hizballah"),
            actor("aah", "ArmedGroup", "Asaib Ahl al-Haq", described=True),
            actor("aah-short", "ArmedGroup", "AAH"),
            actor("sadr", "Person", "Moqtada al-Sadr", articles=3),
            actor("sadr-variant", "Person", "Muqtada al-Sadr"),
        ]
    )
    assert mapping == {
        "kh": "kh",
        "kh-variant": "kh",
        "aah": "aah",
        "aah-short": "aah",
        "sadr": "sadr",
        "sadr-variant": "sadr",
    }


def test_actors_that_share_a_word_stay_apart() -> None:
    mapping = canonical_actors(
        [
            actor("kh", "ArmedGroup", "Kataib Hezbollah", described=True),
            actor("hezbollah", "ArmedGroup", "Hezbollah"),
            actor("institute", "Organization", "Washington Institute"),
            actor("washington", "State", "Washington"),
            actor("hassan", "Person", "Ahmed Hassan"),
            actor("hussein", "Person", "Ahmed Hussein"),
        ]
    )
    assert mapping == {}


def test_described_actors_and_other_countries_never_merge() -> None:
    mapping = canonical_actors(
        [
            # Two articles' unnamed gunmen: article-scoped on purpose.
            actor("gunmen-1", "ArmedGroup", "Unidentified gunmen", described=True),
            actor("gunmen-2", "ArmedGroup", "Unidentified gunmen", described=True),
            actor("police-iq", "StateForce", "Federal Police", country="iraq"),
            actor("police-ng", "StateForce", "Federal Police", country="nigeria"),
        ]
    )
    assert mapping == {}


def test_a_lone_surname_joins_only_a_unique_full_name() -> None:
    unique = canonical_actors(
        [actor("malik", "Person", "Hamdi Malik"), actor("malik-short", "Person", "Malik")]
    )
    assert unique == {"malik": "malik", "malik-short": "malik"}
    ambiguous = canonical_actors(
        [
            actor("hamdi", "Person", "Hamdi Malik"),
            actor("omar", "Person", "Omar Malik"),
            actor("malik-short", "Person", "Malik"),
        ]
    )
    assert ambiguous == {}


def test_offices_are_no_names() -> None:
    """Three presidents of three articles, each also called by office: "President" matches
    nothing, and "Vice President" gives no surname for a lone "President" to join."""
    mapping = canonical_actors(
        [
            actor("reyes", "Person", "Ana Reyes", "President"),
            actor("martin", "Person", "Paul Martin", "President", "Martin"),
            actor("haddad", "Person", "Omar Haddad", "Vice President"),
            actor("okafor", "Person", "Grace Okafor", "Prime Minister"),
            actor("minister", "Person", "Minister"),
            actor("martin-again", "Person", "Paul Martin", "the President"),
        ]
    )
    assert mapping == {"martin": "martin", "martin-again": "martin"}


def test_chief_of_staff_is_an_office_not_a_name() -> None:
    """Two chiefs of staff of two articles, each called by the title's tail."""
    mapping = canonical_actors(
        [
            actor("brenning", "Person", "Arlo Brenning", "Staff General"),
            actor("castell", "Person", "Mira Castell", "Staff General"),
        ]
    )
    assert mapping == {}


def test_the_canonical_actor_is_the_most_mentioned_then_the_first_iri() -> None:
    mapping = canonical_actors(
        [
            actor("b-hadad", "Person", "Salim Hadad", articles=1),
            actor("a-haddad", "Person", "Salim Haddad", articles=2),
        ]
    )
    assert set(mapping.values()) == {"a-haddad"}
    tie = canonical_actors(
        [actor("b-hadad", "Person", "Salim Hadad"), actor("a-haddad", "Person", "Salim Haddad")]
    )
    assert set(tie.values()) == {"a-haddad"}


def report(iri: str, article: str, cls: str = "AirOrDroneStrike", **facts: object) -> ReportRecord:
    return ReportRecord(iri, article, "2024-03-12", cls, **facts)  # type: ignore[arg-type]


def scope(place: str) -> frozenset[str]:
    return frozenset({place, "iraq"}) if place in ("kirkuk", "mosul") else frozenset({place})


def test_pair_scores_count_the_evidence() -> None:
    tree = _class_tree()
    base = {"date": "2024-03-10", "precision": "day", "places": frozenset({"kirkuk"})}
    a = report("a", "A", **base, actors=frozenset({"kh"}), instruments=frozenset({"drone"}))
    b = report("b", "B", **base, actors=frozenset({"kh"}), instruments=frozenset({"drone"}))
    # same class 1 + same day 2 + same place 2 + one actor 2 + weapon 1
    assert pair_score(a, b, tree, scope) == 8
    assert pair_score(a, report("c", "A", **base), tree, scope) is None  # same article
    assert pair_score(a, report("d", "B", "Protest", **base), tree, scope) is None
    mosul = {**base, "places": frozenset({"mosul"})}
    assert pair_score(a, report("e", "B", **mosul), tree, scope) is None
    in_iraq = {**base, "places": frozenset({"iraq"})}
    assert pair_score(a, report("f", "B", "Attack", **in_iraq), tree, scope) == 3  # 0+2+1
    two_days = {**base, "date": "2024-03-12"}
    assert pair_score(a, report("g", "B", **two_days), tree, scope) is None
    next_day = {**base, "date": "2024-03-11"}
    assert pair_score(a, report("h", "B", **next_day), tree, scope) == 2  # 1-1+2
    month = {**base, "date": "2024-03", "precision": "month"}
    assert pair_score(a, report("i", "B", **month), tree, scope) == 4  # 1+1+2


def test_a_weak_chain_cannot_join_two_incompatible_reports() -> None:
    tree = _class_tree()
    common = {
        "precision": "day",
        "actors": frozenset({"kh"}),
        "places": frozenset({"kirkuk"}),
        "instruments": frozenset({"drone"}),
    }
    first = report("r1", "A", date="2024-03-10", **common)
    middle = report("r2", "B", date="2024-03-11", **common)
    last = report("r3", "C", date="2024-03-12", **common)
    groups = cluster_reports([last, first, middle], tree, scope)
    # r1-r2 and r2-r3 score 5 each (one day apart), r1-r3 is impossible: r2 joins one side.
    assert sorted(sorted(r.iri for r in g) for g in groups) == [["r1", "r2"], ["r3"]]
    again = cluster_reports([middle, last, first], tree, scope)
    assert [[r.iri for r in g] for g in again] == [[r.iri for r in g] for g in groups]


def test_a_place_nobody_can_locate_neither_helps_nor_vetoes() -> None:
    tree = _class_tree()
    common = {"date": "2024-03-10", "precision": "day", "actors": frozenset({"kh"})}
    street = report("a", "A", **common, places=frozenset({"some-street"}))
    city = report("b", "B", **common, places=frozenset({"kirkuk"}))
    assert (
        pair_score(street, city, tree, lambda p: scope(p) if p != "some-street" else frozenset())
        == 5
    )


def test_reports_with_no_time_at_all_need_more_evidence() -> None:
    tree = _class_tree()
    common = {"places": frozenset({"kirkuk"}), "actors": frozenset({"kh"})}
    undated = ReportRecord("a", "A", None, "Bombing", **common)  # no date, no publication
    other = ReportRecord("b", "B", None, "Bombing", **common)
    assert pair_score(undated, other, tree, scope) == 3  # 1 - 2 + 2 + 2: not enough
    assert cluster_reports([undated, other], tree, scope) == [[undated], [other]]


def test_acronyms_name_organised_actors_only() -> None:
    assert (
        canonical_actors([actor("ab", "Person", "AB"), actor("ali-baba", "Person", "Ali Baba")])
        == {}
    )
    assert (
        canonical_actors(
            [
                actor("cda", "Organization", "CDA"),
                actor("town", "Organization", "El Carmen de Atrato"),
            ]
        )
        == {}
    )


def test_undated_reports_are_only_compared_with_reports_sharing_an_actor() -> None:
    from conflict_kg.graph.resolve.incidents import _candidates

    place = {"places": frozenset({"kirkuk"})}
    undated = ReportRecord("u", "A", None, "Bombing", actors=frozenset({"kh"}), **place)
    partner = ReportRecord("p", "B", "2024-03-12", "Bombing", actors=frozenset({"kh"}), **place)
    stranger = ReportRecord("s", "C", "2024-03-12", "Bombing", **place)
    pairs = {(a.iri, b.iri) for a, b in _candidates([undated, partner, stranger])}
    # p and s are dated (a month before publication) and overlap; u meets only p.
    assert pairs == {("p", "s"), ("u", "p")}
