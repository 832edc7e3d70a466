"""Ties between nodes of one tenant: connect (create or update), disconnect, list."""

from __future__ import annotations

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.db.driver import GraphStore, run
from graphsvc.db.mapping import kind_from_labels, tie_from_record
from graphsvc.db.tenant_state import bump_version
from graphsvc.domain import Tie, TieType
from graphsvc.errors import InvalidInput, NotFound, TieNotAllowed

__all__ = ["TieRepository"]


def _name(tie: Tie) -> str:
    return f"{tie.source} -{tie.type.value}-> {tie.target}"


class TieRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def connect(self, tenant: str, tie: Tie) -> bool:
        """Create the tie, or update its properties if it exists; True when it was created.
        Both ends must exist in the tenant and fit the tie type."""
        if tie.type is TieType.LOCATED_IN:
            raise InvalidInput("set a node's area to place it in an area")
        if tie.source == tie.target:
            raise InvalidInput("a node cannot have a tie to itself")

        async def work(tx: AsyncManagedTransaction) -> bool:
            records = await run(tx, "nodes/kinds_of", tenant=tenant, ids=[tie.source, tie.target])
            kinds = {r["id"]: kind_from_labels(r["labels"]) for r in records}
            for end in (tie.source, tie.target):
                if end not in kinds:
                    raise NotFound(f"there is no node with id {end!r}")
            try:
                tie.check_fits(kinds[tie.source], kinds[tie.target])
            except ValueError as e:
                raise TieNotAllowed(str(e)) from e
            result = await run(
                tx,
                "ties/connect",
                tie_type=tie.type,
                tenant=tenant,
                source=tie.source,
                target=tie.target,
                props=tie.properties(),
            )
            created = bool(result[0]["created"])
            await audit.record(
                tx,
                tenant,
                "connect" if created else "update tie",
                _name(tie),
                subjects=(tie.source, tie.target),
                after=tie,
            )
            await bump_version(tx, tenant)
            return created

        return await self.store.write(work)

    async def disconnect(self, tenant: str, type_: TieType, source: str, target: str) -> None:
        async def work(tx: AsyncManagedTransaction) -> None:
            records = await run(
                tx, "ties/disconnect", tie_type=type_, tenant=tenant, source=source, target=target
            )
            if not records or not records[0]["removed"]:
                raise NotFound(f"there is no {type_.value} tie from {source!r} to {target!r}")
            await audit.record(
                tx,
                tenant,
                "disconnect",
                f"{source} -{type_.value}-> {target}",
                subjects=(source, target),
                before={"type": type_, "source": source, "target": target},
            )
            await bump_version(tx, tenant)

        await self.store.write(work)

    async def ties_of(self, tenant: str, node_id: str) -> list[Tie]:
        records = await self.store.query("ties/ties_of_node", tenant=tenant, id=node_id)
        return [tie_from_record(r["source"], r["type"], r["target"], r["props"]) for r in records]
