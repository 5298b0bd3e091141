"""What the lookup routes (entities, incidents, groups, articles) share: their request
parameters, the pieces of their response bodies that recur (evidence, references), and the
sample values their /docs examples are made of.

Response models mirror the dataclasses of `graph.lookup_model` field for field and are
filled from them with `model_validate` (attributes are read, nothing is renamed); each
router declares the bodies only it returns, with an example taken from examples/.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import Path, Query
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from graph import lookups

__all__ = [
    "ARTICLE",
    "KH",
    "KH_EVIDENCE",
    "STRIKE",
    "TITLE",
    "CertaintyQuery",
    "DateFromQuery",
    "DateToQuery",
    "EntityRef",
    "EntityType",
    "EventType",
    "Evidence",
    "GroupType",
    "IdPath",
    "IdQuery",
    "LimitQuery",
    "LookupModel",
    "OffsetQuery",
    "Ref",
    "RoleQuery",
    "date_bounds",
    "example_config",
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


def _valid_date(value: str | None) -> str | None:
    if value is not None:
        lookups.date_span(value)  # ValueError -> 422 with the message
    return value


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
_DATE_HELP = (
    "YYYY, YYYY-MM or YYYY-MM-DD. Incidents match when their date, taken at its precision "
    "(a month-precision 2021-10 covers the whole month), overlaps the range."
)
DateFromQuery = Annotated[
    str | None,
    Query(
        alias="from",
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description=f"Incidents on or after this date. {_DATE_HELP}",
        examples=["2021-11-01"],
    ),
    AfterValidator(_valid_date),
]
DateToQuery = Annotated[
    str | None,
    Query(
        alias="to",
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description=f"Incidents on or before this date. {_DATE_HELP}",
        examples=["2021-11-30"],
    ),
    AfterValidator(_valid_date),
]


def date_bounds(date_from: str | None, date_to: str | None) -> dict[str, Any]:
    """`from`/`to` as the days `graph.lookups` compares: the first day of `from`'s span and
    the last day of `to`'s (to=2021-11 means up to 30 November)."""
    return {
        "date_from": lookups.date_span(date_from)[0] if date_from else None,
        "date_to": lookups.date_span(date_to)[1] if date_to else None,
    }


# Shared pieces ------------------------------------------------------------------------------

ARTICLE = "cae519a2248111b3b0aeb4010fc0f292c944b181c38da82165337548a15e6d78"
STRIKE = "cae519a22481-1"
TITLE = (
    "The Iranian-backed militia carried out a drone strike on the Iraqi prime minister – officials"
)
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


class LookupModel(BaseModel):
    """A response body filled from a `graph.lookup_model` dataclass by attribute."""

    model_config = ConfigDict(from_attributes=True)


def example_config(example: dict[str, Any]) -> ConfigDict:
    """The config of a response model with `example` shown for it in /docs."""
    return ConfigDict(from_attributes=True, json_schema_extra={"examples": [example]})


def page_example(item: dict[str, Any], total: int = 1) -> dict[str, Any]:
    """A list answer holding `item`."""
    return {"items": [item], "total": total, "limit": 50, "offset": 0}


class Evidence(LookupModel):
    article: str = Field(description="The article's id (sha256 of its text).")
    sentence: str
    start: int = Field(description="Character offset of the span in the article's text.")
    end: int = Field(description="Offset just past the span.")
    text: str


class TextSpan(LookupModel):
    start: int = Field(description="Character offset of the span in the article's text.")
    end: int = Field(description="Offset just past the span.")
    text: str


class Ref(LookupModel):
    id: str
    name: str


class EntityRef(LookupModel):
    id: str
    name: str
    type: str | None = Field(description="The ontology class (local name).")
