"""A tenant backed up and restored is the same tenant: every node with all its labels and
properties (with their Neo4j types), every relationship with its type and properties."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from graphsvc import __version__
from graphsvc.backup import CREDENTIAL_LABELS, FORMAT_VERSION, backup_tenant, restore_tenant
from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.tenant_state import data_version
from graphsvc.domain import Network
from tests.tenant_contents import Contents

pytestmark = pytest.mark.neo4j

Read = Callable[[str], Awaitable[Any]]

# Nodes of labels beyond the network (saved views, snapshots, audit entries, users, tokens),
# without the Node label, with a property of every type Neo4j stores, tied to each other
# and to the network; and one node of another tenant, tied to them, which is not theirs.
EXTRAS = """
MATCH (club:Node {tenant: $tenant, id: $anchor})
CREATE (v:MapView {tenant: $tenant, id: 'view-1', title: 'Skole ↔ fritid "2025"',
          zoom: 1.5, nodes: ['a', 'b'], sizes: [1, 2, 3], weights: [0.5, 2.0], empty: [],
          shared: true, big: 9223372036854775807, small: -9223372036854775808,
          nan: 0.0 / 0.0, inf: 1.0 / 0.0})
CREATE (s:Snapshot {tenant: $tenant, id: 'snap-1', taken_on: date('2025-03-01'),
          taken_at: datetime('2025-03-01T10:15:30.123456789Z'),
          zoned: datetime('2024-10-27T02:30:00+01:00[Europe/Copenhagen]'),
          dst: datetime('2024-10-27T02:30:00+02:00[Europe/Copenhagen]'),
          utc_zone: datetime('2025-03-01T10:15:30[UTC]'),
          offset: datetime('2025-03-01T10:15:30-03:30'),
          local: localdatetime('2025-03-01T10:15:30.5'), at: time('10:15:30+01:00'),
          local_time: localtime('10:15:30.000000001'), took: duration('P1Y2M3DT4H5M6.7S'),
          place: point({latitude: 55.6, longitude: 12.5}), spot: point({x: 1, y: 2, z: 3}),
          times: [datetime('2025-01-01T00:00Z'), datetime('2025-01-02T00:00[Europe/Paris]')],
          days: [date('2025-01-01'), date('2025-01-02')]})
CREATE (a:AuditEntry {tenant: $tenant, seq: 1, who: 'anna', what: 'createActor',
          before: null, after: '{"name": "Klub"}', at: datetime('2025-03-01T10:15:30Z')})
