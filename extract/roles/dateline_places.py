"""The dateline's place as the place of the lead's incident when the text names none.

"KIRKUK, March 15 (Reuters) - A roadside bomb killed two soldiers on Sunday" says where the
report was filed; the bomb most likely went off there, and with no other place named that
is the best the text gives, so the incident of the lead takes the dateline's place (rule
`dateline-place`). A place the text names for the incident always wins ("TAL AFAR" filed,
"in Mosul" said), and events that happen nowhere in particular (an election, a sanction)
or outside the lead never take it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..entities import EntityTable
from ..events import EventCluster
from ..inputs import dateline_place
from ..language import DASHES, Attribution, RoleFinding

__all__ = ["add_dateline_place", "place_at_dateline"]

UNLOCATED_CLASSES = frozenset(
    {"Election", "Sanction", "Agreement", "ClaimOfResponsibility", "Statement",
     "StrategicDevelopment", "Epidemic"}
)  # fmt: skip
"""Classes whose events are not where a report was filed (a national election, a sanction)."""


def place_at_dateline(doc: Doc) -> None:
    """Stage `dateline_place`: the dateline's place for the lead's incidents that the text
    locates nowhere, in `doc._.ck_roles`."""
    ext = doc._
    add_dateline_place(doc, ext.ck_clusters, ext.ck_entities, ext.ck_roles)


def add_dateline_place(
    doc: Doc,
    clusters: list[EventCluster],
    table: EntityTable,
    findings: dict[int, list[RoleFinding]],
) -> None:
    """The dateline's place as the place of each incident of the lead (the sentence after
    the dateline) for which the text names no place; rule `dateline-place`."""
    located = dateline_place(doc._.ck_text)
    if located is None:
        return
    span = doc.char_span(located[0], located[1], alignment_mode="expand")
    if span is None or not len(span):
        return
    entity = table.at(span[0])
    if entity is None:
        return
    lead = doc[span.start].sent
    if lead.end < len(doc) and lead[-1].text in DASHES:
        lead = doc[lead.end].sent  # the dateline is a sentence of its own: the next one leads
    for cluster in clusters:
        if cluster.event_class in UNLOCATED_CLASSES:
            continue
        if not any(lead.start <= m.span.start < lead.end for m in cluster.mentions):
            continue
        own = findings.setdefault(id(cluster), [])
        if any(f.role == "place" for f in own):
            continue
        own.append(
            RoleFinding(
                "place", entity, None, span, Attribution("asserted", None), "dateline-place"
            )
        )
