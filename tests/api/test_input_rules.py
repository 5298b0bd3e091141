"""The input rules themselves (`extract.article`), which the CLI and the HTTP routes share,
and the fallback that turns an unexpected exception into a problem body (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import anyio
import httpx
import pytest
from fastapi import FastAPI

from conflict_kg.api.fallback import install_fallback_handler
from conflict_kg.api.problems import install_problem_handlers
from conflict_kg.extract import (
    ArticleError,
    MalformedInput,
    decode_text,
    json_article,
    plain_article,
    read_inputs,
    text_refusal,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.txt")), ids=lambda p: p.name)
def test_the_example_articles_pass(path: Path) -> None:
    assert text_refusal(path.read_text(encoding="utf-8")) is None


@pytest.mark.parametrize(
    "text",
    [
        "Casualties were < 5 and > 2, officials said.",
        "Write to <press@example.org> for the statement.",
        "The <b>second</b> strike <i>this week hit a base.",  # three tags: prose
        "Template <T> and a <br> from a pasted page.",
    ],
)
def test_prose_with_angle_brackets_passes(text: str) -> None:
    assert text_refusal(text) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty article"),
        (" \n\t\u3000", "empty article"),
        (
            "ok \udfff",
            "not valid Unicode text (lone surrogate U+DFFF at character 3): send UTF-8 text",
        ),
        ("a\x00b", "binary data, not text (NUL character at character 1)"),
        (
            "News.\n<HTML lang='en'>",
            "HTML, not plain text (<html> at character 6): send the article's plain text; "
            "HTML is not converted",
        ),
        ("x<body>", "HTML, not plain text (<body> at character 1)"),
        ("x <style>p{}</style>", "HTML, not plain text (<style> at character 2)"),
        ("<!doctype  HTML>", "HTML, not plain text (<!doctype  html> at character 0)"),
        ("Intro <div><p>a</p><p>b</p>", "HTML, not plain text (5 HTML tags from character 6)"),
    ],
)
def test_each_class_has_its_reason(text: str, reason: str) -> None:
    refusal = text_refusal(text)
    assert refusal is not None and refusal.startswith(reason), refusal


def test_a_surrogate_is_found_before_a_nul_and_html() -> None:
    refusal = text_refusal("<html>\x00\ud800")
    assert refusal is not None and refusal.startswith("not valid Unicode text (lone surrogate")


def test_bytes_nul_is_binary_before_utf8_and_a_bom_is_dropped() -> None:
    with pytest.raises(ArticleError, match=r"^x: binary data, not text \(NUL byte at byte 1\)$"):
        decode_text("x", b"\xff\x00")
    with pytest.raises(MalformedInput, match=r"^x: not UTF-8 text \(byte 0\)$"):
        decode_text("x", b"\xff")
    assert decode_text("x", "\ufeffA bomb.".encode()) == "A bomb."


def test_plain_and_json_articles_apply_the_same_rule() -> None:
    with pytest.raises(ArticleError) as plain:
        plain_article("text/plain body", b"<html>x</html>")
    with pytest.raises(ArticleError) as as_json:
        json_article("application/json body", b'{"text": "<html>x</html>"}')
    assert str(plain.value) == (
        "text/plain body: HTML, not plain text (<html> at character 0): send the article's "
        "plain text; HTML is not converted"
    )
    assert str(as_json.value) == (
        "application/json body: field 'text' is HTML, not plain text (<html> at character 0): "
        "send the article's plain text; HTML is not converted"
    )
    item = json_article("j", json.dumps({"text": "A bomb.", "title": "T", "url": None}).encode())
    assert (item.source, item.text, item.title, item.url) == ("j", "A bomb.", "T", None)


def test_a_title_may_hold_angle_brackets_but_not_nul() -> None:
    item = json_article("j", json.dumps({"text": "A bomb.", "title": "<Breaking>"}).encode())
    assert item.title == "<Breaking>"
    with pytest.raises(ArticleError, match="field 'title' is binary data"):
        json_article("j", json.dumps({"text": "A bomb.", "title": "a\x00"}).encode())


def test_jsonl_lines_are_split_on_newlines_only(tmp_path: Path) -> None:
    """U+2028 may stand raw inside a JSON string; str.splitlines would cut the line there."""
    path = tmp_path / "two.jsonl"
    lines = [json.dumps({"text": "A bomb.\u2028Two dead."}, ensure_ascii=False), "", "{bad"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, bad = list(read_inputs(path))
    assert not isinstance(first, ArticleError) and first.text == "A bomb.\u2028Two dead."
    assert isinstance(bad, MalformedInput)
    assert str(bad).startswith(f"{path}:3: not valid JSON (Expecting property name")


def test_an_unexpected_exception_is_a_500_problem_without_its_message() -> None:
    app = FastAPI()
    install_problem_handlers(app)
    install_fallback_handler(app)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret path /srv/data")

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
            return await client.get("/boom")

    response = anyio.run(call)
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Internal server error",
        "status": 500,
        "detail": "unexpected RuntimeError on the server; it has been logged",
    }
