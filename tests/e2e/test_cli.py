"""End-to-end tests of the `conflict-kg` console script: real subprocesses, real spaCy, a real
embedded Oxigraph store on disk."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from conflict_kg.ontologies import CK, RESOLUTION_GRAPH

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "reuters-2021-11-08-iraq-pm-drone-strike.txt"
KH = "https://w3id.org/conflict-kg/id/entity/kataib-hezbollah"
ASAIB = "https://w3id.org/conflict-kg/id/entity/asaib-ahl-al-haq"
STRIKE_PERPETRATORS = """
PREFIX ck: <https://w3id.org/conflict-kg/ontology#>
SELECT ?incident ?actor WHERE { ?incident a ck:AirOrDroneStrike ; ck:perpetrator ?actor }
ORDER BY ?actor
"""
VALID_JSONL_TEXT = (
    "BAGHDAD, March 1 (Reuters) - Islamic State militants attacked an army checkpoint "
    "near Kirkuk on Friday, killing three soldiers, Iraqi security officials said."
)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


# --- ingest and stats ----------------------------------------------------------------------


def test_ingest_examples_then_stats(ingested) -> None:
    assert "ingested 1 article(s)" in ingested.ingest.stdout
    assert "0 already stored; 0 failed" in ingested.ingest.stdout
    stats = ingested.stats
    assert stats["articles"] == 1
    assert stats["triples"] > 300
    assert stats["events_by_type"]["AirOrDroneStrike"] == 1
    assert stats["entities_by_type"]["ArmedGroup"] >= 2
    # the summary line counts exactly the triples the store reports
    assert f"{stats['triples']} triples" in ingested.ingest.stdout
    # one article: every report is its own incident, and resolution says so
    reports = sum(stats["events_by_type"].values())
    assert stats["incidents"] == reports
    assert f"resolved {reports} report(s) into {reports} incident(s)" in ingested.ingest.stdout
    assert stats["derived_triples"] > 2 * reports


def test_stats_table_names_store_and_counts(cli, ingested) -> None:
    result = cli(["stats"], store=ingested.url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # a long store path may wrap at 80 columns in this human-readable view
    assert f"store     {ingested.url}" in result.stdout.replace("\n", "")
    assert "articles  1" in lines
    assert f"triples   {ingested.stats['triples']}" in lines
    assert "AirOrDroneStrike" in result.stdout


def test_reingest_changes_nothing(cli, read_stats, ingested, store_copy: str) -> None:
    result = cli(["ingest", str(SAMPLE)], store=store_copy)
    assert result.returncode == 0, result.stderr
    assert "ingested 0 article(s), 0 triples; 1 already stored; 0 failed" in result.stdout
    assert read_stats(store_copy) == ingested.stats


def test_resolve_rebuilds_the_same_resolution(cli, read_stats, ingested, store_copy: str) -> None:
    reports = sum(ingested.stats["events_by_type"].values())
    result = cli(["resolve"], store=store_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.replace("\n", " ").strip() == (
        f"resolved {reports} report(s) into {reports} incident(s), 0 actor spelling(s) merged"
    )
    assert read_stats(store_copy) == ingested.stats


def test_resolve_on_a_read_only_endpoint_fails_in_one_line(cli) -> None:
    result = cli(["resolve"], store="sparql:http://127.0.0.1:9/sparql")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        "error: read-only remote store sparql:http://127.0.0.1:9/sparql"
    )
    assert len(result.stderr.strip().splitlines()) == 1


def test_store_taken_from_environment(cli, ingested, store_copy: str, tmp_path: Path) -> None:
    env = {"CONFLICT_KG_STORE": store_copy}
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    again = cli(["ingest", str(SAMPLE)], env=env, cwd=workdir)
    assert again.returncode == 0, again.stderr
    assert "1 already stored" in again.stdout
    stats = cli(["stats", "--format", "json"], env=env, cwd=workdir)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout) == ingested.stats
    # the default store (./data/store) was not touched
    assert not (workdir / "data").exists()


def test_ingest_bad_inputs_reports_each_and_keeps_the_good_one(
    cli, read_stats, ingested, store_copy: str, tmp_path: Path
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    missing = inputs / "missing.txt"
    empty = inputs / "empty.txt"
    empty.write_bytes(b"")
    binary = inputs / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03\xff\xfe binary")
    latin1 = inputs / "latin1.txt"
    latin1.write_bytes(b"caf\xe9 bombing in Baghdad, officials said.")
    mixed = inputs / "mixed.jsonl"
    good = {"text": VALID_JSONL_TEXT, "title": "t", "published": "2024-03-01"}
    mixed.write_text("{not json at all\n" + json.dumps(good) + "\n", encoding="utf-8")

    result = cli(
        ["ingest", str(missing), str(empty), str(binary), str(latin1), str(mixed)],
        store=store_copy,
    )

    assert result.returncode == 1
    assert "ingested 1 article(s)" in result.stdout
    assert "5 failed" in result.stdout
    errors = error_lines(result.stderr)
    assert len(errors) == 5, result.stderr
    expected = {
        f"{missing}:": "no such file",
        f"{empty}:": "empty",
        f"{binary}:": "binary",
        f"{latin1}:": "UTF-8",
        f"{mixed}:1:": "JSON",
    }
    for prefix, reason in expected.items():
        [line] = [line for line in errors if line.startswith(f"error: {prefix}")]
        assert reason in line
    # the good line 2 of the .jsonl is not an error
    assert not any(f"{mixed}:2" in line for line in errors)

    after = read_stats(store_copy)
    assert after["articles"] == ingested.stats["articles"] + 1
    assert after["triples"] > ingested.stats["triples"]
    stored = cli(
        [
            "query",
            "--format",
            "json",
            "PREFIX ck: <https://w3id.org/conflict-kg/ontology#> "
            "PREFIX dcterms: <http://purl.org/dc/terms/> "
            'SELECT ?issued WHERE { ?a a ck:Article ; dcterms:title "t" ; dcterms:issued ?issued }',
        ],
        store=store_copy,
    )
    assert stored.returncode == 0, stored.stderr
    rows = json.loads(stored.stdout)["results"]["bindings"]
    assert [row["issued"]["value"] for row in rows] == ["2024-03-01"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "no such file or directory"),
        ("empty.txt", b"   \n", "empty article"),
        ("binary.txt", b"\x00\x01\x02\x03", "binary data, not text"),
        ("latin1.txt", b"caf\xe9 au lait", "not UTF-8"),
        ("x[/]y.txt", None, "no such file or directory"),  # rich markup in a file name
    ],
)
def test_one_bad_input_alone_fails_with_one_line(
    cli, read_stats, ingested, store_copy: str, tmp_path: Path, name, content, reason
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = cli(["ingest", str(path)], store=store_copy)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {path}: {reason}")
    assert "ingested 0 article(s), 0 triples; 0 already stored; 1 failed" in result.stdout
    assert read_stats(store_copy) == ingested.stats


# --- extract -------------------------------------------------------------------------------


def test_extract_json_prints_one_object(cli) -> None:
    result = cli(["extract", "--format", "json", f"examples/{SAMPLE.name}"])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == {"source", "article", "entities", "events", "relations", "nonspecific"}
    assert record["source"] == f"examples/{SAMPLE.name}"
    assert record["article"]["published"] == "2021-11-08"
    assert record["article"]["publisher"] == "Reuters"
    names = {entity["name"]: entity["type"] for entity in record["entities"]}
    assert names["Kataib Hezbollah"] == "ArmedGroup"
    strikes = [event for event in record["events"] if event["type"] == "AirOrDroneStrike"]
    assert strikes and strikes[0]["acled"] == "AIR_STRIKE"
    text = SAMPLE.read_text(encoding="utf-8")
    trigger = strikes[0]["trigger"]
    assert text[trigger["start"] : trigger["end"]] == trigger["text"]
    roles = {(arg["role"], arg["entity"]) for arg in strikes[0]["arguments"]}
    assert ("perpetrator", "kataib-hezbollah") in roles


def test_extract_turtle_parses_and_has_an_article(cli) -> None:
    result = cli(["extract", "--format", "turtle", str(SAMPLE)])
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(data=result.stdout, format="turtle")
    articles = set(graph.subjects(RDF.type, CK.Article))
    assert len(articles) == 1
    [article] = articles
    assert str(graph.value(article, DCTERMS.issued)) == "2021-11-08"
    assert (None, CK.perpetrator, URIRef(KH)) in graph


def test_extract_unknown_format_is_a_usage_error(cli) -> None:
    result = cli(["extract", "--format", "xml", str(SAMPLE)])
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == ["error: unknown format 'xml': use json or turtle"]


# --- query ---------------------------------------------------------------------------------


def test_query_select_finds_kh_as_strike_perpetrator(cli, ingested) -> None:
    result = cli(["query", "--format", "csv", STRIKE_PERPETRATORS], store=ingested.url)
    assert result.returncode == 0, result.stderr
    assert KH in result.stdout
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    actors = [row["actor"] for row in rows]
    assert KH in actors
    assert ASAIB in actors
    assert all(
        row["incident"].startswith("https://w3id.org/conflict-kg/id/incident/") for row in rows
    )


def test_query_reads_sparql_from_stdin(cli, ingested) -> None:
    result = cli(["query", "--format", "json", "-"], store=ingested.url, stdin=STRIKE_PERPETRATORS)
    assert result.returncode == 0, result.stderr
    actors = [row["actor"]["value"] for row in json.loads(result.stdout)["results"]["bindings"]]
    assert KH in actors


def test_named_query_perpetrators_for_kh(cli, ingested) -> None:
    result = cli(
        [
            "query",
            "--name",
            "perpetrators",
            "--param",
            "actor=kataib-hezbollah",
            "--format",
            "json",
        ],
        store=ingested.url,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert rows
    assert {row["actor"]["value"] for row in rows} == {KH}
    assert {row["actorName"]["value"] for row in rows} == {"Kataib Hezbollah"}
    types = {row["incidentType"]["value"] for row in rows}
    assert str(CK.AirOrDroneStrike) in types


def test_named_query_accepts_a_full_iri(cli, ingested) -> None:
    by_id = cli(
        ["query", "--name", "perpetrators", "--param", "actor=kataib-hezbollah", "--format", "csv"],
        store=ingested.url,
    )
    by_iri = cli(
        ["query", "--name", "perpetrators", "--param", f"actor={KH}", "--format", "csv"],
        store=ingested.url,
    )
    assert by_id.returncode == by_iri.returncode == 0
    assert by_id.stdout == by_iri.stdout
    assert by_id.stdout.count("\n") >= 2  # header + at least one row


def test_unknown_named_query_is_one_readable_line(cli, ingested) -> None:
    result = cli(["query", "--name", "nosuch"], store=ingested.url)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "nosuch" in lines[0]
    assert "perpetrators" in lines[0]  # names the known queries


def test_named_query_unknown_parameter(cli, ingested) -> None:
    result = cli(["query", "--name", "perpetrators", "--param", "colour=red"], store=ingested.url)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "colour" in line and "actor" in line


def test_query_with_both_or_neither_is_a_usage_error(cli, ingested) -> None:
    neither = cli(["query"], store=ingested.url)
    both = cli(["query", "SELECT * {}", "--name", "perpetrators"], store=ingested.url)
    for result in (neither, both):
        assert result.returncode == 2
        assert result.stderr.strip().splitlines() == [
            "error: give either a SPARQL query or --name NAME"
        ]


def test_malformed_query_is_one_line_exit_2(cli, ingested) -> None:
    result = cli(["query", "SELEC ?x WHERE {}"], store=ingested.url)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ")
    assert "SPARQL" in line


# --- export and validate -------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")  # its TriG parser
def test_export_trig_round_trips_every_quad(cli, ingested, tmp_path: Path) -> None:
    target = tmp_path / "dump.trig"
    result = cli(["export", "--format", "trig", "-o", str(target)], store=ingested.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {target.stat().st_size} bytes to {target}" in result.stderr
    dataset = Dataset()
    dataset.parse(target, format="trig")
    quads = list(dataset.quads((None, None, None, None)))
    assert len(quads) == ingested.stats["triples"] + ingested.stats["derived_triples"]
    graphs = {str(g) for *_, g in quads}
    articles = graphs - {str(RESOLUTION_GRAPH)}
    assert len(articles) == 1 and len(graphs) == 2  # the article's graph and resolution's
    [name] = articles
    assert name.startswith("https://w3id.org/conflict-kg/id/article/")


def test_export_unknown_format(cli, ingested) -> None:
    result = cli(["export", "--format", "docx"], store=ingested.url)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "docx" in line and "trig" in line


def test_validate_conforms(cli, ingested) -> None:
    result = cli(["validate"], store=ingested.url)
    assert result.returncode == 0, result.stderr
    assert "conforms" in result.stdout
    assert "1 article graph(s), 0 violations" in result.stdout


# --- help and configuration errors ---------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "purpose"),
    [
        ("extract", "Print what the extractor finds in each article"),
        ("ingest", "Extract articles and store each as its own named graph"),
        ("query", "Run a SPARQL query over the union of all article graphs"),
        ("export", "Write the whole store in an RDF format"),
        ("stats", "Count articles, triples, entities by type and events by type"),
        ("validate", "Check every stored article graph against the SHACL shapes"),
        ("serve", "Serve the HTTP API"),
    ],
)
def test_subcommand_help(cli, command: str, purpose: str) -> None:
    result = cli([command, "--help"])
    assert result.returncode == 0, result.stderr
    flat = " ".join(result.stdout.replace("│", " ").split())
    assert f"Usage: conflict-kg {command}" in flat
    assert purpose in flat


def test_top_level_help_lists_every_command(cli) -> None:
    result = cli(["--help"])
    assert result.returncode == 0, result.stderr
    for command in ("extract", "ingest", "query", "export", "serve", "stats", "validate"):
        assert command in result.stdout
    assert "--store" in result.stdout


@pytest.mark.parametrize("command", [["stats"], ["ingest", "examples/"], ["validate"]])
def test_bad_store_url_is_one_line(cli, command: list[str]) -> None:
    result = cli(command, store="nosuch:x")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "nosuch:x" in lines[0]
    assert "oxigraph:" in lines[0]


@pytest.mark.parametrize(
    "value",
    ["x> } ; DROP ALL ; #", "https://example.org/a> } ; DROP ALL ; #", "a b", ""],
)
def test_named_query_parameter_injection_on_a_writable_store(
    cli, read_stats, ingested, store_copy: str, value: str
) -> None:
    result = cli(["query", "--name", "perpetrators", "--param", f"actor={value}"], store=store_copy)
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert "actor must be an IRI or a local id" in line
    assert read_stats(store_copy) == ingested.stats


# --- the rough edges of issue #18 ------------------------------------------------------------


def test_version(cli) -> None:
    from importlib.metadata import version

    result = cli(["--version"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"conflict-kg {version('conflict-kg')}"


@pytest.mark.parametrize("command", ["extract", "ingest", "query", "export", "network", "stats"])
def test_help_shows_no_python_type_names(cli, command: str) -> None:
    result = cli([command, "--help"], env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    for python_name in ("<list[", "<str>", "<int", "<bool>", "<path>", "<float>"):
        assert python_name not in result.stdout
    if command == "extract":
        assert "PATH..." in result.stdout
    if command == "ingest":
        assert "PATH|URL..." in result.stdout
        assert "--feed" in result.stdout


def test_query_table_shows_prefixed_iris(cli, ingested) -> None:
    result = cli(["query", STRIKE_PERPETRATORS], store=ingested.url, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert "ckid:entity/kataib-hezbollah" in result.stdout
    assert "ckid:entity/asaib-ahl-al-haq" in result.stdout
    assert "https:" not in result.stdout
    types = cli(
        ["query", "SELECT DISTINCT ?t WHERE { ?e a ?t } ORDER BY ?t"],
        store=ingested.url,
        env={"COLUMNS": "200"},
    )
    assert "ck:AirOrDroneStrike" in types.stdout


def test_stats_lists_only_types_that_occur(cli, ingested) -> None:
    result = cli(["stats"], store=ingested.url, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    rows = [line.strip("│ ").split("│") for line in result.stdout.splitlines() if "│" in line]
    counts = {row[0].strip(): row[-1].strip() for row in rows if len(row) == 2}
    assert counts["AirOrDroneStrike"] == str(ingested.stats["events_by_type"]["AirOrDroneStrike"])
    assert "Bombing" not in counts  # the ontology's class, with nothing stored
    assert "0" not in counts.values()
    # the JSON form keeps every class, zeros included, for programs
    assert ingested.stats["events_by_type"]["Bombing"] == 0


@pytest.mark.parametrize("command", [["stats"], ["query", "ASK {}"], ["export"], ["resolve"]])
def test_a_mistyped_store_path_is_refused(cli, tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "no-such-store"
    result = cli(command, store=f"oxigraph:{missing}")
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        f"error: no store at '{missing}' (from --store oxigraph:{missing}); check the path, "
        "or create the store with `conflict-kg ingest`"
    ]
    assert not missing.exists()


def test_ingest_labels_the_bar_while_spacy_loads(cli, tmp_path: Path) -> None:
    # FORCE_COLOR and a real TERM make rich draw the live bar into stderr, as on a terminal
    result = cli(
        ["ingest", str(SAMPLE)],
        store=f"oxigraph:{tmp_path / 'new-store'}",
        env={"FORCE_COLOR": "1", "TERM": "xterm", "COLUMNS": "160"},
    )
    assert result.returncode == 0, result.stderr
    frames = result.stderr.replace("\r", "\n").splitlines()
    assert any("0 articles" in frame and "loading the spaCy pipeline" in frame for frame in frames)
    assert (tmp_path / "new-store").is_dir()  # ingest still creates a new store


def test_output_piped_to_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    import subprocess

    from support import CLI, cli_env

    command = f"'{CLI}' extract --format turtle examples/*.txt | head -n 2"
    script = command + '; echo "exit=${PIPESTATUS[0]}"'
    result = subprocess.run(
        ["bash", "-c", script], cwd=ROOT, env=cli_env(), capture_output=True, text=True, timeout=300
    )
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "@prefix ck: <https://w3id.org/conflict-kg/ontology#> .",
        "@prefix cket: <https://w3id.org/conflict-kg/event-types#> .",
    ]
    assert lines[-1] == "exit=0"
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
