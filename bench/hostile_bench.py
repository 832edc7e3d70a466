"""Hostile requests against the running API, each while a second client keeps asking simple
questions: how long each takes to be refused, in which words, and what the simple questions'
latency was meanwhile.

    .venv/bin/python bench/hostile_bench.py [--workers 2] [--size small]

Starts its own local Neo4j (in a temporary folder, unless NEO4J_URI is set), loads the demo
municipality, serves the API as `graphsvc serve --workers N` does, then sends, one at a time:
the fragment fan-out (nine fragments each spread ten times: a billion fields once expanded),
ties nested three deep under a page of 20 actors, a batch of 1,000 queries, 20 aliased gap
reports, and an XLSX workbook of 5 million rows (1.6 MB that unpack to 485 MB) as a dry
run over POST /imports. Aims: each refused with a reason in < 2 s; the simple questions' p95
< 200 ms meanwhile; no 500.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import httpx

from graphsvc.auth.users import add_user
from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.schema import apply_schema
from graphsvc.demo import PLANTED_GAPS
from graphsvc.local_neo4j import free_port, start_child
from graphsvc.services.networks import load_demo
from graphsvc.services.scope import command_line_caller, open_scope

REPO = Path(__file__).resolve().parent.parent
FAN_OUT = (
    "query { ...F0 } fragment F0 on Query { actorCounts { count } "
    + "".join(
        f"...F{i + 1} " * 10 + f"}} fragment F{i + 1} on Query {{ actorCounts {{ count }} " for i in range(8)
    )
    + "}"
)
NESTED = (
    "{ actors(first: 20) { edges { node { ties { other { ties { other { ties { other { id } } } } } } } } } }"
)
SIMPLE = "{ actorCounts { kind count } }"


def _aliased_gap_reports() -> str:
    tg = PLANTED_GAPS.target_group_missing_sector[0]
    return (
        "{ " + " ".join(f'g{i}: gapReport(targetGroupId: "{tg}") {{ memberCount }}' for i in range(20)) + " }"
    )


def million_row_workbook(rows: int = 5_000_000) -> bytes:
    """A minimal XLSX whose one sheet has ``rows`` rows of one short cell."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"/>',
        )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheets><sheet name="Ark1" sheetId="1"/></sheets></workbook>',
        )
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet><sheetData>')
            # Rows need no number (r): identical rows, as a crafted file has them, pack tightly.
            cell = b'<c t="inlineStr"><is><t>Forening</t></is></c>'
            row = b"<row>" + cell + cell.replace(b"Forening", b"civil") + b"</row>"
            block = 100_000
            for start in range(0, rows, block):
                sheet.write(row * min(block, rows - start))
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


async def _simple_client(
    http: httpx.AsyncClient, headers: dict[str, str], stop: asyncio.Event, latencies: list[float]
) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        response = await http.post("/graphql", json={"query": SIMPLE}, headers=headers)
        assert response.status_code == 200 and "errors" not in response.json(), response.text
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(0.02)


async def _one(base: str, token: str, name: str, send: Any) -> tuple[str, float, int, str, list[float]]:
    headers = {"Authorization": f"Bearer {token}"}
    latencies: list[float] = []
    stop = asyncio.Event()
    async with (
        httpx.AsyncClient(base_url=base, timeout=120) as simple,
        httpx.AsyncClient(base_url=base, timeout=600) as hostile,
    ):
        background = asyncio.create_task(_simple_client(simple, headers, stop, latencies))
        await asyncio.sleep(0.5)
        started = time.perf_counter()
        response = await send(hostile, headers)
        took = time.perf_counter() - started
        await asyncio.sleep(0.3)
        stop.set()
        await background
    body = response.json()
    words = str(body)
    if isinstance(body, dict) and body.get("detail"):
        words = body["detail"]
    elif isinstance(body, dict) and isinstance(body.get("errors"), list):
        words = body["errors"][0].get("message", words)
    elif isinstance(body, dict) and body.get("entries"):  # an import's report: its first finding
        entry = body["entries"][0]
        words = f"{entry.get('severity', '')}: {entry.get('problem', entry)}"
    return name, took, response.status_code, str(words)[:150], latencies


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000 if ordered else 0.0


async def run(base: str, token: str, workbook: bytes) -> None:
    def graphql(query: str) -> Any:
        return lambda http, headers: http.post("/graphql", json={"query": query}, headers=headers)

    batch = [{"query": SIMPLE} for _ in range(1000)]
    cases = [
        ("fragment fan-out", graphql(FAN_OUT)),
        ("nested ties", graphql(NESTED)),
        ("1,000-query batch", lambda http, headers: http.post("/graphql", json=batch, headers=headers)),
        ("20 aliased gap reports", graphql(_aliased_gap_reports())),
        (
            "5-million-row XLSX",
            lambda http, headers: http.post(
                "/imports",
                params={"dry_run": "true", "kind": "actors"},
                files={"file": ("aktører.xlsx", workbook)},
                headers=headers,
            ),
        ),
    ]
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:  # every worker warm
        for _ in range(20):
            await http.post("/graphql", json={"query": SIMPLE}, headers={"Authorization": f"Bearer {token}"})
    print(f"{'request':<24}{'refused in':>11}{'status':>8}{'simple p95 ms':>15}{'simple n':>10}  words")
    for name, send in cases:
        name, took, status, words, latencies = await _one(base, token, name, send)
        print(
            f"{name:<24}{took * 1000:>9.0f}ms{status:>8}{_p95(latencies):>15.1f}{len(latencies):>10}  {words}"
        )
    baseline: list[float] = []
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        stop = asyncio.Event()
        task = asyncio.create_task(_simple_client(http, {"Authorization": f"Bearer {token}"}, stop, baseline))
        await asyncio.sleep(3)
        stop.set()
        await task
    median = statistics.median(baseline) * 1000
    print(f"simple questions alone: p50 {median:.1f} ms, p95 {_p95(baseline):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="small", choices=["small", "medium"])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    started = time.perf_counter()
    workbook = million_row_workbook()
    print(
        f"5-million-row workbook: {len(workbook) / 1e6:.1f} MB, made in {time.perf_counter() - started:.1f} s"
    )
    settings, server = Settings(), None
    data = Path(tempfile.mkdtemp(prefix="graphsvc-hostile-"))
    if settings.uses_local_neo4j:
        server = start_child(settings, data_dir=data, port=free_port())
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
    api = None
    try:
        tenant = f"hostile-{args.size}"

        async def prepare() -> str:
            async with opened(settings) as store:
                await apply_schema(store)
                await load_demo(open_scope(store, command_line_caller(tenant)), size=args.size, seed=2635)
                return (await add_user(store, tenant, f"bench-{int(time.time())}", "coordinator")).secret

        token = asyncio.run(prepare())
        port = free_port()
        env = dict(os.environ, NEO4J_URI=settings.bolt_uri, GRAPHSVC_PORT=str(port), PYTHONPATH=str(REPO))
        env.pop("NEO4J_PASSWORD", None)
        api = subprocess.Popen(
            [sys.executable, "-m", "graphsvc.cli", "serve", "--workers", str(args.workers)],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/readyz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or api.poll() is not None:
                raise SystemExit("the API did not start")
            time.sleep(0.5)
        asyncio.run(run(base, token, workbook))
    finally:
        if api is not None:
            api.terminate()
            api.wait(timeout=30)
        if server is not None:
            server.stop()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
