"""One rule per bad-input class, the same verdict on the CLI and over HTTP (issue 13).

Each case is one input in one of two shapes: plain text (a .txt file, stdin, a text/plain
body) or a JSON article (a .json file, an application/json body). The real `conflict-kg
ingest` reads the files (once, all together) and stdin; a real server reads the bodies.
Both must refuse, and give the same reason word for word after naming their input.
"""

from __future__ import annotations

import json
import secrets
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from support import CLI, ROOT, cli_env, run_cli, running_server

PROBLEM_JSON = "application/problem+json"


@dataclass(frozen=True)
class Case:
    name: str
    shape: str  # "plain" or "json"
    payload: bytes
    reason: str  # how the reason starts, on both faces
    status: int = 422  # over HTTP: 400 for bytes that are not what they claim to be


CASES = [
    Case("empty", "plain", b" \n\t ", "empty article"),
    Case("empty", "json", b'{"text": "  "}', "JSON object has no non-empty 'text' field"),
    Case("not UTF-8", "plain", b"caf\xe9 bombing", "not UTF-8 text (byte 3)", 400),
    Case("not UTF-8", "json", b'{"text": "caf\xe9"}', "not UTF-8 text (byte 13)", 400),
    # A surrogate written as UTF-8 bytes (CESU-8) is not UTF-8; JSON can escape one.
    Case("lone surrogate", "plain", b"A \xed\xa0\x80 bomb", "not UTF-8 text (byte 2)", 400),
    Case(
        "lone surrogate",
        "json",
        b'{"text": "A \\ud800 bomb"}',
        "field 'text' is not valid Unicode text (lone surrogate U+D800 at character 2)",
    ),
    Case(
        "lone surrogate in a title",
        "json",
        b'{"text": "A bomb exploded.", "title": "\\udc80"}',
        "field 'title' is not valid Unicode text (lone surrogate U+DC80 at character 0)",
    ),
    Case("NUL", "plain", b"A bomb\x00 exploded.", "binary data, not text (NUL byte at byte 6)"),
    Case(
        "NUL",
        "json",
        b'{"text": "A bomb\\u0000 exploded."}',
        "field 'text' is binary data, not text (NUL character at character 6)",
    ),
    Case(
        "HTML document",
        "plain",
        b"<!DOCTYPE html>\n<html><body><p>A bomb exploded.</p></body></html>",
        "HTML, not plain text (<!doctype html> at character 0): send the article's plain text",
    ),
    Case(
        "HTML document",
        "json",
        json.dumps({"text": "<html><body>A bomb exploded.</body></html>"}).encode(),
        "field 'text' is HTML, not plain text (<html> at character 0)",
    ),
    Case(
        "HTML fragment",
        "plain",
        b"<p>A bomb exploded.</p>\n<p>Police <b>said</b> so.</p><br>",
        "HTML, not plain text (5 HTML tags from character 0)",
    ),
    Case(
        "script",
        "json",
        json.dumps({"text": "A bomb exploded.<script>alert(1)</script>"}).encode(),
        "field 'text' is HTML, not plain text (<script> at character 16)",
    ),
    Case("malformed JSON", "json", b"{not json", "not valid JSON (Expecting property name", 400),
    Case("deep JSON", "json", b"[" * 100_000, "not valid JSON (nested too deeply)", 400),
    Case(
        "huge integer",
        "json",
        b'{"text": "A bomb exploded.", "n": ' + b"1" * 5000 + b"}",
        "not valid JSON (Exceeds the limit",
        400,
    ),
    Case("not an object", "json", b'["A bomb exploded."]', "expected a JSON object", 422),
]
IDS = [f"{case.name}-{case.shape}" for case in CASES]


def file_name(index: int, case: Case) -> str:
    return f"case{index}.{'json' if case.shape == 'json' else 'txt'}"


@pytest.fixture(scope="module")
def cli_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """`conflict-kg ingest` over every case's file at once: file name -> the reason its error
    line gives after the path."""
    workdir = tmp_path_factory.mktemp("parity-cli")
    paths = []
    for index, case in enumerate(CASES):
        path = workdir / file_name(index, case)
        path.write_bytes(case.payload)
        paths.append(str(path))
    result = run_cli(["ingest", *paths], store=f"oxigraph:{workdir / 'store'}")
    assert result.returncode == 1
    assert f"ingested 0 article(s), 0 triples; 0 already stored; {len(CASES)} failed" in (
        result.stdout
    )
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(CASES), result.stderr
    errors = {}
    for path in paths:
        [line] = [line for line in lines if line.startswith(f"error: {path}: ")]
        errors[Path(path).name] = line.removeprefix(f"error: {path}: ")
    return errors


