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
from itertools import islice
from pathlib import Path

from ..model import ArticleMeta

__all__ = [
    "ArticleError",
    "ArticleInput",
    "MalformedInput",
    "article_from_json",
    "checked_text",
    "dateline_date",
    "dateline_place",
    "decode_text",
    "field_refusal",
    "json_article",
    "parse_article",
    "parse_json",
    "plain_article",
    "read_inputs",
    "sha256_text",
    "text_refusal",
]

MAX_BYTES = 20 * 1024 * 1024

# Input rules (one per class of bad input, shared by the CLI and HTTP) ---------------------

_SURROGATE = re.compile("[\ud800-\udfff]")
# The HTML rule reads an ASCII-lowered bytes copy of the text (one byte per character, so
# offsets hold): case-sensitive bytes patterns are about eight times faster than re.I.
# A document's skeleton, or code that would end up in evidence literals: one is enough.
_HTML_DOCUMENT = re.compile(rb"<!doctype\s+html|<(?:html|head|body|script|style|iframe)[\s>/]")
# Ordinary elements of an HTML fragment: a few of them mean markup, not prose that happens
# to hold an angle bracket ("casualties < 5", "<name@example.org>").
_HTML_TAG = re.compile(
    rb"</?(?:p|div|span|a|br|hr|img|ul|ol|li|table|tr|td|th|h[1-6]|em|strong|b|i|section"
    rb"|article|header|footer|nav|main|figure|figcaption|blockquote|meta|link|title)"
    rb"\b[^<>]{0,1000}+>"  # possessive: an unclosed "<b" costs one scan, not a backtrack
)
HTML_TAGS = 5
"""Tags of ordinary elements from which a text counts as an HTML fragment."""
_WINDOW = 1 << 16
"""Characters the HTML patterns scan per call. A text of nothing but "<" costs ~150 ns a
character; scanning in windows lets other threads (the server's event loop) run between
calls instead of waiting for the whole text."""
_OVERLAP = 1100
"""Longer than any match of the HTML patterns, so a tag across a window's end is found."""

_DATE_LINE = re.compile(
    r"^\s*(?:date|Date|DATE):?[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(\S[^\n]*?))?\s*$", re.M
)
"""A header line "date 2021-11-08 Section" or "Date: 2021-11-08"."""
_DATELINE_BODY = (
    r"(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?)(?:,\s*(?P<country>[A-Z][A-Za-z.' ]+?))??"
    r"(?:,\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?"
    r"|(?P<dm_day>\d{1,2})\s+(?P<dm_month>[A-Z][a-z]{2,8})\.?(?:,?\s+(?P<dm_year>\d{4}))?))?\s*"
    r"(?:\((?P<agency>[A-Za-z][A-Za-z &]{1,30})\)\s*)?(?:--?|–|—)\s*"
)
_DATELINE = re.compile("^" + _DATELINE_BODY, re.M)
"""A wire dateline: "KIRKUK, Iraq, March 15 (Reuters) -", "Gaza City, Jan. 5, 2023 (Xinhua)
--", "LAGOS, Monday, March 9, 2026 (Agency) -" (the weekday only repeats the date),
"BEIRUT (AP) —" (without a date only when the place is in capitals), "KESH, March 3 -" (without
an agency only with a date and a place in capitals); the day may come first ("SERNIK, 14 June
2025 -", read by `_part`)."""
_RUN_IN = re.compile(r"(?<=[^\s.!?:;]) (?=[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*[,(\s])")
"""Where a headline run into its dateline on one line may end ("Seven killed in blasts
KANDAHAR, Afghanistan, Oct. 3 (Xinhua) --"): a space after a word that ends no sentence,
before a word in capitals."""
_RUN_IN_DATELINE = re.compile(_DATELINE_BODY)
_RUN_IN_LINE = 300
"""Characters of the first line in which a run-in dateline is looked for."""
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


class MalformedInput(ArticleError):
    """Bytes that are not what they claim to be (not UTF-8, not JSON): a malformed request
    over HTTP (400) rather than an article refused for its content (422)."""


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
        agency = (dateline.group("agency") or "").strip()
        if agency:
            meta.publisher = _PUBLISHERS.get(agency.lower(), agency)
        header = text[body_start : dateline.start()]
        body_start = dateline.start()
    else:
        header = ""

    meta.title = item.title or _headline(header if dateline else text[body_start:])
    meta.published = item.published or meta.published or _dated(dateline)
    meta.authors, meta.editors = _byline(text)
    meta.source_scale = item.extra.get("source_scale")
    return meta, body_start


def _dateline(text: str) -> re.Match[str] | None:
    """The first wire dateline of the text; a dateline without a date must set its place in
    capitals ("BEIRUT (AP) -"), so that a sentence opening with a name and an acronym in
    brackets is not read as one; a date must name a month."""
    for found in _DATELINE.finditer(text):
        if _is_dateline(found):
            if found.group("place").isupper():
                return found
            # "Protests in three cities LAGOS, March 9 (AFP) -": a headline in title case
            # before a place in capitals is no place, however short.
            return _run_in(text, found.start(), found.end("place") + 1) or found
    first = text[: min(_RUN_IN_LINE, len(text))].split("\n", 1)[0]
    return _run_in(text, 0, len(first))


