"""Reading an article: its text and what its header says (title, date, dateline, byline).

Offsets everywhere in the project are into the text exactly as read, so parsing here only
*locates* header parts and never rewrites the text.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .model import ArticleMeta

__all__ = [
    "ArticleError",
    "ArticleInput",
    "dateline_date",
    "dateline_place",
    "parse_article",
    "read_inputs",
    "sha256_text",
]

MAX_BYTES = 20 * 1024 * 1024

_DATE_LINE = re.compile(
    r"^\s*(?:date|Date|DATE):?[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(\S[^\n]*?))?\s*$", re.M
)
"""A header line "date 2021-11-08 Section" or "Date: 2021-11-08"."""
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?)(?:,\s*(?P<country>[A-Z][A-Za-z.' ]+?))??"
    r"(?:,\s*(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?)?\s*"
    r"\((?P<agency>[A-Za-z][A-Za-z &]{1,30})\)\s*(?:--?|–|—)\s*",
    re.M,
)
"""A wire dateline: "KIRKUK, Iraq, March 15 (Reuters) -", "Gaza City, Jan. 5, 2023 (Xinhua)
--", "BEIRUT (AP) —" (without a date only when the place is in capitals)."""
_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}  # fmt: skip
_BYLINE = re.compile(
    r"(?P<role>Reporting|Additional reporting|Writing|Editing|Edited)\s+by\s+(?P<names>[^;\n]+)",
)
_PUBLISHERS = {
    "reuters": "Reuters",
    "ap": "Associated Press",
    "afp": "Agence France-Presse",
    "upi": "United Press International",
}


class ArticleError(ValueError):
    """An input that cannot be read as an article; the message names the input and why."""


@dataclass(slots=True)
class ArticleInput:
    """One article to extract: its text and whatever metadata came with it."""

    source: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_article(item: ArticleInput) -> tuple[ArticleMeta, int]:
    """Read the header of `item.text` and return its metadata and where the body starts.

    Explicit fields (JSON input) win over what the header says; prose without a header gets
    the first line as title only when that line looks like a headline (short, no final stop).
    """
    text = item.text
    meta = ArticleMeta(id=sha256_text(text), url=item.url)
    body_start = 0

    date_line = _DATE_LINE.match(text)
    if date_line:
        meta.published = date_line.group(1)
        meta.section = (date_line.group(2) or "").strip() or None
        body_start = date_line.end()

    dateline = _dateline(text)
    if dateline:
        meta.dateline = _title_case(dateline.group("place"))
        agency = dateline.group("agency").strip()
        meta.publisher = _PUBLISHERS.get(agency.lower(), agency)
        header = text[body_start : dateline.start()]
        body_start = dateline.start()
    else:
        header = ""

    meta.title = item.title or _headline(header if dateline else text[body_start:])
    meta.published = item.published or meta.published or _dated(dateline)
    meta.authors, meta.editors = _byline(text)
    return meta, body_start


def _dateline(text: str) -> re.Match[str] | None:
    """The first wire dateline of the text; a dateline without a date must set its place in
    capitals ("BEIRUT (AP) -"), so that a sentence opening with a name and an acronym in
    brackets is not read as one; a date must name a month."""
    for found in _DATELINE.finditer(text):
        month = found.group("month")
        if month is None and not found.group("place").isupper():
            continue
        if month is not None and month.lower() not in _MONTH_NUMBERS:
            continue
        return found
    return None


