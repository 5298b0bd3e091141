"""The documentation cannot drift from the code: every command, request and query README.md and
docs/*.md show is run against a real server over the sample article, and what it prints is
compared with the output the docs show after it (or, where they show none, checked to
succeed and to be well-formed). How examples are found and compared: docs_examples.py.

The examples run in the order a reader meets them (README.md, then docs/*.md by name): the
write examples of docs/api.md add an article and delete it again, so the outputs compared
after them are those of the sample article alone. The server's store and the CLI's store are
two copies of one ingest (Oxigraph allows one process per store); `/tmp/` in a command means
this run's own temporary directory.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from docs_examples import DOCS_BASE, Example, normalise, output_mismatches, read_examples
from rdflib import Dataset
from support import CLI, ROOT, cli_env, run_cli, running_server

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLES = [example for path in DOCS for example in read_examples(path, ROOT)]
RUNNABLE = [example for example in EXAMPLES if example.skip is None]
# The floor under which the docs would have lost their examples (or the reader its eyes).
MIN_RUNNABLE = 38
MIN_COMPARED = 16
README_LIMIT = 15_000
TOKEN = "docs-test-token"
DOCUMENTED_STORE = "oxigraph:./data/store"
STATUS_MARK = "docs-test-http-status"
EXIT_MARK = "docs-test-cli-exit"
BLOCK_TIMEOUT = 150


@dataclass(frozen=True)
class DocsRun:
    """Where the examples run: the server's URL, the scratch directory that stands for /tmp,
    the environment of every command and the replacements that give back the docs' values."""

    base: str
    scratch: Path
    bin_dir: Path
    env: dict[str, str]
    replacements: list[tuple[str, str]]


def _wrappers(bin_dir: Path) -> None:
    """`curl` and `conflict-kg` as the reader runs them, each leaving its HTTP status or exit
    code on stderr, so that a failure inside a pipe is not lost."""
    bin_dir.mkdir()
    curl = shutil.which("curl")
    assert curl, "the docs test needs curl"
    (bin_dir / "curl").write_text(
        f'#!/bin/bash\nexec {curl} --write-out "%{{stderr}}{STATUS_MARK} %{{http_code}}\\n" "$@"\n'
    )
    (bin_dir / "conflict-kg").write_text(
        f'#!/bin/bash\n"{CLI}" "$@"\nrc=$?\necho "{EXIT_MARK} $rc" >&2\nexit $rc\n'
    )
    for script in bin_dir.iterdir():
        script.chmod(0o755)


@pytest.fixture(scope="module")
def docs_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DocsRun]:
    work = tmp_path_factory.mktemp("docs")
    served = work / "served-store"
    ingest = run_cli(["ingest", "examples/"], store=f"oxigraph:{served}")
    assert ingest.returncode == 0, ingest.stderr
    # the CLI's own copy, taken before the server opens the original
    cli_store = work / "cli-store"
    shutil.copytree(served, cli_store)
    _wrappers(work / "bin")
    # short, so that a store path in a CLI table does not wrap at 80 columns
    scratch = Path(tempfile.mkdtemp(prefix="ckdocs-"))
    env = cli_env(
        {
            "CONFLICT_KG_TOKEN": TOKEN,
            "CONFLICT_KG_STORE": f"oxigraph:{cli_store}",
            "PATH": f"{work / 'bin'}{os.pathsep}{os.environ['PATH']}",
        }
    )
    try:
        with running_server(f"oxigraph:{served}", work, env={"CONFLICT_KG_TOKEN": TOKEN}) as base:
            replacements = [
                (base, DOCS_BASE),
                (f"oxigraph:{served}", DOCUMENTED_STORE),
                (f"oxigraph:{cli_store}", DOCUMENTED_STORE),
                (f"{scratch}/", "/tmp/"),
            ]
            yield DocsRun(base, scratch, work / "bin", env, replacements)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# --- the docs as a whole -------------------------------------------------------------------


def test_readme_is_the_entry_point() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme) <= README_LIMIT, f"README.md has {len(readme)} characters"
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().split("\n")]
    assert commands == ["make run", "make test"]
    assert "](docs/index.md)" in readme


def test_index_links_every_doc() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for doc in DOCS[1:]:
        if doc.name != "index.md":
            assert f"]({doc.name}" in index, f"docs/index.md does not link {doc.name}"


LINK = re.compile(r"\[[^\]]*\]\((?P<target>[^)\s]+)\)")