def _part(found: re.Match[str], name: str) -> str | None:
    """The dateline's "month", "day" or "year", in whichever order its date gives them
    ("March 3, 2025" or "3 March 2025")."""
    return found.group(name) or found.group(f"dm_{name}")


def _is_dateline(found: re.Match[str]) -> bool:
    """A bare dateline with no agency ("KESH, March 3 -") must give a date and set its place
    in capitals: "Gunmen, March 3 - ..." or "Later, on May 2 - ..." open sentences, and only
    the capitals and the date tell a place filed from."""
    month = _part(found, "month")
    place_in_capitals = found.group("place").isupper()
    if found.group("agency") is None and (month is None or not place_in_capitals):
        return False
    if month is None and not place_in_capitals:
        return False
    return month is None or month.lower() in _MONTH_NUMBERS


def _run_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """A dateline that a headline runs into on one line (copy pasted from a page often is)
    and that starts between `start` and `end`: its place must be in capitals, since inside a
    line only capitals tell a place from the headline's last words, and it must give a date
    ("Talks in GENEVA (Reuters) - resumed" is a sentence)."""
    for gap in _RUN_IN.finditer(text, start, end):
        found = _RUN_IN_DATELINE.match(text, gap.end())
        if (
            found
            and found.group("place").isupper()
            and _part(found, "month") is not None
            and _is_dateline(found)
        ):
            return found
    return None


def dateline_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the dateline's date ("KIRKUK, March 15 (Reuters) -"
    gives (None, 3, 15)): the date context of a report that may say no year at all."""
    found = _dateline(text)
    return None if found is None else _date_parts(found)


def _date_parts(found: re.Match[str]) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a dateline's date (its month is a month's name:
    `_is_dateline`); None when it gives no date."""
    month = _part(found, "month")
    if month is None:
        return None
    year = _part(found, "year")
    return int(year) if year else None, _MONTH_NUMBERS[month.lower()], int(_part(found, "day"))


def _dated(dateline: re.Match[str] | None) -> str | None:
    """The publication day a dateline with a year gives ("Jan. 5, 2023"), as ISO."""
    parts = None if dateline is None else _date_parts(dateline)
    if parts is None or parts[0] is None:
        return None
    year, month, day = parts
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def dateline_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the dateline, from its place to the text after its dash: both ends
    are sentence starts (`extract.nlp.line_breaks`), which a dateline the headline runs
    into on one line gets from nothing else."""
    dateline = _dateline(text)
    return None if dateline is None else dateline.span()


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


def text_refusal(text: str) -> str | None:
    """Why `text` cannot be an article's text, or None when it can.

    The one rule for every face (a file, stdin, a text/plain body, a JSON 'text' field): an
    empty text; text UTF-8 cannot encode (lone surrogates, which JSON escapes and lenient
    decoders produce); NUL characters (binary data); HTML documents or fragments (markup and
    scripts would become evidence literals). The reason says what to send instead. Every
    check is one linear scan, so a 5 MB text costs milliseconds.
    """
    if not text.strip():
        return "empty article"
    return _encoding_refusal(text) or _html_refusal(text)


def field_refusal(text: str) -> str | None:
    """Why `text` cannot be a metadata value (a title): the encoding half of the rule."""
    return _encoding_refusal(text)


def _encoding_refusal(text: str) -> str | None:
    surrogate = _SURROGATE.search(text)
    if surrogate:
        code = f"U+{ord(surrogate.group()):04X}"
        return (
            f"not valid Unicode text (lone surrogate {code} at character {surrogate.start()}): "
            "send UTF-8 text"
        )
    nul = text.find("\x00")
    if nul != -1:
        return f"binary data, not text (NUL character at character {nul})"
    return None


def _html_refusal(text: str) -> str | None:
    lowered = text.encode("latin-1", "replace").lower()
    document = next(_matches(_HTML_DOCUMENT, lowered), None)
    if document:
        tag = document.group().decode().rstrip(" \t\r\n\f\v>/")
        found = f"{tag}> at character {document.start()}"
    else:
        tags = [match.start() for match in islice(_matches(_HTML_TAG, lowered), HTML_TAGS)]
        if len(tags) < HTML_TAGS:
            return None
        found = f"{HTML_TAGS} HTML tags from character {tags[0]}"
    return f"HTML, not plain text ({found}): send the article's plain text; HTML is not converted"


def _matches(pattern: re.Pattern[bytes], data: bytes) -> Iterator[re.Match[bytes]]:
    """`pattern.finditer(data)`, one window at a time: each match once, in order."""
    for start in range(0, len(data), _WINDOW):
        end = start + _WINDOW
        for match in pattern.finditer(data, start, end + _OVERLAP):
            if match.start() >= end:
                break
            yield match


def checked_text(source: str, text: str) -> str:
    """`text` when it passes `text_refusal`, else an `ArticleError` "SOURCE: reason"."""
    reason = text_refusal(text)
    if reason is not None:
        raise ArticleError(f"{source}: {reason}")
    return text


def decode_text(source: str, raw: bytes) -> str:
    """The bytes of a file, stdin or a request body as text (UTF-8, a BOM dropped), or an
    `ArticleError` "SOURCE: reason". NUL bytes are reported as binary data before decoding:
    a binary file is rarely valid UTF-8, and "binary" is the more useful message."""
    nul = raw.find(b"\x00")
    if nul != -1:
        raise ArticleError(f"{source}: binary data, not text (NUL byte at byte {nul})")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedInput(f"{source}: not UTF-8 text (byte {exc.start})") from None


def _string_field(source: str, record: dict[str, object], key: str) -> str | None:
    """A metadata field: a string UTF-8 can encode, without NUL (it becomes a literal)."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArticleError(f"{source}: field '{key}' must be a string")
    reason = _encoding_refusal(value)
    if reason is not None:
        raise ArticleError(f"{source}: field '{key}' is {reason}")
    return value


