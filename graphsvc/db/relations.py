"""Batched reads for relation fields and walks: many nodes per query, never one query per node.

These back the per-request data loaders of the GraphQL API, so that a list of 100 actors with
their areas, contact persons and tie counts costs a fixed handful of queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from graphsvc.db.driver import GraphStore
from graphsvc.db.mapping import node_from_record, tie_from_record
from graphsvc.domain import Direction, Kind, Neighbourhood, Node, Related, TieType
from graphsvc.errors import NotFound

__all__ = ["WALKABLE_TIES", "Neighbourhood", "Related", "RelationRepository"]

# A location links everything in a town to one hub; walks and maps leave it out.
WALKABLE_TIES = tuple(t for t in TieType if t is not TieType.LOCATED_IN)


class RelationRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def nodes_by_ids(self, tenant: str, ids: Sequence[str]) -> dict[str, Node]:
        records = await self.store.query("nodes/get_nodes", tenant=tenant, ids=list(ids))
        return {row[0]: node_from_record(row[1], row[2], row[3]) for row in records[0]["nodes"]}

    async def related(
        self,
        tenant: str,
        ids: Sequence[str],
        *,
        types: Iterable[TieType],
        direction: Direction = "both",
        other_label: str | None = None,
        hidden: Iterable[Kind] = (),
        limit: int = 1000,
    ) -> dict[str, list[Related]]:
        """For each node in ``ids``: its ties of ``types`` and the nodes at their other ends
        (only those with ``other_label``, a kind or ``Actor``, when given; none of a kind in
        ``hidden``)."""
        records = await self.store.query(
            "ties/related_nodes",
            tenant=tenant,
            ids=list(ids),
            types=[t.value for t in types],
            direction=direction,
            other_kind=other_label,
            hidden=[k.value for k in hidden],
            limit=limit,
        )
        found: dict[str, list[Related]] = defaultdict(list)
        for r in records:
            other = r["other"]
            found[r["id"]].append(
                Related(
                    tie=tie_from_record(r["source"], r["type"], r["target"], r["props"]),
                    other=node_from_record(other["labels"], other["props"], other["area"]),
                )
            )
        return found

    async def tie_counts(
        self, tenant: str, ids: Sequence[str], *, hidden: Iterable[Kind] = ()
    ) -> dict[str, int]:
        """Each node's ties, leaving out locations and ties to nodes of a ``hidden`` kind."""
        records = await self.store.query(
            "ties/tie_counts", tenant=tenant, ids=list(ids), hidden=[k.value for k in hidden]
        )
        return {r["id"]: int(r["ties"]) for r in records}

    async def target_group_members(
        self, tenant: str, group_id: str, *, after: str | None = None, limit: int = 100
    ) -> tuple[int, list[str]]:
        """(how many members, one page of their ids)."""
        records = await self.store.query(
            "nodes/target_group_members", tenant=tenant, id=group_id, after=after, limit=limit
        )
        if not records:
            return 0, []
        return int(records[0]["total"]), list(records[0]["page"])

    async def neighbourhood(
        self,
        tenant: str,
        start: str,
        *,
        depth: int,
        kinds: Iterable[Kind] | None = None,
        types: Iterable[TieType] | None = None,
        max_nodes: int,
    ) -> Neighbourhood:
        """The ego network of ``start``: nodes within ``depth`` steps, breadth first, at most
        ``max_nodes`` of them (``truncated`` says the cap cut the walk), with the ties among them.
        One query per step plus two: a depth-3 walk is five queries whatever its size."""
        kind_labels = [k.value for k in kinds] if kinds else None
        type_names = [t.value for t in (types or WALKABLE_TIES)]
        depth_of = {start: 0}
        frontier = [start]
        truncated = False
        for step in range(1, depth + 1):
            if not frontier:
                break
            room = max_nodes - len(depth_of)
            records = await self.store.query(
                "networks/neighbours",
                tenant=tenant,
                ids=frontier,
                types=type_names,
                kinds=kind_labels,
                seen=list(depth_of),
                limit=room + 1,
            )
            found = [r["id"] for r in records]
            if len(found) > room:
                truncated = True
                found = found[:room]
            for node_id in found:
                depth_of[node_id] = step
            frontier = found
            if truncated:
                break
        nodes = await self.nodes_by_ids(tenant, list(depth_of))
        if start not in nodes:
            raise NotFound(f"there is no node with id {start!r}")
        tie_records = await self.store.query(
            "networks/ties_among", tenant=tenant, ids=list(depth_of), types=type_names
        )
        ties = sorted(
            (tie_from_record(*row) for row in tie_records[0]["ties"]),
            key=lambda t: (t.source, t.type, t.target),
        )
        ordered = sorted(nodes.values(), key=lambda n: (depth_of[n.id], n.id))
        return Neighbourhood(nodes=ordered, ties=ties, depth_of=depth_of, truncated=truncated)
