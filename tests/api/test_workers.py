"""`graphsvc serve --workers 2`: two processes answer on one port. A write through one worker
is read through the other at once (their kept answers follow the tenant's data version in
Neo4j); when one worker dies under load the other carries on, and a new one takes its place.

Which worker answers is made certain by stopping the other (SIGSTOP): a stopped process
accepts no connection, so every new one goes to the worker that runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import psutil
import pytest

from graphsvc.config import Settings
from graphsvc.db.networks import NetworkRepository
from graphsvc.local_neo4j import free_port
from graphsvc.services.store import GraphStore
from tests.api.conftest import Tokens

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

ACTOR = '{ actor(id: "club") { name } }'
RENAME = 'mutation($name: String!) { updateActor(id: "club", input: {name: $name}) { __typename } }'


class Served:
    def __init__(self, process: subprocess.Popen[bytes], base: str) -> None:
        self.process, self.base = process, base

    def workers(self) -> list[psutil.Process]:
        children = psutil.Process(self.process.pid).children(recursive=True)
        return [c for c in children if "spawn_main" in " ".join(c.cmdline())]

    def ask(self, token: str, tenant: str, query: str, **variables: Any) -> dict[str, Any]:
        """One request on a connection of its own (so any worker may take it)."""
        response = httpx.post(
            f"{self.base}/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {token}", "X-Graphsvc-Tenant": tenant},
            timeout=30,
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


def _wait_for_workers(served: Served, count: int, within: float = 120) -> list[psutil.Process]:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        assert served.process.poll() is None, "graphsvc serve stopped"
        workers = served.workers()
        try:
            ready = httpx.get(f"{served.base}/readyz", timeout=5).status_code == 200
        except httpx.TransportError:
            ready = False
        if ready and len(workers) == count:
            return workers
        time.sleep(0.3)
    raise AssertionError(f"{count} workers were not serving within {within:.0f} s")


@pytest.fixture
def served(settings: Settings) -> Iterator[Served]:
    port = free_port()
    env = dict(os.environ, NEO4J_URI=settings.bolt_uri, GRAPHSVC_HOST="127.0.0.1", GRAPHSVC_PORT=str(port))
    env.pop("NEO4J_PASSWORD", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "graphsvc.cli", "serve", "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield Served(process, f"http://127.0.0.1:{port}")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def only(running: psutil.Process, stopped: psutil.Process) -> Iterator[None]:
    """Every new connection goes to ``running`` while ``stopped`` is stopped."""
    stopped.suspend()
    try:
        yield
    finally:
        stopped.resume()


async def test_a_write_through_one_worker_is_read_through_the_other(
    served: Served, store: GraphStore, tenant: str, small_town: Any, token_for: Tokens
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    token = token_for(tenant, "coordinator")
    first, second = _wait_for_workers(served, 2)
    with only(first, stopped=second):  # the first worker reads, and keeps the answer
        assert served.ask(token, tenant, ACTOR)["data"]["actor"]["name"] == "Hvalsø Klatreklub"
        assert served.ask(token, tenant, ACTOR)["data"]["actor"]["name"] == "Hvalsø Klatreklub"
    with only(second, stopped=first):  # the second worker changes it
        assert served.ask(token, tenant, RENAME, name="Klatreklubben")["data"]["updateActor"]
    with only(first, stopped=second):  # the first one's next read sees the change
        assert served.ask(token, tenant, ACTOR)["data"]["actor"]["name"] == "Klatreklubben"


def test_when_a_worker_dies_under_load_the_other_carries_on(
    served: Served, small_demo: str, token_for: Tokens
) -> None:
    token = token_for(small_demo, "coordinator")
    victim, survivor = _wait_for_workers(served, 2)
    outcomes: list[tuple[float, float, bool]] = []  # started, ended, answered
    stop = threading.Event()

    def client() -> None:
        while not stop.is_set():
            started = time.monotonic()
            try:
                body = served.ask(token, small_demo, "{ actorCounts { kind count } }")
                ok = bool(body["data"]["actorCounts"])
            except (httpx.TransportError, AssertionError):
                ok = False
            outcomes.append((started, time.monotonic(), ok))

    threads = [threading.Thread(target=client) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(2)
    killed_at = time.monotonic()
    victim.kill()
    time.sleep(4)
    stop.set()
    for t in threads:
        t.join(timeout=60)

    # Those in flight on the killed worker may fail; none other may.
    before = [ok for _, ended, ok in outcomes if ended < killed_at]
    # Requests begun a moment after the kill go to the survivor (or the new worker) only.
    after = [ok for started, _, ok in outcomes if started > killed_at + 0.5]
    assert before and all(before)
    assert len(after) > 10 and all(after), f"{after.count(False)} of {len(after)} failed after the kill"
    assert survivor.is_running()
    replaced = _wait_for_workers(served, 2, within=60)
    assert victim.pid not in {w.pid for w in replaced}
