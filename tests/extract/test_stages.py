"""The stages run in the order of `extract.stages.STAGES`, and each hands the next what it
found through the Doc (`doc._.ck_*`), on an article written for the test."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from conflict_kg.extract import ArticleInput, Extractor, parse_article
from conflict_kg.extract.inputs import dateline_place
from conflict_kg.extract.stages import STAGES, Stage, build_extraction

TEXT = (
    "HARLOWE, March 15 (Reuters) - Gunmen attacked a police checkpoint in Harlowe on Sunday, "
    "killing three officers, police said. The Harlowe Brigade claimed responsibility for the "
    "attack."
)


def _run(extractor: Extractor) -> tuple[Doc, list[str]]:
    item = ArticleInput(source="stages.txt", text=TEXT)
    meta, _ = parse_article(item)
    doc = extractor.nlp(TEXT)
    extraction = build_extraction(
        doc, item.source, meta, extractor.lexicon, dateline_place(TEXT)
    )
    return doc, [e.type for e in extraction.events]


def test_the_runner_runs_every_stage_in_the_listed_order(extractor: Extractor) -> None:
    doc, types = _run(extractor)
    # every stage ran, once, in the order of the data (its content: tests/test_layout.py)
    assert doc._.ck_stages == [stage.name for stage in STAGES]
    assert len(doc._.ck_stages) == 11
    assert types == ["ArmedClash", "ClaimOfResponsibility"]
    # the same facts as the extractor's own path through batches
    whole = extractor.extract(ArticleInput(source="stages.txt", text=TEXT))
    assert doc._.ck_extraction.to_json() == whole.to_json()
    # what stages hand each other holds spans of the Doc: dropped once the facts are out
    assert (doc._.ck_entities, doc._.ck_mentions, doc._.ck_roles) == (None, None, None)


def test_each_stage_reads_what_the_earlier_ones_left_on_the_doc(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, list[str]]] = []
    keys = ("ck_entities", "ck_mentions", "ck_clusters", "ck_roles", "ck_relations")

    def probe(after: str) -> Stage:
        def look(doc: Doc) -> None:
            seen.append((after, [k for k in keys if getattr(doc._, k) is not None]))

        return Stage(f"probe after {after}", look)

    probed = tuple(s for stage in STAGES for s in (stage, probe(stage.name)))
    monkeypatch.setattr("conflict_kg.extract.stages.STAGES", probed)
    doc, types = _run(extractor)
    assert types == ["ArmedClash", "ClaimOfResponsibility"]
    assert doc._.ck_stages == [s.name for s in probed]
    assert dict(seen) == {
        "entities": ["ck_entities"],
        "mentions": ["ck_entities", "ck_mentions"],
        "dates": ["ck_entities", "ck_mentions"],
        "mention_roles": ["ck_entities", "ck_mentions"],
        "coreference": ["ck_entities", "ck_mentions", "ck_clusters"],
        "incident_roles": ["ck_entities", "ck_mentions", "ck_clusters", "ck_roles"],
        "responsibility": ["ck_entities", "ck_mentions", "ck_clusters", "ck_roles"],
        "dateline_place": ["ck_entities", "ck_mentions", "ck_clusters", "ck_roles"],
        "subevents": ["ck_entities", "ck_mentions", "ck_clusters", "ck_roles"],
        "relations": list(keys),
        "facts": list(keys),
    }


def test_a_stage_out_of_order_finds_nothing_to_read(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Coreference before the mentions: the order is the data, and the data is wrong.
    swapped = list(STAGES)
    swapped[1], swapped[4] = swapped[4], swapped[1]
    monkeypatch.setattr("conflict_kg.extract.stages.STAGES", tuple(swapped))
    with pytest.raises(TypeError):
        _run(extractor)
