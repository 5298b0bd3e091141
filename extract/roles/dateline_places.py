"""The dateline's place as the place of the lead's incident when the text names none.

"KIRKUK, March 15 (Reuters) - A roadside bomb killed two soldiers on Sunday" says where the
report was filed; the bomb most likely went off there, and with no other place named that
is the best the text gives, so the incident of the lead takes the dateline's place (rule
`dateline-place`). A place the text names for the incident always wins ("TAL AFAR" filed,
"in Mosul" said), and events that happen nowhere in particular (an election, a sanction)
or outside the lead never take it.

A digest's item label is read the same way ("- Dorra: Two men were stabbed to death at a
bar."): a digest opens each item with where it happened, as a dateline opens a report, so
the item's incident takes the label's place (rule `label-place`) when the item's text names
none for it. A label is a place when the entities already read it as one (a gazetteer
town), or when it is a proper name the NER left unlabelled or read as a place, none of
whose words the English model knows: never a day ("Monday:"), a speaker ("Ahmed Karim:")
or a common word ("Update:", "Police:"). A label in capitals ("MOSUL:") is a place when it
is a large city or a name the model knows no word of. An incident told across several items
takes their label when they all share it.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from ..entities import EntityTable, is_article_scoped
from ..events import EventCluster
from ..inputs import dateline_place
from ..language import DASHES, Attribution, RoleFinding, is_major_city
from ..model import Entity
from ..nlp import item_label, list_items, load_nlp

__all__ = ["add_dateline_place", "add_label_places", "place_at_dateline"]

UNLOCATED_CLASSES = frozenset(
    {"Election", "Sanction", "Agreement", "ClaimOfResponsibility", "Statement",
     "StrategicDevelopment", "Epidemic"}
)  # fmt: skip
"""Classes whose events are not where a report was filed (a national election, a sanction)."""


def place_at_dateline(doc: Doc) -> None:
    """Stage `dateline_place`: the dateline's place for the lead's incidents that the text
    locates nowhere, and a digest item's label for the item's (`add_label_places`), in
    `doc._.ck_roles`."""
    ext = doc._
    add_dateline_place(doc, ext.ck_clusters, ext.ck_entities, ext.ck_roles)
    add_label_places(doc, ext.ck_clusters, ext.ck_entities, ext.ck_roles, UNLOCATED_CLASSES)


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


PLACE_LABELS = frozenset({"", "GPE", "LOC", "FAC", "NORP"})
"""NER labels a label's words may carry and still be a place: none (an unknown town), a
place's, or a people's (the small NER reads "North Halvik" as one)."""


def add_label_places(
    doc: Doc,
    clusters: list[EventCluster],
    table: EntityTable,
    findings: dict[int, list[RoleFinding]],
    unlocated: frozenset[str],
) -> None:
    """The label's place for each incident told within one labelled item of a list,
    whose findings name no place but sites the item describes ("at a market", which is
    in the labelled town); classes in `unlocated` happen nowhere in particular."""
    items = list_items(doc) if clusters else []
    if not items:
        return
    article = doc._.ck_meta.id
    for cluster in clusters:
        if cluster.event_class in unlocated:
            continue
        if any(
            f.role == "place"
            and f.entity is not None
            and not is_article_scoped(f.entity.id, article)
            for f in findings.get(id(cluster), ())
        ):
            continue
        held = [i for i in items if any(i.start <= m.span.start < i.end for m in cluster.mentions)]
        label = _shared_label(held)
        entity = _label_place(label, table) if label is not None else None
        if entity is None:
            continue
        findings.setdefault(id(cluster), []).append(
            RoleFinding("place", entity, None, label, Attribution("asserted", None), "label-place")
        )


def _shared_label(held: list[Span]) -> Span | None:
    """The label of the items an incident is told in, when they share one: a digest
    may give one town two items ("Osk: gunmen attacked a post." then "Osk: a shopkeeper
    hurt in the same attack died."), and the incident they both tell happened there. None
    when the items name different labels, one has none, or one speaks in the first person."""
    labels = [item_label(item) if not _spoken(item) else None for item in held]
    if not labels or any(label is None for label in labels):
        return None
    if len({label.text.lower() for label in labels if label is not None}) != 1:
        return None
    return labels[0]


def _spoken(item: Span) -> bool:
    """Whether the item speaks in the first person ("Brenning: militants shelled our
    village"): its label is then who speaks, a name of a reaction or an interview, not
    where it happened."""
    return any("1" in t.morph.get("Person") and t.pos_ == "PRON" for t in item)


def _label_place(label: Span, table: EntityTable) -> Entity | None:
    """The place a label names: the entity the table already has there, if a place; a
    new place for a proper name no entity took; None otherwise."""
    entity = table.at(label[0])
    if entity is not None:
        return entity if entity.type == "Place" or entity.also_place else None
    if label.text.isupper():
        # Capitals are how wire digests set their towns ("MOSUL:", "TAVEL:"), and the NER
        # cannot read them: a large city, or a name the model knows no word of. A rubric
        # ("UPDATE:", "BREAKING:") is a word the model knows.
        name = label.text.title()
        town = is_major_city(name) or unknown_words(label)
        return table.add(label, name, "Place") if town else None
    if all(t.ent_type_ in PLACE_LABELS for t in label) and unknown_words(label):
        return table.add(label, label.text, "Place")
    return None


def unknown_words(span: Span) -> bool:
    """Whether none of the span's words is one the English model's lemmatizer knows as a
    noun, verb, adjective or adverb: a name ("Dorra", "Sorn"), not a word that heads a
    line as a rubric ("Update", "Police", "Analysis"). The tagger's guess at an unknown
    capitalised word is as often NOUN or ADJ as PROPN; the model's word list is firm."""
    known = _dictionary()
    return not any(t.lower_ in known for t in span)


@cache
def _dictionary() -> frozenset[str]:
    """The English model's known words (its lemmatizer's `lemma_index`), read once."""
    tables = load_nlp().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    index = tables.get_table("lemma_index")
    return frozenset(word for words in index.values() for word in words)
