"""Reading a corpus lazily: files, directories, JSON Lines of any size, gzip, stdin.

`extract.read_inputs` reads a file whole and refuses one above 20 MB, which is right for one
article and wrong for a corpus: a multi-GB `.jsonl` would never start. Here every input is a
stream: a JSON Lines file is read one line at a time (memory bounded by the longest line,
itself refused above the per-article limit), `.gz` files are decompressed on the fly, and a
directory is walked file by file. Each article still goes through the face's own functions
(`plain_article`, `json_article`), so the per-article input rules of docs/safety.md hold word
for word; only the unit a rule refuses changes for JSON Lines (a line, not the whole file).
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from conflict_kg.extract import ArticleError, ArticleInput, json_article, plain_article
from conflict_kg.web import HTML_SUFFIXES, html_article

__all__ = ["MAX_ARTICLE_BYTES", "STDIN", "STDIN_FORMATS", "Reading", "stream_inputs"]

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""One article (a text file, a .json file, one JSON Lines line) may hold this many bytes:
the CLI's per-file limit of docs/safety.md, now per article so that a corpus has none."""
STDIN = "-"
STDIN_FORMATS = ("text", "json", "jsonl")
"""How `-` is read: one plain-text article (the default), one JSON object, or JSON Lines."""
_LINES = (".jsonl", ".ndjson")
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20


@dataclass(slots=True)
class Reading:
    """How far the reading of the inputs has got, for a progress bar's ETA: bytes of the
    input files (compressed bytes for `.gz`) known at the start and read so far. `total` is
    None when stdin is among the inputs, whose size nobody knows."""

    total: int | None = 0
    done: int = 0
    _finished: int = 0
    _current: IO[bytes] | None = field(default=None, repr=False)

    def position(self) -> int:
        """Bytes read so far, counting the file being read up to its current offset."""
        current = self._current
        if current is None:
            return self.done
        try:
            return self._finished + current.tell()
        except (OSError, ValueError):
            return self.done


def stream_inputs(
    paths: Iterable[Path | str],
    reading: Reading | None = None,
    stdin: IO[bytes] | None = None,
    stdin_format: str = "text",
) -> Iterator[ArticleInput | ArticleError]:
    """Yield every article of `paths` in order, and an `ArticleError` for each bad one.

    Files and directories (walked in name order, dot-files left out) are read as by
    `extract.read_inputs`: `.json` one object, `.jsonl`/`.ndjson` one object per line, `.html` a
    web page (`web.html_article`), any other extension plain text; a trailing `.gz` is
    decompressed first (`a.jsonl.gz`). `-` reads stdin (`stdin`, default the process's) as
    `stdin_format`, gzip recognised by its first bytes. Nothing is read before the caller asks
    for the next article.
    """
    if stdin_format not in STDIN_FORMATS:
        raise ValueError(f"unknown stdin format {stdin_format!r}: use {', '.join(STDIN_FORMATS)}")
    reading = reading if reading is not None else Reading()
    files = list(_expand(paths))
    reading.total = None if any(f == STDIN for f in files) else sum(_size(f) for f in files)
    for file in files:
        if file == STDIN:
            yield from _read_stdin(stdin or sys.stdin.buffer, stdin_format)
            continue
        assert isinstance(file, Path)
        yield from _read_file(file, reading)
        reading._finished += _size(file)
        reading.done = reading._finished


def _expand(paths: Iterable[Path | str]) -> Iterator[Path | str]:
    """Directories become their files (sorted, recursively); a missing path stays, so that
    reading it gives its error in its turn."""
    for path in paths:
        if str(path) == STDIN:
            yield STDIN
            continue
        path = Path(path)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        else:
            yield path


def _size(file: Path | str) -> int:
    try:
        return os.stat(file).st_size
    except OSError:
        return 0


def _kind(name: str) -> tuple[str, bool]:
    """("jsonl" | "json" | "html" | "text", gzipped) from a file name."""
    lower = name.lower()
    gzipped = lower.endswith(".gz")
    if gzipped:
        lower = lower[: -len(".gz")]
    if lower.endswith(_LINES):
        return "jsonl", gzipped
    if lower.endswith(HTML_SUFFIXES):
        return "html", gzipped
    return ("json" if lower.endswith(".json") else "text"), gzipped


def _read_file(path: Path, reading: Reading) -> Iterator[ArticleInput | ArticleError]:
    source = str(path)
    if not path.exists():
        yield ArticleError(f"{source}: no such file or directory")
        return
    kind, gzipped = _kind(path.name)
    try:
        raw = path.open("rb")
    except OSError as exc:
        yield ArticleError(f"{source}: cannot read ({exc.strerror})")
        return
    with raw:
        reading._current = raw
        try:
            stream: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
            yield from _read_stream(source, stream, kind)
        finally:
            reading._current = None


def _read_stdin(stdin: IO[bytes], kind: str) -> Iterator[ArticleInput | ArticleError]:
    peek = getattr(stdin, "peek", None)
    head = peek(2)[:2] if callable(peek) else b""
    stream: IO[bytes] = gzip.GzipFile(fileobj=stdin, mode="rb") if head == _GZIP_MAGIC else stdin
    yield from _read_stream(STDIN, stream, kind)


def _read_stream(
    source: str, stream: IO[bytes], kind: str
) -> Iterator[ArticleInput | ArticleError]:
    """One article (text, json) or one per line (jsonl); a corrupt gzip stream or a failing
    read ends this input with one error, after the articles read before it."""
    try:
        if kind == "jsonl":
            yield from _json_lines(source, stream)
            return
        raw = stream.read(MAX_ARTICLE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield ArticleError(f"{source}: cannot read ({_reason(exc)})")
        return
    if len(raw) > MAX_ARTICLE_BYTES:
        yield ArticleError(f"{source}: larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB")
        return
    if not raw.strip():
        yield ArticleError(f"{source}: empty article")
        return
    try:
        if kind == "html":  # a page saved from a browser: its main text, title and date
            yield html_article(source, raw)
        else:
            yield json_article(source, raw) if kind == "json" else plain_article(source, raw)
    except ArticleError as exc:
        yield exc


def _reason(exc: BaseException) -> str:
    if isinstance(exc, gzip.BadGzipFile | zlib.error | EOFError):
        return f"not a complete gzip file: {exc}" if str(exc) else "not a complete gzip file"
    return getattr(exc, "strerror", None) or str(exc)


def _json_lines(source: str, stream: IO[bytes]) -> Iterator[ArticleInput | ArticleError]:
    """One article per line. Lines are split on b"\\n" only (never on U+2028 or U+0085,
    which a JSON string may hold raw), and each is checked as a `.json` file would be."""
    seen = False
    number = 0
    while True:
        line = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            break
        number += 1
        where = f"{source}:{number}"
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(b"\n"):
            _skip_line(stream)
            seen = True
            yield ArticleError(f"{where}: larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB")
            continue
        if not line.strip():
            continue
        seen = True
        try:
            yield json_article(where, line)
        except ArticleError as exc:
            yield exc
    if not seen:
        yield ArticleError(f"{source}: empty article")


def _skip_line(stream: IO[bytes]) -> None:
    """Read past the rest of an over-long line, a chunk at a time."""
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return
