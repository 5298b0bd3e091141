"""A SIGKILL in the middle of a large `conflict-kg ingest`, then the same command again,
gives the graph an uninterrupted run gives: batches are written whole (a transaction, or a
journaled bulk load undone on the next open) and the rerun skips what is stored."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from scale_feed import write_corpus
from support import CLI, cli_env, run_cli

ARTICLES = 200
BATCH = ["--batch-size", "200"]  # one batch (~22,000 quads): it goes through the bulk loader
# The kill lands on the first write, the first batch's: a second batch after it was never
# reached by the killed run, so the corpus is that one batch (it was 300 articles, 2 batches).


def _written(store: Path) -> int:
    """Bytes of RocksDB's write-ahead log and table files and of the bulk load's journal:
    they grow once a write begins (the journal's first, just before the bulk load)."""
    total = 0
    for path in store.glob("*"):
        if path.suffix in (".log", ".sst", ".pending"):
            try:
                total += path.stat().st_size
            except FileNotFoundError:  # the journal, gone once its load returned
                pass
    return total


def _nquads(url: str) -> list[str]:
    result = run_cli(["export", "--format", "nquads"], store=url)
    assert result.returncode == 0, result.stderr
    return sorted(line for line in result.stdout.splitlines() if line)


def test_sigkill_mid_ingest_then_rerun_gives_the_uninterrupted_graph(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl.gz", ARTICLES, seed=3)
    whole = f"oxigraph:{tmp_path / 'whole'}"
    done = run_cli(["ingest", *BATCH, str(corpus)], store=whole)
    assert done.returncode == 0, done.stderr
    assert f"ingested {ARTICLES} article(s)" in done.stdout

    killed_store = tmp_path / "killed"
    url = f"oxigraph:{killed_store}"
    process = subprocess.Popen(
        [str(CLI), "--store", url, "ingest", *BATCH, str(corpus)],
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 240
        while not killed_store.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        opened = _written(killed_store)
        while _written(killed_store) <= opened and process.poll() is None:
            assert time.monotonic() < deadline, "the ingest never began to write"
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    rerun = run_cli(["ingest", *BATCH, str(corpus)], store=url)
    assert rerun.returncode == 0, rerun.stderr
    assert "0 failed" in rerun.stdout
    assert _nquads(url) == _nquads(whole)
