"""Time a region-sized tenant as the API serves it, old code against new, back to back: the cold
projection (read from Neo4j and built into the analytics graph; the bulk read and the build
also timed apart), node metrics of the municipal units and the school→leisure brokers, each
on the projection just read (the views a job needs are built by it), and the memory the
process holds afterwards.

    git worktree add --detach /tmp/cli-old <commit>      # the code to compare against
    NEO4J_LOCAL_HEAP=4g .venv/bin/python bench/region_bench.py [--size large] [--old /tmp/cli-old]

Each measurement runs in a fresh process, with ``PYTHONPATH`` set to the code measured (and its
folder as the working directory); old and new alternate, so a busy machine slows both alike.
Starts its own local Neo4j in a temporary folder unless NEO4J_URI is set, and loads the demo
municipality of ``--size`` into the tenant ``bench-<size>`` (kept if it is already there); a
region needs ``NEO4J_LOCAL_HEAP=4g``. Aims on ``large`` (157,000 nodes, ~1M ties): cold
projection < 10 s, node metrics < 30 s, brokers < 5 s, memory < 4 GB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
ROWS = [
    ("cold projection", "projection"),
    ("  of which the bulk read (Neo4j, Bolt)", "read"),
    ("  of which building the graph", "build"),
    ("node metrics, municipal units", "metrics"),
    ("brokers school→leisure", "brokers"),
    ("memory held afterwards (GB)", "rss_gb"),
    ("peak memory (GB)", "peak_gb"),
]


async def measure(uri: str, tenant: str) -> dict[str, Any]:
    """The figures of one process, with the code on its path."""
    from graphsvc.config import Settings
    from graphsvc.db.projection import ProjectionRepository
    from graphsvc.domain import Kind
    from graphsvc.services import analytics
    from graphsvc.services.projection import cache_for, graph_from_rows, projection
    from graphsvc.services.scope import command_line_caller, open_scope
    from graphsvc.services.store import opened

    figures: dict[str, Any] = {}
    async with opened(Settings(NEO4J_URI=uri, NEO4J_PASSWORD=None)) as store:
        scope = open_scope(store, command_line_caller(tenant))
        started = time.perf_counter()
        p = await projection(scope)
        figures["projection"] = time.perf_counter() - started
        figures["nodes"], figures["edges"] = p.graph.number_of_nodes(), p.graph.number_of_edges()
        started = time.perf_counter()
        rows = await ProjectionRepository(store).read(tenant)
        figures["read"] = time.perf_counter() - started
        started = time.perf_counter()
        graph_from_rows(rows)
        figures["build"] = time.perf_counter() - started
        del rows
        for name, job in (
            ("metrics", lambda: analytics.metrics(scope, kind=Kind.MUNICIPAL_UNIT)),
            ("brokers", lambda: analytics.brokers(scope)),
        ):
            started = time.perf_counter()
            await job()
            figures[name] = time.perf_counter() - started
        assert cache_for(store).reads == 1
    figures["rss_gb"] = _rss_kb() / 1024**2
    figures["peak_gb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    return figures


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def prepare(uri: str, tenant: str, size: str) -> str:
    from graphsvc.config import Settings
    from graphsvc.db.projection import ProjectionRepository
    from graphsvc.services.networks import load_demo
    from graphsvc.services.scope import command_line_caller, open_scope
    from graphsvc.services.store import apply_schema, opened

    async with opened(Settings(NEO4J_URI=uri, NEO4J_PASSWORD=None)) as store:
        await apply_schema(store)
        started = time.perf_counter()
        loaded = await load_demo(open_scope(store, command_line_caller(tenant)), size=size, seed=2635)
        took = time.perf_counter() - started
        # Plans the read and warms Neo4j's page cache, for the old code and the new alike.
        await ProjectionRepository(store).read(tenant)
    return f"loaded in {took:.0f} s" if loaded.loaded else "already loaded"


def run_child(tree: Path, uri: str, tenant: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(tree), "NEO4J_URI": uri}
    command = [sys.executable, str(HERE), "--measure", "--uri", uri, "--tenant", tenant]
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the measurement of {tree} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="large", choices=["small", "medium", "large"])
    parser.add_argument("--old", type=Path, default=Path("/tmp/cli-old"), help="A checkout of the old code.")
    parser.add_argument("--repeats", type=int, default=1, help="Processes per code (median).")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--uri", help=argparse.SUPPRESS)
    parser.add_argument("--tenant", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(asyncio.run(measure(args.uri, args.tenant))))
        return
    if not (args.old / "graphsvc").is_dir():
        raise SystemExit(f"no graphsvc checkout at {args.old}: git worktree add --detach {args.old} HEAD")
    from graphsvc.config import REPO_ROOT, Settings
    from graphsvc.local_neo4j import free_port, start_child

    settings, server = Settings(), None
    if settings.uses_local_neo4j:
        folder = Path(tempfile.mkdtemp(prefix="graphsvc-region-bench-"))
        server = start_child(settings, data_dir=folder, port=free_port())
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
    tenant = f"bench-{args.size}"
    trees = {"old": args.old.resolve(), "new": REPO_ROOT}
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
    try:
        loaded = asyncio.run(prepare(settings.bolt_uri, tenant, args.size))
        for _ in range(args.repeats):
            for name, tree in trees.items():
                runs[name].append(run_child(tree, settings.bolt_uri, tenant))
                print(f"  {name}: {runs[name][-1]}", file=sys.stderr, flush=True)
    finally:
        if server is not None:
            server.stop()
    first = runs["new"][0]
    print(
        f"demo municipality '{args.size}' ({first['nodes']:,} nodes, {first['edges']:,} edges, {loaded}); "
        f"median of {args.repeats} fresh process(es) each, old ({args.old}) and new alternating\n"
    )
    print("| measure | old | new |")
    print("| --- | ---: | ---: |")
    for label, key in ROWS:
        old, new = (statistics.median(run[key] for run in runs[name]) for name in trees)
        unit = "" if key.endswith("_gb") else " s"
        print(f"| {label} | {old:.2f}{unit} | {new:.2f}{unit} |")


if __name__ == "__main__":
    main()
