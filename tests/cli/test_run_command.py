"""`graphsvc run`, the heart of `make run`: everything comes up, answers, and stops on Ctrl-C;
a second run keeps the data and loads nothing twice."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from graphsvc.local_neo4j import free_port

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def _start(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "graphsvc.cli", "run"],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _wait_for(process: subprocess.Popen[str], text: str, timeout: float = 240) -> str:
    assert process.stdout is not None
    seen = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        seen += line
        if text in line:
            return seen
    raise AssertionError(f"{text!r} never appeared:\n{seen}")


def _stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    rest, _ = process.communicate(timeout=120)
    return rest


def _neo4j_pids(data_dir: Path) -> list[int]:
    found = subprocess.run(["pgrep", "-f", f"--data {data_dir}"], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def test_run_serves_then_stops_cleanly_and_keeps_data(tmp_path: Path) -> None:
    data_dir = tmp_path / "neo4j"
    api_port = free_port()
    env = dict(os.environ) | {
        "GRAPHSVC_DATA_DIR": str(data_dir),
        "NEO4J_LOCAL_PORT": str(free_port()),
        "GRAPHSVC_PORT": str(api_port),
        "GRAPHSVC_DEFAULT_TENANT": "demo",
        "NEO4J_LOCAL_PAGECACHE_MB": "64",
        "NEO4J_LOCAL_HEAP": "768m",
        "COLUMNS": "200",
    }
    env.pop("NEO4J_URI", None)
    env.pop("NEO4J_PASSWORD", None)

    first = _start(env)
    try:
        printed = _wait_for(first, "Press Ctrl-C to stop.")
        assert "Loaded the demo municipality into tenant 'demo'" in printed
        assert f"http://127.0.0.1:{api_port}/graphql" in printed
        base = f"http://127.0.0.1:{api_port}"
        assert _ready(base).status_code == 200
        token = re.search(r"sign-in#token=(gs_[\w-]+)", printed).group(1)  # type: ignore[union-attr]
        query = {"query": "{ actorCounts { kind count } }"}
        assert httpx.post(f"{base}/graphql", json=query).status_code == 401
        counts = httpx.post(f"{base}/graphql", json=query, headers={"Authorization": f"Bearer {token}"})
        by_kind = {c["kind"]: c["count"] for c in counts.json()["data"]["actorCounts"]}
        assert by_kind["ASSOCIATION"] > 0 and by_kind["MUNICIPAL_UNIT"] > 0
    finally:
        rest = _stop(first)
    assert first.returncode == 0, rest
    assert "Neo4j stopped" in rest
    assert _neo4j_pids(data_dir) == []

    second = _start(env)
    try:
        printed = _wait_for(second, "Press Ctrl-C to stop.")
        assert "Tenant 'demo' already holds" in printed and "kept them" in printed
        # A new sign-in link at every start; the one printed before no longer works.
        assert _ready(base).status_code == 200
        old = httpx.get(f"{base}/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert old.status_code == 401
    finally:
        _stop(second)
    assert _neo4j_pids(data_dir) == []


def _ready(base: str) -> httpx.Response:
    """/readyz once the API listens (it starts just after printing its banner)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            return httpx.get(f"{base}/readyz")
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
