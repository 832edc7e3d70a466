"""Nodes of every kind: create, read, update, delete and list, always inside one tenant."""

from __future__ import annotations

import json
import re
from typing import Any

from neo4j import AsyncManagedTransaction
from pydantic import ValidationError

from graphsvc import audit
from graphsvc.db.driver import GraphStore, run
from graphsvc.db.mapping import kind_from_labels, node_from_record, node_properties
from graphsvc.db.tenant_state import bump_version
from graphsvc.domain import Kind, Node, NodeFilter, NodePage, article, labels_for, node_model
from graphsvc.errors import Conflict, InvalidInput, NotFound
from graphsvc.network_check import problems_from_validation

__all__ = ["MAX_PAGE_SIZE", "NodeFilter", "NodePage", "NodeRepository", "lucene_query"]

MAX_PAGE_SIZE = 1000
_WORDS = re.compile(r"[^\W_]+")
# Properties the caller may not change through update(): identity and bookkeeping.
_FIXED = {"kind", "id", "tenant", "created_at", "updated_at", "version"}


def lucene_query(text: str) -> str | None:
    """A user's search words as a safe full-text query: every run of letters and digits a word,
    prefix-matched, all required. The name index splits names the same way, so punctuation in
    a name ("KFUM & KFUK", "Fjordlev E-sport", "Solgården v/ Signe") never stops it from being
    found, and Lucene syntax in the input is never interpreted.

    >>> lucene_query("PPR – Pædagogisk")
    'ppr* AND pædagogisk*'
    """
    words = _WORDS.findall(text.lower())[:10]
    if not words:
        return None
    return " AND ".join(f"{w}*" for w in words)


async def _conflict(tx: AsyncManagedTransaction, tenant: str, current: Node, expected: int) -> Conflict:
    """The refusal of a change made to an old version, naming who changed the node last, when,
    and which fields (from the audit log, written with every change)."""
    version = current.version or 1
    latest = await run(tx, "audit/entries", tenant=tenant, subject=current.id, before_at=None, limit=1)
    by = at = None
    fields: tuple[str, ...] = ()
    if latest:
        entry = latest[0]
        by, at = entry["actor"], entry["at"].to_native()
        before = json.loads(entry["before"]) if entry["before"] else {}
        after = json.loads(entry["after"]) if entry["after"] else {}
        fields = tuple(
            sorted(
                k
                for k in set(before) | set(after) - _FIXED
                if k not in _FIXED and before.get(k) != after.get(k)
            )
        )
    who = f" by {by} at {at:%Y-%m-%d %H:%M} UTC" if by and at else " by someone else"
    what = f" ({', '.join(fields)})" if fields else ""
    return Conflict(
        f"{current.name!r} was changed{who}{what} since you read it (version {version}, you had "
        f"{expected}): nothing was changed; reload it, or send version {version} to overwrite",
        changed_by=by,
        changed_at=at,
        changed_fields=fields,
        current_version=version,
    )


class NodeRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def get(self, tenant: str, node_id: str) -> Node:
        records = await self.store.query("nodes/get_node", tenant=tenant, id=node_id)
        if not records:
            raise NotFound(f"there is no node with id {node_id!r}")
        r = records[0]
        return node_from_record(r["labels"], r["props"], r["area"])

    async def create(self, node: Node) -> Node:
        """Store a new node (with its area); a taken id raises Duplicate."""

        async def work(tx: AsyncManagedTransaction) -> None:
            await _check_criteria_areas(tx, node)
            await run(
                tx,
                "nodes/create_node",
                tenant=node.tenant,
                labels=labels_for(node.kind),
                props=node_properties(node),
            )
            await _set_area(tx, node.tenant, node.id, getattr(node, "area", None))
            await audit.record(tx, node.tenant, f"create {audit.what(node.kind)}", node.id, after=node)
            await bump_version(tx, node.tenant)

        await self.store.write(work)
        return await self.get(node.tenant, node.id)

    async def update(
        self,
        tenant: str,
        node_id: str,
        changes: dict[str, Any],
        kinds: frozenset[Kind] | None = None,
        *,
        expected_version: int | None = None,
    ) -> tuple[Node, Node]:
        """Change some fields of a node; the result is validated as a whole before writing.
        With ``kinds``, a node of another kind is refused (an actor update names an area).
        With ``expected_version``, a node changed by someone else since is refused (Conflict).
        Returns the node before and after."""
        fixed = sorted(_FIXED & changes.keys())
        if fixed:
            raise InvalidInput(f"{', '.join(fixed)} cannot be changed")

        async def work(tx: AsyncManagedTransaction) -> Node:
            # Lock first, then read: a concurrent update waits here and then sees this one's
            # result, so a version check can never pass for two updates of the same version.
            if not await run(tx, "nodes/lock_node", tenant=tenant, id=node_id):
                raise NotFound(f"there is no node with id {node_id!r}")
            records = await run(tx, "nodes/get_node", tenant=tenant, id=node_id)
            r = records[0]
            current = node_from_record(r["labels"], r["props"], r["area"])
            if kinds is not None and current.kind not in kinds:
                raise InvalidInput(
                    f"{node_id!r} is {article(current.kind.value)}, not what this change is for"
                )
            version = current.version or 1
            if expected_version is not None and expected_version != version:
                raise await _conflict(tx, tenant, current, expected_version)
            try:
                updated = node_model(current.kind).model_validate(
                    current.model_dump() | changes | {"version": version + 1}
                )
            except ValidationError as e:
                raise InvalidInput(
                    f"node {node_id} was not changed", problems_from_validation(f"node {node_id}", e)
                ) from e
            await _check_criteria_areas(tx, updated)  # type: ignore[arg-type]
            await run(
                tx,
                "nodes/replace_properties",
                tenant=tenant,
                id=node_id,
                props=node_properties(updated),  # type: ignore[arg-type]
            )
            if "area" in changes:
                await _set_area(tx, tenant, node_id, getattr(updated, "area", None))
            await audit.record(
                tx, tenant, f"update {audit.what(current.kind)}", node_id, before=current, after=updated
            )
            await bump_version(tx, tenant)
            return current

        before = await self.store.write(work)
        return before, await self.get(tenant, node_id)

    async def delete(self, tenant: str, node_id: str) -> int:
        """Delete a node and its ties; returns how many ties went with it."""

        async def work(tx: AsyncManagedTransaction) -> int:
            found = await run(tx, "nodes/get_node", tenant=tenant, id=node_id)
            if not found:
                raise NotFound(f"there is no node with id {node_id!r}")
            before = node_from_record(found[0]["labels"], found[0]["props"], found[0]["area"])
            records = await run(tx, "nodes/delete_node", tenant=tenant, id=node_id)
            await audit.record(tx, tenant, f"delete {audit.what(before.kind)}", node_id, before=before)
            await bump_version(tx, tenant)
            return int(records[0]["ties"])

        return await self.store.write(work)

    async def list(
        self,
        tenant: str,
        filters: NodeFilter = NodeFilter(),
        *,
        first: int = 50,
        after: str | None = None,
    ) -> NodePage:
        if not 1 <= first <= MAX_PAGE_SIZE:
            raise InvalidInput(f"a page holds 1 to {MAX_PAGE_SIZE} nodes, not {first}")
        ids = None
        if filters.search is not None:
            query = lucene_query(filters.search)
            if query is not None:
                found = await self.store.query(
                    "nodes/search_names", tenant=tenant, query=query, limit=MAX_PAGE_SIZE * 10
                )
                ids = [r["id"] for r in found]
        records = await self.store.query(
            "nodes/list_nodes",
            tenant=tenant,
            kinds=sorted(k.value for k in filters.kinds) if filters.kinds else None,
            sector=filters.sector.value if filters.sector else None,
            arena=filters.arena.value if filters.arena else None,
            age_band=filters.age_band.value if filters.age_band else None,
            area=filters.area,
            ids=ids,
            after=after,
            limit=first + 1,  # one more tells whether another page follows
        )
        total = int(records[0]["total"]) if records else 0
        rows = records[0]["page"] if records else []
        nodes = [node_from_record(x["labels"], x["props"], x["area"]) for x in rows[:first]]
        return NodePage(
            nodes=nodes,
            total=total,
            end_cursor=nodes[-1].id if nodes else None,
            has_next_page=len(rows) > first,
            filters=filters,
        )


async def _check_criteria_areas(tx: AsyncManagedTransaction, node: Node) -> None:
    areas = sorted(getattr(node, "criteria_areas", ()))
    if not areas:
        return
    records = await run(tx, "nodes/kinds_of", tenant=node.tenant, ids=areas)
    found = {r["id"] for r in records if kind_from_labels(r["labels"]) is Kind.AREA}
    missing = [a for a in areas if a not in found]
    if missing:
        raise InvalidInput(
            f"node {node.id} was not saved: criterion area {missing[0]!r} is not an area in this tenant"
        )


async def _set_area(tx: AsyncManagedTransaction, tenant: str, node_id: str, area: str | None) -> None:
    records = await run(tx, "nodes/set_area", tenant=tenant, id=node_id, area=area)
    if area is not None and not records[0]["linked"]:
        # Raising inside the transaction function rolls back everything it wrote.
        raise InvalidInput(f"node {node_id} was not saved: area {area!r} is not an area in this tenant")
