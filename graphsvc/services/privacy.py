"""The rights of the people in the graph: erasure, and everything held about one of them.

Only young people and contact persons are people; actors, areas and the rest are not personal
data and are deleted the ordinary way. Erasure deletes the person with every tie, blanks the
audit log's copies of their record (who did what and when is kept), and drops this process's
cached projection at once (other processes see the new data version on their next read).
Snapshots hold no individual people, so they never need rewriting. Both need an admin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.auth import Role
from graphsvc.db.driver import run
from graphsvc.db.mapping import kind_from_labels, node_from_record
from graphsvc.db.tenant_state import bump_version
from graphsvc.db.weaving_tasks import forget_person
from graphsvc.domain import Kind, Node
from graphsvc.errors import InvalidInput, NotFound
from graphsvc.services.audience import PERSON_KINDS
from graphsvc.services.projection import cache_for
from graphsvc.services.scope import Scope

__all__ = ["PERSON_KINDS", "Erasure", "ErasurePlan", "erase_person", "erasure_plan", "personal_data"]


@dataclass(frozen=True)
class Erasure:
    id: str
    kind: Kind
    ties_removed: int
    audit_entries_redacted: int


@dataclass(frozen=True)
class ErasurePlan:
    """What erasing a person would remove, told before it is done: the person, their ties by
    type (as many as the erasure reports), and the audit entries whose copies of their record
    would be blanked. Saved map views and snapshots never hold an individual person, so an
    erasure leaves them as they are (a map drawn later simply no longer shows the person)."""

    id: str
    name: str
    kind: Kind
    ties: dict[str, int]
    audit_entries: int

    @property
    def tie_count(self) -> int:
        return sum(self.ties.values())


async def _person(tx: AsyncManagedTransaction, tenant: str, node_id: str) -> Node:
    records = await run(tx, "nodes/get_node", tenant=tenant, id=node_id)
    if not records:
        raise NotFound(f"there is no node with id {node_id!r}")
    node = node_from_record(records[0]["labels"], records[0]["props"], records[0]["area"])
    if node.kind not in PERSON_KINDS:
        raise InvalidInput(
            f"{node_id!r} is not a person (it is {node.kind.value}): erasure and "
            "access exports are for young people and contact persons"
        )
    return node


async def erase_person(scope: Scope, node_id: str) -> Erasure:
    """Remove a young person or contact person everywhere graphsvc holds them."""
    scope.require(Role.ADMIN)
    store, tenant = scope.store, scope.tenant

    async def work(tx: AsyncManagedTransaction) -> Erasure:
        node = await _person(tx, tenant, node_id)
        removed = await run(tx, "nodes/delete_node", tenant=tenant, id=node_id)
        # Weaving tasks that name them keep their two organisations, not the person.
        await forget_person(tx, tenant, node_id, [node_id, node.name, *_contact_words(node)])
        redacted = await audit.redact(tx, tenant, node_id)
        await audit.record(tx, tenant, f"erase {audit.what(node.kind)}", node_id)
        await bump_version(tx, tenant)
        return Erasure(
            id=node_id, kind=node.kind, ties_removed=int(removed[0]["ties"]), audit_entries_redacted=redacted
        )

    erasure = await store.write(work)
    cache_for(store).entries.pop(tenant, None)
    return erasure


async def erasure_plan(scope: Scope, node_id: str) -> ErasurePlan:
    """What :func:`erase_person` would remove now; nothing is changed."""
    scope.require(Role.ADMIN)
    store, tenant = scope.store, scope.tenant

    async def work(tx: AsyncManagedTransaction) -> ErasurePlan:
        node = await _person(tx, tenant, node_id)
        found = (await run(tx, "privacy/erasure_plan", tenant=tenant, id=node_id))[0]
        return ErasurePlan(
            id=node_id,
            name=node.name,
            kind=node.kind,
            ties={str(t): int(n) for t, n in found["ties"]},
            audit_entries=int(found["audit_entries"]),
        )

    return await store.read(work)


def _contact_words(node: Node) -> list[str]:
    """A contact person's e-mail address and phone number, as a note might quote them."""
    return [str(v) for v in (getattr(node, "email", None), getattr(node, "phone", None)) if v]


def _plain(value: Any) -> Any:
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


async def personal_data(scope: Scope, node_id: str) -> dict[str, Any]:
    """Everything held about one person, as plain JSON-ready data: the record, every tie with
    the node at the other end, and the audit log's entries about them."""
    scope.require(Role.ADMIN)
    store, tenant = scope.store, scope.tenant

    async def work(tx: AsyncManagedTransaction) -> tuple[Node, list[Any]]:
        node = await _person(tx, tenant, node_id)
        return node, await run(tx, "privacy/ties_of_person", tenant=tenant, id=node_id)

    node, ties = await store.read(work)
    history = await audit.entries(store, tenant, subject=node_id, limit=1000)
    return {
        "exported_at": datetime.now(UTC).isoformat(),
        "tenant": tenant,
        "person": node.model_dump(mode="json", exclude_none=True),
        "ties": [
            {
                "type": r["type"],
                "direction": "outgoing" if r["outgoing"] else "incoming",
                "other": {
                    "id": r["other_id"],
                    "name": r["other_name"],
                    "kind": kind_from_labels(r["other_labels"]).value,
                },
                "properties": {k: _plain(v) for k, v in r["props"].items()},
            }
            for r in ties
        ],
        "changes": [
            {"at": e.at.isoformat(), "by": e.actor, "action": e.action, "before": e.before, "after": e.after}
            for e in history
        ],
    }
