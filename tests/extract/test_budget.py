"""A budget per article: long texts in windows (linear work), refused when over their time.

The texts here are invented. Budgets in these tests are either far below any real
extraction time (a microsecond) or far above it, so no outcome hangs on the machine's speed.
"""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest
from support import run_cli

from conflict_kg.extract import (
    MAX_CHARS,
    ArticleError,
    ArticleInput,
    ExtractionBudgetError,
    Extractor,
    sha256_text,
)
from conflict_kg.extract.windows import cut_windows
from conflict_kg.ontologies import article_iri

PARAGRAPH = (
    "KIRKUK, March 3 (Reuters) - Gunmen attacked a police checkpoint near the town of Hawija "
    "on Tuesday, killing two officers and wounding three, a police spokesman said. Islamic "
    "State claimed responsibility for the attack.\n"
)
QUIET = (
    "The council of Hawija opened a new library on Sunday. Readers queued outside before "
    "the doors opened, the librarian said.\n"
)
MESSAGE = re.compile(
    r"(?P<source>\S+): extraction stopped after \d+\.\d s, over the budget of 1e-06 s per "
    r"article \((?P<done>[\d,]+) of (?P<total>[\d,]+) characters done\); raise it with "
    r"--article-budget SECONDS \(command line\) or CONFLICT_KG_ARTICLE_BUDGET \(environment, "
    r"also for the server\)"
)
TINY = 1e-6
"""A budget no extraction meets: spaCy alone takes milliseconds on the shortest text."""
CLI_BUDGET = "5"
"""Seconds: a hundred times what the normal article takes, a tenth of the long one."""


@pytest.fixture(scope="module")
def windowed(extractor: Extractor) -> Extractor:
    """Windows of one paragraph each: the windowed path on a short, fast text."""
    return Extractor(nlp=extractor.nlp, window_chars=len(PARAGRAPH) + 10)


# --- windows ------------------------------------------------------------------------------


def test_windows_cover_the_text_and_end_at_line_breaks() -> None:
    text = PARAGRAPH * 7
    windows = cut_windows(text, 3 * len(PARAGRAPH) - 5)
    assert [(s, e) for s, e in windows] == [
        (0, 2 * len(PARAGRAPH)),
        (2 * len(PARAGRAPH), 4 * len(PARAGRAPH)),
        (4 * len(PARAGRAPH), 6 * len(PARAGRAPH)),
        (6 * len(PARAGRAPH), 7 * len(PARAGRAPH)),
    ]


def test_windows_of_one_line_end_after_a_full_stop_else_a_space_else_anywhere() -> None:
    line = "Gunmen attacked a checkpoint. Police said two officers died. " * 3
    windows = cut_windows(line, 70)
    assert "".join(line[s:e] for s, e in windows) == line
    assert [line[s:e] for s, e in windows][:2] == [
        "Gunmen attacked a checkpoint. Police said two officers died. ",
        "Gunmen attacked a checkpoint. Police said two officers died. ",
    ]
    spaces = "word " * 10
    assert [spaces[s:e] for s, e in cut_windows(spaces, 12)][:2] == ["word word ", "word word "]
    solid = "x" * 25
    assert cut_windows(solid, 10) == [(0, 10), (10, 20), (20, 25)]


def test_a_text_of_one_window_is_not_cut() -> None:
    assert cut_windows(PARAGRAPH, len(PARAGRAPH)) == [(0, len(PARAGRAPH))]
    assert cut_windows("x" * MAX_CHARS, MAX_CHARS) == [(0, MAX_CHARS)]


# --- linear output --------------------------------------------------------------------------


