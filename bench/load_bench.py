"""Load: many concurrent clients for a fixed time, mixed reads and some writes, over HTTP on
loopback, against the demo municipality.

    .venv/bin/python bench/load_bench.py [--seconds 60] [--clients 50] [--size medium]
        [--write-share 0.05] [--writes-in scratch|demo] [--workers N]
        [--compare-with DIR [--compare-workers 1]]

``--compare-with DIR`` runs the same clients first against the API of another checkout (a
`git worktree add DIR COMMIT` of the commit before a change, served from DIR's code), then
against this one, back to back on the same Neo4j and data, and prints both.

Starts its own local Neo4j (in a temporary folder, unless NEO4J_URI is set), loads the demo
municipality, serves the API in a process of its own (as `graphsvc serve` would) and runs the
clients in this one, each sending its next request as soon as the last one is answered. Reads:
pages of 50 actors with their area, contact persons and tie count; one actor with its ties;
depth-2 neighbourhoods of schools; the gap report of a target group (computed once, then kept
until the data change); a saved gaps map opened through its share link, as thirty partners'
phones would. Writes (``--write-share``): createActor, updateActor and connect, by a
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
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil

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
READS = {
    "actors list": 0.30,
    "actor": 0.20,
    "neighbourhood": 0.20,
    "gap report": 0.20,
    "share-link map": 0.10,
}
REPO = Path(__file__).resolve().parent.parent
SAVE_VIEW = """mutation($tg: ID!) { saveMapView(input: {kind: GAPS, targetGroup: $tg}) {
  __typename ... on MapView { id } ... on Error { message } } }"""
SHARE = """mutation($view: ID!) { createShareLink(viewId: $view) {
  __typename ... on NewShareLink { token } ... on Error { message } } }"""


@dataclass
class Fixture:
    """What the clients pick from: cursors of actor pages, actor and school ids, and the
    actors the bench itself created (the only ones it changes)."""

    cursors: list[str | None]
    actors: list[str]
    schools: list[str]
    scratch_area: str | None
    share_token: str
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
            "share-link map": ("", {"token": f.share_token}),
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
                if kind == "share-link map":  # a page, not GraphQL: no token but the link's
                    response = await http.get(f"/share/{variables['token']}")
                    problem = None if response.status_code == 200 else f"HTTP {response.status_code}"
                else:
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


def _throughput(o: Outcome) -> float:
    return sum(len(x) for x in o.tally.latencies.values()) / o.elapsed


def report(o: Outcome) -> None:
    tally = o.tally
    total = sum(len(s) for s in tally.latencies.values())
    print(
        f"\n{o.label}: {total:,} requests in {o.elapsed:.1f} s, {_throughput(o):.1f} requests/s, "
        f"{sum(tally.errors.values())} errors; API peak memory {o.usage.peak_rss / 1e6:,.0f} MB, "
        f"CPU {o.usage.cpu_seconds:.0f} s ({o.usage.cpu_seconds / o.elapsed:.2f} cores); the clients' "
        f"CPU {o.usage.client_cpu_seconds / o.elapsed:.2f} cores"
    )
    print(f"{'request':<16}{'count':>8}{'errors':>8}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}")
    everything = [x for samples in tally.latencies.values() for x in samples]
    rows = [*sorted(tally.latencies.items()), ("overall", everything)]
    for kind, samples in rows:
        errors = sum(tally.errors.values()) if kind == "overall" else tally.errors[kind]
        print(
            f"{kind:<16}{len(samples):>8}{errors:>8}"
            + "".join(f"{_percentile(samples, q):>10.1f}" for q in (50, 95, 99))
        )
    for example in tally.examples:
        print("  error:", example)


def compare(old: Outcome, new: Outcome) -> None:
    """The two runs side by side: p95 per kind of request, throughput, and their ratios."""
    print(f"\n{'p95 ms':<16}{'before':>10}{'after':>10}{'ratio':>8}")
    for kind in sorted(set(old.tally.latencies) | set(new.tally.latencies)):
        a = _percentile(old.tally.latencies.get(kind) or [0.0], 95)
        b = _percentile(new.tally.latencies.get(kind) or [0.0], 95)
        print(f"{kind:<16}{a:>10.1f}{b:>10.1f}{(a / b if b else 0):>8.1f}")
    before, after = _throughput(old), _throughput(new)
    print(f"{'requests/s':<16}{before:>10.1f}{after:>10.1f}{after / before:>8.1f}")


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
    target_group = PLANTED_GAPS.target_group_missing_sector[0]
    _post(http, token, GAPS, tg=target_group)  # compute it once
    view = _post(http, token, SAVE_VIEW, tg=target_group)["saveMapView"]["id"]
    share = _post(http, token, SHARE, view=view)["createShareLink"]["token"]
    return Fixture(cursors=cursors, actors=actors, schools=schools, scratch_area=area, share_token=share)


def _serve(settings: Settings, port: int, workers: int, source: Path) -> subprocess.Popen[bytes]:
    """The API as `graphsvc serve` runs it, from the code in ``source``."""
    env = dict(os.environ, NEO4J_URI=settings.bolt_uri, PYTHONPATH=str(source))
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
        cwd=source,
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


@dataclass
class Usage:
    """The API's processes (all its workers) over one run: peak resident memory, CPU used."""

    peak_rss: int = 0
    cpu_seconds: float = 0.0
    client_cpu_seconds: float = 0.0  # this process's: the clients share the machine too


