"""Load: many concurrent clients for a fixed time, mixed reads and some writes, over HTTP on
loopback, against the demo municipality.

    .venv/bin/python bench/load_bench.py [--seconds 60] [--clients 50] [--size medium]
        [--write-share 0.05] [--writes-in scratch|demo]

Starts its own local Neo4j (in a temporary folder, unless NEO4J_URI is set), loads the demo
municipality, serves the API in a process of its own (as `graphsvc serve` would) and runs the
clients in this one, each sending its next request as soon as the last one is answered. Reads:
pages of 50 actors with their area, contact persons and tie count; one actor with its ties;
depth-2 neighbourhoods of schools; the gap report of a target group (computed once, then kept
until the data change). Writes (``--write-share``): createActor, updateActor and connect, by a
coordinator, in a scratch tenant (``--writes-in scratch``: the demo's cached analytics stay
valid) or in the demo tenant itself (``demo``: every write makes the next gap report read the
tenant again). Prints errors (there must be none), p50/p95/p99 per kind of request and overall,
and the throughput. Every step is bounded in time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from graphsvc.auth.users import add_user
from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.schema import apply_schema
from graphsvc.demo import PLANTED_GAPS
from graphsvc.local_neo4j import LocalServer, free_port, start_child
from graphsvc.services.networks import load_demo
from graphsvc.services.scope import command_line_caller, open_scope

LIST = """query($after: String) { actors(first: 50, after: $after) { totalCount
  pageInfo { endCursor hasNextPage }
  edges { node { id name sector area { name } contactPersons { name email } tieCount } } } }"""
ACTOR = """query($id: ID!) { actor(id: $id) { id name sector arenas
  ties { type direction other { id name } } } }"""
NEIGHBOURHOOD = """query($id: ID!) { neighbourhood(id: $id, depth: 2, maxNodes: 500) {
  truncated nodes { depth node { id name kind } } edges { type sourceId targetId } } }"""
GAPS = """query($tg: ID!) { gapReport(targetGroupId: $tg) { memberCount
  sectors { missing underRepresented } findings { code severity sentence } } }"""
CREATE = """mutation($name: String!, $area: ID) { createActor(input: {kind: ASSOCIATION,
  name: $name, sector: CIVIL_SOCIETY, arenas: [LEISURE], areaId: $area}) {
  __typename ... on Actor { id } ... on Error { message } } }"""
UPDATE = """mutation($id: ID!, $name: String!) { updateActor(id: $id, input: {name: $name}) {
  __typename ... on Error { message } } }"""
CONNECT = """mutation($a: ID!, $b: ID!, $s: Int!) { connect(input: {type: COLLABORATES_WITH,
  sourceId: $a, targetId: $b, strength: $s}) { __typename ... on Error { message } } }"""
READS = {"actors list": 0.35, "actor": 0.20, "neighbourhood": 0.20, "gap report": 0.25}


@dataclass
class Fixture:
    """What the clients pick from: cursors of actor pages, actor and school ids, and the
    actors the bench itself created (the only ones it changes)."""

    cursors: list[str | None]
    actors: list[str]
    schools: list[str]
    scratch_area: str | None
    created: list[str] = field(default_factory=list)


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


def _failure(response: httpx.Response) -> str | None:
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    body = response.json()
    if body.get("errors"):
        return f"GraphQL: {body['errors'][0]['message'][:200]}"
    for value in (body.get("data") or {}).values():
        if isinstance(value, dict) and str(value.get("__typename", "")).endswith("Error"):
            return f"{value['__typename']}: {value.get('message', '')[:200]}"
    return None


class Clients:
    def __init__(
        self, base: str, read_token: str, write_token: str, fixture: Fixture, write_share: float, seed: int
    ) -> None:
        self.base, self.fixture, self.write_share = base, fixture, write_share
        self.read_token, self.write_token = read_token, write_token
        self.random = random.Random(seed)
        self.tally = Tally()

    def _read(self) -> tuple[str, str, str, dict[str, Any]]:
        kind = self.random.choices(list(READS), weights=list(READS.values()))[0]
        f, pick = self.fixture, self.random.choice
        choices: dict[str, tuple[str, dict[str, Any]]] = {
            "actors list": (LIST, {"after": pick(f.cursors)}),
            "actor": (ACTOR, {"id": pick(f.actors)}),
            "neighbourhood": (NEIGHBOURHOOD, {"id": pick(f.schools)}),
            "gap report": (GAPS, {"tg": PLANTED_GAPS.target_group_missing_sector[0]}),
        }
        query, variables = choices[kind]
        return kind, self.read_token, query, variables

    def _write(self, n: int) -> tuple[str, str, str, dict[str, Any]]:
        created, token = self.fixture.created, self.write_token
        kind = self.random.choice(["createActor", "updateActor", "connect"])
        if kind == "createActor" or len(created) < 2:
            return (
                "createActor",
                token,
                CREATE,
                {"name": f"Bench klub {n}", "area": self.fixture.scratch_area},
            )
        if kind == "updateActor":
            return kind, token, UPDATE, {"id": self.random.choice(created), "name": f"Klub {n}"}
        a, b = self.random.sample(created, 2)
        return kind, token, CONNECT, {"a": a, "b": b, "s": self.random.randint(1, 5)}

    async def client(self, http: httpx.AsyncClient, deadline: float, number: int) -> None:
        n = 0
        while time.monotonic() < deadline:
            n += 1
            write = self.random.random() < self.write_share
            kind, token, query, variables = self._write(number * 1_000_000 + n) if write else self._read()
            started = time.perf_counter()
            try:
                response = await http.post(
                    "/graphql",
                    json={"query": query, "variables": variables},
                    headers={"Authorization": f"Bearer {token}"},
                )
                problem = _failure(response)
            except httpx.HTTPError as e:
                problem = f"{type(e).__name__}: {e}"
            self.tally.latencies[kind].append(time.perf_counter() - started)
            if problem is not None:
                self.tally.errors[kind] += 1
                if len(self.tally.examples) < 5:
                    self.tally.examples.append(f"{kind}: {problem}")
            elif kind == "createActor":
                self.fixture.created.append(response.json()["data"]["createActor"]["id"])

    async def run(self, clients: int, seconds: float) -> float:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=self.base, timeout=60, limits=limits) as http:
            started = time.monotonic()
            deadline = started + seconds
            await asyncio.gather(*(self.client(http, deadline, i) for i in range(clients)))
            return time.monotonic() - started


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] * 1000


def report(tally: Tally, elapsed: float, clients: int) -> None:
    total = sum(len(s) for s in tally.latencies.values())
    print(
        f"\n{clients} clients for {elapsed:.1f} s: {total:,} requests, "
        f"{total / elapsed:.1f} requests/s, {sum(tally.errors.values())} errors"
    )
    print(f"{'request':<15}{'count':>8}{'errors':>8}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}")
    everything = [x for samples in tally.latencies.values() for x in samples]
    rows = [*sorted(tally.latencies.items()), ("overall", everything)]
    for kind, samples in rows:
        errors = sum(tally.errors.values()) if kind == "overall" else tally.errors[kind]
        print(
            f"{kind:<15}{len(samples):>8}{errors:>8}"
            + "".join(f"{_percentile(samples, q):>10.1f}" for q in (50, 95, 99))
        )
    for example in tally.examples:
        print("  error:", example)


def _post(http: httpx.Client, token: str, query: str, **variables: Any) -> dict[str, Any]:
    response = http.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    )
    problem = _failure(response)
    if problem:
        raise SystemExit(f"setting up failed: {problem}")
    return response.json()["data"]  # type: ignore[no-any-return]


def _fixture(http: httpx.Client, token: str, write_token: str, scratch_in_demo: bool) -> Fixture:
    cursors: list[str | None] = [None]
    actors: list[str] = []
    while len(cursors) < 60:
        page = _post(http, token, LIST, after=cursors[-1])["actors"]
        actors += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        cursors.append(page["pageInfo"]["endCursor"])
    schools = [
        e["node"]["id"]
        for e in _post(
            http,
            token,
            """{ actors(first: 100,
        filter: {kind: MUNICIPAL_UNIT, arena: SCHOOL}) { edges { node { id } } } }""",
        )["actors"]["edges"]
    ]
    area = None
    if scratch_in_demo:
        area = _post(
            http,
            write_token,
            """mutation { createArea(input: {name: "Bench scratch",
            areaType: "district"}) { __typename ... on Area { id } } }""",
        )["createArea"]["id"]
    _post(http, token, GAPS, tg=PLANTED_GAPS.target_group_missing_sector[0])  # compute it once
    return Fixture(cursors=cursors, actors=actors, schools=schools, scratch_area=area)


def _serve(settings: Settings, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, NEO4J_URI=settings.bolt_uri)
    if settings.auth is None:
        env.pop("NEO4J_PASSWORD", None)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "graphsvc.api:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--workers",
            str(workers),
        ],
        env=env,
    )


def _wait(base: str, api: subprocess.Popen[bytes], within: float = 120) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if api.poll() is not None:
            raise SystemExit("the API stopped while starting")
        try:
            if httpx.get(base + "/readyz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the API was not ready within {within:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--size", default="medium", choices=["small", "medium", "large"])
    parser.add_argument("--write-share", type=float, default=0.05)
    parser.add_argument("--writes-in", default="scratch", choices=["scratch", "demo"])
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--seed", type=int, default=2635)
    args = parser.parse_args()
    tenant, scratch = f"bench-{args.size}", f"bench-{args.size}-scratch"
    write_tenant = tenant if args.writes_in == "demo" else scratch

    settings, server = Settings(), None
    data = Path(tempfile.mkdtemp(prefix="graphsvc-load-"))
    if settings.uses_local_neo4j:
        server = start_child(settings, data_dir=data, port=free_port())
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
    api = None
    try:

        async def prepare() -> tuple[str, str, float]:
            async with opened(settings) as store:
                await apply_schema(store)
                started = time.perf_counter()
                await load_demo(open_scope(store, command_line_caller(tenant)), size=args.size, seed=2635)
                loaded = time.perf_counter() - started
                stamp = str(int(time.time()))
                read = (await add_user(store, tenant, f"bench-{stamp}", "coordinator")).secret
                write = (
                    read
                    if write_tenant == tenant
                    else (await add_user(store, scratch, f"bench-{stamp}", "coordinator")).secret
                )
                return read, write, loaded

        read_token, write_token, load_s = asyncio.run(prepare())
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        api = _serve(settings, port, args.workers)
        _wait(base, api)
        with httpx.Client(base_url=base, timeout=120) as http:
            fixture = _fixture(http, read_token, write_token, args.writes_in == "demo")
        print(
            f"demo municipality '{args.size}' loaded in {load_s:.1f} s; {len(fixture.actors)} "
            f"actors and {len(fixture.schools)} schools to ask about; writes in tenant "
            f"'{write_tenant}' ({args.write_share:.0%} of requests)"
        )
        clients = Clients(base, read_token, write_token, fixture, args.write_share, args.seed)
        elapsed = asyncio.run(clients.run(args.clients, args.seconds))
        report(clients.tally, elapsed, args.clients)
        if clients.tally.errors:
            raise SystemExit(1)
    finally:
        _stop(api, server)
        shutil.rmtree(data, ignore_errors=True)


def _stop(api: subprocess.Popen[bytes] | None, server: LocalServer | None) -> None:
    if api is not None and api.poll() is None:
        api.terminate()
        try:
            api.wait(timeout=30)
        except subprocess.TimeoutExpired:
            api.kill()
    if server is not None:
        server.stop()


if __name__ == "__main__":
    main()
