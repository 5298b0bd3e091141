"""The runnable examples of README.md and docs/*.md, read out of the Markdown, and the rules that
compare what an example prints with the output the documentation shows after it.

What counts as an example (tests/e2e/test_docs.py runs each one against a real server):
- a fenced block tagged `sh`, `bash` or `shell`: run by bash as one script;
- a fenced block tagged `sparql`: sent to `/sparql`;
- an inline code span that starts with `curl ` and names `http://127.0.0.1:8000`, or that
  starts with `conflict-kg `, gives an option (`--`) and is no synopsis (no `[`, `|`, `...`
  and no upper-case placeholder such as `FILE`): run like a one-line block. These are the
  examples in tables and prose; a bare `conflict-kg resolve` or a span in a heading only
  names a command.

`<!-- docs-test: skip (reason) -->` on the line before a block, or right before an inline
span, marks an example that must not be run (`make run`, a long-running `serve`, a file the
reader brings); the reason is required.

A fenced block tagged `text`, `json` or `csv` that follows a shell block with nothing but
blank lines between is that block's output, and is compared (see `output_mismatches`).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHELL_LANGS = frozenset({"sh", "bash", "shell"})
OUTPUT_LANGS = frozenset({"text", "json", "csv"})
DOCS_BASE = "http://127.0.0.1:8000"
SKIP = re.compile(r"<!--\s*docs-test:\s*skip\s*(?:\((?P<reason>[^)]*)\))?\s*-->")
FENCE = re.compile(r"^(?P<fence>```+)\s*(?P<lang>[\w+-]*)\s*$")
INLINE = re.compile(r"(?P<skip><!--\s*docs-test:\s*skip[^>]*-->\s*)?`(?P<code>[^`]+)`")
PLACEHOLDER = re.compile(r"(?<![$\w-])[A-Z][A-Z_]*(?![\w-])")
ELLIPSIS_LINE = frozenset({"...", "…"})
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?")


@dataclass(frozen=True)
class Example:
    """One command, request or query shown in the documentation."""

    doc: str  # the file, relative to the repository root
    line: int  # 1-based line of the opening fence or of the inline span
    kind: str  # "shell", "inline" or "sparql"
    code: str
    expected: str | None = None  # the output block shown right after it
    expected_lang: str | None = None
    skip: str | None = None  # the reason of a docs-test: skip marker

    @property
    def id(self) -> str:
        return f"{self.doc}:{self.line}"


def _skip_reason(marker: re.Match[str]) -> str:
    reason = (marker.group("reason") or "").strip()
    if not reason:
        raise ValueError(f"a docs-test: skip marker needs a reason: {marker.group(0)!r}")
    return reason


def is_inline_example(code: str) -> bool:
    """A span that a reader could paste as it is: a request to the documented server, or a
    command line with no synopsis notation in it."""
    if code.startswith("curl "):
        return DOCS_BASE in code
    if not code.startswith("conflict-kg ") or " --" not in code:
        return False
    return not any(mark in code for mark in ("[", "|", "...", "…")) and not PLACEHOLDER.search(code)


def _inline_examples(doc: str, number: int, line: str) -> list[Example]:
    found = []
    for span in INLINE.finditer(line):
        code = (
            span.group("code").replace("\\|", "|") if line.startswith("|") else span.group("code")
        )
        if not is_inline_example(code):
            continue
        marker = SKIP.search(span.group("skip") or "")
        skip = _skip_reason(marker) if marker else None
        found.append(Example(doc, number, "inline", code, skip=skip))
    return found


def read_examples(path: Path, root: Path) -> list[Example]:
    """Every example in one Markdown file, in the order a reader meets them."""
    doc = path.relative_to(root).as_posix()
    lines = path.read_text(encoding="utf-8").split("\n")
    examples: list[Example] = []
    index = 0
    pending_skip: str | None = None
    while index < len(lines):
        line = lines[index]
        opening = FENCE.match(line)
        if not opening:
            marker = SKIP.fullmatch(line.strip())
            if marker:
                pending_skip = _skip_reason(marker)
            elif not line.startswith("#"):
                examples.extend(_inline_examples(doc, index + 1, line))
                if line.strip():
                    pending_skip = None
            index += 1
            continue
        lang, start = opening.group("lang").lower(), index
        body, index = _fenced_body(lines, index + 1, opening.group("fence"))
        if lang in SHELL_LANGS:
            expected_lang, expected, index = _output_after(lines, index)
            examples.append(
                Example(doc, start + 1, "shell", body, expected, expected_lang, pending_skip)
            )
        elif lang == "sparql":
            examples.append(Example(doc, start + 1, "sparql", body, skip=pending_skip))
        pending_skip = None
    return examples


def _fenced_body(lines: list[str], index: int, fence: str) -> tuple[str, int]:
    """The text of a fenced block opened just before `index`, and the line after its end."""
    body = []
    while index < len(lines) and lines[index].strip() != fence:
        body.append(lines[index])
        index += 1
    if index == len(lines):
        raise ValueError(f"unclosed code block before line {index}")
    return "\n".join(body), index + 1


def _output_after(lines: list[str], index: int) -> tuple[str | None, str | None, int]:
    """The output block right after a shell block (blank lines between allowed), if any."""
    ahead = index
    while ahead < len(lines) and not lines[ahead].strip():
        ahead += 1
    opening = FENCE.match(lines[ahead]) if ahead < len(lines) else None
    if not opening or opening.group("lang").lower() not in OUTPUT_LANGS:
        return None, None, index
    body, after = _fenced_body(lines, ahead + 1, opening.group("fence"))
    return opening.group("lang").lower(), body, after


# --- comparing outputs ---------------------------------------------------------------------


def normalise(text: str, replacements: list[tuple[str, str]]) -> str:
    """The run's own values (server URL, temporary paths, store URLs) put back to the ones the
    docs show; line ends, trailing blanks and timestamps made comparable."""
    for actual, documented in replacements:
        text = text.replace(actual, documented)
    text = TIMESTAMP.sub("<timestamp>", text.replace("\r\n", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def output_mismatches(lang: str, expected: str, actual: str) -> list[str]:
    """Why `actual` is not the output the docs show ([] when it is).

    JSON is compared as data: `"...": "..."` in an object allows keys not shown, `"..."` as
    the last item of a list allows further items (the ones shown must come first, in order),
    a string ending in `…` matches any string it begins, and `"..."` as a value matches
    anything. Text is compared line by line: a line `...` stands for any number of lines,
    and `…` inside a line for any characters.
    """
    if lang == "json":
        try:
            wanted = json.loads(expected)
        except json.JSONDecodeError as error:
            return [f"the documented output is not JSON: {error}"]
        try:
            got = json.loads(actual)
        except json.JSONDecodeError as error:
            return [f"the output is not JSON ({error}): {actual[:300]!r}"]
        return json_mismatches(wanted, got, "$")
    return text_mismatches(expected, actual)


def json_mismatches(wanted: Any, got: Any, where: str) -> list[str]:
    if wanted == "...":
        return []
    if isinstance(wanted, dict):
        if not isinstance(got, dict):
            return [f"{where}: expected an object, got {_short(got)}"]
        problems = [f"{where}: no key {key!r}" for key in wanted if key != "..." and key not in got]
        if "..." not in wanted and set(got) - set(wanted):
            problems.append(f"{where}: keys not documented: {sorted(set(got) - set(wanted))}")
        for key, value in wanted.items():
            if key != "..." and key in got:
                problems += json_mismatches(value, got[key], f"{where}.{key}")
        return problems
    if isinstance(wanted, list):
        if not isinstance(got, list):
            return [f"{where}: expected a list, got {_short(got)}"]
        open_ended = bool(wanted) and wanted[-1] == "..."
        shown = wanted[:-1] if open_ended else wanted
        if len(got) < len(shown) or (not open_ended and len(got) != len(shown)):
            return [f"{where}: {len(got)} items, the docs show {len(shown)}"]
        return [p for i, w in enumerate(shown) for p in json_mismatches(w, got[i], f"{where}[{i}]")]
    if isinstance(wanted, str) and wanted.endswith("…") and isinstance(got, str):
        return (
            [] if got.startswith(wanted[:-1]) else [f"{where}: {got!r} does not begin {wanted!r}"]
        )
    if type(wanted) is not type(got) and not (_number(wanted) and _number(got)):
        return [f"{where}: {_short(got)} where the docs show {_short(wanted)}"]
    return [] if wanted == got else [f"{where}: {_short(got)} where the docs show {_short(wanted)}"]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."


def text_mismatches(expected: str, actual: str) -> list[str]:
    pattern = ""
    for line in expected.strip("\n").split("\n"):
        if line.strip() in ELLIPSIS_LINE:
            pattern += r"(?:[^\n]*\n)*?"
        else:
            pattern += ".*".join(re.escape(part) for part in line.rstrip().split("…")) + r"\n"
    if re.fullmatch(pattern, actual.strip("\n") + "\n"):
        return []
    diff = difflib.unified_diff(
        expected.strip("\n").split("\n"), actual.split("\n"), "documented", "printed", lineterm=""
    )
    return ["the output differs from the documented one:\n" + "\n".join(diff)]
