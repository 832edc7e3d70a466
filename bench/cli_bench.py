"""Time the command line as a user starts it: ``graphsvc --help`` and ``graphsvc analyze
metrics`` on a 16-node tenant, each in a fresh process, all in (interpreter start, imports,
Neo4j connection, projection, job, output).

    git worktree add --detach /tmp/cli-old <commit>      # the code to compare against
    .venv/bin/python bench/cli_bench.py [--old /tmp/cli-old] [--repeats 5]

The old code runs with ``PYTHONPATH=<old>`` (and its folder as the working directory, so that
nothing of this checkout is on the path); the two alternate, run by run, so a busy machine slows
both alike. Starts its own local Neo4j in a temporary folder unless NEO4J_URI is set. Aims:
``--help`` < 0.5 s, ``analyze metrics`` on 16 nodes < 1.5 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graphsvc.config import REPO_ROOT, Settings
from graphsvc.db.driver import opened
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.schema import apply_schema
from graphsvc.domain import Actor, Arena, Kind, Network, Sector, Tie, TieType, YoungPerson
from graphsvc.local_neo4j import free_port, start_child

TENANT = "bench-cli"
GRAPHSVC = Path(sys.executable).with_name("graphsvc")


def sixteen_nodes() -> Network:
    """Two schools, two clubs, SSP and a supermarket, and ten young people between them."""
    actors = [
        ("school-a", "Skole A", Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {Arena.SCHOOL}),
        ("school-b", "Skole B", Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {Arena.SCHOOL}),
        ("ssp", "SSP", Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {Arena.SCHOOL, Arena.LEISURE}),
        ("club-a", "Fodboldklub", Kind.ASSOCIATION, Sector.CIVIL_SOCIETY, {Arena.LEISURE}),
        ("club-b", "Spejderne", Kind.ASSOCIATION, Sector.CIVIL_SOCIETY, {Arena.LEISURE}),
        ("shop", "Brugsen", Kind.BUSINESS, Sector.BUSINESS, {Arena.WORK}),
    ]
    nodes: list[Actor | YoungPerson] = [
        Actor(id=i, tenant=TENANT, name=n, kind=k, sector=s, arenas=frozenset(a)) for i, n, k, s, a in actors
    ]
    ties = [
        Tie(type=TieType.COLLABORATES_WITH, source="school-a", target="ssp"),
        Tie(type=TieType.COLLABORATES_WITH, source="ssp", target="club-a"),
        Tie(type=TieType.REFERS_TO, source="school-b", target="club-b"),
    ]
    for n in range(10):
        young = f"yp-{n}"
        nodes.append(YoungPerson(id=young, tenant=TENANT, name=f"Ung {n}"))
        ties.append(Tie(type=TieType.ATTENDS, source=young, target="school-a" if n < 5 else "school-b"))
        ties.append(Tie(type=TieType.MEMBER_OF, source=young, target="club-a" if n % 2 else "club-b"))
        if n % 3 == 0:
            ties.append(Tie(type=TieType.WORKS_AT, source=young, target="shop"))
    return Network(tenant=TENANT, nodes=tuple(nodes), ties=tuple(ties))


async def prepare(settings: Settings) -> None:
    async with opened(settings) as store:
        await apply_schema(store)
        repository = NetworkRepository(store)
        await repository.delete_tenant(TENANT)
        await repository.write(sixteen_nodes())


def timed(args: list[str], *, tree: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run([str(GRAPHSVC), *args], cwd=tree, env=env, capture_output=True, text=True)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"graphsvc {' '.join(args)} failed in {tree}:\n{done.stderr}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, default=Path("/tmp/cli-old"), help="A checkout of the old code.")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if not (args.old / "graphsvc" / "cli").is_dir():
        raise SystemExit(f"no graphsvc checkout at {args.old}: git worktree add --detach {args.old} HEAD")
    settings = Settings()
    server = None
    if settings.uses_local_neo4j:
        server = start_child(
            settings, data_dir=Path(tempfile.mkdtemp(prefix="graphsvc-cli-bench-")), port=free_port()
        )
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
    base = {**os.environ, "NEO4J_URI": settings.bolt_uri, "COLUMNS": "100"}
    base.pop("PYTHONPATH", None)
    trees = {"old": (args.old, {**base, "PYTHONPATH": str(args.old)}), "new": (REPO_ROOT, base)}
    commands = {
        "graphsvc --help": ["--help"],
        "graphsvc analyze metrics (16 nodes)": ["analyze", "metrics", "--tenant", TENANT],
    }
    try:
        asyncio.run(prepare(settings))
        times: dict[tuple[str, str], list[float]] = {}
        for label, command in commands.items():
            for tree, env in trees.values():
                timed(command, tree=tree, env=env)  # the first run fills the OS's file cache
            for _ in range(args.repeats):
                for name, (tree, env) in trees.items():
                    times.setdefault((label, name), []).append(timed(command, tree=tree, env=env))
    finally:
        if server is not None:
            server.stop()
    print(f"median of {args.repeats} fresh processes each, old ({args.old}) and new alternating\n")
    print("| command | old (s) | new (s) |")
    print("| --- | ---: | ---: |")
    for label in commands:
        old, new = (statistics.median(times[label, name]) for name in trees)
        print(f"| {label} | {old:.2f} | {new:.2f} |")


if __name__ == "__main__":
    main()
