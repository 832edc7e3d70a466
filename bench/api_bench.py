"""Latency of typical GraphQL reads on the demo municipality, over HTTP on loopback.

    .venv/bin/python bench/api_bench.py [--size medium] [--requests 200]

Starts its own local Neo4j (in a temporary folder, unless NEO4J_URI is set), loads the demo
municipality of the given size, serves the API on a free port and times, one request at a time:
a typical list (50 actors with their area, contact persons and tie count) and a depth-2
neighbourhood of a school, at the default node cap (500) and at the largest cap (2000). Prints
p50/p95/p99 and the load time. The client and the API share one process, as a small
deployment would share its cores.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from graphsvc.api import create_app
from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.schema import apply_schema
from graphsvc.local_neo4j import free_port, start_child
from graphsvc.services.networks import load_demo
from graphsvc.services.scope import command_line_caller, open_scope

LIST = """query($after: String) { actors(first: 50, after: $after) { totalCount
  pageInfo { endCursor hasNextPage }
  edges { node { id name sector area { name } contactPersons { name email } tieCount } } } }"""
NEIGHBOURHOOD = """query($id: ID!, $max: Int!) { neighbourhood(id: $id, depth: 2, maxNodes: $max) {
  truncated nodes { depth node { id name kind } } edges { type sourceId targetId } } }"""


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:
        pass


def _percentiles(samples: list[float]) -> str:
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return (
        f"p50 {q[49] * 1000:7.1f} ms   p95 {q[94] * 1000:7.1f} ms   p99 {q[98] * 1000:7.1f} ms"
        f"   ({len(samples)} requests, {len(samples) / sum(samples):.1f}/s)"
    )


def _time(client: httpx.Client, query: str, variables: list[dict[str, object]]) -> list[float]:
    samples = []
    for values in variables:
        started = time.perf_counter()
        response = client.post("/graphql", json={"query": query, "variables": values})
        samples.append(time.perf_counter() - started)
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise SystemExit(f"request failed: {response.status_code} {body}")
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="medium", choices=["small", "medium", "large"])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    tenant = f"bench-{args.size}"

    settings = Settings()
    server = None
    if settings.uses_local_neo4j:
        data = Path(tempfile.mkdtemp(prefix="graphsvc-bench-"))
        server = start_child(settings, data_dir=data, port=free_port())
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
    try:

        async def prepare() -> float:
            async with opened(settings) as store:
                await apply_schema(store)
                started = time.perf_counter()
                await load_demo(open_scope(store, command_line_caller(tenant)), size=args.size, seed=2635)
                return time.perf_counter() - started

        load_s = asyncio.run(prepare())
        api = _Server(
            uvicorn.Config(create_app(settings), host="127.0.0.1", port=free_port(), log_level="warning")
        )
        thread = threading.Thread(target=api.run, daemon=True)
        thread.start()
        while not api.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{api.config.port}"
        with httpx.Client(base_url=base, timeout=60, headers={"X-Graphsvc-Tenant": tenant}) as client:
            first = client.post("/graphql", json={"query": LIST}).json()["data"]["actors"]
            cursors: list[dict[str, object]] = [{"after": None}]
            page = first
            while page["pageInfo"]["hasNextPage"] and len(cursors) < args.requests:
                cursors.append({"after": page["pageInfo"]["endCursor"]})
                page = client.post("/graphql", json={"query": LIST, "variables": cursors[-1]}).json()["data"][
                    "actors"
                ]
            schools = client.post(
                "/graphql",
                json={
                    "query": """{ actors(first: 100,
                filter: {kind: MUNICIPAL_UNIT, arena: SCHOOL}) { edges { node { id } } } }"""
                },
            ).json()
            school_ids = [e["node"]["id"] for e in schools["data"]["actors"]["edges"]]
            pages = [cursors[i % len(cursors)] for i in range(args.requests)]
            walks: list[dict[str, object]] = [
                {"id": school_ids[i % len(school_ids)], "max": 500} for i in range(args.requests)
            ]
            # The largest answer the default node cap allows, fewer times: each is ~10k objects.
            big_walks = [w | {"max": 2000} for w in walks[: max(10, args.requests // 5)]]
            _time(client, LIST, pages[:10])  # warm the query caches
            list_samples = _time(client, LIST, pages)
            walk_samples = _time(client, NEIGHBOURHOOD, walks)
            big_samples = _time(client, NEIGHBOURHOOD, big_walks)
            sizes = [
                client.post("/graphql", json={"query": NEIGHBOURHOOD, "variables": w}).json()["data"][
                    "neighbourhood"
                ]
                for w in (walks[0], big_walks[0])
            ]
        api.should_exit = True
        thread.join(timeout=10)
        print(f"demo municipality '{args.size}': {first['totalCount']:,} actors, loaded in {load_s:.1f} s")
        print(f"list of 50 actors with area, contacts, tie count: {_percentiles(list_samples)}")
        for size, samples in zip(sizes, (walk_samples, big_samples), strict=True):
            print(
                f"depth-2 neighbourhood of a school ({len(size['nodes'])} nodes, "
                f"{len(size['edges'])} ties): {_percentiles(samples)}"
            )
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
