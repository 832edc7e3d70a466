"""``graphsvc backup`` and ``graphsvc restore`` against the test Neo4j."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Network
from tests.cli.conftest import run

pytestmark = [pytest.mark.neo4j, pytest.mark.usefixtures("cli_env")]


async def run_beside(*args: str) -> tuple[int, str]:
    """``run`` from an async test: a command runs its own event loop, so in a thread of its own."""
    return await asyncio.to_thread(run, *args)


async def test_backup_then_restore_into_a_new_tenant_and_in_place(
    store: GraphStore, tenant: str, small_town: Callable[[str], Network], tmp_path: Path
) -> None:
    network = small_town(tenant)
    await NetworkRepository(store).write(network)
    file = tmp_path / "town.jsonl.gz"
    code, out = await run_beside("backup", "--tenant", tenant, str(file))
    assert code == 0, out
    # The network and whatever else the tenant holds (the audit entry of the write, for one).
    counted = re.search(rf"Backed up tenant '{tenant}' to .*: (\d+) nodes and (\d+) relationships", out)
    assert counted is not None, out
    nodes, relationships = int(counted[1]), int(counted[2])
    assert nodes >= len(network.nodes) and relationships >= len(network.ties)

    copy = tenant + "-copy"
    code, out = await run_beside("restore", str(file), "--tenant", copy)
    assert code == 0, out
    assert f"into tenant '{copy}': {nodes} nodes and {relationships} relationships" in out
    copied = await NetworkRepository(store).read(copy)
    assert sorted(t.model_dump_json() for t in copied.ties) == sorted(
        t.model_dump_json() for t in (await NetworkRepository(store).read(tenant)).ties
    )

    code, out = await run_beside("restore", str(file))
    assert code == 1
    assert f"error: tenant '{tenant}' already holds {nodes} nodes" in out
    code, out = await run_beside("restore", str(file), "--replace")
    assert code == 0 and f"replacing {nodes} nodes" in out, out


def test_restore_of_a_file_that_is_no_backup_is_one_plain_sentence(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("not a backup")
    code, out = run("restore", str(file), "--tenant", "anything")
    assert code == 1
    assert out == "error: notes.txt is not a graphsvc backup (not a gzip file)"
    code, out = run("restore", str(tmp_path / "missing.gz"))
    assert code == 1 and "there is no file" in out
