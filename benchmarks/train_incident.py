"""Training data for the learned incident classifier (`extract/nlp/learned.py`), and the copy of
the trained weights into the package. `make train` runs both around `spacy train`:

    python benchmarks/train_incident.py prepare --out build/learned [--eval-dir DIR]
    python -m spacy train benchmarks/train_incident.cfg --output build/learned/model \
        --paths.train build/learned/train.spacy --paths.dev build/learned/dev.spacy \
        --code extract/nlp/bow_lower.py
    python benchmarks/train_incident.py install --model build/learned/model/model-last

The question the classifier answers is document-level: "does this text report a specific
violent incident (an attack, a bombing, a kidnapping, a clash, a riot)?". Labels come from
the gold annotation of the development sets, and ONLY from their tune half
(`eval_split.half_of` on the record id): the held-out half of every set is never read into
training, so it stays an honest score of the result. Every setting (n-gram length, width,
L2, dropout, epochs, which sets train and the class balance, the gate's threshold) was chosen
by 5-fold cross-validation inside the tune half (`benchmarks/cv_incident.py`), so the final
model trains on the whole tune half for a fixed number of epochs and `install` takes the
last model: `dev.spacy` is the training set again, only so that `spacy train` can log its
fit; it chooses nothing (no early stopping, no best checkpoint).

What each set contributes (a record whose label the annotation does not settle is left out):
- MUC-4 train: INCIDENT when the document has an incident template, NONE when it has none
  (the set's negatives: political and military news with no terrorist incident);
- CASE 2021: INCIDENT for the violent ACLED sub-events, NONE for the snippets that report no
  conflict event (disasters, diplomacy, other); protests, arrests, agreements and the like
  are neither and are left out;
- RAMS dev: INCIDENT for windows whose one annotated event is violent; the other windows are
  read as the set "rams-quiet" (NONE) but left out of training, since RAMS annotates one
  event a window and the rest may be violent (cross-validation with them as NONE: a higher
  MUC-4 AUC, but RAMS incident windows pushed under the threshold; docs/extraction.md);
- WikiEvents dev: INCIDENT for documents with a `Conflict.Attack` event.

The .spacy files hold evaluation text, so they are written outside the package (`build/` is
git-ignored); `install` copies only the component's weights and labels, never a vocabulary
or strings table, into `extract/models/incident/`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import DEFAULT_EVAL_DIR, ROOT
from eval_case import NON_CONFLICT_LABELS
from eval_split import TUNE, half_of

SEED = 16
"""`spacy train`'s seed (`[system] seed` in train_incident.cfg), fixed."""
INCIDENT = "INCIDENT"
NONE = "NONE"
LABELS = (INCIDENT, NONE)
MODEL_DIR = ROOT / "extract" / "models" / "incident"
CASE_VIOLENT = frozenset(
    {"ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "AIR_STRIKE",
     "ART_MISS_ATTACK", "REM_EXPLOS", "SUIC_BOMB", "GRENADE", "CHEM_WEAP", "ATTACK",
     "ABDUCT_DISSAP", "SEX_VIOL", "VIOL_DEMONSTR", "MOB_VIOL"}
)  # fmt: skip
"""ACLED sub-events of the categories battles, explosions/remote violence, violence against
civilians and riots (the ACLED codebook's violent categories)."""
TRAIN_SETS = frozenset({"muc4", "case", "rams", "wikievents"})
"""The sets whose labelled tune-half records train the model (chosen by cross-validation)."""
NONE_REPEAT = 1
"""Each NONE record appears this many times in the training set (the class balance, chosen
by cross-validation)."""
SHIPPED_FILES = ("cfg", "model")
"""What `install` copies from the trained textcat: its labels and settings, its weights."""


@dataclass(frozen=True, slots=True)
class Sample:
    dataset: str
    id: str
    text: str
    label: str


def _muc4(record: dict) -> str | None:
    return INCIDENT if record["events"] else NONE


def _case(record: dict) -> str | None:
    label = str(record["label"])
    if label in CASE_VIOLENT:
        return INCIDENT
    return NONE if label in NON_CONFLICT_LABELS else None


def _rams(record: dict) -> str | None:
    return INCIDENT if record.get("violent") else None