def test_k_copies_of_a_paragraph_give_k_times_its_events(
    extractor: Extractor, windowed: Extractor
) -> None:
    copies = 6
    one = extractor.extract(ArticleInput("one", PARAGRAPH))
    assert [e.type for e in one.events] == ["ArmedClash", "ClaimOfResponsibility"]

    text = PARAGRAPH * copies
    many = windowed.extract(ArticleInput("many", text))
    prefix = many.article.id[:12]
    width = len(one.events)
    assert len(many.events) == copies * width
    assert [e.id for e in many.events] == [f"{prefix}-{n}" for n in range(1, copies * width + 1)]
    for number, event in enumerate(many.events):
        copy, same = divmod(number, width)
        model, shift = one.events[same], copy * len(PARAGRAPH)
        assert event.type == model.type and event.acled == model.acled
        assert (event.trigger.start, event.trigger.end) == (
            model.trigger.start + shift,
            model.trigger.end + shift,
        )
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert [(a.role, a.start - shift, a.end - shift, a.text) for a in event.arguments] == [
            (a.role, a.start, a.end, a.text) for a in model.arguments
        ]
        # The claim of each copy is about that copy's attack, renumbered with it.
        if model.concerns is not None:
            assert event.concerns == f"{prefix}-{copy * width + 1}"
    # Entities are the same, article-scoped ids with this article's key, mentioned K times.
    key_one, key_many = one.article.id[:8], many.article.id[:8]
    assert {e.id.replace(key_many, "KEY") for e in many.entities} == {
        e.id.replace(key_one, "KEY") for e in one.entities
    }
    for entity in many.entities:
        assert len(entity.mentions) == copies
        assert all(text[m.start : m.end] == m.text for m in entity.mentions)


def test_the_windowed_article_is_one_graph_with_every_incident(windowed: Extractor) -> None:
    from rdflib.namespace import RDF

    from conflict_kg.extract.triples import article_graph
    from conflict_kg.ontologies import CK

    many = windowed.extract(ArticleInput("many", PARAGRAPH * 3))
    iri, graph = article_graph(many)
    assert iri.endswith(many.article.id)
    assert len(set(graph.subjects(RDF.type, CK.ArmedClash))) == 3
    assert len(set(graph.subjects(RDF.type, CK.ClaimOfResponsibility))) == 3
    # Every event's mentions are shifted to the whole text, each with its own sentence.
    mentions = [m for event in many.events for m in event.mentions]
    assert mentions and all(many.text[m.start : m.end] == m.text for m in mentions)
    assert all(m.sentence is not None and m.sentence.start <= m.start for m in mentions)
    assert {m.start for m in mentions} > {m.start for m in many.events[0].mentions}
    assert len(set(graph.subjects(RDF.type, CK.Mention))) == len(mentions)


def test_order_is_kept_around_empty_and_windowed_texts(windowed: Extractor) -> None:
    items = [
        ArticleInput("short-1", QUIET),
        ArticleInput("empty", "  \n"),
        ArticleInput("long", PARAGRAPH * 2),
        ArticleInput("short-2", PARAGRAPH),
    ]
    results = list(windowed.extract_many(items))
    assert [r.source for r in results] == ["short-1", "empty", "long", "short-2"]
    assert [len(r.events) for r in results] == [0, 0, 4, 2]


# --- the budget -----------------------------------------------------------------------------


def test_a_long_text_over_a_tiny_budget_is_refused_with_a_message(extractor: Extractor) -> None:
    text = PARAGRAPH * 40
    budgeted = Extractor(nlp=extractor.nlp, budget=TINY, window_chars=len(PARAGRAPH) * 4)
    with pytest.raises(ExtractionBudgetError) as caught:
        budgeted.extract(ArticleInput("long.txt", text))
    error = caught.value
    assert isinstance(error, ArticleError)
    match = MESSAGE.fullmatch(str(error))
    assert match is not None, str(error)
    # Stopped at the first check, after the first window's parse: nothing else was done.
    assert (match["source"], match["done"], match["total"]) == ("long.txt", "0", f"{len(text):,}")
    assert (error.source, error.budget, error.done, error.total) == ("long.txt", TINY, 0, len(text))
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_outcomes_report_each_article_over_budget_and_go_on(extractor: Extractor) -> None:
    budgeted = Extractor(nlp=extractor.nlp, budget=TINY, window_chars=len(PARAGRAPH) * 4)
    items = [
        ArticleInput("short-1", PARAGRAPH),
        ArticleInput("long", PARAGRAPH * 10),
        ArticleInput("short-2", QUIET),
    ]
    outcomes = list(budgeted.outcomes(items))
    assert [type(o).__name__ for o in outcomes] == ["ExtractionBudgetError"] * 3
    assert [str(o).split(": ", 1)[0] for o in outcomes] == ["short-1", "long", "short-2"]
    assert all(MESSAGE.fullmatch(str(o)) for o in outcomes)


