"""The node types of the GraphQL API and their relation fields (all through data loaders)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graphsvc import domain
from graphsvc.domain import Kind, Related
from graphsvc.domain import TieType as T
from graphsvc.schema import enums
from graphsvc.schema.context import Context
from graphsvc.schema.loaders import RelationKey
from graphsvc.schema.pagination import Connection, check_first, decode_cursor, to_connection
from graphsvc.services import nodes as node_service

__all__ = [
    "NODE_TYPES",
    "Actor",
    "Area",
    "ContactPerson",
    "Initiative",
    "Node",
    "TargetGroup",
    "Tie",
    "YoungPerson",
    "node_to_graphql",
]

_ACTOR_TIES = (T.COLLABORATES_WITH, T.REFERS_TO, T.FUNDS)
CONTACTS: RelationKey = ((T.WORKS_FOR, T.VOLUNTEERS_AT), "in", Kind.PERSON.value)
EMPLOYERS: RelationKey = ((T.WORKS_FOR, T.VOLUNTEERS_AT), "out", "Actor")
PARTICIPATIONS: RelationKey = ((T.PARTICIPATES_IN,), "out", Kind.INITIATIVE.value)
PARTICIPANTS: RelationKey = ((T.PARTICIPATES_IN,), "in", "Actor")
TARGETS: RelationKey = ((T.TARGETS,), "out", Kind.TARGET_GROUP.value)
TARGETED_BY: RelationKey = ((T.TARGETS,), "in", Kind.INITIATIVE.value)
FUNDERS: RelationKey = ((T.FUNDS,), "in", "Actor")
SUB_AREAS: RelationKey = ((T.PART_OF,), "in", Kind.AREA.value)
PARENT_AREA: RelationKey = ((T.PART_OF,), "out", Kind.AREA.value)
LOCATED_ACTORS: RelationKey = ((T.LOCATED_IN,), "in", "Actor")

TieTypes = Annotated[
    list[enums.TieType] | None,  # type: ignore[valid-type]
    strawberry.argument(description="Only ties of these types (default: all)."),
]
DirectionArg = Annotated[
    enums.Direction,
    strawberry.argument(description="Outgoing, incoming or both (default)."),
]


def _ctx(info: Info[Context, None]) -> Context:
    return info.context


@strawberry.interface(
    description="Anything in the network: an actor, a young person, a contact "
    "person, an area, a target group or an initiative."
)
class Node:
    id: strawberry.ID = strawberry.field(description="Stable id, unique within the tenant.")
    name: str = strawberry.field(description="The name (for young people: a pseudonym).")
    kind: enums.NodeKind = strawberry.field(description="What the node is.")  # type: ignore[valid-type]
    created_at: datetime | None = strawberry.field(description="When it was created.")
    updated_at: datetime | None = strawberry.field(description="When it was last changed.")
    version: int = strawberry.field(
        description="Goes up by one with every change; send it back "
        "as `expectedVersion` so that no one's change is lost."
    )
    tenant: strawberry.Private[str]

    @strawberry.field(
        description="The node's ties (its location excepted), each with the node at the other end."
    )
    async def ties(
        self,
        info: Info[Context, None],
        types: TieTypes = None,
        direction: DirectionArg = enums.Direction.BOTH,
    ) -> list[Tie]:
        wanted = tuple(domain.TieType(t.value) for t in types) if types else _WALKABLE
        related = await _ctx(info).loaders.relation(self.id, (wanted, direction.value, None))
        return [Tie.from_related(r, self.id, self.tenant) for r in related]

    @strawberry.field(
        description="How many ties the node has (its location excepted) that "
        "the caller may see: the length of `ties`."
    )
    async def tie_count(self, info: Info[Context, None]) -> int:
        return await _ctx(info).loaders.tie_count(self.id)


_WALKABLE = tuple(t for t in domain.TieType if t is not domain.TieType.LOCATED_IN)


async def _area(info: Info[Context, None], tenant: str, area_id: str | None) -> Area | None:
    if area_id is None:
        return None
    node = await _ctx(info).loaders.node(area_id)
    return node_to_graphql(node, tenant) if node else None  # type: ignore[return-value]


async def _others(info: Info[Context, None], tenant: str, node_id: str, key: RelationKey) -> list[Any]:
    related = await _ctx(info).loaders.relation(node_id, key)
    return [node_to_graphql(r.other, tenant) for r in related]


@strawberry.type(
    description="An organisation or unit: association, business, municipal unit or other organisation."
)
class Actor(Node):
    actor_kind: enums.ActorKind = strawberry.field(description="The kind of actor.")  # type: ignore[valid-type]
    sector: enums.Sector = strawberry.field(description="Its sector.")  # type: ignore[valid-type]
    arenas: list[enums.Arena] = strawberry.field(  # type: ignore[valid-type]
        description="The parts of young people's lives it belongs to."
    )
    category: str | None = strawberry.field(description='What it is, in words ("Skole").')
    description: str | None = strawberry.field(description="A longer description.")
    area_id: strawberry.Private[str | None]

    @strawberry.field(description="The area it is located in.")
    async def area(self, info: Info[Context, None]) -> Area | None:
        return await _area(info, self.tenant, self.area_id)

    @strawberry.field(description="Contact persons who work or volunteer there.")
    async def contact_persons(self, info: Info[Context, None]) -> list[ContactPerson]:
        return await _others(info, self.tenant, self.id, CONTACTS)

    @strawberry.field(description="The initiatives it takes part in, with its role.")
    async def initiatives(self, info: Info[Context, None]) -> list[Participation]:
        related = await _ctx(info).loaders.relation(self.id, PARTICIPATIONS)
        return [Participation.from_related(r, self) for r in related]


@strawberry.type(description="A young person, known by a pseudonym only.")
class YoungPerson(Node):
    age_band: enums.AgeBand | None = strawberry.field(description="Age band.")  # type: ignore[valid-type]
    birth_year: int | None = strawberry.field(description="Year of birth, if known.")
    challenges: list[enums.Challenge] = strawberry.field(  # type: ignore[valid-type]
        description="Challenges (health data of a minor)."
    )
    area_id: strawberry.Private[str | None]

    @strawberry.field(description="The area the young person lives in.")
    async def area(self, info: Info[Context, None]) -> Area | None:
        return await _area(info, self.tenant, self.area_id)


@strawberry.type(description="An adult contact person: teacher, club leader, business owner.")
class ContactPerson(Node):
    role: str | None = strawberry.field(description='Their role ("Formand").')
    email: str | None = strawberry.field(description="E-mail address.")
    phone: str | None = strawberry.field(description="Phone number.")

    @strawberry.field(description="The actors they work for or volunteer at.")
    async def actors(self, info: Info[Context, None]) -> list[Actor]:
        return await _others(info, self.tenant, self.id, EMPLOYERS)


@strawberry.type(description="A town, district, parish or municipality.")
class Area(Node):
    area_type: str | None = strawberry.field(description='"town", "district", "parish"…')

    @strawberry.field(description="The larger area it is part of.")
    async def part_of(self, info: Info[Context, None]) -> Area | None:
        parents = await _others(info, self.tenant, self.id, PARENT_AREA)
        return parents[0] if parents else None

    @strawberry.field(description="The areas that are part of it.")
    async def sub_areas(self, info: Info[Context, None]) -> list[Area]:
        return await _others(info, self.tenant, self.id, SUB_AREAS)

    @strawberry.field(description="The actors located in it.")
    async def actors(self, info: Info[Context, None]) -> list[Actor]:
        return await _others(info, self.tenant, self.id, LOCATED_ACTORS)


@strawberry.type(
    description="What makes a young person a member of a target group: each set "
    "criterion must match (any of its values); empty ones do not restrict."
)
class Criteria:
    age_bands: list[enums.AgeBand] = strawberry.field(description="Age bands.")  # type: ignore[valid-type]
    area_ids: list[strawberry.ID] = strawberry.field(description="Areas (with their sub-areas).")
    challenges: list[enums.Challenge] = strawberry.field(description="Challenges.")  # type: ignore[valid-type]


@strawberry.type(description="The young people an initiative is for.")
class TargetGroup(Node):
    description: str | None = strawberry.field(description="A description.")
    criteria: Criteria = strawberry.field(description="Who matches.")

    @strawberry.field(description="How many young people are members (matching or explicit).")
    async def member_count(self, info: Info[Context, None]) -> int:
        return await node_service.member_count(_ctx(info).scope(), self.id)

    @strawberry.field(
        description="The members: young people matching the criteria, and explicit "
        "members; a page at a time, by id."
    )
    async def members(
        self,
        info: Info[Context, None],
        first: Annotated[int, strawberry.argument(description="Page size.")] = 50,
        after: Annotated[
            str | None, strawberry.argument(description="The `endCursor` of the page before.")
        ] = None,
    ) -> Connection[YoungPerson]:
        ctx = _ctx(info)
        size = check_first(first, ctx.settings.max_page_size)
        total, members = await node_service.target_group_members(
            ctx.scope(), self.id, first=size, after=decode_cursor(after)
        )
        page = [node_to_graphql(m, self.tenant) for m in members[:size]]
        return to_connection(page, total, len(members) > size)

    @strawberry.field(description="The initiatives aimed at this group.")
    async def initiatives(self, info: Info[Context, None]) -> list[Initiative]:
        return await _others(info, self.tenant, self.id, TARGETED_BY)


@strawberry.type(description='An activity ("indsats") that actors take part in.')
class Initiative(Node):
    description: str | None = strawberry.field(description="A description.")

    @strawberry.field(description="The actors taking part, with their roles.")
    async def participants(self, info: Info[Context, None]) -> list[Participation]:
        related = await _ctx(info).loaders.relation(self.id, PARTICIPANTS)
        return [Participation.from_related(r, self) for r in related]

    @strawberry.field(description="The target groups it is aimed at.")
    async def targets(self, info: Info[Context, None]) -> list[TargetGroup]:
        return await _others(info, self.tenant, self.id, TARGETS)

    @strawberry.field(description="The actors funding it.")
    async def funders(self, info: Info[Context, None]) -> list[Actor]:
        return await _others(info, self.tenant, self.id, FUNDERS)


@strawberry.type(description="An actor's part in an initiative.")
class Participation:
    role: enums.ParticipationRole | None = strawberry.field(description="Lead, partner or funder.")  # type: ignore[valid-type]
    actor: Actor = strawberry.field(description="The actor.")
    initiative: Initiative = strawberry.field(description="The initiative.")

    @classmethod
    def from_related(cls, related: Related, seen_from: Node) -> Participation:
        """``related`` seen from either end: the actor is the tie's source."""
        ends = {related.other.id: node_to_graphql(related.other, seen_from.tenant), seen_from.id: seen_from}
        actor, initiative = ends.get(related.tie.source), ends.get(related.tie.target)
        return cls(
            role=enums.to_graphql(related.tie.role, enums.ParticipationRole),
            actor=actor,  # type: ignore[arg-type]
            initiative=initiative,  # type: ignore[arg-type]
        )