SOURCE_SCALES = (
    "Local partner",
    "New media",
    "Other",
    "Subnational",
    "National",
    "Regional",
    "International",
)
"""ACLED's source scales, the narrowest reach first: the order of a combination."""


def _source_scale(source: str, value: str | None) -> str | None:
    """ACLED's source scale as the input gives it: one of `SOURCE_SCALES` or several joined
    with "-" ("National-International"), in any case; written back in ACLED's spelling and
    order. `ArticleError` for anything else, rather than a table that drops it unseen."""
    if value is None or not value.strip():
        return None
    known = {scale.casefold(): scale for scale in SOURCE_SCALES}
    parts = [part.strip().casefold() for part in value.split("-")]
    if not all(part in known for part in parts):
        raise ArticleError(
            f"{source}: 'source_scale' must be ACLED's: {', '.join(SOURCE_SCALES)}, or several "
            "joined with '-' (National-International)"
        )
    return "-".join(scale for scale in SOURCE_SCALES if scale.casefold() in parts)


def article_from_json(source: str, record: object) -> ArticleInput:
    """Build an input from a JSON object `{"text", "title"?, "published"?, "url"?,
    "source_scale"?}`."""
    if not isinstance(record, dict):
        raise ArticleError(f"{source}: expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{source}: JSON object has no non-empty 'text' field")
    reason = text_refusal(text)
    if reason is not None:
        raise ArticleError(f"{source}: field 'text' is {reason}")
    fields = {key: _string_field(source, record, key) for key in ("title", "published", "url")}
    url = fields["url"]
    if url is not None and not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", url):
        raise ArticleError(f"{source}: 'url' must be an absolute http(s) URL")
    published = fields["published"]
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", published):
        raise ArticleError(f"{source}: 'published' must be an ISO date (YYYY-MM-DD)")
    scale = _source_scale(source, _string_field(source, record, "source_scale"))
    return ArticleInput(
        source=source,
        text=text,
        title=fields["title"],
        published=published[:10] if published else None,
        url=fields["url"],
        extra={"source_scale": scale} if scale else {},
    )


def plain_article(source: str, raw: bytes) -> ArticleInput:
    """A plain-text article from its bytes: a text file, stdin, a text/plain request body."""
    return ArticleInput(source=source, text=checked_text(source, decode_text(source, raw)))


def json_article(source: str, raw: bytes) -> ArticleInput:
    """An article from the bytes of one JSON object: a .json file, an application/json body."""
    return article_from_json(source, parse_json(source, decode_text(source, raw)))


def parse_json(source: str, text: str) -> object:
    """`json.loads`, with every way it can fail as an `ArticleError`: a syntax error, an
    integer too long to convert (ValueError) and nesting too deep (RecursionError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInput(
            f"{source}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    except ValueError as exc:
        raise MalformedInput(f"{source}: not valid JSON ({exc})") from None
    except RecursionError:
        raise MalformedInput(f"{source}: not valid JSON (nested too deeply)") from None


def read_inputs(path: Path) -> Iterator[ArticleInput | ArticleError]:
    """Yield the articles in a file or directory, and an error for each bad one.

    Errors are yielded, not raised, so a batch goes on past one bad file and the caller can
    report every failure at the end. A .json file holds one article object, a .jsonl or
    .ndjson file one per line; any other file is the plain text of one article.
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
    if not raw.strip():
        yield ArticleError(f"{source}: empty article")
        return
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        yield from _json_lines(source, raw)
        return
    try:
        yield json_article(source, raw) if suffix == ".json" else plain_article(source, raw)
    except ArticleError as exc:
        yield exc


def _json_lines(source: str, raw: bytes) -> Iterator[ArticleInput | ArticleError]:
    try:
        text = decode_text(source, raw)
    except ArticleError as exc:
        yield exc
        return
    # Split on newlines only: str.splitlines would also cut at U+2028 or U+0085, which a
    # JSON string may hold raw.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield article_from_json(where, parse_json(where, line))
        except ArticleError as exc:
            yield exc
