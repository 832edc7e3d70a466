"""Reading nodes for the API: lookups, filtered pages, target group members, neighbourhoods."""

from __future__ import annotations

from graphsvc.db.driver import GraphStore
from graphsvc.db.nodes import NodeFilter, NodePage, NodeRepository
from graphsvc.db.relations import Neighbourhood, RelationRepository
from graphsvc.domain import Kind, Node, TieType
from graphsvc.errors import InvalidInput, NotFound

__all__ = ["get_node", "list_nodes", "neighbourhood", "target_group_members"]


async def get_node(store: GraphStore, tenant: str, node_id: str, kinds: frozenset[Kind]) -> Node | None:
    """The node, or None when there is none of these kinds with this id."""
    try:
        node = await NodeRepository(store).get(tenant, node_id)
    except NotFound:
        return None
    return node if node.kind in kinds else None


async def list_nodes(
    store: GraphStore, tenant: str, filters: NodeFilter, *, first: int, after: str | None
) -> NodePage:
    return await NodeRepository(store).list(tenant, filters, first=first, after=after)


async def target_group_members(
    store: GraphStore, tenant: str, group_id: str, *, first: int, after: str | None
) -> tuple[int, list[Node]]:
    relations = RelationRepository(store)
    total, ids = await relations.target_group_members(tenant, group_id, after=after, limit=first + 1)
    nodes = await relations.nodes_by_ids(tenant, ids)
    return total, [nodes[i] for i in ids if i in nodes]


async def neighbourhood(
    store: GraphStore,
    tenant: str,
    start: str,
    *,
    depth: int,
    kinds: frozenset[Kind] | None,
    types: frozenset[TieType] | None,
    max_nodes: int,
    depth_limit: int,
    node_limit: int,
) -> Neighbourhood:
    if not 1 <= depth <= depth_limit:
        raise InvalidInput(f"depth: 1 to {depth_limit} steps (the neighbourhood depth limit), not {depth}")
    if not 1 <= max_nodes <= node_limit:
        raise InvalidInput(
            f"maxNodes: 1 to {node_limit} nodes (the neighbourhood node cap), not {max_nodes}")
    if types and TieType.LOCATED_IN in types:
        raise InvalidInput("tieTypes: LOCATED_IN is a node's area, not a tie to walk")
    return await RelationRepository(store).neighbourhood(
        tenant, start, depth=depth, kinds=kinds, types=types, max_nodes=max_nodes)