CREATE (u:ApiUser {tenant: $tenant, name: 'anna', role: 'coordinator'})
CREATE (raw:Unlabelled {tenant: $tenant, blob: $blob})
CREATE (v)-[:SHOWS {weight: 2, since: date('2025-01-01'), tags: ['x', 'y']}]->(club)
CREATE (s)-[:SHOWS]->(v)
CREATE (s)-[:SHOWS]->(v)
CREATE (a)-[:ABOUT {field: 'name'}]->(club)
CREATE (club)-[:SELF_NOTE]->(club)
CREATE (raw)-[:IN]->(v)
CREATE (other:MapView {tenant: $other, id: 'view-1'})
CREATE (other)-[:SHOWS]->(v)
CREATE (v)-[:SHOWS]->(other)
"""


async def add_extras(store: GraphStore, tenant: str, anchor: str) -> None:
    async with store.driver.session(database=store.database) as session:
        await (
            await session.run(
                EXTRAS,
                tenant=tenant,
                anchor=anchor,
                other=tenant + "-other",
                blob=bytearray(b"\x00\x01\xfe\xff graphsvc"),
            )
        ).consume()


async def test_small_demo_with_nodes_of_other_labels_round_trips(
    store: GraphStore, small_demo: str, tenant: str, tmp_path: Path, contents: Read
) -> None:
    # The small demo, restored into a tenant of its own (the shared one is read-only). A copy
    # into another tenant leaves out tokens and share links, which other tests of the run may
    # have made in the demo tenant.
    demo_file = tmp_path / "demo.jsonl.gz"
    await backup_tenant(store, small_demo, demo_file)
    demo_copy = await restore_tenant(store, demo_file, tenant=tenant)
    assert await contents(tenant) == without_credentials(await contents(small_demo))
    # graphsvc reads the copy as the same network.
    assert (await NetworkRepository(store).read(tenant)).ties == (
        await NetworkRepository(store).read(small_demo)
    ).ties

    await add_extras(store, tenant, anchor=await _any_node(store, tenant))
    before = await contents(tenant)
    assert sum(before[0].values()) == demo_copy.nodes + 5

    file = tmp_path / "tenant.jsonl.gz"
    summary = await backup_tenant(store, tenant, file)
    assert (summary.nodes, summary.relationships) == (demo_copy.nodes + 5, demo_copy.relationships + 6)
    with gzip.open(file, "rt", encoding="utf-8") as text:
        header = json.loads(text.readline())
    assert header | {"created_at": None} == {
        "format": "graphsvc-backup",
        "format_version": FORMAT_VERSION,
        "tenant": tenant,
        "nodes": summary.nodes,
        "relationships": summary.relationships,
        "graphsvc_version": __version__,
        "created_at": None,
    }

    copy = tenant + "-copy"
    restored = await restore_tenant(store, file, tenant=copy)
    assert (restored.tenant, restored.nodes, restored.relationships) == (
        copy,
        summary.nodes,
        summary.relationships,
    )
    assert await contents(copy) == before


def without_credentials(held: Contents) -> Contents:
    """What a tenant holds, less the credential nodes (and their ties) a copy leaves out."""

    def credential(node: tuple[Any, ...]) -> bool:
        return bool(CREDENTIAL_LABELS.intersection(node[0]))

    nodes, ties = held
    return (
        Counter({n: k for n, k in nodes.items() if not credential(n)}),
        Counter({t: k for t, k in ties.items() if not (credential(t[0]) or credential(t[2]))}),
    )


async def _any_node(store: GraphStore, tenant: str) -> str:
    records = await store.query("networks/known_kinds", tenant=tenant)
    return str(records[0]["id"])


async def test_restore_with_replace_brings_back_the_backed_up_state_with_a_new_version(
    store: GraphStore, tenant: str, small_town: Callable[[str], Network], tmp_path: Path, contents: Read
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    await add_extras(store, tenant, anchor="club")
    backed_up = await contents(tenant)
    file = tmp_path / "backup.gz"
    await backup_tenant(store, tenant, file)

    async with store.driver.session(database=store.database) as session:
        await (
            await session.run(
                """MATCH (c:Node {tenant: $tenant, id: 'club'}) SET c.name = 'Renamed'
               WITH c MATCH (c)-[r:REFERS_TO]-() DELETE r
               WITH DISTINCT 1 AS one CREATE (:Node:Actor {tenant: $tenant, id: 'new'})""",
                tenant=tenant,
            )
        ).consume()
    assert await contents(tenant) != backed_up
    version = await data_version(store, tenant)

    summary = await restore_tenant(store, file, replace=True)
    assert summary.tenant == tenant and summary.replaced == sum(backed_up[0].values()) + 1
    assert await contents(tenant) == backed_up
    assert await data_version(store, tenant) not in (None, version)


async def test_tokens_come_back_to_their_own_tenant_and_stay_out_of_a_copy(
    store: GraphStore, tenant: str, tmp_path: Path, contents: Read
) -> None:
    async with store.driver.session(database=store.database) as session:
        await (
            await session.run(
                """CREATE (u:ApiUser {tenant: $tenant, name: 'anna', role: 'admin'})
               CREATE (t:ApiToken {tenant: $tenant, user: 'anna', hash: $hash, token_id: 'abc'})
               CREATE (l:ShareLink {tenant: $tenant, hash: $hash + '-link'})
               CREATE (u)-[:HOLDS]->(t)""",
                tenant=tenant,
                hash=f"h-{tenant}",
            )
        ).consume()
    backed_up = await contents(tenant)
    file = tmp_path / "backup.gz"
    await backup_tenant(store, tenant, file)

    copy = await restore_tenant(store, file, tenant=tenant + "-copy")
    assert (copy.nodes, copy.relationships, copy.left_out) == (1, 0, 2)
    labels = {labels for (labels, _) in (await contents(tenant + "-copy"))[0]}
    assert labels == {("ApiUser",)}

    same = await restore_tenant(store, file, replace=True)
    assert (same.nodes, same.relationships, same.left_out) == (3, 1, 0)
    assert await contents(tenant) == backed_up


async def test_an_empty_tenant_backs_up_and_restores_as_empty(
    store: GraphStore, tenant: str, tmp_path: Path, contents: Read
) -> None:
    file = tmp_path / "empty.gz"
    summary = await backup_tenant(store, tenant, file)
    assert (summary.nodes, summary.relationships) == (0, 0)
    restored = await restore_tenant(store, file, tenant=tenant + "-copy")
    assert (restored.nodes, restored.relationships) == (0, 0)
    assert await contents(tenant + "-copy") == await contents(tenant)
