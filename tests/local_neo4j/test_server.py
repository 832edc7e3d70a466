"""The local Neo4j as a user meets it: start, stop, status, restarts, passwords, failures."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from graphsvc.config import Settings
from graphsvc.errors import SetupError
from graphsvc.local_neo4j import (
    build,
    free_port,
    start_background,
    start_child,
    status,
    stop_background,
)

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def _settings(tmp_path: Path, **extra: object) -> Settings:
    values = {
        "NEO4J_URI": None,
        "NEO4J_PASSWORD": None,
        "GRAPHSVC_DATA_DIR": tmp_path / "data",
        "NEO4J_LOCAL_PORT": free_port(),
        "NEO4J_LOCAL_PAGECACHE_MB": 32,
        "NEO4J_LOCAL_HEAP": "512m",
    } | extra
    return Settings(**values)  # type: ignore[arg-type]


def _query(uri: str, cypher: str, auth: tuple[str, str] | None = None) -> list[dict]:
    with GraphDatabase.driver(uri, auth=auth) as driver:
        records, _, _ = driver.execute_query(cypher, database_="neo4j")
        return [r.data() for r in records]


def test_background_server_keeps_data_across_restarts(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    uri = settings.bolt_uri
    state = start_background(settings)
    try:
        assert state.running and state.port == settings.local_port
        assert start_background(settings).pid == state.pid  # a second start reuses it
        components = _query(
            uri, "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"
        )
        assert components[0]["name"] == "Neo4j Kernel"
        assert components[0]["versions"][0].startswith("5.26.")
        assert components[0]["edition"] == "community"
        _query(uri, "CREATE (:Node {tenant: 'x', id: 'kept', name: 'Kept'})")
    finally:
        assert stop_background(settings)
    assert not status(settings).running
    assert not stop_background(settings)

    start_background(settings)
    try:
        assert _query(uri, "MATCH (n {id: 'kept'}) RETURN n.name AS name") == [{"name": "Kept"}]
    finally:
        stop_background(settings)


def test_taken_port_is_one_plain_sentence(tmp_path: Path) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        with pytest.raises(SetupError, match=f"port {port} on 127.0.0.1 is already in use"):
            start_child(_settings(tmp_path, NEO4J_LOCAL_PORT=port))


def test_password_turns_authentication_on(tmp_path: Path) -> None:
    settings = _settings(tmp_path, NEO4J_PASSWORD="a-long-secret")
    server = start_child(settings)
    try:
        assert _query(server.uri, "RETURN 1 AS one", auth=("neo4j", "a-long-secret")) == [{"one": 1}]
        with pytest.raises(AuthError):
            _query(server.uri, "RETURN 1 AS one", auth=("neo4j", "wrong-password"))
    finally:
        server.stop()


def test_child_server_stops_when_its_parent_is_killed(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    script = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from graphsvc.config import Settings
        from graphsvc.local_neo4j import start_child
        s = Settings(NEO4J_URI=None, NEO4J_PASSWORD=None, NEO4J_LOCAL_PAGECACHE_MB=32,
                     NEO4J_LOCAL_HEAP="512m")
        server = start_child(s, data_dir=Path({str(settings.data_dir)!r}), port={settings.local_port})
        print(server.process.pid, flush=True)
        time.sleep(600)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    java_pid = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)  # no clean-up code runs in the parent
    parent.wait()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _running(java_pid):
        time.sleep(0.5)
    assert not _running(java_pid), "Neo4j outlived its parent"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by init) counts as stopped.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split()[2] != "Z"


def test_missing_maven_is_one_plain_sentence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # neither java nor mvn on it
    with pytest.raises(SetupError, match="java was not found: install Java 17"):
        build()
