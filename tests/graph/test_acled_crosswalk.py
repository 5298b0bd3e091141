"""The whole ACLED sub-event typology in `ontologies/event-types.ttl`: every one of its 25
sub-event types is reachable from one of our event classes and crosswalked to CAMEO and
PLOVER, and docs/ontology.md shows exactly that crosswalk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from conflict_kg.graph.export.codebooks import plover_type
from conflict_kg.ontologies import CK, CKET, load_ontology

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "ontology.md"
MATCHES = (
    ("", SKOS.closeMatch),
    ("narrower ", SKOS.narrowMatch),
    ("broader ", SKOS.broadMatch),
    ("related ", SKOS.relatedMatch),
)
"""The SKOS mapping properties, the closest first, with how the doc table marks them."""
TABLE_START = (
    "| ACLED event type | sub-event type | our class (`acled` code on it) | CAMEO | PLOVER |"
)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def _notation(onto: Graph, concept: URIRef) -> str:
    return str(onto.value(concept, SKOS.notation))


ACLED_ORDER = (
    "BATTLES",
    "EXPLOSIONS_REMOTE_VIOLENCE",
    "VIOLENCE_AGAINST_CIVILIANS",
    "PROTESTS",
    "RIOTS",
    "STRATEGIC_DEVELOPMENTS",
)
"""ACLED's event types in the order of its codebook."""


def sub_events(onto: Graph) -> list[URIRef]:
    """ACLED's sub-event concepts, by event type in the codebook's order, then by code."""
    assert set(onto.objects(CKET.acled, SKOS.hasTopConcept)) == {CKET[t] for t in ACLED_ORDER}
    found: list[URIRef] = []
    for top in ACLED_ORDER:
        found += sorted(onto.objects(CKET[top], SKOS.narrower), key=lambda c: _notation(onto, c))
    return found


def _ck_classes(onto: Graph, concept: URIRef) -> list[str]:
    """Our event classes that map to the concept with skos:closeMatch, then narrowMatch."""
    names: list[str] = []
    for prop in (SKOS.closeMatch, SKOS.narrowMatch):
        for cls in sorted(onto.subjects(prop, concept)):
            if str(cls).startswith(str(CK)):
                names.append(str(cls)[len(str(CK)) :])
    return names


def _crosswalk(onto: Graph, concept: URIRef, scheme: URIRef) -> list[tuple[str, str]]:
    """(marker, notation) of the concept's matches in `scheme`, the closest first."""
    return [
        (marker, _notation(onto, target))
        for marker, prop in MATCHES
        for target in sorted(onto.objects(concept, prop), key=lambda t: _notation(onto, t))
        if (target, SKOS.inScheme, scheme) in onto
    ]


def crosswalk_rows(onto: Graph) -> list[list[str]]:
    rows = []
    for concept in sub_events(onto):
        top = onto.value(concept, SKOS.broader)
        modes = sorted(str(m) for m in onto.objects(concept, CK.ploverMode))
        plover = [
            f"{marker}{code}" + (f" ({', '.join(modes)})" if not marker and modes else "")
            for marker, code in _crosswalk(onto, concept, CKET.plover)
        ]
        rows.append(
            [
                str(onto.value(top, SKOS.prefLabel)),
                f"{onto.value(concept, SKOS.prefLabel)} `{_notation(onto, concept)}`",
                ", ".join(f"`ck:{name}`" for name in _ck_classes(onto, concept)),
                ", ".join(f"{m}{c}" for m, c in _crosswalk(onto, concept, CKET.cameo)),
                ", ".join(plover),
            ]
        )
    return rows


def markdown_table(onto: Graph) -> str:
    lines = [TABLE_START, "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in crosswalk_rows(onto)]
    return "\n".join(lines)


def test_all_twenty_five_sub_events_have_a_class_a_cameo_and_a_plover_match(onto: Graph) -> None:
    concepts = sub_events(onto)
    assert len(concepts) == 25
    for concept in concepts:
        code = _notation(onto, concept)
        assert _ck_classes(onto, concept), f"{code}: no ck class maps to it"
        assert _crosswalk(onto, concept, CKET.cameo), f"{code}: no CAMEO match"
        assert _crosswalk(onto, concept, CKET.plover), f"{code}: no PLOVER match"


def test_specific_crosswalks_follow_the_codebooks(onto: Graph) -> None:
    def close(code: str, scheme: URIRef) -> list[str]:
        return [c for m, c in _crosswalk(onto, CKET[code], scheme) if not m]

    assert close("SEX_VIOL", CKET.cameo) == ["1821"]
    assert close("CHEM_WEAP", CKET.cameo) == ["2041"]
    assert close("SUIC_BOMB", CKET.cameo) == ["1831"]
    assert close("GOV_REGAINS_TERIT", CKET.cameo) == ["192"]
    assert close("NON_VIOL_TERRIT_TRANSFER", CKET.plover) == ["RETREAT"]
    assert close("FORCE_AGAINST_PROTEST", CKET.cameo) == ["175"]
    assert close("PROPERTY_DISTRUCT", CKET.plover) == ["ASSAULT"]
    assert _ck_classes(onto, CKET.GRENADE) == ["Bombing"]
    assert _ck_classes(onto, CKET.SEX_VIOL) == ["SexualViolence"]
    assert _ck_classes(onto, CKET.CHEM_WEAP) == ["ChemicalAttack"]
    assert _ck_classes(onto, CKET.OTHER) == ["StrategicDevelopment"]


def _category_modes(onto: Graph, category: URIRef) -> set[str]:
    note = str(onto.value(category, SKOS.scopeNote) or "")
    match = re.fullmatch(r"Modes: (.*)\.", note)
    return {m.strip() for m in match.group(1).split(",")} if match else set()


def test_plover_modes_of_sub_events_belong_to_their_one_close_plover_category(
    onto: Graph,
) -> None:
    with_modes = 0
    for concept in sub_events(onto):
        modes = {str(m) for m in onto.objects(concept, CK.ploverMode)}
        close = [
            t
            for t in onto.objects(concept, SKOS.closeMatch)
            if (t, SKOS.inScheme, CKET.plover) in onto
        ]
        assert len(close) <= 1, concept
        if modes:
            assert modes <= _category_modes(onto, close[0]), concept
            with_modes += 1
    assert with_modes >= 18


def test_exports_take_the_plover_mode_of_the_sub_event() -> None:
    grenade = plover_type("Bombing", "GRENADE")
    assert grenade is not None and (grenade.event, grenade.modes) == ("ASSAULT", ("explosives",))
    force = plover_type("Protest", "FORCE_AGAINST_PROTEST")
    assert force is not None and (force.event, force.modes) == ("ASSAULT", ())
    hq = plover_type("StrategicDevelopment", "HQ_ESTABLISHED")
    assert hq is None  # only a related PLOVER match; the class has no PLOVER category
    bombing = plover_type("Bombing")
    assert bombing is not None and bombing.modes == ("explosives", "suicide-attack")


def test_docs_show_the_crosswalk(onto: Graph) -> None:
    text = DOC.read_text()
    start = text.index(TABLE_START)
    end = text.find("\n\n", start)
    shown = text[start : end if end != -1 else None].strip()
    expected = markdown_table(onto)
    assert shown == expected, "docs/ontology.md should show:\n" + expected