def _anchors(path: Path) -> set[str]:
    """GitHub's ids of a file's headings: lower case, punctuation dropped, spaces as '-'."""
    ids = set()
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            ids.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return ids


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(doc: Path) -> None:
    broken = []
    for link in LINK.finditer(doc.read_text(encoding="utf-8")):
        target = link.group("target")
        if re.match(r"[a-z]+:", target):
            continue
        file_part, _, anchor = target.partition("#")
        path = (doc.parent / file_part).resolve() if file_part else doc
        if not path.exists():
            broken.append(target)
        elif anchor and path.suffix == ".md" and anchor not in _anchors(path):
            broken.append(target)
    assert not broken, f"{doc.name}: links to nothing: {broken}"


def test_enough_examples_are_run() -> None:
    """Reports what the docs test runs, so that it cannot silently run nothing."""
    skipped = [example for example in EXAMPLES if example.skip]
    compared = [example for example in RUNNABLE if example.expected is not None]
    kinds = {kind: sum(e.kind == kind for e in RUNNABLE) for kind in ("shell", "inline", "sparql")}
    print(
        f"\ndocs examples: {len(RUNNABLE)} run ({kinds}), {len(compared)} with their output "
        f"compared, {len(skipped)} skipped:"
    )
    for example in skipped:
        print(f"  skipped {example.id}: {example.skip}")
    assert len(RUNNABLE) >= MIN_RUNNABLE
    assert len(compared) >= MIN_COMPARED


# --- every example -------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: str
    stderr: str
    statuses: list[int]
    exits: list[int]
    files: list[Path]


def _scratch_files(scratch: Path) -> dict[Path, int]:
    """The files directly in the directory standing for /tmp (stores are directories), by the
    time they were last written."""
    return {path: path.stat().st_mtime_ns for path in scratch.iterdir() if path.is_file()}


def _run_shell(code: str, run: DocsRun, cwd: Path) -> Outcome:
    """The block as one bash script in a fresh directory that holds `examples/` and
    `.venv/bin/conflict-kg` as a checkout does."""
    (cwd / "examples").symlink_to(ROOT / "examples")
    (cwd / ".venv" / "bin").mkdir(parents=True)
    (cwd / ".venv" / "bin" / "conflict-kg").symlink_to(run.bin_dir / "conflict-kg")
    before = _scratch_files(run.scratch)
    script = code.replace(DOCS_BASE, run.base).replace("/tmp/", f"{run.scratch}/")
    result = subprocess.run(
        ["bash", "-c", f"set -eu\n{script}"],
        cwd=cwd,
        env=run.env,
        capture_output=True,
        text=True,
        timeout=BLOCK_TIMEOUT,
        check=False,
    )
    marks = re.compile(rf"^({STATUS_MARK}|{EXIT_MARK}) (\d+)$", re.M)
    found = marks.findall(result.stderr)
    after = _scratch_files(run.scratch)
    written = [path for path, stamp in after.items() if before.get(path) != stamp]
    files = sorted(path for path in cwd.iterdir() if path.is_file() and not path.is_symlink())

    return Outcome(
        result.returncode,
        result.stdout,
        marks.sub("", result.stderr).strip(),
        [int(code) for mark, code in found if mark == STATUS_MARK],
        [int(code) for mark, code in found if mark == EXIT_MARK],
        files + written,
    )


def _well_formed(path: Path) -> str | None:
    """Why a written file is not what its name says (None when it is)."""
    data = path.read_bytes()
    if not data:
        return "empty"
    name = path.name
    try:
        if name.endswith((".json", ".cyjs", ".geojson", ".jsonld")):
            json.loads(data)
        elif name.endswith((".graphml", ".gexf", ".svg")):
            ET.fromstring(data)
        elif name.endswith(".png"):
            assert data.startswith(b"\x89PNG\r\n\x1a\n"), "no PNG signature"
        elif name.endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None and archive.namelist(), "a bad zip"
        elif name.endswith((".trig", ".nq")):
            assert len(Dataset().parse(path, format="trig" if name.endswith(".trig") else "nquads"))
    except (ValueError, ET.ParseError, AssertionError, zipfile.BadZipFile) as error:
        return str(error)[:200]
    return None


def _stdout_problem(code: str, stdout: str) -> str | None:
    text = stdout.strip()
    if not text or text[0] not in "[{" or "| head" in code:
        return None
    try:
        json.loads(text)
    except json.JSONDecodeError:
        try:
            for line in text.split("\n"):
                json.loads(line)
        except json.JSONDecodeError as error:
            return f"the output looks like JSON but is not: {error}"
    return None


