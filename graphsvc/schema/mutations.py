"""Changes: create, update and delete nodes of every kind; connect and disconnect ties.

Every mutation returns either its result or a typed error (``... on Error { message }``), and
a refused change writes nothing.
"""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graphsvc import domain
from graphsvc.domain import ACTOR_KINDS, Kind
from graphsvc.schema import enums
from graphsvc.schema import node_inputs as inputs
from graphsvc.schema.context import Context
from graphsvc.schema.errors import (
    ConflictError,
    DuplicateError,
    InvalidInputError,
    NotFoundError,
    TieNotAllowedError,
    attempt,
)
from graphsvc.schema.neighbourhood import NeighbourhoodEdge
from graphsvc.schema.types import (
    Actor,
    Area,
    ContactPerson,
    Initiative,
    TargetGroup,
    YoungPerson,
    node_to_graphql,
)
from graphsvc.services import editing

__all__ = ["Mutation"]


_RESULT = "The changed node, or why nothing was changed."
# Why a change of a node can be refused.
_Refused = InvalidInputError | DuplicateError | NotFoundError | ConflictError

ActorResult = Annotated[Actor | _Refused, strawberry.union("ActorResult", description=_RESULT)]
YoungPersonResult = Annotated[
    YoungPerson | _Refused, strawberry.union("YoungPersonResult", description=_RESULT)
]
ContactPersonResult = Annotated[
    ContactPerson | _Refused, strawberry.union("ContactPersonResult", description=_RESULT)
]
AreaResult = Annotated[Area | _Refused, strawberry.union("AreaResult", description=_RESULT)]
TargetGroupResult = Annotated[
    TargetGroup | _Refused, strawberry.union("TargetGroupResult", description=_RESULT)
]
InitiativeResult = Annotated[Initiative | _Refused, strawberry.union("InitiativeResult", description=_RESULT)]


@strawberry.type(description="A node was deleted, with its ties.")
class Deleted:
    id: strawberry.ID = strawberry.field(description="The deleted node.")
    ties_removed: int = strawberry.field(description="How many ties went with it.")


@strawberry.type(description="A tie was created, or its properties replaced.")
class Connected:
    created: bool = strawberry.field(description="False when the tie existed and was updated.")
    tie: NeighbourhoodEdge = strawberry.field(description="The tie as stored.")


@strawberry.type(description="A tie was removed.")
class Disconnected:
    type: enums.TieType = strawberry.field(description="The kind of tie.")  # type: ignore[valid-type]
    source_id: strawberry.ID = strawberry.field(description="Where it started.")
    target_id: strawberry.ID = strawberry.field(description="Where it pointed.")


DeleteResult = Annotated[Deleted | NotFoundError, strawberry.union("DeleteResult", description=_RESULT)]
ConnectResult = Annotated[
    Connected | InvalidInputError | TieNotAllowedError | NotFoundError,
    strawberry.union("ConnectResult", description=_RESULT),
]
DisconnectResult = Annotated[
    Disconnected | NotFoundError, strawberry.union("DisconnectResult", description=_RESULT)
]


@strawberry.input(description="A tie between two nodes; which properties apply depends on its type.")
class TieInput:
    type: enums.TieType = strawberry.field(description="The kind of tie.")  # type: ignore[valid-type]
    source_id: strawberry.ID = strawberry.field(description="Where the tie starts.")
    target_id: strawberry.ID = strawberry.field(description="Where the tie points.")
    strength: int | None = strawberry.field(default=None, description="1-5 (collaborations).")
    since: int | None = strawberry.field(default=None, description="The year it began.")
    frequency: enums.Frequency | None = strawberry.field(default=None, description="How often.")  # type: ignore[valid-type]
    role: enums.ParticipationRole | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Role in an initiative."
    )


Id = Annotated[strawberry.ID, strawberry.argument(description="The node's id.")]
Tenant = Annotated[str | None, strawberry.argument(description="The tenant.")]


async def _create(info: Info[Context, None], tenant: str | None, kind: Kind, data: Any) -> Any:
    scope = info.context.scope(tenant)
    node = await editing.create_node(scope, inputs.fields_of(data) | {"kind": kind})
    return node_to_graphql(node, scope.tenant)


async def _update(
    info: Info[Context, None], tenant: str | None, node_id: str, kinds: frozenset[Kind], data: Any
) -> Any:
    scope = info.context.scope(tenant)
    changes = inputs.fields_of(data)
    expected = changes.pop("expected_version", None)
    node = await editing.update_node(scope, node_id, changes, kinds, expected_version=expected)
    return node_to_graphql(node, scope.tenant)