@strawberry.type(description="A tie seen from one of its nodes, with the node at the other end.")
class Tie:
    type: enums.TieType = strawberry.field(description="The kind of tie.")  # type: ignore[valid-type]
    source_id: strawberry.ID = strawberry.field(description="The node the tie starts at.")
    target_id: strawberry.ID = strawberry.field(description="The node the tie points to.")
    direction: enums.Direction = strawberry.field(
        description="Outgoing or incoming, seen from the node it is listed on."
    )
    other: Node = strawberry.field(description="The node at the other end.")
    strength: int | None = strawberry.field(description="Strength of a collaboration, 1-5.")
    since: int | None = strawberry.field(description="The year the tie began.")
    frequency: enums.Frequency | None = strawberry.field(description="How often they work together.")  # type: ignore[valid-type]
    role: enums.ParticipationRole | None = strawberry.field(description="Role in an initiative.")  # type: ignore[valid-type]

    @classmethod
    def from_related(cls, related: Related, seen_from: str, tenant: str) -> Tie:
        tie = related.tie
        return cls(
            type=enums.TieType(tie.type.value),
            source_id=strawberry.ID(tie.source),
            target_id=strawberry.ID(tie.target),
            direction=enums.Direction.OUTGOING if tie.source == seen_from else enums.Direction.INCOMING,
            other=node_to_graphql(related.other, tenant),
            strength=tie.strength,
            since=tie.since,
            frequency=enums.to_graphql(tie.frequency, enums.Frequency),
            role=enums.to_graphql(tie.role, enums.ParticipationRole),
        )


