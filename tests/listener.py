"""A real HTTP server on 127.0.0.1 standing in for an internal service or a SPARQL endpoint,
for the tests that prove the server contacts nothing it may not (issue 13, item 2)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socket import socket

ANSWER = "urn:answer-from-the-listener"
SECRET = "secret-internal-detail-8f3a"
"""What a failing listener answers; a client of the service must never see it."""
LOADED = "<urn:loaded> <urn:from> <urn:listener> .\n"

_RESULTS = (
    '{"head":{"vars":["s"]},"results":{"bindings":'
    f'[{{"s":{{"type":"uri","value":"{ANSWER}"}}}}]}}}}'
)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    connections: list[tuple[str, int]]
    requests: list[str]
    status: int

    def verify_request(self, request: socket | tuple[bytes, socket], client: object) -> bool:
        # Called once per accepted connection, before any byte is read: a client that
        # connects and sends nothing (a port scan) is recorded too.
        self.connections.append(client)  # type: ignore[arg-type]
        return True


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer()

    def _answer(self) -> None:
        self.server.requests.append(f"{self.command} {self.path}")
        if self.server.status != 200:
            body, media = SECRET.encode(), "text/plain"
        elif self.path.startswith("/data"):
            body, media = LOADED.encode(), "application/n-triples"
        else:
            body, media = _RESULTS.encode(), "application/sparql-results+json"
        self.send_response(self.server.status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test asserts on `requests` instead."""


class Listener:
    """Records every connection and request; answers SPARQL JSON results (one row binding
    ?s to `ANSWER`), N-Triples under /data, or `status` with `SECRET` when that is not 200."""

    def __init__(self, server: _Server) -> None:
        self._server = server
        self.port: int = server.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"

    @property
    def connections(self) -> list[tuple[str, int]]:
        return list(self._server.connections)

    @property
    def requests(self) -> list[str]:
        return list(self._server.requests)

    def clear(self) -> None:
        self._server.connections.clear()
        self._server.requests.clear()


@contextmanager
def listening(status: int = 200) -> Iterator[Listener]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.connections, server.requests, server.status = [], [], status
    thread = threading.Thread(target=server.serve_forever, name="listener", daemon=True)
    thread.start()
    try:
        yield Listener(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