def _tree(api: subprocess.Popen[bytes]) -> list[psutil.Process]:
    root = psutil.Process(api.pid)
    return [root, *root.children(recursive=True)]


def _cpu(processes: list[psutil.Process]) -> float:
    total = 0.0
    for p in processes:
        with suppress(psutil.Error):
            times = p.cpu_times()
            total += times.user + times.system
    return total


async def _sample(api: subprocess.Popen[bytes], usage: Usage, stop: asyncio.Event) -> None:
    while not stop.is_set():
        rss = 0
        for p in _tree(api):
            with suppress(psutil.Error):
                rss += p.memory_info().rss
        usage.peak_rss = max(usage.peak_rss, rss)
        with suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.5)


async def _measured(
    clients: Clients, api: subprocess.Popen[bytes], count: int, seconds: float
) -> tuple[float, Usage]:
    usage, stop = Usage(), asyncio.Event()
    before = _cpu(_tree(api))
    clients_before = _cpu([psutil.Process()])
    sampler = asyncio.create_task(_sample(api, usage, stop))
    elapsed = await clients.run(count, seconds)
    usage.cpu_seconds = _cpu(_tree(api)) - before
    usage.client_cpu_seconds = _cpu([psutil.Process()]) - clients_before
    stop.set()
    await sampler
    return elapsed, usage


@dataclass
class Outcome:
    label: str
    tally: Tally
    elapsed: float
    usage: Usage


def _one_run(
    label: str,
    source: Path,
    workers: int,
    settings: Settings,
    args: argparse.Namespace,
    tokens: tuple[str, str],
    fixture: Fixture | None,
) -> tuple[Outcome, Fixture]:
    read_token, write_token = tokens
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    api = _serve(settings, port, workers, source)
    try:
        _wait(base, api)
        if fixture is None:
            with httpx.Client(base_url=base, timeout=120) as http:
                fixture = _fixture(http, read_token, write_token, args.writes_in == "demo")
        clients = Clients(base, read_token, write_token, fixture, args.write_share, args.seed)
        elapsed, usage = asyncio.run(_measured(clients, api, args.clients, args.seconds))
    finally:
        _stop(api, None)
    return Outcome(
        f"{label} ({workers} worker{'s' if workers > 1 else ''})", clients.tally, elapsed, usage
    ), fixture


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--size", default="medium", choices=["small", "medium", "large"])
    parser.add_argument("--write-share", type=float, default=0.05)
    parser.add_argument("--writes-in", default="scratch", choices=["scratch", "demo"])
    parser.add_argument(
        "--workers", type=int, default=len(os.sched_getaffinity(0)), help="API worker processes"
    )
    parser.add_argument("--compare-with", type=Path, help="a checkout of the commit to compare with")
    parser.add_argument("--compare-workers", type=int, default=1, help="its API worker processes")
    parser.add_argument("--seed", type=int, default=2635)
    args = parser.parse_args()
    tenant, scratch = f"bench-{args.size}", f"bench-{args.size}-scratch"
    write_tenant = tenant if args.writes_in == "demo" else scratch

    settings, server = Settings(), None
    data = Path(tempfile.mkdtemp(prefix="graphsvc-load-"))
    if settings.uses_local_neo4j:
        server = start_child(settings, data_dir=data, port=free_port())
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
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
        print(
            f"demo municipality '{args.size}' loaded in {load_s:.1f} s; writes in tenant "
            f"'{write_tenant}' ({args.write_share:.0%} of requests); {args.clients} clients for "
            f"{args.seconds:.0f} s per run; {len(os.sched_getaffinity(0))} cores"
        )
        runs = [("this checkout", REPO, args.workers)]
        if args.compare_with is not None:
            runs.insert(0, (f"{args.compare_with}", args.compare_with.resolve(), args.compare_workers))
        fixture, outcomes = None, []
        for label, source, workers in runs:
            outcome, fixture = _one_run(
                label, source, workers, settings, args, (read_token, write_token), fixture
            )
            report(outcome)
            outcomes.append(outcome)
        if len(outcomes) == 2:
            compare(*outcomes)
        if any(o.tally.errors for o in outcomes):
            raise SystemExit(1)
    finally:
        if server is not None:
            server.stop()
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
