"""Reading nodes for the API: lookups, filtered pages, relations of many nodes at once (what
the GraphQL data loaders batch), target group members and neighbourhoods — each as the caller's
audience may see it (:mod:`graphsvc.services.audience`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from graphsvc.auth import Role
from graphsvc.db.nodes import NodeFilter, NodePage, NodeRepository
from graphsvc.db.relations import Direction, Neighbourhood, Related, RelationRepository
from graphsvc.domain import Kind, Node, TieType
from graphsvc.errors import InvalidInput, NotFound
from graphsvc.services.scope import Scope

__all__ = [
    "NodeFilter",
    "get_node",
    "list_nodes",
    "member_count",
    "neighbourhood",
    "nodes_by_ids",
    "related",
    "target_group_members",
    "tie_counts",
]


async def get_node(scope: Scope, node_id: str, kinds: Iterable[Kind]) -> Node | None:
    """The node, or None when there is none of these kinds with this id that the caller may
    see (a hidden node is answered exactly like a missing one)."""
    wanted = scope.audience.require_kinds(kinds)
    try:
        node = await NodeRepository(scope.store).get(scope.tenant, node_id)
    except NotFound:
        return None
    return node if node.kind in wanted else None


async def list_nodes(scope: Scope, filters: NodeFilter, *, first: int, after: str | None) -> NodePage:
    visible = replace(filters, kinds=scope.audience.require_kinds(filters.kinds or Kind))
    return await NodeRepository(scope.store).list(scope.tenant, visible, first=first, after=after)


async def nodes_by_ids(scope: Scope, ids: Sequence[str]) -> dict[str, Node]:
    """The nodes with these ids that the caller may see."""
    found = await RelationRepository(scope.store).nodes_by_ids(scope.tenant, ids)
    return {i: n for i, n in found.items() if scope.audience.shows(n)}


async def related(
    scope: Scope,
    ids: Sequence[str],
    *,
    types: Iterable[TieType],
    direction: Direction,
    other_label: str | None,
) -> dict[str, list[Related]]:
    """For each node: its ties of ``types`` to nodes the caller may see, with those nodes."""
    return await RelationRepository(scope.store).related(
        scope.tenant,
        ids,
        types=types,
        direction=direction,
        other_label=other_label,
        hidden=scope.audience.hidden_kinds,
    )


async def tie_counts(scope: Scope, ids: Sequence[str]) -> dict[str, int]:
    """For each node: how many ties it has to nodes the caller may see (what ``related``
    lists), so a count never tells of ties the caller cannot see."""
    return await RelationRepository(scope.store).tie_counts(
        scope.tenant, ids, hidden=scope.audience.hidden_kinds
    )


async def member_count(scope: Scope, group_id: str) -> int:
    """How many young people are members of a target group: an aggregate every role sees."""
    total, _ = await RelationRepository(scope.store).target_group_members(scope.tenant, group_id, limit=0)
    return total


async def target_group_members(
    scope: Scope, group_id: str, *, first: int, after: str | None
) -> tuple[int, list[Node]]:
    scope.require(Role.COORDINATOR)
    relations = RelationRepository(scope.store)
    total, ids = await relations.target_group_members(scope.tenant, group_id, after=after, limit=first + 1)
    nodes = await relations.nodes_by_ids(scope.tenant, ids)
    return total, [nodes[i] for i in ids if i in nodes]


async def neighbourhood(
    scope: Scope,
    start: str,
    *,
    depth: int,
    kinds: frozenset[Kind] | None,
    types: frozenset[TieType] | None,
    max_nodes: int,
    depth_limit: int,
    node_limit: int,
) -> Neighbourhood:
    """The ego network of ``start`` as far as the caller may see it: never through or to a
    node it may not see, and a hidden centre is "not found"."""
    if not 1 <= depth <= depth_limit:
        raise InvalidInput(f"depth: 1 to {depth_limit} steps (the neighbourhood depth limit), not {depth}")
    if not 1 <= max_nodes <= node_limit:
        raise InvalidInput(f"maxNodes: 1 to {node_limit} nodes (the neighbourhood node cap), not {max_nodes}")
    if types and TieType.LOCATED_IN in types:
        raise InvalidInput("tieTypes: LOCATED_IN is a node's area, not a tie to walk")
    # The walk itself says a missing centre is not found; a hidden one needs a look first
    # (one query, only for an audience that has hidden kinds).
    hidden = scope.audience.hidden_kinds
    if hidden and await get_node(scope, start, scope.audience.visible_kinds(None)) is None:
        raise NotFound(f"there is no node with id {start!r}")
    return await RelationRepository(scope.store).neighbourhood(
        scope.tenant,
        start,
        depth=depth,
        kinds=scope.audience.visible_kinds(kinds),
        types=types,
        max_nodes=max_nodes,
    )
