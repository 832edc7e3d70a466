"""Neo4j stops, between requests and in the middle of them, and comes back: meanwhile the API
answers 503 with a plain message and /readyz is red; afterwards it answers correctly again by
itself, with the same app object (no restart), its caches not poisoned.

Runs a Neo4j of its own (not the test session's), so stopping it disturbs no other test.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from graphsvc.api import create_app
from graphsvc.auth.users import add_user
from graphsvc.config import Settings
from graphsvc.db.availability import UNAVAILABLE
from graphsvc.db.driver import opened
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.schema import apply_schema
from graphsvc.local_neo4j import LocalServer, free_port, start_child
from tests.conftest import _small_town

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

TENANT = "outage"
ACTORS = "{ actors(first: 20) { totalCount edges { node { id name } } } }"
GAPS = '{ gapReport(targetGroupId: "tg") { memberCount findings { code } } }'
NEIGHBOURHOOD = '{ neighbourhood(id: "club", depth: 2) { nodes { node { id } } } }'


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:
        pass


@dataclass
class Outage:
    """A Neo4j of our own, an API against it, and a way to stop and start that Neo4j."""

    neo4j: LocalServer
    settings: Settings
    data_dir: Path
    port: int
    http: httpx.Client

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.neo4j.process.kill()
            self.neo4j.process.wait()
        else:
            self.neo4j.stop()

    def start(self) -> None:
        self.neo4j = start_child(self.settings, data_dir=self.data_dir, port=self.port)

    def graphql(self, query: str) -> httpx.Response:
        return self.http.post("/graphql", json={"query": query})


@pytest.fixture(scope="module")
def outage(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Outage]:
    data_dir, port = tmp_path_factory.mktemp("outage-neo4j"), free_port()
    local = Settings(
        NEO4J_URI=None, NEO4J_PASSWORD=None, NEO4J_LOCAL_PAGECACHE_MB=32, NEO4J_LOCAL_HEAP="384m"
    )
    neo4j = start_child(local, data_dir=data_dir, port=port)
    settings = Settings(NEO4J_URI=neo4j.uri, NEO4J_PASSWORD=None, GRAPHSVC_DEFAULT_TENANT=TENANT)

    async def prepare() -> str:
        async with opened(settings) as store:
            await apply_schema(store)
            await NetworkRepository(store).write(_small_town(TENANT))
            return (await add_user(store, TENANT, "coordinator", "coordinator")).secret

    token = asyncio.run(prepare())
    api = _Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=free_port(), log_level="critical")
    )
    thread = threading.Thread(target=api.run, daemon=True)
    thread.start()
    while not api.started:
        time.sleep(0.05)
    with httpx.Client(
        base_url=f"http://127.0.0.1:{api.config.port}",
        timeout=60,
        headers={"Authorization": f"Bearer {token}"},
    ) as http:
        state = Outage(neo4j, local, data_dir, port, http)
        yield state
    api.should_exit = True
    thread.join(timeout=10)
    state.neo4j.stop()


def _answers_correctly(outage: Outage, members: int = 1) -> None:
    actors = outage.graphql(ACTORS)
    assert actors.status_code == 200, actors.text
    assert actors.json()["data"]["actors"]["totalCount"] == 3
    gaps = outage.graphql(GAPS)
    assert gaps.status_code == 200 and gaps.json()["data"]["gapReport"]["memberCount"] == members
    export = outage.http.get("/exports/recruitment/tg.csv")
    assert export.status_code == 200, export.text


def _wait_ready(outage: Outage, within: float = 60) -> float:
    started = time.monotonic()
    while time.monotonic() - started < within:
        if outage.http.get("/readyz").status_code == 200:
            return time.monotonic() - started
        time.sleep(0.5)
    raise AssertionError(f"/readyz did not turn green within {within} s of Neo4j's start")


def _is_plain_503(response: httpx.Response, *, graphql: bool) -> bool:
    if response.status_code != 503 or response.headers.get("retry-after") != "5":
        return False
    body = response.json()
    if not graphql:
        return body == {"detail": UNAVAILABLE}
    return [e["message"] for e in body["errors"]] == [UNAVAILABLE] and all(
        e["extensions"]["code"] == "NEO4J_UNAVAILABLE" for e in body["errors"]
    )


def test_neo4j_stopped_between_requests(outage: Outage) -> None:
    _answers_correctly(outage)  # also fills the projection cache
    assert outage.http.get("/readyz").status_code == 200

    outage.stop()
    started = time.monotonic()
    ready = outage.http.get("/readyz")
    assert ready.status_code == 503 and ready.json()["status"] == "unavailable"
    assert time.monotonic() - started < 8, "a readiness probe must answer quickly"
    for query in (ACTORS, GAPS):
        response = outage.graphql(query)
        assert _is_plain_503(response, graphql=True), response.text
    assert _is_plain_503(outage.http.get("/exports/recruitment/tg.csv"), graphql=False)
    assert outage.http.get("/healthz").status_code == 200  # the process itself is fine

    outage.start()
    _wait_ready(outage)
    _answers_correctly(outage)
    # The cache is not stuck on the old data: a change shows in the next report.
    created = outage.graphql("""mutation { createYoungPerson(input: {pseudonym: "Grøn Ugle",
        ageBand: AGE_12_14, areaId: "hvalsoe", challenges: [LONELINESS]}) { __typename } }""")
    assert created.status_code == 200 and "errors" not in created.json(), created.text
    gaps = outage.graphql(GAPS)
    assert gaps.json()["data"]["gapReport"]["memberCount"] == 2, gaps.text


def test_neo4j_killed_in_the_middle_of_requests(outage: Outage) -> None:
    _wait_ready(outage)
    members = outage.graphql(GAPS).json()["data"]["gapReport"]["memberCount"]
    stop_sending = threading.Event()
    answered = threading.Semaphore(0)

    def keep_asking(query: str) -> list[httpx.Response]:
        answers = []
        while not stop_sending.is_set():
            answers.append(outage.graphql(query))
            answered.release()
        return answers

    with ThreadPoolExecutor(6) as pool:
        jobs = [pool.submit(keep_asking, q) for q in (ACTORS, GAPS, NEIGHBOURHOOD) * 2]
        for _ in range(12):  # requests flow; six are under way at any moment
            assert answered.acquire(timeout=60)
        outage.stop(kill=True)  # no clean shutdown: connections break mid-transaction
        time.sleep(5)
        stop_sending.set()
        answers = [a for job in jobs for a in job.result()]

    outcomes = []
    for answer in answers:
        body: dict[str, Any] = answer.json()
        if answer.status_code == 200 and "errors" not in body:
            outcomes.append("answered")
        else:
            assert _is_plain_503(answer, graphql=True), (answer.status_code, answer.text)
            outcomes.append("unavailable")
    assert "answered" in outcomes and "unavailable" in outcomes
    # Once the store knows Neo4j is away, the answer comes at once.
    started = time.monotonic()
    assert _is_plain_503(outage.graphql(ACTORS), graphql=True)
    assert time.monotonic() - started < 3

    outage.start()  # the same data folder: Neo4j recovers its store after the kill
    _wait_ready(outage)
    _answers_correctly(outage, members)
