"""The RAMS and MUC-4 scorers of the extraction benchmark, and the benchmark's run per half,
on invented records only (fictional places; the evaluation texts never enter the repository)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from eval_records import argument, bench, event, output, span

from conflict_kg.extract import Extractor

# RAMS -----------------------------------------------------------------------------------------

SHOOTING = "Gunmen shot two farmers near Velna on Monday. Police later arrested a suspect in Korsa."


def _rams(
    text: str, type_: str, trigger: str, *args: tuple[str, str], violent: bool = True
) -> dict:
    return {
        "id": "invented:rams",
        "text": text,
        "violent": violent,
        "events": [
            {
                "type": type_,
                "trigger": span(text, trigger),
                "arguments": [{"role": r, **span(text, p)} for r, p in args],
            }
        ],
    }


def _shooting() -> dict[str, Any]:
    return _rams(
        SHOOTING,
        "life.die.deathcausedbyviolentevents",
        "shot",
        ("killer", "Gunmen"),
        ("victim", "farmers"),
        ("place", "Velna"),
    )


def _arrest(text: str) -> dict[str, Any]:
    return event(
        text,
        "Arrest",
        "arrested",
        argument(text, "target", "suspect", "a suspect"),
        argument(text, "place", "korsa", "Korsa"),
        acled="ARREST",
        id_="e-2",
    )


def test_rams_event_found_typed_and_its_arguments_scored() -> None:
    """Two of our three arguments of the matched event are right (the place is given as a
    target), two of the three gold arguments found; the arrest is not the annotated event."""
    rams = bench("eval_rams")
    attack = event(
        SHOOTING,
        "Attack",
        "shot",
        argument(SHOOTING, "perpetrator", "gunmen", "Gunmen"),
        argument(SHOOTING, "victim", "farmers", "two farmers"),
        argument(SHOOTING, "target", "velna", "Velna"),
        acled="ATTACK",
    )
    scores = rams.score_rams([_shooting()], [output(attack, _arrest(SHOOTING))])
    assert (scores.found, scores.violent, scores.typed_right, scores.typable_found) == (1, 1, 1, 1)
    args = scores.arguments
    assert (args.tp_pred, args.n_pred, args.tp_gold, args.n_gold) == (2, 3, 2, 3)
    assert round(args.f1, 4) == 0.6667
    assert scores.group_found == {"perpetrator": 1, "victim": 1, "place": 0}
    assert (scores.role_right["target"], scores.role_pred["target"]) == (0, 1)
    figures = scores.figures()
    assert figures["violent_trigger_recall"] == {"value": 1.0, "count": 1, "of": 1}
    assert figures["argument_recall_by_role"]["place"] == {"value": 0.0, "count": 0, "of": 1}


def test_rams_event_missed_gives_no_argument_predictions() -> None:
    rams = bench("eval_rams")
    scores = rams.score_rams([_shooting()], [output(_arrest(SHOOTING))])
    assert (scores.found, scores.found_lenient) == (0, 0)
    args = scores.arguments
    assert (args.tp_pred, args.n_pred, args.tp_gold, args.n_gold) == (0, 0, 0, 3)
    assert scores.missed_words == {"shot": 1}


def test_rams_lenient_recall_takes_an_attack_spanning_the_trigger_but_the_headline_does_not() -> (
    None
):
    rams = bench("eval_rams")
    text = "Two passengers died when gunmen opened fire on a bus near Velna."
    record = _rams(text, "life.die.deathcausedbyviolentevents", "died", ("victim", "passengers"))
    spanning = event(
        text,
        "Attack",
        "opened fire",
        argument(text, "victim", "passengers", "Two passengers"),
        argument(text, "place", "velna", "Velna"),
    )
    scores = rams.score_rams([record], [output(spanning)])
    assert (scores.found, scores.found_lenient) == (0, 1)
    assert scores.arguments.n_pred == 0  # arguments only of a strictly matched event
    meeting = event(text, "Meeting", "opened fire", argument(text, "victim", "p", "Two passengers"))
    assert rams.score_rams([record], [output(meeting)]).found_lenient == 0  # wrong family


def test_rams_participants_fill_either_side_and_a_non_violent_trigger_typed_violent_counts() -> (
    None
):
    rams = bench("eval_rams")
    text = "Army units fought rebels near Korsa. Leaders later held talks in Velna."
    battle = _rams(
        text,
        "conflict.attack.selfdirectedbattle",
        "fought",
        ("attacker", "Army"),
        ("target", "rebels"),
    )
    clash = event(
        text,
        "ArmedClash",
        "fought",
        argument(text, "participant", "army", "Army units"),
        argument(text, "participant", "rebels", "rebels"),
        acled="ARMED_CLASH",
    )
    talks = _rams(text, "contact.negotiate.meet", "talks", ("place", "Velna"), violent=False)
    wrong = event(text, "Attack", "talks", acled="ATTACK", id_="e-3")
    scores = rams.score_rams([battle, talks], [output(clash), output(clash, wrong)])
    args = scores.arguments
    assert (args.tp_pred, args.n_pred, args.tp_gold, args.n_gold) == (2, 2, 2, 2)
    assert (scores.acled_right, scores.acled_found) == (1, 1)
    assert (scores.non_violent_trigger_violent, scores.non_violent_window_violent) == (1, 1)
    assert scores.non_violent == 1 and scores.violent == 1


# MUC-4 ----------------------------------------------------------------------------------------

MUC_TEXT = (
    "guerrillas of the velna front attacked a police post in korsa on friday. two policemen "
    "were killed. the velna front later said its fighters had used rifles."
)


def _template(kind: str, *fillers: tuple[str, str]) -> dict[str, Any]:
    args = []
    for role, phrase in fillers:
        first = span(MUC_TEXT, phrase)
        args.append({"role": role, **first, "coref_mentions": [first]})
    return {"type": kind, "trigger": None, "arguments": args}


def _muc_record(doc_id: str, *templates: dict[str, Any]) -> dict[str, Any]:
    return {"id": doc_id, "text": MUC_TEXT, "events": list(templates)}


def _muc_attack() -> dict[str, Any]:
    return _template(
        "attack",
        ("PerpInd", "guerrillas"),
        ("PerpOrg", "velna front"),
        ("Target", "police post"),
        ("Victim", "two policemen"),
        ("Weapon", "rifles"),
    )


def test_muc_role_fillers_match_any_mention_by_head_whatever_the_case() -> None:
    """Our perpetrator is the second "velna front" (the gold lists the first): a head match.
    "its fighters" matches no filler: one wrong perpetrator."""
    muc = bench("eval_muc4")
    attack = event(
        MUC_TEXT,
        "Attack",
        "attacked",
        argument(MUC_TEXT, "perpetrator", "velna-front", "the velna front", nth=0),
        argument(MUC_TEXT, "perpetrator", "fighters", "its fighters"),
        argument(MUC_TEXT, "target", "police-post", "a police post"),
        argument(MUC_TEXT, "victim", "policemen", "policemen"),
        argument(MUC_TEXT, "instrument", "rifle", "rifles"),
    )
    second = span(MUC_TEXT, "the velna front", 1)
    attack["arguments"][0].update(start=second["start"], end=second["end"], text="The Velna Front")
    scores = muc.score_muc4([_muc_record("invented:muc-1", _muc_attack())], [output(attack)])
    perpetrator = scores.roles["perpetrator"]
    assert (perpetrator.tp_pred, perpetrator.n_pred, perpetrator.tp_gold, perpetrator.n_gold) == (
        1,
        2,
        1,
        2,
    )
    micro = scores.micro
    assert (micro.tp_pred, micro.n_pred, micro.tp_gold, micro.n_gold) == (4, 5, 4, 5)
    assert (round(micro.precision, 4), round(micro.recall, 4), round(micro.f1, 4)) == (
        0.8,
        0.8,
        0.8,
    )
    assert scores.role_fp_heads == {"perpetrator: fighter": 1}


def test_muc_fillers_shared_by_two_templates_are_one_and_a_member_phrase_is_not_the_group() -> None:
    muc = bench("eval_muc4")
    record = _muc_record(
        "invented:muc-2",
        _template("attack", ("PerpOrg", "velna front")),
        _template("bombing", ("PerpOrg", "velna front")),
    )
    assert len(muc.gold_fillers(record, muc.GOLD_ROLE_MAP)["perpetrator"]) == 1
    members = event(
        MUC_TEXT,
        "Attack",
        "attacked",
        argument(MUC_TEXT, "perpetrator", "members", "its fighters"),
    )
    members["arguments"][0]["text"] = "members of the Velna Front"
    scores = muc.score_muc4([record], [output(members)])
    assert (scores.roles["perpetrator"].tp_pred, scores.roles["perpetrator"].n_pred) == (0, 1)


def test_muc_incident_detection_counts_misses_and_false_alarms() -> None:
    muc = bench("eval_muc4")
    records = [
        _muc_record("invented:a", _muc_attack()),
        _muc_record("invented:b", _muc_attack()),
        _muc_record("invented:c"),
    ]
    bombing = event(
        MUC_TEXT,
        "Bombing",
        "attacked",
        argument(MUC_TEXT, "perpetrator", "velna-front", "velna front"),
        acled="REM_EXPLOS",
    )
    meeting = event(MUC_TEXT, "Meeting", "said")
    scores = muc.score_muc4(records, [output(bombing), output(meeting), output(bombing)])
    assert (scores.with_template, scores.detected) == (2, 1)
    assert (scores.without_template, scores.false_alarms) == (1, 1)
    detection = scores.detection
    assert (detection.precision, detection.recall, detection.f1) == (0.5, 0.5, 0.5)
    # the perpetrator found in the document without a template is a wrong filler
    perpetrator = scores.roles["perpetrator"]
    assert (perpetrator.tp_pred, perpetrator.n_pred, perpetrator.n_gold) == (1, 2, 4)


# The run per half, with the real extractor ------------------------------------------------------


def _write(path: Path, records: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def eval_dir(tmp_path: Path) -> Path:
    """Invented RAMS- and MUC-shaped files: doc-1 and doc-4 fall in the held-out half,
    doc-2 and doc-3 in the tune half."""
    killing = "Gunmen killed two farmers in Velna on Monday."
    rams = [
        {**_rams(killing, "life.die.deathcausedbyviolentevents", "killed"), "id": "invented:doc-1"},
        {**_rams(killing, "life.die.deathcausedbyviolentevents", "killed"), "id": "invented:doc-2"},
        {
            **_rams("The council met on Monday.", "contact.meet", "met", violent=False),
            "id": "invented:doc-3",
        },
    ]
    _write(tmp_path / "rams_dev.jsonl", rams)
    _write(
        tmp_path / "muc4_train.jsonl",
        [_muc_record("invented:doc-4", _muc_attack()), _muc_record("invented:doc-3")],
    )
    return tmp_path


def test_the_run_reports_every_figure_per_half(
    eval_dir: Path, tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    common = bench("eval_common")
    monkeypatch.setattr(common, "_extractor", lambda batch_size: extractor)  # the session's
    driver = bench("eval_extraction")
    out = tmp_path / "figures.json"
    assert (
        driver.main(["--eval-dir", str(eval_dir), "--only", "rams,muc4", "--json", str(out)]) == 0
    )
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["split"]["counts"] == {
        "rams": {"tune": 2, "held-out": 1, "all": 3},
        "muc4": {"tune": 1, "held-out": 1, "all": 2},
    }
    recall = {c: figures["rams"][c]["violent_trigger_recall"] for c in ("tune", "held-out", "all")}
    assert recall == {
        "tune": {"value": 1.0, "count": 1, "of": 1},
        "held-out": {"value": 1.0, "count": 1, "of": 1},
        "all": {"value": 1.0, "count": 2, "of": 2},
    }
    assert figures["muc4"]["held-out"]["incident_detection"]["gold"] == 1
    assert figures["muc4"]["tune"]["incident_detection"]["gold"] == 0
    assert figures["summary"]["rams: RAMS violent trigger recall"]["all"] == "1.00 (2/2)"
    assert "wikievents" not in figures and "case" not in figures

    tune_only = tmp_path / "tune.json"
    driver.main(
        ["--eval-dir", str(eval_dir), "--only", "rams", "--half", "tune", "--json", str(tune_only)]
    )
    assert json.loads(tune_only.read_text(encoding="utf-8"))["split"]["counts"] == {
        "rams": {"tune": 2}
    }