def dateline_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the dateline's date ("KIRKUK, March 15 (Reuters) -"
    gives (None, 3, 15)): the date context of a report that may say no year at all."""
    found = _dateline(text)
    if found is None or found.group("month") is None:
        return None
    year = found.group("year")
    return (
        int(year) if year else None,
        _MONTH_NUMBERS[found.group("month").lower()],
        int(found.group("day")),
    )


def _dated(dateline: re.Match[str] | None) -> str | None:
    """The publication day a dateline with a year gives ("Jan. 5, 2023"), as ISO."""
    if dateline is None or not dateline.group("year") or dateline.group("month") is None:
        return None
    month = _MONTH_NUMBERS[dateline.group("month").lower()]
    try:
        return date(int(dateline.group("year")), month, int(dateline.group("day"))).isoformat()
    except ValueError:
        return None


def dateline_place(text: str) -> tuple[int, int, str] | None:
    """(start, end, name) of the dateline's place ("KIRKUK, Iraq, March 12 (Reuters) -"),
    so that entity resolution can type it as the place it always is: the statistical NER
    reads an all-capitals city as a person as often as a place. The name is title-cased."""
    dateline = _dateline(text)
    if dateline is None:
        return None
    start, end = dateline.span("place")
    place = text[start:end]
    end = start + len(place.rstrip())
    return start, end, _title_case(place)


def _title_case(place: str) -> str:
    if place.isupper():
        return " ".join(w.capitalize() for w in place.split())
    return place.strip()


def _headline(header: str) -> str | None:
    for line in header.splitlines():
        line = line.strip()
        if not line or line.startswith(("-", "•", "*")):
            continue
        if len(line) <= 200 and not line.endswith((".", "!", "?")):
            return line
        return None
    return None


def _byline(text: str) -> tuple[list[str], list[str]]:
    authors: list[str] = []
    editors: list[str] = []
    tail = text[-600:]
    for match in _BYLINE.finditer(tail):
        names = [
            re.sub(r"^the\s+", "", n.strip().rstrip("."), flags=re.I)
            for n in re.split(r",|\band\b", match.group("names"))
        ]
        names = [n for n in names if n]
        (editors if match.group("role").startswith("Edit") else authors).extend(names)
    return authors, editors


def _decode(source: str, raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise ArticleError(f"{source}: binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise ArticleError(f"{source}: empty article")
    return text


def article_from_json(source: str, record: object) -> ArticleInput:
    """Build an input from a JSON object `{"text", "title"?, "published"?, "url"?}`."""
    if not isinstance(record, dict):
        raise ArticleError(f"{source}: expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{source}: JSON object has no non-empty 'text' field")
    fields: dict[str, str | None] = {}
    for key in ("title", "published", "url"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ArticleError(f"{source}: field '{key}' must be a string")
        fields[key] = value
    url = fields["url"]
    if url is not None and not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", url):
        raise ArticleError(f"{source}: 'url' must be an absolute http(s) URL")
    published = fields["published"]
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", published):
        raise ArticleError(f"{source}: 'published' must be an ISO date (YYYY-MM-DD)")
    return ArticleInput(
        source=source,
        text=text,
        title=fields["title"],
        published=published[:10] if published else None,
        url=fields["url"],
    )


def read_inputs(path: Path) -> Iterator[ArticleInput | ArticleError]:
    """Yield the articles in a file or directory, and an error for each bad one.

    Errors are yielded, not raised, so a batch goes on past one bad file and the caller can
    report every failure at the end.
    """
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        for file in files:
            yield from read_inputs(file)
        return
    source = str(path)
    if not path.exists():
        yield ArticleError(f"{source}: no such file or directory")
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield ArticleError(f"{source}: cannot read ({exc.strerror})")
        return
    if len(raw) > MAX_BYTES:
        yield ArticleError(f"{source}: larger than {MAX_BYTES // (1024 * 1024)} MB")
        return
    try:
        text = _decode(source, raw)
    except ArticleError as exc:
        yield exc
        return
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{source}:{number}"
            try:
                yield article_from_json(where, json.loads(line))
            except json.JSONDecodeError as exc:
                yield ArticleError(f"{where}: not valid JSON ({exc.msg})")
            except ArticleError as exc:
                yield exc
    elif suffix == ".json":
        try:
            yield article_from_json(source, json.loads(text))
        except json.JSONDecodeError as exc:
            yield ArticleError(f"{source}: not valid JSON ({exc.msg} at line {exc.lineno})")
        except ArticleError as exc:
            yield exc
    else:
        yield ArticleInput(source=source, text=text)