@dataclass(frozen=True)
class Server:
    base: str
    headers: dict[str, str]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    workdir = tmp_path_factory.mktemp("parity-http")
    token = secrets.token_urlsafe(16)
    env = {"CONFLICT_KG_TOKEN": token}
    with running_server(f"oxigraph:{workdir / 'store'}", workdir, env) as base:
        yield Server(base, {"Authorization": f"Bearer {token}"})


def http_refusal(server: Server, case: Case) -> str:
    """POST the case; assert a problem body with the case's status; return its reason."""
    media_type = "application/json" if case.shape == "json" else "text/plain"
    response = httpx.post(
        f"{server.base}/articles",
        content=case.payload,
        headers={**server.headers, "Content-Type": media_type},
        timeout=30,
    )
    assert response.status_code == case.status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = response.json()
    assert body["status"] == case.status
    prefix = f"{media_type} body: "
    assert body["detail"].startswith(prefix), body  # names the content type sent
    return body["detail"].removeprefix(prefix)


@pytest.mark.parametrize("index", range(len(CASES)), ids=IDS)
def test_cli_and_http_refuse_alike(index: int, cli_errors, server: Server) -> None:
    case = CASES[index]
    cli_reason = cli_errors[file_name(index, case)]
    assert cli_reason.startswith(case.reason), cli_reason
    assert http_refusal(server, case) == cli_reason
    stats = httpx.get(f"{server.base}/stats", timeout=30).json()
    assert stats["articles"] == 0


PLAIN = [(index, case) for index, case in enumerate(CASES) if case.shape == "plain"]


@pytest.mark.parametrize(("index", "case"), PLAIN, ids=[case.name for _, case in PLAIN])
def test_stdin_is_read_like_a_file(index: int, case: Case, cli_errors, tmp_path) -> None:
    result = subprocess.run(
        [str(CLI), "--store", f"oxigraph:{tmp_path / 'store'}", "ingest", "-"],
        input=case.payload,
        capture_output=True,
        env=cli_env(),
        cwd=ROOT,
        timeout=180,
        check=False,
    )
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    assert result.returncode == 1
    [line] = stderr.strip().splitlines()
    assert line == f"error: -: {cli_errors[file_name(index, case)]}"


MENU_PAGE = b"<html><body><nav><a href='/'>Home</a> | <a href='/w'>World</a></nav></body></html>"
SHORT_PAGE = b"<html><body><p>A bomb exploded.</p></body></html>"


def test_an_html_page_is_read_alike_as_a_body_and_as_a_file(server: Server, tmp_path: Path) -> None:
    """issue #18: HTML is read as a web page (its main text taken) by both, the same text,
    so the same article id; a page without an article's text is refused by both alike."""
    from conflict_kg.extract import sha256_text

    posted = httpx.post(
        f"{server.base}/articles",
        content=SHORT_PAGE,
        headers={**server.headers, "Content-Type": "text/html; charset=utf-8"},
        timeout=300,
    )
    assert posted.status_code == 201, posted.text
    assert posted.json()["id"] == sha256_text("A bomb exploded.")
    page = tmp_path / "page.html"
    page.write_bytes(SHORT_PAGE)
    store = f"oxigraph:{tmp_path / 'store'}"
    ingested = run_cli(["ingest", str(page)], store=store)
    assert ingested.returncode == 0, ingested.stderr
    ids = run_cli(
        [
            "query",
            "--format",
            "csv",
            "SELECT ?sha WHERE { ?a <https://w3id.org/conflict-kg/ontology#sha256> ?sha }",
        ],
        store=store,
    )
    assert ids.stdout.split() == ["sha", sha256_text("A bomb exploded.")]

    refused = httpx.post(
        f"{server.base}/articles",
        content=MENU_PAGE,
        headers={**server.headers, "Content-Type": "text/html"},
        timeout=30,
    )
    assert refused.status_code == 422
    assert refused.json()["detail"] == "text/html body: no article text found in the HTML"
    menu = tmp_path / "menu.html"
    menu.write_bytes(MENU_PAGE)
    result = run_cli(["ingest", str(menu)], store=store)
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {menu}: no article text found in the HTML"


def test_prose_with_angle_brackets_is_not_html(server: Server) -> None:
    """The HTML rule needs a document tag or five element tags, so ordinary prose with a
    comparison, an address or one emphasised word passes (and is stored)."""
    text = (
        "Fewer than <5 people were hurt when a rocket hit a base near Erbil on Monday, "
        "officials told <press@example.org>; the <b>second</b> attack this week."
    )
    response = httpx.post(
        f"{server.base}/articles",
        content=text.encode(),
        headers={**server.headers, "Content-Type": "text/plain"},
        timeout=300,
    )
    assert response.status_code == 201, response.text
    deleted = httpx.delete(
        f"{server.base}/articles/{response.json()['id']}", headers=server.headers, timeout=300
    )
    assert deleted.status_code == 204