def _check_shell(example: Example, run: DocsRun, cwd: Path) -> None:
    outcome = _run_shell(example.code, run, cwd)
    context = (
        f"{example.id}\n--- stdout\n{outcome.stdout[:2000]}\n--- stderr\n{outcome.stderr[:2000]}"
    )
    assert "Traceback" not in outcome.stdout + outcome.stderr, context
    assert outcome.returncode == 0, context
    statuses_ok = all(200 <= status < 300 for status in outcome.statuses)
    assert statuses_ok, f"HTTP statuses {outcome.statuses}: {context}"
    assert all(code == 0 for code in outcome.exits), (
        f"conflict-kg exit codes {outcome.exits}: {context}"
    )
    assert outcome.statuses or outcome.exits, f"{example.id} ran no curl and no conflict-kg"
    if example.expected is not None:
        printed = normalise(outcome.stdout, run.replacements)
        documented = normalise(example.expected, [])
        problems = output_mismatches(example.expected_lang or "text", documented, printed)
        assert not problems, f"{example.id}:\n" + "\n".join(problems)
        return
    produced = outcome.stdout.strip() or outcome.files or set(outcome.statuses) == {204}
    assert produced, f"{example.id} printed nothing and wrote no file\n{context}"
    assert _stdout_problem(example.code, outcome.stdout) is None, context
    bad = {path.name: _well_formed(path) for path in outcome.files if _well_formed(path)}
    assert not bad, (bad, context)


def _check_sparql(example: Example, run: DocsRun) -> None:
    answer = httpx.post(
        f"{run.base}/sparql",
        data={"query": example.code},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    )
    assert answer.status_code == 200, answer.text
    results = answer.json()
    if "boolean" in results:
        assert results["boolean"] is True, f"{example.id}: the ASK is false on the sample article"
    else:
        assert results["results"]["bindings"], f"{example.id}: no rows on the sample article"


@pytest.mark.parametrize("example", RUNNABLE, ids=[example.id for example in RUNNABLE])
def test_example(example: Example, docs_run: DocsRun, tmp_path: Path) -> None:
    if example.kind == "sparql":
        _check_sparql(example, docs_run)
    else:
        _check_shell(example, docs_run, tmp_path)


# --- the harness itself: a drifting example must fail ---------------------------------------


@pytest.mark.parametrize(
    ("code", "failure"),
    [
        (
            "curl -s http://127.0.0.1:8000/entities/no-such-actor | head -3",
            r"HTTP statuses \[404\]",
        ),
        ("conflict-kg query --name no-such-query | cat", r"conflict-kg exit codes \[[1-9]"),
        ("curl -s -o /dev/null http://127.0.0.1:8000/health", "printed nothing and wrote no file"),
    ],
)
def test_a_failing_example_fails(
    code: str, failure: str, docs_run: DocsRun, tmp_path: Path
) -> None:
    """A failure inside a pipe, or an example that shows nothing, is caught."""
    with pytest.raises(AssertionError, match=failure):
        _check_shell(Example("synthetic.md", 1, "shell", code), docs_run, tmp_path)


def test_a_drifted_output_fails(docs_run: DocsRun, tmp_path: Path) -> None:
    example = Example(
        "synthetic.md",
        1,
        "shell",
        "curl -s http://127.0.0.1:8000/health",
        '{"status": "down"}',
        "json",
    )
    with pytest.raises(AssertionError, match=r"\$\.status: \"ok\" where the docs show \"down\""):
        _check_shell(example, docs_run, tmp_path)


def test_json_outputs_compare_as_data() -> None:
    shown = '{"paths": [{"nodes": ["a", "b"], "...": "..."}, "..."], "id": "cae519a2…"}'
    assert (
        output_mismatches(
            "json", shown, '{"paths": [{"nodes": ["a", "b"], "n": 1}], "id": "cae519a2ff"}'
        )
        == []
    )
    # the items shown must come first, in order
    assert output_mismatches(
        "json", shown, '{"paths": [{"nodes": ["x"]}, {"nodes": ["a", "b"]}], "id": "cae519a2"}'
    ) == ["$.paths[0].nodes: 1 items, the docs show 2"]
    # without "...", no key and no item more
    assert output_mismatches("json", '{"a": [1]}', '{"a": [1, 2], "b": 0}') == [
        "$: keys not documented: ['b']",
        "$.a: 2 items, the docs show 1",
    ]


def test_text_outputs_compare_line_by_line() -> None:
    shown = "store     oxigraph:/tmp/kg\n...\nwrote … bytes"
    assert (
        output_mismatches("text", shown, "store     oxigraph:/tmp/kg\na\nb\nwrote 12 bytes") == []
    )
    assert output_mismatches("text", shown, "store     oxigraph:/tmp/kx\nwrote 12 bytes") != []
