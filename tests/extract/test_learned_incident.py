"""The learned incident classifier: the shipped weights, their decisions on invented texts, the
hook in the `mentions` stage, and the training data split (only the tune half of every dev
set, by document id) and its reproducibility. All texts here are invented; `make test` never
retrains the shipped model (the reproducibility check trains a toy model on invented docs)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy
from eval_records import bench
from spacy.tokens import DocBin

from conflict_kg.extract import ArticleInput, Extractor
from conflict_kg.extract.nlp import NO_INCIDENT_BELOW, incident_probability, load_nlp
from conflict_kg.extract.nlp.learned import MODEL_DIR, load_classifier

INTERVIEW = (
    "[interview with foreign minister ana verdal by reporter in the national palace; date not "
    "given; recorded] [reporter] minister, what is your opinion of the proposal presented by the "
    "opposition? [verdal] we have studied it carefully. it is a positive effort, and the "
    "government is willing to discuss every topic with all political forces. what the country "
    "needs now is unity, economic resources and a historic agreement on the main problems. "
    "[reporter] the opposition insisted that the talks should take place abroad. [verdal] we have "
    "always said that the dialogue must take place here, among ourselves. we asked the church to "
    "help, and we are grateful for its efforts. these are internal matters. [reporter] some "
    "deputies criticized the government for the amount spent on the army. [verdal] obviously, the "
    "resources of the state are limited, and the budget for the new year gives priority to health "
    "and education. the army will receive less than last year. [reporter] the front described the "
    "proposal as a maneuver and an attack on the constitution. [verdal] that is their opinion; "
    "they know that the people want peace and that the attacks of recent years have only brought "
    "suffering. we remain optimistic."
)
"""A political interview that reports no incident; "an attack on the constitution" is a
figure of speech the trigger rules take for an attack."""
MASSACRE = (
    "Armed men burst into a wedding party in the village of Tessa on Saturday night and shot "
    "dead eleven guests, including three children, local officials said. Survivors said the "
    "attackers arrived in two pickup trucks and fired on the crowd for several minutes before "
    "setting fire to houses. The governor condemned the killings and sent police to the area."
)
BATTLE = (
    "Army troops and rebels fought for five hours on Tuesday near the garrison town of Orvela, "
    "the armed forces command said. The rebels ambushed an army patrol on the road to the border "
    "and killed four soldiers; troops backed by aircraft then attacked rebel positions in the "
    "hills. The command said 15 rebels were killed in the combat."
)
VIOLENT = {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash", "Assassination"}
SERIALISATION_KEYS = {
    "Pwith_cpu", "_indexing", "attr", "attrs", "data", "dims", "extract_ngrams", "index",
    "kind", "length", "multi_label", "name", "ngram_size", "nodes", "output_layer", "params",
    "refs", "resizable", "shape", "shims", "softmax_activation", "sparse_linear", "type",
    "with_cpu",
}  # fmt: skip
"""Every run of 4+ letters in the shipped weights: thinc's own keys and layer names."""


# The shipped model ------------------------------------------------------------------------


def test_the_shipped_model_is_small_hashed_weights_with_no_text() -> None:
    files = {f.name: f.stat().st_size for f in MODEL_DIR.iterdir()}
    assert set(files) == {"architecture.json", "cfg", "model"}  # no vocab/, no strings.json
    assert sum(files.values()) < 3_000_000
    words = set(re.findall(rb"[A-Za-z_]{4,}", (MODEL_DIR / "model").read_bytes()))
    assert {w.decode() for w in words} <= SERIALISATION_KEYS
    assert json.loads((MODEL_DIR / "cfg").read_text())["labels"] == ["INCIDENT", "NONE"]
    assert load_classifier().labels == ("INCIDENT", "NONE")


def test_the_classifier_tells_an_incident_report_from_a_political_interview() -> None:
    nlp = load_nlp()
    # INCIDENT is the likelier label, well above the bar the hook uses
    assert incident_probability(nlp(MASSACRE)) > 0.8
    assert incident_probability(nlp(BATTLE)) > 0.8  # a clash is an incident too
    assert incident_probability(nlp(INTERVIEW)) < NO_INCIDENT_BELOW
    # it reads lower-case forms: capitals change nothing
    assert incident_probability(nlp(MASSACRE.lower())) == pytest.approx(
        incident_probability(nlp(MASSACRE))
    )


# The hook in the `mentions` stage -----------------------------------------------------------


def _types(extractor: Extractor, text: str) -> list[str]:
    return [e.type for e in extractor.extract(ArticleInput(source="t.txt", text=text)).events]


