"""How long an import takes and how much memory it needs: a 60,000-row actor spreadsheet, and
the demo municipality as one GraphML file through the one import path, beside the direct
GraphML reader it replaced for the command line.

    .venv/bin/python bench/import_bench.py [--size large] [--rows 60000]

Starts its own local Neo4j (in a temporary folder, unless NEO4J_URI is set) and writes the files
into that folder. Each import runs in a process of its own into an empty tenant, so that its
peak memory (the process's maximum resident set) is its own. It prints, with the aims:

* the spreadsheet: its dry run and its import, seconds and peak memory (aim < 20 s);
* the GraphML file (157,000 nodes and a million ties at ``--size large``): the import path
  and the direct reader back to back, seconds, peak memory and the ratio (aim < 3 min and
  under 2 GB for the import path).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graphsvc.auth import Role
from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.schema import apply_schema
from graphsvc.local_neo4j import free_port, start_child

AIM_SPREADSHEET_S, AIM_GRAPHML_S, AIM_PEAK_GB = 20.0, 180.0, 2.0
SECTORS = ("civilsamfund", "offentlig", "erhverv", "fond")


def _spreadsheet(path: Path, rows: int) -> None:
    lines = ["navn;sektor;arenaer;kategori;beskrivelse"]
    lines += [
        f"Aktør {i:06d};{SECTORS[i % len(SECTORS)]};fritid|skole;Forening;Beskrivelse af aktør {i}"
        for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _graphml(path: Path, size: str) -> tuple[int, int]:
    from graphsvc.demo import generate_demo
    from graphsvc.io.graphml import write_graphml

    network = generate_demo(tenant="bench", size=size, seed=7)
    write_graphml(network, path)
    return len(network.nodes), len(network.ties)


async def _child(case: str, uri: str, file: Path, tenant: str, dry_run: bool) -> dict[str, object]:
    """One import, timed (runs in a process of its own)."""
    from graphsvc.io.graphml_format import NETWORK_IMPORT_MAX_BYTES
    from graphsvc.services.imports import ImportOptions, import_file
    from graphsvc.services.networks import import_graphml
    from graphsvc.services.scope import command_line_caller, open_scope

    settings = Settings(NEO4J_URI=uri, NEO4J_PASSWORD=None)
    async with opened(settings) as store:
        scope = open_scope(store, command_line_caller(tenant, Role.ADMIN))
        started = time.perf_counter()
        if case == "direct":
            summary = await import_graphml(scope, file, max_bytes=NETWORK_IMPORT_MAX_BYTES)
            ties = summary.get("ties", 0) + summary.get("located", 0)
            outcome = f"{summary.get('nodes', 0):,} nodes, {ties:,} ties"
        else:
            options = ImportOptions(dry_run=dry_run, network_max_bytes=NETWORK_IMPORT_MAX_BYTES)
            report = await import_file(scope, file, file_name=file.name, options=options)
            if report.errors:
                raise SystemExit(f"{case}: {report.summary()} {[str(e) for e in report.errors[:3]]}")
            outcome = report.summary()
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    return {"seconds": seconds, "peak_bytes": peak, "outcome": outcome}


def _run(case: str, uri: str, file: Path, tenant: str, *, dry_run: bool = False) -> dict[str, object]:
    command = [
        sys.executable,
        __file__,
        "--child",
        case,
        "--uri",
        uri,
        "--file",
        str(file),
        "--tenant",
        tenant,
    ]
    command += ["--dry-run"] if dry_run else []
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{case} failed:\n{result.stderr[-3000:]}")
    answer: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def _line(name: str, result: dict[str, object], aim_s: float | None = None) -> str:
    seconds, peak = float(result["seconds"]), int(result["peak_bytes"])  # type: ignore[arg-type]
    aim = f"  (aim < {aim_s:.0f} s: {'met' if seconds < aim_s else 'NOT met'})" if aim_s else ""
    return f"  {name:<34} {seconds:8.1f} s   peak {peak / 2**30:5.2f} GB{aim}\n      {result['outcome']}"


async def _prepare(settings: Settings) -> None:
    async with opened(settings) as store:
        await apply_schema(store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="large", choices=["small", "medium", "large"])
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--skip", choices=["spreadsheet", "graphml"], help="leave one of the two out")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--uri", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tenant", help=argparse.SUPPRESS)
    parser.add_argument("--dry-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(_child(args.child, args.uri, args.file, args.tenant, args.dry_run))))
        return
    settings, server = Settings(), None
    folder = Path(tempfile.mkdtemp(prefix="graphsvc-import-bench-"))
    if settings.uses_local_neo4j:
        server = start_child(settings, data_dir=folder / "neo4j", port=free_port())
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
    try:
        asyncio.run(_prepare(settings))
        uri = settings.neo4j_uri
        if args.skip != "spreadsheet":
            sheet = folder / "aktoerer.csv"
            _spreadsheet(sheet, args.rows)
            print(f"Spreadsheet: {args.rows:,} actor rows, {sheet.stat().st_size / 1e6:.1f} MB")
            print(_line("dry run", _run("spreadsheet", uri, sheet, "sheet-dry", dry_run=True)))
            print(_line("import", _run("spreadsheet", uri, sheet, "sheet"), AIM_SPREADSHEET_S))
        if args.skip == "graphml":
            return
        network_file = folder / "demo.graphml"
        nodes, ties = _graphml(network_file, args.size)
        megabytes = network_file.stat().st_size / 1e6
        print(f"GraphML: the {args.size} demo, {nodes:,} nodes, {ties:,} ties, {megabytes:.0f} MB")
        new = _run("import-path", uri, network_file, "graphml-new")
        old = _run("direct", uri, network_file, "graphml-old")
        print(_line("import path (graphsvc import)", new, AIM_GRAPHML_S))
        print(_line("direct GraphML reader (before)", old))
        ratio = float(new["seconds"]) / float(old["seconds"])  # type: ignore[arg-type]
        peak_ok = int(new["peak_bytes"]) < AIM_PEAK_GB * 2**30  # type: ignore[arg-type]
        print(
            f"  import path / direct reader: {ratio:.2f}x the time; peak memory aim < {AIM_PEAK_GB:.0f} GB: "
            f"{'met' if peak_ok else 'NOT met'}"
        )
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