def _common(node: domain.Node, tenant: str) -> dict[str, Any]:
    return {
        "id": strawberry.ID(node.id),
        "name": node.name,
        "kind": enums.NodeKind(node.kind.value),
        "created_at": node.created_at,
        "updated_at": node.updated_at,
        "version": node.version or 1,
        "tenant": tenant,
    }


def _values(values: Any, graphql_enum: Any) -> list[Any]:
    return [graphql_enum(v.value) for v in sorted(values, key=lambda v: v.value)]


def node_to_graphql(node: domain.Node, tenant: str) -> Node:
    """The GraphQL object for a domain node."""
    common = _common(node, tenant)
    if isinstance(node, domain.Actor):
        return Actor(
            **common,
            actor_kind=enums.ActorKind(node.kind.value),
            sector=enums.Sector(node.sector.value),
            arenas=_values(node.arenas, enums.Arena),
            category=node.category,
            description=node.description,
            area_id=node.area,
        )
    if isinstance(node, domain.YoungPerson):
        return YoungPerson(
            **common,
            age_band=enums.to_graphql(node.age_band, enums.AgeBand),
            birth_year=node.birth_year,
            challenges=_values(node.challenges, enums.Challenge),
            area_id=node.area,
        )
    if isinstance(node, domain.Person):
        return ContactPerson(**common, role=node.role, email=node.email, phone=node.phone)
    if isinstance(node, domain.Area):
        return Area(**common, area_type=node.area_type)
    if isinstance(node, domain.TargetGroup):
        criteria = Criteria(
            age_bands=_values(node.criteria_age_bands, enums.AgeBand),
            area_ids=[strawberry.ID(a) for a in sorted(node.criteria_areas)],
            challenges=_values(node.criteria_challenges, enums.Challenge),
        )
        return TargetGroup(**common, description=node.description, criteria=criteria)
    if isinstance(node, domain.Initiative):
        return Initiative(**common, description=node.description)
    raise TypeError(f"no GraphQL type for {type(node).__name__}")


NODE_TYPES = [Actor, YoungPerson, ContactPerson, Area, TargetGroup, Initiative]
