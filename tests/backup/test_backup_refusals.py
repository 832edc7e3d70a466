"""A restore that cannot be done completely is refused and writes nothing: a tenant that holds
data (without --replace), a damaged, cut-off, foreign or newer file, a record that breaks a rule
of the database half-way through."""

from __future__ import annotations

import gzip
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from graphsvc.backup import backup_tenant, restore_tenant
from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.tenant_state import data_version
from graphsvc.domain import Network
from graphsvc.errors import Conflict, InvalidInput

pytestmark = pytest.mark.neo4j

Read = Callable[[str], Awaitable[Any]]


@pytest.fixture
async def backup_file(
    store: GraphStore, tenant: str, small_town: Callable[[str], Network], tmp_path: Path
) -> Path:
    """A good backup of the small town, taken from a tenant of its own."""
    source = tenant + "-source"
    await NetworkRepository(store).write(small_town(source))
    file = tmp_path / "town.jsonl.gz"
    await backup_tenant(store, source, file)
    return file


def _lines(file: Path) -> list[dict[str, Any]]:
    with gzip.open(file, "rt", encoding="utf-8") as text:
        return [json.loads(line) for line in text]


def _write(file: Path, lines: list[dict[str, Any]]) -> Path:
    with gzip.open(file, "wt", encoding="utf-8") as text:
        text.writelines(json.dumps(line) + "\n" for line in lines)
    return file


async def test_a_tenant_holding_data_is_kept_unless_replace_is_asked_for(
    store: GraphStore, tenant: str, small_town: Callable[[str], Network], backup_file: Path, contents: Read
) -> None:
    await store.query(
        "nodes/create_node",
        write=True,
        tenant=tenant,
        labels=["Node", "Area"],
        props={"id": "mine", "name": "Min by", "area_type": "town"},
    )
    before, version = await contents(tenant), await data_version(store, tenant)
    with pytest.raises(Conflict, match=rf"tenant '{tenant}' already holds 1 nodes.*--replace"):
        await restore_tenant(store, backup_file, tenant=tenant)
    assert await contents(tenant) == before
    assert await data_version(store, tenant) == version


def _damage(kind: str, file: Path, target: Path) -> Path:
    raw = file.read_bytes()
    lines = _lines(file)
    if kind == "not gzip":
        target.write_bytes(b"id,name\nclub,Klatreklub\n")
    elif kind == "cut off":
        target.write_bytes(raw[: len(raw) * 2 // 3])
    elif kind == "bit flipped":
        target.write_bytes(raw[:-12] + bytes([raw[-12] ^ 0xFF]) + raw[-11:])
    elif kind == "not ours":
        _write(target, [{"format": "something-else"}, *lines[1:]])
    elif kind == "newer format":
        _write(target, [lines[0] | {"format_version": 2}, *lines[1:]])
    elif kind == "line lost":
        _write(target, lines[:-1])
    elif kind == "node lost":
        _write(target, [*lines[:3], *lines[4:]])
    elif kind == "bad label":
        lines[2]["labels"] = ["Node", "Actor) DETACH DELETE (m"]
        _write(target, lines)
    elif kind == "bad relationship type":
        lines[-2]["rel"] = "KNOWS`]->() //"
        _write(target, lines)
    elif kind == "bad value":
        lines[-3]["props"] = {"since": ["int", "2020"]}
        _write(target, lines)
    elif kind == "unknown end":
        lines[-1]["to"] = 999
        _write(target, lines)
    elif kind == "not json":
        target.write_bytes(gzip.compress(gzip.decompress(raw).replace(b'"props"', b"props", 1)))
    return target


DAMAGE = {
    "not gzip": "not a graphsvc backup (not a gzip file)",
    "cut off": "damaged or incomplete",
    "bit flipped": "damaged or incomplete",
    "not ours": "not a graphsvc backup",
    "newer format": "backup format version 2; this graphsvc reads version 1",
    "line lost": "is incomplete: it holds {nodes} nodes and {less} relationships, its header "
    "promises {nodes} and {relationships}",
    "node lost": "line 4: node 3 comes where node 2 should: a line is missing or out of order",
    "bad label": "line 3: label 'Actor) DETACH DELETE (m' is not a plain name",
    "bad relationship type": "relationship type 'KNOWS`]->() //' is not a plain name",
    "bad value": "property 'since': '2020' is not a valid int value",
    "unknown end": "it names node 999, which the file does not hold",
    "not json": "line 2 is not JSON",
}


@pytest.mark.parametrize("kind", DAMAGE)
async def test_a_damaged_file_is_refused_and_nothing_changes(
    store: GraphStore,
    tenant: str,
    small_town: Callable[[str], Network],
    backup_file: Path,
    tmp_path: Path,
    contents: Read,
    kind: str,
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    before, version = await contents(tenant), await data_version(store, tenant)
    damaged = _damage(kind, backup_file, tmp_path / "damaged.gz")
    with pytest.raises(InvalidInput) as refused:
        await restore_tenant(store, damaged, tenant=tenant, replace=True)
    counts = _lines(backup_file)[0]
    assert DAMAGE[kind].format(
        nodes=counts["nodes"], relationships=counts["relationships"], less=counts["relationships"] - 1
    ) in str(refused.value)
    assert await contents(tenant) == before
    assert await data_version(store, tenant) == version
    # Into an empty tenant neither.
    with pytest.raises(InvalidInput):
        await restore_tenant(store, damaged, tenant=tenant + "-empty")
    assert await contents(tenant + "-empty") == await contents(tenant + "-never-used")


async def test_a_failure_half_way_through_rolls_back_the_replace_too(
    store: GraphStore,
    tenant: str,
    small_town: Callable[[str], Network],
    backup_file: Path,
    tmp_path: Path,
    contents: Read,
) -> None:
    # Two nodes with one id: the file is well formed, the database refuses the second node, in
    # the middle of the restore, after the tenant's old nodes were deleted in the same transaction.
    lines = _lines(backup_file)
    nodes = [line for line in lines if "node" in line]
    twin = nodes[3] | {"node": len(nodes)}
    header = lines[0] | {"nodes": len(nodes) + 1}
    twice = _write(tmp_path / "twice.gz", [header, *nodes, twin, *[line for line in lines if "rel" in line]])
    await NetworkRepository(store).write(small_town(tenant))
    before, version = await contents(tenant), await data_version(store, tenant)
    with pytest.raises(
        Conflict, match="the restore was undone: a node in the backup has the same unique key"
    ):
        await restore_tenant(store, twice, tenant=tenant, replace=True)
    assert await contents(tenant) == before
    assert await data_version(store, tenant) == version