def _rams_quiet(record: dict) -> str | None:
    """A RAMS window whose one annotated event is not violent, as NONE: a candidate negative
    in news register (its unannotated events may still be violent, so it trains only when
    `TRAIN_SETS` names "rams-quiet"; cross-validation decides)."""
    return None if record.get("violent") else NONE


def _wikievents(record: dict) -> str | None:
    attack = any(str(ev["type"]).startswith("Conflict.Attack") for ev in record["events"])
    return INCIDENT if attack else None


SOURCES = (
    ("muc4", "muc4_train.jsonl", _muc4),
    ("case", "case2021_typing_dev.jsonl", _case),
    ("rams", "rams_dev.jsonl", _rams),
    ("rams-quiet", "rams_dev.jsonl", _rams_quiet),
    ("wikievents", "wikievents_dev.jsonl", _wikievents),
)


def tune_records(path: Path) -> Iterator[dict]:
    """The records of `path` in the tune half; a held-out record is skipped before its text
    is even decoded into the sample list."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if half_of(str(record["id"])) == TUNE:
                yield record


def samples(eval_dir: Path) -> list[Sample]:
    """Every labelled tune-half record of the sets present in `eval_dir`."""
    found: list[Sample] = []
    for dataset, name, label_of in SOURCES:
        path = eval_dir / name
        if not path.is_file():
            print(f"{path} not found; {dataset} contributes nothing")
            continue
        for record in tune_records(path):
            label = label_of(record)
            if label is not None:
                found.append(Sample(dataset, str(record["id"]), str(record["text"]), label))
    return found


def training_set(
    items: Iterable[Sample], train_sets: frozenset[str] = TRAIN_SETS, none_repeat: int = NONE_REPEAT
) -> list[Sample]:
    """The samples of `train_sets` in `items`, each NONE one `none_repeat` times; a held-out
    id is an error (samples() never yields one: a guard, not a filter)."""
    chosen: list[Sample] = []
    for sample in items:
        if half_of(sample.id) != TUNE:
            raise ValueError(f"held-out record {sample.id!r} offered for training")
        if sample.dataset in train_sets:
            chosen.extend([sample] * (none_repeat if sample.label == NONE else 1))
    return chosen


def write_docbin(items: Sequence[Sample], target: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    docs = DocBin(store_user_data=False)
    for sample in items:
        doc = nlp.make_doc(sample.text)
        doc.cats = {label: float(label == sample.label) for label in LABELS}
        docs.add(doc)
    target.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(target)


def prepare(eval_dir: Path, out: Path) -> int:
    found = samples(eval_dir)
    if not found:
        print(f"no evaluation data in {eval_dir}; nothing to train on")
        return 1
    items = training_set(found)
    for name in ("train", "dev"):  # dev: the same texts, for spacy train's log only
        write_docbin(items, out / f"{name}.spacy")
    counts = Counter((s.dataset, s.label) for s in items)
    shown = ", ".join(f"{d} {lab} {n}" for (d, lab), n in sorted(counts.items()))
    print(f"train: {len(items)} documents ({shown}) -> {out / 'train.spacy'} (and dev.spacy)")
    return 0


def install(model: Path, target: Path = MODEL_DIR) -> int:
    """Copy the trained textcat's labels and weights, and its architecture settings, into
    the package; nothing else of the trained pipeline (no vocabulary, no strings)."""
    from spacy.util import load_config

    component = model / "textcat"
    if not component.is_dir():
        print(f"{component} not found: train first (make train)")
        return 1
    architecture = dict(load_config(model / "config.cfg")["components"]["textcat"]["model"])
    target.mkdir(parents=True, exist_ok=True)
    for name in SHIPPED_FILES:
        shutil.copyfile(component / name, target / name)
    (target / "architecture.json").write_text(
        json.dumps(architecture, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    size = sum(f.stat().st_size for f in target.iterdir())
    print(f"installed {component} -> {target} ({size / 1e6:.2f} MB)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    prep = commands.add_parser("prepare", help="write train.spacy and dev.spacy")
    prep.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    prep.add_argument("--out", type=Path, default=ROOT / "build" / "learned")
    inst = commands.add_parser("install", help="copy trained weights into the package")
    last = ROOT / "build" / "learned" / "model" / "model-last"
    inst.add_argument("--model", type=Path, default=last)
    args = parser.parse_args(argv)
    if args.command == "prepare":
        return prepare(args.eval_dir, args.out)
    return install(args.model)


if __name__ == "__main__":
    sys.exit(main())
