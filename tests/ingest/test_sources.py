"""Streaming inputs (ingest/sources.py): lazy, gzip, stdin, and the same verdicts as
`extract.read_inputs` for every bad input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from conflict_kg.extract import ArticleError, ArticleInput, read_inputs
from conflict_kg.ingest.sources import MAX_ARTICLE_BYTES, Reading, stream_inputs


def _line(text: str) -> bytes:
    return (json.dumps({"text": text}) + "\n").encode()


def test_a_large_jsonl_gz_is_read_one_line_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as out:
        for number in range(20_000):
            out.write(_line(f"Report {number}: a bomb exploded in Kirkuk. " + "x" * 300))
    reading = Reading()
    items = stream_inputs([path], reading)
    first = next(items)
    assert isinstance(first, ArticleInput)
    assert first.source == f"{path}:1"
    assert first.text.startswith("Report 0:")
    # After one article, only the first compressed chunks have been read, not the file.
    assert reading.total == path.stat().st_size
    assert reading.position() < reading.total // 4
    rest = list(items)
    assert len(rest) == 19_999
    assert rest[-1].source == f"{path}:20000"
    assert reading.position() == reading.total


def test_an_over_long_line_is_refused_and_the_next_line_still_read(tmp_path: Path) -> None:
    path = tmp_path / "long.ndjson"
    path.write_bytes(
        _line("first article about a strike")
        + b'{"text": "'
        + b"y" * (MAX_ARTICLE_BYTES + 10)
        + b'"}\n'
        + _line("third article about a protest")
    )
    items = list(stream_inputs([path]))
    assert [type(i).__name__ for i in items] == ["ArticleInput", "ArticleError", "ArticleInput"]
    assert str(items[1]) == f"{path}:2: larger than 20 MB"
    assert items[2].text == "third article about a protest"


def test_gzipped_text_and_json_files_in_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"A rocket hit Erbil airport."))
    (tmp_path / "b.json.gz").write_bytes(
        gzip.compress(json.dumps({"text": "Gunmen attacked a checkpoint.", "title": "T"}).encode())
    )
    (tmp_path / ".hidden.txt").write_text("never read")
    items = list(stream_inputs([tmp_path]))
    assert [(i.source, i.text, i.title) for i in items] == [
        (str(tmp_path / "a.txt.gz"), "A rocket hit Erbil airport.", None),
        (str(tmp_path / "b.json.gz"), "Gunmen attacked a checkpoint.", "T"),
    ]


def test_a_truncated_gzip_keeps_the_articles_before_the_break(tmp_path: Path) -> None:
    whole = gzip.compress(b"".join(_line(f"Article {n} about a clash.") for n in range(2000)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    items = list(stream_inputs([path]))
    assert isinstance(items[-1], ArticleError)
    assert str(items[-1]).startswith(f"{path}: cannot read (not a complete gzip file")
    good = [i for i in items if isinstance(i, ArticleInput)]
    assert 100 < len(good) < 2000
    assert good[0].text == "Article 0 about a clash."


@pytest.mark.parametrize("gzipped", [False, True])
def test_stdin_as_json_lines(gzipped: bool) -> None:
    raw = _line("one") + b"\n" + _line("two") + b"not json\n"
    stdin = io.BufferedReader(io.BytesIO(gzip.compress(raw) if gzipped else raw))
    items = list(stream_inputs(["-"], stdin=stdin, stdin_format="jsonl"))
    assert [getattr(i, "text", None) for i in items] == ["one", "two", None]
    assert str(items[2]) == "-:4: not valid JSON (Expecting value at line 1 column 1)"


def test_stdin_as_one_text_article() -> None:
    stdin = io.BufferedReader(io.BytesIO(b"A bomb\x00 exploded."))
    (item,) = stream_inputs(["-"], stdin=stdin)
    assert str(item) == "-: binary data, not text (NUL byte at byte 6)"


def test_every_bad_file_gets_the_verdict_read_inputs_gives(tmp_path: Path) -> None:
    files = {
        "missing.txt": None,
        "empty.txt": b"  \n",
        "nul.txt": b"A bomb\x00 exploded.",
        "latin1.txt": "Caf\xe9 bombed".encode("latin-1"),
        "page.txt": b"<html><body>x</body></html>",
        "surrogate.json": b'{"text": "A bomb \\ud800 exploded."}',
        "notjson.json": b"{nope",
        "notext.json": b'{"title": "x"}',
        "lines.jsonl": _line("fine") + b'{"text": ""}\n' + b'{"text": "x", "url": "ftp://x"}\n',
        "empty.jsonl": b"\n\n",
        "good.txt": b"Gunmen attacked a checkpoint.",
    }
    for name, data in files.items():
        if data is not None:
            (tmp_path / name).write_bytes(data)
    for name in files:
        path = tmp_path / name
        expected = [str(i) if isinstance(i, ArticleError) else i.text for i in read_inputs(path)]
        got = [str(i) if isinstance(i, ArticleError) else i.text for i in stream_inputs([path])]
        assert got == expected, name
