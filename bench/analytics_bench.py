"""Time the analytics jobs on the demo municipalities, fast engine against plain NetworkX.

    .venv/bin/python bench/analytics_bench.py              # small and medium
    .venv/bin/python bench/analytics_bench.py --large      # and the region-sized one (slow)

Each job runs warm, as the service runs it: the projection and its views are built first
and cached, and each job runs once before it is timed. The time is the median of
``--repeats`` runs; a NetworkX run slower than ``--slow`` seconds is run only once, and
NetworkX is skipped where it would take many minutes (marked "skipped"). Targets on
``medium`` (issue 4): gap report and broker ranking each under 2 s, recommendations under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphsvc.analytics import (
    actor_graph,
    detect_communities,
    gap_report,
    introduction_graph,
    network_to_graph,
    node_metrics,
    rank_brokers,
    recommend_partners,
    social_graph,
)
from graphsvc.analytics.projection import directed_actor_graph
from graphsvc.demo import count_ties, generate_demo

Job = Callable[[str], Any]  # engine -> result


@dataclass
class Row:
    size: str
    job: str
    fast: float
    networkx: float | None
    note: str = ""


def timed(job: Callable[[], Any], *, repeats: int, slow: float, warm: bool = True) -> tuple[float, int]:
    """Median seconds of ``repeats`` runs (one run if the first is slower than ``slow``)."""
    if warm:
        start = time.perf_counter()
        job()
        if time.perf_counter() - start > slow:
            repeats = 1
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
        if times[0] > slow:
            break
    return statistics.median(times), len(times)


def bench_size(size: str, *, repeats: int, slow: float, networkx_jobs: set[str]) -> list[Row]:
    network = generate_demo(size=size)
    nodes, ties = len(network.nodes), count_ties(network)
    print(f"{size}: {nodes:,} nodes, {ties:,} ties", file=sys.stderr)
    projection, _ = timed(lambda: network_to_graph(network), repeats=repeats, slow=slow, warm=False)
    rows = [Row(size, "projection (network_to_graph)", projection, None, f"{nodes:,} nodes / {ties:,} ties")]
    G = network_to_graph(network)
    start = time.perf_counter()
    social_graph(G), actor_graph(G), introduction_graph(G), directed_actor_graph(G)
    rows.append(Row(size, "views (built once, cached)", time.perf_counter() - start, None))
    report = {
        "tg-loneliness": gap_report(G, "tg-loneliness"),
        "tg-several-challenges": gap_report(G, "tg-several-challenges"),
    }
    jobs: list[tuple[str, Job, str]] = [
        ("brokers school→leisure (actors)", lambda e: rank_brokers(G, engine=e), ""),
        (
            "brokers school→leisure (+young people)",
            lambda e: rank_brokers(G, include_young_people=True, engine=e),
            "",
        ),
        (
            "gap report tg-loneliness",
            lambda e: gap_report(G, "tg-loneliness", engine=e),
            f"{len(report['tg-loneliness'].members.members)} members",
        ),
        (
            "gap report tg-several-challenges",
            lambda e: gap_report(G, "tg-several-challenges", engine=e),
            f"{len(report['tg-several-challenges'].members.members)} members",
        ),
        (
            "recommendations tg-loneliness",
            lambda e: recommend_partners(G, report["tg-loneliness"]),
            "no engine choice",
        ),
        (
            "recommendations tg-several-challenges",
            lambda e: recommend_partners(G, report["tg-several-challenges"]),
            "no engine choice",
        ),
        (
            "communities (Louvain, social graph)",
            lambda e: detect_communities(G, engine=e),
            "networkx = python-louvain",
        ),
        (
            "node metrics, municipal units",
            lambda e: node_metrics(G, kind="MunicipalUnit", engine=e),
            # node_metrics' default: exact up to 5,000 nodes, else 256 sampled sources.
            "exact betweenness"
            if social_graph(G).number_of_nodes() <= 5000
            else "betweenness from 256 sampled sources",
        ),
    ]
    for name, job, note in jobs:
        fast, _ = timed(lambda job=job: job("auto"), repeats=repeats, slow=slow)
        slow_time: float | None = None
        if name.split(" ")[0] in networkx_jobs and note != "no engine choice":
            slow_time, n = timed(lambda job=job: job("networkx"), repeats=repeats, slow=slow, warm=False)
            if n == 1 and repeats > 1:
                note = (note + "; " if note else "") + "NetworkX timed once"
        rows.append(Row(size, name, fast, slow_time, note))
        print(f"  {name}: {fast:.3f} s", file=sys.stderr)
    return rows


def print_table(rows: list[Row]) -> None:
    print("| size | job | fast path (s) | plain NetworkX (s) | speed-up | note |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for r in rows:
        nx_text = f"{r.networkx:.3f}" if r.networkx is not None else "—"
        speed = f"{r.networkx / r.fast:.1f}×" if r.networkx is not None and r.fast else "—"
        print(f"| {r.size} | {r.job} | {r.fast:.3f} | {nx_text} | {speed} | {r.note} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--large", action="store_true", help="also the ~150,000-node region")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--slow", type=float, default=5.0, help="run a job only once when a run takes longer than this"
    )
    args = parser.parse_args(argv)
    everything = {"brokers", "gap", "recommendations", "communities", "node"}
    rows = bench_size("small", repeats=args.repeats, slow=args.slow, networkx_jobs=everything)
    rows += bench_size("medium", repeats=args.repeats, slow=args.slow, networkx_jobs=everything)
    if args.large:
        # Plain NetworkX needs tens of minutes per job at region scale; the fast path only.
        rows += bench_size("large", repeats=max(1, args.repeats // 2), slow=args.slow, networkx_jobs=set())
    print_table(rows)


if __name__ == "__main__":
    main()
