"""HTTP writes under pressure (issue 13): a real `conflict-kg serve` with a write queue of one,
real httpx clients in threads. A full queue answers 503 with Retry-After, reads answer while
an article extracts, a client that leaves leaves nothing stored, and a write whose worker
dies gets a problem body while the next write is served by a fresh worker."""

from __future__ import annotations

import hashlib
import os
import secrets
import signal
import statistics
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from support import CLI, cli_env, free_port, running_server, wait_for_health

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TEXT = (ROOT / "examples" / "reuters-2021-11-08-iraq-pm-drone-strike.txt").read_text(
    encoding="utf-8"
)
PROBLEM_JSON = "application/problem+json"
SHORT = "Militants fired rockets at an army base in Kirkuk on {}, wounding three soldiers."
LONG_CHARS = 150_000
"""About five seconds of extraction on one core: long enough to overlap, short to test."""


@dataclass(frozen=True)
class Writer:
    base: str
    headers: dict[str, str]

    def post(self, text: str, timeout: float = 600) -> httpx.Response:
        headers = {**self.headers, "Content-Type": "text/plain"}
        return httpx.post(
            f"{self.base}/articles", content=text.encode(), headers=headers, timeout=timeout
        )

    def article(self, text: str) -> int:
        """The status of GET /articles/{sha256 of the text}: 200 stored, 404 not."""
        response = httpx.get(f"{self.base}/articles/{sha(text)}", timeout=30)
        return response.status_code


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def long_text(tag: str, chars: int = LONG_CHARS) -> str:
    """A distinct article of about `chars` characters: the sample, reported again and again."""
    copies = chars // len(SAMPLE_TEXT) + 1
    return f"Report {tag}.\n\n" + "\n\n".join([SAMPLE_TEXT] * copies)


def problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def leave_early(writer: Writer, text: str, seconds: float = 1.0) -> None:
    """Post `text` and give up after `seconds`, as an impatient client does."""
    with pytest.raises(httpx.ReadTimeout):
        writer.post(text, timeout=seconds)
    time.sleep(0.5)  # the server notices the closed connection on its next loop turn


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Writer]:
    """A server with one extraction worker and room for one more write in its queue."""
    workdir = tmp_path_factory.mktemp("writes")
    token = secrets.token_urlsafe(16)
    # No per-article time budget: these tests are about the queue and reads during a long
    # write, and a loaded machine must not turn the long write into a refused article.
    env = {
        "CONFLICT_KG_TOKEN": token,
        "CONFLICT_KG_WRITE_QUEUE": "1",
        "CONFLICT_KG_ARTICLE_BUDGET": "0",
    }
    with running_server(f"oxigraph:{workdir / 'store'}", workdir, env) as base:
        writer = Writer(base, {"Authorization": f"Bearer {token}"})
        # Start the worker process (it loads spaCy once) before anything is measured.
        assert writer.post(SHORT.format("a warm-up day")).status_code == 201
        yield writer


def test_a_full_queue_answers_503_with_retry_after(writer: Writer) -> None:
    texts = [long_text(f"queue {i}") for i in range(4)]

    def post(index: int) -> httpx.Response:
        time.sleep(0.3 * index)  # one after the other, all while the first extracts
        return writer.post(texts[index])

    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(post, range(4)))

    # One extracting and one waiting were taken; the two after them were turned away.
    assert [r.status_code for r in responses] == [201, 201, 503, 503]
    for refused in responses[2:]:
        body = problem(refused, 503)
        assert body["title"] == "Writes busy"
        assert "queue is full" in body["detail"]
        retry_after = refused.headers["Retry-After"]
        assert retry_after.isdigit() and 1 <= int(retry_after) <= 600
    assert [writer.article(text) for text in texts] == [200, 200, 404, 404]
    # Refused is not lost: the same write later is taken.
    assert writer.post(texts[2]).status_code == 201


def test_reads_answer_while_a_long_write_extracts(writer: Writer) -> None:
    text = long_text("reads")
    answer: dict[str, httpx.Response] = {}
    thread = threading.Thread(target=lambda: answer.setdefault("write", writer.post(text)))
    idle: dict[str, list[float]] = {path: [] for path in READS}
    busy: dict[str, list[float]] = {path: [] for path in READS}
    with httpx.Client(base_url=writer.base, timeout=60) as reader:
        for _ in range(5):
            _read_round(reader, idle)
        thread.start()
        while thread.is_alive():
            _read_round(reader, busy)
            time.sleep(0.05)
        thread.join()
    assert answer["write"].status_code == 201
    # Reads were answered during the write, not after it: several rounds went through.
    assert len(busy["/health"]) >= 3
    for path in READS:
        print(f"\n{path} idle: {_summary(idle[path])}")
        print(f"{path} during a {len(text) // 1000} kB write: {_summary(busy[path])}")


READS = {
    "/health": None,
    "/incidents": None,
    "/sparql": {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
}


def _read_round(reader: httpx.Client, latencies: dict[str, list[float]]) -> None:
    for path, params in READS.items():
        started = time.perf_counter()
        response = reader.get(path, params=params)
        latencies[path].append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.text)


def _summary(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"n={len(ordered)} p50={statistics.median(ordered) * 1000:.1f} ms "
        f"p99={p99 * 1000:.1f} ms max={ordered[-1] * 1000:.1f} ms"
    )