async def _connect(info: Info[Context, None], tenant: str | None, data: TieInput) -> Connected:
    ctx = info.context
    fields = {
        "type": data.type.value,
        "source": data.source_id,
        "target": data.target_id,
        "strength": data.strength,
        "since": data.since,
        "frequency": data.frequency.value if data.frequency else None,
        "role": data.role.value if data.role else None,
    }
    tie, created = await editing.connect(ctx.scope(tenant), fields)
    return Connected(
        created=created,
        tie=NeighbourhoodEdge(
            type=data.type,
            source_id=data.source_id,
            target_id=data.target_id,
            strength=tie.strength,
            since=tie.since,
            frequency=data.frequency,
            role=data.role,
        ),
    )


async def _disconnect(
    info: Info[Context, None], tenant: str | None, type_: Any, source: str, target: str
) -> Disconnected:
    ctx = info.context
    await editing.disconnect(ctx.scope(tenant), domain.TieType(type_.value), source, target)
    return Disconnected(type=type_, source_id=strawberry.ID(source), target_id=strawberry.ID(target))


def _tie(type_: Any, source: str, target: str, role: Any = None) -> TieInput:
    return TieInput(type=type_, source_id=strawberry.ID(source), target_id=strawberry.ID(target), role=role)


@strawberry.type(description="Change the network of a tenant.")
class Mutation:
    @strawberry.mutation(description="Add an actor.")
    async def create_actor(
        self, info: Info[Context, None], input: inputs.ActorCreate, tenant: Tenant = None
    ) -> ActorResult:
        return await attempt(_create(info, tenant, Kind(input.kind.value), input))

    @strawberry.mutation(description="Change an actor.")
    async def update_actor(
        self, info: Info[Context, None], id: Id, input: inputs.ActorUpdate, tenant: Tenant = None
    ) -> ActorResult:
        return await attempt(_update(info, tenant, id, ACTOR_KINDS, input))

    @strawberry.mutation(description="Add a young person (pseudonymous).")
    async def create_young_person(
        self, info: Info[Context, None], input: inputs.YoungPersonCreate, tenant: Tenant = None
    ) -> YoungPersonResult:
        return await attempt(_create(info, tenant, Kind.YOUNG_PERSON, input))

    @strawberry.mutation(description="Change a young person.")
    async def update_young_person(
        self, info: Info[Context, None], id: Id, input: inputs.YoungPersonUpdate, tenant: Tenant = None
    ) -> YoungPersonResult:
        return await attempt(_update(info, tenant, id, frozenset({Kind.YOUNG_PERSON}), input))

    @strawberry.mutation(description="Add a contact person.")
    async def create_contact_person(
        self, info: Info[Context, None], input: inputs.ContactPersonCreate, tenant: Tenant = None
    ) -> ContactPersonResult:
        return await attempt(_create(info, tenant, Kind.PERSON, input))

    @strawberry.mutation(description="Change a contact person.")
    async def update_contact_person(
        self, info: Info[Context, None], id: Id, input: inputs.ContactPersonUpdate, tenant: Tenant = None
    ) -> ContactPersonResult:
        return await attempt(_update(info, tenant, id, frozenset({Kind.PERSON}), input))

    @strawberry.mutation(description="Add an area.")
    async def create_area(
        self, info: Info[Context, None], input: inputs.AreaCreate, tenant: Tenant = None
    ) -> AreaResult:
        return await attempt(_create(info, tenant, Kind.AREA, input))

    @strawberry.mutation(description="Change an area.")
    async def update_area(
        self, info: Info[Context, None], id: Id, input: inputs.AreaUpdate, tenant: Tenant = None
    ) -> AreaResult:
        return await attempt(_update(info, tenant, id, frozenset({Kind.AREA}), input))

    @strawberry.mutation(description="Add a target group with its criteria.")
    async def create_target_group(
        self, info: Info[Context, None], input: inputs.TargetGroupCreate, tenant: Tenant = None
    ) -> TargetGroupResult:
        return await attempt(_create(info, tenant, Kind.TARGET_GROUP, input))

    @strawberry.mutation(description="Change a target group or its criteria.")
    async def update_target_group(
        self, info: Info[Context, None], id: Id, input: inputs.TargetGroupUpdate, tenant: Tenant = None
    ) -> TargetGroupResult:
        return await attempt(_update(info, tenant, id, frozenset({Kind.TARGET_GROUP}), input))

    @strawberry.mutation(description="Add an initiative.")
    async def create_initiative(
        self, info: Info[Context, None], input: inputs.InitiativeCreate, tenant: Tenant = None
    ) -> InitiativeResult:
        return await attempt(_create(info, tenant, Kind.INITIATIVE, input))

    @strawberry.mutation(description="Change an initiative.")
    async def update_initiative(
        self, info: Info[Context, None], id: Id, input: inputs.InitiativeUpdate, tenant: Tenant = None
    ) -> InitiativeResult:
        return await attempt(_update(info, tenant, id, frozenset({Kind.INITIATIVE}), input))

    @strawberry.mutation(description="Delete any node, with all its ties.")
    async def delete_node(self, info: Info[Context, None], id: Id, tenant: Tenant = None) -> DeleteResult:
        async def work() -> Deleted:
            ctx = info.context
            removed = await editing.delete_node(ctx.scope(tenant), id)
            return Deleted(id=id, ties_removed=removed)

        return await attempt(work())

    @strawberry.mutation(description="Create a tie, or replace the properties of an existing one.")
    async def connect(
        self, info: Info[Context, None], input: TieInput, tenant: Tenant = None
    ) -> ConnectResult:
        return await attempt(_connect(info, tenant, input))

    @strawberry.mutation(description="Remove a tie.")
    async def disconnect(
        self,
        info: Info[Context, None],
        type: Annotated[enums.TieType, strawberry.argument(description="The kind of tie.")],  # type: ignore[valid-type]
        source_id: Annotated[strawberry.ID, strawberry.argument(description="Where it starts.")],
        target_id: Annotated[strawberry.ID, strawberry.argument(description="Where it points.")],
        tenant: Tenant = None,
    ) -> DisconnectResult:
        return await attempt(_disconnect(info, tenant, type, source_id, target_id))

    @strawberry.mutation(description="Let an actor take part in an initiative.")
    async def add_participant(
        self,
        info: Info[Context, None],
        initiative_id: strawberry.ID,
        actor_id: strawberry.ID,
        role: enums.ParticipationRole = enums.ParticipationRole.PARTNER,  # type: ignore[valid-type]
        tenant: Tenant = None,
    ) -> ConnectResult:
        return await attempt(
            _connect(info, tenant, _tie(enums.TieType.PARTICIPATES_IN, actor_id, initiative_id, role))
        )

    @strawberry.mutation(description="Take an actor out of an initiative.")
    async def remove_participant(
        self,
        info: Info[Context, None],
        initiative_id: strawberry.ID,
        actor_id: strawberry.ID,
        tenant: Tenant = None,
    ) -> DisconnectResult:
        return await attempt(
            _disconnect(info, tenant, enums.TieType.PARTICIPATES_IN, actor_id, initiative_id)
        )

    @strawberry.mutation(description="Aim an initiative at a target group.")
    async def add_target(
        self,
        info: Info[Context, None],
        initiative_id: strawberry.ID,
        target_group_id: strawberry.ID,
        tenant: Tenant = None,
    ) -> ConnectResult:
        return await attempt(
            _connect(info, tenant, _tie(enums.TieType.TARGETS, initiative_id, target_group_id))
        )

    @strawberry.mutation(description="Stop aiming an initiative at a target group.")
    async def remove_target(
        self,
        info: Info[Context, None],
        initiative_id: strawberry.ID,
        target_group_id: strawberry.ID,
        tenant: Tenant = None,
    ) -> DisconnectResult:
        return await attempt(_disconnect(info, tenant, enums.TieType.TARGETS, initiative_id, target_group_id))

    @strawberry.mutation(description="Make a young person an explicit member of a target group.")
    async def add_member(
        self,
        info: Info[Context, None],
        target_group_id: strawberry.ID,
        young_person_id: strawberry.ID,
        tenant: Tenant = None,
    ) -> ConnectResult:
        return await attempt(
            _connect(info, tenant, _tie(enums.TieType.INCLUDED_IN, young_person_id, target_group_id))
        )

    @strawberry.mutation(description="Remove an explicit member from a target group.")
    async def remove_member(
        self,
        info: Info[Context, None],
        target_group_id: strawberry.ID,
        young_person_id: strawberry.ID,
        tenant: Tenant = None,
    ) -> DisconnectResult:
        return await attempt(
            _disconnect(info, tenant, enums.TieType.INCLUDED_IN, young_person_id, target_group_id)
        )
