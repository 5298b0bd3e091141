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
    # INCIDENT is the likelier label, above the bar the hook uses (the regularised model is
    # less sure of a clash written in military communique style than of a massacre)
    assert incident_probability(nlp(MASSACRE)) > 0.8
    assert incident_probability(nlp(BATTLE)) > 0.5  # a clash is an incident too
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
        return "INCIDENT" if record["violent"] else "NONE"  # NONE as "rams-quiet"
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
    quiet = {s.id for s in found if s.dataset == "rams-quiet"}
    assert quiet and all(expected[i] == "NONE" for i in quiet)
    # the shipped setting trains on every labelled tune-half record, each once, except the
    # RAMS windows without a violent event (cross-validation did not keep them)
    trained = sorted(s.id for s in train.training_set(found))
    assert trained == sorted(set(expected) - quiet)


def test_the_training_set_balances_classes_and_refuses_held_out_ids(eval_dir: Path) -> None:
    train, split = bench("train_incident"), bench("eval_split")
    found = train.samples(eval_dir)
    nones = [s for s in found if s.label == "NONE" and s.dataset == "muc4"]
    incidents = [s for s in found if s.label == "INCIDENT" and s.dataset == "muc4"]
    assert nones and incidents
    doubled = train.training_set(found, frozenset({"muc4"}), none_repeat=2)
    assert sorted(s.id for s in doubled) == sorted(
        [s.id for s in incidents] + [s.id for s in nones] * 2
    )
    held_out_id = next(
        f"invented-{n}" for n in range(100) if split.half_of(f"invented-{n}") == split.HELD_OUT
    )
    stray = train.Sample("muc4", held_out_id, "Invented.", "NONE")
    with pytest.raises(ValueError, match="held-out record"):
        train.training_set([*found, stray])


# Cross-validation inside the tune half ------------------------------------------------------


def test_folds_are_fixed_by_the_id_and_cover_the_tune_half() -> None:
    cv, split = bench("cv_incident"), bench("eval_split")
    ids = [f"invented-{n}" for n in range(600) if split.half_of(f"invented-{n}") == split.TUNE]
    folds = [cv.fold_of(i, 5) for i in ids]
    assert folds == [cv.fold_of(i, 5) for i in reversed(ids)][::-1]  # order does not matter
    sizes = [folds.count(k) for k in range(5)]
    assert sum(sizes) == len(ids) and min(sizes) > len(ids) / 5 * 0.7


def test_gate_figures_on_out_of_fold_probabilities() -> None:
    cv, train = bench("cv_incident"), bench("train_incident")

    def sample(n: int, dataset: str, label: str) -> object:
        return train.Sample(dataset, f"s{n}", "Invented.", label)

    items = [
        sample(0, "muc4", "NONE"), sample(1, "muc4", "NONE"), sample(2, "muc4", "NONE"),
        sample(3, "muc4", "INCIDENT"), sample(4, "muc4", "INCIDENT"),
        sample(5, "rams", "INCIDENT"), sample(6, "case", "NONE"),
    ]  # fmt: skip
    probs = [0.05, 0.12, 0.7, 0.18, 0.9, 0.95, 0.3]
    summary = cv.summarise(items, probs)
    assert summary["auc"] == pytest.approx(5 / 6)  # positives outrank 5 of 6 pairs
    by_threshold = {row["threshold"]: row for row in summary["rows"]}
    assert by_threshold[0.15]["muc_neg"] == pytest.approx(2 / 3)
    assert by_threshold[0.15]["muc_pos"] == 0.0
    assert by_threshold[0.2]["muc_pos"] == pytest.approx(1 / 2)
    assert by_threshold[0.35]["case_neg"] == 1.0
    # the best threshold gates two of three negatives and no positive
    assert summary["best"]["threshold"] == 0.15
    assert summary["best"]["j"] == pytest.approx(2 / 3)
    # projected on the rules' own firing rates: a third of the negatives that fire stay
    assert summary["best"]["false_alarms"] == pytest.approx(cv.RULES_FIRE_ON_NEGATIVES / 3)
    assert summary["best"]["recall"] == pytest.approx(cv.RULES_FIND_POSITIVES)


def test_cross_validation_never_scores_a_text_with_a_model_trained_on_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cv, train, split = bench("cv_incident"), bench("train_incident"), bench("eval_split")
    ids = [f"toy-{n}" for n in range(100) if split.half_of(f"toy-{n}") == split.TUNE]
    items = [
        train.Sample("muc4", doc_id, text, label)
        for doc_id, (text, label) in zip(ids, TOY * 2, strict=False)
    ]
    seen: list[tuple[set[str], set[str]]] = []
    real = cv.train_and_predict

    def spy(setting, train_items, test_items, epochs, workdir):  # type: ignore[no-untyped-def]
        seen.append(({s.id for s in train_items}, {s.id for s in test_items}))
        return real(setting, train_items, test_items, epochs, workdir)

    monkeypatch.setattr(cv, "train_and_predict", spy)
    oof = cv.cross_validate(cv.SETTINGS[0], items, 3, [1, 2])
    assert len(seen) == 3
    assert all(not (trained & scored) for trained, scored in seen)
    assert set().union(*(scored for _, scored in seen)) == {s.id for s in items}
    assert set(oof) == {1, 2}
    assert all(0.0 < p < 1.0 for p in oof[2]) and len(oof[2]) == len(items)
    assert oof == cv.cross_validate(cv.SETTINGS[0], items, 3, [1, 2])  # fixed seed


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
