"""GraphQL types of the node metrics, the broker ranking and the communities, each built from
its analytics result by a ``from_domain`` function."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

import strawberry

from graphsvc import analytics
from graphsvc.errors import InvalidInput
from graphsvc.schema import enums
from graphsvc.schema.pagination import PageInfo, encode_cursor

__all__ = [
    "BrokerRanking",
    "BrokerageGroup",
    "CommunityResult",
    "NodeMetricsResult",
    "arenas_of",
    "kind_of",
    "sector_of",
]


def sector_of(value: str | None) -> Any:
    return None if value is None else enums.Sector(value)


def kind_of(value: str) -> Any:
    return enums.NodeKind(value)


def arenas_of(values: Iterable[str]) -> list[Any]:
    return [enums.Arena(v) for v in sorted(values)]


def _ids(values: Iterable[str]) -> list[strawberry.ID]:
    return [strawberry.ID(v) for v in values]


# --- node metrics --------------------------------------------------------------------------


@strawberry.type(
    description="One node with its centrality and structural-hole measures, "
    "computed on the whole social graph (actors and, by default, young people)."
)
class NodeMetric:
    id: strawberry.ID = strawberry.field(description="The node.")
    name: str = strawberry.field(description="Its name (a pseudonym for young people).")
    kind: enums.NodeKind = strawberry.field(description="What the node is.")  # type: ignore[valid-type]
    sector: enums.Sector | None = strawberry.field(description="Its sector.")  # type: ignore[valid-type]
    degree: int = strawberry.field(description="Its number of ties.")
    betweenness: float = strawberry.field(
        description="Normalised betweenness, 0-1: the share of shortest paths between other "
        "nodes that run through it (estimated on large graphs: see betweennessExact)."
    )
    closeness: float = strawberry.field(
        description="Closeness, 0-1 (Wasserman & Faust, for graphs in several parts)."
    )
    eigenvector: float | None = strawberry.field(
        description="Eigenvector centrality: high when tied to well-tied nodes."
    )
    constraint: float | None = strawberry.field(
        description="Burt's constraint: low means its contacts are not tied to each other, a "
        "chance to broker."
    )
    effective_size: float | None = strawberry.field(
        description="Burt's effective size: its non-redundant contacts."
    )


@strawberry.type(description="Node metrics, highest betweenness first, a page at a time.")
class NodeMetricsResult:
    total_count: int = strawberry.field(description="How many nodes match, on all pages.")
    nodes: list[NodeMetric] = strawberry.field(description="The nodes of this page.")
    page_info: PageInfo = strawberry.field(description="Where the page is in the whole list.")
    betweenness_exact: bool = strawberry.field(
        description="False when betweenness was estimated from sampled sources."
    )
    betweenness_sources: int = strawberry.field(
        description="Sources used for betweenness (all nodes when exact)."
    )
    betweenness_error: float = strawberry.field(
        description="Each betweenness value is within this of the exact one with 95% "
        "confidence (0 when exact)."
    )
    include_young_people: bool = strawberry.field(description="Whether the graph held young people.")
    engine: str = strawberry.field(description="The engine that ran: igraph or networkx.")
    sentence: str = strawberry.field(description="How betweenness was computed, in words.")

    @classmethod
    def from_domain(
        cls, result: analytics.MetricsResult, *, first: int, after: str | None
    ) -> NodeMetricsResult:
        rows = result.nodes
        start = 0
        if after is not None:
            position = next((i for i, r in enumerate(rows) if r.node == after), None)
            if position is None:
                raise InvalidInput(
                    "after: this cursor is not in the list (the data may have "
                    "changed since): start again from the first page"
                )
            start = position + 1
        page = rows[start : start + first]
        return cls(
            total_count=len(rows),
            nodes=[
                NodeMetric(
                    id=strawberry.ID(r.node),
                    name=r.name,
                    kind=kind_of(r.kind),
                    sector=sector_of(r.sector),
                    degree=r.metrics.degree,
                    betweenness=r.metrics.betweenness,
                    closeness=r.metrics.closeness,
                    eigenvector=r.metrics.eigenvector,
                    constraint=r.metrics.constraint,
                    effective_size=r.metrics.effective_size,
                )
                for r in page
            ],
            page_info=PageInfo(
                has_next_page=start + first < len(rows),
                end_cursor=encode_cursor(page[-1].node) if page else None,
            ),
            betweenness_exact=result.betweenness_exact,
            betweenness_sources=result.betweenness_sources,
            betweenness_error=result.betweenness_error,
            include_young_people=result.include_young_people,
            engine=result.engine,
            sentence=result.sentence,
        )


# --- brokers -------------------------------------------------------------------------------


@strawberry.enum(description="The groups Gould-Fernandez brokerage roles are counted between.")
class BrokerageGroup(Enum):
    SECTOR = "sector"
    ARENA = "arena"


@strawberry.enum(description="A Gould-Fernandez (1989) brokerage role.")
class BrokerageRole(Enum):
    COORDINATOR = "coordinator"
    ITINERANT = "itinerant"
    REPRESENTATIVE = "representative"
    GATEKEEPER = "gatekeeper"
    LIAISON = "liaison"


@strawberry.type(
    description="How often an actor brokers in each role: open triads a → actor "
    "→ c on directed actor ties, with a, the actor and c in these groups."
)
class BrokerageRoles:
    coordinator: int = strawberry.field(description="All three in the actor's group.")
    itinerant: int = strawberry.field(description="a and c in one group, the actor in another.")
    representative: int = strawberry.field(
        description="a in the actor's group, c in another: passing its group's flow out."
    )
    gatekeeper: int = strawberry.field(
        description="c in the actor's group, a in another: letting flow into its group."
    )
    liaison: int = strawberry.field(description="All three in different groups.")
    total: int = strawberry.field(description="All open triads it brokers.")


@strawberry.type(description="An actor that connects actors of one arena to those of another.")
class Broker:
    rank: int = strawberry.field(description="1 for the actor most paths run through.")
    id: strawberry.ID = strawberry.field(description="The actor.")
    name: str = strawberry.field(description="Its name.")
    kind: enums.NodeKind = strawberry.field(description="Its kind.")  # type: ignore[valid-type]
    sector: enums.Sector | None = strawberry.field(description="Its sector.")  # type: ignore[valid-type]
    arenas: list[enums.Arena] = strawberry.field(description="Its arenas.")  # type: ignore[valid-type]
    area_id: strawberry.ID | None = strawberry.field(description="Where it is located.")
    share: float = strawberry.field(
        description="0-1: the share of shortest paths between connected from→to pairs it is "
        "not an end of that run through it."
    )
    sources_linked: int = strawberry.field(
        description="Actors of the from arena with a shortest path through it."
    )
    targets_linked: int = strawberry.field(
        description="Actors of the to arena with a shortest path through it."
    )
    constraint: float | None = strawberry.field(description="Burt's constraint.")
    effective_size: float | None = strawberry.field(description="Burt's effective size.")
    roles: BrokerageRoles = strawberry.field(description="Its brokerage role counts.")
    main_role: BrokerageRole | None = strawberry.field(description="Its most frequent role.")
    main_role_group: str | None = strawberry.field(
        description="The group its main role is about: a sector, or an arena group such as school+leisure."
    )
    sentence: str = strawberry.field(
        description="In words: whom it links, the share of paths, its main role."
    )


@strawberry.type(
    description="The actors that connect one arena of young people's lives to another, best first."
)
class BrokerRanking:
    source_arena: enums.Arena = strawberry.field(description="The from arena.")  # type: ignore[valid-type]
    target_arena: enums.Arena = strawberry.field(description="The to arena.")  # type: ignore[valid-type]
    area_id: strawberry.ID | None = strawberry.field(
        description="Only actors located in this area (or its sub-areas) were ends of paths."
    )
    include_young_people: bool = strawberry.field(description="Whether paths could run through young people.")
    group_by: BrokerageGroup = strawberry.field(description="The groups of the roles.")
    sources: int = strawberry.field(description="Actors in the from arena.")
    targets: int = strawberry.field(description="Actors in the to arena.")
    pairs: int = strawberry.field(description="Ordered (from, to) pairs.")
    connected_pairs: int = strawberry.field(description="Pairs joined by some path.")
    engine: str = strawberry.field(description="The shortest-path engine that ran.")
    brokers: list[Broker] = strawberry.field(description="The ranked brokers.")
    sentence: str = strawberry.field(description="The size of the question, in words.")

    @classmethod
    def from_domain(cls, r: analytics.BrokerRanking) -> BrokerRanking:
        return cls(
            source_arena=enums.Arena(r.source_arena),
            target_arena=enums.Arena(r.target_arena),
            area_id=_id(r.area),
            include_young_people=r.include_young_people,
            group_by=BrokerageGroup(r.group_by),
            sources=r.sources,
            targets=r.targets,
            pairs=r.pairs,
            connected_pairs=r.connected_pairs,
            engine=r.engine,
            brokers=[_broker(b) for b in r.brokers],
            sentence=r.sentence,
        )


def _id(value: str | None) -> strawberry.ID | None:
    return None if value is None else strawberry.ID(value)


def _broker(b: analytics.Broker) -> Broker:
    roles = b.roles
    return Broker(
        rank=b.rank,
        id=strawberry.ID(b.node),
        name=b.name,
        kind=kind_of(b.kind),
        sector=sector_of(b.sector),
        arenas=arenas_of(b.arenas),
        area_id=_id(b.area),
        share=b.share,
        sources_linked=b.sources_linked,
        targets_linked=b.targets_linked,
        constraint=b.constraint,
        effective_size=b.effective_size,
        roles=BrokerageRoles(
            coordinator=roles.coordinator,
            itinerant=roles.itinerant,
            representative=roles.representative,
            gatekeeper=roles.gatekeeper,
            liaison=roles.liaison,
            total=roles.total,
        ),
        main_role=BrokerageRole(b.main_role) if b.main_role else None,
        main_role_group=b.main_role_group,
        sentence=b.sentence,
    )


# --- communities ---------------------------------------------------------------------------


@strawberry.type(description="How many actors of a community belong to one sector.")
class SectorCount:
    sector: enums.Sector = strawberry.field(description="The sector.")  # type: ignore[valid-type]
    count: int = strawberry.field(description="Actors in it.")


@strawberry.type(description="How many actors of a community belong to one arena.")
class ArenaCount:
    arena: enums.Arena = strawberry.field(description="The arena.")  # type: ignore[valid-type]
    count: int = strawberry.field(description="Actors in it (an actor counts in each arena).")


@strawberry.type(description="Ties from a community to another one, and who carries them.")
class CommunityBridge:
    other: int = strawberry.field(description="The index of the other community.")
    ties: int = strawberry.field(description="Ties between the two.")
    actor_ids: list[strawberry.ID] = strawberry.field(
        description="The actors of this community carrying most of them (up to three)."
    )


@strawberry.type(description="A Louvain community: who clusters together.")
class Community:
    index: int = strawberry.field(description="1 for the largest.")
    label: str = strawberry.field(description="'around <name>': its actor with the most ties inside it.")
    size: int = strawberry.field(description="Nodes in it.")
    actor_count: int = strawberry.field(description="Actors in it.")
    young_people_count: int = strawberry.field(description="Young people in it.")
    sectors: list[SectorCount] = strawberry.field(description="Its actors per sector.")
    arenas: list[ArenaCount] = strawberry.field(description="Its actors per arena.")
    internal_ties: int = strawberry.field(description="Ties inside it.")
    external_ties: int = strawberry.field(description="Ties leaving it.")
    bridges: list[CommunityBridge] = strawberry.field(
        description="The communities it has most ties to, most first."
    )
    node_ids: list[strawberry.ID] = strawberry.field(description="Its nodes, sorted by id.")


@strawberry.type(description="Louvain communities of the social graph, largest first (Blondel et al. 2008).")
class CommunityResult:
    communities: list[Community] = strawberry.field(description="The communities.")
    modularity: float = strawberry.field(
        description="Newman's modularity of the partition: above 0.3 is a clear structure."
    )
    seed: int = strawberry.field(description="The random seed used.")
    resolution: float = strawberry.field(
        description="Above 1 favours smaller communities, below 1 larger ones."
    )
    engine: str = strawberry.field(description="The Louvain implementation that ran.")
    include_young_people: bool = strawberry.field(
        description="Whether young people were clustered with the actors."
    )

    @classmethod
    def from_domain(cls, r: analytics.CommunityResult) -> CommunityResult:
        return cls(
            communities=[
                Community(
                    index=c.index,
                    label=c.label,
                    size=c.size,
                    actor_count=c.actors,
                    young_people_count=c.young_people,
                    sectors=[SectorCount(sector=enums.Sector(s), count=n) for s, n in c.sectors.items()],
                    arenas=[ArenaCount(arena=enums.Arena(a), count=n) for a, n in c.arenas.items()],
                    internal_ties=c.internal_ties,
                    external_ties=c.external_ties,
                    bridges=[
                        CommunityBridge(other=b.other, ties=b.ties, actor_ids=_ids(b.actors))
                        for b in c.bridges
                    ],
                    node_ids=_ids(c.nodes),
                )
                for c in r.communities
            ],
            modularity=r.modularity,
            seed=r.seed,
            resolution=r.resolution,
            engine=r.engine,
            include_young_people=r.include_young_people,
        )