def test_no_budget_or_a_zero_budget_means_no_limit(extractor: Extractor) -> None:
    for budget in (None, 0):
        unlimited = Extractor(nlp=extractor.nlp, budget=budget, window_chars=len(PARAGRAPH) * 4)
        assert unlimited.budget is None
        outcomes = list(unlimited.outcomes([ArticleInput("long", PARAGRAPH * 10)]))
        assert [len(o.events) for o in outcomes if not isinstance(o, ArticleError)] == [6]
    with pytest.raises(ValueError, match="0 or more seconds"):
        Extractor(nlp=extractor.nlp, budget=-1)


# --- the command line ------------------------------------------------------------------------


def _inputs(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A directory with a normal article (milliseconds of work) and one far too long for
    a budget of `CLI_BUDGET` seconds."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    normal = inputs / "a-normal.txt"
    normal.write_text(PARAGRAPH, encoding="utf-8")
    # Six windows of invented text: half a minute of work or more on any machine.
    long = inputs / "b-long.txt"
    long.write_text(QUIET * (6 * MAX_CHARS // len(QUIET)), encoding="utf-8")
    return inputs, normal, long


def test_cli_ingest_stores_the_normal_article_and_reports_the_long_one(tmp_path: Path) -> None:
    inputs, normal, long = _inputs(tmp_path)
    store = f"oxigraph:{tmp_path / 'store'}"
    result = run_cli(["ingest", "--article-budget", CLI_BUDGET, str(inputs)], store=store)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: {long}: extraction stopped after ")
    assert f"over the budget of {CLI_BUDGET} s per article" in errors[0]
    assert errors[0].endswith("or CONFLICT_KG_ARTICLE_BUDGET (environment, also for the server)")
    assert "ingested 1 article(s)" in result.stdout
    assert "0 already stored; 1 failed" in result.stdout
    stored = run_cli(
        [
            "query",
            "--format",
            "json",
            "PREFIX ck: <https://w3id.org/conflict-kg/ontology#> "
            "SELECT ?article WHERE { ?article a ck:Article }",
        ],
        store=store,
    )
    rows = json.loads(stored.stdout)["results"]["bindings"]
    normal_iri = str(article_iri(sha256_text(normal.read_text(encoding="utf-8"))))
    assert [row["article"]["value"] for row in rows] == [normal_iri]


def test_cli_extract_takes_the_budget_from_the_environment(tmp_path: Path) -> None:
    inputs, normal, long = _inputs(tmp_path)
    result = run_cli(
        ["extract", "--format", "json", str(inputs)], env={"CONFLICT_KG_ARTICLE_BUDGET": CLI_BUDGET}
    )
    assert result.returncode == 1, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"] == str(normal)
    assert [e["type"] for e in record["events"]] == ["ArmedClash", "ClaimOfResponsibility"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {long}: extraction stopped")


def test_cli_refuses_a_bad_budget_in_the_environment(tmp_path: Path) -> None:
    result = run_cli(
        ["extract", str(tmp_path / "absent.txt")], env={"CONFLICT_KG_ARTICLE_BUDGET": "-5"}
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: CONFLICT_KG_ARTICLE_BUDGET must be 0 or more seconds, got -5"
    ]
