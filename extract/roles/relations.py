"""How actors stand to each other: backing, hierarchy, affiliation, rivalry, office.

Only what the article supports is emitted. Gazetteer knowledge (Kataib Hezbollah's backer,
the Quds Force's parent) is used only when the article itself speaks of that backing or
names both sides, and the claim then points at that text.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from conflict_kg.ontologies import slugify

from ..entities import EntityTable
from ..language import Attribution, Lexicon, attribute, positions
from ..model import Entity
from .phrases import actors_in_phrase, with_examples

__all__ = ["RelationFinding", "find_relations", "relate"]

BACKING = {
    "backed": "backedBy",
    "sponsored": "backedBy",
    "supported": "backedBy",
    "funded": "backedBy",
    "armed": "backedBy",
    "linked": "affiliatedWith",
    "aligned": "affiliatedWith",
    "allied": "alliedWith",
}
APPOSITIVE_NOUNS = {
    "rival": "rivalOf",
    "rivals": "rivalOf",
    "ally": "alliedWith",
    "allies": "alliedWith",
    "member": "memberOf",
    "leader": "memberOf",
    "commander": "memberOf",
    "head": "memberOf",
    "founder": "memberOf",
    "spokesman": "memberOf",
    "spokeswoman": "memberOf",
    "specialist": "affiliatedWith",
    "analyst": "affiliatedWith",
    "expert": "affiliatedWith",
    "researcher": "affiliatedWith",
    "fellow": "affiliatedWith",
    "director": "affiliatedWith",
    "professor": "affiliatedWith",
    "correspondent": "affiliatedWith",
}


@dataclass(slots=True)
class RelationFinding:
    subject: Entity
    predicate: str
    object_id: str
    evidence: Span
    attribution: Attribution
    rule: str
    object_label: str | None = None
    """The label of an object that is no entity (a position: "Prime Minister of Iraq")."""


def relate(doc: Doc) -> None:
    """Stage `relations`: who backs, commands or holds an office of whom, as
    `doc._.ck_relations`."""
    ext = doc._
    ext.ck_relations = find_relations(doc, ext.ck_entities, ext.ck_lexicon)


def find_relations(doc: Doc, table: EntityTable, lexicon: Lexicon) -> list[RelationFinding]:
    found: list[RelationFinding] = []
    cues = _backing_cues(doc, table, lexicon, found)
    found.extend(_gazetteer_backing(table, lexicon, cues))
    found.extend(_hierarchy(doc, table, lexicon))
    found.extend(_appositions(doc, table))
    found.extend(_offices(table))
    unique: dict[tuple[str, str, str], RelationFinding] = {}
    for finding in found:
        target = table.entities.get(finding.object_id)
        if finding.predicate != "holdsRole" and (target is None or target.type == "Place"):
            continue
        key = (finding.subject.id, finding.predicate, finding.object_id)
        unique.setdefault(key, finding)
    return list(unique.values())


def _backing_cues(
    doc: Doc, table: EntityTable, lexicon: Lexicon, found: list[RelationFinding]
) -> dict[str, list[tuple[str, Span]]]:
    """ "Iranian-backed militia", "Iran-linked militias, including Kataib Hezbollah"."""
    cues: dict[str, list[tuple[str, Span]]] = {}
    for index in positions(doc, BACKING):
        token = doc[index]
        predicate = BACKING[token.lower_]
        if token.i < 2 or doc[token.i - 1].text not in ("-", "–"):
            continue
        backer_token = doc[token.i - 2]
        backer = _backer(backer_token, table, lexicon)
        if backer is None:
            continue
        cue = doc[backer_token.i : token.i + 1]
        cues.setdefault(backer.id, []).append((predicate, cue))
        modified = token.head if token.dep_ in ("amod", "compound") else token
        for head in with_examples(modified):
            for entity, _ in actors_in_phrase(head, table):
                if entity.id != backer.id:
                    found.append(
                        RelationFinding(
                            entity, predicate, backer.id, cue, attribute(modified), "backing-cue"
                        )
                    )
    return cues


def _backer(token: Token, table: EntityTable, lexicon: Lexicon) -> Entity | None:
    entity = table.at(token)
    if entity is not None:
        return entity
    country = lexicon.demonym_to_country.get(token.lower_) or lexicon.country_of_name(token.text)
    if country is None:
        return None
    return table.add(token.doc[token.i : token.i + 1], country, "State", also_place=True)


def _gazetteer_backing(
    table: EntityTable, lexicon: Lexicon, cues: dict[str, list[tuple[str, Span]]]
) -> list[RelationFinding]:
    found: list[RelationFinding] = []
    for entity in list(table.entities.values()):
        record = lexicon.actors.get(entity.name)
        if record is None:
            continue
        for backer in record.backers:
            backer_id = slugify(backer)
            backing = [cue for predicate, cue in cues.get(backer_id, []) if predicate == "backedBy"]
            if backing:
                cue = backing[0]
                found.append(
                    RelationFinding(
                        entity,
                        "backedBy",
                        backer_id,
                        cue,
                        Attribution("asserted", None),
                        "gazetteer-backer",
                    )
                )
    return found


def _hierarchy(doc: Doc, table: EntityTable, lexicon: Lexicon) -> list[RelationFinding]:
    """A unit and its parent named in one sentence: the Quds Force of the Revolutionary Guards."""
    found: list[RelationFinding] = []
    for entity in list(table.entities.values()):
        record = lexicon.actors.get(entity.name)
        if record is None or not record.parent:
            continue
        parent_id = slugify(record.parent)
        parent = table.entities.get(parent_id)
        if parent is None:
            continue
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            sentence = span.sent
            near = [
                m
                for m in parent.mentions
                if m.start >= sentence.start_char and m.end <= sentence.end_char
            ]
            if near:
                start = min(near[0].start, mention.start)
                end = max(near[0].end, mention.end)
                evidence = doc.char_span(start, end, alignment_mode="expand")
                found.append(
                    RelationFinding(
                        entity,
                        "partOf",
                        parent_id,
                        evidence if evidence is not None else sentence,
                        Attribution("asserted", None),
                        "gazetteer-parent",
                    )
                )
                break
    return found


def _appositions(doc: Doc, table: EntityTable) -> list[RelationFinding]:
    """ "Hamdi Malik, a specialist ... at the Washington Institute"; "X is a rival of Y"."""
    found: list[RelationFinding] = []
    for index in positions(doc, APPOSITIVE_NOUNS):
        token = doc[index]
        predicate = APPOSITIVE_NOUNS[token.lower_]
        subject: Entity | None = None
        if token.dep_ == "appos":
            subject = table.at(token.head)
        elif token.dep_ == "attr":
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            subject = table.at(subjects[0]) if subjects else None
        if subject is None:
            continue
        for prep in token.subtree:
            if prep.dep_ != "prep" or prep.lower_ not in ("at", "of", "for", "with", "from", "to"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for entity, _ in actors_in_phrase(pobj, table):
                    if entity.id == subject.id or entity.type == "Place":
                        continue
                    if predicate == "affiliatedWith" and entity.type == "State":
                        continue
                    evidence = doc[min(token.i, prep.i) : pobj.i + 1]
                    found.append(
                        RelationFinding(
                            subject, predicate, entity.id, evidence, attribute(token), "apposition"
                        )
                    )
    return found


def _offices(table: EntityTable) -> list[RelationFinding]:
    found: list[RelationFinding] = []
    for person_id, (office, country, evidence) in table.positions.items():
        person = table.entities.get(person_id)
        if person is None:
            continue
        label = f"{office} of {country}" if country else office
        found.append(
            RelationFinding(
                person,
                "holdsRole",
                slugify(label),
                evidence,
                Attribution("asserted", None),
                "title",
                object_label=label,
            )
        )
    return found