def test_a_client_that_leaves_while_queued_frees_its_place(writer: Writer) -> None:
    first, queued = long_text("first", 2 * LONG_CHARS), long_text("queued")
    after = SHORT.format("Tuesday")
    answer: dict[str, httpx.Response] = {}
    thread = threading.Thread(target=lambda: answer.setdefault("first", writer.post(first)))
    thread.start()
    time.sleep(0.5)
    leave_early(writer, queued)  # waits behind `first`, then gives up
    # What GET /articles/{id} says meanwhile: `first` is on its way, `queued` is not.
    pending = httpx.get(f"{writer.base}/articles/{sha(first)}", timeout=30)
    assert "being extracted" in problem(pending, 404)["detail"]
    dropped = httpx.get(f"{writer.base}/articles/{sha(queued)}", timeout=30)
    assert problem(dropped, 404)["detail"] == f"no article with id {sha(queued)!r}"
    # With a queue of one, `after` is taken only because `queued` left it.
    assert writer.post(after).status_code == 201
    thread.join()
    assert answer["first"].status_code == 201
    assert [writer.article(t) for t in (first, queued, after)] == [200, 404, 200]


def test_a_client_that_leaves_while_extracting_leaves_nothing_stored(writer: Writer) -> None:
    text = long_text("abandoned")
    leave_early(writer, text)
    assert writer.article(text) == 404
    # One worker, first come first served: once this one is answered the abandoned
    # extraction has finished, and its result was thrown away.
    assert writer.post(SHORT.format("Wednesday")).status_code == 201
    assert writer.article(text) == 404
    stats = httpx.get(f"{writer.base}/stats", timeout=30).json()
    assert writer.post(text).status_code == 201  # new, not "already stored"
    assert httpx.get(f"{writer.base}/stats", timeout=30).json()["articles"] == (
        stats["articles"] + 1
    )


def test_a_retry_after_a_timeout_is_stored_once(writer: Writer) -> None:
    text = long_text("retried")
    leave_early(writer, text)
    before = httpx.get(f"{writer.base}/stats", timeout=30).json()["articles"]
    retried = writer.post(text)
    assert retried.status_code == 201, retried.text
    assert retried.json()["id"] == sha(text)
    assert writer.article(text) == 200
    again = writer.post(text)
    assert (again.status_code, again.json()) == (200, retried.json())
    assert httpx.get(f"{writer.base}/stats", timeout=30).json()["articles"] == before + 1


def test_a_dead_worker_is_a_problem_and_the_next_write_gets_a_new_one(writer: Writer) -> None:
    text = long_text("killed")
    answer: dict[str, httpx.Response] = {}
    thread = threading.Thread(target=lambda: answer.setdefault("write", writer.post(text)))
    thread.start()
    time.sleep(1.0)
    worker = _extraction_worker(writer.base)
    os.kill(worker, signal.SIGKILL)
    thread.join()
    body = problem(answer["write"], 500)
    assert body["title"] == "Extraction failed"
    assert "worker stopped" in body["detail"]
    assert writer.article(text) == 404
    assert writer.post(SHORT.format("Thursday")).status_code == 201
    assert _extraction_worker(writer.base) != worker


def test_a_killed_server_leaves_no_worker_behind(tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    token = secrets.token_urlsafe(16)
    log = tmp_path / "server.log"
    command = [str(CLI), "--store", f"oxigraph:{tmp_path / 'store'}", "serve", "--port", str(port)]
    with log.open("wb") as output:
        server = subprocess.Popen(
            command,
            cwd=ROOT,
            env=cli_env({"CONFLICT_KG_TOKEN": token}),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_health(base, server, log)
        writer = Writer(base, {"Authorization": f"Bearer {token}"})
        assert writer.post(SHORT.format("Friday")).status_code == 201
        worker = _extraction_worker(base)
    finally:
        server.kill()
        server.wait()
    for _ in range(300):  # the worker checks on its server every second
        if _state(worker) in ("", "Z"):
            break
        time.sleep(0.1)
    assert _state(worker) in ("", "Z"), f"worker {worker} outlived its server"


def _state(pid: int) -> str:
    """The process's state letter ("Z" for a zombie), or "" when it is gone."""
    fields = _read(f"/proc/{pid}/stat").rpartition(")")[2].split()
    return fields[0] if fields else ""


def _extraction_worker(base: str) -> int:
    """The pid of the server's extraction process: its child that has spaCy loaded (the
    store's query workers and spawn's resource tracker have not)."""
    port = base.rsplit(":", 1)[1]
    pids = [pid for pid in os.listdir("/proc") if pid.isdigit()]
    [server] = [p for p in pids if _cmdline(p)[-2:] == ["--port", port] and "serve" in _cmdline(p)]
    [worker] = [
        int(p) for p in pids if _parent(p) == server and "/spacy/" in _read(f"/proc/{p}/maps")
    ]
    return worker


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:  # the process ended meanwhile
        return ""


def _cmdline(pid: str) -> list[str]:
    return _read(f"/proc/{pid}/cmdline").split("\0")[:-1]


def _parent(pid: str) -> str | None:
    fields = _read(f"/proc/{pid}/stat").rpartition(")")[2].split()
    return fields[1] if len(fields) > 1 else None  # after the state: the parent's pid


def test_a_lone_surrogate_is_a_422_problem_and_the_server_goes_on(writer: Writer) -> None:
    headers = {**writer.headers, "Content-Type": "application/json"}
    with httpx.Client(base_url=writer.base, headers=headers, timeout=30) as client:
        for body, field in (
            (b'{"text": "A bomb \\ud800 exploded in Baghdad."}', "'text'"),
            (b'{"text": "A bomb exploded.", "title": "\\udfff"}', "'title'"),
        ):
            response = client.post("/articles", content=body)
            detail = problem(response, 422)["detail"]
            assert detail.startswith(f"application/json body: field {field} is not valid Unicode")
            assert "lone surrogate" in detail
        # The same connection goes on: it was not reset.
        assert client.get("/health").status_code == 200
