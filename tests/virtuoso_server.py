"""A throwaway Virtuoso Open Source server (Debian's `virtuoso-opensource`) for the tests
marked `virtuoso`, and for `make virtuoso`.

The server gets its own database directory and two free local ports (SQL and HTTP), and is
set up the way docs/stores.md tells a deployment to set it up: the anonymous SPARQL user may
update, and Virtuoso's own graphs (its quad-map metadata, the ontologies it ships) are hidden
from it, so that "every named graph" means the builder's graphs, as on any other store.

    python tests/virtuoso_server.py DIR     # start in DIR; prints the store URL; runs until
                                            # killed (make virtuoso runs it in the background)
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import free_port

STARTUP_SECONDS = 120
PRIVATE = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"
SYSTEM_GRAPH = "http://www.openlinksw.com/schemas/virtrdf#"
SHIPPED_GRAPHS = (
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
    "http://www.w3.org/2002/07/owl#",
)
"""Data graphs a fresh Virtuoso database holds; cleared so the store starts empty."""

SETUP_SQL = "\n".join(
    [
        *(f"SPARQL CLEAR GRAPH <{graph}>;" for graph in SHIPPED_GRAPHS),
        f"DB.DBA.RDF_GRAPH_GROUP_CREATE ('{PRIVATE}', 1);",
        f"DB.DBA.RDF_GRAPH_GROUP_INS ('{PRIVATE}', '{SYSTEM_GRAPH}');",
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7, 0);",
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);",
        'GRANT SPARQL_UPDATE TO "SPARQL";',
        "",
    ]
)


def _ini(workdir: Path, sql_port: int, http_port: int) -> str:
    db = workdir.resolve()
    return f"""[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
CheckpointInterval = 60
DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
"""


def binary() -> str | None:
    return shutil.which("virtuoso-t")


def store_url(endpoint: str) -> str:
    """The builder's store URL for a Virtuoso endpoint: queries and updates both go to
    /sparql."""
    return f"sparql:{endpoint}|{endpoint}"


def _wait(endpoint: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urlopen(f"{endpoint}?query=ASK%7B%7D", timeout=2) as response:
                if response.status == 200:
                    return
        except (URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"Virtuoso did not answer within {STARTUP_SECONDS} s:\n{log.read_text()}")


@contextmanager
def virtuoso(workdir: Path) -> Iterator[str]:
    """Start a Virtuoso server with its database in `workdir` (made empty first); yield its
    SPARQL endpoint URL; stop it after."""
    executable = binary()
    if executable is None:
        raise RuntimeError(
            "virtuoso-t is missing: run `make virtuoso` (apt-get install virtuoso-opensource)"
        )
    workdir = workdir.resolve()
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    sql_port, http_port = free_port(), free_port()
    (workdir / "virtuoso.ini").write_text(_ini(workdir, sql_port, http_port))
    log = workdir / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [executable, "+foreground", "+configfile", str(workdir / "virtuoso.ini")],
            cwd=workdir,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    try:
        _wait(endpoint, process, log)
        setup = subprocess.run(
            ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba"],
            input=SETUP_SQL,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if setup.returncode != 0 or "*** Error" in setup.stdout + setup.stderr:
            raise RuntimeError(f"setting up Virtuoso failed:\n{setup.stdout}\n{setup.stderr}")
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _stop)  # `kill PID` stops Virtuoso too
    with virtuoso(Path(sys.argv[1])) as started:
        print(store_url(started), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
