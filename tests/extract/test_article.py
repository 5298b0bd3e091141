from __future__ import annotations

import json
from pathlib import Path

from conflict_kg.extract import ArticleError, ArticleInput, parse_article, read_inputs


def test_sample_header(sample_text: str) -> None:
    meta, body = parse_article(ArticleInput("s", sample_text))
    assert (meta.published, meta.section, meta.dateline, meta.publisher) == (
        "2021-11-08",
        "International",
        "Baghdad",
        "Reuters",
    )
    assert sample_text[body:].startswith("BAGHDAD, Nov 8 (Reuters)")
    assert meta.authors == ["Baghdad editorial office"]
    assert meta.editors == ["Mark Heinrich"]


def test_prose_without_header() -> None:
    text = "Gunmen attacked a checkpoint near Kirkuk on Tuesday, police said."
    meta, body = parse_article(ArticleInput("p", text))
    assert body == 0
    assert meta.published is None and meta.dateline is None and meta.publisher is None
    assert meta.title is None


def test_headline_then_agency_dateline() -> None:
    text = "Blast hits market\nKABUL, March 3 (AFP) - A bomb exploded in a market.\n"
    meta, _ = parse_article(ArticleInput("p", text, published="2024-03-03"))
    assert meta.title == "Blast hits market"
    assert meta.dateline == "Kabul"
    assert meta.publisher == "Agence France-Presse"
    assert meta.published == "2024-03-03"


def test_json_fields_win(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps({"text": "Rebels shelled the town.", "title": "T", "published": "2024-05-01"}),
        encoding="utf-8",
    )
    (item,) = list(read_inputs(path))
    assert isinstance(item, ArticleInput)
    meta, _ = parse_article(item)
    assert (meta.title, meta.published) == ("T", "2024-05-01")


def test_bad_inputs_are_named(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9 attack")
    (tmp_path / "lines.jsonl").write_text(
        '{"text": "Militants attacked a base."}\nnot json\n{"title": "no text"}\n',
        encoding="utf-8",
    )
    results = list(read_inputs(tmp_path))
    errors = sorted(str(r) for r in results if isinstance(r, ArticleError))
    good = [r for r in results if isinstance(r, ArticleInput)]
    assert [g.text for g in good] == ["Militants attacked a base."]
    assert len(errors) == 5
    assert any("binary.txt: binary data, not text" in e for e in errors)
    assert any("empty.txt: empty article" in e for e in errors)
    assert any("latin1.txt: not UTF-8" in e for e in errors)
    assert any("lines.jsonl:2: not valid JSON" in e for e in errors)
    assert any("lines.jsonl:3: JSON object has no non-empty 'text'" in e for e in errors)
    missing = list(read_inputs(tmp_path / "nope.txt"))
    assert len(missing) == 1 and "no such file" in str(missing[0])


def test_a_url_must_be_an_absolute_http_url(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"text": "Rebels shelled the town.", "url": "not a url"}\n'
        '{"text": "Rebels shelled the town.", "url": "https://example.org/a"}\n',
        encoding="utf-8",
    )
    bad, good = list(read_inputs(path))
    assert isinstance(bad, ArticleError) and "absolute http(s) URL" in str(bad)
    assert isinstance(good, ArticleInput) and good.url == "https://example.org/a"