def test_a_text_that_reports_no_incident_loses_its_violent_mentions_only(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _types(extractor, INTERVIEW) == ["Meeting"]
    # without the gate the figure of speech is an attack: the hook is what removed it
    monkeypatch.setattr("conflict_kg.extract.events.learned.NO_INCIDENT_BELOW", 0.0)
    assert _types(extractor, INTERVIEW) == ["Meeting", "Attack"]


def test_incident_reports_keep_their_violent_events(extractor: Extractor) -> None:
    assert _types(extractor, MASSACRE) == ["Attack"]
    assert _types(extractor, BATTLE) == ["ArmedClash"]


# The training data ------------------------------------------------------------------------

FILES = {
    "muc4": "muc4_train.jsonl",
    "case": "case2021_typing_dev.jsonl",
    "rams": "rams_dev.jsonl",
    "wikievents": "wikievents_dev.jsonl",
}


def _record(dataset: str, n: int) -> dict:
    """An invented record; every set gets labelled and unlabelled kinds."""
    record: dict = {"id": f"invented-{dataset}-{n:03d}", "text": f"Invented {n}.", "events": []}
    if dataset == "muc4" and n % 2:
        record["events"] = [{"type": "attack", "trigger": None, "arguments": []}]
    if dataset == "case":
        record["label"] = ("ARMED_CLASH", "NATURAL_DISASTER", "PEACE_PROTEST")[n % 3]
    if dataset == "rams":
        record["violent"] = bool(n % 2)
    if dataset == "wikievents" and n % 2:
        record["events"] = [{"type": "Conflict.Attack.Unspecified", "arguments": []}]
    return record


def _expected_label(record: dict, dataset: str) -> str | None:
    if dataset == "muc4":
        return "INCIDENT" if record["events"] else "NONE"
    if dataset == "case":
        return {"ARMED_CLASH": "INCIDENT", "NATURAL_DISASTER": "NONE"}.get(record["label"])
    if dataset == "rams":
        return "INCIDENT" if record["violent"] else None
    return "INCIDENT" if record["events"] else None


@pytest.fixture
def eval_dir(tmp_path: Path) -> Path:
    for dataset, name in FILES.items():
        lines = [json.dumps(_record(dataset, n)) for n in range(24)]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_training_reads_only_tune_half_ids(eval_dir: Path) -> None:
    train, split = bench("train_incident"), bench("eval_split")
    found = train.samples(eval_dir)
    expected = {}
    held_out = 0
    for dataset in FILES:
        for n in range(24):
            record = _record(dataset, n)
            if split.half_of(record["id"]) != split.TUNE:
                held_out += 1
                continue
            label = _expected_label(record, dataset)
            if label is not None:
                expected[record["id"]] = label
    assert held_out > 20  # the check is not empty: both halves are in the files
    assert {s.id: s.label for s in found} == expected
    assert all(split.half_of(s.id) == split.TUNE for s in found)
    parts = train.split(found)
    assert sorted(s.id for part in parts.values() for s in part) == sorted(expected)
    assert parts["train"] and parts["dev"]


def test_the_inner_split_is_fixed_by_the_seed_and_refuses_held_out_ids(eval_dir: Path) -> None:
    train, split = bench("train_incident"), bench("eval_split")
    found = train.samples(eval_dir)
    first = {s.id: train.inner_half(s.id) for s in found}
    assert first == {s.id: train.inner_half(s.id, seed=train.SEED) for s in found}
    assert first != {s.id: train.inner_half(s.id, seed=train.SEED + 1) for s in found}
    held_out_id = next(
        f"invented-{n}" for n in range(100) if split.half_of(f"invented-{n}") == split.HELD_OUT
    )
    stray = train.Sample("muc4", held_out_id, "Invented.", "NONE")
    with pytest.raises(ValueError, match="held-out record"):
        train.split([*found, stray])


# Reproducibility ---------------------------------------------------------------------------

TOY = [
    ("Gunmen shot dead two guards at a checkpoint.", "INCIDENT"),
    ("A bomb exploded near the market, killing four people.", "INCIDENT"),
    ("Rebels ambushed a convoy and killed three soldiers.", "INCIDENT"),
    ("Militants kidnapped a teacher from the village school.", "INCIDENT"),
    ("The assembly debated the budget for the new year.", "NONE"),
    ("The minister presented a proposal on trade with the neighbours.", "NONE"),
    ("Union leaders asked for a meeting on wages.", "NONE"),
    ("The bank said inflation reached eight percent.", "NONE"),
]


def _toy_model(tmp: Path) -> bytes:
    from spacy.cli.train import train as spacy_train

    nlp = spacy.blank("en")
    docs = DocBin()
    for text, label in TOY:
        doc = nlp.make_doc(text)
        doc.cats = {"INCIDENT": float(label == "INCIDENT"), "NONE": float(label == "NONE")}
        docs.add(doc)
    docs.to_disk(tmp / "toy.spacy")
    config = bench("train_incident").ROOT / "benchmarks" / "train_incident.cfg"
    spacy_train(
        config,
        tmp / "model",
        overrides={
            "paths.train": str(tmp / "toy.spacy"),
            "paths.dev": str(tmp / "toy.spacy"),
            "training.max_epochs": 3,
            "training.eval_frequency": 4,
        },
    )
    trained = spacy.load(tmp / "model" / "model-last")
    scores = trained.get_pipe("textcat").predict([trained.make_doc("Gunmen shot a guard.")])
    return scores.tobytes()


def test_training_with_the_repository_config_is_reproducible(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _toy_model(tmp_path / "a") == _toy_model(tmp_path / "b")
