"""The ego network of a node: what maps and explorers are drawn from."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from graphsvc import domain
from graphsvc.domain import Kind
from graphsvc.schema import enums
from graphsvc.schema.context import Context
from graphsvc.schema.types import Node, node_to_graphql
from graphsvc.services import nodes as node_service

__all__ = ["NeighbourhoodQuery"]


@strawberry.type(description="A node in a neighbourhood, with its distance from the centre.")
class NeighbourhoodNode:
    depth: int = strawberry.field(description="Steps from the centre (0 for the centre).")
    node: Node = strawberry.field(description="The node.")


@strawberry.type(description="A tie between two nodes of a neighbourhood.")
class NeighbourhoodEdge:
    type: enums.TieType = strawberry.field(description="The kind of tie.")  # type: ignore[valid-type]
    source_id: strawberry.ID = strawberry.field(description="Where the tie starts.")
    target_id: strawberry.ID = strawberry.field(description="Where the tie points.")
    strength: int | None = strawberry.field(description="Strength of a collaboration, 1-5.")
    since: int | None = strawberry.field(description="The year the tie began.")
    frequency: enums.Frequency | None = strawberry.field(description="How often.")  # type: ignore[valid-type]
    role: enums.ParticipationRole | None = strawberry.field(description="Role in an initiative.")  # type: ignore[valid-type]


@strawberry.type(description="The nodes within some steps of a centre node, and the ties among them.")
class Neighbourhood:
    center_id: strawberry.ID = strawberry.field(description="The centre node.")
    nodes: list[NeighbourhoodNode] = strawberry.field(description="Nodes, nearest first.")
    edges: list[NeighbourhoodEdge] = strawberry.field(description="Ties among the nodes.")
    truncated: bool = strawberry.field(
        description="True when the node cap stopped the walk before it was complete."
    )


@strawberry.type
class NeighbourhoodQuery:
    @strawberry.field(
        description="The ego network of a node, breadth first, to a depth of 1-3, "
        "optionally only through some tie types and to some kinds of node."
    )
    async def neighbourhood(
        self,
        info: Info[Context, None],
        id: Annotated[strawberry.ID, strawberry.argument(description="The centre node.")],
        depth: Annotated[int, strawberry.argument(description="Steps from the centre, 1-3.")] = 1,
        kinds: Annotated[
            list[enums.NodeKind] | None,  # type: ignore[valid-type]
            strawberry.argument(description="Only reach nodes of these kinds."),
        ] = None,
        tie_types: Annotated[
            list[enums.TieType] | None,  # type: ignore[valid-type]
            strawberry.argument(description="Only walk these tie types."),
        ] = None,
        max_nodes: Annotated[
            int,
            strawberry.argument(description="Stop after this many nodes (at most the server's node cap)."),
        ] = 500,
        tenant: Annotated[str | None, strawberry.argument(description="The tenant.")] = None,
    ) -> Neighbourhood:
        ctx = info.context
        scope = ctx.scope(tenant)
        wanted = frozenset(Kind(k.value) for k in kinds) if kinds else None
        result = await node_service.neighbourhood(
            scope,
            id,
            depth=depth,
            kinds=wanted,
            types=frozenset(domain.TieType(t.value) for t in tie_types) if tie_types else None,
            max_nodes=max_nodes,
            depth_limit=ctx.settings.max_neighbourhood_depth,
            node_limit=ctx.settings.max_neighbourhood_nodes,
        )
        return Neighbourhood(
            center_id=id,
            nodes=[
                NeighbourhoodNode(depth=result.depth_of[n.id], node=node_to_graphql(n, scope.tenant))
                for n in result.nodes
            ],
            edges=[
                NeighbourhoodEdge(
                    type=enums.TieType(t.type.value),
                    source_id=strawberry.ID(t.source),
                    target_id=strawberry.ID(t.target),
                    strength=t.strength,
                    since=t.since,
                    frequency=enums.to_graphql(t.frequency, enums.Frequency),
                    role=enums.to_graphql(t.role, enums.ParticipationRole),
                )
                for t in result.ties
            ],
            truncated=result.truncated,
        )
