"""Time of a backup and of a restore (one transaction) of the demo municipality.

    .venv/bin/python bench/backup_bench.py [--size medium]

Starts its own local Neo4j (in a temporary folder, unless NEO4J_URI is set), loads the demo
municipality, backs it up, restores it into an empty tenant and again with --replace (old data
deleted in the same transaction), and prints the times, the file size and the counts.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from pathlib import Path

from graphsvc.backup import backup_tenant, restore_tenant
from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.schema import apply_schema
from graphsvc.local_neo4j import free_port, start_child
from graphsvc.services.networks import load_demo
from graphsvc.services.scope import command_line_caller, open_scope


async def measure(settings: Settings, size: str, folder: Path) -> None:
    tenant, copy = f"bench-{size}", f"bench-{size}-restored"
    file = folder / f"{tenant}.jsonl.gz"
    async with opened(settings) as store:
        await apply_schema(store)
        await load_demo(open_scope(store, command_line_caller(tenant)), size=size, seed=2635)
        started = time.perf_counter()
        backup = await backup_tenant(store, tenant, file)
        print(
            f"backup of '{size}': {backup.nodes:,} nodes, {backup.relationships:,} "
            f"relationships, {backup.bytes / 1e6:.2f} MB in {time.perf_counter() - started:.1f} s"
        )
        restored = await restore_tenant(store, file, tenant=copy)
        print(f"restore into an empty tenant (one transaction): {restored.seconds:.1f} s")
        replaced = await restore_tenant(store, file, tenant=copy, replace=True)
        print(
            f"restore with --replace ({replaced.replaced:,} nodes deleted in the same "
            f"transaction): {replaced.seconds:.1f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="medium", choices=["small", "medium", "large"])
    args = parser.parse_args()
    settings, server = Settings(), None
    folder = Path(tempfile.mkdtemp(prefix="graphsvc-backup-bench-"))
    if settings.uses_local_neo4j:
        server = start_child(settings, data_dir=folder / "neo4j", port=free_port())
        settings = Settings(NEO4J_URI=server.uri, NEO4J_PASSWORD=None)
    try:
        asyncio.run(measure(settings, args.size, folder))
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
