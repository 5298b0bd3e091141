"""What the lookup routes (entities, incidents, groups, articles) share: their request
parameters and the sample values their /docs examples are made of.

Their response bodies are the dataclasses of `graph.lookups.model` themselves (FastAPI takes
a dataclass as `response_model`), defined once there with their field descriptions; each
router adds an example of its answer, taken from examples/, with `example_response`.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import Path, Query
from pydantic import AfterValidator, WithJsonSchema

from conflict_kg.graph import lookups

__all__ = [
    "ARTICLE",
    "ARTICLE_TEXT",
    "DAY_PATTERN",
    "KH",
    "KH_EVIDENCE",
    "NON_BLANK",
    "NOT_BLANK",
    "PUBLISHED_PATTERN",
    "STRIKE",
    "TITLE",
    "ArticleIdPath",
    "CertaintyQuery",
    "Day",
    "DeletedArticleIdPath",
    "EntityType",
    "EventType",
    "GroupType",
    "IdPath",
    "IdQuery",
    "IncidentIdPath",
    "LimitQuery",
    "OffsetQuery",
    "PartialDate",
    "RoleQuery",
    "example_response",
    "page_example",
]

# Parameters ---------------------------------------------------------------------------------

ID_PATTERN = lookups.LOCAL_ID.pattern
# Built from the ontology and graph.lookups, so the schema's enums cannot drift from them: a
# class added to conflict.ttl is a valid `type` at once.
EntityType = StrEnum("EntityType", [(name, name) for name in lookups.entity_type_names()])
EventType = StrEnum("EventType", [(name, name) for name in lookups.event_type_names()])
Certainty = Literal[lookups.CERTAINTIES]  # type: ignore[valid-type]
Role = Literal[lookups.actor_roles()]  # type: ignore[valid-type]
GroupType = Literal[lookups.GROUP_TYPES]  # type: ignore[valid-type]


# A schema's patterns say exactly what validation accepts, so a schema-valid request is
# never refused (schemathesis checks it, tests/api/test_contract.py). Dates: a year is
# 0001-9999 (Python's `date`), a day exists in its month, 29 February only in leap years.
_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_DAY = (
    f"(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    f"|{_LEAP_YEAR}-02-29)"
)
DAY_PATTERN = f"^{_DAY}$"
"""YYYY-MM-DD, a day that exists."""
PUBLISHED_PATTERN = f"^(?:{_DAY}(?:T.*)?)?$"
"""A JSON article's `published`: a day, maybe with a time after it, or "" for none (as
`extract.inputs.article` reads it)."""
PARTIAL_DATE_PATTERN = f"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_DAY})$"
"""YYYY, YYYY-MM or YYYY-MM-DD, as `graph.lookups.date_span` reads them."""
# What `str.strip()` removes. The regexes below hold these characters themselves (the
# escapes are Python's, not the regex's), so Python, Rust (pydantic) and ECMA-262 (JSON
# Schema) read them alike.
_BLANK = "\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
NON_BLANK = f"[^{_BLANK}]"
"""Holds a character that `str.strip()` keeps: a text that is not blank."""
ARTICLE_TEXT = f"^[^\x00]*[^\x00{_BLANK}][^\x00]*$"
"""A text that is not blank and holds no NUL (which the CLI takes for a binary file)."""


def _partial_date(value: str) -> str:
    if not re.fullmatch(PARTIAL_DATE_PATTERN, value):
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (a real day)")
    return value


def _day(value: str) -> str:
    if not re.fullmatch(DAY_PATTERN, value):
        raise ValueError(f"{value!r} is not a day: use YYYY-MM-DD (a real day)")
    return value


def _non_blank(value: str) -> str:
    if not re.search(NON_BLANK, value):
        raise ValueError("must not be empty or blank")
    return value


# Strings whose schema carries the pattern and whose validation checks the same pattern with
# a message in words (pydantic's own would quote the regex). Anchored patterns are matched
# with `fullmatch`, as JSON Schema's `$` allows no final newline.
PartialDate = Annotated[
    str,
    WithJsonSchema({"type": "string", "pattern": PARTIAL_DATE_PATTERN}),
    AfterValidator(_partial_date),
]
Day = Annotated[
    str, WithJsonSchema({"type": "string", "pattern": DAY_PATTERN}), AfterValidator(_day)
]
NOT_BLANK = AfterValidator(_non_blank)
"""With `Query(json_schema_extra={"pattern": NON_BLANK})` on a required `str` (a type with
its own schema would drop the parameter's description and examples)."""


IdPath = Annotated[
    str,
    Path(
        pattern=ID_PATTERN,
        max_length=200,
        description="The local id: the last segment of the IRI.",
        examples=["kataib-hezbollah"],
    ),
]
IdQuery = Annotated[
    str | None,
    Query(
        pattern=ID_PATTERN,
        max_length=200,
        description="An entity id (the last segment of its IRI).",
        examples=["kataib-hezbollah"],
    ),
]
LimitQuery = Annotated[
    int, Query(ge=1, le=500, description="Items per page (1-500).", examples=[20])
]
OffsetQuery = Annotated[
    int, Query(ge=0, le=1_000_000_000, description="Items to skip before the page.")
]
CertaintyQuery = Annotated[
    Certainty | None,
    Query(description="Only claims stated with this certainty.", examples=["alleged"]),
]
RoleQuery = Annotated[
    Role | None, Query(description="Only links in this role.", examples=["perpetrator"])
]
# Shared pieces ------------------------------------------------------------------------------

ARTICLE = "cae519a2248111b3b0aeb4010fc0f292c944b181c38da82165337548a15e6d78"
STRIKE = "cae519a22481-1"
TITLE = (
    "The Iranian-backed militia carried out a drone strike on the Iraqi prime minister – officials"
)
# The sha256 of the empty text: an article id no store can hold (an empty text is refused),
# so a client trying the DELETE example out removes nothing.
_NO_ARTICLE = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
ArticleIdPath = Annotated[
    str,
    Path(
        pattern=ID_PATTERN,
        max_length=200,
        description="The article's id: the sha256 of its text.",
        examples=[ARTICLE],
    ),
]
DeletedArticleIdPath = Annotated[
    str,
    Path(
        pattern=ID_PATTERN,
        max_length=200,
        description="The article's id: the sha256 of its text.",
        examples=[_NO_ARTICLE],
    ),
]
IncidentIdPath = Annotated[
    str,
    Path(
        pattern=ID_PATTERN,
        max_length=200,
        description="The incident's id: the last segment of its IRI.",
        examples=[f"c-{STRIKE}"],
    ),
]
KH = {"id": "kataib-hezbollah", "name": "Kataib Hezbollah", "type": "ArmedGroup"}
KH_EVIDENCE = {
    "article": ARTICLE,
    "sentence": "Two Iraqi security officials, speaking to Reuters on Monday on condition of "
    "anonymity, said the Kataib Hezbollah and Asaib Ahl al-Haq groups carried out the attack "
    "together.",
    "start": 2835,
    "end": 2851,
    "text": "Kataib Hezbollah",
}


def example_response(example: dict[str, Any], status: int = 200) -> dict[int | str, dict[str, Any]]:
    """The `responses=` entry showing `example` as the success body in /docs. FastAPI merges
    it into the schema it makes of the `response_model` (a `$ref` then carries `examples`)."""
    return {status: {"content": {"application/json": {"schema": {"examples": [example]}}}}}


def page_example(item: dict[str, Any], total: int = 1) -> dict[str, Any]:
    """A list answer holding `item`."""
    return {"items": [item], "total": total, "limit": 50, "offset": 0}
