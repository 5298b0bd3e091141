"""`conflict-kg ingest` in fresh processes resolves each batch incrementally from the table of
entity facts kept in the store (graph/resolve/stored.py), and gives the resolution graph and
table that `conflict-kg resolve` rebuilds on a copy of the store; a store from before that
table gets it built once, saying so in one line."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

from scale_feed import write_corpus
from support import run_cli

from conflict_kg.graph.store import open_store
from conflict_kg.graph.store.stamps import FACTS_GRAPH
from conflict_kg.ontologies import RESOLUTION_GRAPH

NOTICE = "no table of entity facts yet"


def _parts(corpus: Path, sizes: list[int], folder: Path) -> list[Path]:
    """The corpus cut in consecutive files of `sizes` articles: the next days' news."""
    lines = gzip.open(corpus, "rt", encoding="utf-8").read().splitlines(keepends=True)
    parts, start = [], 0
    for number, size in enumerate(sizes):
        part = folder / f"part{number}.jsonl"
        part.write_text("".join(lines[start : start + size]), encoding="utf-8")
        parts.append(part)
        start += size
    return parts


def _derived(url: str) -> tuple[set, set]:
    with open_store(url) as store:
        return set(store.article_graph(RESOLUTION_GRAPH)), set(store.article_graph(FACTS_GRAPH))


def test_fresh_processes_resolve_as_the_rebuild_from_the_stored_table(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl.gz", 40, seed=23)
    first, second, third = _parts(corpus, [24, 8, 8], tmp_path)
    url = f"oxigraph:{tmp_path / 'store'}"
    done = run_cli(["ingest", str(first)], store=url)
    assert done.returncode == 0, done.stderr
    assert NOTICE not in done.stderr  # a new store: the rebuild writes the table
    with open_store(url) as store:  # as a store written before the table was kept
        assert store.article_graph(FACTS_GRAPH)
        store.update(f"DROP GRAPH {FACTS_GRAPH.n3()}")

    done = run_cli(["ingest", str(second)], store=url)
    assert done.returncode == 0, done.stderr
    notices = [line for line in done.stderr.splitlines() if NOTICE in line]
    assert len(notices) == 1, done.stderr
    done = run_cli(["ingest", str(third)], store=url)
    assert done.returncode == 0, done.stderr
    assert NOTICE not in done.stderr
    assert "ingested 8 article(s)" in done.stdout

    shutil.copytree(tmp_path / "store", tmp_path / "copy")
    copy = f"oxigraph:{tmp_path / 'copy'}"
    assert run_cli(["resolve"], store=copy).returncode == 0
    resolution, table = _derived(url)
    rebuilt_resolution, rebuilt_table = _derived(copy)
    assert resolution == rebuilt_resolution
    assert table == rebuilt_table
    assert len(table) > 200
    # the batches did meet stored incidents: some reports were merged across articles
    reports = sum(1 for _, p, _ in resolution if str(p).endswith("#hasReport"))
    incidents = {s for s, p, _ in resolution if str(p).endswith("#hasReport")}
    assert reports > len(incidents)
